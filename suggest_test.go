package main

import (
	"strings"
	"testing"
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
	if code != exitInput || out != "" || errs != "cablereader: no hits for nuclaer; did you mean nuclear (2)?\n" {
		t.Errorf("nuclaer: %d %q %q", code, out, errs)
	}
	code, _, errs = runArgs("search", "--index", db, "xyzzyqq", dir)
	if code != exitInput || errs != "cablereader: no hits for xyzzyqq\n" {
		t.Errorf("xyzzyqq: %d %q", code, errs)
	}
	_, minus, _ := runArgs("search", "--index", db, "iran -venezuela", dir)
	code, not, _ := runArgs("search", "--index", db, "iran NOT venezuela", dir)
	_, all, _ := runArgs("search", "--index", db, "iran", dir)
	if code != exitOK || not != minus || minus == "" || strings.Count(all, "\n") <= strings.Count(not, "\n") {
		t.Errorf("NOT: %d %q, want %q", code, not, minus)
	}
}
