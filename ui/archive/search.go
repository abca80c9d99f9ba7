package archive

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"cablereader/catalog"
	"cablereader/model"
	"cablereader/ui/common"
)

// Full-text search. A Source that is also a Searcher (main hands the view
// the archive's index) gets a search prompt, "s": the query runs in a
// command once typing has paused for searchDelay, the last one still
// running is cancelled, and the ranked results, with their snippets, the
// count of hits and a histogram by year, replace the list until esc.

// Searcher is what a Source may also do: search its full-text index.
type Searcher interface {
	// Search runs a query (the language of cablereader search) and
	// returns up to limit hits, best first, and counts over all of them.
	Search(ctx context.Context, query string, limit int) (Results, error)
	// CitedBy lists the cables of the archive that cite id.
	CitedBy(ctx context.Context, id string) ([]catalog.Record, error)
}

// Results are a query's hits and counts over all of them.
type Results struct {
	Hits  []Hit
	Total int
	// Years are counts by year, in date order; Classes, Origins and Tags
	// the most frequent first.
	Years, Classes, Origins, Tags []Count
	Months                        []Count // YYYY-MM, in date order
	// Cited are the hits most cited in the archive (of all the hits, not
	// only those listed), with their counts of citing cables, most
	// first.
	Cited []Count
	// Find is what the reader looks for when a hit is opened: the first
	// word or phrase of the query ("" for a query of fields only).
	Find string
	// NoHits is what to say when the query finds nothing, with the query
	// put right when the index knows how ("no hits for nuclaer; did you
	// mean nuclear (1,310)?"); "" for the archive's own words.
	NoHits string
	// Suggest is the query put right ("nuclear"), or "": tab takes it.
	// DidYouMean says it with its hits ("did you mean nuclear (1,310)?").
	Suggest, DidYouMean string
}

// Hit is one cable found, with a snippet of its text; Marks are the byte
// ranges of Snippet that matched.
type Hit struct {
	Entry   catalog.Record
	Snippet string
	Marks   [][2]int
}

// Count is one bar of a histogram or one line of counts.
type Count struct {
	Key string
	N   int
}

// searchHelp is the help bar while the results are shown.
var searchHelp = []key.Binding{
	key.NewBinding(key.WithKeys("enter"), key.WithHelp("⏎", "open")),
	key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "edit the query")),
	key.NewBinding(key.WithKeys("#"), key.WithHelp("#", "TAG")),
	key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "post")),
	key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "year")),
	key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "class")),
	key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back to the list")),
	key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
}

// searchKeysHelp is the results' keys in full, for the keys page.
var searchKeysHelp = [][]key.Binding{
	{
		key.NewBinding(key.WithKeys("enter"), key.WithHelp("⏎", "open the hit at its first match (n N: the next ones)")),
		key.NewBinding(key.WithKeys("j", "k"), key.WithHelp("j/k ↓/↑", "next, previous hit")),
		key.NewBinding(key.WithKeys("s", "/"), key.WithHelp("s /", "edit the query")),
		key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "take the suggested spelling")),
		key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back to the list")),
	},
	{
		key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "only this hit's post (again: all)")),
		key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "only this hit's year (again: all)")),
		key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "only this hit's classification, then the next")),
		key.NewBinding(key.WithKeys("C"), key.WithHelp("C", "classification, backwards")),
		key.NewBinding(key.WithKeys("#"), key.WithHelp("#", "only a TAG")),
	},
}

// searchDelay is how long typing must pause before a query runs.
const searchDelay = 250 * time.Millisecond

// searchLimit is how many hits a query shows.
const searchLimit = 200

type searchState struct {
	on     bool // the results replace the list
	query  string
	seq    int
	cancel context.CancelFunc
	res    Results
	err    string
	busy   bool
	cursor int
	offset int
	// before is the query the results were shown for when s reopened the
	// prompt: esc there goes back to it instead of leaving the search.
	before string
	want   string // the id to select when the results come (a restored place)
}

type searchTickMsg struct{ seq int }

type searchDoneMsg struct {
	seq int
	res Results
	err error
}

