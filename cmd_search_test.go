package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"cablereader/catalog"
	"cablereader/internal/testcsv"
	"cablereader/search"
)

// searchArchive is a folder with three real cables and the index's test
// cable that cites one of them.
func searchArchive(t *testing.T) (dir, db string) {
	t.Helper()
	dir = t.TempDir()
	for _, f := range []string{"testdata/cables/09TOKYO2531.txt", "testdata/cables/09DAMASCUS179.txt", "testdata/cables/06CARACAS958.txt", "search/testdata/10TOKYO1.txt"} {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(f)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir, filepath.Join(t.TempDir(), "index.db")
}

func runArgs(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func TestSearchCommand(t *testing.T) {
	dir, db := searchArchive(t)
	code, out, errs := runArgs("index", "--index", db, dir)
	if code != 0 || out != "" || !strings.Contains(errs, "index built in ") || !strings.Contains(errs, ": 4 cables (4 files added") {
		t.Fatalf("index: %d %q %q", code, out, errs)
	}
	code, out, errs = runArgs("search", "--index", db, `"nuclear weapons"`, dir)
	want := "09DAMASCUS179\t2009-03-10\tCONFIDENTIAL\tAMEMBASSY DAMASCUS\tPRESIDENT ASAD AND CODEL CARDIN DISCUSS A NUCLEAR IRAN, PEACE PROCESS, TERRORISM, AND HUMAN RIGHTS\t" + filepath.Join(dir, "09DAMASCUS179.txt") + "\t…Iran's development of [nuclear weapons]. \"If Iran insists,\" Senator Whitehorse stated, \"it will create an atmosphere challenging for negotiations.\" ¶7. (C) Asad swiftly…\n" +
		"06CARACAS958\t2006-04-07\tSECRET//NOFORN\tAMEMBASSY CARACAS\tEXPLAINING VENEZUELA'S COZINESS WITH IRAN, C-NE6-00140\t" + filepath.Join(dir, "06CARACAS958.txt") + "\t…cooperation with an Iranian [nuclear weapons] program appear baseless, Iran and Venezuelan spokesmen have announced their intention to develop Venezuela's civilian nuclear capabilities…\n"
	if code != 0 || out != want || errs != "" {
		t.Errorf("search: %d\n%s\nwant\n%s%q", code, out, want, errs)
	}
	// Flags after the arguments, JSON Lines, --limit.
	code, out, _ = runArgs("search", "iran", dir, "--index", db, "--format", "json", "--limit", "1")
	var hit map[string]any
	if code != 0 || strings.Count(out, "\n") != 1 || json.Unmarshal([]byte(out), &hit) != nil {
		t.Fatalf("json: %d %q", code, out)
	}
	if hit["id"] != "06CARACAS958" || hit["tags"].([]any)[0] != "PGOV" || hit["score"].(float64) >= 0 ||
		hit["path"] != filepath.Join(dir, "06CARACAS958.txt") || hit["line"] != nil {
		t.Errorf("json hit %v", hit)
	}
	code, out, _ = runArgs("search", "--index", db, "cites:09TOKYO2531", dir)
	if code != 0 || !strings.HasPrefix(out, "10TOKYO1\t2010-01-15\tUNCLASSIFIED\tAMEMBASSY TOKYO\tFOLLOW-UP ON THE THAI-JAPANESE MEMORANDUM ON TRAFFICKING\t") {
		t.Errorf("cites: %d %q", code, out)
	}
	// No hits: 1, as grep, and a line on stderr. A bad query or usage: 2, with one line saying where.
	if code, out, errs = runArgs("search", "--index", db, "whaling", dir); code != 1 || out != "" || errs != "cablereader: no hits for whaling\n" {
		t.Errorf("no hits: %d %q %q", code, out, errs)
	}
	if code, _, errs = runArgs("search", "--index", db, "date:2009-13", dir); code != 2 || errs != "cablereader: bad query: at column 1: \"date:2009-13\": no month 13\n" {
		t.Errorf("bad query: %d %q", code, errs)
	}
	if code, _, errs = runArgs("search", "--index", db, "iran"); code != 2 || !strings.Contains(errs, "give a query and an archive") {
		t.Errorf("no archive: %d %q", code, errs)
	}
	if code, _, _ = runArgs("search", "--limit", "0", "iran", dir); code != 2 {
		t.Errorf("--limit 0: %d", code)
	}
	// A query that starts with a dash is a query; an unknown --flag is not.
	if code, out, errs = runArgs("search", "--index", db, "-iran", dir); code != 0 || strings.Contains(out, "IRAN") || errs != "" {
		t.Errorf("-iran: %d %q", code, errs)
	}
	if code, _, errs = runArgs("search", "--index", db, "--bogus", "iran", dir); code != 2 || !strings.Contains(errs, "not defined: --bogus") {
		t.Errorf("--bogus: %d %q", code, errs)
	}
	if code, _, errs = runArgs("search", "--limit", "x", "iran", dir); code != 2 || !strings.Contains(errs, "for flag --limit") {
		t.Errorf("--limit x: %d %q", code, errs)
	}
	// A file that is not an index is left alone.
	notes := filepath.Join(t.TempDir(), "notes.txt")
	os.WriteFile(notes, []byte("mine"), 0o644)
	if code, _, errs = runArgs("search", "--index", notes, "iran", dir); code != 2 || !strings.Contains(errs, "not a cablereader index") || strings.Count(errs, "\n") != 1 {
		t.Errorf("foreign index file: %d %q", code, errs)
	}
	if data, _ := os.ReadFile(notes); string(data) != "mine" {
		t.Errorf("the foreign file was changed: %q", data)
	}
	// An empty path is refused, not taken for the current folder.
	if code, _, errs = runArgs("search", "--index", db, "nuclear", ""); code != 2 || !strings.Contains(errs, "search: path 1 of the archive is empty") {
		t.Errorf("empty path: %d %q", code, errs)
	}
	if code, _, errs = runArgs("index", "--index", db, dir, ""); code != 2 || !strings.Contains(errs, "index: path 2 of the archive is empty") {
		t.Errorf("index, empty path: %d %q", code, errs)
	}
	// A one-letter flag is named with one dash, and its long name.
	if code, _, errs = runArgs("search", "-n", "99999999999999999999", "iran", dir); code != 2 || !strings.Contains(errs, `invalid value "99999999999999999999" for flag -n (--limit): value out of range`) {
		t.Errorf("-n out of range: %d %q", code, errs)
	}
}

// A search that cannot run says so and exits 2, never 1 (no hits) with
// nothing said.
func TestSearchThatCannotRun(t *testing.T) {
	dir, _ := searchArchive(t)
	bad := filepath.Join(t.TempDir(), "i.db")
	os.WriteFile(bad, []byte("SQLite format 3\x00"+strings.Repeat("garbage ", 512)), 0o644)
	code, out, errs := runArgs("search", "--index", bad, "iran", dir)
	if code != 2 || out != "" || strings.Count(errs, "\n") != 1 || !strings.Contains(errs, bad) {
		t.Errorf("%d %q %q", code, out, errs)
	}
	code, _, errs = runArgs("search", "--index", filepath.Join(t.TempDir(), "i.db"), "iran", filepath.Join(dir, "nothing-here"))
	if code != 2 || errs == "" {
		t.Errorf("missing archive: %d %q", code, errs)
	}
}

// More hits than are ranked: the rest is said, not silently dropped.
func TestSearchSaysTheRankWindow(t *testing.T) {
	dir, db := searchArchive(t)
	defer search.SetRankWindow(2)()
	code, out, errs := runArgs("search", "--index", db, "the", dir)
	if code != 0 || strings.Count(out, "\n") != 2 || !strings.Contains(errs, "4 cables match; the 2 most recent of them were ranked and are printed") {
		t.Errorf("%d %q %q", code, out, errs)
	}
	// No notice when the limit asked for fewer.
	if code, _, errs = runArgs("search", "--index", db, "-n", "1", "the", dir); code != 0 || errs != "" {
		t.Errorf("-n 1: %d %q", code, errs)
	}
}

// Text from the cables reaches the terminal sanitised.
func TestSearchSanitises(t *testing.T) {
	dir, db := searchArchive(t)
	path := filepath.Join(dir, "10TOKYO1.txt")
	data, _ := os.ReadFile(path)
	data = bytes.Replace(data, []byte("FOLLOW-UP"), []byte("FOLLOW\x1b[31m-UP"), 1)
	data = bytes.Replace(data, []byte("victim repatriation"), []byte("victim \x1b]0;x\x07repatriation"), 1)
	os.WriteFile(path, data, 0o644)
	code, out, _ := runArgs("search", "--index", db, "repatriation", dir)
	if code != 0 || strings.ContainsAny(out, "\x1b\x07") {
		t.Errorf("%d %q", code, out)
	}
	code, out, _ = runArgs("search", "--index", db, "-f", "json", "repatriation", dir)
	if code != 0 || strings.ContainsAny(out, "\x1b\x07") {
		t.Errorf("json: %d %q", code, out)
	}
}

// Each hit says where its cable lives, as --list does, and that place
// opens in cablereader: a search, cut, the result opened. A folder's
// cable is its file; a CSV's is file.csv:LINE, the line its row starts
// on (JSON: path and line).
func TestSearchPlacesOpen(t *testing.T) {
	dir, db := searchArchive(t)
	code, out, errs := runArgs("search", "--index", db, "-n", "1", `"nuclear weapons"`, dir)
	if code != 0 || errs != "" {
		t.Fatalf("folder: %d %q", code, errs)
	}
	if place := strings.Split(out, "\t")[5]; place != filepath.Join(dir, "09DAMASCUS179.txt") {
		t.Errorf("folder: place %q", place)
	}
	// A CSV of four real cables; the rows span many lines.
	csv := filepath.Join(t.TempDir(), "cables.csv")
	var data []byte
	for i, id := range []string{"09TOKYO2531", "09DAMASCUS179", "06CARACAS958", "10BEIJING263"} {
		text, err := os.ReadFile(filepath.Join("testdata/cables", id+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		h, b := testcsv.Split(text)
		data = testcsv.AppendRow(data, testcsv.Row{Seq: i + 1, Date: time.Date(2009, 1, 1+i, 0, 0, 0, 0, time.UTC), RefID: id,
			Origin: "Embassy", Class: "SECRET", Header: h, Body: b})
	}
	if err := os.WriteFile(csv, data, 0o644); err != nil {
		t.Fatal(err)
	}
	list, _, _ := cli(t, "", "--list", csv)
	listed := map[string]string{} // id → its place in --list
	for _, l := range strings.Split(strings.TrimSpace(list), "\n") {
		f := strings.Split(l, "\t")
		listed[f[0]] = f[5]
	}
	if p := listed["06CARACAS958"]; !strings.HasPrefix(p, csv+":") || p == csv+":1" {
		t.Fatalf("--list places 06CARACAS958 at %q", p)
	}
	db2 := filepath.Join(t.TempDir(), "csv.db")
	code, out, errs = runArgs("search", "--index", db2, "nuclear OR sop", csv)
	if code != 0 || errs != "" {
		t.Fatalf("csv: %d %q", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 4 {
		t.Fatalf("csv: %d hits, want 4:\n%s", len(lines), out)
	}
	for _, l := range lines {
		f := strings.Split(l, "\t")
		id, place := f[0], f[5] // cut -f1,6
		if place != listed[id] {
			t.Errorf("%s: search places it at %q, --list at %q", id, place, listed[id])
		}
		// The place opens the cable it names.
		js, stderr, code := cli(t, "", "--format", "json", place)
		var c struct {
			ID, Subject string
		}
		if code != 0 || json.Unmarshal([]byte(js), &c) != nil || c.ID != id || c.Subject != f[4] {
			t.Errorf("%s: cablereader %s gave %d %q %q %q", id, place, code, c.ID, c.Subject, stderr)
		}
	}
	code, out, _ = runArgs("search", "--index", db2, "-f", "json", "id:10BEIJING263", csv)
	var hit struct {
		Path string
		Line int
	}
	if code != 0 || json.Unmarshal([]byte(out), &hit) != nil || hit.Path != csv || (catalog.Location{Kind: catalog.KindCSVRow, Path: hit.Path, Line: int32(hit.Line)}).Place() != listed["10BEIJING263"] {
		t.Errorf("json: %d %q", code, out)
	}
	// A line no row starts on is said, exit 1; a file that exists is
	// never read as a place.
	if _, stderr, code := cli(t, "", csv+":2"); code != 1 || !strings.Contains(stderr, "no row of the CSV starts on line 2") {
		t.Errorf("%s:2: %d %q", csv, code, stderr)
	}
	odd := filepath.Join(t.TempDir(), "notes.txt:3")
	text, _ := os.ReadFile("testdata/09TOKYO2531.txt")
	os.WriteFile(odd, text, 0o644)
	if js, stderr, code := cli(t, "", "-f", "json", odd); code != 0 || !strings.Contains(js, `"subject": "THAILAND AND JAPAN TO INK SOP ON TIP"`) {
		t.Errorf("a file named notes.txt:3: %d %q", code, stderr)
	}
}

// Every kind of file the index holds is read back for its snippet: a
// plain-text cable that carries a Cablegate row inside it (format "row")
// too. A hit whose text cannot be read is printed without a snippet, the
// error said and the search exits 2, never 0 with an empty column.
func TestSearchSnippetOfEveryKind(t *testing.T) {
	dir, db := searchArchive(t)
	data, err := os.ReadFile("search/testdata/06BERN2115.txt")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "06BERN2115.txt"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := runArgs("index", "--index", db, dir); code != 0 {
		t.Fatalf("index: %d %q", code, errs)
	}
	code, out, errs := runArgs("search", "--index", db, "ambuehl", dir)
	if code != 0 || errs != "" || !strings.HasPrefix(out, "06BERN2115\t2006-11-27\t") || !strings.Contains(out, "[Ambuehl]") {
		t.Errorf("row-kind file: %d %q %q", code, out, errs)
	}
	// A CSV changed in place, its size and time kept, so that the index
	// is taken as current: the row's bytes no longer read as a row.
	text, err := os.ReadFile("testdata/cables/06CARACAS958.txt")
	if err != nil {
		t.Fatal(err)
	}
	h, b := testcsv.Split(text)
	csv := filepath.Join(t.TempDir(), "cables.csv")
	row := testcsv.AppendRow(nil, testcsv.Row{Seq: 1, Date: time.Date(2006, 4, 7, 0, 0, 0, 0, time.UTC), RefID: "06CARACAS958",
		Origin: "Embassy Caracas", Class: "SECRET", Header: h, Body: b})
	if err := os.WriteFile(csv, row, 0o644); err != nil {
		t.Fatal(err)
	}
	db2 := filepath.Join(t.TempDir(), "csv.db")
	if code, _, errs := runArgs("index", "--index", db2, csv); code != 0 {
		t.Fatalf("index: %d %q", code, errs)
	}
	fi, err := os.Stat(csv)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(csv, bytes.ReplaceAll(row, []byte(`"`), []byte(`'`)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(csv, fi.ModTime(), fi.ModTime()); err != nil {
		t.Fatal(err)
	}
	code, out, errs = runArgs("search", "--index", db2, `"nuclear weapons"`, csv)
	if code != 2 || !strings.HasPrefix(out, "06CARACAS958\t2006-04-07\t") || !strings.HasSuffix(out, "\t\n") ||
		!strings.Contains(errs, "06CARACAS958: ") || !strings.Contains(errs, "1 of 1 hits printed without a snippet") {
		t.Errorf("unreadable snippet: %d %q %q", code, out, errs)
	}
}

// An archive that holds no cable is bad input: search, index and thread
// say why as the reader does and exit 2, never "no hits" (1), and leave
// no index behind.
func TestSearchOfNoCable(t *testing.T) {
	dir := t.TempDir()
	empty, binary, folder := filepath.Join(dir, "EMPTY.txt"), filepath.Join(dir, "BINARY.txt"), filepath.Join(dir, "none")
	os.WriteFile(empty, nil, 0o644)
	os.WriteFile(binary, []byte("\x00\x01\x02PK\x03\x04"+strings.Repeat("\x00\xff", 600)), 0o644)
	os.Mkdir(folder, 0o755)
	os.WriteFile(filepath.Join(folder, "notes.txt"), []byte("nothing of a cable here\n"), 0o644)
	for _, tc := range []struct{ path, why string }{
		{empty, empty + " is empty"},
		{binary, binary + " looks like a binary file, not a cable"},
		{folder, "no cables found in " + folder + " (1 files skipped)"},
	} {
		for _, cmd := range [][]string{{"search", "iran"}, {"index"}, {"thread", "09TOKYO2531"}} {
			db := filepath.Join(t.TempDir(), "i.db")
			args := append(append(cmd[:1:1], "--index", db), append(cmd[1:], tc.path)...)
			code, out, errs := runArgs(args...)
			if code != 2 || out != "" || errs != "cablereader: "+tc.why+"\n" {
				t.Errorf("%q: %d %q %q", args, code, out, errs)
			}
			if left, _ := filepath.Glob(db + "*"); len(left) != 0 {
				t.Errorf("%q left %q", args, left)
			}
		}
	}
}
