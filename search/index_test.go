package search

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
)

// queryTable holds queries over the real cables and the test cable
// 10TOKYO1, with the ids they must return in order: by bm25 when the query
// has words, by date then id when it has only fields.
var queryTable = []struct {
	query string
	want  []string
}{
	{`"nuclear weapons"`, []string{"09DAMASCUS179", "06CARACAS958", "09MANAMA442", "07DUBAI355", "09STOCKHOLM418", "06SEOUL2238", "09UNVIEVIENNA289"}},
	{`"NUCLEAR Weapons"`, []string{"09DAMASCUS179", "06CARACAS958", "09MANAMA442", "07DUBAI355", "09STOCKHOLM418", "06SEOUL2238", "09UNVIEVIENNA289"}},
	{"whaling", []string{}},
	{"trafficking", []string{"10TOKYO1", "06ASUNCION589", "09TOKYO2531", "05SOFIA1207", "05RIODEJANEIRO1242", "08PARIS1698", "09SANSALVADOR928", "07KABUL1132", "06CARACAS958", "10LAGOS75", "07PORTAUPRINCE408"}},
	{"subject:iran", []string{"09LIMA1191", "88BAGHDAD28", "07PARIS2440", "72TEHRAN4789", "72TEHRAN1164", "07DUBAI355", "06BAKU1835", "06CARACAS958", "09DAMASCUS179", "10RPODUBAI13"}},
	{`subject:"nuclear iran"`, []string{"09DAMASCUS179"}},
	{"tag:KTIP", []string{"09TOKYO2531", "10TOKYO1"}},
	{"tag:ktip", []string{"09TOKYO2531", "10TOKYO1"}},
	{"from:tokyo", []string{"09TOKYO2531", "10TOKYO1"}},
	{"TIP tag:KTIP", []string{"09TOKYO2531"}},
	{"class:confidential from:paris", []string{"07PARIS2440", "07PARIS4357", "08PARIS1698", "09PARIS848", "09PARIS997"}},
	{"class:secret noforn date:2009", []string{"09YEREVAN20", "09DOHA214", "09STATE47326", "09UNVIEVIENNA289", "09SANSALVADOR928"}},
	{"date:2009-11..2010-02", []string{"09TOKYO2531", "09KYIV1942", "09BERLIN1609", "10SHENYANG4", "10RPODUBAI13", "10LUXEMBOURG5", "10TOKYO1", "10MADRID87", "10BEIJING263", "10BRASILIA136", "10HAVANA84", "10SARAJEVO134", "10PRISTINA84", "10ISLAMABAD399", "10LAGOS75", "10LUANDA84"}},
	{"date:2009-11", []string{"09TOKYO2531", "09KYIV1942"}},
	{"date:2010-01-15", []string{"10LUXEMBOURG5", "10TOKYO1"}},
	{"date:..1973", []string{"66BUENOSAIRES2481", "72TEHRAN1164", "72TEHRAN1381", "72TEHRAN4789", "72TEHRAN5055", "73TEHRAN7005", "73TEHRAN8233"}},
	{"-tag:PREL date:2010", []string{"10TOKYO1", "10BEIJING263", "10BRASILIA136"}},
	{"id:09tokyo2531", []string{"09TOKYO2531"}},
	{"id:09TOKYO2531 OR id:10TOKYO1", []string{"09TOKYO2531", "10TOKYO1"}},
	{"cites:09TOKYO2531", []string{"10TOKYO1"}},
	{"cites:09state63812", []string{"10TOKYO1"}},
	{"iran -nuclear date:2009", []string{"09LIMA1191", "09YEREVAN20", "09STATE63812", "09STATE47326", "09PESHAWAR41"}},
	{"tehran OR kabul date:..1979", []string{"72TEHRAN5055", "72TEHRAN1381", "72TEHRAN4789", "73TEHRAN8233", "72TEHRAN1164", "73TEHRAN7005", "79TEHRAN8980"}},
	{"nucl* date:2010", []string{"10BEIJING263", "10SHENYANG4", "10RPODUBAI13"}},
	{"-sipdis date:2009", []string{"09PESHAWAR41", "09DOHA214", "09USEUBRUSSELS1177"}},
}

func TestQueries(t *testing.T) {
	ix, st := build(t, filepath.Join(t.TempDir(), "i.db"), archive(t))
	if !st.Rebuilt || st.Cables != testCount(t) || st.Added != testCount(t) {
		t.Fatalf("stats %+v", st)
	}
	for _, tc := range queryTable {
		if got := ids(t, ix, tc.query); !slices.Equal(got, tc.want) {
			t.Errorf("%s:\n got %q\nwant %q", tc.query, got, tc.want)
		}
	}
}