// searchChanged schedules the prompt's query to run once typing pauses.
func (a *Archive) searchChanged() tea.Cmd {
	a.sr.query = a.prompt.Value()
	a.sr.seq++
	seq := a.sr.seq
	return tea.Tick(searchDelay, func(time.Time) tea.Msg { return searchTickMsg{seq} })
}

// takeSuggestion runs the query put right in place of one that found
// nothing, or few hits for a typo of a commoner word.
func (a *Archive) takeSuggestion() tea.Cmd {
	r := &a.sr.res
	if r.Suggest == "" || a.sr.busy {
		return nil
	}
	q := r.Suggest
	if a.mode == listSearch {
		a.prompt.SetValue(q)
	}
	a.sr.query, a.sr.cursor = q, 0
	a.sr.seq++
	return a.searchTick(searchTickMsg{a.sr.seq})
}

// searchTick runs the query if no key came since it was scheduled.
func (a *Archive) searchTick(msg searchTickMsg) tea.Cmd {
	s, ok := a.src.(Searcher)
	if !ok || msg.seq != a.sr.seq {
		return nil
	}
	if a.sr.cancel != nil {
		a.sr.cancel()
	}
	q := strings.TrimSpace(a.sr.query)
	if q == "" || !a.searchReady() {
		// Without an index yet, the query waits for the build (indexDone).
		a.sr.res, a.sr.err, a.sr.busy = Results{}, "", false
		return nil
	}
	ctx, cancel := context.WithCancel(context.Background())
	a.sr.cancel, a.sr.busy = cancel, true
	seq := msg.seq
	return common.Guard("searching", func() tea.Msg {
		res, err := s.Search(ctx, q, searchLimit)
		return searchDoneMsg{seq, res, err}
	})
}

// searchDone shows a query's results unless another query came since.
func (a *Archive) searchDone(msg searchDoneMsg) {
	if msg.seq != a.sr.seq {
		return
	}
	a.sr.busy = false
	if msg.err != nil {
		if msg.err != context.Canceled {
			// The hits of the query before are not this one's.
			a.sr.err, a.sr.res = msg.err.Error(), Results{}
		}
		return
	}
	a.sr.res, a.sr.err, a.sr.cursor, a.sr.offset = msg.res, "", 0, 0
	if a.sr.want != "" {
		for i, h := range a.shownHits() {
			if h.Entry.ID == a.sr.want {
				a.sr.cursor, a.sr.want = i, ""
				break
			}
		}
		if !a.scanning {
			a.sr.want = "" // else it may come once scanned (searchAgain)
		}
	}
}

// shownHits are the hits that pass the list's quick filters (TAG, post,
// classification).
func (a *Archive) shownHits() []Hit {
	l := &a.list
	if l.tag == "" && l.origin == "" && l.level == model.LevelUnknown {
		return a.sr.res.Hits
	}
	var out []Hit
	for _, h := range a.sr.res.Hits {
		e := &h.Entry
		if l.tag != "" && !hasTag(e, l.tag) || l.origin != "" && e.Origin != l.origin ||
			l.level != model.LevelUnknown && levelOf(e.Class()) != l.level {
			continue
		}
		out = append(out, h)
	}
	return out
}

