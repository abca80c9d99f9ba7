package parser

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"cablereader/input"
	"cablereader/model"
)

// bannerCaveats are the caveats the reader's banner shows after the
// classification, in upper case (NOFORN among them when the cable has it).
func bannerCaveats(c *model.Cable) []string {
	var out []string
	for _, cv := range c.Caveats {
		if cv = strings.Join(strings.Fields(strings.ToUpper(cv)), " "); cv != "" && !slices.Contains(out, cv) {
			out = append(out, cv)
		}
	}
	if c.NoForn() && !slices.Contains(out, "NOFORN") {
		out = append(out, "NOFORN")
	}
	return out
}

// Every caveat a parse finds, Caveats finds, on every real cable (or on
// the folder CAVEATS_DIR names, to measure a mirror).
func TestCaveatsAsParsed(t *testing.T) {
	files := cableFiles(t)
	if dir := os.Getenv("CAVEATS_DIR"); dir != "" {
		files, _ = filepath.Glob(filepath.Join(dir, "*.txt"))
	}
	with, missed, extra := 0, 0, 0
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		want := bannerCaveats(Parse(raw))
		if len(want) > 0 {
			with++
		}
		got := Caveats([]byte(decoded(raw)))
		for _, g := range got {
			if !slices.Contains(want, g) {
				extra++ // found where the banner does not show it: counted, not an error
			}
		}
		for _, w := range want {
			if !slices.Contains(got, w) {
				missed++
				t.Errorf("%s: %s shown, not found (found %q)", filepath.Base(f), w, got)
			}
		}
	}
	t.Logf("%d cables, %d with caveats, %d caveats missed, %d found that the banner does not show", len(files), with, missed, extra)
	if with < 20 {
		t.Errorf("only %d cables with caveats", with)
	}
}

func TestCaveatsLines(t *testing.T) {
	text := "UNCLAS SENSITIVE SECTION 01 OF 02 STATE 001234\n\nSIPDIS\nE.O. 12958: N/A\nTAGS: PREL\nSUBJECT: X\n\n" +
		"SENSITIVE BUT UNCLASSIFIED - PLEASE PROTECT ACCORDINGLY.\n1. The sipdis word in a sentence is not a caveat.\nNOFORN\n"
	if got, want := Caveats([]byte(text)), []string{"SENSITIVE", "SIPDIS", "SENSITIVE BUT UNCLASSIFIED", "NOFORN"}; !slices.Equal(got, want) {
		t.Errorf("Caveats = %q, want %q", got, want)
	}
	if got := Caveats(nil); got != nil {
		t.Errorf("no text: %q", got)
	}
}

// BenchmarkCaveats reads the caveats of every real cable, as the index
// does for each cable it adds.
func BenchmarkCaveats(b *testing.B) {
	var texts [][]byte
	total := 0
	for _, f := range cableFiles(b) {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, raw)
		total += len(raw)
	}
	b.SetBytes(int64(total))
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			Caveats(t)
		}
	}
}

// decoded is raw as the parser reads it.
func decoded(raw []byte) string {
	s, _ := input.DecodeText(raw)
	return s
}

// A cable's caveats each once, and a line of the level and NOFORN under
// the banner read (a real cable, testdata/caveats; 06BERN2115 there is
// read through its page form in describe's tests).
func TestCaveatsOfRealCables(t *testing.T) {
	for _, tc := range []struct {
		file    string
		caveats []string
		marking string
	}{
		{"06CARACAS219.txt", []string{"SIPDIS", "NOFORN"}, "SECRET//NOFORN"},
	} {
		raw, err := os.ReadFile(filepath.Join("../testdata/caveats", tc.file))
		if err != nil {
			t.Fatal(err)
		}
		c := Parse(raw)
		if got := c.CaveatsOnce(); !slices.Equal(got, tc.caveats) {
			t.Errorf("%s: caveats %q (as found %q), want %q", tc.file, got, c.Caveats, tc.caveats)
		}
		if got := c.Marking(); got != tc.marking {
			t.Errorf("%s: marking %q, want %q", tc.file, got, tc.marking)
		}
		if got := Caveats([]byte(decoded(raw))); !slices.Equal(got, tc.caveats) {
			t.Errorf("%s: Caveats %q, want %q", tc.file, got, tc.caveats)
		}
	}
}
