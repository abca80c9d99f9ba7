package archive

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"cablereader/catalog"
	"cablereader/corpus"
	"cablereader/input"
	"cablereader/internal/testcsv"
	"cablereader/model"
	"cablereader/parser"
	"cablereader/ui/common"
	"cablereader/ui/internal/uitest"
)

const cablesDir = "../../testdata/cables"

// archCable is a real cable of testdata as an archive test uses it: its
// text (perhaps with a REF line rewritten, see linkPair), what the parser
// reads from it, and the metadata of the manifest.
type archCable struct {
	id     string // file name: the WikiLeaks refid
	text   []byte
	parsed *model.Cable
	origin string // manifest: "Embassy Tokyo" (what a CSV row has)
	class  string // manifest: "SECRET//NOFORN"
}

// archFixture is a set of real cables and a pair of them where one cites
// the other.
type archFixture struct {
	cables []archCable
	byID   map[string]*archCable
	src    string // cites dst in its REF line
	dst    string
}

var cableIDRe = regexp.MustCompile(`^(\d{2})([A-Z]+)(\d+)$`)

// loadFixture reads every real cable of testdata. No cable there cites
// another one of the set (checked below), so one REF line is rewritten to
// make such a pair: the first dated cable whose REF line cites a single
// cable gets a second item, citing the first other dated cable of the set
// by year, station and serial ("B. 01 PRETORIA 1173"). The parser is run
// on the new text to check that it reads the citation as the target's id.
func loadFixture(tb testing.TB) *archFixture {
	tb.Helper()
	manifest, err := os.ReadFile(filepath.Join(cablesDir, "manifest.tsv"))
	if err != nil {
		tb.Fatal(err)
	}
	meta := map[string][]string{}
	for _, l := range strings.Split(strings.TrimSpace(string(manifest)), "\n")[1:] {
		f := strings.Split(l, "\t")
		meta[f[0]] = f
	}
	paths, _ := filepath.Glob(filepath.Join(cablesDir, "*.txt"))
	slices.Sort(paths)
	fx := &archFixture{byID: map[string]*archCable{}}
	for _, p := range paths {
		id := strings.TrimSuffix(filepath.Base(p), ".txt")
		m, ok := meta[id]
		if !ok {
			tb.Fatalf("%s is not in manifest.tsv", id)
		}
		text, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		fx.cables = append(fx.cables, archCable{id: id, text: text, parsed: parser.Parse(text), class: m[2], origin: m[3]})
	}
	if len(fx.cables) < 100 {
		tb.Fatalf("only %d cables in %s", len(fx.cables), cablesDir)
	}
	for i := range fx.cables {
		fx.byID[fx.cables[i].id] = &fx.cables[i]
	}
	// The list names a cable by the id in its text when it is whole
	// (88BAGHDAD28.txt holds 88STATE68250).
	for i := range fx.cables {
		if id := fx.cables[i].parsed.ID; cableIDRe.MatchString(id) && fx.byID[id] == nil {
			fx.byID[id] = &fx.cables[i]
		}
	}
	// A real pair, if testdata ever has one.
	for _, c := range fx.cables {
		for _, r := range c.parsed.Header.References {
			if _, ok := fx.byID[r.ID]; ok && r.ID != c.id && fx.src == "" {
				fx.src, fx.dst = c.id, r.ID
			}
		}
	}
	if fx.src == "" {
		fx.makePair(tb)
	}
	return fx
}

var singleRef = regexp.MustCompile(`(?m)^REF: ([A-Z][A-Z ]*[A-Z] \d+) *$`)

func (fx *archFixture) makePair(tb testing.TB) {
	tb.Helper()
	var src, dst *archCable
	for i := range fx.cables {
		c := &fx.cables[i]
		refs := c.parsed.Header.References
		if src == nil && c.parsed.HasDate() && len(refs) == 1 && refs[0].ID != "" && singleRef.Match(c.text) {
			src = c
		}
	}
	for i := range fx.cables {
		c := &fx.cables[i]
		if dst == nil && c != src && c.parsed.HasDate() && cableIDRe.MatchString(c.id) && c.parsed.Header.Subject != "" {
			dst = c
		}
	}
	if src == nil || dst == nil {
		tb.Fatal("no cable to make a REF pair from")
	}
	m := cableIDRe.FindStringSubmatch(dst.id)
	cite := m[1] + " " + m[2] + " " + m[3]
	loc := singleRef.FindSubmatchIndex(src.text)
	var text []byte
	text = append(text, src.text[:loc[0]]...)
	text = append(text, "REF: A. "...)
	text = append(text, src.text[loc[2]:loc[3]]...)
	text = append(text, "  B. "+cite...)
	text = append(text, src.text[loc[1]:]...)
	src.text, src.parsed = text, parser.Parse(text)
	var ids []string
	for _, r := range src.parsed.Header.References {
		ids = append(ids, r.ID)
	}
	if len(ids) != 2 || ids[1] != dst.id {
		tb.Fatalf("rewritten REF of %s reads as %v, want a second item %s", src.id, ids, dst.id)
	}
	fx.src, fx.dst = src.id, dst.id
}

