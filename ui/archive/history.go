package archive

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"cablereader/catalog"
	"cablereader/ui/common"
	"cablereader/ui/reader"
)

// History and navigation between cables: the reader's archive keys, back
// through the history (as in a browser), back to the list, following a
// reference, and the previous or next cable from the same post.

// histFrame is a cable left for another, and where the reader stood.
type histFrame struct {
	entry  catalog.Record
	pos    reader.Pos
	thread *threadView // the thread view to come back to, when left from it
}

// readerKey handles the archive's keys in the reader and passes the
// others on. When a prompt or a page is open, every key is the reader's.
func (a *Archive) readerKey(msg tea.KeyPressMsg) tea.Cmd {
	r := a.reader
	k := r.Keys()
	if r.Idle() {
		switch {
		case key.Matches(msg, k.Back):
			r.SetStatus("")
			return a.back()
		case key.Matches(msg, k.ToList) && !r.EscActs():
			a.toList()
			return nil
		case key.Matches(msg, k.FollowRef):
			r.SetStatus("")
			return a.follow()
		case key.Matches(msg, k.NextPost):
			r.SetStatus("")
			return a.sibling(1)
		case key.Matches(msg, k.PrevPost):
			r.SetStatus("")
			return a.sibling(-1)
		case key.Matches(msg, k.Thread):
			r.SetStatus("")
			return a.openThread()
		case key.Matches(msg, k.Versions):
			r.SetStatus("")
			return a.openVersions()
		}
	}
	_, cmd := r.Update(msg)
	if r.Quitting() {
		a.quitting = true
	}
	return cmd
}

// pending is the history as it will be once the cable being loaded opens.
func (a *Archive) pendingHistory() []histFrame {
	if a.load.active {
		return a.load.hist
	}
	return a.history
}

// push returns the history with the open cable added.
func (a *Archive) push() []histFrame {
	h := append([]histFrame(nil), a.history...)
	return append(h, histFrame{entry: a.cur, pos: a.reader.Position()})
}

// back goes to the previous cable of the history, or to the list.
func (a *Archive) back() tea.Cmd {
	h := a.pendingHistory()
	if len(h) == 0 {
		a.toList()
		return nil
	}
	f := h[len(h)-1]
	pos := f.pos
	cmd := a.open(f.entry, h[:len(h)-1:len(h)-1], &pos)
	a.load.thread = f.thread
	return cmd
}

// toList closes the reader and shows the list where it was left.
func (a *Archive) toList() {
	a.load = loadReq{}
	a.reader, a.history, a.screen = nil, nil, screenList
	a.tv = threadView{seq: a.tv.seq}
	a.msg = ""
}

// follow opens the selected reference.
func (a *Archive) follow() tea.Cmd {
	if a.load.active {
		a.say("still opening " + common.OrDash(a.load.entry.ID) + "…")
		return nil
	}
	ref, ok := a.reader.SelectedRef()
	if !ok {
		a.say(a.reader.NoLinkText())
		return nil
	}
	e, ok := a.src.Lookup(ref.ID)
	if !ok {
		a.say(ref.ID + " is not in the archive")
		return nil
	}
	return a.open(e, a.push(), nil)
}

// sibling opens the previous (dir < 0) or next cable from the same post.
func (a *Archive) sibling(dir int) tea.Cmd {
	if a.load.active {
		a.say("still opening " + common.OrDash(a.load.entry.ID) + "…")
		return nil
	}
	prev, next, okPrev, okNext := a.src.Neighbours(a.cur)
	e, ok, word := next, okNext, "later"
	if dir < 0 {
		e, ok, word = prev, okPrev, "earlier"
	}
	if !ok {
		post := common.CleanLine(a.cur.Origin)
		if post == "" {
			post = "this post"
		}
		a.say("no " + word + " cable from " + post + " in the archive")
		return nil
	}
	return a.open(e, a.push(), nil)
}
