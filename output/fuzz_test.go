package output

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"cablereader/parser"
)

// Whatever the input, every output is written without a panic, the JSON
// is valid and equal to its whole-object layout, and text and Markdown
// hold no byte a terminal would act on (other than line ends) and no
// invalid UTF-8. Seeded with the test cables: go test ./output -run XXX
// -fuzz FuzzOutputs.
func FuzzOutputs(f *testing.F) {
	files, _ := filepath.Glob("../testdata/cables/*.txt")
	for _, name := range append(files, "../testdata/09TOKYO2531.txt") {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("UNCLAS SENSITIVE\nDEPT FOR \x1b]0;x\x07\nSUBJECT: \u202e<b>*x*</b>\n1. (SBU) 5. \x85\x9b[2J\x7f"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c := parser.Parse(data)
		var js, txt, routed, md bytes.Buffer
		if err := JSON(&js, c); err != nil {
			t.Fatal(err)
		}
		var compact, want bytes.Buffer
		if err := json.Compact(&compact, js.Bytes()); err != nil {
			t.Fatalf("invalid JSON: %v", err)
		}
		json.Indent(&want, compact.Bytes(), "", "  ")
		want.WriteByte('\n')
		if !bytes.Equal(js.Bytes(), want.Bytes()) {
			t.Fatal("JSON layout differs from the whole-object layout")
		}
		Text(&txt, c, TextOptions{})
		Text(&routed, c, TextOptions{Routing: true})
		Markdown(&md, c, MarkdownOptions{Routing: true})
		for name, out := range map[string][]byte{"json": js.Bytes(), "text": txt.Bytes(), "text --routing": routed.Bytes(), "markdown": md.Bytes()} {
			if !utf8.Valid(out) {
				t.Fatalf("%s: invalid UTF-8", name)
			}
			for _, r := range string(out) {
				if (r < 0x20 && r != '\n' && r != '\t') || (r >= 0x7f && r <= 0x9f) || r == '\u202e' {
					t.Fatalf("%s: raw %U", name, r)
				}
			}
		}
	})
}
