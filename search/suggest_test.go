package search

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// A one-letter typo of a common word is put right from the vocabulary of
// the real test cables: a letter left out, added, changed, or two
// swapped.
func TestSuggestTypos(t *testing.T) {
	dir := archive(t)
	ix, _ := build(t, filepath.Join(t.TempDir(), "ix.db"), dir)
	typos := []struct{ typo, want string }{
		{"goverment", "government"}, {"minsiter", "minister"}, {"embasy", "embassy"},
		{"presidnet", "president"}, {"securty", "security"}, {"politcal", "political"},
		{"econimic", "economic"}, {"foriegn", "foreign"}, {"militray", "military"},
		{"meetting", "meeting"}, {"oficials", "officials"}, {"countyr", "country"},
		{"suport", "support"}, {"nationel", "national"}, {"elecion", "election"},
		{"polcie", "police"}, {"nuclaer", "nuclear"}, {"ambasador", "ambassador"},
		{"regoin", "region"}, {"reporst", "reports"},
	}
	right := 0
	for _, c := range typos {
		q, err := Parse(c.typo)
		if err != nil {
			t.Fatal(err)
		}
		s, err := ix.Suggest(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		if s != nil {
			got = s.Query
		}
		if got == c.want {
			right++
		} else {
			t.Logf("%s: suggested %q, want %q", c.typo, got, c.want)
		}
	}
	t.Logf("%d of %d typos put right", right, len(typos))
	if right < 18 {
		t.Errorf("%d of %d typos put right, want at least 18", right, len(typos))
	}
}

// NOT before a word leaves it out, as - does; "not" in lower case is a
// word like any other.
func TestNotQuery(t *testing.T) {
	for _, c := range []struct{ not, minus string }{
		{"NOT iran", "-iran"}, {"nuclear NOT iran", "nuclear -iran"},
		{`NOT "prime minister" tag:PREL`, `-"prime minister" tag:PREL`}, {"iran NOT tag:PREL", "iran -tag:PREL"},
	} {
		a, err := Parse(c.not)
		if err != nil {
			t.Fatalf("%s: %v", c.not, err)
		}
		b, _ := Parse(c.minus)
		if a.String() != b.String() {
			t.Errorf("%s reads as %s, want %s", c.not, a, b)
		}
	}
	if q, _ := Parse("not iran"); q.String() != `"not" "iran"` {
		t.Errorf("not iran reads as %s", q)
	}
	for _, tc := range []struct{ query, msg string }{
		{`iran NOT`, `at column 6: NOT needs a word after it to leave out`},
		{`NOT -iran`, `at column 1: NOT and - both leave a word out: write one`},
		{`NOT NOT iran`, `at column 5: NOT NOT: write the word to leave out once`},
		{`iran OR NOT iraq`, `at column 6: OR cannot join a word left out with -`},
		{`iran NOT OR iraq`, `at column 10: OR needs a word on each side`},
	} {
		if _, err := Parse(tc.query); err == nil || err.Error() != tc.msg {
			t.Errorf("%s:\n got %v\nwant %s", tc.query, err, tc.msg)
		}
	}
}

// What a query that finds nothing says, with and without a suggestion.
func TestNoHits(t *testing.T) {
	if got := NoHits("  nuclaer  ", &Suggestion{"nuclear", 1310}); got != "no hits for nuclaer; did you mean nuclear (1,310)?" {
		t.Errorf("got %q", got)
	}
	if got := NoHits("xyzzy", nil); got != "no hits for xyzzy" {
		t.Errorf("got %q", got)
	}
}

// The query put right keeps its other terms, and a query whose words
// are all known gets no suggestion.
func TestSuggestKeepsTerms(t *testing.T) {
	ix, _ := build(t, filepath.Join(t.TempDir(), "ix.db"), archive(t))
	q, _ := Parse(`nuclaer -xyzzyq date:2000..2011`)
	s, err := ix.Suggest(context.Background(), q)
	if err != nil || s == nil || s.Query != "nuclear -xyzzyq date:2000..2011" || s.Hits == 0 {
		t.Errorf("suggestion %+v, %v", s, err)
	}
	q, _ = Parse(`nuclear zzzzzzzzqq`)
	if s, err := ix.Suggest(context.Background(), q); s != nil || err != nil {
		t.Errorf("no neighbour: %+v, %v", s, err)
	}
	q, _ = Parse(`nuclear`)
	if s, err := ix.Suggest(context.Background(), q); s != nil || err != nil {
		t.Errorf("known word: %+v, %v", s, err)
	}
}

// BenchmarkSuggest puts right a misspelt word of 9 letters (some 600
// words one edit away looked up in the vocabulary) and counts the hits of
// the query put right.
func BenchmarkSuggest(b *testing.B) {
	ix, _ := build(b, filepath.Join(b.TempDir(), "ix.db"), archive(b))
	q, _ := Parse("presidnet")
	for b.Loop() {
		if s, err := ix.Suggest(context.Background(), q); err != nil || s == nil {
			b.Fatal(s, err)
		}
	}
}

// A word a few cables hold, one edit from a word many more hold, is a
// typo too: goverment, in one cable, gets government.
func TestSuggestRareWord(t *testing.T) {
	dir := archive(t)
	text := "R 150600Z JAN 10\nFM AMEMBASSY TOKYO\n\nUNCLAS TOKYO 000003\n\nTAGS: KTIP\nSUBJECT: A TYPO\n\n1. The goverment said so.\n"
	if err := os.WriteFile(filepath.Join(dir, "10TOKYO3.txt"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	ix, _ := build(t, filepath.Join(t.TempDir(), "ix.db"), dir)
	if got := ids(t, ix, "goverment"); len(got) != 1 {
		t.Fatalf("goverment is in %v", got)
	}
	q, _ := Parse("goverment")
	s, err := ix.Suggest(context.Background(), q)
	if err != nil || s == nil || s.Query != "government" || s.Hits < 50 {
		t.Errorf("goverment: %+v, %v", s, err)
	}
	// A word many cables hold is left alone.
	q, _ = Parse("trafficking")
	if s, err := ix.Suggest(context.Background(), q); s != nil || err != nil {
		t.Errorf("trafficking: %+v, %v", s, err)
	}
}
