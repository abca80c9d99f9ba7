package main

import (
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"cablereader/corpus"
	"cablereader/internal/testcsv"
	"cablereader/ui"
	archiveui "cablereader/ui/archive"
)

// --format json over a folder prints JSON Lines: one valid JSON object a
// line, one line per cable, in the list's order.
func TestJSONLinesOverFolder(t *testing.T) {
	out, stderr, code := cli(t, "", "--format", "json", "testdata/cables")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	list, _, _ := cli(t, "", "--list", "testdata/cables")
	ids := strings.Split(strings.TrimSpace(list), "\n")
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) < 100 || len(lines) != len(ids) {
		t.Fatalf("%d JSON lines for %d cables", len(lines), len(ids))
	}
	for i, l := range lines {
		var c struct {
			ID      string `json:"id"`
			Subject string `json:"subject"`
		}
		if err := json.Unmarshal([]byte(l), &c); err != nil {
			t.Fatalf("line %d is not JSON: %v\n%.200s", i+1, err, l)
		}
		// a partial record's own id lacks the year the archive knows it by
		if want, _, _ := strings.Cut(ids[i], "\t"); c.ID == "" || !strings.HasSuffix(want, c.ID) {
			t.Errorf("line %d is %s, the list has %s", i+1, c.ID, want)
		}
	}
	// the same cable alone, compacted, is the same line
	one, _, _ := cli(t, "", "--format", "json", "testdata/cables/10BEIJING263.txt")
	var a, b any
	json.Unmarshal([]byte(one), &a)
	for _, l := range lines {
		if strings.Contains(l, `"id":"10BEIJING263"`) {
			json.Unmarshal([]byte(l), &b)
		}
	}
	if ja, _ := json.Marshal(a); string(ja) != mustMarshal(b) {
		t.Error("10BEIJING263's line differs from its --format json")
	}
}

func mustMarshal(v any) string { b, _ := json.Marshal(v); return string(b) }

// --list ends each line with the file's path; --header names the columns.
func TestListHeaderAndPath(t *testing.T) {
	out, stderr, code := cli(t, "", "--list", "--header", "testdata/09TOKYO2531.txt", "testdata/cables/10BEIJING263.txt")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	want := "id\tdate\tclassification\torigin\tsubject\tpath\n" +
		"09TOKYO2531\t2009-11-02T07:23:00Z\tCONFIDENTIAL\tAMEMBASSY TOKYO\tTHAILAND AND JAPAN TO INK SOP ON TIP\ttestdata/09TOKYO2531.txt\n" +
		"10BEIJING263\t2010-02-02T08:36:00Z\tCONFIDENTIAL\tAMEMBASSY BEIJING\tPRC: NUCLEAR RESEARCH AT CHINESE ACADEMY OF SCIENCES\ttestdata/cables/10BEIJING263.txt\n"
	if out != want {
		t.Errorf("--list --header:\n%s\nwant\n%s", out, want)
	}
}

// --para N prints one paragraph as the whole output shows it.
func TestPara(t *testing.T) {
	const f = "testdata/09TOKYO2531.txt"
	whole, _, _ := cli(t, "", "--format", "text", f)
	para, stderr, code := cli(t, "", "--para", "3", f)
	if code != 0 || !strings.HasPrefix(para, "OUTLINE OF THE SOP\n\n¶3 (C) The SOP sets forth") || !strings.Contains(whole, "\n\n"+para+"\n¶4 ") {
		t.Errorf("--para 3: exit %d %s\n%s", code, stderr, para)
	}
	md, _, _ := cli(t, "", "--format", "markdown", f)
	para, _, _ = cli(t, "", "--para", "2", "-f", "markdown", f)
	if !strings.HasPrefix(para, "**¶2** (C) The Government of Thailand") || strings.Count(para, "\n") != 1 || !strings.Contains(md, "\n\n"+para+"\n") {
		t.Errorf("--para 2 -f markdown:\n%s", para)
	}
	js, _, _ := cli(t, "", "--para", "2", "-f", "json", f)
	var p struct {
		Number  int    `json:"number"`
		Label   string `json:"label"`
		Marking string `json:"marking"`
	}
	if err := json.Unmarshal([]byte(js), &p); err != nil || p.Number != 2 || p.Label != "12." || p.Marking != "C" || strings.Count(js, "\n") != 1 {
		t.Errorf("--para 2 -f json: %v %+v\n%s", err, p, js)
	}
}

