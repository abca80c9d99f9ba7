package archive

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"cablereader/model"
	"cablereader/ui/common"
	"cablereader/ui/reader"
)

// The list's keys: moving and opening, the quick filters (post,
// classification), the skipped-rows overlay and the key page, and the
// filter and TAG prompts with their completions.

// listMode is the list's input state.
type listMode int

const (
	listNormal listMode = iota
	listFilter          // "/" typed: the fuzzy query
	listTag             // "#" typed: a TAG
	listSearch          // "s" typed: a full-text query
)

// listKey handles a key in the list.
func (a *Archive) listKey(msg tea.KeyPressMsg) tea.Cmd {
	k := a.keys
	switch {
	case a.mode != listNormal:
		return a.promptKey(msg)
	case key.Matches(msg, k.Quit):
		a.quitting = true
		return common.SaveAndQuit(a.opt.State)
	case a.ov.Is(overlayMarks):
		return a.marksKey(msg)
	case a.ov.On():
		a.pageKey(msg)
		return nil
	case a.tooSmall:
		return nil
	case a.sr.on:
		return a.searchKey(msg)
	}
	l := &a.list
	half := max(1, l.height/2)
	switch {
	case key.Matches(msg, k.Down):
		l.move(1)
	case key.Matches(msg, k.Up):
		l.move(-1)
	case key.Matches(msg, k.HalfDown):
		l.scroll(half)
	case key.Matches(msg, k.HalfUp):
		l.scroll(-half)
	case key.Matches(msg, k.PageDown):
		l.scroll(max(1, l.height-1))
	case key.Matches(msg, k.PageUp):
		l.scroll(-max(1, l.height-1))
	case key.Matches(msg, k.Top):
		l.moveTo(0)
	case key.Matches(msg, k.Bottom):
		l.moveTo(l.len() - 1)
	case key.Matches(msg, k.Open):
		if e, ok := l.selected(); ok {
			return a.open(e, navHistory{}, nil)
		}
	case key.Matches(msg, k.Filter):
		a.mode, a.prompt, a.prevQuery = listFilter, common.NewPrompt(l.query), l.query
	case key.Matches(msg, k.Tag):
		a.mode, a.prompt = listTag, common.NewPrompt("")
		a.completeTags()
	case key.Matches(msg, k.Search):
		if _, ok := a.src.(Searcher); !ok {
			a.msg = "no full-text index for this archive (see cablereader index)"
			return nil
		}
		a.mode, a.prompt = listSearch, common.NewPrompt(a.sr.query)
		a.sr.on = true
	case key.Matches(msg, k.Post):
		a.togglePost()
	case key.Matches(msg, k.Class):
		l.cycleLevel(1)
		a.sayLevel()
	case key.Matches(msg, k.ClassBack):
		l.cycleLevel(-1)
		a.sayLevel()
	case key.Matches(msg, k.Clear):
		if l.filtered() {
			l.query = ""
			l.setQuick("", "", model.LevelUnknown)
			a.msg = "filters cleared"
		}
	case key.Matches(msg, k.Sort):
		return a.nextOrder()
	case key.Matches(msg, k.Problems):
		switch {
		case a.prog.Errors+a.prog.Skipped+len(a.src.Errors())+len(a.src.Skipped()) > 0:
			a.ov.Open(overlayProbs)
		case a.scanning:
			a.msg = "nothing skipped so far: the scan is still running"
		default:
			a.msg = "nothing was skipped"
		}
	case key.Matches(msg, k.Help):
		a.ov.Open(overlayKeys)
	case key.Matches(msg, k.Marks):
		a.openMarks()
	case key.Matches(msg, readerKeys.Forward):
		return a.forward()
	}
	return nil
}

// sortHow says which way an order runs.
var sortHow = [nSortKeys]string{byDate: ", oldest first", byClass: ", most secret first"}

func (a *Archive) sayLevel() {
	if a.list.level == model.LevelUnknown {
		a.msg = "all classifications"
		return
	}
	a.msg = "only " + a.list.level.String() + " (c: next level)"
}

