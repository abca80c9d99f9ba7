package corpus

import (
	"strings"
	"sync"

	"cablereader/catalog"
)

// Resuming from a catalog: an archive scanned before (its records kept in
// the search index) lists its cables at once. Scan publishes the records
// it is given before it reads anything, then walks the folders as always
// but reads only the files that are new or whose size or modification
// time changed. A CSV is streamed again all the same (it is not parsed,
// and its rows that cannot be read are to be reported again). Once the
// walk is over, the records of files changed or gone leave the list,
// which is published anew with the records read.

// resume is the catalog Scan starts from.
type resume struct {
	recs  []catalog.Record
	files map[string]catalog.Stamp

	mu   sync.Mutex
	kept map[string]bool // files found unchanged, whose records stay
}

// Resume gives the archive the catalog of an earlier scan of the same
// archive, for Scan to start from: recs are the records read then, and
// files the files they came from, with their stamps. Call it before Scan.
func (ix *Archive) Resume(recs []catalog.Record, files map[string]catalog.Stamp) {
	ix.resume = &resume{recs: recs, files: files, kept: map[string]bool{}}
}

// unchanged reports whether the file at path is in the catalog with the
// same size and modification time, and if so keeps its records.
func (r *resume) unchanged(path string, size int64, mtime int64) bool {
	if r == nil {
		return false
	}
	st, ok := r.files[path]
	if !ok || st.Size != size || st.MTime != mtime {
		return false
	}
	r.mu.Lock()
	r.kept[path] = true
	r.mu.Unlock()
	return true
}

// textIDs are the ids, in upper case, of the catalog's text files found
// unchanged: a page of one of them is kept as a version, as when the text
// is read (take).
func (r *resume) textIDs() map[string]bool {
	ids := map[string]bool{}
	if r == nil {
		return ids
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, e := range r.recs {
		if e.Loc.Kind == catalog.KindText && e.ID != "" && r.kept[e.Loc.Path] {
			ids[strings.ToUpper(e.ID)] = true
		}
	}
	return ids
}

// seed publishes the catalog's records, before anything is read.
func (b *batcher) seed(r *resume) {
	if r == nil {
		return
	}
	b.pending = r.recs // flush sorts it in place: the catalog's own slice
	b.entries += len(r.recs)
	b.flush(clock())
	b.fresh = []catalog.Record{}
	if b.progress != nil {
		b.progress(b.state(false)) // the list is whole: show it
	}
}

// settle ends a resumed scan: unless every file of the catalog was found
// unchanged and none was added, the list is published anew from the
// records of the files kept and those read.
func (b *batcher) settle(r *resume) {
	if r == nil {
		return
	}
	r.mu.Lock()
	same := len(r.kept) == len(r.files) && len(b.fresh) == 0 && len(b.pending) == 0
	r.mu.Unlock()
	if same {
		return
	}
	all := append([]catalog.Record(nil), b.fresh...)
	all = append(all, b.pending...)
	for _, e := range r.recs {
		if r.kept[e.Loc.Path] {
			all = append(all, e)
		}
	}
	ix := b.ix
	ix.mu.Lock()
	ix.sorted, ix.byID, ix.versions = nil, map[string]entryKey{}, nil
	ix.mu.Unlock()
	b.pending, b.fresh = all, nil
	b.entries, b.published = len(all), 0
	b.flush(clock())
}
