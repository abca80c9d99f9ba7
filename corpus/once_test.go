package corpus_test

import (
	"context"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"cablereader/corpus"
	"cablereader/internal/testcsv"
	cableparser "cablereader/parser"
	"cablereader/search"
)

// A scan and a build of the search index parse each cable once: the scan
// parses each file and fills its record (caveats, references with their
// labels), the build stores the records, and a CSV row (whose scan reads
// only its first bytes) is parsed once, when its text is indexed, and
// only when it has references to label. The index's build does not
// import the parser (its snippets decode text with the parser's charset
// rule, but parse nothing), so every parse is counted here.
func TestScanAndIndexParseEachCableOnce(t *testing.T) {
	dir := t.TempDir()
	texts, _ := filepath.Glob("../testdata/cables/*.txt")
	pages, _ := filepath.Glob("../testdata/pages/*.html")
	if len(texts) < 100 || len(pages) < 3 {
		t.Fatalf("%d cables and %d pages in testdata", len(texts), len(pages))
	}
	files := 0
	copyTo := func(src, dst string) {
		data, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dst, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range texts[:40] {
		copyTo(p, filepath.Join(dir, "text", filepath.Base(p)))
		files++
	}
	for _, p := range pages[:3] {
		copyTo(p, filepath.Join(dir, "pages", filepath.Base(p)))
		files++
	}
	// A cables.csv of the other cables: those with references are parsed
	// for their labels.
	var csv []byte
	withRefs := 0
	for i, p := range texts[40:80] {
		text, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		c := cableparser.Parse(text)
		var refs []string
		for _, r := range c.Header.References {
			if r.ID != "" && r.ID != c.ID {
				refs = append(refs, r.ID)
			}
		}
		if len(refs) > 0 {
			withRefs++
		}
		h, b := testcsv.Split(text)
		id := strings.TrimSuffix(filepath.Base(p), ".txt")
		csv = testcsv.AppendRow(csv, testcsv.Row{Seq: i + 1, Date: testcsv.Date(c.Date, id), RefID: id,
			Origin: "Embassy " + strconv.Itoa(i), Class: "CONFIDENTIAL", Refs: refs, Header: h, Body: b})
	}
	if withRefs == 0 {
		t.Fatal("no row with references")
	}
	if err := os.WriteFile(filepath.Join(dir, "cables.csv"), csv, 0o644); err != nil {
		t.Fatal(err)
	}

	count, restore := corpus.CountParses()
	defer restore()
	ix, err := search.Open([]string{dir}, filepath.Join(t.TempDir(), "index.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	st, err := ix.Update(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if st.Cables != 40+3+40 {
		t.Errorf("%d cables indexed, want %d", st.Cables, 40+3+40)
	}
	if n, want := count(), int64(files+withRefs); n != want {
		t.Errorf("%d parses for %d files and %d rows with references, want %d", n, files, withRefs, want)
	}

	// The index's build does not parse: it imports no parser.
	af, err := parser.ParseFile(token.NewFileSet(), "../search/build.go", nil, parser.ImportsOnly)
	if err != nil {
		t.Fatal(err)
	}
	for _, im := range af.Imports {
		if im.Path.Value == `"cablereader/parser"` {
			t.Error("search/build.go imports the parser")
		}
	}
}
