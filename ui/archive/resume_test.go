package archive

import (
	"context"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"cablereader/catalog"
	"cablereader/model"
	"cablereader/ui/common"
	"cablereader/ui/state"
)

// quit presses q and runs what it gives as the program would: the state
// is written, then the program ends.
func quit(t *testing.T, a *Archive) {
	t.Helper()
	_, cmd := a.Update(keyMsg("q"))
	if !a.quitting || cmd == nil {
		t.Fatal("q did not quit")
	}
	var run func(c tea.Cmd)
	run = func(c tea.Cmd) {
		if c == nil {
			return
		}
		msg := c()
		if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice { // a sequence or a batch
			for i := range v.Len() {
				if c, ok := v.Index(i).Interface().(tea.Cmd); ok {
					run(c)
				}
			}
		}
		if e, ok := msg.(common.StateErrMsg); ok {
			t.Fatal(e.Err)
		}
	}
	run(cmd)
}

// An archive reopens where it was left, in a second run of the program
// (a second model over the same state file): the cable open, the filter,
// the classification, the order; and the search results and the hit
// selected on them. With another archive's key, or no state, it opens
// at its top.
func TestPlaceKeptAcrossRuns(t *testing.T) {
	_, _, ix := sharedFolder(t)
	path := filepath.Join(t.TempDir(), "state.json")
	run := func(place string) *Archive {
		st, notice := state.Open(path)
		if notice != "" {
			t.Fatal(notice)
		}
		a := newArchive(parsed{ix}, common.Options{Theme: "dark", State: st, Place: place})
		send(t, a, tea.WindowSizeMsg{Width: 100, Height: 30})
		return a
	}

	a := run("folder A")
	keys(t, a, "o", "/")
	typeArch(t, a, "tokyo")
	keys(t, a, "enter")
	for a.list.level != model.Confidential {
		keys(t, a, "c")
	}
	selectID(t, a, "09TOKYO2531")
	keys(t, a, "enter", "]", "]")
	if a.cur.ID != "09TOKYO2531" {
		t.Fatalf("enter opened %s", a.cur.ID)
	}
	para := a.reader.Position()
	quit(t, a)

	// While the scan has not listed the cable yet, the list waits for it;
	// then the cable opens, and the list under it is on its row.
	{
		st, _ := state.Open(path)
		var part []catalog.Record
		for _, e := range ix.Entries() {
			if e.ID != "09TOKYO2531" {
				part = append(part, e)
			}
		}
		g := &growing{parsed: parsed{ix}, shown: part}
		s := newArchive(g, common.Options{Theme: "dark", State: st, Place: "folder A"})
		s.scanning = true
		send(t, s, tea.WindowSizeMsg{Width: 100, Height: 30})
		if s.screen != screenList || s.load.active {
			t.Fatalf("opened %s before the scan listed it", s.load.entry.ID)
		}
		arrive(t, s, g, ix.Entries())
		if s.screen != screenReader || s.cur.ID != "09TOKYO2531" {
			t.Fatalf("once listed: screen %v on %q", s.screen, s.cur.ID)
		}
		keys(t, s, "esc")
		if selectedRow(t, s).id != "09TOKYO2531" {
			t.Errorf("the list under the cable is on %s", selectedRow(t, s).id)
		}
	}

	b := run("folder A")
	if b.screen != screenReader || b.cur.ID != "09TOKYO2531" || b.reader.Position() != para {
		t.Fatalf("second run: screen %v on %q at %+v, want 09TOKYO2531 at %+v", b.screen, b.cur.ID, b.reader.Position(), para)
	}
	keys(t, b, "esc")
	l := &b.list
	if l.by != byID || l.query != "tokyo" || l.level != model.Confidential || selectedRow(t, b).id != "09TOKYO2531" {
		t.Errorf("second run's list: by %s, /%s, %v, on %s", l.by, l.query, l.level, selectedRow(t, b).id)
	}
	top := strings.Split(archText(b), "\n")[0]
	if !strings.Contains(top, "/tokyo") || !strings.Contains(top, "by id") {
		t.Errorf("second run's top bar: %q", top)
	}
	// left on the list this time, on another row
	keys(t, b, "esc", "G")
	last := selectedRow(t, b).id
	quit(t, b)
	c := run("folder A")
	if c.screen != screenList || selectedRow(t, c).id != last || c.list.filtered() {
		t.Errorf("third run: screen %v on %s (filtered %v), want the list on %s", c.screen, selectedRow(t, c).id, c.list.filtered(), last)
	}

	// another archive has its own place; --no-state keeps none
	other := run("folder B")
	if other.screen != screenList || other.list.by != byDate || other.list.cursor != 0 {
		t.Errorf("another archive: screen %v, by %s, cursor %d", other.screen, other.list.by, other.list.cursor)
	}
	none := newArchive(parsed{ix}, common.Options{Theme: "dark", Place: "folder A"})
	send(t, none, tea.WindowSizeMsg{Width: 100, Height: 30})
	if none.list.cursor != 0 || none.list.by != byDate {
		t.Errorf("without a state: cursor %d, by %s", none.list.cursor, none.list.by)
	}
}

