package archive

import (
	"strings"
	"testing"

	"cablereader/corpus"
)

// The ID column is as wide as the widest id on screen, not in the
// archive, so at 80×24 the origin keeps its column beside a subject of
// several words.
func TestColumnsFitTheWindow(t *testing.T) {
	_, _, ix := sharedFolder(t)
	widest := 0
	for _, e := range ix.Entries() {
		widest = max(widest, len(e.ID))
	}
	for _, size := range [][2]int{{80, 24}, {100, 30}} {
		a := openArchive(t, ix, size[0], size[1])
		for n := 0; a.list.shownIDW() >= widest && n < 20; n++ {
			keys(t, a, "f")
		}
		lines := strings.Split(archText(a), "\n")
		header := lines[1]
		if !strings.Contains(header, "Origin") {
			t.Errorf("%dx%d: no origin column: %q", size[0], size[1], header)
		}
		shown := 0
		for _, r := range listRows(t, a) {
			shown = max(shown, len(r.id))
		}
		if shown >= widest {
			t.Fatalf("%dx%d: the widest id (%d) is on screen; the test proves nothing", size[0], size[1], widest)
		}
		// "ID" then spaces up to the class column: the id width and a gap
		idCol := strings.Index(header, "Class") - strings.Index(header, "ID")
		if idCol != shown+a.cols.gap {
			t.Errorf("%dx%d: ID column %d cells, the widest id on screen %d:\n%s", size[0], size[1], idCol, shown, header)
		}
		if a.cols.subject < 24 {
			t.Errorf("%dx%d: the subject gets %d cells", size[0], size[1], a.cols.subject)
		}
		// scrolled to the row with the widest id, the column widens
		keys(t, a, "G")
		for a.list.shownIDW() < widest {
			keys(t, a, "k")
		}
		if a.cols.id < widest {
			t.Errorf("%dx%d: the widest id shown in %d cells", size[0], size[1], a.cols.id)
		}
	}
}

// The search's counts by classification write them as the list does,
// grouped by level with the caveats split out.
func TestClassCounts(t *testing.T) {
	cs := []Count{
		{Key: "CONFIDENTIAL", N: 8}, {Key: "SECRET", N: 7}, {Key: "SECRET//NOFORN", N: 5},
		{Key: "UNCLASSIFIED//FOR OFFICIAL USE ONLY", N: 2}, {Key: "", N: 1}, {Key: "TOP SECRET", N: 1},
	}
	const want = "S 12 (S//NF 5), C 8, U 2 (U//FOUO 2), — 1"
	if got := classCounts(cs, 4); got != want {
		t.Errorf("classCounts\n got %q\nwant %q", got, want)
	}
}

// At 80 columns with a long id on screen and the Cited counts known, the
// origin keeps its column and the count goes first.
func TestLayoutKeepsOriginOverCited(t *testing.T) {
	c := listLayout(80, len("66BUENOSAIRES2481"), 5, 14, 20, 5)
	if c.origin == 0 || c.cited != 0 || c.subject < 24 {
		t.Errorf("80 columns: %+v", c)
	}
	if c := listLayout(100, len("66BUENOSAIRES2481"), 5, 14, 20, 5); c.origin == 0 || c.cited == 0 {
		t.Errorf("100 columns: %+v", c)
	}
}

// Every column starts under its header, on every row, at each size, as
// the list pages through ids of every width; no header is cut, even where
// every origin is shorter than "Origin" (a two-file archive).
func TestColumnsUnderTheirHeaders(t *testing.T) {
	_, _, ix := sharedFolder(t)
	two := scanArchive(t, "../../testdata/cables/05CAIRO5924.txt", "../../testdata/cables/07DUBAI355.txt")
	for _, size := range [][2]int{{100, 30}, {80, 24}, {40, 10}} {
		for _, x := range []*corpus.Archive{ix, two} {
			a := openArchive(t, x, size[0], size[1])
			for page := 0; page < 20; page++ {
				lines := strings.Split(archText(a), "\n")
				header := lines[1]
				for _, h := range []string{"Date", "ID", "Class", "Cited", "Origin", "Subject"} {
					if strings.Contains(header, h[:min(len(h), 3)]) && !strings.Contains(header, h) {
						t.Errorf("%dx%d: header %q cuts %s", size[0], size[1], header, h)
					}
				}
				col := strings.Index(header, "Class")
				if col < 0 {
					t.Fatalf("%dx%d: no class column: %q", size[0], size[1], header)
				}
				for _, l := range lines[2 : len(lines)-1] {
					if strings.TrimSpace(l) == "" || strings.HasPrefix(l, "  ── ") {
						continue
					}
					// the code starts under "Class", after a blank
					if c := []rune(l); len(c) <= col || c[col-1] != ' ' || c[col] == ' ' {
						t.Errorf("%dx%d: a class out of its column:\n%s\n%s", size[0], size[1], header, l)
					}
				}
				if a.list.offset+a.list.height >= a.list.len() {
					break
				}
				keys(t, a, "f")
			}
		}
	}
}
