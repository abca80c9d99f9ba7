package archive

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"charm.land/bubbles/v2/progress"
	tea "charm.land/bubbletea/v2"

	"cablereader/catalog"
	"cablereader/ui/common"
)

// Building the full-text index. A Source that is also an Indexer (main
// hands the view the archive's index) builds the index, or brings it up
// to date, on its own goroutine while the list is usable: the top bar
// shows its progress (cables, MB/s, time left), and search runs once it
// is ready. An index built before is ready at once and only brought up to
// date. The build is cancelled when the program ends, and a panic in it
// ends the program with an error, as a crash of the scan does.

// Indexer is what a Source may also do: build its full-text index.
type Indexer interface {
	// BuildIndex builds the index, or brings it up to date, calling
	// progress now and then, until it is done or ctx is cancelled.
	BuildIndex(ctx context.Context, progress func(catalog.IndexProgress)) error
	// SearchReady reports whether Search can answer now (an index is
	// complete, possibly not yet brought up to date).
	SearchReady() bool
}

type (
	indexProgressMsg = common.JobProgress[catalog.IndexProgress]
	indexDoneMsg     = common.JobDone[catalog.IndexProgress]
)

// indexBuild is the build as a job, and what the top bar shows of it.
type indexBuild struct {
	*common.Job[catalog.IndexProgress]
	running bool // in Update only
	shown   catalog.IndexProgress
	bar     progress.Model
}

func newIndexBuild(ix Indexer) *indexBuild {
	return &indexBuild{
		Job: common.NewJob("building the search index", ix.BuildIndex),
		bar: progress.New(progress.WithWidth(12), progress.WithoutPercentage()),
	}
}

// start starts the build and waits for its first report.
func (b *indexBuild) start() tea.Cmd {
	b.running = true
	return b.Start()
}

// indexProgress takes a report and waits for the next.
func (a *Archive) indexProgress(msg indexProgressMsg) tea.Cmd {
	a.ib.shown = msg.P
	return a.ib.Wait()
}

// indexDone ends the build: search runs the query typed meanwhile, or
// the one shown again (an update may have brought new hits), on the hit
// selected (searchAgain).
func (a *Archive) indexDone(msg indexDoneMsg) tea.Cmd {
	a.ib.running = false
	if msg.Err != nil {
		if !errors.Is(msg.Err, context.Canceled) {
			a.say("search index: " + msg.Err.Error())
		}
		return nil
	}
	if a.sr.on && a.sr.query != "" {
		return a.searchAgain()
	}
	return nil
}

// searchReady reports whether the source's search can answer now.
func (a *Archive) searchReady() bool { return searchReady(a.src) }

func searchReady(src Source) bool {
	if ix, ok := src.(Indexer); ok {
		return ix.SearchReady()
	}
	_, ok := src.(Searcher)
	return ok
}

// indexStatus is the build's progress for the top bar ("" when none
// runs): "search index 45% ▕…▏ 120,345 cables · 18.2 MB/s · 1m20s left".
func (a *Archive) indexStatus(full bool) string {
	if a.ib == nil || !a.ib.running {
		return ""
	}
	p := a.ib.shown
	s := "search index"
	if p.Stage == "waiting" {
		return s + " waiting for another cablereader writing it"
	}
	if p.Stage == "reading" {
		s += " reading"
	}
	if p.Total > 0 {
		done := min(1, float64(p.Bytes)/float64(p.Total))
		s += " " + strconv.Itoa(int(100*done)) + "%"
		if full {
			s += " " + a.ib.bar.ViewAs(done)
		}
	}
	if p.Stage == "indexing" {
		s += " " + commas(p.Cables) + " cables"
		if full && p.Rate > 0 {
			s += fmt.Sprintf(" · %.1f MB/s", p.Rate)
		}
		if p.Left > 0 {
			s += " · " + leftText(p.Left) + " left"
		}
	}
	return s
}

// leftText writes a duration as people say it: 45s, 3m20s, 1h05m.
func leftText(d time.Duration) string {
	d = d.Round(time.Second)
	switch {
	case d < time.Minute:
		return strconv.Itoa(int(d.Seconds())) + "s"
	case d < time.Hour:
		return fmt.Sprintf("%dm%02ds", int(d.Minutes()), int(d.Seconds())%60)
	}
	return fmt.Sprintf("%dh%02dm", int(d.Hours()), int(d.Minutes())%60)
}