// searchKey handles a key while the results are shown.
func (a *Archive) searchKey(msg tea.KeyPressMsg) tea.Cmd {
	hits := a.shownHits()
	switch {
	case msg.String() == "esc":
		a.closeSearch()
	case msg.String() == "s" || msg.String() == "/":
		a.mode, a.prompt = listSearch, common.NewPrompt(a.sr.query)
		a.sr.before = a.sr.query
	case msg.String() == "enter":
		if a.sr.cursor < len(hits) {
			return a.openFind(hits[a.sr.cursor].Entry, a.sr.res.Find)
		}
	case msg.String() == "down" || msg.String() == "j":
		a.sr.cursor = min(a.sr.cursor+1, max(0, len(hits)-1))
	case msg.String() == "up" || msg.String() == "k":
		a.sr.cursor = max(0, a.sr.cursor-1)
	case msg.String() == "#":
		a.mode, a.prompt = listTag, common.NewPrompt("")
		a.completeTags()
	case msg.String() == "p":
		if a.sr.cursor < len(hits) {
			return a.narrow("from", hits[a.sr.cursor].Entry.Origin)
		}
	case msg.String() == "y":
		if a.sr.cursor < len(hits) && !hits[a.sr.cursor].Entry.Date.IsZero() {
			return a.narrow("date", hits[a.sr.cursor].Entry.Date.Format("2006"))
		}
	case msg.String() == "tab":
		return a.takeSuggestion()
	case msg.String() == "c":
		if a.sr.cursor < len(hits) && !a.hasTerm("class") {
			// As p, y and #: the selected hit's, to start from.
			switch l := levelOf(hits[a.sr.cursor].Entry.Class()); l {
			case model.Unclassified, model.Confidential, model.Secret, model.TopSecret:
				return a.narrow("class", strings.ToLower(l.String()))
			}
		}
		return a.cycleClass(1)
	case msg.String() == "C":
		return a.cycleClass(-1)
	case msg.String() == "?":
		a.ov.Open(overlayKeys)
	case msg.String() == "q":
		a.quitting = true
		return common.SaveAndQuit(a.opt.State)
	}
	return nil
}

func (a *Archive) closeSearch() {
	if a.sr.cancel != nil {
		a.sr.cancel()
	}
	a.sr = searchState{seq: a.sr.seq + 1}
	a.mode, a.prompt = listNormal, common.Prompt{}
}

// openFind opens e with find highlighted in the reader.
func (a *Archive) openFind(e catalog.Record, find string) tea.Cmd {
	cmd := a.open(e, navHistory{}, nil)
	a.load.find = find
	return cmd
}

// citedBy lists the ids of the cables of the archive that cite id, which
// the reader shows as links. It asks the index: the load command calls it,
// not Update.
func citedBy(src Source, id string) []string {
	s, ok := src.(Searcher)
	if !ok || id == "" || !searchReady(src) {
		return nil
	}
	list, err := s.CitedBy(context.Background(), id)
	if err != nil {
		return nil
	}
	ids := make([]string, 0, len(list))
	for _, e := range list {
		if e.ID != "" && !strings.EqualFold(e.ID, id) {
			ids = append(ids, e.ID)
		}
	}
	return ids
}

