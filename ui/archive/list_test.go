package archive

import (
	"slices"
	"strings"
	"testing"

	"cablereader/glossary"
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
		"▌ 2008-09-04  08KHARTOUM1354      C      Khartoum          CHINA COUNSELS SUDANESE ENGAGEMENT, U.S.…",
		"  ── 3 close matches (the letters in order) ────────────────────────────────────────────────────────",
		"  2008-09-09  08PARIS1698         C      Paris             FRANCE'S CHANGING AFRICA POLICY: PART II…",
		"  2009-10-22  09BELGRADE1222      U      Belgrade          SERBIA: WAR CRIMES AMBASSADOR RAPP HIGHL…",
		"  2010-02-02  10BEIJING263        C      Beijing           PRC: NUCLEAR RESEARCH AT CHINESE ACADEMY…",
	}
	if got := lines[2:7]; !slices.Equal(got, want) {
		t.Fatalf("rows\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if top := lines[0]; !strings.HasSuffix(top, "1 + 3 fuzzy of 112") {
		t.Errorf("top bar %q", top)
	}
	// The painted letters: the word in the exact match (on the selected
	// row, whose paint opens again after it), its letters in a close one.
	hit := a.styles.P.FilterHit
	raw := strings.Split(a.View().Content, "\n")
	if !strings.Contains(raw[2], hit.Open+"CHINA"+hit.Close+a.styles.P.SelRow.Open) {
		t.Errorf("the exact match is not painted: %q", raw[2])
	}
	if !strings.Contains(raw[6], hit.Open+"CHIN"+hit.Close+"ESE "+hit.Open+"A"+hit.Close+"CADEMY…") {
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
	if len(a.list.exact) != 11 || len(a.list.fuzzy) != 6 {
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
