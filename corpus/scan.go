package corpus

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"sort"
	"sync/atomic"
	"time"

	"cablereader/catalog"
	"cablereader/input"
)

// Batching: the first batch goes out as soon as there is something to
// show; later ones when the pending part is large next to what is
// published (each merge copies the whole sorted list), and at least once a
// second while a scan runs.
const (
	firstBatch     = 256
	firstWait      = 30 * time.Millisecond
	batchInterval  = 200 * time.Millisecond
	batchMaxWait   = time.Second
	reportInterval = 50 * time.Millisecond // progress at most 20 times a second
)

// clock is the time the batcher paces itself by: time.Now, but a test of
// that pace sets a clock of its own, which a busy machine cannot slow.
var clock = time.Now

// batcher collects entries on Scan's goroutine and publishes them.
type batcher struct {
	ix       *Archive
	progress func(catalog.Progress)
	in       *interner

	pending []catalog.Record
	fresh   []catalog.Record // when resuming: every record read, once published (resume.go)
	errs    []catalog.RowError
	skipped []catalog.SkippedFile

	entries, published int
	nErrs, nSkipped    int
	base, pos          int64        // bytes of finished inputs; of the current one
	total              int64        // bytes of the inputs known at the start
	walked             atomic.Int64 // bytes of the files found by walking
	unread             atomic.Int64 // bytes of the files found unchanged (resume.go)

	start, lastFlush, lastReport time.Time
}

func newBatcher(ix *Archive, progress func(catalog.Progress)) *batcher {
	now := clock()
	return &batcher{ix: ix, progress: progress, in: newInterner(), start: now, lastFlush: now}
}

func (b *batcher) add(e catalog.Record) {
	b.pending = append(b.pending, e)
	b.entries++
	b.tick()
}

func (b *batcher) rowError(e catalog.RowError) {
	b.errs = append(b.errs, e)
	b.nErrs++
	b.tick()
}

func (b *batcher) skip(s catalog.SkippedFile) {
	b.skipped = append(b.skipped, s)
	b.nSkipped++
	b.tick()
}

// tick publishes and reports when it is time.
func (b *batcher) tick() {
	now := clock()
	since := now.Sub(b.lastFlush)
	if b.published == 0 {
		if len(b.pending) >= firstBatch || since >= firstWait && len(b.pending) > 0 {
			b.flush(now)
		}
	} else if since >= batchInterval && (len(b.pending) >= b.published/4 || since >= batchMaxWait) {
		b.flush(now)
	}
	if b.progress != nil && now.Sub(b.lastReport) >= reportInterval {
		b.lastReport = now
		b.progress(b.state(false))
	}
}

func (b *batcher) state(done bool) catalog.Progress {
	return catalog.Progress{
		Records: b.entries, Bytes: b.base + b.pos + b.unread.Load(), Total: b.total + b.walked.Load(),
		Skipped: b.nSkipped, Errors: b.nErrs, Done: done,
	}
}

// flush sorts the pending entries and merges them into a new published
// list. The old list is left as it was: readers may still hold it.
func (b *batcher) flush(now time.Time) {
	b.lastFlush = now
	if len(b.pending) == 0 && len(b.errs) == 0 && len(b.skipped) == 0 {
		return
	}
	p := b.pending
	if b.fresh != nil {
		b.fresh = append(b.fresh, p...)
	}
	if !sortedKeys(p) {
		// (a catalog's records come sorted, or mostly)
		sort.Slice(p, func(i, j int) bool { return compareKeys(keyOf(&p[i]), keyOf(&p[j])) < 0 })
	}
	ix := b.ix
	old := ix.Entries() // only this goroutine writes, so it stays current
	p, keys, folded, drop := b.fold(old, p)
	merged := p // the first batch, or a catalog's records: no copy
	if len(old) > 0 {
		merged = make([]catalog.Record, 0, len(old)+len(p)-len(drop))
		i, j := 0, 0
		for i < len(old) || j < len(p) {
			if i < len(old) && drop[keyOf(&old[i])] {
				i++
				continue
			}
			if j == len(p) || i < len(old) && compareKeys(keyOf(&old[i]), keyOf(&p[j])) <= 0 {
				merged = append(merged, old[i])
				i++
			} else {
				merged = append(merged, p[j])
				j++
			}
		}
	}

	ix.mu.Lock()
	ix.sorted = merged
	if len(ix.byID) == 0 {
		ix.byID = keys // fold left one entry per id
	} else {
		for id, k := range keys {
			ix.byID[id] = k
		}
	}
	for _, e := range folded {
		ix.addVersion(e)
	}
	ix.errs = append(ix.errs, b.errs...)
	ix.skipped = append(ix.skipped, b.skipped...)
	ix.mu.Unlock()

	b.published += len(p)
	b.pending = make([]catalog.Record, 0, max(firstBatch, b.published/4))
	b.errs, b.skipped = nil, nil
}

