package search

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
)

// Two files of one cable are listed once by the archive, but both are
// indexed: a word found in the second copy only is found there.
func TestBothCopiesIndexed(t *testing.T) {
	text, err := os.ReadFile("../testdata/versions/2010/10TRIPOLI95.txt")
	if err != nil {
		t.Fatal(err)
	}
	other := bytes.Replace(text, []byte("Our contact"), []byte("Our zanzibarian contact"), 1)
	if bytes.Equal(text, other) {
		t.Fatal("nothing replaced")
	}
	dir := t.TempDir()
	for name, data := range map[string][]byte{"a": text, "b": other} {
		if err := os.Mkdir(filepath.Join(dir, name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name, "10TRIPOLI95.txt"), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ix, st := build(t, filepath.Join(t.TempDir(), "i.db"), dir)
	if st.Cables != 2 {
		t.Errorf("stats %+v, want both copies", st)
	}
	q, _ := Parse("zanzibarian")
	hits, n, err := ix.Search(context.Background(), q, 10)
	if err != nil || n != 1 || hits[0].ID != "10TRIPOLI95" || hits[0].Location.Path != filepath.Join(dir, "b", "10TRIPOLI95.txt") {
		t.Fatalf("%v %d %+v", err, n, hits)
	}
}
