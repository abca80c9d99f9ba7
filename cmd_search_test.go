package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cablereader/index"
)

// searchArchive is a folder with three real cables and the index's test
// cable that cites one of them.
func searchArchive(t *testing.T) (dir, db string) {
	t.Helper()
	dir = t.TempDir()
	for _, f := range []string{"testdata/cables/09TOKYO2531.txt", "testdata/cables/09DAMASCUS179.txt", "testdata/cables/06CARACAS958.txt", "index/testdata/10TOKYO1.txt"} {
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
	want := "09DAMASCUS179\t2009-03-10\tCONFIDENTIAL\tAMEMBASSY DAMASCUS\tPRESIDENT ASAD AND CODEL CARDIN DISCUSS A NUCLEAR IRAN, PEACE PROCESS, TERRORISM, AND HUMAN RIGHTS\t…Iran's development of [nuclear weapons]. \"If Iran insists,\" Senator Whitehorse stated, \"it will create an atmosphere challenging for negotiations.\" ¶7. (C) Asad swiftly…\n" +
		"06CARACAS958\t2006-04-07\tSECRET\tAMEMBASSY CARACAS\tEXPLAINING VENEZUELA'S COZINESS WITH IRAN, C-NE6-00140\t…cooperation with an Iranian [nuclear weapons] program appear baseless, Iran and Venezuelan spokesmen have announced their intention to develop Venezuela's civilian nuclear capabilities…\n"
	if code != 0 || out != want || errs != "" {
		t.Errorf("search: %d\n%s\nwant\n%s%q", code, out, want, errs)
	}
	// Flags after the arguments, JSON Lines, --limit.
	code, out, _ = runArgs("search", "iran", dir, "--index", db, "--format", "json", "--limit", "1")
	var hit map[string]any
	if code != 0 || strings.Count(out, "\n") != 1 || json.Unmarshal([]byte(out), &hit) != nil {
		t.Fatalf("json: %d %q", code, out)
	}
	if hit["id"] != "06CARACAS958" || hit["tags"].([]any)[0] != "PGOV" || hit["score"].(float64) >= 0 {
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
	defer index.SetRankWindow(2)()
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