// The same cables in a cables.csv give the same answers.
func TestCSV(t *testing.T) {
	dir := t.TempDir()
	files, _ := filepath.Glob(filepath.Join(realCables, "*.txt"))
	files = append(files, "testdata/10TOKYO1.txt")
	csv := filepath.Join(dir, "cables.csv")
	writeCSV(t, csv, files)
	ix, st := build(t, filepath.Join(dir, "i.db"), csv)
	if st.Cables != testCount(t) || st.Added != 1 || st.RowErrors != 0 {
		t.Fatalf("stats %+v", st)
	}
	for _, tc := range queryTable {
		if got := ids(t, ix, tc.query); !slices.Equal(got, tc.want) {
			t.Errorf("%s:\n got %q\nwant %q", tc.query, got, tc.want)
		}
	}
	q, _ := Parse(`"standard operating procedures"`)
	hits, n, err := ix.Search(context.Background(), q, 10)
	if err != nil || n != 1 || hits[0].ID != "10TOKYO1" || hits[0].Location.Kind.String() != "csv" {
		t.Fatalf("%v %d %+v", err, n, hits)
	}
	sn, err := ix.Snippet(hits[0], q)
	if err != nil {
		t.Fatal(err)
	}
	if got := sn.Marked("[", "]"); got != "…A. Officials said the [standard operating procedures] on victim repatriation would be signed in the spring" {
		t.Errorf("snippet %q", got)
	}
}

func TestSnippetFacetsCitedBy(t *testing.T) {
	ix, _ := build(t, filepath.Join(t.TempDir(), "i.db"), archive(t))
	q, _ := Parse(`"nuclear weapons" iran`)
	hits, _, err := ix.Search(context.Background(), q, 1)
	if err != nil {
		t.Fatal(err)
	}
	sn, err := ix.Snippet(hits[0], q)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := sn.Marked("<", ">"), `…premature close would be <Iran>'s development of <nuclear weapons>. "If <Iran> insists," Senator Whitehorse stated, "it will create an atmosphere challenging for negotiations…`; got != want {
		t.Errorf("snippet\n got %q\nwant %q", got, want)
	}
	// The references keep their labels, for other tools reading the index.
	var refs []string
	rows, err := ix.DB().Query(`SELECT cited || ' ' || label FROM refs WHERE citing = '10TOKYO1' ORDER BY label`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var r string
		rows.Scan(&r)
		refs = append(refs, r)
	}
	rows.Close()
	if !slices.Equal(refs, []string{"09TOKYO2531 A", "09STATE63812 B"}) {
		t.Errorf("refs %q", refs)
	}
	by, err := ix.CitedBy(context.Background(), "09tokyo2531")
	if err != nil || len(by) != 1 || by[0].ID != "10TOKYO1" || by[0].Date != "2010-01-15" {
		t.Errorf("cited by: %v %+v", err, by)
	}
	q, _ = Parse("trafficking")
	f, err := ix.Facets(context.Background(), q, 3)
	if err != nil {
		t.Fatal(err)
	}
	// The two undated hits (05SOFIA1207, 05RIODEJANEIRO1242) count
	// under their ids' year, in no month.
	wantYears := []Count{{"2005", 2}, {"2006", 2}, {"2007", 2}, {"2008", 1}, {"2009", 2}, {"2010", 2}}
	if !slices.Equal(f.Years, wantYears) || f.Undated != 2 {
		t.Errorf("years %v, undated %d", f.Years, f.Undated)
	}
	if len(f.Months) != 9 || f.Months[0] != (Count{"2006-04", 1}) {
		t.Errorf("months %v", f.Months)
	}
	if !slices.Equal(f.Tags, []Count{{"PGOV", 9}, {"KCRM", 4}, {"PREL", 4}}) {
		t.Errorf("tags %v", f.Tags)
	}
	if len(f.Origins) != 3 || len(f.Classifications) == 0 {
		t.Errorf("origins %v classes %v", f.Origins, f.Classifications)
	}
}

