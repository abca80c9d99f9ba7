package archive

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"cablereader/catalog"
	"cablereader/corpus"
	"cablereader/model"
	"cablereader/ui/common"
	"cablereader/ui/theme"
)

var (
	sharedOnce sync.Once
	sharedFx   *archFixture
	sharedDir  string
	sharedIx   *corpus.Archive
	sharedErr  string
)

// TestMain removes the folder the archive tests share.
func TestMain(m *testing.M) {
	code := m.Run()
	if sharedIx != nil {
		sharedIx.Close()
	}
	if sharedDir != "" {
		os.RemoveAll(sharedDir)
	}
	os.Exit(code)
}

// sharedFolder is the fixture written as a folder and scanned, once for
// all tests (they only read it).
func sharedFolder(t *testing.T) (*archFixture, string, *corpus.Archive) {
	t.Helper()
	sharedOnce.Do(func() {
		fx := loadFixture(t)
		dir, err := os.MkdirTemp("", "cablereader-ui-")
		if err != nil {
			sharedErr = err.Error()
			return
		}
		sharedDir = dir
		tmp := buildFolder(t, fx)
		// buildFolder writes under the test's own TempDir; move it.
		if err := os.Rename(tmp, filepath.Join(dir, "cables")); err != nil {
			sharedErr = err.Error()
			return
		}
		ix, err := corpus.Open([]string{filepath.Join(dir, "cables")})
		if err != nil {
			sharedErr = err.Error()
			return
		}
		if err := ix.Scan(t.Context(), nil); err != nil {
			sharedErr = err.Error()
			return
		}
		sharedFx, sharedIx = fx, ix
	})
	if sharedErr != "" || sharedIx == nil {
		t.Fatalf("shared folder: %s", sharedErr)
	}
	return sharedFx, filepath.Join(sharedDir, "cables"), sharedIx
}

// csvArchive is the CSV form of the test archive: the pair, a post's
// traffic, the KTIP cable and a few more, with two broken rows.
func csvArchive(t *testing.T, fx *archFixture) (*corpus.Archive, []badRow, []*archCable) {
	t.Helper()
	pick := []*archCable{fx.byID[fx.src], fx.byID[fx.dst]}
	pick = append(pick, fx.sameOrigin(t)...)
	for i := range fx.cables {
		c := &fx.cables[i]
		if slices.Contains(c.parsed.Header.Tags, "KTIP") || i%15 == 0 {
			if !slices.Contains(pick, c) {
				pick = append(pick, c)
			}
		}
	}
	path, bad := buildCSV(t, pick)
	return scanArchive(t, path), bad, pick
}

// tagged lists, in list order, the ids of the cables with a TAG.
func tagged(entries []catalog.Record, fx *archFixture, tag string) []string {
	var ids []string
	for _, e := range entries {
		if c := fx.byID[e.ID]; c != nil && slices.Contains(c.parsed.Header.Tags, tag) {
			ids = append(ids, e.ID)
		}
	}
	return ids
}

func entryIDs(entries []catalog.Record) []string {
	ids := make([]string, len(entries))
	for i, e := range entries {
		ids[i] = e.ID
	}
	return ids
}

// The list shows every cable of the folder, one row each, by date (the
// undated first), with its id, its classification as text and its
// subject.
func TestArchiveListFolder(t *testing.T) {
	fx, _, ix := sharedFolder(t)
	entries := ix.Entries()
	if len(entries) != len(fx.cables) || len(ix.Skipped()) != 0 {
		t.Fatalf("%d entries for %d cables, skipped %v", len(entries), len(fx.cables), ix.Skipped())
	}
	a := openArchive(t, ix, 100, len(entries)+4)
	rows := listRows(t, a)
	if got := rowIDs(rows); !slices.Equal(got, entryIDs(entries)) {
		t.Fatalf("rows\n%v\nwant\n%v", got, entryIDs(entries))
	}
	top := strings.Split(archText(a), "\n")[0]
	if !strings.Contains(top, strconv.Itoa(len(fx.cables))+" cables") {
		t.Errorf("top bar %q", top)
	}
	last := ""
	kinds := map[catalog.Kind]int{}
	for i, r := range rows {
		c := fx.byID[r.id]
		if c == nil {
			t.Fatalf("row %d: %s is no cable of the folder", i, r.id)
		}
		kinds[entries[i].Kind()]++
		wantDate := "undated"
		shown := "20" + r.id[:2] // an undated record shows its id's year
		if c.parsed.HasDate() {
			wantDate = c.parsed.Date.UTC().Format("2006-01-02")
			shown = wantDate
		}
		if r.date != shown {
			t.Errorf("%s: date %q, want %q", r.id, r.date, shown)
		}
		// an undated record sorts at the start of its id's year
		if shown < last {
			t.Errorf("row %d (%s %s) out of date order after %s", i, r.id, r.date, last)
		}
		last = shown
		if want := classCode(c.parsed.Classification.WithControls(c.parsed.Caveats)); r.class != want { // the banner with NOFORN of a line of its own
			t.Errorf("%s: class %q, want %q", r.id, r.class, want)
		}
		if s := c.parsed.Header.Subject; s != "" && !strings.Contains(r.rest, strings.Fields(s)[0]) {
			t.Errorf("%s: row %q lacks its subject %q", r.id, r.rest, s)
		}
	}
	if kinds[catalog.KindText] == 0 || kinds[catalog.KindHTML] == 0 {
		t.Errorf("kinds %v: want text files and pages", kinds)
	}
	if !rows[0].sel || rows[1].sel {
		t.Error("the first row is not the selected one")
	}

	// Wide: the classification in words; the known cables are there.
	w := openArchive(t, ix, 180, len(entries)+4)
	s := archText(w)
	for _, want := range []string{"09TOKYO2531", "CONFIDENTIAL", "THAILAND AND JAPAN TO INK SOP ON TIP", "Tokyo", "Origin", "Subject"} {
		if !strings.Contains(s, want) {
			t.Errorf("wide list lacks %q", want)
		}
	}
}

