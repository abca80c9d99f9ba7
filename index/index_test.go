package index

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// The test archive: real cables from the repository's testdata (see
// testdata/README there), copied into a temporary folder so that tests
// can change it.
var testCables = []string{
	"09TOKYO2531", "10SHENYANG4", "09YEREVAN20", "08PARIS957", "09PARIS848",
	"09PARIS997", "09PARIS1052", "07PARIS4357", "08PARIS1698", "10BEIJING263",
	"06CARACAS958", "09STATE47326",
}

// citing is a short cable that cites 09TOKYO2531 and 10SHENYANG4.
const citing = `R 101200Z NOV 09
FM AMEMBASSY TOKYO
TO SECSTATE WASHDC 7300

UNCLAS TOKYO 002600

E.O. 12958: N/A
TAGS: KTIP PGOV JA
SUBJECT: FOLLOW-UP ON THE TRAFFICKING SOP

REF: A. TOKYO 2531 B. 10 SHENYANG 4

1. The embassy followed up on the trafficking procedures.
`

func copyCables(t testing.TB, dir string, ids ...string) {
	t.Helper()
	for _, id := range ids {
		data, err := os.ReadFile(filepath.Join("..", "testdata", "cables", id+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, id+".txt"), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// build makes the archive folder and its index, and returns both.
func build(t *testing.T, ids ...string) (string, *Index) {
	t.Helper()
	dir := t.TempDir()
	arch := filepath.Join(dir, "cables")
	if err := os.Mkdir(arch, 0o755); err != nil {
		t.Fatal(err)
	}
	copyCables(t, arch, ids...)
	ix := update(t, arch, filepath.Join(dir, "index.db"))
	return arch, ix
}

func update(t *testing.T, arch, file string) *Index {
	t.Helper()
	ix, err := Open([]string{arch}, file)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	if _, err := ix.Update(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	return ix
}

func ids(t *testing.T, ix *Index, query string) []string {
	t.Helper()
	q, err := Parse(query)
	if err != nil {
		t.Fatalf("Parse(%q): %v", query, err)
	}
	hits, n, err := ix.Search(context.Background(), q, 100)
	if err != nil {
		t.Fatalf("Search(%q): %v", query, err)
	}
	if n != len(hits) {
		t.Errorf("Search(%q): count %d, %d hits", query, n, len(hits))
	}
	out := []string{}
	for _, h := range hits {
		out = append(out, h.ID)
	}
	return out
}

func TestSearch(t *testing.T) {
	_, ix := build(t, testCables...)
	for _, tc := range []struct {
		query string
		want  []string // in rank order, or by date for fields only
	}{
		// words and ranking: the subject weighs ten times the body
		{"trafficking", []string{"09TOKYO2531", "08PARIS1698", "06CARACAS958"}},
		{"TRAFFICKING sop", []string{"09TOKYO2531"}},
		{`"human trafficking"`, []string{"09TOKYO2531"}},
		{"traffick*", []string{"09TOKYO2531", "08PARIS1698", "06CARACAS958"}},
		{"shenyang", []string{"10SHENYANG4"}},
		// fields
		{"tag:KTIP", []string{"09TOKYO2531"}},
		{"tag:ktip", []string{"09TOKYO2531"}},
		{"from:paris", []string{"07PARIS4357", "08PARIS957", "08PARIS1698", "09PARIS848", "09PARIS997", "09PARIS1052"}},
		{"from:paris -tag:NATO", []string{"08PARIS1698", "09PARIS848", "09PARIS997", "09PARIS1052"}},
		{"class:unclassified", []string{"09PARIS1052"}},
		{"noforn from:paris", []string{"09PARIS848"}},
		{"caveat:noforn", []string{"06CARACAS958", "09YEREVAN20", "09STATE47326", "09PARIS848", "10SHENYANG4"}},
		{"id:09tokyo2531", []string{"09TOKYO2531"}},
		{"subject:trafficking", []string{}},
		{"subject:sop", []string{"09TOKYO2531"}},
		// dates
		{"date:2009", []string{"09YEREVAN20", "09STATE47326", "09PARIS848", "09PARIS997", "09PARIS1052", "09TOKYO2531"}},
		{"date:2009-07", []string{"09PARIS997"}},
		{"date:2009-11..2010-01", []string{"09TOKYO2531", "10SHENYANG4"}},
		{"date:..2007", []string{"06CARACAS958", "07PARIS4357"}},
		{"date:2010..", []string{"10SHENYANG4", "10BEIJING263"}},
		{"date:2009-07-23", []string{"09PARIS997"}},
		// OR and NOT
		{"tag:KTIP OR tag:TPHY", []string{"09TOKYO2531", "10BEIJING263"}},
		{"from:paris date:2009 -noforn", []string{"09PARIS997", "09PARIS1052"}},
		{"nosuchwordanywhere", []string{}},
	} {
		got := ids(t, ix, tc.query)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q:\n got %q\nwant %q", tc.query, got, tc.want)
		}
	}
}

func TestCitesAndCitedBy(t *testing.T) {
	arch, ix := build(t, "09TOKYO2531", "10SHENYANG4", "09PARIS848")
	if got := ids(t, ix, "cites:09TOKYO2531"); len(got) != 0 {
		t.Fatalf("cites before the citing cable is added: %q", got)
	}
	if err := os.WriteFile(filepath.Join(arch, "09TOKYO2600.txt"), []byte(citing), 0o644); err != nil {
		t.Fatal(err)
	}
	st, err := ix.Update(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if st.Rebuilt || st.Added != 1 || st.Unchanged != 3 || st.Cables != 4 {
		t.Errorf("update stats: %+v", st)
	}
	for q, want := range map[string][]string{
		"cites:09TOKYO2531":              {"09TOKYO2600"},
		"cites:10shenyang4":              {"09TOKYO2600"},
		"cites:09PARIS848":               {},
		"trafficking -cites:09TOKYO2531": {"09TOKYO2531"},
	} {
		if got := ids(t, ix, q); !slices.Equal(got, want) {
			t.Errorf("%q: got %q, want %q", q, got, want)
		}
	}
	hits, err := ix.CitedBy(context.Background(), "09tokyo2531")
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 1 || hits[0].ID != "09TOKYO2600" || hits[0].Subject != "FOLLOW-UP ON THE TRAFFICKING SOP" {
		t.Errorf("CitedBy(09TOKYO2531) = %+v", hits)
	}
}

func TestUpdateFolderChanged(t *testing.T) {
	arch, ix := build(t, "09TOKYO2531", "10SHENYANG4", "09PARIS848")
	file := ix.File()
	ix.Close()

	// add one, change one, remove one
	copyCables(t, arch, "09PARIS997")
	changed := filepath.Join(arch, "10SHENYANG4.txt")
	data, err := os.ReadFile(changed)
	if err != nil {
		t.Fatal(err)
	}
	data = []byte(strings.Replace(string(data), "SUBJECT:", "SUBJECT: ZEBRAFISH", 1))
	if err := os.WriteFile(changed, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(arch, "09PARIS848.txt")); err != nil {
		t.Fatal(err)
	}

	ix, err = Open([]string{arch}, file)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if !ix.Ready() {
		t.Fatal("a complete index is not ready on opening")
	}
	// Until updated, the old index answers.
	if got := ids(t, ix, "zebrafish"); len(got) != 0 {
		t.Errorf("zebrafish before the update: %q", got)
	}
	st, err := ix.Update(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	want := Stats{Added: 1, Changed: 1, Gone: 1, Unchanged: 1, Cables: 3}
	if st != want {
		t.Errorf("stats %+v, want %+v", st, want)
	}
	for q, want := range map[string][]string{
		"zebrafish":       {"10SHENYANG4"},
		"id:09PARIS848":   {},
		"id:09PARIS997":   {"09PARIS997"},
		"date:2009..2011": {"09PARIS997", "09TOKYO2531", "10SHENYANG4"},
	} {
		if got := ids(t, ix, q); !slices.Equal(got, want) {
			t.Errorf("%q: got %q, want %q", q, got, want)
		}
	}
	// Nothing changed: nothing done.
	st, err = ix.Update(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := (Stats{Unchanged: 3, Cables: 3}); st != want {
		t.Errorf("second update %+v, want %+v", st, want)
	}
}

func TestBuildCancelled(t *testing.T) {
	dir := t.TempDir()
	arch := filepath.Join(dir, "cables")
	os.Mkdir(arch, 0o755)
	copyCables(t, arch, testCables...)
	file := filepath.Join(dir, "index.db")
	ix, err := Open([]string{arch}, file)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	ctx, cancel := context.WithCancel(context.Background())
	var stages []string
	_, err = ix.Update(ctx, func(p Progress) {
		stages = append(stages, p.Stage)
		if p.Stage == "indexing" {
			cancel() // half-way: some cables are written
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled build: err %v, progress %q", err, stages)
	}
	if ix.Ready() {
		t.Error("a cancelled build is ready")
	}
	if _, err := os.Stat(file); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a cancelled first build left %s: %v", file, err)
	}
	if _, err := os.Stat(file + ".build"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a cancelled build left its temporary file: %v", err)
	}
	// A build left unfinished by a killed process: the file reads as ours
	// but incomplete, and is rebuilt.
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	ix2 := update(t, arch, file)
	if got := ids(t, ix2, "id:09TOKYO2531 OR id:10SHENYANG4"); !slices.Equal(got, []string{"09TOKYO2531", "10SHENYANG4"}) {
		t.Errorf("after the rebuild: %q", got)
	}
}

func TestForeignAndOldIndex(t *testing.T) {
	dir := t.TempDir()
	arch := filepath.Join(dir, "cables")
	os.Mkdir(arch, 0o755)
	copyCables(t, arch, "09TOKYO2531")

	// Not SQLite, and SQLite of something else: refused, left alone.
	notes := filepath.Join(dir, "notes.txt")
	os.WriteFile(notes, []byte("my notes\n"), 0o644)
	other := filepath.Join(dir, "other.db")
	db, err := openDB(other, false)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`CREATE TABLE birds (name TEXT); INSERT INTO birds VALUES ('wren')`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	before, _ := os.ReadFile(other)
	for _, f := range []string{notes, other} {
		_, err := Open([]string{arch}, f)
		if !errors.Is(err, ErrForeign) || !strings.Contains(err.Error(), "not touching it") {
			t.Errorf("Open over %s: %v", filepath.Base(f), err)
		}
	}
	if b, _ := os.ReadFile(notes); string(b) != "my notes\n" {
		t.Errorf("notes changed: %q", b)
	}
	if after, _ := os.ReadFile(other); string(after) != string(before) {
		t.Error("the other database changed")
	}

	// An index of an older schema is rebuilt.
	file := filepath.Join(dir, "index.db")
	ix := update(t, arch, file)
	ix.Close()
	db, err = openDB(file, false)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`PRAGMA user_version = 0`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	ix, err = Open([]string{arch}, file)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if ix.Ready() {
		t.Error("an old-schema index is ready")
	}
	st, err := ix.Update(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if !st.Rebuilt || st.Cables != 1 {
		t.Errorf("old schema: %+v", st)
	}
	if got := ids(t, ix, "trafficking"); !slices.Equal(got, []string{"09TOKYO2531"}) {
		t.Errorf("after the rebuild: %q", got)
	}
}

func TestBadQueries(t *testing.T) {
	for q, want := range map[string]string{
		``:                `at column 1: the query is empty`,
		`"human traffick`: `at column 1: the quote "\"human traffick" is not closed`,
		`tag:`:            `at column 1: tag: needs a value, as in tag:KTIP`,
		`date:2009-13`:    `at column 1: "date:2009-13": no month 13`,
		`date:2010..2009`: `at column 1: "date:2010..2009": the range ends before it starts`,
		`colour:red`:      `at column 1: unknown field "colour:" (fields: tag, from, class, caveat, date, id, cites, subject)`,
		`OR trafficking`:  `at column 1: OR needs a word on each side`,
		`trafficking OR`:  `at column 13: OR needs a word on each side`,
		`-`:               `at column 1: a lone - must be followed by a word to leave out`,
		"\xff":            `at column 1: the query is not valid UTF-8`,
		`class:purple`:    `at column 1: unknown classification "purple" (unclassified, confidential, secret)`,
		`trafficking -`:   `at column 13: a lone - must be followed by a word to leave out`,
	} {
		_, err := Parse(q)
		var qe *QueryError
		if !errors.As(err, &qe) {
			t.Errorf("Parse(%q): %v, want a QueryError", q, err)
			continue
		}
		if err.Error() != want {
			t.Errorf("Parse(%q): %q, want %q", q, err, want)
		}
	}
}

func TestSnippetAndFacets(t *testing.T) {
	_, ix := build(t, testCables...)
	q, _ := Parse("trafficking sop")
	hits, _, err := ix.Search(context.Background(), q, 10)
	if err != nil || len(hits) != 1 {
		t.Fatalf("hits %v, err %v", hits, err)
	}
	sn, err := ix.Snippet(hits[0], q)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := sn.Marked("[", "]"), "…a Standard Operating Procedure ([SOP]) agreement regarding the rescuing, repatriating and social integration of human [trafficking] victims. The [SOP] is designed to be in…"; got != want {
		t.Errorf("snippet:\n got %q\nwant %q", got, want)
	}
	q, _ = Parse("from:paris OR noforn")
	f, err := ix.Facets(context.Background(), q, 3)
	if err != nil {
		t.Fatal(err)
	}
	want := Facets{
		Years:           []Count{{"2006", 1}, {"2007", 1}, {"2008", 2}, {"2009", 5}, {"2010", 1}},
		Months:          []Count{{"2006-04", 1}, {"2007-10", 1}, {"2008-05", 1}, {"2008-09", 1}, {"2009-01", 1}, {"2009-05", 1}, {"2009-06", 1}, {"2009-07", 1}, {"2009-08", 1}, {"2010-01", 1}},
		Classifications: []Count{{"SECRET", 5}, {"CONFIDENTIAL", 4}, {"UNCLASSIFIED", 1}},
		Origins:         []Count{{"AMEMBASSY PARIS", 6}, {"AMCONSUL SHENYANG", 1}, {"AMEMBASSY CARACAS", 1}},
		Tags:            []Count{{"FR", 6}, {"PREL", 6}, {"PGOV", 4}},
	}
	if !reflect.DeepEqual(f, want) {
		t.Errorf("facets:\n got %+v\nwant %+v", f, want)
	}
}