// togglePost keeps only the selected row's post, or lifts that filter.
func (a *Archive) togglePost() {
	l := &a.list
	if l.origin != "" {
		l.setQuick(l.tag, "", l.level)
		a.msg = "all posts"
		return
	}
	e, ok := l.selected()
	if !ok || e.Origin == "" {
		a.msg = "this row has no origin"
		return
	}
	l.setQuick(l.tag, e.Origin, l.level)
	a.msg = "only " + common.CleanLine(e.Origin) + " (p again: all posts)"
}

// pageKey scrolls or closes the skipped-rows overlay or the key page.
func (a *Archive) pageKey(msg tea.KeyPressMsg) {
	k := a.keys
	h := a.helpH()
	if a.ov.Is(overlayProbs) {
		h = a.probsH()
	}
	switch {
	case key.Matches(msg, k.Clear), a.ov.Is(overlayProbs) && key.Matches(msg, k.Problems), a.ov.Is(overlayKeys) && key.Matches(msg, k.Help):
		a.ov.Close()
	default:
		a.ov.Page.Key(msg, k.MotionKeys, h)
	}
}

// promptKey edits the filter or TAG prompt. The filter applies as it is
// typed; the TAG on enter.
func (a *Archive) promptKey(msg tea.KeyPressMsg) tea.Cmd {
	l := &a.list
	switch msg.String() {
	case "esc":
		if a.mode == listSearch {
			if a.sr.before != "" {
				// Editing a query on the results: back to them, as they were.
				q := a.sr.before
				a.sr.before = ""
				a.mode, a.prompt = listNormal, common.Prompt{}
				if q != a.sr.query {
					a.sr.query, a.sr.cursor = q, 0
					a.sr.seq++
					return a.searchTick(searchTickMsg{a.sr.seq})
				}
				return nil
			}
			a.closeSearch()
			return nil
		}
		if a.mode == listFilter {
			l.setQuery(a.prevQuery)
		}
		a.mode, a.prompt = listNormal, common.Prompt{}
	case "enter":
		a.sr.before = "" // a query edited on the results is taken
		if a.mode == listTag && a.sr.on {
			// On the results, the TAG narrows the search.
			tag := strings.ToUpper(strings.TrimSpace(a.prompt.Value()))
			a.mode, a.prompt = listNormal, common.Prompt{}
			return a.narrow("tag", tag)
		}
		if a.mode == listTag {
			tag := strings.ToUpper(strings.TrimSpace(a.prompt.Value()))
			l.setQuick(tag, l.origin, l.level)
			switch {
			case tag == "":
				a.msg = "all TAGS"
			case l.len() == 0:
				a.msg = "no cable has the TAG " + common.CleanLine(tag)
			default:
				a.msg = "only TAG " + common.CleanLine(tag)
			}
		}
		a.mode, a.prompt = listNormal, common.Prompt{}
	case "up":
		if a.mode == listSearch {
			a.sr.cursor = max(0, a.sr.cursor-1)
		}
		l.move(-1)
	case "down":
		if a.mode == listSearch {
			a.sr.cursor = min(a.sr.cursor+1, max(0, len(a.shownHits())-1))
		}
		l.move(1)
	case "tab", "shift+tab":
		if a.mode == listSearch && msg.String() == "tab" {
			return a.takeSuggestion()
		}
		if n := len(a.tagCands); a.mode == listTag && n > 0 {
			switch {
			case msg.String() == "tab":
				a.tagCand = (a.tagCand + 1) % n
			case a.tagCand < 0:
				a.tagCand = n - 1
			default:
				a.tagCand = (a.tagCand - 1 + n) % n
			}
			a.prompt.SetValue(a.tagCands[a.tagCand])
		}
	default:
		return a.promptEdit(msg)
	}
	return nil
}

// promptEdit gives the open prompt an editing key or a paste.
func (a *Archive) promptEdit(msg tea.Msg) tea.Cmd {
	switch a.prompt.Edit(msg) {
	case common.PromptClosed:
		a.mode, a.prompt = listNormal, common.Prompt{}
	case common.PromptChanged:
		if a.mode == listSearch {
			return a.searchChanged()
		}
		a.inputChanged()
	}
	return nil
}

func (a *Archive) inputChanged() {
	if a.mode == listFilter {
		a.list.setQuery(a.prompt.Value())
		return
	}
	a.completeTags()
}