// "#" narrows the list to the cables with a TAG, "/" to the fuzzy query,
// "c" to a classification, "p" to a post; esc clears them all and the
// cursor stays on its cable.
func TestArchiveFilters(t *testing.T) {
	fx, _, ix := sharedFolder(t)
	entries := ix.Entries()
	a := openArchive(t, ix, 100, len(entries)+4)

	// The TAG of the issue, and one that more cables carry.
	counts := map[string]int{}
	for _, c := range fx.cables {
		for _, tg := range c.parsed.Header.Tags {
			counts[tg]++
		}
	}
	multi := ""
	for tg, n := range counts {
		if n >= 4 && n <= 12 && (multi == "" || tg < multi) {
			multi = tg
		}
	}
	for _, tag := range []string{"KTIP", multi} {
		want := tagged(entries, fx, tag)
		if len(want) == 0 || len(want) == len(entries) {
			t.Fatalf("TAG %s: %d cables; the test proves nothing", tag, len(want))
		}
		keys(t, a, "#")
		typeArch(t, a, strings.ToLower(tag)) // case does not matter
		keys(t, a, "enter")
		if got := rowIDs(listRows(t, a)); !slices.Equal(got, want) {
			t.Errorf("#%s: rows %v, want %v", tag, got, want)
		}
		top := strings.Split(archText(a), "\n")[0]
		if !strings.Contains(top, "#"+tag) || !strings.Contains(top, strconv.Itoa(len(want))+" of "+strconv.Itoa(len(entries))) {
			t.Errorf("#%s: top bar %q", tag, top)
		}
	}
	keys(t, a, "esc")
	if n := len(listRows(t, a)); n != len(entries) {
		t.Fatalf("esc left %d rows", n)
	}

	// tab in the TAG prompt offers the selected row's TAGS
	selectID(t, a, "09TOKYO2531")
	keys(t, a, "#", "tab")
	if !strings.HasPrefix(lastLine(archText(a)), "#KTIP") {
		t.Errorf("tab in the TAG prompt: %q", lastLine(archText(a)))
	}
	keys(t, a, "tab", "enter")
	if got := rowIDs(listRows(t, a)); !slices.Equal(got, tagged(entries, fx, "PGOV")) {
		t.Errorf("#PGOV by tab: %v", got)
	}
	keys(t, a, "esc")
	if sel := selectedRow(t, a); sel.id != "09TOKYO2531" {
		t.Errorf("after esc the cursor is on %s", sel.id)
	}

	// The fuzzy filter: the rows whose id, subject, origin or TAGS hold
	// "tehran" first, in date order; "thrn" finds them as fuzzy matches.
	var exact []string
	for _, e := range entries {
		all := strings.ToLower(e.ID + " " + e.Subject + " " + e.Origin + " " + strings.Join(e.Tags, " "))
		if strings.Contains(all, "tehran") {
			exact = append(exact, e.ID)
		}
	}
	if len(exact) < 3 {
		t.Fatalf("only %d Tehran cables", len(exact))
	}
	keys(t, a, "/")
	typeArch(t, a, "tehran")
	if got := rowIDs(listRows(t, a)); !slices.Equal(got[:min(len(got), len(exact))], exact) || len(a.list.exact) != len(exact) {
		t.Errorf("/tehran: rows %v, want first %v", got, exact)
	}
	if !strings.Contains(lastLine(archText(a)), "/tehran") {
		t.Errorf("prompt %q", lastLine(archText(a)))
	}
	keys(t, a, "esc") // cancels the prompt: the query it replaced comes back
	if a.list.query != "" || len(listRows(t, a)) != len(entries) {
		t.Errorf("esc in the prompt kept %q", a.list.query)
	}
	keys(t, a, "/")
	typeArch(t, a, "thrn")
	keys(t, a, "enter")
	got := rowIDs(listRows(t, a))
	for _, id := range exact {
		if strings.Contains(id, "TEHRAN") && !slices.Contains(got, id) {
			t.Errorf("/thrn lacks %s: %v", id, got)
		}
	}
	if top := strings.Split(archText(a), "\n")[0]; !strings.Contains(top, "fuzzy") || !strings.Contains(top, "/thrn") {
		t.Errorf("top bar %q", top)
	}
	keys(t, a, "backspace", "backspace") // outside the prompt: no effect
	if a.list.query != "thrn" {
		t.Errorf("query %q", a.list.query)
	}
	keys(t, a, "esc")

	// Classification: c cycles through the levels present, then all.
	var levels []model.Level
	for _, e := range entries {
		if l := levelOf(e.Class()); l != model.LevelUnknown && !slices.Contains(levels, l) {
			levels = append(levels, l)
		}
	}
	slices.Sort(levels)
	for _, lv := range levels {
		keys(t, a, "c")
		var want []string
		for _, e := range entries {
			if c := fx.byID[e.ID]; c.parsed.Classification.Level == lv {
				want = append(want, e.ID)
			}
		}
		if got := rowIDs(listRows(t, a)); !slices.Equal(got, want) {
			t.Errorf("c → %s: rows %v, want %v", lv, got, want)
		}
	}
	keys(t, a, "c")
	if a.list.level != model.LevelUnknown || len(listRows(t, a)) != len(entries) {
		t.Errorf("c after the last level: %v", a.list.level)
	}

	// p: only the selected row's post; the cursor stays on it.
	post := fx.sameOrigin(t)
	selectID(t, a, post[1].id)
	keys(t, a, "p")
	var want []string
	for _, e := range entries {
		if e.Origin == post[0].parsed.Origin {
			want = append(want, e.ID)
		}
	}
	if got := rowIDs(listRows(t, a)); !slices.Equal(got, want) || selectedRow(t, a).id != post[1].id {
		t.Errorf("p: rows %v (selected %s), want %v", got, selectedRow(t, a).id, want)
	}
	keys(t, a, "p")
	if len(listRows(t, a)) != len(entries) || selectedRow(t, a).id != post[1].id {
		t.Error("p again did not show every post")
	}
}

