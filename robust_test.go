package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// hostile holds sequences a terminal would act on: retitle the window,
// write the clipboard, clear the screen, a DCS string, a C1 CSI, and a
// right-to-left override.
var hostile = []string{"\x1b]0;pwned\x07", "\x1b]52;c;SGVsbG8=\x07", "\x1b[2J", "\x1bP+q\x1b\\", "\u009b31m", "\u202e", "\x1b"}

func hostileCable(seq string) string {
	return "UNCLAS STATE 000001\nSUBJECT: HOSTILE " + seq + " SUBJECT\n\n1. (U) First paragraph " + seq + " carries words.\n\n2. (U) Second paragraph.\n"
}

// assertInert fails if s holds anything a terminal would interpret.
func assertInert(t *testing.T, what, s string) {
	t.Helper()
	for i, r := range s {
		switch {
		case r == '\n' || r == '\t':
		case r < 0x20 || r == 0x7f:
			t.Fatalf("%s: control byte %#x at %d", what, r, i)
		case r >= 0x80 && r <= 0x9f:
			t.Fatalf("%s: C1 control %U at %d", what, r, i)
		case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
			t.Fatalf("%s: bidi control %U at %d", what, r, i)
		}
	}
	if !utf8.ValidString(s) {
		t.Fatalf("%s: invalid UTF-8", what)
	}
}

func TestHostileInput(t *testing.T) {
	for i, seq := range hostile {
		t.Run(fmt.Sprintf("%d", i), func(t *testing.T) {
			in := hostileCable(seq)
			for _, format := range []string{"text", "markdown"} {
				out, _, code := cli(t, in, "--format", format)
				if code != 0 {
					t.Fatalf("%s: exit %d", format, code)
				}
				assertInert(t, format, out)
				for _, w := range []string{"HOSTILE", "First paragraph", "carries words", "Second paragraph", "the text holds 2 control characters or escape sequences"} {
					if !strings.Contains(out, w) {
						t.Errorf("%s output lost %q", format, w)
					}
				}
			}
			out, _, code := cli(t, in, "--format", "json")
			if code != 0 {
				t.Fatalf("json: exit %d", code)
			}
			assertInert(t, "json", out) // escaped, as \u001b, \u202e, \u009b
			var j struct {
				Subject    string `json:"subject"`
				Paragraphs []struct {
					Text string `json:"text"`
				} `json:"paragraphs"`
			}
			if err := json.Unmarshal([]byte(out), &j); err != nil {
				t.Fatal(err)
			}
			// JSON keeps the text exactly, escaped as JSON escapes it.
			if !strings.Contains(j.Subject, seq) || !strings.Contains(j.Paragraphs[0].Text, seq) {
				t.Errorf("json does not carry the input exactly: %q", j.Subject)
			}
		})
	}
}

func TestBrokenInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	sample, err := os.ReadFile("testdata/09TOKYO2531.txt")
	if err != nil {
		t.Fatal(err)
	}
	lf := strings.ReplaceAll(string(sample), "\r\n", "\n")
	var many strings.Builder
	many.WriteString("UNCLAS STATE 000001\nSUBJECT: MANY PARAGRAPHS\n\n")
	for i := 1; i <= 5000; i++ {
		fmt.Fprintf(&many, "%d. (U) Paragraph number %d.\n\n", i, i)
	}
	header, body, _ := strings.Cut(lf, "C O N F I D E N T I A L")
	for _, tc := range []struct {
		name  string
		input string
		want  func(t *testing.T, j cableJSON)
	}{
		{"CRLF", strings.ReplaceAll(lf, "\n", "\r\n"), sameAsSample},
		{"lone CR", strings.ReplaceAll(lf, "\n", "\r"), sameAsSample},
		{"Latin-1", strings.ReplaceAll(lf, "TIP", "TIP \xe9t\xe9"), func(t *testing.T, j cableJSON) {
			sameAsSample(t, j)
			if len(j.Notices) == 0 || !strings.Contains(j.Notices[0], "Latin-1") {
				t.Errorf("no notice of the Latin-1 reading: %q", j.Notices)
			}
		}},
		{"header only", header, func(t *testing.T, j cableJSON) {
			if j.Origin != "AMEMBASSY TOKYO" || len(j.Paragraphs) != 0 {
				t.Errorf("origin %q, %d paragraphs", j.Origin, len(j.Paragraphs))
			}
			hasNotice(t, j, "the cable has a header but no text")
		}},
		{"body only", "C O N F I D E N T I A L" + body, func(t *testing.T, j cableJSON) {
			if j.ID != "TOKYO2531" || j.Date != nil || len(j.Paragraphs) != 6 {
				t.Errorf("id %q date %v, %d paragraphs", j.ID, j.Date, len(j.Paragraphs))
			}
		}},
		{"cut mid-word", lf[:strings.Index(lf, "Thais in Japan")+8], func(t *testing.T, j cableJSON) {
			last := j.Paragraphs[len(j.Paragraphs)-1]
			if !strings.HasSuffix(last.Text, "Thais in") {
				t.Errorf("last paragraph ends %q", last.Text[len(last.Text)-20:])
			}
			hasNotice(t, j, "the text stops mid-sentence: the cable may be cut off")
		}},
		{"long line", "UNCLAS STATE 000001\n\n1. " + strings.Repeat("word ", 2000) + "\n", func(t *testing.T, j cableJSON) {
			if len(j.Paragraphs) != 1 || strings.Count(j.Paragraphs[0].Text, "word") != 2000 {
				t.Errorf("long line not kept whole")
			}
		}},
		{"5000 paragraphs", many.String(), func(t *testing.T, j cableJSON) {
			if len(j.Paragraphs) != 5000 || j.Paragraphs[4999].Number == nil || *j.Paragraphs[4999].Number != 5000 {
				t.Errorf("%d paragraphs", len(j.Paragraphs))
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, stderr, code := cli(t, "", "--format", "json", write(strings.ReplaceAll(tc.name, " ", "_"), tc.input))
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			var j cableJSON
			if err := json.Unmarshal([]byte(out), &j); err != nil {
				t.Fatal(err)
			}
			tc.want(t, j)
		})
	}
}

type cableJSON struct {
	ID         string   `json:"id"`
	Date       *string  `json:"date"`
	Origin     string   `json:"origin"`
	Subject    string   `json:"subject"`
	Notices    []string `json:"notices"`
	Paragraphs []struct {
		Number *int   `json:"number"`
		Text   string `json:"text"`
	} `json:"paragraphs"`
	PageMarkers []string `json:"page_markers"`
}

func hasNotice(t *testing.T, j cableJSON, want string) {
	t.Helper()
	for _, n := range j.Notices {
		if n == want {
			return
		}
	}
	t.Errorf("notices %q lack %q", j.Notices, want)
}

func sameAsSample(t *testing.T, j cableJSON) {
	t.Helper()
	if j.ID != "09TOKYO2531" || j.Subject == "" || len(j.Paragraphs) != 6 || len(j.PageMarkers) != 2 {
		t.Errorf("id %q subject %q, %d paragraphs, %d page markers", j.ID, j.Subject, len(j.Paragraphs), len(j.PageMarkers))
	}
	if !strings.Contains(j.Paragraphs[4].Text, "in Japan is about 40,000") {
		t.Errorf("¶5 = %.80q", j.Paragraphs[4].Text)
	}
}

