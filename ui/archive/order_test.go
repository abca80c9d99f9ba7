package archive

import (
	"cmp"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"cablereader/catalog"
	"cablereader/corpus"
	"cablereader/ui/common"
)

// growing is an archive whose scan has found only some of its cables so
// far: the test hands the list new snapshots as a scan would.
type growing struct {
	parsed
	shown []catalog.Record
}

func (g *growing) Entries() []catalog.Record { return g.shown }

// arrive gives the list a new snapshot of the scan.
func arrive(t *testing.T, a *Archive, g *growing, entries []catalog.Record) {
	t.Helper()
	g.shown = entries
	send(t, a, scanProgressMsg{P: catalog.Progress{}})
}

// everyThird is every third entry and those of ids, in the index's order.
func everyThird(all []catalog.Record, ids ...string) []catalog.Record {
	var part []catalog.Record
	for i, e := range all {
		if i%3 == 0 || slices.Contains(ids, e.ID) {
			part = append(part, e)
		}
	}
	return part
}

// The selection stays on its cable while the scan brings rows above it
// and the order puts them around it: enter opens the cable selected.
// 72TEHRAN1164 sorts before undated cables of 1972 and later; the list
// once looked it up by its date among them, missed it, and kept the row
// number instead (enter opened another cable).
func TestSelectionHeldWhileRowsArrive(t *testing.T) {
	_, _, ix := sharedFolder(t)
	all := ix.Entries()
	const target = "72TEHRAN1164"
	for _, order := range []string{"date", "origin"} {
		t.Run(order, func(t *testing.T) {
			g := &growing{parsed: parsed{ix}, shown: everyThird(all, target)}
			a := newArchive(g, common.Options{Theme: "dark"})
			a.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
			for a.list.by.String() != order {
				keys(t, a, "o")
			}
			selectID(t, a, target)
			before := selectedRow(t, a)
			arrive(t, a, g, all)
			if len(a.list.all) != len(all) {
				t.Fatalf("%d rows after the scan, want %d", len(a.list.all), len(all))
			}
			if after := selectedRow(t, a); after.id != target || after.lineOnView != before.lineOnView {
				t.Errorf("selected %s at line %d, was %s at line %d", after.id, after.lineOnView, target, before.lineOnView)
			}
			keys(t, a, "enter")
			if a.cur.ID != target {
				t.Errorf("enter opened %s, want %s", a.cur.ID, target)
			}
		})
	}
}

// A folder and a CSV open at the same end, the oldest cable first and
// selected (as --list prints them), whatever order their rows come in: a
// CSV's rows come as the file has them, not by date.
func TestListOpensAtTheOldest(t *testing.T) {
	fx, _, folderIx := sharedFolder(t)
	csvIx, _, _ := csvArchive(t, fx)
	for _, tc := range []struct {
		name string
		ix   *corpus.Index
	}{{"folder", folderIx}, {"csv", csvIx}} {
		t.Run(tc.name, func(t *testing.T) {
			all := tc.ix.Entries()
			g := &growing{parsed: parsed{tc.ix}, shown: all[len(all)/2:]} // the newest rows first
			a := newArchive(g, common.Options{Theme: "dark"})
			a.Update(tea.WindowSizeMsg{Width: 100, Height: 20})
			arrive(t, a, g, all)
			rows := listRows(t, a)
			if !rows[0].sel || rows[0].id != all[0].ID || a.list.offset != 0 {
				t.Errorf("first row %+v (offset %d), want %s selected", rows[0], a.list.offset, all[0].ID)
			}
			if want := all[0].Date.Format("2006-01-02"); rows[0].date != want {
				t.Errorf("first row dated %s, want %s", rows[0].date, want)
			}
		})
	}
}

// o cycles the order: date, id, origin, classification, and back; the
// top bar names it, each order is stable (ties by date, then id), and the
// cursor stays on its cable.
func TestSortKeys(t *testing.T) {
	_, _, ix := sharedFolder(t)
	a := openArchive(t, ix, 100, len(ix.Entries())+4)
	if top := strings.Split(archText(a), "\n")[0]; !strings.HasSuffix(top, "cables · by date") {
		t.Errorf("top bar %q", top)
	}
	selectID(t, a, "09TOKYO2531")
	all := ix.Entries()
	pos := map[string]int{} // the index's order: by date, then id
	for i, e := range all {
		pos[e.ID+e.Path()] = i
	}
	for _, tc := range []struct {
		name string
		cmp  func(x, y *catalog.Record) int
	}{
		{"id", func(x, y *catalog.Record) int { return strings.Compare(x.ID, y.ID) }},
		{"origin", func(x, y *catalog.Record) int {
			return strings.Compare(strings.ToLower(placeName(x)), strings.ToLower(placeName(y)))
		}},
		{"classification", func(x, y *catalog.Record) int {
			return cmp.Or(cmp.Compare(levelOf(y.Class()), levelOf(x.Class())),
				strings.Compare(classCode(x.Class()), classCode(y.Class())))
		}},
		{"date", func(x, y *catalog.Record) int { return 0 }},
	} {
		keys(t, a, "o")
		s := archText(a)
		lines := strings.Split(s, "\n")
		if !strings.HasSuffix(lines[0], "· by "+tc.name) || !strings.Contains(lastLine(s), "sorted by "+tc.name) {
			t.Errorf("%s: top bar %q, status %q", tc.name, lines[0], lastLine(s))
		}
		if sel := selectedRow(t, a); sel.id != "09TOKYO2531" {
			t.Errorf("%s: the cursor went to %s", tc.name, sel.id)
		}
		for i := 1; i < len(a.list.all); i++ {
			x, y := &a.list.all[i-1], &a.list.all[i]
			c := cmp.Or(tc.cmp(x, y), cmp.Compare(pos[x.ID+x.Path()], pos[y.ID+y.Path()]))
			if c > 0 {
				t.Fatalf("%s: %s before %s", tc.name, x.ID, y.ID)
			}
		}
		// the screen's rows are the list's
		var want []string
		for _, e := range a.list.all {
			want = append(want, common.OrDash(e.ID))
		}
		if got := rowIDs(listRows(t, a)); !slices.Equal(got, want[:len(got)]) {
			t.Errorf("%s: screen %v, want %v", tc.name, got[:5], want[:5])
		}
	}
	// a filter over an order: the rows it keeps, in that order
	keys(t, a, "o", "o")
	keys(t, a, "/")
	typeArch(t, a, "in")
	keys(t, a, "enter")
	l := &a.list
	if len(l.exact) < 2 || l.by != byOrigin {
		t.Fatalf("/in by %s kept %d rows", l.by, len(l.exact))
	}
	for i := 1; i < len(l.exact); i++ {
		x, y := &l.all[l.exact[i-1]], &l.all[l.exact[i]]
		if strings.ToLower(placeName(x)) > strings.ToLower(placeName(y)) {
			t.Errorf("/in by origin: %s (%s) before %s (%s)", x.ID, placeName(x), y.ID, placeName(y))
		}
	}
	keys(t, a, "esc", "?")
	if !strings.Contains(archText(a), "order: date, id, origin, classification") {
		t.Errorf("o is not on the keys page:\n%s", archText(a))
	}
}
