package archive

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"cablereader/parser"
	"cablereader/thread"
	"cablereader/ui/common"
)

// threaded is a Source that searches (as fakeSearch) and follows threads
// over the references its cables make, as the index would.
type threaded struct {
	*fakeSearch
	mem   *thread.Memory
	links []thread.Link
}

func (s threaded) CitedByCounts(context.Context) (map[string]int, error) {
	n := map[string]int{}
	for _, l := range s.links {
		n[strings.ToUpper(l.To)]++
	}
	return n, nil
}

// Search is fakeSearch's, with the most cited hits named as the index's
// facets name them (ties in rank order).
func (s threaded) Search(ctx context.Context, query string, limit int) (Results, error) {
	r, err := s.fakeSearch.Search(ctx, query, limit)
	n, _ := s.CitedByCounts(ctx)
	for _, h := range r.Hits {
		if c := n[strings.ToUpper(h.Entry.ID)]; c > 0 {
			r.Cited = append(r.Cited, Count{h.Entry.ID, c})
		}
	}
	slices.SortStableFunc(r.Cited, func(x, y Count) int { return y.N - x.N })
	return r, err
}

func (s threaded) Thread(ctx context.Context, id string, depth int) (*thread.Thread, error) {
	th, _, err := thread.Follow(ctx, s.mem, id, depth)
	return th, err
}

// storyArchive is the crafted story of testdata/thread with the two real
// cables it cites, opened in the archive view at w×h on 10TOKYO3.
func storyArchive(t *testing.T, w, h int) *Archive {
	t.Helper()
	dir := t.TempDir()
	files, _ := filepath.Glob("../../testdata/thread/*.txt")
	if len(files) != 7 {
		t.Fatalf("found %d cables of the story", len(files))
	}
	files = append(files, "../../testdata/cables/09TOKYO2531.txt", "../../testdata/cables/09STATE63812.txt")
	var cables []thread.Cable
	var links []thread.Link
	for _, f := range files {
		text := readFile(t, f)
		writeTestFile(t, filepath.Join(dir, filepath.Base(f)), text)
		c := parser.Parse(text)
		cables = append(cables, thread.Cable{ID: c.ID, Date: c.Date.UTC().Format("2006-01-02"), Classification: c.Classification.String(),
			Origin: c.Origin, Subject: c.Header.Subject, Path: f})
		for _, r := range c.Header.References {
			if r.ID != "" {
				links = append(links, thread.Link{From: c.ID, To: r.ID, Label: r.Label, Text: r.Text})
			}
		}
	}
	ix := scanArchive(t, dir)
	src := threaded{&fakeSearch{parsed: parsed{ix}}, thread.NewMemory(cables, links), links}
	a := newArchive(src, common.Options{Theme: "dark"})
	a.Update(tea.WindowSizeMsg{Width: w, Height: h})
	runCmds(t, a, a.countCited())
	selectID(t, a, "10TOKYO3")
	keys(t, a, "enter")
	if a.cur.ID != "10TOKYO3" {
		t.Fatalf("opened %q", a.cur.ID)
	}
	return a
}

