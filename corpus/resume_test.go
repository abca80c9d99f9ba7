package corpus_test

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"cablereader/catalog"
	"cablereader/corpus"
	"cablereader/internal/testcsv"
	"cablereader/search"
)

// archiveDir is a folder of 30 real text cables, three saved pages and a
// cables.csv of 10 more, and the path of an index file for it.
func archiveDir(t *testing.T) (dir, db string) {
	t.Helper()
	dir = t.TempDir()
	texts, _ := filepath.Glob("../testdata/cables/*.txt")
	pages, _ := filepath.Glob("../testdata/pages/*.html")
	if len(texts) < 40 || len(pages) < 3 {
		t.Fatalf("%d cables and %d pages in testdata", len(texts), len(pages))
	}
	cp := func(src, dst string) {
		data, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		os.MkdirAll(filepath.Dir(dst), 0o755)
		if err := os.WriteFile(dst, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range texts[:30] {
		cp(p, filepath.Join(dir, "cable", filepath.Base(p)))
	}
	for _, p := range pages[:3] {
		cp(p, filepath.Join(dir, "pages", filepath.Base(p)))
	}
	// A cables.csv of five of the cables, and a line that is no row.
	var csv []byte
	for i, p := range texts[30:35] {
		text, _ := os.ReadFile(p)
		h, body := testcsv.Split(text)
		id := strings.TrimSuffix(filepath.Base(p), ".txt")
		csv = testcsv.AppendRow(csv, testcsv.Row{Seq: i + 1, Date: time.Date(2005, 1, i+1, 0, 0, 0, 0, time.UTC), RefID: id,
			Origin: "Embassy", Class: "SECRET//NOFORN", Refs: []string{"05STATE1"}, Header: h, Body: body})
		if i == 2 {
			csv = append(csv, "not a row\n"...)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "cables.csv"), csv, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, filepath.Join(t.TempDir(), "index.db")
}

// scan lists dir: from the catalog in the index at db when it is current
// (as the archive view and --list do), or by reading every file. It
// returns the list, the copies kept aside, and the cables parsed; the
// rows skipped are lastErrors.
func scan(t *testing.T, dir, db string) (list, copies []catalog.Record, parses int64) {
	t.Helper()
	count, restore := corpus.CountParses()
	defer restore()
	arch, err := corpus.Open([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	defer arch.Close()
	if db != "" {
		fts, err := search.Open([]string{dir}, db)
		if err != nil {
			t.Fatal(err)
		}
		if fts.Ready() {
			recs, files, err := fts.Catalog(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			arch.Resume(recs, files)
		}
		fts.Close()
	}
	if err := arch.Scan(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	lastErrors = arch.Errors()
	return arch.Entries(), arch.Copies(), count()
}

var lastErrors []catalog.RowError

// build scans dir and builds its index from that scan (search.ReadFrom).
func build(t *testing.T, dir, db string) search.Stats {
	t.Helper()
	arch, err := corpus.Open([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	defer arch.Close()
	fts, err := search.Open([]string{dir}, db)
	if err != nil {
		t.Fatal(err)
	}
	defer fts.Close()
	if fts.Ready() {
		recs, files, err := fts.Catalog(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		arch.Resume(recs, files)
	}
	fts.ReadFrom(arch)
	if err := arch.Scan(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	st, err := fts.Update(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// listed is what the list shows of each record, and where it lives.
func listed(recs []catalog.Record) []string {
	var out []string
	for _, e := range recs {
		var refs []string
		for _, r := range e.References {
			refs = append(refs, r.ID)
		}
		out = append(out, strings.Join([]string{e.ID, e.Date.Format(time.RFC3339), e.Class(), e.Origin, e.Subject,
			strings.Join(e.Tags, "|"), strings.Join(refs, "|"), e.Place(), string(e.Loc.Kind)}, "\t"))
	}
	return out
}

// An archive whose catalog is current lists from it: the same list as a
// scan that reads every file, with nothing parsed. A file changed
// between two opens is read again and shows its new subject; a file
// removed leaves the list, and one added joins it; the index brought up
// to date from that scan parses nothing more. Without the catalog kept
// whole, or with one damaged, its rows list the same.
func TestReopenFromTheCatalog(t *testing.T) {
	dir, db := archiveDir(t)
	fresh, freshCopies, n := scan(t, dir, "")
	if len(fresh) < 30 || n != 33 {
		t.Fatalf("a first scan lists %d cables, parsing %d files", len(fresh), n)
	}
	if st := build(t, dir, db); !st.Rebuilt || st.Cables < 30 {
		t.Fatalf("build: %+v", st)
	}
	freshErrors := lastErrors
	list, copies, n := scan(t, dir, db)
	if n != 0 {
		t.Errorf("a reopen parsed %d cables", n)
	}
	if len(freshErrors) != 1 || !slices.Equal(lastErrors, freshErrors) {
		t.Errorf("rows skipped: reopened %v, scanned %v", lastErrors, freshErrors)
	}
	if got, want := listed(list), listed(fresh); !slices.Equal(got, want) {
		t.Errorf("the reopened list differs:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(copies) != len(freshCopies) {
		t.Errorf("%d copies reopened, %d scanned", len(copies), len(freshCopies))
	}

	// One file changes (a new subject, and a later time), one goes, one
	// comes.
	changed := list[3]
	text, err := os.ReadFile(changed.Path())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(text), changed.Subject) || changed.Subject == "" {
		t.Fatalf("%s: subject %q not in its text", changed.Path(), changed.Subject)
	}
	text = []byte(strings.ReplaceAll(string(text), changed.Subject, "A NEW SUBJECT FOR THIS CABLE"))
	if err := os.WriteFile(changed.Path(), text, 0o644); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(time.Minute)
	os.Chtimes(changed.Path(), later, later)
	gone := list[5]
	if err := os.Remove(gone.Path()); err != nil {
		t.Fatal(err)
	}
	extra, _ := filepath.Glob("../testdata/cables/*.txt")
	added := filepath.Join(dir, "cable", "new", filepath.Base(extra[len(extra)-1]))
	data, _ := os.ReadFile(extra[len(extra)-1])
	os.MkdirAll(filepath.Dir(added), 0o755)
	if err := os.WriteFile(added, data, 0o644); err != nil {
		t.Fatal(err)
	}

	list, _, n = scan(t, dir, db)
	if n != 2 {
		t.Errorf("%d cables parsed, want the changed and the added file's", n)
	}
	subjects := map[string]string{}
	var paths []string
	for _, e := range list {
		subjects[e.Path()] = e.Subject
		paths = append(paths, e.Path())
	}
	if subjects[changed.Path()] != "A NEW SUBJECT FOR THIS CABLE" {
		t.Errorf("%s shows %q", changed.Path(), subjects[changed.Path()])
	}
	if slices.Contains(paths, gone.Path()) || !slices.Contains(paths, added) {
		t.Errorf("removed %s listed, or added %s not", gone.Path(), added)
	}
	fresh, _, _ = scan(t, dir, "")
	if got, want := listed(list), listed(fresh); !slices.Equal(got, want) {
		t.Errorf("after the changes, the reopened list differs:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// The index is brought up to date from the reopened scan.
	st := build(t, dir, db)
	if st.Rebuilt || st.Changed != 1 || st.Gone != 1 || st.Added != 1 {
		t.Errorf("update: %+v", st)
	}
	list, _, n = scan(t, dir, db)
	if n != 0 || !slices.Equal(listed(list), listed(fresh)) {
		t.Errorf("after the update, a reopen parses %d cables, and lists the same: %v", n, slices.Equal(listed(list), listed(fresh)))
	}

	// The catalog kept whole (one blob) damaged, of another generation,
	// or missing: the catalog is read from its rows, and lists the same.
	for _, q := range []string{
		`UPDATE catalog SET data = substr(data, 1, 100) || x'00' || substr(data, 102)`,
		`UPDATE catalog SET generation = 'another'`,
		`DELETE FROM catalog`,
	} {
		conn, err := sql.Open("sqlite", db)
		if err != nil {
			t.Fatal(err)
		}
		if res, err := conn.Exec(q); err != nil {
			t.Fatal(err)
		} else if n, _ := res.RowsAffected(); n == 0 {
			t.Fatalf("%s: no catalog kept whole", q)
		}
		conn.Close()
		list, _, n = scan(t, dir, db)
		if n != 0 || !slices.Equal(listed(list), listed(fresh)) {
			t.Errorf("after %s, a reopen parses %d cables, and lists the same: %v", q, n, slices.Equal(listed(list), listed(fresh)))
		}
	}

	// A reopen stopped at once (the program quit) has listed the
	// catalog whole, and a build does not take the records of that scan.
	arch, err := corpus.Open([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	defer arch.Close()
	fts, err := search.Open([]string{dir}, db)
	if err != nil {
		t.Fatal(err)
	}
	defer fts.Close()
	recs, files, err := fts.Catalog(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	arch.Resume(recs, files)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := arch.Scan(ctx, nil); !errors.Is(err, context.Canceled) {
		t.Errorf("a cancelled scan returned %v", err)
	}
	if !slices.Equal(listed(arch.Entries()), listed(fresh)) || arch.ScanComplete() {
		t.Errorf("a cancelled reopen lists %d cables, complete %v", len(arch.Entries()), arch.ScanComplete())
	}
}

// An index of the schema before the catalog was kept (4) is not read as
// a catalog: it is rebuilt, and then lists the archive.
func TestOlderSchemaRebuilt(t *testing.T) {
	dir, db := archiveDir(t)
	build(t, dir, db)
	// The file marked as written by the schema before (the sqlite driver
	// is registered by package search).
	conn, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Exec(`PRAGMA user_version = 4`); err != nil {
		t.Fatal(err)
	}
	conn.Close()
	fts, err := search.Open([]string{dir}, db)
	if err != nil || fts.Ready() {
		t.Fatalf("an index of schema 4 reads as current: %v", err)
	}
	fts.Close()
	if _, _, n := scan(t, dir, db); n != 33 {
		t.Errorf("with a stale index, %d files parsed, want all 33", n)
	}
	if st := build(t, dir, db); !st.Rebuilt {
		t.Errorf("not rebuilt: %+v", st)
	}
	if _, _, n := scan(t, dir, db); n != 0 {
		t.Errorf("after the rebuild, %d files parsed", n)
	}
}
