package archive

import (
	"context"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"cablereader/catalog"
	"cablereader/ui/common"
)

// buildingSearch is a fakeSearch whose index is built by BuildIndex: it
// reports one step, then waits for release (or for its cancellation).
type buildingSearch struct {
	*fakeSearch
	release   chan struct{}
	ready     atomic.Bool
	cancelled atomic.Bool
}

func (b *buildingSearch) BuildIndex(ctx context.Context, progress func(catalog.IndexProgress)) error {
	progress(catalog.IndexProgress{Stage: "indexing", Cables: 1200, Bytes: 45, Total: 100, Rate: 18.2, Left: 80 * time.Second})
	select {
	case <-b.release:
		b.ready.Store(true)
		return nil
	case <-ctx.Done():
		b.cancelled.Store(true)
		return ctx.Err()
	}
}

func (b *buildingSearch) SearchReady() bool { return b.ready.Load() }

// The first open builds the index in the background: the top bar shows
// its progress, the list stays usable, a query typed meanwhile waits, and
// runs once the index is ready.
func TestIndexBuiltInBackground(t *testing.T) {
	fx := loadFixture(t)
	ix := scanArchive(t, buildFolder(t, fx))
	src := &buildingSearch{fakeSearch: &fakeSearch{parsed: parsed{ix}}, release: make(chan struct{})}
	a := newArchive(src, common.Options{Theme: "dark"})
	a.Update(tea.WindowSizeMsg{Width: 120, Height: 30})
	if a.ib == nil {
		t.Fatal("no build for an Indexer")
	}
	defer a.ib.Stop()

	msg := a.ib.start()()
	if _, ok := msg.(indexProgressMsg); !ok {
		t.Fatalf("first message %T", msg)
	}
	_, wait := a.Update(msg)
	top := strings.Split(archText(a), "\n")[0]
	for _, want := range []string{"search index 45%", "1,200 cables", "18.2 MB/s", "1m20s left"} {
		if !strings.Contains(top, want) {
			t.Errorf("top bar %q lacks %q", top, want)
		}
	}
	// The list is usable meanwhile.
	before := a.list.cursor
	keys(t, a, "j")
	if a.list.cursor != before+1 {
		t.Errorf("cursor %d after j from %d", a.list.cursor, before)
	}
	// A query typed now waits for the index.
	keys(t, a, "s")
	typeArch(t, a, "trafficking")
	if _, cmd := a.Update(searchTickMsg{a.sr.seq}); cmd != nil {
		t.Error("a query ran without an index")
	}
	if s := archText(a); !strings.Contains(s, "search index 45%") || !strings.Contains(s, "results come when it is ready") {
		t.Errorf("search screen while building:\n%s", s)
	}

	close(src.release)
	done := wait()
	if _, ok := done.(indexDoneMsg); !ok {
		t.Fatalf("end message %T", done)
	}
	_, cmd := a.Update(done)
	if cmd == nil {
		t.Fatal("the waiting query did not run once the index was ready")
	}
	send(t, a, cmd())
	if !slices.Equal(src.queries, []string{"trafficking"}) || a.sr.res.Total < 2 {
		t.Errorf("queries %q, %d hits", src.queries, a.sr.res.Total)
	}
	s := archText(a)
	if strings.Contains(s, "search index") || !strings.Contains(s, "hits") {
		t.Errorf("after the build:\n%s", s)
	}
}

// Quitting cancels a build and waits for it to stop.
func TestIndexBuildStops(t *testing.T) {
	fx := loadFixture(t)
	ix := scanArchive(t, buildFolder(t, fx))
	src := &buildingSearch{fakeSearch: &fakeSearch{parsed: parsed{ix}}, release: make(chan struct{})}
	a := newArchive(src, common.Options{Theme: "dark"})
	a.ib.start()()
	a.ib.Stop()
	if !src.cancelled.Load() {
		t.Error("the build was not cancelled")
	}
	// A build never started is not waited for.
	b := newArchive(src, common.Options{Theme: "dark"})
	b.ib.Stop()
	if msg := b.ib.start()(); msg != nil {
		t.Errorf("a stopped build started: %T", msg)
	}
}

// An update of a ready index (the walk that follows a reopen) runs the
// shown query again when it ends, and the hit selected stays selected.
func TestIndexUpdateKeepsTheHit(t *testing.T) {
	fx := loadFixture(t)
	ix := scanArchive(t, buildFolder(t, fx))
	src := &buildingSearch{fakeSearch: &fakeSearch{parsed: parsed{ix}}, release: make(chan struct{})}
	src.ready.Store(true)
	a := newArchive(src, common.Options{Theme: "dark"})
	a.Update(tea.WindowSizeMsg{Width: 120, Height: 30})
	if a.ib == nil {
		t.Fatal("no build for an Indexer")
	}
	defer a.ib.Stop()
	_, wait := a.Update(a.ib.start()())
	keys(t, a, "s")
	typeArch(t, a, "trafficking")
	settle(t, a)
	keys(t, a, "down", "down")
	hits := a.shownHits()
	if len(hits) < 3 {
		t.Fatalf("%d hits", len(hits))
	}
	want := hits[a.sr.cursor].Entry.ID

	close(src.release)
	_, cmd := a.Update(wait())
	if cmd == nil {
		t.Fatal("the query did not run again once the index was updated")
	}
	runSearch(t, a, cmd)
	if got := a.shownHits()[a.sr.cursor].Entry.ID; got != want || a.sr.cursor != 2 {
		t.Errorf("after the update: on hit %d %s, want 2 %s", a.sr.cursor, got, want)
	}
}