func lastLine(s string) string {
	lines := strings.Split(s, "\n")
	return lines[len(lines)-1]
}

// enter opens the cable; its reference to a cable of the archive is a
// link, the other one is marked as not in the archive; o follows the
// link, and backspace goes back to the first cable where it was read,
// then to the list with the same row selected. Over the folder and over
// the CSV made from the same cables.
func TestArchiveOpenFollowBack(t *testing.T) {
	fx, _, folderIx := sharedFolder(t)
	csvIx, _, _ := csvArchive(t, fx)
	src, dst := fx.byID[fx.src], fx.byID[fx.dst]
	for _, tc := range []struct {
		name string
		ix   *corpus.Archive
	}{{"folder", folderIx}, {"csv", csvIx}} {
		t.Run(tc.name, func(t *testing.T) {
			a := openArchive(t, tc.ix, 100, 40)
			selectID(t, a, src.id)
			before := selectedRow(t, a)
			keys(t, a, "enter")
			if a.screen != screenReader || a.cur.ID != src.id {
				t.Fatalf("enter opened %q (screen %v)", a.cur.ID, a.screen)
			}
			s := archText(a)
			if !strings.Contains(s, src.parsed.Header.Subject) {
				t.Fatalf("%s's subject not on screen:\n%s", src.id, s)
			}
			refs := s[strings.Index(s, "References"):] // the field may take two lines
			other := src.parsed.Header.References[0].ID
			if !strings.Contains(refs, "B. "+cableIDRe.ReplaceAllString(dst.id, "$1 $2 $3")+" → "+dst.id) ||
				!strings.Contains(refs, other+") · not in archive") {
				t.Errorf("references not marked:\n%s", refs)
			}
			if !strings.Contains(lastLine(s), "the cited cable in the archive") && !strings.Contains(lastLine(s), "1 of 2 cited cables") {
				t.Errorf("footer on opening: %q", lastLine(s))
			}
			// the link is drawn reversed and underlined, the other dim
			if raw := a.View().Content; !strings.Contains(raw, theme.NewStyles(true).P.LinkSel.Open+"B. ") {
				t.Error("the selected link is not painted")
			}

			top := a.reader.Position()
			keys(t, a, "ctrl+d")
			pos := a.reader.Position()
			if pos == top {
				t.Fatal("ctrl+d did not scroll; the test proves nothing")
			}
			keys(t, a, "o")
			if a.cur.ID != dst.id || !strings.Contains(archText(a), dst.parsed.Header.Subject) {
				t.Fatalf("o opened %s:\n%s", a.cur.ID, archText(a))
			}
			if !strings.Contains(lastLine(archText(a)), "⌫ goes back to "+src.id) {
				t.Errorf("footer after following: %q", lastLine(archText(a)))
			}
			keys(t, a, "backspace")
			if a.cur.ID != src.id || !strings.Contains(archText(a), src.parsed.Header.Subject) {
				t.Fatalf("backspace opened %s", a.cur.ID)
			}
			if got := a.reader.Position(); got != pos {
				t.Errorf("back at %+v, left at %+v", got, pos)
			}
			keys(t, a, "backspace")
			if a.screen != screenList {
				t.Fatal("the second backspace did not return to the list")
			}
			if after := selectedRow(t, a); after.id != src.id || after.lineOnView != before.lineOnView {
				t.Errorf("list back on %s at line %d, left on %s at line %d", after.id, after.lineOnView, src.id, before.lineOnView)
			}

			// ctrl+o and ← go back too; esc goes straight to the list
			keys(t, a, "enter", "o", "ctrl+o")
			if a.cur.ID != src.id {
				t.Errorf("ctrl+o: on %s", a.cur.ID)
			}
			keys(t, a, "right", "left")
			if a.cur.ID != src.id {
				t.Errorf("→ then ←: on %s", a.cur.ID)
			}
			keys(t, a, "o", "esc")
			if a.screen != screenList || len(a.nav.back) != 0 || selectedRow(t, a).id != src.id {
				t.Errorf("esc: screen %v, history %d", a.screen, len(a.nav.back))
			}
		})
	}
}

