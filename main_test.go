package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"cablereader/catalog"
	"cablereader/ui"
)

// cli runs the command as a user would, with stdout not a terminal.
func cli(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(stdin), &out, &errb)
	return out.String(), errb.String(), code
}

func TestJSONFromStdinEqualsFile(t *testing.T) {
	data, err := os.ReadFile("testdata/09TOKYO2531.txt")
	if err != nil {
		t.Fatal(err)
	}
	fromFile, _, code := cli(t, "", "--format", "json", "testdata/09TOKYO2531.txt")
	fromPipe, _, code2 := cli(t, string(data), "--format", "json")
	fromDash, _, code3 := cli(t, string(data), "-", "--format", "json")
	if code != 0 || code2 != 0 || code3 != 0 {
		t.Fatalf("exit codes %d %d %d", code, code2, code3)
	}
	if fromFile != fromPipe || fromFile != fromDash {
		t.Error("JSON of stdin differs from JSON of the file")
	}
	if !strings.Contains(fromFile, `"id": "09TOKYO2531"`) {
		t.Errorf("unexpected JSON: %.200s", fromFile)
	}
}

// A saved WikiLeaks page and the text taken from it give the same JSON.
func TestHTMLPageEqualsText(t *testing.T) {
	pages, _ := filepath.Glob("testdata/cables/html/*.html")
	if len(pages) < 80 {
		t.Fatalf("found %d pages", len(pages))
	}
	for _, page := range pages {
		txt := strings.Replace(strings.TrimSuffix(page, ".html")+".txt", "/html/", "/", 1)
		a, _, c1 := cli(t, "", "--format", "json", page)
		b, _, c2 := cli(t, "", "--format", "json", txt)
		if c1 != 0 || c2 != 0 || a != b {
			t.Errorf("%s: JSON of the page differs from JSON of its text", filepath.Base(page))
		}
	}
}

var marker = regexp.MustCompile(`\b[A-Z]{3,}(?: [A-Z]+)* \d{8} \d{3}(?:\.\d)? OF \d{3}\b`)

func TestTextFormat(t *testing.T) {
	out, _, code := cli(t, "", "testdata/09TOKYO2531.txt") // no format, not a terminal: text
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"CONFIDENTIAL · SIPDIS\n", "Subject:    THAILAND AND JAPAN TO INK SOP ON TIP\n",
		"Attention:  DEPARTMENT FOR G/TIP: CHRIS CHAN-DOWNER\n", "¶5 (C)", "is about 40,000", "(NOTE: By comparison", "\nROOS\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("text output lacks %q", want)
		}
	}
	if m := marker.FindString(out); m != "" {
		t.Errorf("page marker %q in text output", m)
	}
	if strings.Contains(out, "RUEHKO") {
		t.Error("routing printed without --routing")
	}
	withRouting, _, _ := cli(t, "", "--format", "text", "--routing", "testdata/09TOKYO2531.txt")
	for _, want := range []string{
		"DE:         RUEHKO (AMEMBASSY TOKYO) · serial #2531 · section 01 · filed day 306\n            at 0723Z = 2009-11-02 07:23 UTC\n",
		"DTG:        020723Z NOV 09 · 2009-11-02 07:23 UTC (Mon 2 Nov 2009)\n",
		"Prosign:    OO · IMMEDIATE (highest precedence in the message)\n",
	} {
		if !strings.Contains(withRouting, want) {
			t.Errorf("--routing output lacks %q", want)
		}
	}
	if strings.Contains(withRouting, "DE RUEHKO #2531/01 3060723") {
		t.Error("--routing printed the raw routing lines instead of decoding them")
	}
}

func TestPrintFormat(t *testing.T) {
	for _, tc := range []struct {
		opt         options
		interactive bool
		want        string
	}{
		{options{}, true, ""},
		{options{}, false, "text"},
		{options{routing: true}, true, "text"},
		{options{routing: true}, false, "text"},
		{options{routing: true, format: "markdown"}, true, "markdown"},
		{options{format: "json"}, false, "json"},
	} {
		if got := printFormat(tc.opt, tc.interactive); got != tc.want {
			t.Errorf("printFormat(%+v, %v) = %q, want %q", tc.opt, tc.interactive, got, tc.want)
		}
	}
}