// sameOrigin finds the first origin with at least two dated cables and
// returns them in date order.
func (fx *archFixture) sameOrigin(tb testing.TB) []*archCable {
	tb.Helper()
	by := map[string][]*archCable{}
	var order []string
	for i := range fx.cables {
		c := &fx.cables[i]
		if !c.parsed.HasDate() || c.parsed.Origin == "" {
			continue
		}
		if by[c.parsed.Origin] == nil {
			order = append(order, c.parsed.Origin)
		}
		by[c.parsed.Origin] = append(by[c.parsed.Origin], c)
	}
	for _, o := range order {
		if cs := by[o]; len(cs) >= 3 {
			slices.SortFunc(cs, func(a, b *archCable) int { return a.parsed.Date.Compare(b.parsed.Date) })
			return cs
		}
	}
	tb.Fatal("no origin with three dated cables")
	return nil
}

// buildFolder writes the fixture as a folder: the text files at the top,
// and for every eighth cable that has a WikiLeaks page, the page under
// html/ instead of the text (never both: the list would show two rows).
func buildFolder(tb testing.TB, fx *archFixture) string {
	tb.Helper()
	dir := tb.TempDir()
	pages, _ := filepath.Glob(filepath.Join(cablesDir, "html", "*.html"))
	slices.Sort(pages)
	html := map[string]string{}
	for k, p := range pages {
		id := strings.TrimSuffix(filepath.Base(p), ".html")
		if k%8 == 0 && id != fx.src {
			html[id] = p
		}
	}
	for _, c := range fx.cables {
		if p, ok := html[c.id]; ok {
			page, err := os.ReadFile(p)
			if err != nil {
				tb.Fatal(err)
			}
			writeTestFile(tb, filepath.Join(dir, "html", c.id+".html"), page)
			continue
		}
		writeTestFile(tb, filepath.Join(dir, c.id+".txt"), c.text)
	}
	return dir
}

func writeTestFile(tb testing.TB, path string, data []byte) {
	tb.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		tb.Fatal(err)
	}
}

// rowFor is the cables.csv row of a cable.
func rowFor(seq int, c *archCable) testcsv.Row {
	var refs []string
	seen := map[string]bool{c.parsed.ID: true}
	for _, r := range c.parsed.Header.References {
		if r.ID != "" && !seen[r.ID] {
			seen[r.ID] = true
			refs = append(refs, r.ID)
		}
	}
	h, b := testcsv.Split(c.text)
	return testcsv.Row{Seq: seq, Date: testcsv.Date(c.parsed.Date, c.id), RefID: c.id, Origin: c.origin,
		Class: c.class, Refs: refs, Header: h, Body: b}
}

// badRow is a row the CSV test breaks, and the line it starts on.
type badRow struct {
	line int
	text string
}

// buildCSV writes a cables.csv of the given cables with two broken rows
// among them: a stray quote in field 6, and a row of three fields. It
// returns the path and the broken rows.
func buildCSV(tb testing.TB, cables []*archCable) (string, []badRow) {
	tb.Helper()
	var data []byte
	var bad []badRow
	line := func() int { return bytes.Count(data, []byte{'\n'}) + 1 }
	for i, c := range cables {
		data = testcsv.AppendRow(data, rowFor(i+1, c))
		switch i {
		case 1:
			b := `"900","5/2/2006 10:10","06NOWHERE900","Embassy Nowhere","SECRET","","","broken "quote" here"` + "\n"
			bad = append(bad, badRow{line(), b})
			data = append(data, b...)
		case 3:
			b := `"901","5/2/2006 10:10","06NOWHERE901"` + "\n"
			bad = append(bad, badRow{line(), b})
			data = append(data, b...)
		}
	}
	path := filepath.Join(tb.TempDir(), "cables.csv")
	writeTestFile(tb, path, data)
	return path, bad
}

// scanArchive opens and scans the archive at paths.
func scanArchive(tb testing.TB, paths ...string) *corpus.Archive {
	tb.Helper()
	ix, err := corpus.Open(paths)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { ix.Close() })
	if err := ix.Scan(context.Background(), nil); err != nil {
		tb.Fatal(err)
	}
	return ix
}

// openArchive returns the archive model over a scanned archive at w×h.
func openArchive(tb testing.TB, ix *corpus.Archive, w, h int) *Archive {
	tb.Helper()
	a := newArchive(parsed{ix}, common.Options{Theme: "dark"})
	a.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return a
}

