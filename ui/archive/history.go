package archive

import (
	"slices"

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

// navHistory is the cables to go back to, the last one left last, and
// those to go forward to again after going back, the next one last.
// Opening a cable by any other way than back and forward drops the
// forward ones, as a browser does.
type navHistory struct {
	back, fwd []histFrame
}

// readerKey handles the archive's keys in the reader and passes the
// others on. When a prompt or a page is open, every key is the reader's.
func (a *Archive) readerKey(msg tea.KeyPressMsg) tea.Cmd {
	r := a.reader
	k := readerKeys
	if r.Idle() {
		switch {
		case key.Matches(msg, k.Back):
			r.SetStatus("")
			return a.back()
		case key.Matches(msg, k.Forward):
			r.SetStatus("")
			return a.forward()
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

// pendingHistory is the history as it will be once the cable being
// loaded opens.
func (a *Archive) pendingHistory() navHistory {
	if a.load.active {
		return a.load.hist
	}
	return a.nav
}

// here is the open cable as a frame of the history; false on the list.
func (a *Archive) here() (histFrame, bool) {
	if a.reader == nil || a.screen != screenReader {
		return histFrame{}, false
	}
	return histFrame{entry: a.cur, pos: a.reader.Position()}, true
}

// push returns the history with the open cable added and nothing to go
// forward to.
func (a *Archive) push() navHistory {
	h := slices.Clone(a.nav.back)
	if f, ok := a.here(); ok {
		h = append(h, f)
	}
	return navHistory{back: h}
}

// back goes to the previous cable of the history, or to the list; the
// cable left is the next to go forward to.
func (a *Archive) back() tea.Cmd {
	h := a.pendingHistory()
	fwd := slices.Clone(h.fwd)
	if f, ok := a.here(); ok && !a.load.active {
		fwd = append(fwd, f)
	}
	if len(h.back) == 0 {
		a.toList()
		a.nav.fwd = fwd
		return nil
	}
	f := h.back[len(h.back)-1]
	pos := f.pos
	cmd := a.open(f.entry, navHistory{back: h.back[: len(h.back)-1 : len(h.back)-1], fwd: fwd}, &pos)
	a.load.thread = f.thread
	return cmd
}

// forward opens again the cable the last back left, where it was left.
func (a *Archive) forward() tea.Cmd {
	h := a.pendingHistory()
	if len(h.fwd) == 0 {
		a.say("nothing to go forward to: " + readerKeys.Back.Help().Key + " goes back")
		return nil
	}
	back := slices.Clone(h.back)
	if f, ok := a.here(); ok && !a.load.active {
		back = append(back, f)
	}
	f := h.fwd[len(h.fwd)-1]
	pos := f.pos
	cmd := a.open(f.entry, navHistory{back: back, fwd: h.fwd[: len(h.fwd)-1 : len(h.fwd)-1]}, &pos)
	a.load.thread, a.load.ahead = f.thread, true
	return cmd
}

// toList closes the reader and shows the list where it was left.
func (a *Archive) toList() {
	a.load = loadReq{}
	a.reader, a.nav, a.screen = nil, navHistory{}, screenList
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
