package reader

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"

	"cablereader/ui/common"
)

// KeyMap is every key binding of the reader. It implements help.KeyMap.
type KeyMap struct {
	Up, Down         key.Binding
	HalfDown, HalfUp key.Binding
	PageDown, PageUp key.Binding
	Top, Bottom      key.Binding

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

	// Archive mode only (disabled, and so out of the help, for a single
	// cable): references as links, a history, the same post's traffic.
	NextRef, PrevRef   key.Binding // select a reference that is in the archive
	FollowRef          key.Binding
	Back               key.Binding // the previous cable, or the list
	PrevPost, NextPost key.Binding // the same origin's previous/next cable
	ToList             key.Binding // esc when nothing is left to close
	Thread             key.Binding // the thread view: what this cites and what cites it
	Versions           key.Binding // the word diff of the copies of this cable the archive holds

	archive   bool
	refHelp   key.Binding // "tab/o" as one entry of the short help
	postHelp  key.Binding // "(/)" as one entry of the short help
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
		Up:       key.NewBinding(key.WithKeys("k", "up"), key.WithHelp("↑/k", "up")),
		Down:     key.NewBinding(key.WithKeys("j", "down"), key.WithHelp("↓/j", "down")),
		HalfDown: key.NewBinding(key.WithKeys("ctrl+d"), key.WithHelp("ctrl+d", "half page down")),
		HalfUp:   key.NewBinding(key.WithKeys("ctrl+u"), key.WithHelp("ctrl+u", "half page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown", "space", "f"), key.WithHelp("pgdn/space/f", "page down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup", "b"), key.WithHelp("pgup/b", "page up")),
		Top:      key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g/home", "top, first ¶")),
		Bottom:   key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G/end", "bottom, last ¶")),

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
		FollowRef: key.NewBinding(key.WithKeys("o", "right"), key.WithHelp("o/→", "open the selected reference"), key.WithDisabled()),
		Back:      key.NewBinding(key.WithKeys("backspace", "ctrl+o", "left"), key.WithHelp("⌫/ctrl+o/←", "back: previous cable, then the list"), key.WithDisabled()),
		PrevPost:  key.NewBinding(key.WithKeys("("), key.WithHelp("(", "previous cable from this post"), key.WithDisabled()),
		NextPost:  key.NewBinding(key.WithKeys(")"), key.WithHelp(")", "next cable from this post"), key.WithDisabled()),
		ToList:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "the list (when nothing is open)"), key.WithDisabled()),
		Thread:    key.NewBinding(key.WithKeys("T"), key.WithHelp("T", "thread: what this cites, what cites it; t there: timeline"), key.WithDisabled()),
		Versions:  key.NewBinding(key.WithKeys("V"), key.WithHelp("V", "versions: what changed between the archive's copies"), key.WithDisabled()),
		refHelp:   key.NewBinding(key.WithKeys("tab", "o"), key.WithHelp("tab/o", "ref"), key.WithDisabled()),
		postHelp:  key.NewBinding(key.WithKeys("(", ")"), key.WithHelp("(/)", "post"), key.WithDisabled()),
		backShort: key.NewBinding(key.WithKeys("backspace"), key.WithHelp("⌫", "back"), key.WithDisabled()),
	}
}

// ArchiveKeyMap is the reader's keymap with the archive keys turned on.
func ArchiveKeyMap() KeyMap {
	k := DefaultKeyMap()
	k.archive = true
	for _, b := range []*key.Binding{&k.NextRef, &k.PrevRef, &k.FollowRef, &k.Back, &k.PrevPost, &k.NextPost,
		&k.ToList, &k.Thread, &k.Versions, &k.refHelp, &k.postHelp, &k.backShort} {
		b.SetEnabled(true)
	}
	return k
}

// ShortHelp is the one-line help bar, most needed first; the last two are
// help and quit, which Model.helpBar keeps when it drops keys to fit.
func (k KeyMap) ShortHelp() []key.Binding {
	if k.archive {
		return []key.Binding{k.paraHelp, k.Toggle, k.Search, k.refHelp, k.backShort, k.postHelp, k.Routing, k.Help, k.Quit}
	}
	return []key.Binding{k.paraHelp, k.Toggle, k.Search, k.backShort, k.Routing, k.tagsShort, k.Help, k.Quit}
}

// FullHelp is the full key list shown by "?".
func (k KeyMap) FullHelp() [][]key.Binding {
	groups := [][]key.Binding{
		{k.Down, k.Up, k.HalfDown, k.HalfUp, k.PageDown, k.PageUp, k.Top, k.Bottom},
		{k.NextPara, k.PrevPara, k.GotoPara, k.Summary, k.NextAside, k.PrevAside},
		{k.Toggle, k.CollapseAll, k.ExpandAll, k.Search, k.NextMatch, k.PrevMatch},
		{k.Routing, k.Header, k.Cite, k.CiteRef, k.Mark, k.Marks, k.Tags, k.Help, k.Close, k.quitHelp},
	}
	if k.archive {
		groups = append(groups, []key.Binding{k.NextRef, k.PrevRef, k.FollowRef, k.Back, k.PrevPost, k.NextPost, k.Thread, k.Versions, k.ToList})
	}
	return groups
}

// scrollKeys are the keys that scroll a page.
func (k KeyMap) scrollKeys() common.PageKeys {
	return common.PageKeys{Down: k.Down, Up: k.Up, HalfDown: k.HalfDown, HalfUp: k.HalfUp,
		PageDown: k.PageDown, PageUp: k.PageUp, Top: k.Top, Bottom: k.Bottom}
}

// pageKeys is the help bar shown under a page (keys, TAGS glossary).
type pageKeys struct{ KeyMap }

// PageHelp is the help bar shown under a page.
func (k KeyMap) PageHelp() help.KeyMap { return pageKeys{k} }

func (k pageKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.scrollHelp, k.closeHelp, k.Quit}
}