// sortedKeys reports whether p is in the list's order.
func sortedKeys(p []catalog.Record) bool {
	for i := 1; i < len(p); i++ {
		if compareKeys(keyOf(&p[i-1]), keyOf(&p[i])) > 0 {
			return false
		}
	}
	return true
}

// finish publishes the rest and reports the end.
func (b *batcher) finish() {
	b.flush(clock())
	if b.progress != nil {
		b.progress(b.state(true))
	}
}

// scanCSV streams a cables.csv into the archive's catalog. A regular
// file is read in place and kept open for Load. A stream (a named pipe, a process
// substitution) gives its bytes once: it is spooled to a temporary file as
// it is read, and the file then serves the reader's seeks back over a
// broken row and Load, as the CSV itself would. The spool takes disk, not
// memory, so a piped 1.7 GB cables.csv costs what a regular one does.
func (ix *Archive) scanCSV(ctx context.Context, in inputPath, b *batcher) error {
	f := in.file
	if f == nil { // found in a folder: not opened yet
		var err error
		if f, err = input.Open(in.path); err != nil {
			b.base += in.size
			b.skip(catalog.SkippedFile{Path: in.path, Reason: err.Error()})
			return nil
		}
		if !IsArchive(f) {
			f.Close()
			b.base += in.size
			return nil // a .csv of something else
		}
	}
	var src io.ReadSeeker
	var at *os.File // what Load reads rows from
	if f.Regular() {
		at = f.OS()
		src = io.NewSectionReader(at, 0, math.MaxInt64)
	} else {
		defer f.Close()
		sp, err := newSpool(f.Reader())
		if err != nil {
			return err
		}
		at, src = sp.file, sp
	}
	ix.fmu.Lock()
	if ix.files[in.path] == nil {
		ix.files[in.path] = at
	} else {
		defer at.Close() // the path was given twice: the first serves Load
	}
	ix.fmu.Unlock()

	r := newCSVReader(src, 1<<20, scanKeep)
	var row csvRow
	defer func() { b.base, b.pos = b.base+r.off, 0 }()
	for n := 0; ; n++ {
		if n%256 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		err := r.next(&row)
		b.pos = r.off
		var re *rowError
		switch {
		case err == io.EOF:
			return nil
		case errors.As(err, &re):
			b.rowError(catalog.RowError{Path: in.path, Line: re.line, Reason: re.reason, Last: re.last})
			continue
		case err != nil:
			return err
		case row.end-row.start > math.MaxInt32:
			b.rowError(catalog.RowError{Path: in.path, Line: row.line, Reason: "the row is too long"})
			continue
		}
		e, reason := rowEntry(&row, in.path, b.in)
		if reason != "" {
			b.rowError(catalog.RowError{Path: in.path, Line: row.line, Reason: reason})
			continue
		}
		b.add(e)
	}
}

// spool keeps the bytes of a stream in a temporary file as they are read,
// so that they can be read again: Seek goes back to any byte read so far,
// and the file serves ReadAt. Only Scan's goroutine reads and seeks; Load
// reads (with ReadAt) only rows that were already published.
type spool struct {
	src    io.Reader
	file   *os.File
	pos, n int64 // the read offset; the bytes in the file
}

func newSpool(src io.Reader) (*spool, error) {
	f, err := os.CreateTemp("", "cablereader-*.csv")
	if err != nil {
		return nil, fmt.Errorf("a piped CSV is kept in a temporary file: %w", err)
	}
	// Unlinked at once, the file goes when it is closed, even if the
	// program is killed; where a file open cannot be removed, it stays.
	os.Remove(f.Name())
	return &spool{src: src, file: f}, nil
}

func (s *spool) Read(p []byte) (int, error) {
	if s.pos < s.n {
		n, err := s.file.ReadAt(p[:min(int64(len(p)), s.n-s.pos)], s.pos)
		s.pos += int64(n)
		if err == io.EOF {
			err = nil
		}
		return n, err
	}
	n, err := s.src.Read(p)
	if n > 0 {
		if _, werr := s.file.WriteAt(p[:n], s.n); werr != nil {
			return 0, fmt.Errorf("a piped CSV is kept in a temporary file: %w", werr)
		}
		s.n += int64(n)
		s.pos = s.n
	}
	return n, err
}

// Seek moves the read offset back to a byte already read (or to the end
// of what was read).
func (s *spool) Seek(off int64, whence int) (int64, error) {
	switch whence {
	case io.SeekCurrent:
		off += s.pos
	case io.SeekEnd:
		off += s.n
	}
	if off < 0 || off > s.n {
		return s.pos, errors.New("spool: seek outside what was read")
	}
	s.pos = off
	return off, nil
}
