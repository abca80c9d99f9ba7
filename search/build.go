package search

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/semaphore"

	"cablereader/catalog"
	"cablereader/corpus"
	"cablereader/query"
)

// Stats says what Update did.
type Stats struct {
	Rebuilt              bool // the index was built from scratch
	Added, Changed, Gone int  // files (a CSV counts as one)
	Cables               int  // cables indexed now
	Skipped              int  // files that hold no cable
	RowErrors            int  // CSV rows skipped
	Unchanged            int  // files left as they were
}

// unit is one file of the archive as found on disk.
type unit struct {
	path  string
	size  int64
	mtime int64 // UnixNano
}

// walk lists the archive's files: a folder by the walk of corpus (which
// says which files a folder's archive reads), a file named as it is. The
// files the walk could not read are returned too: the build counts them
// as skipped, as the scan does.
func walk(ctx context.Context, paths []string) ([]unit, []catalog.SkippedFile, error) {
	var units []unit
	var skips []catalog.SkippedFile
	seen := map[string]bool{}
	add := func(path string, size int64, mtime time.Time) {
		if !seen[path] {
			seen[path] = true
			units = append(units, unit{path, size, mtime.UnixNano()})
		}
	}
	for _, root := range paths {
		info, err := os.Stat(root)
		if err != nil {
			return nil, nil, err
		}
		if !info.IsDir() {
			add(root, info.Size(), info.ModTime())
			continue
		}
		s, err := corpus.Walk(ctx, root, func(f corpus.Found) error {
			add(f.Path, f.Size, f.ModTime)
			return nil
		})
		skips = append(skips, s...)
		if err != nil {
			return nil, nil, err
		}
	}
	return units, skips, nil
}

// Update builds the index, or brings it up to date with the archive: the
// files are compared with those indexed by size and modification time,
// and new, changed and removed files are indexed again or dropped. A
// first build, or a rebuild, is written to a temporary file renamed into
// place when complete; an update is one transaction. Either way a build
// that is stopped (ctx cancelled, the process killed) leaves no index
// that reads as complete. progress may be nil.
//
// One process at a time writes an index (see lock): a second waits,
// reporting Stage "waiting". Errors of the index file say what is wrong
// with it and what to do (FileError).
func (ix *Index) Update(ctx context.Context, progress func(catalog.IndexProgress)) (Stats, error) {
	st, err := ix.update(ctx, progress)
	if err != nil && sqliteCode(err) != 0 {
		err = dbError(ix.file, err)
	}
	return st, err
}

