package search

import (
	"context"
	"path/filepath"
	"slices"
	"testing"
)

// A partial record with no date and no origin (04ANKARA7211, 02ADANA386
// of the real cables) is listed as of its id's year and post; the
// search's from: and date: agree with the list. date: is to the year
// only for such a cable: a month of its year does not match it.
func TestUndatedCablesMatchTheirID(t *testing.T) {
	ix, _ := build(t, filepath.Join(t.TempDir(), "i.db"), archive(t))
	for _, tc := range []struct {
		query string
		want  []string
	}{
		{"from:ankara", []string{"04ANKARA7211"}},
		{"from:adana", []string{"02ADANA386"}},
		{"from:ankara date:2004", []string{"04ANKARA7211"}},
		{"from:ankara date:2003..2005", []string{"04ANKARA7211"}},
		{"from:ankara date:2004-01-01..2004-12-31", []string{"04ANKARA7211"}},
		{"from:ankara date:2004-01-02..2004-12-31", []string{}},
		{"from:ankara date:2004-11", []string{}},
		{"from:ankara date:2005", []string{}},
		{"from:adana date:2002", []string{"02ADANA386"}},
		{"from:adana -date:2002", []string{}},
		{"date:2004", []string{"04ANKARA7211", "04BOGOTA8900", "04BRUSSELS1868"}},
	} {
		if got := ids(t, ix, tc.query); !slices.Equal(got, tc.want) {
			t.Errorf("%s:\n got %q\nwant %q", tc.query, got, tc.want)
		}
	}
	// The histogram counts them under their id's year, and says how many
	// are undated; no month holds them.
	q, err := Parse("date:2004")
	if err != nil {
		t.Fatal(err)
	}
	f, err := ix.Facets(context.Background(), q, 5)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(f.Years, []Count{{"2004", 3}}) || f.Undated != 3 || len(f.Months) != 0 {
		t.Errorf("facets of date:2004: years %v, months %v, undated %d", f.Years, f.Months, f.Undated)
	}
}