// completeTags lists the TAGS that complete the prompt: the selected
// row's when it is empty, else the archive's TAGS with that prefix, most
// used first (the list counts them as batches arrive).
func (a *Archive) completeTags() {
	a.tagCand = -1
	a.tagCands = a.tagCands[:0]
	in := strings.ToUpper(strings.TrimSpace(a.prompt.Value()))
	if in == "" {
		e, ok := a.list.selected()
		if hits := a.shownHits(); a.sr.on && a.sr.cursor < len(hits) {
			e, ok = hits[a.sr.cursor].Entry, true // on the results, the selected hit's
		}
		if ok {
			for _, t := range e.Tags {
				a.tagCands = append(a.tagCands, common.CleanLine(t))
			}
		}
		return
	}
	for t := range a.list.tagN {
		if strings.HasPrefix(strings.ToUpper(t), in) {
			a.tagCands = append(a.tagCands, t)
		}
	}
	sortTags(a.tagCands, a.list.tagN)
	if len(a.tagCands) > 50 {
		a.tagCands = a.tagCands[:50]
	}
	for i, t := range a.tagCands {
		a.tagCands[i] = common.CleanLine(t)
	}
}

// ListKeyMap is the keys of the archive's list. It implements help.KeyMap.
type ListKeyMap struct {
	common.MotionKeys
	Open key.Binding

	Filter    key.Binding // "/": fuzzy filter over id, subject, origin, TAGS
	Tag       key.Binding // "#": only the cables with a TAG
	Search    key.Binding // "s": full-text search through the index
	Post      key.Binding // only the selected row's origin
	Class     key.Binding // cycle the classification filter
	ClassBack key.Binding
	Clear     key.Binding
	Sort      key.Binding // cycle the order: date, id, origin, classification
	Problems  key.Binding // the rows and files skipped while reading the archive
	Marks     key.Binding // the marks of every cable
	Help      key.Binding
	Quit      key.Binding
	// the short help's names
	filterShort, tagShort, postShort, classShort, clearShort key.Binding
}

// DefaultListKeyMap returns the list's keys.
func DefaultListKeyMap() ListKeyMap {
	return ListKeyMap{
		MotionKeys: common.NewMotionKeys("first cable", "last cable"),
		Open:       key.NewBinding(key.WithKeys("enter"), key.WithHelp("⏎", "open")),
		Filter:     key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter: id, subject, origin, TAGS")),
		Tag:        key.NewBinding(key.WithKeys("#"), key.WithHelp("#", "only a TAG (tab: this row's TAGS)")),
		Search:     key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "search the text (words, \"phrase\", tag:, from:, date:, cites:…)")),
		Post:       key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "only this row's post (again: all)")),
		Class:      key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "classification: all, U, LOU, C, S…")),
		ClassBack:  key.NewBinding(key.WithKeys("C"), key.WithHelp("C", "classification, backwards")),
		Clear:      key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear the filters")),
		Sort:       key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "order: date, id, origin, classification")),
		Problems:   key.NewBinding(key.WithKeys("!"), key.WithHelp("!", "rows and files skipped")),
		Marks:      key.NewBinding(key.WithKeys("'"), key.WithHelp("'", "marks, in every cable")),
		Help:       key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "keys")),
		Quit:       key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),

		filterShort: key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter")),
		tagShort:    key.NewBinding(key.WithKeys("#"), key.WithHelp("#", "TAG")),
		postShort:   key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "post")),
		classShort:  key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "class")),
		clearShort:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear")),
	}
}

// ShortHelp is the list's help bar.
func (k ListKeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Open, k.filterShort, k.tagShort, k.postShort, k.classShort, k.clearShort, k.Help, k.Quit}
}

// FullHelp is the list's key page.
func (k ListKeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		k.MotionKeys.Help(),
		{k.Open, k.Filter, k.Search, k.Tag, k.Post, k.Class, k.ClassBack, k.Clear},
		{k.Sort, k.Marks, k.Problems, k.Help, k.Quit},
	}
}