func TestThreadView(t *testing.T) {
	a := storyArchive(t, 100, 30)
	keys(t, a, "T")
	if !a.tv.on || a.tv.th == nil {
		t.Fatalf("no thread: %+v", a.tv)
	}
	golden.RequireEqual(t, []byte(archText(a)))

	// Down to 10TOKYO1 (two generations back), open it, come back.
	keys(t, a, "k", "k", "k", "k", "k", "k")
	if sel := selectedThreadRow(a); sel != "10TOKYO1" {
		t.Fatalf("selected %s", sel)
	}
	keys(t, a, "enter")
	if a.tv.on || a.cur.ID != "10TOKYO1" || !strings.Contains(archText(a), "FOLLOW-UP ON THE THAI-JAPANESE MEMORANDUM") {
		t.Fatalf("enter opened %q (thread on: %v)", a.cur.ID, a.tv.on)
	}
	keys(t, a, "backspace")
	if !a.tv.on || a.cur.ID != "10TOKYO3" || selectedThreadRow(a) != "10TOKYO1" {
		t.Fatalf("back: thread %v on %q at %s", a.tv.on, a.cur.ID, selectedThreadRow(a))
	}
	// A row pointing to another: enter goes to the full row.
	keys(t, a, "j", "j", "j", "j")
	if r := a.tv.rows()[a.tv.cursor]; !r.Again || r.ID != "10TOKYO3" {
		t.Fatalf("selected %+v", r)
	}
	keys(t, a, "enter")
	if r := a.tv.rows()[a.tv.cursor]; r.Dir != thread.Centre {
		t.Errorf("enter on a see-above row went to %+v", r)
	}
	// A cable the archive lacks says so and opens nothing.
	keys(t, a, "k")
	if r := a.tv.rows()[a.tv.cursor]; r.ID != "10BANGKOK77" || r.Held {
		t.Fatalf("selected %+v", r)
	}
	keys(t, a, "enter")
	if !a.tv.on || !strings.Contains(archText(a), "10BANGKOK77 is not in the archive") {
		t.Errorf("an absent cable:\n%s", archText(a))
	}
	// esc closes the thread; the reader is where it was.
	keys(t, a, "esc")
	if a.tv.on || a.cur.ID != "10TOKYO3" || !strings.Contains(archText(a), "TRAFFICKING MEMORANDUM SIGNED") {
		t.Errorf("esc: thread %v on %q", a.tv.on, a.cur.ID)
	}
}

func TestThreadTimeline(t *testing.T) {
	a := storyArchive(t, 100, 30)
	keys(t, a, "T", "t")
	golden.RequireEqual(t, []byte(archText(a)))
	if sel := selectedThreadRow(a); sel != "10TOKYO3" {
		t.Errorf("the timeline opened on %s, want the centre", sel)
	}
	keys(t, a, "t")
	if a.tv.timeline || selectedThreadRow(a) != "10TOKYO3" {
		t.Errorf("t again: timeline %v at %s", a.tv.timeline, selectedThreadRow(a))
	}
}

func TestThreadView80x24(t *testing.T) {
	a := storyArchive(t, 80, 24)
	keys(t, a, "T")
	golden.RequireEqual(t, []byte(archText(a)))
}

// The thread's key is on the reader's key page; without an index there
// is no thread, and the reader says why.
func TestThreadKeyListed(t *testing.T) {
	fx := loadFixture(t)
	a := openArchive(t, scanArchive(t, buildFolder(t, fx)), 120, 60)
	keys(t, a, "enter", "?")
	if v := archText(a); !strings.Contains(v, "thread: what this cites, what cites it") {
		t.Errorf("T is not on the key page:\n%s", v)
	}
	keys(t, a, "esc", "T")
	if a.tv.on || !strings.Contains(archText(a), "no search index for this archive") {
		t.Errorf("a thread without an index:\n%s", archText(a))
	}
}

func selectedThreadRow(a *Archive) string {
	rows := a.tv.rows()
	if a.tv.cursor < len(rows) {
		return rows[a.tv.cursor].ID
	}
	return ""
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// The list has a Cited column once the counts come: how many cables of
// the archive cite each one.
func TestCitedColumn(t *testing.T) {
	a := storyArchive(t, 100, 30)
	keys(t, a, "backspace")
	golden.RequireEqual(t, []byte(archText(a)))
	if len(a.cited) == 0 || a.cols.cited != 5 {
		t.Fatalf("no Cited column: %v %+v", a.cited, a.cols)
	}
}

// The search results name the most cited of their hits.
func TestSearchMostCited(t *testing.T) {
	a := storyArchive(t, 100, 30)
	keys(t, a, "backspace", "s")
	typeArch(t, a, "memorandum")
	settle(t, a)
	if v := archText(a); !strings.Contains(v, "most cited 10TOKYO1 2, 10TOKYO3 2, 10TOKYO2 1") {
		t.Errorf("no most cited line:\n%s", v)
	}
}
