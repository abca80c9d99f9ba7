package output

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"cablereader/parser"
)

func cables(t *testing.T) []string {
	files, _ := filepath.Glob("../testdata/cables/*.txt")
	if len(files) < 100 {
		t.Fatalf("found %d cables", len(files))
	}
	return append(files, "../testdata/09TOKYO2531.txt")
}

var pilcrowNumber = regexp.MustCompile(`¶(\d+)`)

// Every cable's Markdown renders through glamour with every numbered
// paragraph and every heading still there, in order, and nothing of the
// cable text read as Markdown syntax (no list items, no links).
func TestMarkdownRendersEveryParagraph(t *testing.T) {
	for _, f := range cables(t) {
		data, _ := os.ReadFile(f)
		c := parser.Parse(data)
		var md bytes.Buffer
		if err := Markdown(&md, c, MarkdownOptions{}); err != nil {
			t.Fatal(err)
		}
		out, err := renderMarkdown(md.String(), "dark", 100)
		out = ansi.Strip(out)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		var want, got []string
		headings := 0
		for _, p := range c.Body {
			if p.Number > 0 {
				want = append(want, pilcrowNumber.FindString("¶"+itoa(p.Number)))
			}
			if p.Heading != "" {
				headings++
			}
		}
		for _, line := range strings.Split(out, "\n") {
			if m := pilcrowNumber.FindString(strings.TrimSpace(line)); m != "" && strings.HasPrefix(strings.TrimSpace(line), m) {
				got = append(got, m)
			}
		}
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("%s: rendered paragraphs %v, want %v", filepath.Base(f), got, want)
		}
		if n := strings.Count(md.String(), "\n## "); n != headings {
			t.Errorf("%s: %d headings in Markdown, want %d", filepath.Base(f), n, headings)
		}
	}
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

func TestEscape(t *testing.T) {
	for in, want := range map[string]string{
		"5. (C) text":             `5\. (C) text`,
		"-- item\n- item":         "\\-- item\n\\- item",
		"a * b _c_ [x](y) #1 <b>": `a \* b \_c\_ \[x\](y) \#1 \<b\>`,
		"U.S. 1.5 a-b":            "U.S. 1.5 a-b",
		"\x1b]0;x\x07":            "␛\\]0;x␇",
	} {
		if got := esc(in); got != want {
			t.Errorf("esc(%q) = %q, want %q", in, got, want)
		}
	}
}

// Text and Markdown keep everything the reader's header shows: every
// header field's value (passing lines, references, the Classified By line)
// and every caveat (SENSITIVE, SIPDIS), on every test cable.
func TestOutputsKeepHeader(t *testing.T) {
	for _, f := range cables(t) {
		data, _ := os.ReadFile(f)
		c := parser.Parse(data)
		var txt, md bytes.Buffer
		if err := Text(&txt, c, TextOptions{}); err != nil {
			t.Fatal(err)
		}
		if err := Markdown(&md, c, MarkdownOptions{}); err != nil {
			t.Fatal(err)
		}
		outs := map[string]string{"text": squash(txt.String()), "markdown": squash(unescapeMD(md.String()))}
		var want []string
		for _, h := range c.HeaderFields() {
			if h.Items == nil {
				want = append(want, h.Label, h.Value)
			}
			want = append(want, h.Items...)
		}
		want = append(want, c.Caveats...)
		want = append(want, c.Header.Passing...)
		want = append(want, c.Header.Subject, c.Origin)
		for _, r := range c.Header.References {
			want = append(want, r.Text)
		}
		for format, out := range outs {
			for _, w := range want {
				if !strings.Contains(strings.ToUpper(out), strings.ToUpper(squash(w))) {
					t.Errorf("%s: %s output lacks %q", filepath.Base(f), format, w)
				}
			}
		}
	}
}

// squash makes each run of white space one space, as a reader of wrapped
// text sees it.
func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

var mdEscape = regexp.MustCompile(`\\([[:punct:]])`)

func unescapeMD(s string) string { return mdEscape.ReplaceAllString(s, "$1") }
