package search

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"cablereader/corpus"
	"cablereader/parser"
)

// Every caveat the reader's banner shows is searchable by the word it
// shows (caveat:sipdis, caveat:sensitive, caveat:"sensitive but
// unclassified"), in a folder and in a Cablegate CSV.
func TestCaveatsSearchable(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(realCables, "*.txt"))
	if len(files) < 100 {
		t.Fatalf("%d real cables", len(files))
	}
	shown := map[string][]string{} // caveat, lower case → ids
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		c := parser.ParseAs(raw, corpus.NameID(f))
		seen := map[string]bool{}
		for _, cv := range c.Caveats {
			cv = strings.ToLower(strings.Join(strings.Fields(cv), " "))
			if cv != "" && !seen[cv] {
				seen[cv] = true
				shown[cv] = append(shown[cv], c.ID)
			}
		}
	}
	if len(shown["sipdis"]) < 20 || len(shown["sensitive"]) < 3 {
		t.Fatalf("sipdis on %d cables, sensitive on %d", len(shown["sipdis"]), len(shown["sensitive"]))
	}
	csv := filepath.Join(t.TempDir(), "cables.csv")
	writeCSV(t, csv, files)
	for name, path := range map[string]string{"folder": archive(t), "csv": csv} {
		ix, _ := build(t, filepath.Join(t.TempDir(), "ix.db"), path)
		for cv, want := range shown {
			q := "caveat:" + cv
			if strings.Contains(cv, " ") {
				q = `caveat:"` + cv + `"`
			}
			got := ids(t, ix, q)
			for _, id := range want {
				if !slices.Contains(got, id) {
					t.Errorf("%s: %s shows %s, %s does not find it", name, id, strings.ToUpper(cv), q)
				}
			}
		}
	}
}
