package parser

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzParse feeds the parser mutations of real cables. It must never
// panic (Parse would turn a panic into an "internal" notice) and must keep
// every word of its input. `go test` runs only the seed corpus.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join(cablesDir, "*.txt"))
	files = append(files, "../testdata/09TOKYO2531.txt")
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(""))
	f.Add([]byte("\r\n\r"))
	f.Add([]byte("¶1. ¶2. ¶1987. 11. 12. SUMMARY: END NOTE) ROOS"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c := Parse(data)
		for _, n := range c.Notices {
			if strings.HasPrefix(n, "internal") {
				t.Fatal(n)
			}
		}
		if m := lost(data, c); len(m) > 0 {
			t.Fatalf("lost %d words, e.g. %q", len(m), m[:min(5, len(m))])
		}
		for _, p := range c.Body {
			for _, s := range p.Spans {
				if s.Start < 0 || s.End > len(p.Text) || s.Start > s.End {
					t.Fatalf("span %+v out of ¶ text of %d bytes", s, len(p.Text))
				}
			}
		}
	})
}
