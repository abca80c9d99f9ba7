package archive

import (
	"context"
	"fmt"
	"sync"

	tea "charm.land/bubbletea/v2"

	"cablereader/corpus"
	"cablereader/ui/common"
)

// The background scan and its plumbing: the scanner runs ix.Scan on its
// own goroutine and reports progress as messages; each report brings the
// index's new snapshot into the list, large ones built by a command.

// Scan and build messages.
type (
	scanProgressMsg struct{ p corpus.Progress }
	scanDoneMsg     struct {
		p   corpus.Progress
		err error
	}
	builtMsg struct{ s *snapshot }
)

// indexed takes the index's new snapshot after progress. A large one is
// built by a command (its search keys take a while); one build runs at a
// time, and a snapshot that comes meanwhile is taken after it.
func (a *Archive) indexed() {
	a.nProbs = len(a.src.Errors()) + len(a.src.Skipped())
	if a.showProbs {
		a.probs.Lines = nil
	}
	entries := a.src.Entries()
	switch {
	case a.list.same(entries):
	case a.building:
		a.rebuild = true
	case len(entries) >= asyncMin:
		a.building = true
		l := &a.list
		old, keys, lv := l.all, l.keys, l.lv
		a.buildCmd = common.Guard("indexing", func() tea.Msg { return builtMsg{buildSnapshot(old, keys, lv, entries)} })
	default:
		a.list.setEntries(entries)
		a.newEntries()
	}
}

// built takes a snapshot built in the background.
func (a *Archive) built(s *snapshot) {
	a.building = false
	a.list.apply(s)
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

// scanner runs ix.Scan on its own goroutine and hands its progress to the
// program: the latest report is kept, and a command waits for the next.
type scanner struct {
	src      Source
	once     sync.Once
	cancel   context.CancelFunc
	mu       sync.Mutex
	last     corpus.Progress
	notify   chan struct{} // a new report is there
	done     chan error
	finished chan struct{} // closed when Scan has returned
	started  bool
}

func newScanner(src Source) *scanner {
	return &scanner{src: src, notify: make(chan struct{}, 1), done: make(chan error, 1), finished: make(chan struct{})}
}

// start returns the command that starts the scan and waits for its first
// report.
func (s *scanner) start() tea.Cmd {
	return func() tea.Msg {
		s.once.Do(func() {
			ctx, cancel := context.WithCancel(context.Background())
			s.mu.Lock()
			s.cancel, s.started = cancel, true
			s.mu.Unlock()
			go func() {
				defer close(s.finished)
				s.done <- s.scan(ctx)
			}()
		})
		return s.wait()()
	}
}

// scan runs the scan; a panic in it comes back as a crash, which ends
// the program through Bubble Tea, so the terminal is restored.
func (s *scanner) scan(ctx context.Context) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = common.CrashError{Err: fmt.Errorf("indexing crashed: %v", r)}
		}
	}()
	return s.src.Scan(ctx, s.report)
}

func (s *scanner) report(p corpus.Progress) {
	s.mu.Lock()
	s.last = p
	s.mu.Unlock()
	select {
	case s.notify <- struct{}{}:
	default:
	}
}

func (s *scanner) latest() corpus.Progress {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.last
}

// wait returns the command that waits for the next report or the end.
func (s *scanner) wait() tea.Cmd {
	return func() tea.Msg {
		select {
		case <-s.notify:
			return scanProgressMsg{s.latest()}
		case err := <-s.done:
			if c, ok := err.(common.CrashError); ok {
				return common.CrashMsg(c)
			}
			return scanDoneMsg{p: s.latest(), err: err}
		}
	}
}

// stop cancels the scan and waits until Scan has returned.
func (s *scanner) stop() {
	s.mu.Lock()
	cancel, started := s.cancel, s.started
	s.mu.Unlock()
	if !started {
		return
	}
	cancel()
	<-s.finished
}