// The archive view is handed the state file of $XDG_STATE_HOME, with a
// notice when it is unreadable, and none with --no-state.
func TestStateOption(t *testing.T) {
	defer func(f func(io.Writer) bool) { interactive = f }(interactive)
	defer func(f func(ui.Source, ui.Options) error) { runArchiveView = f }(runArchiveView)
	interactive = func(io.Writer) bool { return true }
	var got ui.Options
	runArchiveView = func(_ ui.Source, opt ui.Options) error { got = opt; return nil }
	dir := t.TempDir()
	t.Setenv("XDG_STATE_HOME", dir)
	path := filepath.Join(dir, "cablereader", "state.json")
	if _, stderr, code := cli(t, "", "testdata/cables"); code != 0 || got.State == nil || got.State.Path() != path || got.Notice != "" {
		t.Errorf("exit %d %s; state %v, notice %q", code, stderr, got.State, got.Notice)
	}
	os.MkdirAll(filepath.Dir(path), 0o700)
	os.WriteFile(path, []byte("\x00garbage"), 0o600)
	if cli(t, "", "testdata/cables"); !strings.Contains(got.Notice, "places and marks not kept, not valid JSON") {
		t.Errorf("notice %q", got.Notice)
	}
	if cli(t, "", "--no-state", "testdata/cables"); got.State != nil || got.Notice != "" {
		t.Errorf("--no-state: state %v, notice %q", got.State, got.Notice)
	}
}

// The archive the view is handed names routing indicators as its cables
// do: a folder's from the scan, a CSV row's once the row is opened (the
// scan does not parse rows).
func TestArchiveLearnsStations(t *testing.T) {
	text, err := os.ReadFile("testdata/cables/08SHANGHAI422.txt")
	if err != nil {
		t.Fatal(err)
	}
	head, body, _ := strings.Cut(string(text), "S E C R E T SECTION 01")
	path := filepath.Join(t.TempDir(), "cables.csv")
	row := testcsv.Row{Seq: 1, Date: time.Date(2008, 9, 26, 6, 40, 0, 0, time.UTC), RefID: "08SHANGHAI422",
		Origin: "Consulate Shanghai", Class: "SECRET", Header: []byte(head), Body: []byte("S E C R E T SECTION 01" + body)}
	if err := os.WriteFile(path, testcsv.AppendRow(nil, row), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		path     string
		scanKnew bool
	}{{"testdata/cables", true}, {path, false}} {
		ix, err := corpus.Open([]string{tc.path})
		if err != nil {
			t.Fatal(err)
		}
		defer ix.Close()
		if err := ix.Scan(t.Context(), nil); err != nil {
			t.Fatal(err)
		}
		src := archive{ix}
		if _, ok := src.StationName("RUEHGH"); ok != tc.scanKnew {
			t.Errorf("%s: RUEHGH named after the scan: %v", tc.path, ok)
		}
		e, ok := src.Lookup("08SHANGHAI422")
		if !ok {
			t.Fatalf("%s: no 08SHANGHAI422", tc.path)
		}
		if _, err := src.Open(e); err != nil {
			t.Fatal(err)
		}
		if n, ok := src.StationName("RUEHGH"); n != "AMCONSUL SHANGHAI" {
			t.Errorf("%s: RUEHGH named %q %v once the cable is open", tc.path, n, ok)
		}
	}
	var _ archiveui.StationNamer = archive{} // the view finds the names
}

