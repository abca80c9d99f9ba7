//go:build unix

package search

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// A writer that removes the lock file while it holds it (Discard) leaves
// one writer at a time: the one that waited on the removed file finds it
// gone once it has it, and locks the file at the path, which a newcomer
// then waits for.
func TestLockFileRemovedByItsHolder(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "i.db")
	open := func() *Index {
		ix, err := Open([]string{dir}, file)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { ix.Close() })
		return ix
	}
	first, second, third := open(), open(), open()
	unlock, err := first.lock(t.Context(), nil)
	if err != nil {
		t.Fatal(err)
	}
	got := make(chan func())
	go func() {
		u, err := second.lock(t.Context(), nil)
		if err != nil {
			t.Error(err)
		}
		got <- u
	}()
	time.Sleep(3 * lockPoll) // the second is waiting on the file
	os.Remove(file + ".lock")
	unlock()
	unlockSecond := <-got
	defer unlockSecond()
	ctx, cancel := context.WithTimeout(t.Context(), 5*lockPoll)
	defer cancel()
	if u, err := third.lock(ctx, nil); err == nil {
		u()
		t.Fatal("a third writer took the lock while the second held it")
	}
}
