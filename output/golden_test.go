package output

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"cablereader/model"
	"cablereader/parser"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// goldenFormats are the cables whose text and Markdown are kept as golden
// files too: the sample, a sensitive cable with five passing lines that
// is cut off, a cable with fifteen references, a NOFORN cable with no
// routing header, and one with "SENSITIVE BUT UNCLASSIFIED".
var goldenFormats = map[string]bool{
	"09TOKYO2531":   true,
	"06KABUL3934":   true,
	"07TBILISI1732": true,
	"04BOGOTA8900":  true,
	"10PRISTINA84":  true,
}

// Every test cable's JSON, and a few cables' text (with the routing
// details) and Markdown, are as in testdata/golden, so that every change
// of the model or of a format shows in review. `go test ./output -update`
// rewrites them.
func TestGolden(t *testing.T) {
	dir := filepath.Join("testdata", "golden")
	if *update {
		os.RemoveAll(dir)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	seen := map[string]bool{}
	for _, f := range cables(t) {
		id := strings.TrimSuffix(filepath.Base(f), ".txt")
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		c := parser.Parse(data)
		formats := []goldenFormat{{".json", func(b *bytes.Buffer, c *model.Cable) error { return JSON(b, c) }}}
		if goldenFormats[id] {
			formats = append(formats,
				goldenFormat{".txt", func(b *bytes.Buffer, c *model.Cable) error { return Text(b, c, TextOptions{Routing: true}) }},
				goldenFormat{".md", func(b *bytes.Buffer, c *model.Cable) error { return Markdown(b, c, MarkdownOptions{}) }})
		}
		for _, fm := range formats {
			var got bytes.Buffer
			if err := fm.write(&got, c); err != nil {
				t.Fatalf("%s%s: %v", id, fm.ext, err)
			}
			golden := filepath.Join(dir, id+fm.ext)
			seen[filepath.Base(golden)] = true
			if *update {
				if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				continue
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Errorf("%s: %v (go test ./output -update writes it)", id+fm.ext, err)
				continue
			}
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("%s differs from its golden file at line %d (go test ./output -update rewrites it)",
					id+fm.ext, firstDiffLine(got.Bytes(), want))
			}
		}
	}
	// A golden file whose cable is gone is stale.
	files, _ := os.ReadDir(dir)
	for _, f := range files {
		if !seen[f.Name()] {
			t.Errorf("%s: no test cable makes this golden file (go test ./output -update removes it)", f.Name())
		}
	}
	for id := range goldenFormats {
		if !seen[id+".txt"] {
			t.Errorf("%s: no such test cable for the text and Markdown goldens", id)
		}
	}
}

type goldenFormat struct {
	ext   string
	write func(*bytes.Buffer, *model.Cable) error
}

// firstDiffLine is the 1-based line where a and b first differ.
func firstDiffLine(a, b []byte) int {
	n := min(len(a), len(b))
	i := 0
	for i < n && a[i] == b[i] {
		i++
	}
	return bytes.Count(a[:i], []byte("\n")) + 1
}

// contractField is a field named in the first column of a table in
// docs/json.md: "| `id` |", "| `to`, `info` |".
var contractField = regexp.MustCompile("(?m)^\\| `([a-z_]+)`(?:, `([a-z_]+)`)? \\|")

// The JSON of every test cable has exactly the top-level fields that
// docs/json.md, the contract, lists: none omitted, none undocumented.
func TestJSONContractFields(t *testing.T) {
	doc, err := os.ReadFile("../docs/json.md")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	for _, m := range contractField.FindAllStringSubmatch(string(doc), -1) {
		want[m[1]] = true
		if m[2] != "" {
			want[m[2]] = true
		}
	}
	if len(want) < 20 {
		t.Fatalf("read %d fields from docs/json.md", len(want))
	}
	for _, f := range cables(t) {
		data, _ := os.ReadFile(f)
		var b bytes.Buffer
		if err := JSON(&b, parser.Parse(data)); err != nil {
			t.Fatal(err)
		}
		var got map[string]json.RawMessage
		if err := json.Unmarshal(b.Bytes(), &got); err != nil {
			t.Fatalf("%s: %v", filepath.Base(f), err)
		}
		for k := range want {
			if _, ok := got[k]; !ok {
				t.Errorf("%s: no %q field", filepath.Base(f), k)
			}
		}
		for k := range got {
			if !want[k] {
				t.Errorf("%s: field %q is not in docs/json.md", filepath.Base(f), k)
			}
		}
	}
}

// The JSON written piece by piece is valid, laid out exactly as encoding
// the whole object with two-space indentation lays it out, and inert: on
// cables with no paragraphs, one, several, and hostile text.
func TestJSONStreamLayout(t *testing.T) {
	hostile := "\x1b]0;pwned\x07 <b>&amp;</b> \u202e \u0085 \x7f \"q\" \\ tab\there"
	for _, c := range []*model.Cable{
		{},
		{ID: "09TOKYO2531", Body: []model.Paragraph{{Number: 1, Text: "one"}}},
		{Header: model.Header{Subject: hostile, Passing: []string{hostile}}, Routing: &model.Routing{Lines: []string{hostile}},
			Body: []model.Paragraph{{Text: hostile, Spans: []model.Span{{Kind: model.Note, Start: 0, End: 3, Text: hostile}}}, {Heading: hostile}}},
	} {
		var b bytes.Buffer
		if err := JSON(&b, c); err != nil {
			t.Fatal(err)
		}
		var compact, want bytes.Buffer
		if err := json.Compact(&compact, b.Bytes()); err != nil {
			t.Fatalf("invalid JSON: %v\n%s", err, b.Bytes())
		}
		json.Indent(&want, compact.Bytes(), "", "  ")
		want.WriteByte('\n')
		if b.String() != want.String() {
			t.Errorf("layout differs from whole-object indentation:\n%s\nwant\n%s", b.Bytes(), want.Bytes())
		}
		for _, bad := range []string{"\x1b", "\x07", "\x7f", "\u202e", "\u0085"} {
			if strings.Contains(b.String(), bad) {
				t.Errorf("raw %q in the JSON", bad)
			}
		}
		var back struct {
			Subject *string `json:"subject"`
		}
		json.Unmarshal(b.Bytes(), &back)
		if back.Subject != nil && *back.Subject != hostile {
			t.Errorf("subject read back as %q", *back.Subject)
		}
	}
}
