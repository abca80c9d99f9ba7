package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cablereader/catalog"
	"cablereader/corpus"
	archiveui "cablereader/ui/archive"
)

// viewArchive is a folder of three real cables from testdata/cables and
// one fragment whose subject carries terminal escapes; it returns the
// folder and an index file beside it.
func viewArchive(t *testing.T) (dir, db string) {
	t.Helper()
	root := t.TempDir()
	dir = filepath.Join(root, "cables")
	os.Mkdir(dir, 0o755)
	for _, id := range []string{"09TOKYO2531", "10SHENYANG4", "09PARIS848"} {
		data, err := os.ReadFile(filepath.Join("testdata", "cables", id+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, id+".txt"), data, 0o644)
	}
	evil := "R 101200Z NOV 09\nFM AMEMBASSY TOKYO\n\nUNCLAS TOKYO 002600\n\nTAGS: KTIP\nSUBJECT: ESCAPE \x1b[2J\x1b]0;owned\x07 TEST\n\n1. Zebrafish \x1b[31mred\x1b[0m here.\n"
	os.WriteFile(filepath.Join(dir, "09TOKYO2600.txt"), []byte(evil), 0o644)
	return dir, filepath.Join(root, "index.db")
}

func TestArchiveViewSearch(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	t.Setenv("HOME", t.TempDir())
	dir, _ := viewArchive(t)
	ix, err := corpus.Open([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if err := ix.Scan(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	// No index yet: the view builds it, and searches once it is ready.
	firstSrc, _ := archiveSource(ix, []string{dir}, "")
	first, ok := firstSrc.(archiveui.Indexer)
	if !ok || first.SearchReady() {
		t.Fatalf("a source without an index: indexer %v", ok)
	}
	var reports []catalog.IndexProgress
	if err := first.BuildIndex(context.Background(), func(p catalog.IndexProgress) { reports = append(reports, p) }); err != nil {
		t.Fatal(err)
	}
	if !first.SearchReady() {
		t.Fatal("not ready after the build")
	}
	first.(searchable).fts.Close()
	// --index FILE keeps it where it says.
	file := filepath.Join(t.TempDir(), "archive.db")
	namedSrc, _ := archiveSource(ix, []string{dir}, file)
	named := namedSrc.(archiveui.Indexer)
	if err := named.BuildIndex(context.Background(), func(catalog.IndexProgress) {}); err != nil {
		t.Fatal(err)
	}
	named.(searchable).fts.Close()
	if _, err := os.Stat(file); err != nil {
		t.Errorf("--index: %v", err)
	}
	// A later open finds it ready at once.
	later, _ := archiveSource(ix, []string{dir}, "")
	src, ok := later.(archiveui.Searcher)
	if !ok || !src.(archiveui.Indexer).SearchReady() {
		t.Fatal("no search with an index in the default place")
	}
	defer src.(searchable).fts.Close()
	r, err := src.Search(context.Background(), `"human trafficking" tag:KTIP`, 10)
	if err != nil {
		t.Fatal(err)
	}
	if r.Total != 1 || len(r.Hits) != 1 || r.Hits[0].Entry.ID != "09TOKYO2531" || r.Find != "human trafficking" {
		t.Fatalf("results %+v", r)
	}
	h := r.Hits[0]
	if len(h.Marks) != 1 || h.Snippet[h.Marks[0][0]:h.Marks[0][1]] != "human trafficking" {
		t.Errorf("snippet %q marks %v", h.Snippet, h.Marks)
	}
	if len(r.Years) != 1 || r.Years[0] != (archiveui.Count{Key: "2009", N: 1}) {
		t.Errorf("years %v", r.Years)
	}
	if _, err := src.Search(context.Background(), "colour:red", 10); err == nil || !strings.Contains(err.Error(), "unknown field") {
		t.Errorf("bad query: %v", err)
	}
	cited, err := src.CitedBy(context.Background(), "09TOKYO2531")
	if err != nil || len(cited) != 0 {
		t.Errorf("cited by: %v %v", cited, err)
	}
	// A file at the index path that is not an index: no search, and the
	// view is told why.
	notes := filepath.Join(t.TempDir(), "notes.txt")
	os.WriteFile(notes, []byte("mine"), 0o644)
	plain, notice := archiveSource(ix, []string{dir}, notes)
	if _, ok := plain.(archiveui.Searcher); ok || !strings.Contains(notice, "no search: "+notes+" is not an SQLite database, not a cablereader index") {
		t.Errorf("foreign index file: searcher %v, notice %q", ok, notice)
	}
}
