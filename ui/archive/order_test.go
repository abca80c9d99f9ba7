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

// everyThird is every third entry and those of ids, in the archive's order.
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
		ix   *corpus.Archive
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
	pos := map[string]int{} // the archive's order: by date, then id
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

// idOrder is whether the list's rows run by id.
func idOrder(a *Archive) bool {
	return slices.IsSortedFunc(a.list.all, func(x, y catalog.Record) int { return strings.Compare(x.ID, y.ID) })
}

// Over many rows o sorts in a command, as a snapshot is built: the key
// returns at once with the rows as they were and the status line saying
// it sorts; the rows come in the new order with the message, the cursor
// on its cable.
func TestSortInBackground(t *testing.T) {
	fx, _, ix := sharedFolder(t)
	defer func(n int) { asyncMin = n }(asyncMin)
	asyncMin = 1
	a := openArchive(t, ix, 100, 30)
	selectID(t, a, "09TOKYO2531")
	before := listRows(t, a)
	_, cmd := a.Update(keyMsg("o"))
	if cmd == nil || a.list.by != byDate {
		t.Fatalf("o sorted at once (by %s, cmd %v)", a.list.by, cmd != nil)
	}
	s := archText(a)
	if top := strings.Split(s, "\n")[0]; !strings.Contains(top, "sorting by id…") || !strings.Contains(lastLine(s), "sorting by id") {
		t.Errorf("while sorting: top bar %q, status %q", top, lastLine(s))
	}
	if got := listRows(t, a); !slices.Equal(got, before) {
		t.Errorf("the rows changed before the sort was done:\n%v\nwant\n%v", got, before)
	}
	keys(t, a, "j", "k") // the list still moves, and the status still says so
	if !strings.Contains(lastLine(archText(a)), "sorting by id") {
		t.Errorf("status after a key while sorting: %q", lastLine(archText(a)))
	}
	runCmds(t, a, cmd)
	s = archText(a)
	if a.sorting || a.list.by != byID || !idOrder(a) || len(a.list.all) != len(fx.cables) {
		t.Fatalf("after the sort: sorting %v, by %s, in id order %v", a.sorting, a.list.by, idOrder(a))
	}
	if top := strings.Split(s, "\n")[0]; !strings.HasSuffix(top, "cables · by id") || !strings.Contains(lastLine(s), "sorted by id") {
		t.Errorf("after the sort: top bar %q, status %q", top, lastLine(s))
	}
	if sel := selectedRow(t, a); sel.id != "09TOKYO2531" {
		t.Errorf("the cursor went to %s", sel.id)
	}
	var want []string
	for _, e := range a.list.all {
		want = append(want, common.OrDash(e.ID))
	}
	if got := rowIDs(listRows(t, a)); !slices.Equal(got, want[a.list.offset:a.list.offset+len(got)]) {
		t.Errorf("screen %v, want the rows by id from %d", got, a.list.offset)
	}
}

