package common

import (
	"context"
	"fmt"
	"sync"

	tea "charm.land/bubbletea/v2"
)

// A Job runs long work (an archive's scan, a search index build) on its
// own goroutine while the program goes on. The work reports progress as
// it likes; the job keeps the latest report and a command waits for the
// next, so reports never queue up behind a slow screen. Stop cancels the
// work and waits until it has returned. A panic in the work ends the
// program through Bubble Tea with a message saying what was being done,
// so the terminal is restored.
type Job[P any] struct {
	what string // "indexing": what a crash message says was being done
	work func(ctx context.Context, report func(P)) error

	mu       sync.Mutex
	cancel   context.CancelFunc
	started  bool
	stopped  bool
	last     P
	notify   chan struct{} // a new report is there
	done     chan error
	finished chan struct{} // closed when the work has returned
}

// JobProgress is a job's latest report.
type JobProgress[P any] struct{ P P }

// JobDone says a job has ended: its last report and the work's error
// (context.Canceled after Stop).
type JobDone[P any] struct {
	P   P
	Err error
}

// NewJob returns a job that will run work; what names it in a crash.
func NewJob[P any](what string, work func(ctx context.Context, report func(P)) error) *Job[P] {
	return &Job[P]{what: what, work: work, notify: make(chan struct{}, 1), done: make(chan error, 1), finished: make(chan struct{})}
}

// Start returns the command that starts the work, once and not after
// Stop, and waits for its first report.
func (j *Job[P]) Start() tea.Cmd {
	return func() tea.Msg {
		j.mu.Lock()
		if j.started || j.stopped {
			j.mu.Unlock()
			return nil
		}
		ctx, cancel := context.WithCancel(context.Background())
		j.cancel, j.started = cancel, true
		j.mu.Unlock()
		go func() {
			defer close(j.finished)
			j.done <- j.run(ctx)
		}()
		return j.Wait()()
	}
}

func (j *Job[P]) run(ctx context.Context) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = CrashError{Err: fmt.Errorf("%s crashed: %v", j.what, r)}
		}
	}()
	return j.work(ctx, j.report)
}

func (j *Job[P]) report(p P) {
	j.mu.Lock()
	j.last = p
	j.mu.Unlock()
	select {
	case j.notify <- struct{}{}:
	default:
	}
}

// Latest is the last report.
func (j *Job[P]) Latest() P {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.last
}

// Wait returns the command that waits for the next report (JobProgress)
// or the end (JobDone, or CrashMsg after a panic).
func (j *Job[P]) Wait() tea.Cmd {
	return func() tea.Msg {
		select {
		case <-j.notify:
			return JobProgress[P]{j.Latest()}
		case err := <-j.done:
			if c, ok := err.(CrashError); ok {
				return CrashMsg(c)
			}
			return JobDone[P]{P: j.Latest(), Err: err}
		}
	}
}

// Stop cancels the work and waits until it has returned; a job not yet
// started never starts.
func (j *Job[P]) Stop() {
	j.mu.Lock()
	j.stopped = true
	cancel, started := j.cancel, j.started
	j.mu.Unlock()
	if started {
		cancel()
		<-j.finished
	}
}