func (ix *Index) update(ctx context.Context, progress func(catalog.IndexProgress)) (Stats, error) {
	// What is at the index path is looked at before any work, and again
	// once this is its one writer: another may have built it meanwhile.
	if _, err := ix.check(); err != nil {
		return Stats{}, err
	}
	unlock, err := ix.lock(ctx, progress)
	if err != nil {
		return Stats{}, err
	}
	defer unlock()
	// Under the lock no other build runs: the temporary files of builds
	// that were killed are removed.
	ix.removeTemps()
	st, err := ix.check()
	if err != nil {
		return Stats{}, err
	}
	if st == stateCurrent {
		if err := ix.reopen(); err != nil {
			return Stats{}, err
		}
	}
	units, skips, err := walk(ctx, ix.archive)
	if err != nil {
		return Stats{}, err
	}
	if st != stateCurrent {
		return ix.rebuild(ctx, units, len(skips), progress)
	}
	db, err := openForUpdate(ix.file)
	if err != nil {
		return Stats{}, err
	}
	known := map[string]unit{}
	rows, err := db.QueryContext(ctx, `SELECT path, size, mtime FROM files`)
	if err != nil {
		db.Close()
		return Stats{}, err
	}
	for rows.Next() {
		var u unit
		if err := rows.Scan(&u.path, &u.size, &u.mtime); err != nil {
			rows.Close()
			db.Close()
			return Stats{}, err
		}
		known[u.path] = u
	}
	rows.Close()
	stats := Stats{Skipped: len(skips)}
	var todo []unit
	var gone []string
	var changedBytes, total int64
	for _, u := range units {
		total += u.size
		k, ok := known[u.path]
		delete(known, u.path)
		switch {
		case !ok:
			stats.Added++
		case k.size != u.size || k.mtime != u.mtime:
			stats.Changed++
			gone = append(gone, u.path)
		default:
			stats.Unchanged++
			continue
		}
		todo = append(todo, u)
		changedBytes += u.size
	}
	for p := range known {
		gone = append(gone, p)
		stats.Gone++
	}
	var indexed int
	db.QueryRowContext(ctx, `SELECT count(*) FROM cables`).Scan(&indexed)
	if changedBytes > total/2 && changedBytes > 64<<20 || orphans(db) > max(1000, indexed/4) {
		// Replacing most of a big index costs more than building anew, and
		// many FTS rows left by removed cables slow queries and skew ranks.
		db.Close()
		return ix.rebuild(ctx, units, len(skips), progress)
	}
	if len(todo) == 0 && len(gone) == 0 {
		err := db.QueryRowContext(ctx, `SELECT count(*) FROM cables`).Scan(&stats.Cables)
		if err == nil {
			err = keepMissing(ctx, db)
		}
		if err != nil {
			db.Close()
			return stats, err
		}
		ix.updated(db)
		report(progress, catalog.IndexProgress{Stage: "indexing", Cables: stats.Cables, Done: true})
		return stats, nil
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		db.Close()
		return stats, err
	}
	w, err := newWriter(ctx, tx)
	if err == nil {
		w.carry(gone)
		err = w.remove(gone)
	}
	if err == nil {
		_, err = tx.ExecContext(ctx, `INSERT OR REPLACE INTO meta (key, value) VALUES ('generation', CAST(coalesce((SELECT value FROM meta WHERE key = 'generation'), 0) AS INTEGER) + 1)`)
	}
	if err == nil && w.removed > 0 {
		_, err = tx.ExecContext(ctx, `INSERT OR REPLACE INTO meta (key, value) VALUES ('orphans', CAST(coalesce((SELECT value FROM meta WHERE key = 'orphans'), 0) AS INTEGER) + ?)`, w.removed)
	}
	if err == nil {
		err = ix.add(ctx, w, todo, progress, &stats)
	}
	if err == nil {
		err = w.keep()
	}
	if err == nil {
		err = w.close()
	}
	if err == nil {
		err = tx.QueryRowContext(ctx, `SELECT count(*) FROM cables`).Scan(&stats.Cables)
	}
	if err == nil {
		err = tx.Commit()
	}
	if err != nil {
		tx.Rollback()
		db.Close()
		return stats, err
	}
	ix.updated(db)
	report(progress, catalog.IndexProgress{Stage: "indexing", Cables: stats.Cables, Done: true})
	return stats, nil
}

