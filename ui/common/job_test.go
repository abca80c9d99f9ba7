package common

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// A job hands over its reports, then its end; a panic in the work comes
// back as a crash naming what was being done; a stopped job never starts.
func TestJob(t *testing.T) {
	release := make(chan struct{})
	j := NewJob("counting", func(ctx context.Context, report func(int)) error {
		report(1)
		<-release
		report(2)
		return errors.New("tired")
	})
	if p, ok := j.Start()().(JobProgress[int]); !ok || p.P != 1 {
		t.Fatalf("first message %#v", p)
	}
	close(release)
	var last JobDone[int]
	for msg := j.Wait()(); ; msg = j.Wait()() {
		if d, ok := msg.(JobDone[int]); ok {
			last = d
			break
		}
	}
	if last.P != 2 || last.Err == nil || last.Err.Error() != "tired" {
		t.Errorf("end %#v", last)
	}

	crash := NewJob("scanning", func(context.Context, func(int)) error { panic("boom") })
	c, ok := crash.Start()().(CrashMsg)
	if !ok || !strings.Contains(c.Err.Error(), "scanning crashed: boom") {
		t.Errorf("crash %#v", c)
	}

	never := NewJob("waiting", func(context.Context, func(int)) error {
		t.Error("a stopped job ran")
		return nil
	})
	never.Stop()
	if msg := never.Start()(); msg != nil {
		t.Errorf("stopped job: %#v", msg)
	}

	stopped := NewJob("waiting", func(ctx context.Context, report func(int)) error {
		report(0)
		<-ctx.Done()
		return ctx.Err()
	})
	stopped.Start()()
	stopped.Stop() // returns once the work has
	if d, ok := stopped.Wait()().(JobDone[int]); !ok || !errors.Is(d.Err, context.Canceled) {
		t.Errorf("after Stop: %#v", d)
	}
}
