package archive

import (
	"context"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"cablereader/catalog"
	querylang "cablereader/query"
	"cablereader/ui/common"
)

// fakeSearch is a Source with a full-text search done by scanning the
// texts: hits are the cables whose text has the query (one word), most
// occurrences first, as an index would rank them; cited is who cites
// whom.
type fakeSearch struct {
	parsed
	cited   map[string][]string // id → the ids citing it
	queries []string
}

func (f *fakeSearch) Search(ctx context.Context, query string, limit int) (Results, error) {
	f.queries = append(f.queries, query)
	var words []string // the words of the query; its field terms narrow nothing here
	for _, w := range strings.Fields(strings.ToLower(query)) {
		if !strings.Contains(w, ":") {
			words = append(words, w)
		}
	}
	word := strings.Join(words, " ")
	type scored struct {
		e catalog.Record
		n int
		t string
	}
	var found []scored
	for _, e := range f.Entries() {
		text, err := f.Load(e)
		if err != nil {
			continue
		}
		t := string(text)
		if n := strings.Count(strings.ToLower(t), word); n > 0 {
			found = append(found, scored{e, n, t})
		}
	}
	slices.SortStableFunc(found, func(a, b scored) int { return b.n - a.n })
	r := Results{Total: len(found), Find: word}
	years := map[string]int{}
	for i, s := range found {
		y := ""
		if !s.e.Date.IsZero() {
			y = s.e.Date.Format("2006")
		}
		years[y]++
		if i >= limit {
			continue
		}
		at := strings.Index(strings.ToLower(s.t), word)
		from := max(0, at-30)
		snip := strings.Join(strings.Fields(s.t[from:min(len(s.t), at+len(word)+30)]), " ")
		m := strings.Index(strings.ToLower(snip), word)
		r.Hits = append(r.Hits, Hit{Entry: s.e, Snippet: snip, Marks: [][2]int{{m, m + len(word)}}})
	}
	for y, n := range years {
		r.Years = append(r.Years, Count{y, n})
	}
	slices.SortFunc(r.Years, func(a, b Count) int { return strings.Compare(a.Key, b.Key) })
	r.Classes = []Count{{"SECRET", 1}}
	return r, nil
}

func (f *fakeSearch) CitedBy(ctx context.Context, id string) ([]catalog.Record, error) {
	var out []catalog.Record
	for _, c := range f.cited[id] {
		if e, ok := f.Lookup(c); ok {
			out = append(out, e)
		}
	}
	return out, nil
}

// settle delivers the pending query as the debounce would, and its result.
func settle(t *testing.T, a *Archive) {
	t.Helper()
	_, cmd := a.Update(searchTickMsg{a.sr.seq})
	if cmd == nil {
		t.Fatal("the settled query did not run")
	}
	msg := cmd()
	if _, ok := msg.(searchDoneMsg); !ok {
		t.Fatalf("search gave %T", msg)
	}
	send(t, a, msg)
}