// tab cycles the links; a cable whose references are all elsewhere says
// so when asked to follow one.
func TestArchiveRefSelection(t *testing.T) {
	fx, _, ix := sharedFolder(t)
	a := openArchive(t, ix, 100, 40)
	selectID(t, a, fx.src)
	keys(t, a, "enter", "tab")
	if !strings.Contains(lastLine(archText(a)), "→ "+fx.dst) {
		t.Errorf("tab: %q", lastLine(archText(a)))
	}
	keys(t, a, "esc")
	// a cable citing cables that are not in the archive
	var lone string
	for _, c := range fx.cables {
		if len(c.parsed.Header.References) > 0 && c.id != fx.src {
			if _, ok := ix.Lookup(c.id); ok {
				lone = c.id
				break
			}
		}
	}
	selectID(t, a, lone)
	keys(t, a, "enter", "tab")
	if !strings.Contains(lastLine(archText(a)), "none of the cables this one cites is in the archive") {
		t.Errorf("tab on %s: %q", lone, lastLine(archText(a)))
	}
	keys(t, a, "o")
	if a.cur.ID != lone || !strings.Contains(lastLine(archText(a)), "none of the cables") {
		t.Errorf("o on %s: %q", lone, lastLine(archText(a)))
	}
}

// ( and ) move through a post's traffic; backspace walks the same way
// back.
func TestArchiveSamePost(t *testing.T) {
	fx, _, ix := sharedFolder(t)
	post := fx.sameOrigin(t)
	a := openArchive(t, ix, 100, 40)
	selectID(t, a, post[0].id)
	keys(t, a, "enter", "(")
	if a.cur.ID != post[0].id || !strings.Contains(lastLine(archText(a)), "no earlier cable from "+post[0].parsed.Origin) {
		t.Errorf("( on the first: %s %q", a.cur.ID, lastLine(archText(a)))
	}
	for _, step := range []struct {
		key  string
		want *archCable
	}{{")", post[1]}, {")", post[2]}, {"(", post[1]}} {
		keys(t, a, step.key)
		if a.cur.ID != step.want.id || !strings.Contains(archText(a), step.want.parsed.Header.Subject) {
			t.Fatalf("%s: on %s, want %s", step.key, a.cur.ID, step.want.id)
		}
	}
	for _, want := range []*archCable{post[2], post[1], post[0]} {
		keys(t, a, "backspace")
		if a.cur.ID != want.id || a.screen != screenReader {
			t.Fatalf("backspace: on %s, want %s", a.cur.ID, want.id)
		}
	}
	keys(t, a, "backspace")
	if a.screen != screenList || selectedRow(t, a).id != post[0].id {
		t.Error("the last backspace did not return to the list")
	}
}

// esc in the reader first closes what is open (a search, the routing
// pane), then returns to the list; keys typed in a prompt stay there.
func TestArchiveEscInReader(t *testing.T) {
	fx, _, ix := sharedFolder(t)
	a := openArchive(t, ix, 100, 40)
	selectID(t, a, fx.src)
	keys(t, a, "enter", "/")
	typeArch(t, a, "the(o)")
	keys(t, a, "backspace", "backspace", "backspace", "backspace", "enter")
	if a.cur.ID != fx.src || !strings.Contains(lastLine(archText(a)), "/th ") {
		t.Fatalf("keys in the search prompt left the reader: on %s", a.cur.ID)
	}
	keys(t, a, "esc")
	if a.screen != screenReader || strings.Contains(lastLine(archText(a)), "/th ") {
		t.Fatal("esc did not just clear the search")
	}
	keys(t, a, "r", "esc")
	if a.screen != screenReader || strings.Contains(archText(a), "ROUTING DETAILS") {
		t.Fatal("esc did not just hide the routing")
	}
	keys(t, a, "?", "esc")
	if a.screen != screenReader || strings.Contains(archText(a), "(esc or ? closes") {
		t.Fatal("esc did not just close the keys page")
	}
	keys(t, a, "esc")
	if a.screen != screenList {
		t.Fatal("esc did not return to the list")
	}
}

// Over the Cablegate CSV: the good rows are listed, the broken ones are
// counted and listed with their line numbers on "!", and the rest opens.
func TestArchiveCSV(t *testing.T) {
	fx, _, _ := sharedFolder(t)
	ix, bad, cables := csvArchive(t, fx)
	a := openArchive(t, ix, 100, len(cables)+6)
	rows := listRows(t, a)
	var want []string
	for _, e := range ix.Entries() {
		want = append(want, e.ID)
	}
	if len(rows) != len(cables) || !slices.Equal(rowIDs(rows), want) {
		t.Fatalf("rows %v, want the %d good ones %v", rowIDs(rows), len(cables), want)
	}
	for _, r := range rows {
		if strings.Contains(r.id, "NOWHERE") {
			t.Errorf("broken row listed: %v", r)
		}
	}
	top := strings.Split(archText(a), "\n")[0]
	if !strings.Contains(top, "⚠ 2 skipped (!)") {
		t.Errorf("top bar %q", top)
	}
	keys(t, a, "!")
	s := archText(a)
	for _, b := range bad {
		if !strings.Contains(s, "cables.csv:"+strconv.Itoa(b.line)+" ") {
			t.Errorf("overlay lacks line %d:\n%s", b.line, s)
		}
	}
	for _, why := range []string{"unescaped quote in field 8", "the row has 3 fields, want 8"} {
		if !strings.Contains(s, why) {
			t.Errorf("overlay lacks %q", why)
		}
	}
	if !strings.Contains(s, "Skipped while reading the archive: 2 CSV rows\n") && !strings.Contains(s, "Skipped while reading the archive: 2 CSV rows ") {
		t.Errorf("overlay title:\n%s", s)
	}
	keys(t, a, "esc")
	if strings.Contains(archText(a), "CSV rows") {
		t.Error("esc did not close the overlay")
	}
	// A TAG filter and an open over the CSV.
	keys(t, a, "#")
	typeArch(t, a, "KTIP")
	keys(t, a, "enter")
	if got := rowIDs(listRows(t, a)); !slices.Equal(got, tagged(ix.Entries(), fx, "KTIP")) {
		t.Errorf("#KTIP over the CSV: %v", got)
	}
	keys(t, a, "enter")
	if a.screen != screenReader || !strings.Contains(archText(a), "THAILAND AND JAPAN TO INK SOP ON TIP") {
		t.Errorf("the KTIP cable did not open from the CSV:\n%s", archText(a))
	}
}