// renderSearch writes the results screen into a.out.lines: the counts, a
// histogram by year, then two lines a hit (the row, the snippet).
func (a *Archive) renderSearch(h int) {
	st := a.styles
	w := a.width - 2
	hits := a.shownHits()
	r := &a.sr.res
	var head []string
	switch {
	case !a.searchReady():
		s := "the search index is being built; results come when it is ready"
		if p := a.indexStatus(true); p != "" {
			s = p + " · results come when it is ready"
		} else if a.ib != nil {
			s = "the search index could not be built"
		}
		head = append(head, st.P.Dim.Wrap(common.Fit(s, w)))
	case a.sr.err != "":
		head = append(head, st.P.Dim.Wrap(common.Fit("bad query: "+common.CleanLine(a.sr.err), w)))
	case a.sr.busy && r.Total == 0:
		head = append(head, st.P.Dim.Wrap(common.Fit("searching…", w)))
	case strings.TrimSpace(a.sr.query) == "":
		head = append(head, st.P.Dim.Wrap(common.Fit("type a query: words, \"a phrase\", prefix*, tag:KTIP, from:tokyo, class:secret, date:2009..2010, cites:ID", w)))
	case r.Total == 0 && !a.sr.busy:
		say := r.NoHits
		if say == "" {
			say = "no hits for " + strings.Join(strings.Fields(a.sr.query), " ")
		}
		if r.Suggest != "" {
			say += " (tab takes it)"
		}
		head = append(head, common.Fit(common.CleanLine(say), w))
	default:
		n := commas(r.Total) + " hits"
		if r.Total == 1 {
			n = "1 hit"
		}
		n += " for " + common.Fit(common.CleanLine(strings.Join(strings.Fields(a.sr.query), " ")), max(12, w/2))
		if len(hits) != len(r.Hits) {
			n += fmt.Sprintf(", %s of the first %s pass the filters", commas(len(hits)), commas(len(r.Hits)))
		}
		// where the cursor is, on the right, as the list gives its count
		pos := ""
		if len(hits) > 0 {
			pos = commas(min(a.sr.cursor, len(hits)-1)+1) + " of " + commas(len(hits))
		}
		sum := common.Fit(n+"  "+classCounts(r.Classes, 4), w-common.Width(pos)-2)
		head = append(head, common.PadRight(sum, w-common.Width(pos))+pos)
		if r.Suggest != "" && r.DidYouMean != "" {
			head = append(head, st.P.Warning.Wrap(common.Fit(common.CleanLine(r.DidYouMean)+" (tab takes it)", w)))
		}
		// the histogram and the facets, as many as leave room for a
		// few results: the most cited go first, then the facets, then
		// the histogram
		var more []string
		bars := r.Years
		if len(r.Years) <= 2 && len(r.Months) > 0 {
			bars = r.Months
		}
		if hist := histogram(bars, w); hist != "" {
			more = append(more, hist)
		}
		if len(r.Origins) > 0 || len(r.Tags) > 0 {
			more = append(more, st.P.Dim.Wrap(common.Fit("from "+counts(r.Origins, 3)+"  TAGS "+counts(r.Tags, 5), w)))
		}
		if len(r.Cited) > 0 {
			more = append(more, st.P.Dim.Wrap(common.Fit("most cited "+counts(r.Cited, 3), w)))
		}
		want := min(len(hits), minResults)
		for len(more) > 0 && (h-len(head)-len(more))/2 < want {
			more = more[:len(more)-1]
		}
		head = append(head, more...)
	}
	for _, l := range head {
		a.out.lines = append(a.out.lines, "  "+l)
	}
	rows := max(1, (h-len(head))/2)
	if a.sr.cursor < a.sr.offset {
		a.sr.offset = a.sr.cursor
	} else if a.sr.cursor >= a.sr.offset+rows {
		a.sr.offset = a.sr.cursor - rows + 1
	}
	for i := a.sr.offset; i < len(hits) && len(a.out.lines) < h-1; i++ {
		hit := hits[i]
		e := hit.Entry
		date := "—"
		if !e.Date.IsZero() {
			date = e.Date.Format("2006-01-02")
		}
		row := common.Fit(common.CleanLine(fmt.Sprintf("%s  %s  %s  %s", date, common.OrDash(e.ID), classCode(e.Class()), e.Subject)), w)
		mark := "  "
		if i == a.sr.cursor {
			row, mark = st.P.MatchCur.Wrap(row), "▸ "
		}
		a.out.lines = append(a.out.lines, mark+row, "    "+a.snippetLine(hit, w-2))
	}
	for len(a.out.lines) < h {
		a.out.lines = append(a.out.lines, "")
	}
}

// minResults is how many results the search screen keeps room for: the
// histogram and the facets give way to them on a small screen.
const minResults = 3

// snippetLine is a hit's snippet fitted to w cells, its matches
// highlighted.
func (a *Archive) snippetLine(h Hit, w int) string {
	var b strings.Builder
	at, used := 0, 0
	put := func(s string, hl bool) {
		s = common.CleanLine(s)
		if used >= w {
			return
		}
		s = common.Fit(s, w-used)
		used += common.Width(s)
		if hl {
			b.WriteString(a.styles.P.Match.Wrap(s))
		} else {
			b.WriteString(a.styles.P.Dim.Wrap(s))
		}
	}
	for _, m := range h.Marks {
		if m[0] < at || m[1] > len(h.Snippet) || m[0] > m[1] {
			continue
		}
		put(h.Snippet[at:m[0]], false)
		put(h.Snippet[m[0]:m[1]], true)
		at = m[1]
	}
	put(h.Snippet[at:], false)
	return b.String()
}

// unknownKey names the hits with no value in a count (no origin, no
// classification).
const unknownKey = "unknown"

