package search

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// Repeated terms are folded, and a query too long or of too many terms is
// refused with a message, never run for minutes.
func TestQueryBounds(t *testing.T) {
	q, err := Parse(strings.Repeat("nuclear ", 1000))
	if err != nil || q.String() != `"nuclear"` {
		t.Errorf("nuclear x1000: %v %v", q, err)
	}
	q, err = Parse(strings.Repeat("nuclear OR ", 1000) + "nuclear weapons weapons -iran -iran tag:KTIP tag:ktip")
	if err != nil || q.String() != `"nuclear" "weapons" -"iran" tag:KTIP` {
		t.Errorf("folded: %v %v", q, err)
	}
	if q, err = Parse("iran OR iraq iraq OR iran"); err != nil || q.String() != `"iran" OR "iraq"` {
		t.Errorf("a clause twice: %v %v", q, err)
	}
	for query, msg := range map[string]string{
		strings.Repeat("nuclear OR ", 10000) + "nuclear":                           "the query is 110007 bytes long; the most is 16384: shorten it",
		strings.Repeat("w", 20000):                                                 "the query is 20000 bytes long",
		"a b c d e f g h i j k l m n o p q r s t u v w x y z aa bb cc dd ee ff gg": "the query has more than 32 different terms: leave some out",
		`"` + strings.Repeat("of ", 65) + `"`:                                      "the query has more than 64 words: leave some out",
	} {
		_, err := Parse(query)
		var qe *QueryError
		if !errors.As(err, &qe) || !strings.Contains(err.Error(), msg) {
			t.Errorf("%.40s…: %v", query, err)
		}
	}
}

// A zero-width space (or another invisible joiner) inside a word does not
// split it, in the text indexed or in the query.
func TestJoinerInsideAWord(t *testing.T) {
	dir := archive(t)
	path := filepath.Join(dir, "10TOKYO1.txt")
	data, _ := os.ReadFile(path)
	data = bytes.Replace(data, []byte("repatriation"), []byte("repa\u200btri\u00adation"), 1)
	os.WriteFile(path, data, 0o644)
	ix, _ := build(t, filepath.Join(t.TempDir(), "i.db"), dir)
	plain := ids(t, ix, "repatriation")
	if !slices.Contains(plain, "10TOKYO1") {
		t.Errorf("repatriation: %q", plain)
	}
	if got := ids(t, ix, "repa\u200btriation"); !slices.Equal(got, plain) {
		t.Errorf("repa\\u200btriation: %q, want %q", got, plain)
	}
	q, _ := Parse("nuc\u200blear")
	if q.String() != `"nuclear"` {
		t.Errorf("query %s", q)
	}
	q2, _ := Parse("repatriation")
	if sn := MakeSnippet("the victim repa\u200btriation plan", q2); len(sn.Marks) != 1 {
		t.Errorf("snippet marks %v", sn.Marks)
	}
}