// A query with more hits than the rank window ranks the most recent of
// them, and counts them all.
func TestRankWindow(t *testing.T) {
	ix, _ := build(t, filepath.Join(t.TempDir(), "i.db"), archive(t))
	q, _ := Parse("trafficking")
	all, n, err := ix.Search(context.Background(), q, 100)
	if err != nil || n != 11 {
		t.Fatalf("%v %d", err, n)
	}
	byDate := slices.Clone(all)
	slices.SortStableFunc(byDate, func(a, b Hit) int { return strings.Compare(b.Date, a.Date) })
	var want []string
	for _, h := range all {
		if slices.ContainsFunc(byDate[:3], func(g Hit) bool { return g.ID == h.ID }) {
			want = append(want, h.ID)
		}
	}
	defer func(w int) { rankWindow = w }(rankWindow)
	rankWindow = 3
	hits, n, err := ix.Search(context.Background(), q, 100)
	if err != nil || n != 11 {
		t.Fatalf("%v %d", err, n)
	}
	var got []string
	for _, h := range hits {
		got = append(got, h.ID)
	}
	if !slices.Equal(got, want) || len(want) != 3 {
		t.Errorf("got %q, want %q", got, want)
	}
	// With a field term, the hits past the window are counted too.
	q, _ = Parse("trafficking date:2006..2009")
	rankWindow = 100
	all, n, err = ix.Search(context.Background(), q, 100)
	if err != nil || n != 7 || len(all) != 7 {
		t.Fatalf("%v %d %d", err, n, len(all))
	}
	rankWindow = 2
	hits, n, err = ix.Search(context.Background(), q, 100)
	if err != nil || n != 7 || len(hits) != 2 {
		t.Errorf("window of 2: %v %d hits of %d", err, len(hits), n)
	}
}

