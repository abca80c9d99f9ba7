package corpus

import (
	"context"
	"errors"
	"io"
	"math"
	"os"
	"sort"
	"strings"
	"sync/atomic"
	"time"
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

// batcher collects entries on Scan's goroutine and publishes them.
type batcher struct {
	ix       *Index
	progress func(Progress)
	in       *interner

	pending []Entry
	errs    []RowError
	skipped []SkippedFile

	entries, published int
	nErrs, nSkipped    int
	base, pos          int64        // bytes of finished inputs; of the current one
	total              int64        // bytes of the inputs known at the start
	walked             atomic.Int64 // bytes of the files found by walking

	start, lastFlush, lastReport time.Time
}

func newBatcher(ix *Index, progress func(Progress)) *batcher {
	now := time.Now()
	return &batcher{ix: ix, progress: progress, in: newInterner(), start: now, lastFlush: now}
}

func (b *batcher) add(e Entry) {
	b.pending = append(b.pending, e)
	b.entries++
	b.tick()
}

func (b *batcher) rowError(e RowError) {
	b.errs = append(b.errs, e)
	b.nErrs++
	b.tick()
}

func (b *batcher) skip(s SkippedFile) {
	b.skipped = append(b.skipped, s)
	b.nSkipped++
	b.tick()
}

// tick publishes and reports when it is time.
func (b *batcher) tick() {
	now := time.Now()
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

func (b *batcher) state(done bool) Progress {
	return Progress{
		Entries: b.entries, Bytes: b.base + b.pos, Total: b.total + b.walked.Load(),
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
	sort.Slice(p, func(i, j int) bool { return compareKeys(keyOf(&p[i]), keyOf(&p[j])) < 0 })
	ix := b.ix
	old := ix.Entries() // only this goroutine writes, so it stays current
	merged := make([]Entry, 0, len(old)+len(p))
	i, j := 0, 0
	for i < len(old) && j < len(p) {
		if compareKeys(keyOf(&old[i]), keyOf(&p[j])) <= 0 {
			merged = append(merged, old[i])
			i++
		} else {
			merged = append(merged, p[j])
			j++
		}
	}
	merged = append(append(merged, old[i:]...), p[j:]...)

	ix.mu.Lock()
	ix.sorted = merged
	for k := range p {
		key := keyOf(&p[k])
		id := strings.ToUpper(key.id)
		if id == "" {
			continue
		}
		if cur, ok := ix.byID[id]; !ok || compareKeys(key, cur) < 0 {
			ix.byID[id] = key
		}
	}
	ix.errs = append(ix.errs, b.errs...)
	ix.skipped = append(ix.skipped, b.skipped...)
	ix.mu.Unlock()

	b.published += len(p)
	b.pending = make([]Entry, 0, max(firstBatch, b.published/4))
	b.errs, b.skipped = nil, nil
}

// finish publishes the rest and reports the end.
func (b *batcher) finish() {
	b.flush(time.Now())
	if b.progress != nil {
		b.progress(b.state(true))
	}
}

// scanCSV streams a cables.csv into the index.
func (ix *Index) scanCSV(ctx context.Context, path string, b *batcher) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	// Load reads rows through a handle of its own, kept open until Close.
	ix.fmu.Lock()
	if ix.files[path] == nil {
		if ix.files[path], err = os.Open(path); err != nil {
			ix.fmu.Unlock()
			return err
		}
	}
	ix.fmu.Unlock()

	r := newCSVReader(f, 1<<20, scanKeep)
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
			b.rowError(RowError{Path: path, Line: re.line, Reason: re.reason})
			continue
		case err != nil:
			return err
		case row.end-row.start > math.MaxInt32:
			b.rowError(RowError{Path: path, Line: row.line, Reason: "the row is too long"})
			continue
		}
		e, reason := rowEntry(&row, path, b.in)
		if reason != "" {
			b.rowError(RowError{Path: path, Line: row.line, Reason: reason})
			continue
		}
		b.add(e)
	}
}