// New snapshots of the archive insert rows above the cursor: it stays on
// its cable, on the same line of the screen.
func TestArchiveKeepsCursorOnNewRows(t *testing.T) {
	_, _, ix := sharedFolder(t)
	all := ix.Entries()
	// A first snapshot of every third entry, in order, as a batch gives.
	var part []catalog.Record
	for i := 0; i < len(all); i += 3 {
		part = append(part, all[i])
	}
	var l archiveList
	l.height = 20
	l.setEntries(part)
	l.move(30)
	l.scroll(-5)
	sel, _ := l.selected()
	line := l.cursor - l.offset
	if l.cursor != 25 || line == 0 {
		t.Fatalf("cursor %d at line %d", l.cursor, line)
	}
	l.setEntries(all)
	if got, _ := l.selected(); !sameEntry(&got, &sel) || l.cursor-l.offset != line {
		t.Errorf("after the new rows: on %s at line %d, want %s at %d", got.ID, l.cursor-l.offset, sel.ID, line)
	}
	if l.cursor < 70 {
		t.Errorf("cursor %d: the rows above were not inserted", l.cursor)
	}
	// the search keys of the copied entries are those of a fresh build
	var fresh archiveList
	fresh.setEntries(all)
	if !bytes.Equal(l.keys.buf, fresh.keys.buf) || !slices.Equal(l.keys.off, fresh.keys.off) || !slices.Equal(l.lv, fresh.lv) {
		t.Error("keys built from the earlier snapshot differ from a fresh build")
	}
	// and with a filter on, the same
	l.setQuick("", "", levelOf(sel.Class()))
	l.setEntries(part)
	if got, _ := l.selected(); !sameEntry(&got, &sel) {
		t.Errorf("filtered: on %s, want %s", got.ID, sel.ID)
	}

	// A query matched in the background across a new snapshot: meanwhile
	// the rows are the last ones, renumbered; then the new match's.
	defer func(n int) { asyncMin = n }(asyncMin)
	asyncMin = 1
	var m archiveList
	m.height = 20
	m.setEntries(part)
	m.setQuery("tehran")
	m.finish(m.takeJob().run())
	ids := func() (out []string) {
		for i := range m.len() {
			out = append(out, m.all[m.at(i)].ID)
		}
		return out
	}
	before := ids()
	if len(before) == 0 || m.pending {
		t.Fatalf("/tehran over a part: %v", before)
	}
	m.setEntries(all)
	if !m.pending || !slices.Equal(ids(), before) {
		t.Errorf("while matching the new snapshot: %v, want %v", ids(), before)
	}
	m.finish(m.takeJob().run())
	want, _ := compute("tehran", m.base, &m.keys, nil)
	if m.pending || !slices.Equal(m.exact, want.exact) || len(ids()) <= len(before) {
		t.Errorf("after: %v", ids())
	}
}