// o pressed again while a sort runs is taken in turn: two presses land
// on the second order after the one shown, five on the fifth (cycling),
// whenever the results come; a query keeps its rows in the new order.
func TestSortKeysTakenInTurn(t *testing.T) {
	_, _, ix := sharedFolder(t)
	defer func(n int) { asyncMin = n }(asyncMin)
	asyncMin = 1
	a := openArchive(t, ix, 100, 30)
	keys(t, a, "/")
	typeArch(t, a, "tokyo")
	keys(t, a, "enter")
	shown := rowIDs(listRows(t, a))
	_, first := a.Update(keyMsg("o"))
	_, second := a.Update(keyMsg("o"))
	if first == nil || second != nil {
		t.Fatalf("two sorts at once (first %v, second %v)", first != nil, second != nil)
	}
	if !strings.Contains(lastLine(archText(a)), "sorting by origin") || !slices.Equal(rowIDs(listRows(t, a)), shown) {
		t.Errorf("while sorting: status %q, rows %v", lastLine(archText(a)), rowIDs(listRows(t, a)))
	}
	runCmds(t, a, first) // the sort by id comes, and the one by origin after it
	if a.sorting || a.list.by != byOrigin {
		t.Fatalf("two o: by %s (sorting %v), want origin", a.list.by, a.sorting)
	}
	l := &a.list
	for i := 1; i < len(l.exact); i++ {
		x, y := &l.all[l.exact[i-1]], &l.all[l.exact[i]]
		if strings.ToLower(placeName(x)) > strings.ToLower(placeName(y)) {
			t.Errorf("/tokyo by origin: %s (%s) before %s (%s)", x.ID, placeName(x), y.ID, placeName(y))
		}
	}
	if got := rowIDs(listRows(t, a)); len(got) != len(shown) || !strings.Contains(lastLine(archText(a)), "sorted by origin") {
		t.Errorf("/tokyo by origin: %v, was %v; status %q", got, shown, lastLine(archText(a)))
	}

	var cmds []tea.Cmd
	for range 5 { // classification, date, id, origin, classification
		_, c := a.Update(keyMsg("o"))
		cmds = append(cmds, c)
	}
	if l.by != byOrigin || cmds[0] == nil || slices.ContainsFunc(cmds[1:], func(c tea.Cmd) bool { return c != nil }) {
		t.Fatalf("five o: by %s, commands %v", l.by, cmds)
	}
	runCmds(t, a, cmds[0])
	if a.sorting || l.by != byClass {
		t.Errorf("five o after origin: by %s (sorting %v), want classification", l.by, a.sorting)
	}
}

// A snapshot the scan brings while a sort runs is built in the order
// asked for, which ends the sort: the sort's rows, of the older snapshot,
// come after and are dropped. A sort started then runs as usual.
func TestSortAcrossNewSnapshot(t *testing.T) {
	_, _, ix := sharedFolder(t)
	defer func(n int) { asyncMin = n }(asyncMin)
	asyncMin = 1
	all := ix.Entries()
	g := &growing{parsed: parsed{ix}, shown: everyThird(all, "09TOKYO2531")}
	a := newArchive(g, common.Options{Theme: "dark"})
	a.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	selectID(t, a, "09TOKYO2531")
	_, cmd := a.Update(keyMsg("o"))
	arrive(t, a, g, all)
	if a.sorting || a.list.by != byID || len(a.list.all) != len(all) || !idOrder(a) {
		t.Fatalf("the snapshot during a sort: %d rows by %s (sorting %v), in id order %v", len(a.list.all), a.list.by, a.sorting, idOrder(a))
	}
	if sel := selectedRow(t, a); sel.id != "09TOKYO2531" || !strings.Contains(lastLine(archText(a)), "sorted by id") {
		t.Errorf("on %s, status %q", sel.id, lastLine(archText(a)))
	}
	_, cmd2 := a.Update(keyMsg("o"))
	seq := a.sortSeq
	runCmds(t, a, cmd) // the rows of the older snapshot, by id: dropped, no sort started again
	if !a.sorting || a.sortSeq != seq || a.list.by != byID || len(a.list.all) != len(all) {
		t.Fatalf("a stale sort was taken: %d rows by %s (sorting %v)", len(a.list.all), a.list.by, a.sorting)
	}
	runCmds(t, a, cmd2)
	if a.sorting || a.list.by != byOrigin || len(a.list.all) != len(all) {
		t.Errorf("after: %d rows by %s (sorting %v)", len(a.list.all), a.list.by, a.sorting)
	}
	if sel := selectedRow(t, a); sel.id != "09TOKYO2531" {
		t.Errorf("by origin: on %s", sel.id)
	}
}

// Keys that compare equal share a rank: their entries keep the order
// they came in.
func TestRankedIsStable(t *testing.T) {
	var entries []catalog.Record
	for _, id := range []string{"b", "A", "a", "B", "c", "a"} {
		entries = append(entries, catalog.Record{ID: id})
	}
	perm := ranked(entries, func(e *catalog.Record) string { return e.ID }, func(x, y string) int {
		return strings.Compare(strings.ToLower(x), strings.ToLower(y))
	})
	if want := []int32{1, 2, 5, 0, 3, 4}; !slices.Equal(perm, want) {
		t.Errorf("ranked: %v, want %v", perm, want)
	}
}