// The search shown when the archive was left runs again, its hit
// selected.
func TestPlaceKeepsTheSearch(t *testing.T) {
	fx := loadFixture(t)
	ix := scanArchive(t, buildFolder(t, fx))
	path := filepath.Join(t.TempDir(), "state.json")
	run := func() *Archive {
		st, _ := state.Open(path)
		a := newArchive(&fakeSearch{parsed: parsed{ix}}, common.Options{Theme: "dark", State: st, Place: "folder"})
		send(t, a, tea.WindowSizeMsg{Width: 120, Height: 30})
		return a
	}
	a := run()
	keys(t, a, "s")
	typeArch(t, a, "trafficking")
	settle(t, a)
	keys(t, a, "enter", "down", "down")
	hit := a.shownHits()[a.sr.cursor].Entry.ID
	quit(t, a)

	b := run()
	runCmds(t, b, b.Init())
	if !b.sr.on || b.sr.query != "trafficking" {
		t.Fatalf("second run: search on %v, query %q", b.sr.on, b.sr.query)
	}
	settle(t, b)
	if got := b.shownHits()[b.sr.cursor].Entry.ID; got != hit {
		t.Errorf("second run: on hit %s, want %s", got, hit)
	}
	if s := archText(b); !strings.Contains(s, "hits for trafficking") {
		t.Errorf("second run's screen:\n%s", s)
	}
}

// growingSearch is a growing archive with a search index whose hits are
// the cables scanned so far, as the archive's search gives them.
type growingSearch struct {
	*growing
	f *fakeSearch
}

func (g growingSearch) Search(ctx context.Context, q string, limit int) (Results, error) {
	r, err := g.f.Search(ctx, q, limit)
	var hits []Hit
	for _, h := range r.Hits {
		if slices.ContainsFunc(g.shown, func(e catalog.Record) bool { return e.ID == h.Entry.ID }) {
			hits = append(hits, h)
		}
	}
	r.Hits = hits
	return r, err
}

func (g growingSearch) CitedBy(ctx context.Context, id string) ([]catalog.Record, error) {
	return g.f.CitedBy(ctx, id)
}

// runSearch runs cmd and its commands, the query's result included.
func runSearch(t *testing.T, a *Archive, cmd tea.Cmd) {
	t.Helper()
	runCmdsAnd(t, a, cmd, func(m tea.Msg) bool { _, ok := m.(searchDoneMsg); return ok })
}

// A search restored while the scan runs finds only the cables scanned so
// far; it runs again when the scan is done, on the hit it was left on.
func TestPlaceSearchWhileScanning(t *testing.T) {
	fx := loadFixture(t)
	ix := scanArchive(t, buildFolder(t, fx))
	f := &fakeSearch{parsed: parsed{ix}}
	full, _ := f.Search(context.Background(), "trafficking", searchLimit)
	if len(full.Hits) < 3 {
		t.Fatalf("%d hits", len(full.Hits))
	}
	want := full.Hits[2].Entry.ID
	st, _ := state.Open(filepath.Join(t.TempDir(), "state.json"))
	st.SetArchivePlace("folder", state.ArchivePlace{Cable: want, Search: "trafficking", Sort: "date"})
	var part []catalog.Record
	for _, e := range ix.Entries() {
		if e.ID != want {
			part = append(part, e)
		}
	}
	g := growingSearch{&growing{parsed: parsed{ix}, shown: part}, f}
	a := newArchive(g, common.Options{Theme: "dark", State: st, Place: "folder"})
	a.scanning = true
	a.Update(tea.WindowSizeMsg{Width: 120, Height: 30})
	runSearch(t, a, a.Init())
	if n := len(a.shownHits()); n == 0 || n == len(full.Hits) {
		t.Fatalf("%d hits while scanning", n)
	}
	g.shown = ix.Entries()
	a.Update(scanProgressMsg{})
	_, cmd := a.Update(scanDoneMsg{})
	runSearch(t, a, cmd)
	if hits := a.shownHits(); len(hits) != len(full.Hits) || hits[a.sr.cursor].Entry.ID != want {
		t.Errorf("after the scan: %d hits, on %s, want %d on %s", len(hits), hits[a.sr.cursor].Entry.ID, len(full.Hits), want)
	}
}