func TestFullTextSearch(t *testing.T) {
	fx := loadFixture(t)
	ix := scanArchive(t, buildFolder(t, fx))
	src := &fakeSearch{parsed: parsed{ix}, cited: map[string][]string{fx.dst: {fx.src}}}
	a := newArchive(src, common.Options{Theme: "dark"})
	a.Update(tea.WindowSizeMsg{Width: 120, Height: 30})

	keys(t, a, "s")
	typeArch(t, a, "traffickin")
	// A tick for a query since overtaken does nothing: only the last runs.
	if _, cmd := a.Update(searchTickMsg{a.sr.seq - 1}); cmd != nil {
		t.Error("a stale tick ran a query")
	}
	typeArch(t, a, "g")
	settle(t, a)
	if got := src.queries; !slices.Equal(got, []string{"trafficking"}) {
		t.Errorf("queries run: %q", got)
	}
	screen := archText(a)
	if !strings.Contains(screen, "search: trafficking") {
		t.Errorf("no prompt:\n%s", screen)
	}
	if n := a.sr.res.Total; n < 2 || !strings.Contains(screen, "hits") {
		t.Fatalf("%d hits:\n%s", n, screen)
	}
	first := a.sr.res.Hits[0].Entry.ID
	if first != "05SOFIA1207" { // the word most often in its text
		t.Errorf("first hit %s", first)
	}
	lines := strings.Split(screen, "\n")
	var row, snippet string
	for i, l := range lines {
		if strings.Contains(l, first) && i+1 < len(lines) {
			row, snippet = l, lines[i+1]
			break
		}
	}
	if !strings.Contains(row, "▸") || !strings.Contains(strings.ToLower(snippet), "trafficking") {
		t.Errorf("first hit row %q, snippet %q", row, snippet)
	}
	// the histogram of hits by year
	if !regexp.MustCompile(`(?m)^  20\d\d [ ▁▂▃▄▅▆▇█]+ 20\d\d$`).MatchString(screen) {
		t.Errorf("no histogram:\n%s", screen)
	}
	// the match is highlighted in the snippet
	if v := a.View().Content; !strings.Contains(v, a.styles.P.Match.Wrap("trafficking")) && !strings.Contains(v, a.styles.P.Match.Wrap("TRAFFICKING")) {
		t.Error("the snippet's match is not highlighted")
	}

	// Open the first hit: the reader finds the word, on screen, highlighted.
	keys(t, a, "enter", "enter")
	if a.screen != screenReader || a.cur.ID != first {
		t.Fatalf("opened %q on screen %d", a.cur.ID, a.screen)
	}
	v := a.View().Content
	if !strings.Contains(strings.ToLower(plain(v)), "trafficking") || !strings.Contains(v, a.styles.P.MatchCur.Wrap("trafficking")) && !strings.Contains(plain(v), "/trafficking") {
		t.Errorf("reader screen:\n%s", plain(v))
	}
	// back to the results with esc
	keys(t, a, "esc") // clears the reader's search
	keys(t, a, "esc")
	if a.screen != screenList || !a.sr.on {
		t.Errorf("esc from the reader: screen %d, search shown %v", a.screen, a.sr.on)
	}
	// esc leaves the search for the list
	keys(t, a, "esc")
	if a.sr.on || !strings.Contains(archText(a), "Date") {
		t.Errorf("esc did not close the search:\n%s", archText(a))
	}
}

func TestSearchCitedBy(t *testing.T) {
	fx := loadFixture(t)
	ix := scanArchive(t, buildFolder(t, fx))
	src := &fakeSearch{parsed: parsed{ix}, cited: map[string][]string{fx.dst: {fx.src}}}
	a := newArchive(src, common.Options{Theme: "dark"})
	a.Update(tea.WindowSizeMsg{Width: 120, Height: 50}) // the full header
	selectID(t, a, fx.dst)
	keys(t, a, "enter")
	if a.cur.ID != fx.dst {
		t.Fatalf("opened %q", a.cur.ID)
	}
	// The citing cable is a link in the header, followed as a reference is.
	v := plain(a.View().Content)
	if !strings.Contains(v, "Cited by") || !strings.Contains(v, "← "+fx.src) || !strings.Contains(v, "cited by 1 in the archive") {
		t.Fatalf("no cited-by link on %s:\n%s", fx.dst, v)
	}
	for range 10 {
		if r, ok := a.reader.SelectedRef(); ok && r.ID == fx.src {
			break
		}
		keys(t, a, "tab")
	}
	if r, _ := a.reader.SelectedRef(); r.ID != fx.src {
		t.Fatalf("tab never selected %s", fx.src)
	}
	if v := a.View().Content; !strings.Contains(v, a.styles.P.LinkSel.Wrap("← "+fx.src)) {
		t.Errorf("the selected cited-by link is not shown selected")
	}
	keys(t, a, "o")
	if a.cur.ID != fx.src {
		t.Fatalf("o opened %q, want %s", a.cur.ID, fx.src)
	}
	keys(t, a, "backspace")
	if a.cur.ID != fx.dst {
		t.Errorf("back at %q, want %s", a.cur.ID, fx.dst)
	}
}

func TestSearchWithoutIndex(t *testing.T) {
	fx := loadFixture(t)
	a := openArchive(t, scanArchive(t, buildFolder(t, fx)), 120, 30)
	keys(t, a, "s")
	if a.mode != listNormal || !strings.Contains(archText(a), "no full-text index") {
		t.Errorf("s without an index:\n%s", archText(a))
	}
}

func plain(s string) string { return stripAll(s) }

