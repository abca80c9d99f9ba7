package archive

import (
	tea "charm.land/bubbletea/v2"

	"cablereader/model"
	"cablereader/ui/common"
	"cablereader/ui/state"
)

// The archive's place between runs: the cable selected or open, the
// filters, the order and the search, kept in the state file under the
// archive's paths (common.Options.Place) as a cable keeps its paragraph.
// It is recorded before each key is handled, so the key that quits finds
// it up to date, and restored when the archive opens: the filters, order
// and query at once, the cable once the scan has listed it.

// place is where the archive stands.
func (a *Archive) place() state.ArchivePlace {
	l := &a.list
	p := state.ArchivePlace{Filter: l.query, Tag: l.tag, Post: l.origin, Sort: a.order().String()}
	if l.level != model.LevelUnknown {
		p.Level = l.level.String()
	}
	if a.sr.on {
		p.Search = a.sr.query
	}
	e, ok := l.selected()
	if hits := a.shownHits(); a.sr.on && a.sr.cursor < len(hits) {
		e, ok = hits[a.sr.cursor].Entry, true
	}
	if a.screen == screenReader && a.reader != nil {
		e, ok, p.Open = a.cur, true, true
	}
	if ok {
		p.Cable, p.Path = e.ID, e.Path()
	}
	return p
}

// remember records the place in the state (not written until the state
// is saved).
func (a *Archive) remember() {
	if a.opt.Place != "" && a.resumeAt == nil {
		a.opt.State.SetArchivePlace(a.opt.Place, a.place())
	}
}

// resume restores the place the archive was left in: the order, the
// filters and the search now, the cable when it is listed (resumeCable).
func (a *Archive) resume() {
	p, ok := a.opt.State.ArchivePlace(a.opt.Place)
	if !ok {
		return
	}
	l := &a.list
	if by, ok := sortKeyNamed(p.Sort); ok {
		l.setSort(by)
	}
	level := model.LevelUnknown
	for lv := model.Unclassified; lv <= model.TopSecret; lv++ {
		if p.Level == lv.String() {
			level = lv
		}
	}
	l.setQuick(p.Tag, p.Post, level)
	l.setQuery(p.Filter)
	if _, ok := a.src.(Searcher); ok && p.Search != "" {
		a.sr.on, a.sr.query, a.sr.want = true, p.Search, p.Cable
	}
	if p.Cable != "" {
		a.resumeAt = &p
	}
}

// resumeCable selects the cable the archive was left on once the scan
// has listed it, and opens it if it was open; the reader then opens at
// the cable's own place.
func (a *Archive) resumeCable() tea.Cmd {
	p := a.resumeAt
	if p == nil || a.width == 0 {
		return nil
	}
	l := &a.list
	e, ok := a.src.Lookup(p.Cable)
	k := -1
	if ok {
		k = l.find(e)
	}
	switch {
	case k < 0 && a.scanning:
		return nil // not listed yet
	case !ok:
		a.resumeAt = nil
		a.msg = common.CleanLine(p.Cable) + ", where this archive was left, is no longer in it"
		return nil
	}
	a.resumeAt = nil
	if k >= 0 {
		l.offset = k - l.height/3 // a third of the way down, the rows before it in sight
		l.moveTo(k)
	}
	if p.Open {
		return a.open(e, navHistory{}, nil)
	}
	return nil
}

// searchAgain runs the search shown again once the scan is done: its
// hits are the archive's cables, and those the scan had not reached were
// left out. The hit selected stays selected.
func (a *Archive) searchAgain() tea.Cmd {
	if hits := a.shownHits(); a.sr.want == "" && a.sr.cursor < len(hits) {
		a.sr.want = hits[a.sr.cursor].Entry.ID
	}
	return a.searchStart()
}

// searchStart runs the restored query (Init).
func (a *Archive) searchStart() tea.Cmd {
	if !a.sr.on || a.sr.query == "" {
		return nil
	}
	a.sr.seq++
	return a.searchTick(searchTickMsg{a.sr.seq})
}