// The model runs the scan itself: the list fills in, a filter typed
// meanwhile applies to the rows that come after, and the indexing
// indicator goes away when it is done. Once with every snapshot taken at
// once, once with each built by a command (as for a large archive).
func TestArchiveScansInBackground(t *testing.T) {
	fx, dir, _ := sharedFolder(t)
	for _, tc := range []struct {
		name  string
		async int
	}{{"sync", asyncMin}, {"background", 1}} {
		t.Run(tc.name, func(t *testing.T) {
			defer func(n int) { asyncMin = n }(asyncMin)
			asyncMin = tc.async
			ix, err := corpus.Open([]string{dir})
			if err != nil {
				t.Fatal(err)
			}
			defer ix.Close()
			a := newArchive(parsed{ix}, common.Options{Theme: "dark"})
			a.scan = newScanner(parsed{ix})
			defer a.scan.Stop()
			a.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
			cmd := a.Init()
			if !a.scanning || !strings.Contains(strings.Split(archText(a), "\n")[0], "indexing") {
				t.Errorf("no indexing indicator: %q", strings.Split(archText(a), "\n")[0])
			}
			keys(t, a, "/")
			typeArch(t, a, "tehran")
			keys(t, a, "enter")
			// Run the commands as the program would, until the scan is done.
			queue := []tea.Cmd{cmd}
			deadline := time.Now().Add(10 * time.Second)
			for len(queue) > 0 && time.Now().Before(deadline) {
				c := queue[0]
				queue = queue[1:]
				if c == nil {
					continue
				}
				switch msg := c().(type) {
				case tea.BatchMsg:
					queue = append(queue, msg...)
				case scanProgressMsg, scanDoneMsg, builtMsg, filteredMsg:
					_, next := a.Update(msg)
					queue = append(queue, next)
				}
			}
			if a.scanning || a.building || a.list.pending || len(a.list.all) != len(fx.cables) {
				t.Fatalf("scanning %v building %v pending %v, %d entries", a.scanning, a.building, a.list.pending, len(a.list.all))
			}
			var want []string
			for _, e := range ix.Entries() {
				if strings.Contains(strings.ToLower(e.ID+" "+e.Subject+" "+e.Origin), "tehran") {
					want = append(want, e.ID)
				}
			}
			if got := rowIDs(listRows(t, a)); len(want) < 3 || !slices.Equal(got[:min(len(got), len(want))], want) {
				t.Errorf("/tehran over the scanned archive: %v, want first %v", got, want)
			}
			keys(t, a, "esc")
			if top := strings.Split(archText(a), "\n")[0]; strings.Contains(top, "indexing") || !strings.Contains(top, strconv.Itoa(len(fx.cables))+" cables") {
				t.Errorf("top bar when done: %q", top)
			}
			// the snapshot built piecemeal is the one built at once
			var fresh archiveList
			fresh.setEntries(ix.Entries())
			if !bytes.Equal(a.list.keys.buf, fresh.keys.buf) || !slices.Equal(a.list.lv, fresh.lv) || len(a.list.tagN) != len(fresh.tagN) {
				t.Error("the keys built batch by batch differ from a fresh build")
			}
			for tg, n := range fresh.tagN {
				if a.list.tagN[tg] != n {
					t.Errorf("TAG %s counted %d times, want %d", tg, a.list.tagN[tg], n)
				}
			}
		})
	}
}

// A cable that cannot be read gives a one-line message, not a crash.
func TestArchiveLoadError(t *testing.T) {
	fx, _, _ := sharedFolder(t)
	dir := t.TempDir()
	for _, id := range []string{"09TOKYO2531", fx.src} {
		writeTestFile(t, filepath.Join(dir, id+".txt"), fx.byID[id].text)
	}
	ix := scanArchive(t, dir)
	a := openArchive(t, ix, 100, 20)
	selectID(t, a, "09TOKYO2531")
	if err := os.Remove(filepath.Join(dir, "09TOKYO2531.txt")); err != nil {
		t.Fatal(err)
	}
	keys(t, a, "enter")
	if a.screen != screenList || !strings.HasPrefix(lastLine(archText(a)), "could not open 09TOKYO2531: ") {
		t.Errorf("screen %v, last line %q", a.screen, lastLine(archText(a)))
	}
	if strings.Count(archText(a), "\n") != 19 {
		t.Error("the message broke the layout")
	}
}

// The keys are in the help: the list's "?" page, the reader's in archive
// mode; a single cable's reader does not list the archive keys.
func TestArchiveHelp(t *testing.T) {
	fx, _, ix := sharedFolder(t)
	a := openArchive(t, ix, 100, 50)
	bar := lastLine(archText(a))
	for _, want := range []string{"⏎ open", "/ filter", "# TAG", "p post", "c class", "esc clear", "? keys", "q quit"} {
		if !strings.Contains(bar, want) {
			t.Errorf("help bar lacks %q: %q", want, bar)
		}
	}
	keys(t, a, "?")
	s := archText(a)
	for _, want := range []string{"filter: id, subject, origin, TAGS", "only a TAG", "only this row's post",
		"classification", "clear the filters", "rows and files skipped",
		"In the reader", "open the selected reference", "back: previous cable, then the list",
		"next cable from this post", "previous cable from this post"} {
		if !strings.Contains(s, want) {
			t.Errorf("list keys page lacks %q:\n%s", want, s)
		}
	}
	keys(t, a, "esc")
	selectID(t, a, fx.src)
	keys(t, a, "enter")
	if bar := lastLine(archText(a)); !strings.Contains(bar, "⌫ back") && !strings.Contains(bar, "cited") {
		t.Errorf("reader help bar %q", bar)
	}
	keys(t, a, "?")
	s = archText(a)
	for _, want := range []string{"next reference in the archive", "open the selected reference",
		"back: previous cable, then the list", "next cable from this post", "fold all"} {
		if !strings.Contains(s, want) {
			t.Errorf("reader keys page lacks %q:\n%s", want, s)
		}
	}
}

// Every line of every screen fits the terminal, down to 24×5, and a
// terminal smaller than that gets a message.
func TestArchiveLayoutFits(t *testing.T) {
	fx, _, ix := sharedFolder(t)
	csvIx, _, _ := csvArchive(t, fx)
	for _, sz := range [][2]int{{100, 30}, {40, 12}, {80, 24}, {30, 8}, {24, 5}, {20, 4}, {200, 60}} {
		for _, ixx := range []*corpus.Archive{ix, csvIx} {
			a := openArchive(t, ixx, sz[0], sz[1])
			check := func(what string) {
				t.Helper()
				lines := strings.Split(a.View().Content, "\n")
				if len(lines) != sz[1] {
					t.Fatalf("%v %s: %d lines:\n%s", sz, what, len(lines), archText(a))
				}
				for _, l := range lines {
					if w := stringWidth(l); w > sz[0] {
						t.Fatalf("%v %s: line %d cells wide: %q", sz, what, w, stripAll(l))
					}
				}
			}
			check("list")
			keys(t, a, "?")
			check("list keys")
			keys(t, a, "esc", "!")
			check("skipped")
			keys(t, a, "esc", "#")
			typeArch(t, a, "P")
			check("TAG prompt")
			keys(t, a, "esc", "/")
			typeArch(t, a, "tehran")
			check("filter")
			keys(t, a, "enter", "esc", "c", "p")
			check("quick filters")
			keys(t, a, "esc")
			if sz[0] >= common.MinWidth && sz[1] >= common.MinHeight {
				selectID(t, a, fx.src)
				keys(t, a, "enter")
				check("reader")
				keys(t, a, "tab", "o")
				check("followed")
			}
		}
	}
}

