package search

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"cablereader/corpus"
	"cablereader/parser"
)

// realCables is the folder of real cables shared by the repository's
// tests.
const realCables = "../testdata/cables"

// archive copies the real cables (text files) and the test cable that
// cites two of them into a new folder.
func archive(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	files, err := filepath.Glob(filepath.Join(realCables, "*.txt"))
	if err != nil || len(files) < 100 {
		t.Fatalf("real cables: %v (%d files)", err, len(files))
	}
	files = append(files, "testdata/10TOKYO1.txt")
	for _, f := range files {
		copyFile(t, f, filepath.Join(dir, filepath.Base(f)))
	}
	return dir
}

func copyFile(t testing.TB, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// build opens and updates the index of paths kept in file.
func build(t testing.TB, file string, paths ...string) (*Index, Stats) {
	t.Helper()
	ix, err := Open(paths, file)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	st, err := ix.Update(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	return ix, st
}

// ids runs a query and returns the ids found, in rank order.
func ids(t testing.TB, ix *Index, query string) []string {
	t.Helper()
	q, err := Parse(query)
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	hits, n, err := ix.Search(context.Background(), q, 1000)
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	if n != len(hits) {
		t.Errorf("%s: count %d, %d hits", query, n, len(hits))
	}
	out := make([]string, len(hits))
	for i, h := range hits {
		out[i] = h.ID
	}
	return out
}

// writeCSV writes the cables (files) as a Cablegate cables.csv: every
// field quoted, MySQL escapes, the text in the body column.
func writeCSV(t testing.TB, path string, files []string) {
	t.Helper()
	var b []byte
	for i, f := range files {
		text, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		c := parser.ParseAs(text, corpus.NameID(f))
		id := c.ID
		if id == "" || id[0] < '0' || id[0] > '9' {
			id = strings.TrimSuffix(filepath.Base(f), ".txt")
		}
		var refs []string
		for _, r := range c.Header.References {
			if r.ID != "" {
				refs = append(refs, r.ID)
			}
		}
		d := c.Date
		date := fmt.Sprintf("%d/%d/%d %d:%02d", d.Month(), d.Day(), d.Year(), d.Hour(), d.Minute())
		b = appendRow(b, []string{strconv.Itoa(i + 1), date, id, c.Origin, c.Classification.String(), strings.Join(refs, "|"), "", string(text)})
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func appendRow(dst []byte, fields []string) []byte {
	for i, f := range fields {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, '"')
		for j := 0; j < len(f); j++ {
			switch f[j] {
			case '\\', '"', '\'', '\n':
				dst = append(dst, '\\')
			}
			dst = append(dst, f[j])
		}
		dst = append(dst, '"')
	}
	return append(dst, '\n')
}

// testCount is the number of cables archive makes: the real test cables
// and the one that cites two of them.
func testCount(t testing.TB) int {
	files, _ := filepath.Glob(filepath.Join(realCables, "*.txt"))
	return len(files) + 1
}