func TestHistogram(t *testing.T) {
	for _, tc := range []struct {
		counts []Count
		w      int
		want   string
	}{
		{[]Count{{"2006", 1}, {"2008", 4}, {"2009", 8}, {"2010", 2}}, 40, "2006 ▁ ▄█▂ 2010"},
		{[]Count{{"", 3}, {"2009", 2}}, 40, "2009 █"}, // one year, named once
		{[]Count{{"2007-02", 4}}, 40, "2007-02 █"},
		{[]Count{{"2009-11", 1}, {"2010-02", 3}}, 40, "2009-11 ▃  █ 2010-02"},
		{[]Count{{"1966", 1}, {"2010", 1}}, 40, ""}, // 45 years do not fit in 40 cells
		{[]Count{{"junk", 1}}, 40, ""},
		{nil, 40, ""},
	} {
		if got := histogram(tc.counts, tc.w); got != tc.want {
			t.Errorf("histogram(%v, %d) = %q, want %q", tc.counts, tc.w, got, tc.want)
		}
	}
}

// On the results, p, y, c and # write a field term into the query and
// run it again, from the selected hit; the same key again lifts it (c
// steps on to the next classification).
func TestNarrowSearch(t *testing.T) {
	fx := loadFixture(t)
	ix := scanArchive(t, buildFolder(t, fx))
	src := &fakeSearch{parsed: parsed{ix}}
	a := newArchive(src, common.Options{Theme: "dark"})
	a.Update(tea.WindowSizeMsg{Width: 120, Height: 30})
	keys(t, a, "s")
	typeArch(t, a, "trafficking")
	settle(t, a)
	keys(t, a, "enter")      // leave the prompt for the results
	var first catalog.Record // the first hit with a post and a date
	at := 0
	for i, h := range a.shownHits() {
		if h.Entry.Origin != "" && !h.Entry.Date.IsZero() {
			first, at = h.Entry, i
			break
		}
	}
	sel := func() { // a narrowed query starts at the first hit again
		for range at {
			keys(t, a, "down")
		}
	}
	year := first.Date.Format("2006")

	sel()
	keys(t, a, "p")
	sel()
	keys(t, a, "y")
	// c starts from the selected hit's classification, then steps on.
	order := []string{"unclassified", "confidential", "secret"}
	cls := strings.ToLower(levelOf(a.shownHits()[a.sr.cursor].Entry.Class()).String())
	i := slices.Index(order, cls)
	if i < 0 {
		t.Fatalf("the selected hit is %q", cls)
	}
	next := []string{"confidential", "secret", ""}[i]
	keys(t, a, "c")
	keys(t, a, "c")
	keys(t, a, "#")
	typeArch(t, a, "ktip")
	keys(t, a, "enter")
	sel()
	keys(t, a, "p") // lifts the post
	from := querylang.FieldTerm("from", first.Origin)
	want := []string{
		"trafficking",
		"trafficking " + from,
		"trafficking " + from + " date:" + year,
		"trafficking " + from + " date:" + year + " class:" + cls,
		"trafficking " + from + " date:" + year + " class:" + next,
		"trafficking " + from + " date:" + year + " class:" + next + " tag:KTIP",
		"trafficking date:" + year + " class:" + next + " tag:KTIP",
	}
	if next == "" {
		t.Fatal("the selected hit is secret: c twice lifts the class")
	}
	if !slices.Equal(src.queries, want) {
		t.Errorf("queries\n%q\nwant\n%q", src.queries, want)
	}
	if !strings.Contains(archText(a), "from: lifted") {
		t.Errorf("no word of the lifted term:\n%s", archText(a))
	}
}

// On the results, s reopens the query; esc there goes back to the results
// as they were, not to the list.
func TestSearchEditCancelled(t *testing.T) {
	fx := loadFixture(t)
	ix := scanArchive(t, buildFolder(t, fx))
	src := &fakeSearch{parsed: parsed{ix}}
	a := newArchive(src, common.Options{Theme: "dark"})
	a.Update(tea.WindowSizeMsg{Width: 120, Height: 30})
	keys(t, a, "s")
	typeArch(t, a, "trafficking")
	settle(t, a)
	keys(t, a, "enter")
	keys(t, a, "s")
	typeArch(t, a, " x")
	keys(t, a, "esc")
	if !a.sr.on || a.sr.query != "trafficking" || a.mode != listNormal {
		t.Fatalf("after esc: results shown %v, query %q, mode %v", a.sr.on, a.sr.query, a.mode)
	}
	first := a.shownHits()[0].Entry.ID
	keys(t, a, "enter") // opens the hit, not the list's first row
	if a.screen != screenReader || a.cur.ID != first {
		t.Fatalf("enter opened %q, want %s", a.cur.ID, first)
	}
}