func TestFolderFollowsChanges(t *testing.T) {
	dir := archive(t)
	file := filepath.Join(t.TempDir(), "i.db")
	ix, _ := build(t, file, dir)
	ix.Close()
	// One file added, one changed, one removed.
	copyFile(t, filepath.Join(realCables, "html", "06CARACAS958.html"), filepath.Join(dir, "zz.html")) // same cable as a text file: not listed twice
	if err := os.Remove(filepath.Join(dir, "09TOKYO2531.txt")); err != nil {
		t.Fatal(err)
	}
	changed := filepath.Join(dir, "10TOKYO1.txt")
	data, _ := os.ReadFile(changed)
	data = []byte(strings.Replace(string(data), "victim repatriation", "whaling quotas", 1))
	if err := os.WriteFile(changed, data, 0o644); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(time.Minute)
	os.Chtimes(changed, later, later)
	if err := os.WriteFile(filepath.Join(dir, "10TOKYO9999.txt"), []byte(strings.Replace(string(data), "000001", "009999", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	ix, st := build(t, file, dir)
	if st.Rebuilt || st.Added != 2 || st.Changed != 1 || st.Gone != 1 || st.Unchanged != testCount(t)-2 || st.Cables != testCount(t) {
		t.Fatalf("stats %+v", st)
	}
	var orphans string
	ix.DB().QueryRow(`SELECT value FROM meta WHERE key = 'orphans'`).Scan(&orphans)
	if orphans != "2" {
		t.Errorf("orphans %q, want 2 (the changed and the removed cable)", orphans)
	}
	if got := ids(t, ix, "whaling"); !slices.Equal(got, []string{"10TOKYO1", "10TOKYO9999"}) {
		t.Errorf("whaling: %q", got)
	}
	if got := ids(t, ix, "repatriation"); slices.Contains(got, "10TOKYO1") {
		t.Errorf("the old text of the changed file is still found: %q", got)
	}
	if got := ids(t, ix, "id:09TOKYO2531"); len(got) != 0 {
		t.Errorf("removed file still found: %q", got)
	}
	if got := ids(t, ix, "cites:09TOKYO2531"); len(got) != 2 {
		t.Errorf("cites: %q", got)
	}
	if got := ids(t, ix, "id:06CARACAS958"); len(got) != 1 {
		t.Errorf("a page of a cable that came as text: %q", got)
	}
	// Nothing changed: nothing done.
	ix.Close()
	ix, st = build(t, file, dir)
	if st.Rebuilt || st.Added+st.Changed+st.Gone != 0 || st.Cables != testCount(t) {
		t.Errorf("second update %+v", st)
	}
	// An index open (and searched) while it is brought up to date counts
	// anew.
	q, _ := Parse("whaling")
	if f, err := ix.Facets(context.Background(), q, 5); err != nil || !slices.Equal(f.Years, []Count{{"2010", 2}}) {
		t.Fatalf("facets before: %v %v", f.Years, err)
	}
	if err := os.Remove(filepath.Join(dir, "10TOKYO9999.txt")); err != nil {
		t.Fatal(err)
	}
	if _, err := ix.Update(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	if f, err := ix.Facets(context.Background(), q, 5); err != nil || !slices.Equal(f.Years, []Count{{"2010", 1}}) {
		t.Errorf("facets after: %v %v", f.Years, err)
	}
	if got := ids(t, ix, "whaling"); !slices.Equal(got, []string{"10TOKYO1"}) {
		t.Errorf("whaling after: %q", got)
	}
}

func TestCancelledBuild(t *testing.T) {
	dir := archive(t)
	file := filepath.Join(t.TempDir(), "i.db")
	ix, err := Open([]string{dir}, file)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	ctx, cancel := context.WithCancel(context.Background())
	seen := 0
	_, err = ix.Update(ctx, func(p catalog.IndexProgress) {
		if p.Stage == "indexing" && p.Cables > 0 {
			seen = p.Cables
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) || seen == 0 {
		t.Fatalf("err %v after %d cables", err, seen)
	}
	if ix.Ready() {
		t.Error("ready after a cancelled build")
	}
	if _, err := os.Stat(file); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a cancelled first build left %s: %v", file, err)
	}
	if _, err := os.Stat(file + ".build"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("temporary file left: %v", err)
	}
	// A build killed before its end leaves an unfinished index (complete
	// = 0): simulate it and see the next open rebuild.
	ix2, _ := build(t, file, dir)
	ix2.Close()
	setMeta(t, file, `UPDATE meta SET value = '0' WHERE key = 'complete'`)
	ix3, err := Open([]string{dir}, file)
	if err != nil {
		t.Fatal(err)
	}
	defer ix3.Close()
	if ix3.Ready() {
		t.Error("an unfinished index is read as complete")
	}
	st, err := ix3.Update(context.Background(), nil)
	if err != nil || !st.Rebuilt || st.Cables != testCount(t) {
		t.Errorf("%v %+v", err, st)
	}
}

func setMeta(t *testing.T, file, stmt string) {
	t.Helper()
	db, err := sql.Open("sqlite", file)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(stmt); err != nil {
		t.Fatal(err)
	}
}

func TestWhatIsAtTheIndexPath(t *testing.T) {
	dir := archive(t)
	tmp := t.TempDir()
	// A file of something else is left alone.
	foreign := filepath.Join(tmp, "notes.db")
	os.WriteFile(foreign, []byte("my notes\n"), 0o644)
	if _, err := Open([]string{dir}, foreign); !errors.Is(err, ErrForeign) {
		t.Errorf("text file: %v", err)
	}
	if data, _ := os.ReadFile(foreign); string(data) != "my notes\n" {
		t.Error("foreign file changed")
	}
	other := filepath.Join(tmp, "other.db")
	setMeta(t, other, `CREATE TABLE t (x)`)
	if _, err := Open([]string{dir}, other); !errors.Is(err, ErrForeign) {
		t.Errorf("another database: %v", err)
	}
	// An index of an older schema, or of another archive, is rebuilt.
	file := filepath.Join(tmp, "i.db")
	ix, _ := build(t, file, dir)
	ix.Close()
	setMeta(t, file, `PRAGMA user_version = 0`)
	ix, st := build(t, file, dir)
	if !st.Rebuilt || st.Cables != testCount(t) {
		t.Errorf("older schema: %+v", st)
	}
	ix.Close()
	ix, st = build(t, file, realCables)
	if !st.Rebuilt || st.Cables != testCount(t)-1 {
		t.Errorf("another archive: %+v", st)
	}
	var version int
	ix.DB().QueryRow(`PRAGMA user_version`).Scan(&version)
	if version != SchemaVersion {
		t.Errorf("user_version %d", version)
	}
}

func TestBadQueries(t *testing.T) {
	for _, tc := range []struct{ query, msg string }{
		{`"unclosed`, `at column 1: the quote '"unclosed' is not closed`},
		{`iran "nuclear weapons`, `at column 6: the quote '"nuclear weapons' is not closed`},
		{`tag:`, `at column 1: tag: needs a value, as in tag:KTIP`},
		{`iran date:2009-13`, `at column 6: "date:2009-13": no month 13`},
		{`date:2009-02-30`, `at column 1: "date:2009-02-30": no day 30 in 2009-02`},
		{`date:2010..2009`, `at column 1: "date:2010..2009": the range ends before it starts`},
		{`date:09`, `at column 1: "date:09": write dates as YYYY, YYYY-MM or YYYY-MM-DD`},
		{`iran -`, `at column 6: a lone - must be followed by a word to leave out`},
		{`- iran`, `at column 1: a lone - must be followed by a word to leave out`},
		{`'; DROP TABLE cables; --`, `at column 1: nothing to search for in "';" (words are letters and digits)`},
		{`x OR 1=1 --`, `at column 10: a lone - must be followed by a word to leave out`},
		{`fts MATCH ") OR (`, `at column 11: the quote '") OR (' is not closed`},
		{`color:red`, `at column 1: unknown field "color:" (fields: tag, from, class, caveat, date, id, cites, subject)`},
		{`class:purple`, `at column 1: unknown classification "purple" (unclassified, confidential, secret)`},
		{`OR iran`, `at column 1: OR needs a word on each side`},
		{`iran OR`, `at column 6: OR needs a word on each side`},
		{`iran OR tag:KTIP`, `at column 6: OR joins words or fields, not a word and a field`},
		{`iran OR -iraq`, `at column 6: OR cannot join a word left out with -`},
		{`   `, `at column 1: the query is empty`},
		{`""`, `at column 1: nothing to search for in '""'`},
		{`iran ka*`, `at column 6: "ka*": a prefix needs at least 3 letters`},
		{`"prime mi"*`, `at column 1: "mi*": a prefix needs at least 3 letters`},
		{`subject:x*`, `at column 1: "x*": a prefix needs at least 3 letters`},
	} {
		_, err := Parse(tc.query)
		var qe *QueryError
		if !errors.As(err, &qe) || err.Error() != tc.msg {
			t.Errorf("%s:\n got %v\nwant %s", tc.query, err, tc.msg)
		}
	}
}

// Every query is compiled with its text only in bound parameters and
// quoted FTS5 strings: odd input runs or is refused, never an SQL error.
func TestOddQueriesRun(t *testing.T) {
	ix, _ := build(t, filepath.Join(t.TempDir(), "i.db"), archive(t))
	for _, s := range []string{`"a"" b"`, `NEAR(a b)`, `subject:"x" OR body:y`, `a* b*`, `from:%`, `from:_`, `tag:'`, `id:"1' OR '1'='1"`, `ÉTAT`, `日本`, `x^y`, `{subject}:iran`, `iran AND NOT iraq`} {
		q, err := Parse(s)
		if err != nil {
			continue
		}
		if _, _, err := ix.Search(context.Background(), q, 10); err != nil {
			t.Errorf("%s (%s): %v", s, compile(q).match, err)
		}
		if _, err := ix.Facets(context.Background(), q, 5); err != nil {
			t.Errorf("%s facets: %v", s, err)
		}
	}
	if got := ids(t, ix, "from:%"); len(got) != 0 {
		t.Errorf("from:%% matched %d cables", len(got))
	}
}

// FuzzCompile compiles every query that parses: its FTS5 match string
// keeps its quotes balanced.
func FuzzCompile(f *testing.F) {
	for _, tc := range queryTable {
		f.Add(tc.query)
	}
	f.Add(`"unclosed`)
	f.Add(`date:2009-13..`)
	f.Fuzz(func(t *testing.T, s string) {
		q, err := Parse(s)
		if err != nil {
			return
		}
		c := compile(q)
		if strings.Count(c.match, `"`)%2 != 0 {
			t.Errorf("%q: unbalanced quotes in %s", s, c.match)
		}
		_ = q.String()
	})
}

// A snippet of a cable in Latin-1 reads it as the parser does: its
// pilcrows are pilcrows, not replacement characters.
func TestSnippetLatin1(t *testing.T) {
	ix, _ := build(t, filepath.Join(t.TempDir(), "i.db"), archive(t))
	q, _ := Parse(`id:06NEWDELHI5135 "Indo-Pak Origins"`)
	hits, _, err := ix.Search(context.Background(), q, 1)
	if err != nil || len(hits) != 1 {
		t.Fatalf("hits %v: %v", hits, err)
	}
	sn, err := ix.Snippet(hits[0], q)
	if err != nil {
		t.Fatal(err)
	}
	if got := sn.Marked("[", "]"); strings.ContainsRune(got, '\uFFFD') || !strings.Contains(got, "¶6") {
		t.Errorf("snippet %q", got)
	}
}