// send delivers messages to the archive and runs the commands they give
// (cable loads), feeding their messages back as the program would.
func send(tb testing.TB, a *Archive, msgs ...tea.Msg) {
	tb.Helper()
	for _, m := range msgs {
		_, cmd := a.Update(m)
		runCmds(tb, a, cmd)
	}
}

func runCmds(tb testing.TB, a *Archive, cmd tea.Cmd) {
	tb.Helper()
	runCmdsAnd(tb, a, cmd, func(tea.Msg) bool { return false })
}

// runCmdsAnd is runCmds that also feeds back the messages also says.
func runCmdsAnd(tb testing.TB, a *Archive, cmd tea.Cmd, also func(tea.Msg) bool) {
	tb.Helper()
	queue := []tea.Cmd{cmd}
	for n := 0; len(queue) > 0; n++ {
		if n > 1000 {
			tb.Fatal("commands never end")
		}
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch msg := c().(type) {
		case tea.BatchMsg:
			queue = append(queue, msg...)
		case loadedMsg, filteredMsg, builtMsg, sortedMsg, common.OpenMarkMsg, threadMsg, diffMsg, copiesMsg, citedMsg:
			_, next := a.Update(msg)
			queue = append(queue, next)
		default:
			if also(msg) {
				_, next := a.Update(msg)
				queue = append(queue, next)
			}
		}
	}
}

// keys sends key presses by name (see keyMsg).
func keys(tb testing.TB, a *Archive, names ...string) {
	tb.Helper()
	for _, k := range names {
		send(tb, a, keyMsg(k))
	}
}

// typeArch sends each rune of s as a key press.
func typeArch(tb testing.TB, a *Archive, s string) {
	tb.Helper()
	for _, r := range s {
		send(tb, a, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

// archText is the archive's view as plain text.
func archText(a *Archive) string { return ansi.Strip(a.View().Content) }

// listRow is one row of the list as the screen shows it.
type listRow struct {
	sel        bool
	date, id   string
	class      string
	rest       string // origin and subject
	lineOnView int
}

// listRows reads the rows off the list screen (a layout with the date
// column). The first line is the top bar, the second the column header.
func listRows(tb testing.TB, a *Archive) []listRow {
	tb.Helper()
	if a.screen != screenList {
		tb.Fatal("the list is not on screen")
	}
	lines := strings.Split(archText(a), "\n")
	var rows []listRow
	for i, l := range lines[2 : len(lines)-1] {
		if strings.TrimSpace(l) == "" || strings.HasPrefix(l, "  ── ") {
			continue // a blank line, the separator of the fuzzy matches
		}
		r := listRow{sel: strings.HasPrefix(l, "▌"), lineOnView: i + 2}
		f := strings.Fields(strings.TrimPrefix(l, "▌"))
		if len(f) < 3 {
			tb.Fatalf("row %q", l)
		}
		r.date, r.id, r.class = f[0], f[1], f[2]
		r.rest = strings.Join(f[3:], " ")
		rows = append(rows, r)
	}
	return rows
}

func rowIDs(rows []listRow) []string {
	ids := make([]string, len(rows))
	for i, r := range rows {
		ids[i] = r.id
	}
	return ids
}

func selectedRow(tb testing.TB, a *Archive) listRow {
	tb.Helper()
	for _, r := range listRows(tb, a) {
		if r.sel {
			return r
		}
	}
	tb.Fatalf("no row selected:\n%s", archText(a))
	return listRow{}
}

// selectID moves the list's cursor down to the row of id with j.
func selectID(tb testing.TB, a *Archive, id string) {
	tb.Helper()
	keys(tb, a, "g")
	for range a.list.len() {
		if e, ok := a.list.selected(); ok && e.ID == id {
			return
		}
		keys(tb, a, "j")
	}
	tb.Fatalf("%s is not in the list", id)
}

// parsed is a corpus.Archive as the archive view takes it, as main
// adapts it.
type parsed struct{ *corpus.Archive }

func (p parsed) Open(e catalog.Record) (*model.Cable, error) {
	text, err := p.Load(e)
	if err != nil {
		return nil, err
	}
	return parser.Parse(text), nil
}

func (p parsed) OpenFile(path string) (catalog.Record, *model.Cable, error) {
	return corpus.ReadFile(path, input.Limits{})
}

func keyMsg(k string) tea.KeyPressMsg { return uitest.Key(k) }
func stripAll(s string) string        { return ansi.Strip(s) }
func stringWidth(s string) int        { return ansi.StringWidth(s) }
func waitFor(t *testing.T, tm *teatest.TestModel, what string) {
	t.Helper()
	uitest.WaitFor(t, tm, what)
}