// keepMissing writes the catalog whole from the rows when the index has
// none of its generation (it was removed, or written by something else).
func keepMissing(ctx context.Context, db *sql.DB) error {
	var n int
	err := db.QueryRowContext(ctx, `SELECT count(*) FROM catalog WHERE generation = coalesce((SELECT value FROM meta WHERE key = 'generation'), '')`).Scan(&n)
	if err != nil || n > 0 {
		return err
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := (&writer{ctx: ctx, tx: tx}).keep(); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

func report(progress func(catalog.IndexProgress), p catalog.IndexProgress) {
	if progress != nil {
		progress(p)
	}
}

// openForUpdate opens the index to bring it up to date in place (a
// variable for tests: a read-only file cannot be made as root). A large
// page cache keeps the write lock short: SQLite takes it for good once
// changes spill out of the cache.
var openForUpdate = func(path string) (*sql.DB, error) {
	return openDB(path, false, "cache_size(-65536)")
}

// rebuild writes a new index to a temporary file beside the index and
// renames it into place once it is complete.
func (ix *Index) rebuild(ctx context.Context, units []unit, skipped int, progress func(catalog.IndexProgress)) (Stats, error) {
	stats := Stats{Rebuilt: true, Added: len(units), Skipped: skipped}
	// This one gets a temporary file of its own name.
	tf, err := os.CreateTemp(filepath.Dir(ix.file), filepath.Base(ix.file)+tempInfix+"-*")
	if err != nil {
		return stats, fileError(ix.file, err)
	}
	tmp := tf.Name()
	tf.Close()
	ok := false
	defer func() {
		if !ok {
			for _, p := range []string{tmp, tmp + "-journal"} {
				os.Remove(p)
			}
		}
	}()
	db, err := openDB(tmp, false, "journal_mode(OFF)", "synchronous(OFF)", "cache_size(-16384)")
	if err != nil {
		return stats, err
	}
	db.SetMaxOpenConns(1)
	defer func() {
		if db != nil {
			db.Close()
		}
	}()
	if _, err := db.ExecContext(ctx, schema); err != nil {
		return stats, err
	}
	if _, err := db.ExecContext(ctx, fmt.Sprintf(`PRAGMA user_version = %d`, SchemaVersion)); err != nil {
		return stats, err
	}
	_, err = db.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES ('app', ?), ('archive', ?), ('complete', '0'), ('schema', ?), ('orphans', '0'), ('generation', ?)`,
		appName, ix.key, fmt.Sprint(SchemaVersion), fmt.Sprint(time.Now().UnixNano()))
	if err != nil {
		return stats, err
	}
	// While building, FTS5 merges segments only when 64 have piled up,
	// not a little at every write: the one 'optimize' at the end merges
	// them all. (A larger hash of new postings than its 1 MB is slower:
	// it no longer fits the processor's caches.)
	for _, q := range []string{
		`INSERT INTO fts (fts, rank) VALUES ('automerge', 0)`,
		`INSERT INTO fts (fts, rank) VALUES ('crisismerge', 64)`,
	} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			return stats, err
		}
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return stats, err
	}
	w, err := newWriter(ctx, tx)
	if err == nil {
		err = ix.add(ctx, w, units, progress, &stats)
	}
	if err == nil {
		err = w.keep()
	}
	if err == nil {
		err = w.close()
	}
	if err == nil {
		err = tx.Commit()
	} else {
		tx.Rollback()
	}
	if err != nil {
		return stats, err
	}
	for _, q := range []string{
		`INSERT INTO fts (fts) VALUES ('optimize')`,
		`INSERT INTO fts (fts, rank) VALUES ('automerge', 4)`, // the defaults, for updates
		`INSERT INTO fts (fts, rank) VALUES ('crisismerge', 16)`,
		`UPDATE meta SET value = '1' WHERE key = 'complete'`,
	} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			return stats, err
		}
	}
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM cables`).Scan(&stats.Cables); err != nil {
		return stats, err
	}
	if _, err := db.ExecContext(ctx, `PRAGMA journal_mode = DELETE`); err != nil {
		return stats, err
	}
	err = db.Close()
	db = nil
	if err != nil {
		return stats, err
	}
	if err := syncFile(tmp); err != nil {
		return stats, err
	}
	if err := ctx.Err(); err != nil {
		return stats, err
	}
	// Only an index of ours is replaced: the path is looked at again
	// just before (it may have been put there since the build began).
	if _, err := ix.check(); err != nil {
		return stats, err
	}
	// The old index and any journal of it are replaced: a stale journal
	// must not be played back into the new file.
	ix.swap(nil)
	for _, p := range []string{ix.file + "-journal", ix.file + "-wal", ix.file + "-shm"} {
		os.Remove(p)
	}
	if err := os.Rename(tmp, ix.file); err != nil {
		return stats, fileError(ix.file, err)
	}
	ok = true
	ndb, err := openDB(ix.file, false)
	if err != nil {
		return stats, err
	}
	ix.swap(ndb)
	report(progress, catalog.IndexProgress{Stage: "indexing", Cables: stats.Cables, Done: true})
	return stats, nil
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// add reads the cables of the files and writes them: corpus lists them
// (parsing files, reading CSV rows' fields), then workers read each
// cable's text while one writer inserts.
func (ix *Index) add(ctx context.Context, w *writer, units []unit, progress func(catalog.IndexProgress), stats *Stats) error {
	if len(units) == 0 {
		return nil
	}
	paths := make([]string, len(units))
	var total int64
	for i, u := range units {
		paths[i] = u.path
		total += u.size
	}
	arch, all, err := ix.records(ctx, paths, total, progress, stats)
	if err != nil {
		return err
	}
	if arch != ix.from {
		defer arch.Close()
	}
	if biggest(units) > bigText {
		// A big text is read by the scan, then again to be indexed, and
		// copied into SQLite's memory: the scan's copy is handed back
		// first, and garbage collected early, so that the peak stays
		// near twice the biggest text rather than five times.
		defer debug.SetGCPercent(debug.SetGCPercent(10))
		debug.FreeOSMemory()
	}
	// Every copy of an id is indexed (the list shows one): a file's
	// cables do not depend on which other files are indexed with it.
	entries := dedupe(all, w)
	perFile := map[string]int{}
	for _, e := range entries {
		perFile[absPath(e.Loc.Path)]++
	}
	fileIDs := map[string]int64{}
	for _, u := range units {
		id, err := w.file(u)
		if err != nil {
			return err
		}
		fileIDs[u.path] = id
	}

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	// Workers read texts while the writer inserts them in order; at most
	// inFlight texts are read ahead.
	// Their bytes are bounded too, by the biggest file (64 MiB at least):
	// two big cables are not held at once.
	workers := max(1, runtime.GOMAXPROCS(0))
	inFlight := 8 * workers
	sem := make(chan struct{}, inFlight)
	budget := max(64<<20, biggest(units))
	byteSem := semaphore.NewWeighted(budget)
	sizes := map[string]int64{}
	for _, u := range units {
		sizes[u.path] = u.size
	}
	weight := func(i int) int64 {
		loc := entries[i].Loc
		n := int64(loc.Length)
		if loc.Kind != catalog.KindCSVRow {
			n = sizes[absPath(loc.Path)]
		}
		return min(max(n, 1), budget)
	}
	jobs := make(chan int)
	results := make(chan job, inFlight)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				rec, text, err := arch.Complete(entries[i])
				results <- job{i, rec, text, err}
			}
		}()
	}
	go func() {
		defer close(jobs)
		for i := range entries {
			select {
			case sem <- struct{}{}:
			case <-ctx.Done():
				return
			}
			if byteSem.Acquire(ctx, weight(i)) != nil {
				return
			}
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	defer wg.Wait()
	defer cancel()
	start := time.Now()
	var done int64
	last := time.Time{}
	pending := map[int]job{}
	for i := range entries {
		j, ok := pending[i]
		for !ok {
			select {
			case r := <-results:
				if r.i == i {
					j, ok = r, true
				} else {
					pending[r.i] = r
				}
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		delete(pending, i)
		<-sem
		if j.err != nil {
			byteSem.Release(weight(i))
			stats.Skipped++
			continue
		}
		err := w.add(j.rec, fileIDs[absPath(j.rec.Loc.Path)], j.text)
		byteSem.Release(weight(i))
		if err != nil {
			return err
		}
		stats.Cables++
		done += int64(len(j.text))
		if progress != nil {
			if now := time.Now(); now.Sub(last) > 100*time.Millisecond {
				last = now
				progress(estimate("indexing", stats.Cables, done, textTotal(total, done, i+1, len(entries)), start))
			}
		}
	}
	for _, u := range units {
		if err := w.count(fileIDs[u.path], perFile[u.path]); err != nil {
			return err
		}
	}
	return nil
}

// records are the records of the cables in the files at paths (every copy
// of an id), and the archive that loads their text: the list's, when
// Update reads from it (ReadFrom) and its scan read the whole archive, or
// a scan of paths.
func (ix *Index) records(ctx context.Context, paths []string, total int64, progress func(catalog.IndexProgress), stats *Stats) (*corpus.Archive, []catalog.Record, error) {
	if arch := ix.from; arch != nil && arch.ScanComplete() {
		want := map[string]bool{}
		for _, p := range paths {
			want[p] = true
		}
		var recs []catalog.Record
		for _, e := range arch.Copies() {
			if want[absPath(e.Loc.Path)] {
				recs = append(recs, e)
			}
		}
		for _, s := range arch.Skipped() {
			if want[absPath(s.Path)] {
				stats.Skipped++
			}
		}
		for _, e := range arch.Errors() {
			if want[absPath(e.Path)] {
				stats.RowErrors++
			}
		}
		return arch, recs, nil
	}
	start := time.Now()
	arch, err := corpus.Open(paths)
	if err != nil {
		return nil, nil, err
	}
	err = arch.Scan(ctx, func(p catalog.Progress) {
		if progress != nil && !p.Done {
			progress(estimate("reading", p.Records, p.Bytes, total, start))
		}
	})
	if err != nil {
		arch.Close()
		return nil, nil, err
	}
	stats.Skipped += len(arch.Skipped())
	stats.RowErrors += len(arch.Errors())
	return arch, arch.Copies(), nil
}

// bigText is the size of a file from which a build collects its garbage
// early.
const bigText = 32 << 20

func biggest(units []unit) int64 {
	var n int64
	for _, u := range units {
		n = max(n, u.size)
	}
	return n
}

// job is one cable's record, completed from its text, and the text, as
// read by a worker.
type job struct {
	i    int
	rec  catalog.Record
	text []byte
	err  error
}

// textTotal estimates the bytes of text to index: the files' size, or,
// once some is read, what the share of cables done suggests.
func textTotal(files, done int64, n, of int) int64 {
	if n < 16 {
		return files
	}
	return done * int64(of) / int64(n)
}

func estimate(stage string, cables int, bytes, total int64, start time.Time) catalog.IndexProgress {
	p := catalog.IndexProgress{Stage: stage, Cables: cables, Bytes: bytes, Total: total, Elapsed: time.Since(start)}
	if secs := p.Elapsed.Seconds(); secs > 0 {
		p.Rate = float64(bytes) / 1e6 / secs
		if bytes > 0 && total > bytes {
			p.Left = time.Duration(float64(total-bytes) / float64(bytes) * float64(p.Elapsed))
		}
	}
	return p
}

// writer inserts cables through prepared statements in one transaction.
type writer struct {
	ctx                                  context.Context
	tx                                   *sql.Tx
	cable, ref, fts, fileStmt, countStmt *sql.Stmt
	delRefs, delCables, delFile          *sql.Stmt
	byPath, asText                       *sql.Stmt
	removed                              int // cables removed: their FTS rows stay
	// cat is the catalog as it will be on commit (catblob.go); nil when
	// the one before an update could not be read: keep then reads the
	// rows.
	cat *catEncoder
}

func newWriter(ctx context.Context, tx *sql.Tx) (*writer, error) {
	w := &writer{ctx: ctx, tx: tx, cat: newCatEncoder()}
	for _, s := range []struct {
		dst **sql.Stmt
		q   string
	}{
		{&w.cable, `INSERT INTO cables (id, date, classification, level, caveats, origin, subject, tags, kind, file, offset, length, time, line, tagitems) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`},
		{&w.ref, `INSERT INTO refs (cable, citing, cited, label) VALUES (?, ?, ?, ?)`},
		{&w.fts, `INSERT INTO fts (rowid, body, subject) VALUES (?, ?, ?)`},
		{&w.fileStmt, `INSERT INTO files (path, size, mtime, cables) VALUES (?, ?, ?, 0) ON CONFLICT (path) DO UPDATE SET size = excluded.size, mtime = excluded.mtime RETURNING id`},
		{&w.countStmt, `UPDATE files SET cables = ? WHERE id = ?`},
		{&w.byPath, `SELECT c.rowid FROM cables c JOIN files f ON f.id = c.file WHERE f.path = ?`},
		{&w.asText, `SELECT 1 FROM cables WHERE id = ? COLLATE NOCASE AND kind = 'text' LIMIT 1`},
		{&w.delRefs, `DELETE FROM refs WHERE cable = ?`},
		{&w.delCables, `DELETE FROM cables WHERE rowid = ?`},
		{&w.delFile, `DELETE FROM files WHERE path = ?`},
	} {
		st, err := tx.PrepareContext(ctx, s.q)
		if err != nil {
			w.close()
			return nil, err
		}
		*s.dst = st
	}
	return w, nil
}

func (w *writer) close() error {
	for _, s := range []*sql.Stmt{w.cable, w.ref, w.fts, w.fileStmt, w.countStmt, w.byPath, w.asText, w.delRefs, w.delCables, w.delFile} {
		if s != nil {
			s.Close()
		}
	}
	return nil
}

// add writes one cable of the file numbered file: its record and its
// text.
func (w *writer) add(e catalog.Record, file int64, text []byte) error {
	date, unix := "", int64(0)
	if !e.Date.IsZero() {
		date, unix = e.Date.UTC().Format("2006-01-02"), e.Date.Unix()
	}
	caveats := caveatsColumn(e)
	loc := e.Loc
	res, err := w.cable.ExecContext(w.ctx, e.ID, date, e.Class(), e.Classification.Level.String(),
		caveats, e.Origin, e.Subject, strings.Join(e.Tags, " "),
		loc.Kind.String(), file, loc.Offset, loc.Length, unix, loc.Line, strings.Join(e.Tags, tagSep))
	if err != nil {
		return err
	}
	row, err := res.LastInsertId()
	if err != nil {
		return err
	}
	if w.cat != nil {
		r := storedRecord(e)
		w.cat.add(&r, file)
	}
	for _, r := range e.References {
		if _, err := w.ref.ExecContext(w.ctx, row, e.ID, strings.ToUpper(r.ID), r.Label); err != nil {
			return err
		}
	}
	// Bytes, not copied to a string: FTS5 reads them as text. Joiners
	// inside words are dropped, as queries drop them (see query.IsJoiner).
	_, err = w.fts.ExecContext(w.ctx, row, stripJoinerBytes(reportText(text)), query.StripJoiners(e.Subject))
	return err
}

// file records a file as indexed (its count of cables still 0) and
// returns its number.
func (w *writer) file(u unit) (int64, error) {
	var id int64
	err := w.fileStmt.QueryRowContext(w.ctx, u.path, u.size, u.mtime).Scan(&id)
	if err == nil && w.cat != nil {
		w.cat.file(catFile{id: id, path: u.path, st: catalog.Stamp{Size: u.size, MTime: u.mtime}})
	}
	return id, err
}

// count records the number of cables of a file.
func (w *writer) count(file int64, n int) error {
	_, err := w.countStmt.ExecContext(w.ctx, n, file)
	if err == nil && w.cat != nil {
		w.cat.cables(file, n)
	}
	return err
}

// carry starts the catalog of an update from the one kept whole before
// it, but the files gone (removed, or changed and to be read again).
// Call it before anything is added. Without a sound one, keep reads the
// rows.
func (w *writer) carry(gone []string) {
	old, err := keptCatalog(w.ctx, w.tx)
	if err != nil || old == nil {
		w.cat = nil
		return
	}
	g := make(map[string]bool, len(gone))
	for _, p := range gone {
		g[p] = true
	}
	w.cat.carry(old, g)
}

// keep writes the catalog whole, of the generation the transaction
// commits. Call it last, before the commit.
func (w *writer) keep() error {
	cat := w.cat
	if cat == nil {
		img, err := catalogRows(w.ctx, w.tx)
		if err != nil {
			return err
		}
		cat = newCatEncoder()
		cat.carry(img, nil)
	}
	blob, err := cat.bytes()
	if err != nil {
		return err
	}
	if _, err := w.tx.ExecContext(w.ctx, `DELETE FROM catalog`); err != nil {
		return err
	}
	for i := 0; i < len(blob); i += partSize {
		_, err = w.tx.ExecContext(w.ctx, `INSERT INTO catalog (part, generation, data) VALUES (?, coalesce((SELECT value FROM meta WHERE key = 'generation'), ''), ?)`, i/partSize, blob[i:min(i+partSize, len(blob))])
		if err != nil {
			return err
		}
	}
	return nil
}

// remove drops the files' cables.
func (w *writer) remove(paths []string) error {
	for _, p := range paths {
		rows, err := w.byPath.QueryContext(w.ctx, p)
		if err != nil {
			return err
		}
		var list []int64
		for rows.Next() {
			var r int64
			if err := rows.Scan(&r); err != nil {
				rows.Close()
				return err
			}
			list = append(list, r)
		}
		rows.Close()
		w.removed += len(list)
		for _, r := range list {
			for _, st := range []*sql.Stmt{w.delRefs, w.delCables} {
				if _, err := st.ExecContext(w.ctx, r); err != nil {
					return err
				}
			}
		}
		if _, err := w.delFile.ExecContext(w.ctx, p); err != nil {
			return err
		}
	}
	return nil
}

// dedupe drops saved pages whose cable is in the archive as a text file
// too (as corpus does for a folder). The list stays in corpus's order,
// by date, the order of the rowids; it is copied only when some are
// dropped.
func dedupe(list []catalog.Record, w *writer) []catalog.Record {
	asText := map[string]bool{}
	for _, e := range list {
		if e.Loc.Kind == catalog.KindText && e.ID != "" {
			asText[strings.ToUpper(e.ID)] = true
		}
	}
	drop := func(e catalog.Record) bool {
		if e.Loc.Kind != catalog.KindHTML || e.ID == "" {
			return false
		}
		if asText[strings.ToUpper(e.ID)] {
			return true
		}
		var one int
		return w.asText.QueryRowContext(w.ctx, e.ID).Scan(&one) == nil
	}
	if !slices.ContainsFunc(list, drop) {
		return list
	}
	out := make([]catalog.Record, 0, len(list))
	for _, e := range list {
		if !drop(e) {
			out = append(out, e)
		}
	}
	return out
}