// An archive listing is text output too: a hostile subject is made visible,
// and so is a file name met in a folder, in the messages about it.
func TestHostileArchiveListing(t *testing.T) {
	dir := t.TempDir()
	for i, seq := range hostile {
		name := filepath.Join(dir, fmt.Sprintf("cable%d.txt", i))
		// One id each: copies of one id would be listed once.
		text := strings.Replace(hostileCable(seq), "000001", fmt.Sprintf("%06d", i+1), 1)
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, stderr, code := cli(t, "", "--list", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	assertInert(t, "--list", out)
	if n := strings.Count(out, "HOSTILE"); n != len(hostile) {
		t.Errorf("%d of %d cables listed:\n%s", n, len(hostile), out)
	}
	if !strings.Contains(out, "HOSTILE ␛]0;pwned␇ SUBJECT") {
		t.Errorf("the retitle sequence is not shown visibly:\n%s", out)
	}
	var b strings.Builder
	complain(&b, "%s: not a cable", "evil\x1b]0;pwned\x07.txt")
	if got := b.String(); got != "cablereader: evil␛]0;pwned␇.txt: not a cable\n" {
		t.Errorf("complain wrote %q", got)
	}
}

// latin1Page is a real saved page with Latin-1 bytes and Kelvin signs in
// its title, before the <pre> blocks: searching a lower-cased copy moved
// every position after them.
func latin1Page(t *testing.T) []byte {
	t.Helper()
	page, err := os.ReadFile("testdata/cables/html/09KYIV1942.html")
	if err != nil {
		t.Fatal(err)
	}
	title := "<title>Caf\xe9 " + strings.Repeat("\xe9", 2000) + strings.Repeat("\u212a", 300) + "</title>"
	return bytes.Replace(page, []byte("<title>Cable Viewer</title>"), []byte(title), 1)
}

func TestPageNotUTF8(t *testing.T) {
	dir := t.TempDir()
	crash := filepath.Join(dir, "crash.html")
	page := filepath.Join(dir, "09KYIV1942.html")
	if err := os.WriteFile(crash, []byte("<pre>"+strings.Repeat("\xe9", 3000)+"</pre><pre>x</pre>"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(page, latin1Page(t), 0o644); err != nil {
		t.Fatal(err)
	}
	want, _, _ := cli(t, "", "--format", "json", "testdata/cables/09KYIV1942.txt")
	got, stderr, code := cli(t, "", "--format", "json", page)
	if code != 0 || got != want {
		t.Errorf("the Latin-1 page does not read as its text: exit %d %s", code, stderr)
	}
	out, stderr, code := cli(t, "", "--format", "text", crash)
	if code != 0 || !strings.Contains(out, "input is not UTF-8: read as Latin-1") || strings.Count(out, "é") != 3000 || !strings.HasSuffix(out, "é\nx\n") {
		t.Errorf("the page that crashed: exit %d %s\n%.300s", code, stderr, out)
	}
	out, stderr, code = cli(t, "", "--list", dir)
	wantList := "09KYIV1942\t2009-11-09T12:05:00Z\tSECRET\tAMEMBASSY KYIV\tU.S.-UKRAINE NONPROLIFERATION MEETINGS SEPTEMBER 23-24, 2009\t" + page + "\n"
	if code != 0 || out != wantList {
		t.Errorf("--list: exit %d, %q", code, out)
	}
	if stderr != "cablereader: "+crash+": no cable in the text (no id, header, subject or tags); skipped\n" {
		t.Errorf("--list: stderr %q", stderr)
	}
}

// A file name can hold line breaks and tabs: in a message on standard
// error they are shown, never obeyed, so a name cannot forge a line that
// looks like the program's own. Every message that names a file is tried.
func TestHostileFileNames(t *testing.T) {
	const evil = "x\ncablereader: 0 files skipped, all cables verified\n\t"
	const shown = "x␊cablereader: 0 files skipped, all cables verified␊␉"
	dir := t.TempDir()
	write := func(name, data string) string {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Skip("file names with line breaks are not allowed here:", err)
		}
		return p
	}
	empty := write(evil+"empty.txt", " \n")
	binary := write(evil+"binary.txt", "UNCLAS\x00")
	page := write(evil+"page.html", "<html><body>no cable</body></html>")
	csv := write(evil+"cables.csv", brokenCSV)
	folder := filepath.Join(dir, evil+"folder")
	write(filepath.Join(evil+"folder", evil+"junk.txt"), "\x00\x01")
	write(filepath.Join(evil+"folder", "09TOKYO2531.txt"), hostileCable("x"))
	nothing := filepath.Join(dir, evil+"nothing")
	write(filepath.Join(evil+"nothing", "notes.txt"), "just notes\n")
	for _, tc := range []struct {
		name string
		args []string
		msgs int // lines on standard error
	}{
		{"missing", []string{filepath.Join(dir, evil+"missing.txt")}, 1},
		{"empty", []string{empty}, 1},
		{"binary", []string{binary}, 1},
		{"too large", []string{"--max-size", "1", binary}, 1},
		{"page without a cable", []string{page}, 1},
		{"CSV row skipped", []string{"--list", csv}, 1},
		{"file skipped in a folder", []string{"--list", folder}, 1},
		{"no cables found", []string{"--list", nothing}, 2},
		{"missing in a list", []string{"--list", empty, filepath.Join(dir, evil+"missing.txt")}, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, stderr, _ := cli(t, "", tc.args...)
			lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
			if len(lines) != tc.msgs || !strings.Contains(stderr, shown) {
				t.Fatalf("%d lines, want %d, showing the name:\n%s", len(lines), tc.msgs, stderr)
			}
			for _, l := range lines {
				if !strings.HasPrefix(l, "cablereader: ") || strings.Contains(l, "\t") {
					t.Errorf("line %q", l)
				}
			}
		})
	}
}