func TestExitStatus(t *testing.T) {
	dir := t.TempDir()
	binary := filepath.Join(dir, "binary")
	os.WriteFile(binary, []byte("UNCLAS\x00\x01\x02"), 0o644)
	empty := filepath.Join(dir, "empty")
	os.WriteFile(empty, []byte(" \n\t\n"), 0o644)
	for _, tc := range []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"help", []string{"--help"}, 0, ""},
		{"version", []string{"--version"}, 0, ""},
		{"missing file", []string{"nope.txt"}, 2, "nope.txt: there is no file or folder of that name"},
		{"mistyped command", []string{"serach", "iran", "testdata/cables"}, 2, `"serach" is not a command (commands: index, search, thread, diff), nor a file or folder; did you mean search?`},
		{"search in a missing folder", []string{"search", "iran", "nosuchdir"}, 2, "nosuchdir: there is no file or folder of that name"},
		{"index of a missing folder", []string{"index", "--index", filepath.Join(dir, "i.db"), "nosuchdir"}, 2, "nosuchdir: there is no file or folder of that name"},
		{"directory without cables", []string{dir}, 2, "no cables found in"},
		{"empty", []string{empty}, 2, "is empty"},
		{"binary", []string{binary}, 2, "looks like a binary file"},
		{"binary forced", []string{"--force", "--format", "json", binary}, 0, ""},
		{"too large", []string{"--max-size", "100", "testdata/09TOKYO2531.txt"}, 2, "larger than 100 bytes"},
		{"too large, in KiB", []string{"--max-size", "2K", "testdata/09TOKYO2531.txt"}, 2, "larger than 2 KiB"},
		{"size in MiB", []string{"--max-size", "256MiB", "--format", "json", "testdata/09TOKYO2531.txt"}, 0, ""},
		{"negative size", []string{"--max-size", "-5", "testdata/09TOKYO2531.txt"}, 2, "invalid value \"-5\" for flag --max-size"},
		{"format on a folder", []string{"--format", "text", "testdata/cables"}, 2, "for an archive, use --list or --format json"},
		{"para on a folder", []string{"--para", "2", "testdata/cables"}, 2, "--para prints one cable"},
		{"para missing", []string{"--para", "9", "testdata/09TOKYO2531.txt"}, 1, "testdata/09TOKYO2531.txt has no ¶9"},
		{"para negative", []string{"--para", "-1", "testdata/09TOKYO2531.txt"}, 2, "--para wants a paragraph number"},
		{"para zero", []string{"--para", "0", "testdata/09TOKYO2531.txt"}, 2, "--para wants a paragraph number from 1"},
		{"header without list", []string{"--header", "testdata/cables"}, 2, "--header goes with --list"},
		{"unknown flag", []string{"--colour"}, 2, "flag provided but not defined"},
		{"unknown format", []string{"--format", "xml"}, 2, "unknown format"},
		{"two files with a format", []string{"--format", "markdown", "a", "b"}, 2, "--format markdown prints one cable"},
		{"missing file in a list", []string{"--list", "nope.txt"}, 2, "nope.txt"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, stderr, code := cli(t, "", tc.args...)
			if code != tc.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, tc.code, stderr)
			}
			if !strings.Contains(stderr, tc.msg) {
				t.Errorf("stderr %q lacks %q", stderr, tc.msg)
			}
			if strings.Contains(stderr, "stat ") {
				t.Errorf("stderr names a system call: %q", stderr)
			}
			if tc.code == 1 && strings.Count(strings.TrimSpace(stderr), "\n") != 0 {
				t.Errorf("input error is not one line: %q", stderr)
			}
		})
	}
}

// With no argument and a terminal on standard input, the program says
// what it wants and shows its usage, instead of waiting on a blank
// screen; piped, it reads the cable.
func TestNoArgumentsOnATerminal(t *testing.T) {
	was := stdinTerminal
	stdinTerminal = func(io.Reader) bool { return true }
	t.Cleanup(func() { stdinTerminal = was })
	_, stderr, code := cli(t, "")
	if code != exitUsage || !strings.HasPrefix(stderr, "cablereader: no cable given: name a file, a folder or a cables.csv, or pipe a cable in") || !strings.Contains(stderr, "Usage:\n  cablereader [flags] [FILE | -]") || !strings.HasSuffix(stderr, "PATH...\n\nTry 'cablereader --help' for more.\n") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if n := strings.Count(stderr, "\n"); n > 12 {
		t.Errorf("%d lines: the first goes off a small screen", n)
	}
	stdinTerminal = func(io.Reader) bool { return false }
	text, err := os.ReadFile("testdata/09TOKYO2531.txt")
	if err != nil {
		t.Fatal(err)
	}
	if stdout, _, code := cli(t, string(text), "--format", "json"); code != exitOK || !strings.Contains(stdout, "09TOKYO2531") {
		t.Errorf("piped: exit %d", code)
	}
}

