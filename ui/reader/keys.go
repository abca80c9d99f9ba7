package reader

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"

	"cablereader/ui/common"
)

// KeyMap is every key binding of the reader. It implements help.KeyMap.
type KeyMap struct {
	common.MotionKeys

	NextPara, PrevPara key.Binding
	GotoPara           key.Binding
	Summary            key.Binding
	NextAside          key.Binding // next COMMENT or NOTE
	PrevAside          key.Binding

	Toggle, CollapseAll, ExpandAll key.Binding

	Search, NextMatch, PrevMatch key.Binding

	Routing key.Binding
	Header  key.Binding // full / compact / hidden header
	Cite    key.Binding // copy the current paragraph as a citation
	CiteRef key.Binding // copy the cable's reference line
	Mark    key.Binding // mark the current paragraph
	Marks   key.Binding // the marks of every cable
	Tags    key.Binding // the TAGS glossary page
	Help    key.Binding
	Close   key.Binding
	Quit    key.Binding

	// Off (and so out of the help) until turned on: references as links
	// (EnableLinks), back to the cable a mark was opened from (EnableBack).
	NextRef, PrevRef key.Binding // select a reference that is in the archive
	Back             key.Binding

	// Keys a root model handles over the reader, listed in its help
	// (AddKeys): the archive's follow, back, forward, same post…
	extra Extra

	backShort key.Binding

	paraHelp   key.Binding   // "]/[" as one entry of the short help
	tagsShort  key.Binding   // Tags as the short help names it
	scrollHelp key.Binding   // "↑/↓" on a page's help bar
	closeHelp  key.Binding   // "esc" on a page's help bar
	quitHelp   key.Binding   // Quit as the full help describes it
	marksHelp  []key.Binding // the marks page's help bar
}

// DefaultKeyMap returns the reader's keys, after less and vim: j/k,
// space/b, g/G, / and n/N mean what they mean there.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		MotionKeys: common.NewMotionKeys("top, first ¶", "bottom, last ¶"),

		NextPara:  key.NewBinding(key.WithKeys("]"), key.WithHelp("]", "next ¶")),
		PrevPara:  key.NewBinding(key.WithKeys("["), key.WithHelp("[", "previous ¶")),
		GotoPara:  key.NewBinding(key.WithKeys(":"), key.WithHelp(":N⏎", "go to ¶N")),
		Summary:   key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "summary")),
		NextAside: key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "next comment/note")),
		PrevAside: key.NewBinding(key.WithKeys("A"), key.WithHelp("A", "previous comment/note")),

		Toggle:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("⏎", "fold ¶")),
		CollapseAll: key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "fold all")),
		ExpandAll:   key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "unfold all")),

		Search:    key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "search")),
		NextMatch: key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "next match")),
		PrevMatch: key.NewBinding(key.WithKeys("N"), key.WithHelp("N", "previous match")),

		Routing: key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "routing")),
		Header:  key.NewBinding(key.WithKeys("h"), key.WithHelp("h", "header: full, compact, hidden")),
		Cite:    key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "copy ¶ as a citation")),
		CiteRef: key.NewBinding(key.WithKeys("Y"), key.WithHelp("Y", "copy the cable's id, date, from, subject")),
		Mark:    key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "mark ¶ (again: unmark)")),
		Marks:   key.NewBinding(key.WithKeys("'"), key.WithHelp("'", "marks, in every cable")),
		Tags:    key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "TAGS glossary")),
		Help:    key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "keys")),
		Close:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close page, clear search")),
		Quit:    key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),

		paraHelp:   key.NewBinding(key.WithKeys("]", "["), key.WithHelp("]/[", "next/prev ¶")),
		tagsShort:  key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "TAGS")),
		scrollHelp: key.NewBinding(key.WithKeys("j", "k"), key.WithHelp("↑/↓", "scroll")),
		closeHelp:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close")),
		quitHelp:   key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit, from any page")),
		marksHelp: []key.Binding{
			key.NewBinding(key.WithKeys("j", "k"), key.WithHelp("↑/↓", "select")),
			key.NewBinding(key.WithKeys("enter"), key.WithHelp("⏎", "open")),
			key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "remove")),
			key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close")),
		},

		NextRef:   key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next reference in the archive"), key.WithDisabled()),
		PrevRef:   key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous reference"), key.WithDisabled()),
		Back:      key.NewBinding(key.WithKeys("backspace", "ctrl+o", "left"), key.WithHelp("⌫/ctrl+o/←", "back to the cable left for a mark"), key.WithDisabled()),
		backShort: key.NewBinding(key.WithKeys("backspace"), key.WithHelp("⌫", "back"), key.WithDisabled()),
	}
}

// Extra are keys a root model handles over the reader (the archive's:
// follow a reference, back and forward, the same post, the thread), as
// data: Short goes into the help bar after search, in place of the
// reader's own back and TAGS; Full is a group of the keys page. The reader
// only lists them; the root model matches them before handing it a key.
type Extra struct {
	Short, Full []key.Binding
}

// ShortHelp is the one-line help bar, most needed first; the last two are
// help and quit, which Model.helpBar keeps when it drops keys to fit.
func (k KeyMap) ShortHelp() []key.Binding {
	if len(k.extra.Short) > 0 {
		b := []key.Binding{k.paraHelp, k.Toggle, k.Search}
		b = append(b, k.extra.Short...)
		return append(b, k.Routing, k.Help, k.Quit)
	}
	return []key.Binding{k.paraHelp, k.Toggle, k.Search, k.backShort, k.Routing, k.tagsShort, k.Help, k.Quit}
}

// FullHelp is the full key list shown by "?".
func (k KeyMap) FullHelp() [][]key.Binding {
	groups := [][]key.Binding{
		k.MotionKeys.Help(),
		{k.NextPara, k.PrevPara, k.GotoPara, k.Summary, k.NextAside, k.PrevAside},
		{k.Toggle, k.CollapseAll, k.ExpandAll, k.Search, k.NextMatch, k.PrevMatch},
		{k.Routing, k.Header, k.Cite, k.CiteRef, k.Mark, k.Marks, k.Tags, k.Help, k.Close, k.quitHelp},
	}
	if len(k.extra.Full) > 0 {
		groups = append(groups, k.extra.Full)
	}
	return groups
}

// pageKeys is the help bar shown under a page (keys, TAGS glossary).
type pageKeys struct{ KeyMap }

// PageHelp is the help bar shown under a page.
func (k KeyMap) PageHelp() help.KeyMap { return pageKeys{k} }

func (k pageKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.scrollHelp, k.closeHelp, k.Quit}
}