// counts writes "KEY n, KEY n" for the first k counts; hits with no value
// are "unknown".
func counts(cs []Count, k int) string {
	parts := make([]string, 0, k)
	for _, c := range cs[:min(k, len(cs))] {
		key := c.Key
		if key == "" {
			key = unknownKey
		}
		parts = append(parts, common.CleanLine(key)+" "+commas(c.N))
	}
	return strings.Join(parts, ", ")
}

// classCounts writes the hits' counts by classification as the list
// writes classifications (classCode), grouped by level, most first, with
// the split by caveat when a level comes with one: "S 12 (S//NF 5), C 8"
// (12 SECRET hits, 5 of them NOFORN), for the k levels with most hits.
func classCounts(cs []Count, k int) string {
	type group struct {
		level string // S
		n     int
		forms []Count // S//NF, with their counts, as they first come
	}
	var groups []*group
	byLevel := map[string]*group{}
	for _, c := range cs {
		code := classCode(c.Key)
		level, _, _ := strings.Cut(code, "//")
		g := byLevel[level]
		if g == nil {
			g = &group{level: level}
			byLevel[level] = g
			groups = append(groups, g)
		}
		g.n += c.N
		if code == level {
			continue
		}
		if i := slices.IndexFunc(g.forms, func(f Count) bool { return f.Key == code }); i >= 0 {
			g.forms[i].N += c.N
		} else {
			g.forms = append(g.forms, Count{Key: code, N: c.N})
		}
	}
	slices.SortStableFunc(groups, func(x, y *group) int { return cmp.Compare(y.n, x.n) })
	parts := make([]string, 0, k)
	for _, g := range groups[:min(k, len(groups))] {
		level := common.CleanLine(g.level)
		if level == "" {
			level = unknownKey
		}
		s := level + " " + commas(g.n)
		if len(g.forms) > 0 {
			slices.SortStableFunc(g.forms, func(x, y Count) int { return cmp.Compare(y.N, x.N) })
			fs := make([]string, len(g.forms))
			for i, f := range g.forms {
				fs[i] = common.CleanLine(f.Key) + " " + commas(f.N)
			}
			s += " (" + strings.Join(fs, ", ") + ")"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, ", ")
}

// histogram draws counts by year (YYYY) or month (YYYY-MM) as a row of
// bars, one a year or month from the first to the last, both named:
// "1966 ▁▁▃▅█▇ 2010".
func histogram(years []Count, w int) string {
	var ys []Count
	for _, y := range years {
		if y.Key != "" {
			ys = append(ys, y)
		}
	}
	if len(ys) == 0 || w < 12 {
		return ""
	}
	first, last := period(ys[0].Key), period(ys[len(ys)-1].Key)
	n := last - first + 1
	if first < 0 || last < 0 || n <= 0 || n > w-len(ys[0].Key)-len(ys[len(ys)-1].Key)-2 {
		return ""
	}
	by := make([]int, n)
	top := 0
	for _, y := range ys {
		i := period(y.Key) - first
		if i >= 0 && i < n {
			by[i] = y.N
			top = max(top, y.N)
		}
	}
	bars := []rune(" ▁▂▃▄▅▆▇█")
	var b strings.Builder
	b.WriteString(ys[0].Key + " ")
	for _, c := range by {
		k := 0
		if c > 0 {
			k = 1 + c*(len(bars)-2)/top
		}
		b.WriteRune(bars[k])
	}
	if n > 1 { // one year or month is named once
		b.WriteString(" " + ys[len(ys)-1].Key)
	}
	return b.String()
}

// period numbers a year, or a month counted from year 0; -1 if neither.
func period(s string) int {
	y, m, ok := strings.Cut(s, "-")
	if !ok {
		return atoi(y)
	}
	if yy, mm := atoi(y), atoi(m); yy >= 0 && mm >= 1 && mm <= 12 {
		return yy*12 + mm - 1
	}
	return -1
}

func atoi(s string) int {
	if s == "" {
		return -1
	}
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			return -1
		}
		n = n*10 + int(c-'0')
	}
	return n
}