// faceted is a fakeSearch whose results have every facet: origins (one
// of them unknown), TAGS and the most cited.
type faceted struct{ *fakeSearch }

func (f faceted) Search(ctx context.Context, query string, limit int) (Results, error) {
	r, err := f.fakeSearch.Search(ctx, query, limit)
	r.Origins = []Count{{"AMEMBASSY DAMASCUS", 2}, {"", 1}}
	r.Tags = []Count{{"PREL", 3}}
	r.Cited = []Count{{"09TOKYO2531", 1}}
	return r, err
}

// On a small screen the histogram and the facets give way to the results
// (at 40x10 three of them show, where two did); at every size the summary says which
// result the cursor is on, of how many.
func TestSearchResultsSmallScreen(t *testing.T) {
	fx := loadFixture(t)
	src := faceted{&fakeSearch{parsed: parsed{scanArchive(t, buildFolder(t, fx))}}}
	a := newArchive(src, common.Options{Theme: "dark"})
	a.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	keys(t, a, "s")
	typeArch(t, a, "embassy")
	settle(t, a)
	keys(t, a, "enter", "j", "j")
	for _, size := range [][2]int{{40, 10}, {80, 24}, {100, 30}} {
		send(t, a, tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		n := len(a.shownHits())
		if n < 4 {
			t.Fatalf("%d hits", n)
		}
		screen := archText(a)
		lines := strings.Split(screen, "\n")
		if len(lines) != size[1] {
			t.Errorf("%dx%d: %d lines", size[0], size[1], len(lines))
		}
		if pos := "3 of " + strconv.Itoa(n); !strings.HasSuffix(strings.TrimRight(lines[1], " "), pos) {
			t.Errorf("%dx%d: no %q on the summary: %q", size[0], size[1], pos, lines[1])
		}
		shown := 0
		for _, l := range lines {
			if regexp.MustCompile(`^(▸ |  )(\d{4}-\d\d-\d\d|—)  \d\d[A-Z]`).MatchString(l) {
				shown++
			}
		}
		// an origin not known is said to be
		if size[0] == 100 && !strings.Contains(screen, "from AMEMBASSY DAMASCUS 2, unknown 1  TAGS PREL 3") {
			t.Errorf("%dx%d: origins:\n%s", size[0], size[1], screen)
		}
		// the most cited go first
		cited := strings.Contains(screen, "most cited")
		switch {
		case size[1] == 10 && (shown != 3 || cited):
			t.Errorf("%dx%d: %d results, most cited shown %v:\n%s", size[0], size[1], shown, cited, screen)
		case size[1] > 10 && (shown < 3 || !cited || !strings.Contains(screen, "from AMEMBASSY")):
			t.Errorf("%dx%d: %d results, facets gone:\n%s", size[0], size[1], shown, screen)
		}
	}
}

// The keys page covers the results' keys: first, under its own title,
// when ? is pressed on the results; in a section of the list's keys
// otherwise.
func TestSearchResultsKeysPage(t *testing.T) {
	fx := loadFixture(t)
	a := newArchive(&fakeSearch{parsed: parsed{scanArchive(t, buildFolder(t, fx))}}, common.Options{Theme: "dark"})
	a.Update(tea.WindowSizeMsg{Width: 100, Height: 60})
	keys(t, a, "?")
	page := archText(a)
	if !strings.Contains(page, "Keys of the list") || !strings.Contains(page, "On the search results") || !strings.Contains(page, "y only this hit's year") {
		t.Errorf("the list's keys page:\n%s", page)
	}
	keys(t, a, "esc", "s")
	typeArch(t, a, "embassy")
	settle(t, a)
	keys(t, a, "enter", "?")
	page = archText(a)
	lines := strings.Split(page, "\n")
	if !strings.Contains(lines[1], "Keys of the search results") || !strings.Contains(page, "y only this hit's year") ||
		strings.Index(page, "only this hit's year") > strings.Index(page, "On the list") {
		t.Errorf("the results' keys page:\n%s", page)
	}
	keys(t, a, "esc")
	if !a.sr.on || !strings.Contains(archText(a), "hits for embassy") {
		t.Errorf("esc did not go back to the results:\n%s", archText(a))
	}
}