func TestArchiveList(t *testing.T) {
	out, stderr, code := cli(t, "", "--list", "testdata/cables")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 115 { // every .txt; each saved page is the same cable as one of them
		t.Errorf("%d lines", len(lines))
	}
	want := "10BEIJING263\t2010-02-02T08:36:00Z\tCONFIDENTIAL\tAMEMBASSY BEIJING\tPRC: NUCLEAR RESEARCH AT CHINESE ACADEMY OF SCIENCES\ttestdata/cables/10BEIJING263.txt"
	if !strings.Contains(out, want+"\n") {
		t.Errorf("no line %q", want)
	}
	// Piped, a folder prints its list too; so do several files.
	piped, _, _ := cli(t, "", "testdata/cables")
	if piped != out {
		t.Error("a piped folder does not print the same list as --list")
	}
	two, _, code := cli(t, "", "testdata/09TOKYO2531.txt", "testdata/cables/10BEIJING263.txt")
	if code != 0 || strings.Count(two, "\n") != 2 || !strings.HasPrefix(two, "09TOKYO2531\t") {
		t.Errorf("two files: exit %d, %q", code, two)
	}
}

// A cables.csv with a broken row: the row is reported with its line on
// stderr and skipped, the rest is listed, each row with the line it
// starts on.
func TestArchiveCSVErrors(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cables.csv")
	if err := os.WriteFile(path, []byte(brokenCSV), 0o644); err != nil {
		t.Fatal(err)
	}
	out, stderr, code := cli(t, "", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "line 6") || !strings.Contains(stderr, "row skipped") {
		t.Errorf("stderr %q does not report the broken row at line 6", stderr)
	}
	want := "09TOKYO2531\t2009-11-02T07:23:00Z\tCONFIDENTIAL\tEmbassy Tokyo\tTHAILAND AND JAPAN TO INK SOP ON TIP\t" + path + ":1\n" +
		"09TOKYO2533\t2009-11-04T09:00:00Z\tUNCLASSIFIED\tEmbassy Tokyo\tA \"QUOTED\" SUBJECT\t" + path + ":7\n"
	if out != want {
		t.Errorf("list =\n%s\nwant\n%s", out, want)
	}
}

// scanPanics is an archive whose scan panics.
type scanPanics struct{ ui.Source }

func (scanPanics) Scan(context.Context, func(catalog.Progress)) error { panic("boom") }

// A panic on the archive's scan goroutine ends the program through Bubble
// Tea (the terminal restored) with one line and status 1.
func TestArchiveScanPanic(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	defer func(f func(io.Writer) bool) { interactive = f }(interactive)
	defer func(f func(ui.Source, ui.Options) error) { runArchiveView = f }(runArchiveView)
	interactive = func(io.Writer) bool { return true }
	var screen bytes.Buffer
	runArchiveView = func(src ui.Source, opt ui.Options) error {
		opt.Input, opt.Output = strings.NewReader(""), &screen
		return ui.RunArchive(scanPanics{src}, opt)
	}
	_, stderr, code := cli(t, "", "testdata/cables")
	if code != 2 || stderr != "cablereader: indexing crashed: boom\n" {
		t.Errorf("status %d, stderr %q", code, stderr)
	}
	if !bytes.Contains(screen.Bytes(), []byte("\x1b[?1049l")) {
		t.Error("the alternate screen was not left")
	}
}

// The reader of a big cable runs under a soft memory limit of four times
// the input plus room for the program.
func TestReaderMemoryLimit(t *testing.T) {
	if got := readerMemoryLimit(200 << 20); got != 864<<20 {
		t.Errorf("limit for 200 MiB: %d MiB", got>>20)
	}
}

// brokenCSV is a cables.csv whose second row loses its closing quote: the
// reader finds the error a line later and goes back to read the third.
const brokenCSV = `"1","11/2/2009 7:23","09TOKYO2531","Embassy Tokyo","CONFIDENTIAL","","FM AMEMBASSY TOKYO","C O N F I D E N T I A L TOKYO 002531\
SUBJECT: THAILAND AND JAPAN TO INK SOP ON TIP\
\
1. (C) Text.\
"
"2","11/3/2009 8:00","09TOKYO2532","Embassy Tokyo","UNCLASSIFIED","
"3","11/4/2009 9:00","09TOKYO2533","Embassy Tokyo","UNCLASSIFIED","","","UNCLAS TOKYO 002533\
SUBJECT: A \"QUOTED\" SUBJECT\
"
`