// ReaderKeyMap is the archive's keys over its reader: moving between
// cables. The archive matches them before the reader sees a key, and hands
// them to the reader as data (reader.Extra) for its help.
type ReaderKeyMap struct {
	FollowRef          key.Binding // open the selected reference
	Back, Forward      key.Binding // through the history, as in a browser
	PrevPost, NextPost key.Binding // the same origin's previous/next cable
	ToList             key.Binding // esc when nothing is left to close
	Thread             key.Binding // what this cites and what cites it
	Versions           key.Binding // the word diff of the copies the archive holds

	refShort, backShort, postShort key.Binding // one entry each on the help bar
}

// readerKeys are the archive's keys in the reader.
var readerKeys = DefaultReaderKeyMap()

// DefaultReaderKeyMap returns the archive's keys in the reader. Back is
// ⌫, ctrl+o (vim's jump back) or ←; forward is alt+→ or ">" and, where the
// terminal tells it from tab, vim's ctrl+i: most terminals send tab for
// it, and tab selects the next reference.
func DefaultReaderKeyMap() ReaderKeyMap {
	return ReaderKeyMap{
		FollowRef: key.NewBinding(key.WithKeys("o", "right"), key.WithHelp("o/→", "open the selected reference")),
		Back:      historyBack(),
		Forward:   key.NewBinding(key.WithKeys(">", "alt+right", "ctrl+i"), key.WithHelp(">/alt+→", "forward again, after back")),
		PrevPost:  key.NewBinding(key.WithKeys("("), key.WithHelp("(", "previous cable from this post")),
		NextPost:  key.NewBinding(key.WithKeys(")"), key.WithHelp(")", "next cable from this post")),
		ToList:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "the list (when nothing is open)")),
		Thread:    key.NewBinding(key.WithKeys("T"), key.WithHelp("T", "thread: what this cites, what cites it; t there: timeline")),
		Versions:  key.NewBinding(key.WithKeys("V"), key.WithHelp("V", "versions: what changed between the archive's copies")),
		refShort:  key.NewBinding(key.WithKeys("tab", "o"), key.WithHelp("tab/o", "ref")),
		backShort: key.NewBinding(key.WithKeys("backspace"), key.WithHelp("⌫", "back")),
		postShort: key.NewBinding(key.WithKeys("(", ")"), key.WithHelp("(/)", "post")),
	}
}

// historyBack is the reader's back keys (⌫, ctrl+o, ←), which in the
// archive go back through its history.
func historyBack() key.Binding {
	b := reader.DefaultKeyMap().Back
	b.SetEnabled(true)
	b.SetHelp(b.Help().Key, "back: previous cable, then the list")
	return b
}

// refKeys are the reader's own keys that select a reference, as its help
// lists them once links are on.
func refKeys() (next, prev key.Binding) {
	rk := reader.DefaultKeyMap()
	next, prev = rk.NextRef, rk.PrevRef
	next.SetEnabled(true)
	prev.SetEnabled(true)
	return next, prev
}

// extra is the keys as the reader's help lists them.
func (k ReaderKeyMap) extra() reader.Extra {
	next, prev := refKeys()
	return reader.Extra{
		Short: []key.Binding{k.refShort, k.backShort, k.postShort},
		Full:  []key.Binding{next, prev, k.FollowRef, k.Back, k.Forward, k.PrevPost, k.NextPost, k.Thread, k.Versions, k.ToList},
	}
}

// listPromptKeys is the help bar while a filter prompt is open.
type listPromptKeys struct{ tag bool }

func (k listPromptKeys) ShortHelp() []key.Binding {
	b := []key.Binding{
		key.NewBinding(key.WithKeys("enter"), key.WithHelp("⏎", "done")),
		key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
	}
	if k.tag {
		b = append(b, key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "this row's TAGS")))
	} else {
		b = append(b, key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", "move")))
	}
	return b
}

func (k listPromptKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// overlayKind names the page over the list; at most one is open.
type overlayKind int

const (
	noOverlay    overlayKind = iota
	overlayKeys              // "?": the keys
	overlayProbs             // "!": the rows and files skipped, in a box over the list
	overlayMarks             // "'": the marks of every cable; Sel is the mark selected
)

type overlay = common.Overlay[overlayKind]