// The program end to end, with the scan in the background: filter for a
// TAG, open the cable, quit.
func TestArchiveProgram(t *testing.T) {
	_, dir, _ := sharedFolder(t)
	ix, err := corpus.Open([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	a := newArchive(parsed{ix}, common.Options{Theme: "dark"})
	a.scan = newScanner(parsed{ix})
	defer a.scan.Stop()
	tm := teatest.NewTestModel(t, a, teatest.WithInitialTermSize(100, 30),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	waitFor(t, tm, "cablereader")
	// The TAG filter applies to the rows scanned so far and to those that
	// come after; the KTIP cable is there once "1 of" shows.
	tm.Type("#KTIP")
	tm.Send(keyMsg("enter"))
	waitFor(t, tm, "1 of ")
	tm.Send(keyMsg("enter"))
	waitFor(t, tm, "THAILAND AND JAPAN TO INK SOP ON TIP")
	tm.Send(keyMsg("esc"))
	tm.Send(keyMsg("q"))
	out, err := io.ReadAll(tm.FinalOutput(t, teatest.WithFinalTimeout(3*time.Second)))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(out, []byte("\x1b[?1049l")) {
		t.Error("alternate screen not left on quit")
	}
	fm := tm.FinalModel(t).(*Archive)
	if !fm.quitting || fm.screen != screenList || fm.list.tag != "KTIP" {
		t.Errorf("final model: quitting %v screen %v tag %q", fm.quitting, fm.screen, fm.list.tag)
	}
}

// The matcher: every word in the key, exactly or as letters in order and
// close together inside one field; one- and two-letter words only exactly.
func TestArchiveQueryMatch(t *testing.T) {
	e := catalog.Record{ID: "06NEWDELHI5135", Subject: "INDIA'S NATIONAL SECURITY ADVISORY BOARD",
		Origin: "AMEMBASSY NEW DELHI", Tags: []string{"PREL", "PTER"}}
	key := appendKey(nil, &e)
	for _, c := range []struct {
		q         string
		ok, exact bool
	}{
		{"delhi", true, true},
		{"NEW DELHI", true, true}, // two words, any case
		{"pter india", true, true},
		{"5135", true, true},
		{"ndelhi", true, false}, // n, e, w… d, e, l, h, i in the origin
		{"advsry", true, false},
		{"pter ndelhi", true, false},
		{"nw", false, false},        // too short to be fuzzy ("new")
		{"tokyo", false, false},     // not there
		{"sayb", false, false},      // s…a…y…b spread over the subject
		{"delhiprel", false, false}, // across fields
		{"", true, true},
	} {
		q := parseQuery(c.q)
		ok, exact := q.match(key)
		if ok != c.ok || ok && exact != c.exact {
			t.Errorf("%q: ok %v exact %v, want %v %v", c.q, ok, exact, c.ok, c.exact)
		}
	}
	if !contains([]byte("abcabd"), []byte("abd"), rarest([]byte("abd"))) || contains([]byte("abcab"), []byte("abd"), 2) {
		t.Error("contains")
	}
}

// Typing narrows the last result; the rows are always those a match over
// every entry gives, whatever was typed and erased before.
func TestArchiveQueryCache(t *testing.T) {
	_, _, ix := sharedFolder(t)
	var l archiveList
	l.height = 10
	l.setEntries(ix.Entries())
	all := l.base
	check := func(q string) {
		t.Helper()
		want, _ := compute(q, all, &l.keys, nil)
		if !slices.Equal(l.exact, want.exact) || !slices.Equal(l.fuzzy, want.fuzzy) {
			t.Fatalf("%q: %d+%d rows, want %d+%d", q, len(l.exact), len(l.fuzzy), len(want.exact), len(want.fuzzy))
		}
	}
	for _, typed := range []string{"thrn", "new delhi", "emb a", "ndelhi", "th", "thr"} {
		for i := 1; i <= len(typed); i++ {
			l.setQuery(typed[:i])
			check(typed[:i])
		}
		for i := len(typed) - 1; i >= 0; i-- {
			l.setQuery(typed[:i])
			check(typed[:i])
		}
	}
}

// Over many rows the query is matched by a command: the keystroke returns
// at once, the rows follow; a result that comes after the query changed is
// dropped.
func TestArchiveFilterInBackground(t *testing.T) {
	fx, _, ix := sharedFolder(t)
	defer func(n int) { asyncMin = n }(asyncMin)
	asyncMin = 1
	a := openArchive(t, ix, 100, len(fx.cables)+4)
	keys(t, a, "/")
	_, cmd := a.Update(tea.KeyPressMsg{Code: 'x', Text: "x"}) // not run yet
	if !a.list.pending || !strings.Contains(strings.Split(archText(a), "\n")[0], "filtering") {
		t.Fatalf("no pending filter: %q", strings.Split(archText(a), "\n")[0])
	}
	if n := len(listRows(t, a)); n != len(fx.cables) {
		t.Errorf("%d rows while filtering; want the last ones", n)
	}
	_, cmd2 := a.Update(tea.KeyPressMsg{Code: 'q', Text: "q"}) // "xq"
	before := slices.Clone(a.list.exact)
	runCmds(t, a, cmd) // the result for "x" comes late: dropped
	if a.list.query != "xq" || !a.list.pending || !slices.Equal(a.list.exact, before) {
		t.Fatalf("a stale result was taken: query %q pending %v", a.list.query, a.list.pending)
	}
	runCmds(t, a, cmd2)
	if a.list.pending {
		t.Fatal("the result for xq was not taken")
	}
	want, _ := compute("xq", a.list.base, &a.list.keys, nil)
	if !slices.Equal(a.list.exact, want.exact) || !slices.Equal(a.list.fuzzy, want.fuzzy) {
		t.Errorf("rows for xq: %v %v", a.list.exact, a.list.fuzzy)
	}
	keys(t, a, "backspace", "backspace")
	typeArch(t, a, "tehran")
	got := rowIDs(listRows(t, a))
	if len(got) == 0 || !strings.Contains(got[0], "TEHRAN") {
		t.Errorf("/tehran in the background: %v", got)
	}
}

// The indexing progress never goes back, though the total grows while a
// folder is walked.
func TestArchiveProgressNeverGoesBack(t *testing.T) {
	a := openArchive(t, scanArchive(t, "../../testdata/09TOKYO2531.txt"), 100, 20)
	a.scanning = true
	a.Update(scanProgressMsg{P: catalog.Progress{Bytes: 94, Total: 100}})
	a.Update(scanProgressMsg{P: catalog.Progress{Bytes: 95, Total: 102}})
	if top := strings.Split(archText(a), "\n")[0]; !strings.Contains(top, "indexing 94%") {
		t.Errorf("top bar %q", top)
	}
}

// longCables is an archive whose every cable is many megabytes long.
type longCables struct{ Source }

func (longCables) Open(catalog.Record) (*model.Cable, error) {
	word := strings.Repeat("word ", 1<<20) // 5 MB
	return &model.Cable{Body: []model.Paragraph{{Number: 1, Text: word}}}, nil
}

// In an archive, a long cable re-wraps once a resize settles: the reader's
// command and its settled message get through.
func TestArchiveReaderResizeSettles(t *testing.T) {
	src := longCables{parsed{scanArchive(t, "../../testdata/09TOKYO2531.txt", "../../testdata/cables/72TEHRAN1164.txt")}}
	a := newArchive(src, common.Options{Theme: "dark"})
	a.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	keys(t, a, "enter")
	if a.reader == nil {
		t.Fatal("no cable open")
	}
	_, cmd := a.Update(tea.WindowSizeMsg{Width: 60, Height: 30})
	if cmd == nil {
		t.Fatal("the resize gave no command to settle")
	}
	wide := false
	for _, l := range strings.Split(a.View().Content, "\n") {
		wide = wide || stringWidth(l) > 60
	}
	if !wide {
		t.Fatal("the text was re-wrapped before the size settled; the test proves nothing")
	}
	a.Update(cmd())
	for _, l := range strings.Split(a.View().Content, "\n") {
		if stringWidth(l) > 60 {
			t.Fatalf("line wider than 60: %q", stripAll(l))
		}
	}
}

// openPanics is an archive whose cables panic when opened.
type openPanics struct{ Source }

func (openPanics) Open(catalog.Record) (*model.Cable, error) { panic("boom") }

// A panic while opening a cable quits the program with a one-line error.
func TestArchiveOpenPanic(t *testing.T) {
	_, dir, _ := sharedFolder(t)
	a := newArchive(openPanics{parsed{scanArchive(t, dir)}}, common.Options{Theme: "dark"})
	a.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	_, cmd := a.Update(keyMsg("enter"))
	msg := cmd()
	if _, ok := msg.(common.CrashMsg); !ok {
		t.Fatalf("opening gave %T, want a crash", msg)
	}
	if _, quit := a.Update(msg); quit == nil {
		t.Fatal("a crash does not quit")
	}
	if a.err == nil || !strings.HasPrefix(a.err.Error(), "opening ") || !strings.HasSuffix(a.err.Error(), " crashed: boom") {
		t.Errorf("error %v", a.err)
	}
}

// The list's pages scroll as the reader's do: a page is the window less a
// line, half a page half the window.
func TestArchivePageKeys(t *testing.T) {
	_, _, ix := sharedFolder(t)
	a := openArchive(t, ix, 100, 12)
	keys(t, a, "?")
	h := a.helpH()
	if len(a.ov.Page.Lines) < 2*h {
		t.Fatalf("the keys page has %d lines for a window of %d; the test proves nothing", len(a.ov.Page.Lines), h)
	}
	for _, step := range []struct {
		key  string
		want int
	}{{"pgdown", h - 1}, {"pgup", 0}, {"ctrl+d", h / 2}, {"ctrl+u", 0}} {
		keys(t, a, step.key)
		if a.ov.Page.Offset != step.want {
			t.Fatalf("after %s: offset %d, want %d", step.key, a.ov.Page.Offset, step.want)
		}
	}
}
