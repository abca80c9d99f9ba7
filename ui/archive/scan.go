package archive

import (
	tea "charm.land/bubbletea/v2"

	"cablereader/catalog"
	"cablereader/ui/common"
)

// The background scan and its plumbing: the scanner runs the Source's Scan
// on its own goroutine and reports progress as messages; each report brings
// the archive's new snapshot into the list, large ones built by a command.

// Scan and build messages.
type (
	scanProgressMsg = common.JobProgress[catalog.Progress]
	scanDoneMsg     = common.JobDone[catalog.Progress]
	builtMsg        struct{ s *snapshot }
)

// indexed takes the archive's new snapshot after progress. A large one is
// built by a command (its search keys take a while); one build runs at a
// time, and a snapshot that comes meanwhile is taken after it.
func (a *Archive) indexed() {
	a.nProbs = len(a.src.Errors()) + len(a.src.Skipped())
	if a.ov.Is(overlayProbs) {
		a.ov.Page.Lines = nil
	}
	entries := a.src.Entries()
	switch {
	case a.list.same(entries):
	case a.building:
		a.rebuild = true
	case len(entries) >= asyncMin:
		a.startBuild(entries)
	default:
		a.list.setEntries(entries)
		a.newEntries()
	}
}

// startBuild builds the list's snapshot of entries in a command.
func (a *Archive) startBuild(entries []catalog.Record) {
	a.building = true
	l := &a.list
	old, keys, lv, by := l.all, l.keys, l.lv, a.order()
	a.buildCmd = common.Guard("indexing", func() tea.Msg { return builtMsg{buildSnapshot(old, keys, lv, entries, by)} })
}

// built takes a snapshot built in the background.
func (a *Archive) built(s *snapshot) {
	a.building = false
	if s.by != a.order() {
		// built for the order the list had before: again, for this one
		a.rebuild = false
		a.startBuild(a.src.Entries())
		return
	}
	a.list.apply(s)
	a.sortDone()
	a.newEntries()
	if a.rebuild {
		a.rebuild = false
		a.indexed()
	}
}

// newEntries follows the list's new snapshot: the column widths, the
// skipped rows, the open cable's links.
func (a *Archive) newEntries() {
	a.relayout()
	if a.reader != nil {
		self := a.cur.ID
		a.reader.Relink(self, a.present)
	}
}

// newScanner runs the source's scan as a job: its progress comes to the
// program as scanProgressMsg, its end as scanDoneMsg.
func newScanner(src Source) *common.Job[catalog.Progress] {
	return common.NewJob("indexing", src.Scan)
}
