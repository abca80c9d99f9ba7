package main

import (
	"context"
	"strings"
	"testing"

	"cablereader/catalog"
	"cablereader/corpus"
)

// A query that finds nothing says so on standard error, with the query
// put right from the index's words when it can be; NOT leaves a word out
// as - does.
func TestSearchNoHitsSuggests(t *testing.T) {
	dir, db := searchArchive(t)
	if code, _, errs := runArgs("index", "--index", db, dir); code != 0 {
		t.Fatalf("index: %d %q", code, errs)
	}
	code, out, errs := runArgs("search", "--index", db, "nuclaer", dir)
	if code != exitNotFound || out != "" || errs != "cablereader: no hits for nuclaer; did you mean nuclear (2)?\n" {
		t.Errorf("nuclaer: %d %q %q", code, out, errs)
	}
	code, _, errs = runArgs("search", "--index", db, "xyzzyqq", dir)
	if code != exitNotFound || errs != "cablereader: no hits for xyzzyqq\n" {
		t.Errorf("xyzzyqq: %d %q", code, errs)
	}
	_, minus, _ := runArgs("search", "--index", db, "iran -venezuela", dir)
	code, not, _ := runArgs("search", "--index", db, "iran NOT venezuela", dir)
	_, all, _ := runArgs("search", "--index", db, "iran", dir)
	if code != exitOK || not != minus || minus == "" || strings.Count(all, "\n") <= strings.Count(not, "\n") {
		t.Errorf("NOT: %d %q, want %q", code, not, minus)
	}
}

// The archive's search says what the command line says when nothing is
// found, and hands the view the query put right.
func TestArchiveSearchSuggests(t *testing.T) {
	dir, db := viewArchive(t)
	ix, err := corpus.Open([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if err := ix.Scan(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	s, notice := archiveSource(ix, []string{dir}, db)
	if notice != "" {
		t.Fatal(notice)
	}
	src := s.(searchable)
	defer src.fts.Close()
	if err := src.BuildIndex(context.Background(), func(catalog.IndexProgress) {}); err != nil {
		t.Fatal(err)
	}
	r, err := src.Search(context.Background(), "zebrafsh", 10)
	if err != nil || r.Total != 0 || r.Suggest != "zebrafish" || r.NoHits != "no hits for zebrafsh; did you mean zebrafish (1)?" {
		t.Errorf("%+v, %v", r, err)
	}
	if r, _ := src.Search(context.Background(), "zebrafish", 10); r.Total != 1 || r.NoHits != "" || r.Suggest != "" {
		t.Errorf("a query with hits: %+v", r)
	}
}
