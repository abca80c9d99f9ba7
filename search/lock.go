package search

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"time"

	"cablereader/catalog"
)

// One writer at a time. Every build or update of an index holds an
// exclusive lock (flock) on a file beside it, <index>.lock, from before
// it looks at the index until it is done; a second writer waits for it,
// saying so (stage "waiting"), and then finds the index the
// first one left: up to date, or with only what changed since to do. A
// rebuild writes a temporary file of its own name, <index>.build-…,
// renamed over the index when complete; temporary files of builds that
// were killed are removed by the next writer. Readers never wait for the
// lock: they read the index in place, which a writer changes only in one
// transaction or by a rename.

// tempInfix is in the name of a build's temporary file: <index>.build-….
const tempInfix = ".build"

// lockPoll is how often a writer waiting for another tries the lock.
var lockPoll = 50 * time.Millisecond

// lock takes the index's writer lock, waiting while another writer holds
// it (reporting Stage "waiting" once), until ctx is done. The folder of
// the index is made if need be.
func (ix *Index) lock(ctx context.Context, progress func(catalog.IndexProgress)) (unlock func(), err error) {
	if err := os.MkdirAll(filepath.Dir(ix.file), 0o755); err != nil {
		return nil, fileError(ix.file, err)
	}
	path := ix.file + ".lock"
	if info, err := os.Stat(path); err == nil {
		if what := notAFile(info); what != "" {
			return nil, foreign(path, what)
		}
	}
	open := func() (*os.File, error) {
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
		if errors.Is(err, os.ErrPermission) {
			f, err = os.Open(path) // a read-only lock file of a read-only index: flock needs no write
		}
		return f, err
	}
	f, err := open()
	if err != nil {
		return nil, fileError(ix.file, err)
	}
	waited := false
	for {
		busy, err := tryLock(f)
		if err != nil {
			f.Close()
			return nil, fileError(ix.file, err)
		}
		if !busy {
			// The lock holds only if the file locked is still the one
			// at the path: a writer that held it may have removed it
			// (Discard), and a newcomer then locks a new file.
			if held, err := f.Stat(); err == nil && os.SameFile(held, identity(path)) {
				break
			}
			f.Close()
			if f, err = open(); err != nil {
				return nil, fileError(ix.file, err)
			}
			continue
		}
		if !waited {
			waited = true
			report(progress, catalog.IndexProgress{Stage: "waiting"})
		}
		select {
		case <-ctx.Done():
			f.Close()
			return nil, ctx.Err()
		case <-time.After(lockPoll):
		}
	}
	return func() { f.Close() }, nil // closing the file lets the lock go
}

// Discard removes the index this Index built, and its lock file, under
// the writer lock: what a first build made for an archive that holds no
// cable is not kept. A file another writer has put at the path since is
// left alone. A writer waiting for the lock meanwhile finds its lock
// file gone once it has the lock, and takes a new one (lock).
func (ix *Index) Discard(ctx context.Context) error {
	unlock, err := ix.lock(ctx, nil)
	if err != nil {
		return err
	}
	defer unlock()
	ix.mu.RLock()
	ours := ix.ident != nil && os.SameFile(ix.ident, identity(ix.file))
	ix.mu.RUnlock()
	if ours {
		os.Remove(ix.file)
	}
	os.Remove(ix.file + ".lock")
	return nil
}

// removeTemps removes the temporary files of builds of this index that
// were stopped before their end. Called under the lock.
func (ix *Index) removeTemps() {
	dir, base := filepath.Dir(ix.file), filepath.Base(ix.file)+tempInfix
	list, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range list {
		if name := e.Name(); isTemp(name, base) && e.Type().IsRegular() {
			os.Remove(filepath.Join(dir, name))
		}
	}
}

// isTemp reports whether name is that of a build's temporary file (or its
// journal) for the index whose name + tempInfix is base: base, or base-
// and the digits os.CreateTemp adds.
func isTemp(name, base string) bool {
	rest, ok := strings.CutPrefix(name, base)
	if !ok {
		return false
	}
	rest = strings.TrimSuffix(rest, "-journal")
	if rest == "" {
		return true // the name builds used before they had names of their own
	}
	digits, ok := strings.CutPrefix(rest, "-")
	return ok && digits != "" && strings.Trim(digits, "0123456789") == ""
}
