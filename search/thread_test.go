package search

import (
	"cmp"
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"cablereader/thread"
)

func TestThreadSourceAndCitedByCounts(t *testing.T) {
	dir := archive(t)
	copyFile(t, "../testdata/thread/10TOKYO2.txt", filepath.Join(dir, "10TOKYO2.txt"))
	ix, _ := build(t, filepath.Join(t.TempDir(), "index.db"), dir)
	ctx := context.Background()
	n, err := ix.CitedByCounts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// 10TOKYO1 (search/testdata) cites 09TOKYO2531 and 09STATE63812, and
	// is cited by 10TOKYO2; 08STATE15220 cites seventeen cables once each.
	if n["09TOKYO2531"] != 1 || n["09STATE63812"] != 1 || n["10TOKYO1"] != 1 || n["05STATE201650"] != 1 || n["10TOKYO2"] != 0 {
		t.Errorf("counts %v", n)
	}
	th, held, err := thread.Follow(ctx, ix, "10tokyo1", 2)
	if err != nil || !held {
		t.Fatal(err, held)
	}
	var got []string
	for _, r := range th.Rows() {
		got = append(got, r.Dir.String()+" "+r.ID+" "+r.Label+" "+r.Cable.Date+" "+filepath.Base(r.Cable.Path))
	}
	// 09STATE63812 cites two Ashgabat cables the archive lacks.
	want := []string{"cites 09TOKYO2531 A 2009-11-02 09TOKYO2531.txt", "cites 09STATE63812 B 2009-06-19 09STATE63812.txt",
		"cites 09ASHGABAT687 A  .", "cites 09ASHGABAT733 B  .",
		"centre 10TOKYO1  2010-01-15 10TOKYO1.txt", "cited-by 10TOKYO2 A 2010-02-01 10TOKYO2.txt"}
	if len(got) != len(want) {
		t.Fatalf("%q", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("row %d: %q, want %q", i, got[i], want[i])
		}
	}
	loc, ok, err := ix.Locate(ctx, "09tokyo2531")
	if err != nil || !ok || filepath.Base(loc.Path) != "09TOKYO2531.txt" {
		t.Errorf("locate: %v %v %+v", err, ok, loc)
	}
	if _, ok, err := ix.Locate(ctx, "10BANGKOK77"); ok || err != nil {
		t.Errorf("locate an absent cable: %v %v", ok, err)
	}
}

// The facets name the most cited of all the hits of a query, not of the
// hits Search returns: here one hit is asked for, and the most cited are
// counted over the eleven.
func TestFacetsMostCited(t *testing.T) {
	dir := archive(t)
	files, _ := filepath.Glob("../testdata/thread/*.txt")
	if len(files) != 7 {
		t.Fatalf("found %d cables of the story", len(files))
	}
	for _, f := range files {
		copyFile(t, f, filepath.Join(dir, filepath.Base(f)))
	}
	ix, _ := build(t, filepath.Join(t.TempDir(), "index.db"), dir)
	ctx := context.Background()
	q, err := Parse("memorandum OR trafficking")
	if err != nil {
		t.Fatal(err)
	}
	hits, total, err := ix.Search(ctx, q, 1)
	if err != nil || len(hits) != 1 || total < 10 {
		t.Fatalf("%d hits of %d: %v", len(hits), total, err)
	}
	f, err := ix.Facets(ctx, q, 5)
	if err != nil {
		t.Fatal(err)
	}
	// Counted apart: the citers of every hit.
	all, _, _ := ix.Search(ctx, q, 1000)
	counts, _ := ix.CitedByCounts(ctx)
	var want []Count
	for _, h := range all {
		if n := counts[h.ID]; n > 0 {
			want = append(want, Count{h.ID, n})
		}
	}
	slices.SortFunc(want, func(a, b Count) int { return cmp.Or(b.N-a.N, strings.Compare(a.Key, b.Key)) })
	if len(want) < 4 || fmt.Sprint(f.Cited) != fmt.Sprint(want[:5]) {
		t.Errorf("most cited %v, want %v", f.Cited, want)
	}
	if got := fmt.Sprint(f.Cited[:3]); got != "[{10TOKYO1 2} {10TOKYO3 2} {09TOKYO2531 1}]" {
		t.Errorf("most cited %s", got)
	}
	// A query whose hits no cable cites names none.
	q, _ = Parse("id:10TOKYO7")
	if f, err := ix.Facets(ctx, q, 5); err != nil || len(f.Cited) != 0 {
		t.Errorf("10TOKYO7: %v %v", f.Cited, err)
	}
}