// A cable whose banner says SECRET and a line of its own NOFORN is
// SECRET//NOFORN in a folder as in the Cablegate CSV's column: --list and
// search write the same classification for both.
func TestClassCarriesItsControls(t *testing.T) {
	text, err := os.ReadFile("testdata/cables/06CARACAS958.txt")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "06CARACAS958.txt"), text, 0o644); err != nil {
		t.Fatal(err)
	}
	h, b := testcsv.Split(text)
	csv := filepath.Join(t.TempDir(), "cables.csv")
	row := testcsv.Row{Seq: 1, Date: time.Date(2006, 4, 7, 20, 0, 0, 0, time.UTC), RefID: "06CARACAS958",
		Origin: "Embassy Caracas", Class: "SECRET//NOFORN", Header: h, Body: b}
	if err := os.WriteFile(csv, testcsv.AppendRow(nil, row), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{dir, csv} {
		out, errs, code := cli(t, "", "--list", path)
		if f := strings.Split(out, "\t"); code != 0 || len(f) < 3 || f[2] != "SECRET//NOFORN" {
			t.Errorf("--list %s: %d %q %q", path, code, out, errs)
		}
		code, out, errs = runArgs("search", "--index", filepath.Join(t.TempDir(), "i.db"), "venezuela", path)
		if f := strings.Split(out, "\t"); code != 0 || len(f) < 3 || f[2] != "SECRET//NOFORN" {
			t.Errorf("search %s: %d %q %q", path, code, out, errs)
		}
	}
}

// A row of a CSV opened by its line (file.csv:LINE) shows the date, the
// origin and the class its columns give when its text gives none, as
// --list does; thread writes its place as file.csv:LINE, as --list and
// search do.
func TestCSVRowFilledFromItsColumns(t *testing.T) {
	text, err := os.ReadFile("testdata/cables/06CARACAS958.txt")
	if err != nil {
		t.Fatal(err)
	}
	_, body := testcsv.Split(text)
	csv := filepath.Join(t.TempDir(), "cables.csv")
	var data []byte
	data = testcsv.AppendRow(data, testcsv.Row{Seq: 1, Date: time.Date(2009, 1, 2, 3, 4, 0, 0, time.UTC), RefID: "09TOKYO2531",
		Origin: "Embassy Tokyo", Class: "UNCLASSIFIED", Body: []byte("SUBJECT: A ROW\n\n1. Words of a row.\n")})
	data = testcsv.AppendRow(data, testcsv.Row{Seq: 2, Date: time.Date(2006, 4, 7, 20, 19, 0, 0, time.UTC), RefID: "06CARACAS958",
		Origin: "Embassy Caracas", Class: "SECRET//NOFORN", Body: body})
	if err := os.WriteFile(csv, data, 0o644); err != nil {
		t.Fatal(err)
	}
	list, _, _ := cli(t, "", "--list", csv)
	lines := strings.Split(strings.TrimSpace(list), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "06CARACAS958\t") { // by date
		t.Fatalf("--list: %q", list)
	}
	for _, l := range lines {
		f := strings.Split(l, "\t")
		var c struct {
			ID, Classification string
			Date, Origin       *string
		}
		out, errs, code := cli(t, "", "--format", "json", f[5])
		if code != 0 || json.Unmarshal([]byte(out), &c) != nil || c.Date == nil || c.Origin == nil {
			t.Fatalf("%s: %d %q %q", f[5], code, out, errs)
		}
		if c.ID != f[0] || !strings.HasPrefix(f[1], (*c.Date)[:10]) || *c.Origin != f[3] || c.Classification != strings.TrimSuffix(f[2], "//NOFORN") {
			t.Errorf("%s opens as %s %s %q %s; --list says %q", f[5], c.ID, *c.Date, *c.Origin, c.Classification, l)
		}
	}
	all, _, _ := cli(t, "", "--format", "json", csv)
	if strings.Count(all, `"origin":"Embassy`) != 2 {
		t.Errorf("--format json of the CSV: %s", all)
	}
	code, out, errs := runArgs("thread", "--index", filepath.Join(t.TempDir(), "i.db"), "06CARACAS958", csv)
	if f := strings.Split(strings.TrimSpace(out), "\t"); code != 0 || f[len(f)-1] != strings.Split(lines[0], "\t")[5] || !strings.HasPrefix(f[len(f)-1], csv+":") {
		t.Errorf("thread: %d %q %q", code, out, errs)
	}
}
