package archive

import (
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"cablereader/glossary"
	"cablereader/model"
	"cablereader/ui/common"
	"cablereader/ui/state"
	"cablereader/ui/theme"
)

// The fuzzy matches of a filter come after the exact ones, under a line
// that says how many there are; the matched letters are painted.
func TestArchiveFuzzySeparator(t *testing.T) {
	_, _, ix := sharedFolder(t)
	a := openArchive(t, ix, 100, 20)
	keys(t, a, "/")
	typeArch(t, a, "china")
	lines := strings.Split(archText(a), "\n")
	want := []string{
		"▌ 2008-09-04  08KHARTOUM1354  C      Khartoum          CHINA COUNSELS SUDANESE ENGAGEMENT, U.S. RES…",
		"  ── 3 close matches (the letters in order) ────────────────────────────────────────────────────────",
		"  2008-09-09  08PARIS1698     C      Paris             FRANCE'S CHANGING AFRICA POLICY: PART III (M…",
		"  2009-10-22  09BELGRADE1222  U      Belgrade          SERBIA: WAR CRIMES AMBASSADOR RAPP HIGHLIGHT…",
		"  2010-02-02  10BEIJING263    C      Beijing           PRC: NUCLEAR RESEARCH AT CHINESE ACADEMY OF …",
	}
	if got := lines[2:7]; !slices.Equal(got, want) {
		t.Fatalf("rows\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if top := lines[0]; !strings.HasSuffix(top, "1 + 3 fuzzy of 115 · by date") {
		t.Errorf("top bar %q", top)
	}
	// The painted letters: the word in the exact match (on the selected
	// row, whose paint opens again after it), its letters in a close one.
	hit := a.styles.P.FilterHit
	raw := strings.Split(a.View().Content, "\n")
	if !strings.Contains(raw[2], hit.Open+"CHINA"+hit.Close+a.styles.P.SelRow.Open) {
		t.Errorf("the exact match is not painted: %q", raw[2])
	}
	if !strings.Contains(raw[6], hit.Open+"CHIN"+hit.Close+"ESE "+hit.Open+"A"+hit.Close+"CADEMY OF …") {
		t.Errorf("the close match is not painted: %q", raw[6])
	}

	// Without exact matches the line says so.
	keys(t, a, "esc", "/")
	typeArch(t, a, "thrn")
	if l := strings.Split(archText(a), "\n")[2]; !strings.HasPrefix(l, "  ── no exact match · 10 close matches (the letters in order) ──") {
		t.Errorf("first line %q", l)
	}
}

// The separator takes a line: moving over it and to either end keeps the
// cursor on screen, and the screen never holds more lines than it has.
func TestArchiveFuzzySeparatorScroll(t *testing.T) {
	_, _, ix := sharedFolder(t)
	a := openArchive(t, ix, 100, 9) // 6 lines of rows
	keys(t, a, "/")
	typeArch(t, a, "iran")
	keys(t, a, "enter")
	n := a.list.len()
	if len(a.list.exact) != 12 || len(a.list.fuzzy) != 9 { // as a match over every entry gives
		t.Fatalf("%d + %d rows", len(a.list.exact), len(a.list.fuzzy))
	}
	for i := 1; i < n; i++ {
		keys(t, a, "j")
		if len(strings.Split(archText(a), "\n")) != 9 {
			t.Fatalf("row %d: %d lines", i, len(strings.Split(archText(a), "\n")))
		}
		if r := selectedRow(t, a); r.id != a.list.all[a.list.at(i)].ID {
			t.Fatalf("row %d: %s selected", i, r.id)
		}
	}
	keys(t, a, "g")
	if r := selectedRow(t, a); r.id != "72TEHRAN1164" {
		t.Errorf("g: %s", r.id)
	}
	keys(t, a, "G")
	if r := selectedRow(t, a); r.id != "10SARAJEVO134" {
		t.Errorf("G: %s selected\n%s", r.id, archText(a))
	}
}

// A highlight covers what the cut keeps, never the ellipsis; a word found
// nowhere, or only scattered, paints nothing.
func TestMarkCell(t *testing.T) {
	hl := theme.Paint{Open: "<", Close: ">"}
	const subj = "PRC: NUCLEAR RESEARCH AT CHINESE ACADEMY OF SCIENCES"
	for _, c := range []struct {
		s, q   string
		w      int
		reopen string
		want   string
	}{
		{subj, "china", 60, "", "PRC: NUCLEAR RESEARCH AT <CHIN>ESE <A>CADEMY OF SCIENCES        "},
		{subj, "china", 30, "", "PRC: NUCLEAR RESEARCH AT <CHIN>…"},
		{subj, "china", 27, "", "PRC: NUCLEAR RESEARCH AT <C>…"},
		{subj, "nuclear chin", 30, "[", "PRC: <NUCLEAR>[ RESEARCH AT <CHIN>[…"},
		{subj, "research research", 12, "", "PRC: NUCLEA…"},
		{"AMEMBASSY NEW DELHI", "ndelhi", 19, "", "AMEMBASSY <N>EW <DELHI>"},
		{"SAN JOSÉ", "josé", 8, "", "SAN <JOSÉ>"},
		{"SAN JOSÉ", "jose", 8, "", "SAN JOSÉ"}, // é is no e
		{"SAN JOSÉ", "os", 7, "", "SAN J<O>…"},
		{"ab—cd", "ab", 3, "", "<ab>…"}, // — and … begin with the same bytes
		{"ab—cd", "b—c", 3, "", "a<b>…"},
		{subj, "sayb", 60, "", subj + "        "}, // s…a…y…b spread out
		{subj, "", 10, "", "PRC: NUCL…"},
	} {
		q := parseQuery(c.q)
		pq := &q
		if c.q == "" {
			pq = nil
		}
		if got := markCell(c.s, c.w, pq, hl, c.reopen); got != c.want {
			t.Errorf("markCell(%q, %d, %q)\n got %q\nwant %q", c.s, c.w, c.q, got, c.want)
		}
	}
}

// A routing indicator the glossary does not know takes the name another
// cable of the archive pairs it with: 09TOKYO2531 routes to RUEHGH, which
// 08SHANGHAI422 addresses as RUEHGH/AMCONSUL SHANGHAI.
func TestArchiveIndicatorNamedByAnotherCable(t *testing.T) {
	if n, ok := glossary.RoutingIndicator("RUEHGH"); ok {
		t.Fatalf("the glossary names RUEHGH %q: pick another indicator", n)
	}
	_, _, ix := sharedFolder(t)
	a := openArchive(t, ix, 100, 40)
	selectID(t, a, "09TOKYO2531")
	keys(t, a, "enter", "r")
	s := archText(a)
	if !strings.Contains(s, "RUEHGH  AMCONSUL SHANGHAI*") || !strings.Contains(s, "* as other cables in the archive name it") {
		t.Errorf("RUEHGH is not named:\n%s", s)
	}
}

// ' in the list shows the marks of every cable (id, ¶, first words),
// newest first; enter opens the marked cable at its paragraph, m removes a
// mark, and a mark in a cable the archive does not hold does not open.
func TestArchiveListMarks(t *testing.T) {
	_, _, ix := sharedFolder(t)
	path := filepath.Join(t.TempDir(), "state.json")
	st, _ := state.Open(path)
	st.ToggleMark(state.Mark{ID: "99NOWHERE1", Path: "/elsewhere/99NOWHERE1.txt", Para: 0, Name: "¶1", Words: "a cable read alone"})
	a := newArchive(parsed{ix}, common.Options{Theme: "dark", State: st})
	a.Update(tea.WindowSizeMsg{Width: 100, Height: 30})

	selectID(t, a, "09TOKYO2531")
	keys(t, a, "enter", "]", "]", "]", "]", "m", "[", "[", "[", "esc") // mark ¶5, leave at ¶2
	if p, _ := st.Position("09TOKYO2531"); a.screen != screenList || p.Para != 1 {
		t.Fatalf("esc: screen %v, left at ¶%d", a.screen, p.Para+1)
	}
	keys(t, a, "g", "'")
	lines := strings.Split(archText(a), "\n")
	want := []string{
		"  Marks  (⏎ opens, m removes, esc closes)",
		"  ",
		"▌ 09TOKYO2531          ¶5         Commenting on the current state of the Thai community in Japan,…",
		"  99NOWHERE1           ¶1         a cable read alone · not in this archive",
	}
	if got := lines[1:5]; !slices.Equal(got, want) {
		t.Fatalf("marks page\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	keys(t, a, "j", "enter")
	if !a.ov.Is(overlayMarks) || !strings.Contains(lastLine(archText(a)), "99NOWHERE1 is not in this archive") {
		t.Errorf("a mark elsewhere: page open %v, %q", a.ov.Is(overlayMarks), lastLine(archText(a)))
	}
	keys(t, a, "k", "enter")
	if p, _ := st.Position("09TOKYO2531"); p.Para != 4 {
		t.Errorf("the place kept is ¶%d, want the mark's ¶5", p.Para+1)
	}
	if a.screen != screenReader || a.cur.ID != "09TOKYO2531" || !strings.Contains(lastLine(archText(a)), "¶5 of 6") {
		t.Fatalf("enter opened %s (screen %v):\n%s", a.cur.ID, a.screen, archText(a))
	}

	// m removes the mark under the cursor, and the file keeps the change.
	keys(t, a, "esc", "'", "m")
	if marks := st.Marks(); len(marks) != 1 || marks[0].ID != "99NOWHERE1" {
		t.Errorf("marks after m: %+v", marks)
	}
	if !strings.Contains(lastLine(archText(a)), "mark on 09TOKYO2531 ¶5 removed") {
		t.Errorf("status %q", lastLine(archText(a)))
	}

	// Without a state there are no marks to list.
	b := newArchive(parsed{ix}, common.Options{Theme: "dark"})
	b.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	keys(t, b, "'")
	if !strings.Contains(lastLine(archText(b)), "marks are off (--no-state)") {
		t.Errorf("no state: %q", lastLine(archText(b)))
	}
}

// A filter gives one answer for one text: typed letter by letter (with a
// letter erased and typed again on the way), pasted whole, or restored in
// a second run, the rows are those a match over every entry gives. A
// longer word may match fuzzily where its prefix does not ("syria" in
// "Embassy Pretoria", its letters spread wider than "syri" may be), so the
// rows of the prefix are no place to look for the word's.
func TestFilterOneAnswerPerText(t *testing.T) {
	_, _, ix := sharedFolder(t)
	var path string
	run := func() *Archive {
		st, notice := state.Open(path)
		if notice != "" {
			t.Fatal(notice)
		}
		a := newArchive(parsed{ix}, common.Options{Theme: "dark", State: st, Place: "here"})
		send(t, a, tea.WindowSizeMsg{Width: 120, Height: 160})
		return a
	}
	screen := func(a *Archive) (top string, ids []string) {
		t.Helper()
		top = strings.Split(archText(a), "\n")[0]
		return top[strings.LastIndex(top, "│")+1:], rowIDs(listRows(t, a))
	}
	for i, q := range []string{"syria", "pretoria", "sanslvdr", "prel pgov thin"} {
		path = filepath.Join(t.TempDir(), strconv.Itoa(i)+".json")
		a := run()
		keys(t, a, "/")
		a.Update(tea.PasteMsg{Content: q})
		keys(t, a, "enter")
		wantTop, want := screen(a)
		full, _ := compute(q, a.list.base, &a.list.keys, nil)
		if len(want) != len(full.exact)+len(full.fuzzy) {
			t.Fatalf("/%s pasted: %d rows, a match over every entry gives %d+%d", q, len(want), len(full.exact), len(full.fuzzy))
		}
		if !strings.Contains(wantTop, "fuzzy") && q == "syria" {
			t.Fatalf("/%s: no fuzzy matches: %q", q, wantTop)
		}
		quit(t, a)

		restored := run()
		if top, got := screen(restored); top != wantTop || !slices.Equal(got, want) {
			t.Errorf("/%s restored: %q %d rows, pasted: %q %d rows", q, top, len(got), wantTop, len(want))
		}

		typed := run()
		keys(t, typed, "esc", "/")
		typeArch(t, typed, q)
		keys(t, typed, "backspace")
		typeArch(t, typed, q[len(q)-1:])
		keys(t, typed, "enter")
		if top, got := screen(typed); top != wantTop || !slices.Equal(got, want) {
			t.Errorf("/%s typed: %q %d rows, pasted: %q %d rows", q, top, len(got), wantTop, len(want))
		}
	}
}

// Under a filter, c steps through the levels its rows have, then back to
// all: never to a level with no row left ("0 of 115").
func TestClassStepsOverEmptyLevels(t *testing.T) {
	_, _, ix := sharedFolder(t)
	a := openArchive(t, ix, 100, 30)
	keys(t, a, "/")
	typeArch(t, a, "kabul")
	keys(t, a, "enter")
	var want []model.Level
	for i := range a.list.len() {
		if lv := model.Level(a.list.lv[a.list.at(i)]); !slices.Contains(want, lv) {
			want = append(want, lv)
		}
	}
	slices.Sort(want)
	if len(want) < 2 || len(want) == len(a.list.levels()) {
		t.Fatalf("the rows of /kabul have levels %v of %v: the test proves nothing", want, a.list.levels())
	}
	check := func(k string, order []model.Level) {
		t.Helper()
		for _, lv := range order {
			top := strings.Split(archText(a), "\n")[0]
			if a.list.level != lv || a.list.len() == 0 || strings.Contains(top, " 0 of ") {
				t.Fatalf("at %v, want %v, %d rows: %q", a.list.level, lv, a.list.len(), top)
			}
			if lv == model.LevelUnknown {
				break
			}
			keys(t, a, k)
		}
	}
	keys(t, a, "c")
	check("c", append(slices.Clone(want), model.LevelUnknown))
	// C goes back the same way
	keys(t, a, "C")
	back := slices.Clone(want)
	slices.Reverse(back)
	check("C", append(back, model.LevelUnknown))
}
