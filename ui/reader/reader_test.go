package reader

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"cablereader/model"
	"cablereader/ui/common"
)

func TestRoutingHiddenShownHidden(t *testing.T) {
	for _, id := range realCables {
		t.Run(id, func(t *testing.T) {
			c := loadCable(t, id)
			m := openModel(c, 100, 40)
			if strings.Contains(screen(m), "ROUTING DETAILS") {
				t.Fatal("routing details shown before r")
			}
			press(m, "r")
			s := screen(m)
			if !strings.Contains(s, "ROUTING DETAILS") {
				t.Fatalf("r did not show the routing details:\n%s", s)
			}
			if c.Routing != nil {
				if c.Routing.TransmissionID != "" && !strings.Contains(s, c.Routing.TransmissionID) {
					t.Errorf("transmission id %q not shown:\n%s", c.Routing.TransmissionID, s)
				}
				if c.Routing.DTG != "" && !strings.Contains(s, c.Routing.DTG) {
					t.Errorf("DTG %q not shown:\n%s", c.Routing.DTG, s)
				}
			} else if !strings.Contains(s, "no transmission header") {
				t.Errorf("a cable without routing should say so:\n%s", s)
			}
			press(m, "r")
			if strings.Contains(screen(m), "ROUTING DETAILS") {
				t.Fatal("second r did not hide the routing details")
			}
		})
	}
}

func TestRoutingTableOnSample(t *testing.T) {
	m := openModel(loadCable(t, sample), 100, 40)
	press(m, "r")
	all := strings.Join(whole(m).lines, "\n")
	for _, want := range []string{
		"VZCZCXRO5973",
		"IMMEDIATE (highest precedence",
		"RUEHKO (AMEMBASSY TOKYO)",
		"2009-11-02 07:23 UTC", // day 306 of 2009 turned into a date
		"CONFIDENTIAL, on-line encrypted",
		"TO (1)", "INFO (18)",
		"RUEHC", "SECSTATE WASHDC", "7199",
		"RUEAWJA", "JUSTICE DEPT WASHDC",
		"US Embassy Bangkok", // PLA decoded
	} {
		if !strings.Contains(stripAll(all), want) {
			t.Errorf("routing pane lacks %q", want)
		}
	}
	// every one of the 20 indicators is listed
	for _, ri := range m.cable.Routing.Indicators {
		if !strings.Contains(stripAll(all), ri) {
			t.Errorf("indicator %s missing", ri)
		}
	}
}

func TestGotoParagraph(t *testing.T) {
	for _, id := range realCables {
		t.Run(id, func(t *testing.T) {
			c := loadCable(t, id)
			n := farNumber(c)
			if n == 0 {
				t.Skip("no numbered paragraphs")
			}
			m := openModel(c, 100, 40)
			if id == sample && labelOnScreen(m, n) {
				t.Fatalf("¶%d already on screen; the test proves nothing", n)
			}
			press(m, ":")
			typeText(m, strconv.Itoa(n))
			if !strings.Contains(footerText(m), "go to ¶"+strconv.Itoa(n)) {
				t.Errorf("prompt not shown: %q", footerText(m))
			}
			press(m, "enter")
			if !labelOnScreen(m, n) {
				t.Fatalf(":%d enter did not put ¶%d on screen:\n%s", n, n, screen(m))
			}
			if got := currentLabel(m); got != "¶"+strconv.Itoa(n) {
				t.Errorf("current paragraph = %q, want ¶%d", got, n)
			}
		})
	}
}

func TestGotoMissingParagraph(t *testing.T) {
	m := openModel(loadCable(t, sample), 100, 40)
	press(m, ":")
	typeText(m, "99")
	press(m, "enter")
	if !strings.Contains(footerText(m), "no ¶99") {
		t.Errorf("footer = %q", footerText(m))
	}
	if currentLabel(m) != "¶1" {
		t.Errorf("current moved to %q", currentLabel(m))
	}
	press(m, ":")
	typeText(m, "4")
	press(m, "esc")
	if currentLabel(m) != "¶1" || m.mode != modeNormal {
		t.Error("esc did not cancel the prompt")
	}
}

func TestCollapseAllShowsEveryParagraph(t *testing.T) {
	m := openModel(loadCable(t, sample), 100, 40)
	if labelOnScreen(m, 6) {
		t.Fatal("¶6 visible before c; the test proves nothing")
	}
	press(m, "c")
	for n := 1; n <= 6; n++ {
		if !labelOnScreen(m, n) {
			t.Errorf("¶%d not on screen after c:\n%s", n, screen(m))
		}
	}
	s := screen(m)
	for _, h := range []string{"OUTLINE OF THE SOP", "THE PRESENT SITUATION"} {
		if !strings.Contains(s, h) {
			t.Errorf("heading %q missing when collapsed", h)
		}
	}
	press(m, "e")
	if labelOnScreen(m, 6) {
		t.Error("e did not expand the paragraphs")
	}
}

func TestCollapseAllOtherCables(t *testing.T) {
	for _, id := range realCables[1:] {
		t.Run(id, func(t *testing.T) {
			c := loadCable(t, id)
			m := openModel(c, 100, 40)
			before := len(whole(m).lines)
			press(m, "c")
			whole(m)
			for i := range c.Body {
				if got := m.doc.end[i] - m.doc.text[i]; got != 1 {
					t.Fatalf("paragraph %d takes %d lines when collapsed", i, got)
				}
			}
			if len(m.doc.lines) >= before {
				t.Errorf("collapsing did not shorten the text (%d → %d lines)", before, len(m.doc.lines))
			}
			// the first screenful of folded paragraphs all show their labels
			shown := 0
			for _, i := range c.Numbered() {
				if labelOnScreen(m, c.Body[i].Number) {
					shown++
				}
			}
			if shown < min(len(c.Numbered()), 10) {
				t.Errorf("only %d paragraph labels on the folded screen:\n%s", shown, screen(m))
			}
			press(m, "e")
			if len(whole(m).lines) != before {
				t.Errorf("e gave %d lines, want %d", len(m.doc.lines), before)
			}
		})
	}
}

func TestEnterFoldsSummaryParagraph(t *testing.T) {
	m := openModel(loadCable(t, sample), 100, 40)
	if !strings.Contains(screen(m), "END SUMMARY") {
		t.Fatalf("END SUMMARY not on the first screen:\n%s", screen(m))
	}
	press(m, "enter")
	s := screen(m)
	if strings.Contains(s, "END SUMMARY") {
		t.Fatalf("enter on ¶1 did not hide END SUMMARY:\n%s", s)
	}
	// the preview says what the folded paragraph holds
	line := lineWith(s, "¶1 ")
	if !strings.Contains(line, "SUMMARY: First Secretary") || !strings.HasSuffix(strings.TrimSpace(line), "SUMMARY") {
		t.Errorf("folded ¶1 preview = %q", line)
	}
	press(m, "enter")
	if !strings.Contains(screen(m), "END SUMMARY") {
		t.Fatal("second enter did not restore END SUMMARY")
	}
}

// On the other cables: "s" goes to the summary; enter folds its paragraph
// to one line of the screen and unfolds it again.
func TestEnterFoldsOtherCables(t *testing.T) {
	for _, id := range realCables[1:] {
		t.Run(id, func(t *testing.T) {
			c := loadCable(t, id)
			m := openModel(c, 100, 40)
			press(m, "s")
			i := m.cur
			if !hasSpan(c.Body[i], model.Summary) {
				t.Fatalf("s went to block %d, which has no summary", i)
			}
			marked := func() int { return strings.Count(bodyText(m), "▌ ") }
			if marked() < 2 {
				t.Fatalf("summary paragraph shows %d lines", marked())
			}
			press(m, "enter")
			if marked() != 1 {
				t.Fatalf("folded paragraph shows %d lines:\n%s", marked(), screen(m))
			}
			if !strings.Contains(lineWith(bodyText(m), "▌ "), "SUMMARY") {
				t.Errorf("folded preview does not name its SUMMARY: %q", lineWith(bodyText(m), "▌ "))
			}
			press(m, "enter")
			if marked() < 2 {
				t.Fatal("enter did not unfold")
			}
		})
	}
}

func TestNextPreviousParagraph(t *testing.T) {
	for _, id := range realCables {
		t.Run(id, func(t *testing.T) {
			c := loadCable(t, id)
			m := openModel(c, 100, 40)
			if m.cur != 0 {
				t.Fatalf("first block not current: %d", m.cur)
			}
			press(m, "]")
			if m.cur != 1 {
				t.Fatalf("] gave current %d", m.cur)
			}
			if c.Body[1].Number > 0 && currentLabel(m) != "¶"+strconv.Itoa(c.Body[1].Number) {
				t.Errorf("gutter marks %q after ]", currentLabel(m))
			}
			// walk to the end: every current paragraph is on screen
			for k := 2; k < len(c.Body); k++ {
				press(m, "]")
				if m.cur != k {
					t.Fatalf("] #%d gave current %d", k, m.cur)
				}
				if !m.visible(k) || !strings.Contains(bodyText(m), "▌") {
					t.Fatalf("current paragraph %d not on screen", k)
				}
			}
			press(m, "]")
			if m.cur != len(c.Body)-1 || !strings.Contains(footerText(m), "last paragraph") {
				t.Errorf("] past the end: cur %d, footer %q", m.cur, footerText(m))
			}
			press(m, "[")
			if m.cur != len(c.Body)-2 {
				t.Errorf("[ gave current %d", m.cur)
			}
		})
	}
}

func TestTopBottom(t *testing.T) {
	for _, id := range realCables {
		t.Run(id, func(t *testing.T) {
			c := loadCable(t, id)
			m := openModel(c, 100, 40)
			press(m, "G")
			if m.cur != len(c.Body)-1 || m.offset != max(m.doc.start(), m.doc.stop()-m.bodyH) || !m.doc.done {
				t.Fatalf("G: cur %d offset %d", m.cur, m.offset)
			}
			if c.Signature != "" && !strings.Contains(bodyText(m), c.Signature) {
				t.Errorf("signature %q not at the bottom", c.Signature)
			}
			press(m, "g")
			if m.cur != 0 || m.offset != m.doc.start() || !m.doc.topDone || !labelOnScreen(m, c.Body[0].Number) && c.Body[0].Number > 0 {
				t.Fatalf("g: cur %d offset %d", m.cur, m.offset)
			}
		})
	}
}

func TestScrollKeysAndWheel(t *testing.T) {
	m := openModel(loadCable(t, sample), 80, 24)
	steps := []struct {
		key  string
		want int
	}{
		{"j", 1}, {"down", 2}, {"k", 1}, {"up", 0},
		{"ctrl+d", m.bodyH / 2}, {"ctrl+u", 0},
		{"pgdown", m.bodyH - 1}, {"pgup", 0},
		{"space", m.bodyH - 1}, {"b", 0}, {"f", m.bodyH - 1},
	}
	for _, s := range steps {
		press(m, s.key)
		if m.offset != s.want {
			t.Fatalf("after %s offset = %d, want %d", s.key, m.offset, s.want)
		}
	}
	press(m, "g")
	m.Update(tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	if m.offset != common.WheelLines {
		t.Errorf("wheel down: offset %d", m.offset)
	}
	m.Update(tea.MouseWheelMsg{Button: tea.MouseWheelUp})
	if m.offset != 0 {
		t.Errorf("wheel up: offset %d", m.offset)
	}
	// scrolling far moves the current paragraph along
	press(m, "pgdown", "pgdown", "pgdown")
	if !m.visible(m.cur) || m.cur == 0 {
		t.Errorf("current paragraph %d left behind after paging", m.cur)
	}
}

func TestSummaryAndAsideJumps(t *testing.T) {
	m := openModel(loadCable(t, sample), 100, 40)
	press(m, "G", "s")
	if m.cur != 0 || !strings.Contains(bodyText(m), "SUMMARY: First Secretary") {
		t.Fatalf("s did not go to the summary: cur %d", m.cur)
	}
	// a: ¶3, ¶5, ¶6 carry NOTEs
	for _, want := range []int{2, 4, 5} {
		press(m, "a")
		if m.cur != want {
			t.Fatalf("a gave current %d, want %d", m.cur, want)
		}
		if !strings.Contains(bodyText(m), "(NOTE:") {
			t.Fatalf("NOTE not on screen at block %d:\n%s", want, screen(m))
		}
	}
	press(m, "a")
	if m.cur != 2 || !strings.Contains(footerText(m), "wrapped") {
		t.Errorf("a did not wrap: cur %d footer %q", m.cur, footerText(m))
	}
	press(m, "A")
	if m.cur != 5 {
		t.Errorf("A from the first note gave %d", m.cur)
	}

	// a COMMENT cable, with a folded paragraph: the jump unfolds it
	b := openModel(loadCable(t, "10BEIJING263"), 100, 40)
	press(b, "c", "a")
	if b.collapsed[b.cur] {
		t.Error("aside jump left its paragraph folded")
	}
	s := bodyText(b)
	if !strings.Contains(s, "Comment") && !strings.Contains(s, "COMMENT") && !strings.Contains(s, "NOTE") {
		t.Errorf("no comment or note on screen after a:\n%s", s)
	}
}

func TestSearch(t *testing.T) {
	m := openModel(loadCable(t, sample), 100, 40)
	press(m, "/")
	typeText(m, "passport")
	if !strings.Contains(footerText(m), "/passport") {
		t.Errorf("prompt = %q", footerText(m))
	}
	press(m, "enter")
	n := len(m.search.matches)
	if n < 3 {
		t.Fatalf("%d matches for passport", n)
	}
	if !strings.Contains(footerText(m), "1/"+strconv.Itoa(n)) {
		t.Errorf("footer = %q", footerText(m))
	}
	if m.cur != 4 {
		t.Errorf("first match should be in ¶5, current is %d", m.cur)
	}
	// highlighted by our renderer: the current match in its own paint, the
	// others reversed
	raw := m.View().Content
	if !strings.Contains(raw, m.styles.P.MatchCur.Open+"passport") {
		t.Error("current match not painted")
	}
	if !strings.Contains(raw, m.styles.P.Match.Open+"passport") {
		t.Error("other matches not painted")
	}
	press(m, "n")
	if m.search.cur != 1 || !strings.Contains(footerText(m), "2/"+strconv.Itoa(n)) {
		t.Errorf("n: cur %d footer %q", m.search.cur, footerText(m))
	}
	press(m, "N", "N")
	if m.search.cur != n-1 || !strings.Contains(footerText(m), "wrapped") {
		t.Errorf("N past the first: cur %d footer %q", m.search.cur, footerText(m))
	}
	press(m, "esc")
	if m.search.active() || strings.Contains(m.View().Content, m.styles.P.Match.Open+"passport") {
		t.Error("esc did not clear the search")
	}

	// a match inside a folded paragraph unfolds it; case does not matter
	press(m, "c", "/")
	typeText(m, "PALERMO")
	press(m, "enter")
	if m.cur != 0 || m.collapsed[0] {
		t.Errorf("search did not open ¶1: cur %d folded %v", m.cur, m.collapsed[0])
	}
	press(m, "/")
	typeText(m, "zzzz")
	press(m, "enter")
	if !strings.Contains(footerText(m), "no match") {
		t.Errorf("footer = %q", footerText(m))
	}
}

func TestHelpListsKeys(t *testing.T) {
	for _, id := range realCables {
		t.Run(id, func(t *testing.T) {
			m := openModel(loadCable(t, id), 100, 40)
			short := footerText(m)
			for _, want := range []string{"? keys", "q quit", "/ search", "r routing"} {
				if !strings.Contains(short, want) {
					t.Errorf("help bar lacks %q: %q", want, short)
				}
			}
			press(m, "?")
			s := bodyText(m)
			for _, want := range []string{
				"Keys", "down", "up", "half page down", "page down", "top, first ¶", "bottom, last ¶",
				"next ¶", "previous ¶", "go to ¶N", "summary", "next comment/note",
				"fold ¶", "fold all", "unfold all", "search", "next match", "previous match",
				"routing", "quit",
			} {
				if !strings.Contains(s, want) {
					t.Errorf("full help lacks %q:\n%s", want, s)
				}
			}
			press(m, "esc")
			if strings.Contains(bodyText(m), "half page down") {
				t.Error("esc did not close the help")
			}
		})
	}
}

func TestQuitKeys(t *testing.T) {
	for _, k := range []string{"q", "ctrl+c"} {
		m := openModel(loadCable(t, sample), 80, 24)
		cmd := press(m, k)
		if cmd == nil {
			t.Fatalf("%s gave no command", k)
		}
		if _, ok := cmd().(tea.QuitMsg); !ok {
			t.Fatalf("%s did not quit", k)
		}
	}
	// "q" typed into the search prompt is text, not quit
	m := openModel(loadCable(t, sample), 80, 24)
	press(m, "/")
	if cmd := press(m, "q"); cmd != nil || m.prompt.Value() != "q" {
		t.Errorf("q in the prompt: cmd %v input %q", cmd, m.prompt.Value())
	}
	// ctrl+c quits from anywhere
	if cmd := press(m, "ctrl+c"); cmd == nil {
		t.Error("ctrl+c in the prompt did not quit")
	} else if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Error("ctrl+c in the prompt did not quit")
	}
}

func TestHeaderPane(t *testing.T) {
	m := openModel(loadCable(t, sample), 100, 40)
	h := stripAll(strings.Join(m.header, "\n"))
	for _, want := range []string{
		"CONFIDENTIAL · SIPDIS",
		"09TOKYO2531", "IMMEDIATE", "section 1 of 2",
		"2009-11-02 07:23 UTC", "(Mon 2 Nov 2009)",
		"AMEMBASSY TOKYO", "SECSTATE WASHDC +18 more",
		"THAILAND AND JAPAN TO INK SOP ON TIP",
		"KTIP PGOV PHUM ELAB JA TH",
		"DCM James P. Zumwalt", "1.4(b), 1.4(d)", "declassify 2019-11-02",
	} {
		if !strings.Contains(h, want) {
			t.Errorf("header lacks %q:\n%s", want, h)
		}
	}
	// the banner is painted in the level's colour (blue for confidential)
	if !strings.Contains(m.header[0], "48;2;0;51;160") {
		t.Errorf("banner not blue: %q", m.header[0])
	}
	// it stays while the body scrolls
	press(m, "G")
	if !strings.HasPrefix(strings.TrimSpace(screen(m)), "CONFIDENTIAL") {
		t.Error("header gone after scrolling")
	}

	// the old cable: partial-record warning, no To line
	b := openModel(loadCable(t, "02BRASILIA4227"), 100, 40)
	hb := stripAll(strings.Join(b.header, "\n"))
	if !strings.Contains(hb, "Partial record") {
		t.Errorf("no partial warning:\n%s", hb)
	}
	if !strings.Contains(hb, "CONFIDENTIAL") {
		t.Errorf("no classification:\n%s", hb)
	}
}

func TestShortAndTinyTerminals(t *testing.T) {
	m := openModel(loadCable(t, sample), 100, 40)
	press(m, "]", "]")
	m.Update(tea.WindowSizeMsg{Width: 30, Height: 8})
	s := screen(m)
	lines := strings.Split(s, "\n")
	if len(lines) != 8 || len(m.header) != 1 {
		t.Fatalf("30×8: %d lines, header %d:\n%s", len(lines), len(m.header), s)
	}
	if !strings.Contains(lines[0], "CONFIDENTIAL") || !strings.Contains(lines[0], "09TOKYO2531") {
		t.Errorf("one-line header = %q", lines[0])
	}
	if !m.visible(2) {
		t.Error("current paragraph lost on resize")
	}
	m.Update(tea.WindowSizeMsg{Width: 20, Height: 4})
	if s := screen(m); !strings.Contains(strings.ReplaceAll(s, "\n", " "), "too small") || len(strings.Split(s, "\n")) > 4 {
		t.Errorf("tiny terminal: %q", s)
	}
	for _, l := range strings.Split(screen(m), "\n") {
		if stringWidth(l) > 20 {
			t.Errorf("too-small message wider than the terminal: %q", l)
		}
	}
	press(m, "]") // ignored, no panic
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 40})
	if len(m.header) < 5 || !m.visible(2) {
		t.Errorf("after growing back: header %d lines, ¶3 visible %v", len(m.header), m.visible(2))
	}
}

// Every line of every view fits the terminal, on every cable in the
// repository and at several sizes, in every state.
func TestLayoutFitsAllCables(t *testing.T) {
	ids := allCableIDs(t)
	sizes := [][2]int{{100, 40}, {80, 24}, {30, 8}, {160, 50}}
	for _, id := range ids {
		c := loadCable(t, id)
		for _, sz := range sizes {
			m := openModel(c, sz[0], sz[1])
			for _, keys := range [][]string{nil, {"r"}, {"c"}, {"G"}, {"?"}, {"t"}, {"t", "G"}} {
				press(m, keys...)
				lines := strings.Split(m.View().Content, "\n")
				if len(lines) != sz[1] {
					t.Fatalf("%s %v %v: %d lines", id, sz, keys, len(lines))
				}
				for _, l := range lines {
					if w := stringWidth(l); w > sz[0] {
						t.Fatalf("%s %v %v: line %d cells wide: %q", id, sz, keys, w, stripAll(l))
					}
				}
				press(m, "esc")
			}
		}
	}
}

func TestThemes(t *testing.T) {
	c := loadCable(t, sample)
	auto := New(c, common.Options{Theme: "auto"})
	if auto.Init() == nil {
		t.Error("auto theme does not ask for the background")
	}
	auto.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	dark := auto.View().Content
	auto.Update(tea.BackgroundColorMsg{Color: lipgloss.Color("#FFFFFF")})
	if auto.isDark || auto.View().Content == dark {
		t.Error("a light background did not switch the theme")
	}
	fixed := New(c, common.Options{Theme: "dark"})
	if fixed.Init() != nil {
		t.Error("fixed theme asks for the background")
	}
	fixed.Update(tea.BackgroundColorMsg{Color: lipgloss.Color("#FFFFFF")})
	if !fixed.isDark {
		t.Error("--theme dark overridden by the terminal")
	}
	light := New(c, common.Options{Theme: "light"})
	if light.isDark {
		t.Error("--theme light is dark")
	}
}

func TestViewModes(t *testing.T) {
	m := New(loadCable(t, sample), common.Options{Theme: "dark", Mouse: true})
	v := m.View()
	if !v.AltScreen || v.MouseMode != tea.MouseModeCellMotion {
		t.Errorf("alt %v mouse %v", v.AltScreen, v.MouseMode)
	}
	if New(nil, common.Options{}).View().MouseMode != tea.MouseModeNone {
		t.Error("mouse on without common.Options.Mouse")
	}
}

func lineWith(s, sub string) string {
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, sub) {
			return l
		}
	}
	return ""
}

func hasSpan(p model.Paragraph, k model.SpanKind) bool {
	for _, s := range p.Spans {
		if s.Kind == k {
			return true
		}
	}
	return false
}

func TestSearchOtherCables(t *testing.T) {
	for _, id := range realCables[1:] {
		t.Run(id, func(t *testing.T) {
			m := openModel(loadCable(t, id), 100, 40)
			press(m, "G", "/")
			typeText(m, "the")
			press(m, "enter")
			n := len(m.search.matches)
			if n < 2 {
				t.Fatalf("%d matches for 'the'", n)
			}
			// from the last paragraph the search starts there, or wraps
			k := m.search.cur
			if mt := m.search.matches[k]; mt.para != m.cur || !m.visible(m.cur) {
				t.Fatalf("match %d in block %d, current %d", k, mt.para, m.cur)
			}
			if !strings.Contains(m.View().Content, m.styles.P.MatchCur.Open) {
				t.Error("current match not painted on screen")
			}
			press(m, "n")
			if m.search.cur != (k+1)%n {
				t.Errorf("n: %d → %d", k, m.search.cur)
			}
			if !strings.Contains(footerText(m), "/the") {
				t.Errorf("footer = %q", footerText(m))
			}
			press(m, "esc")
			if m.search.active() {
				t.Error("esc kept the search")
			}
		})
	}
}

func TestScrollOtherCables(t *testing.T) {
	for _, id := range realCables[1:] {
		t.Run(id, func(t *testing.T) {
			m := openModel(loadCable(t, id), 100, 40)
			noGutter := func() string { return strings.ReplaceAll(bodyText(m), "▌", " ") }
			first := noGutter()
			press(m, "ctrl+d")
			if m.offset != m.bodyH/2 || noGutter() == first {
				t.Fatalf("ctrl+d: offset %d", m.offset)
			}
			m.Update(tea.MouseWheelMsg{Button: tea.MouseWheelDown})
			if m.offset != m.bodyH/2+common.WheelLines {
				t.Errorf("wheel: offset %d", m.offset)
			}
			press(m, "ctrl+u", "k", "k", "k", "k")
			if m.offset != 0 || noGutter() != first {
				t.Errorf("back up: offset %d", m.offset)
			}
		})
	}
}

// A long cable is laid out only as far as it is shown: opening it renders
// a screenful, and jumps and the end key lay out what they need.
func TestLazyLayout(t *testing.T) {
	c := syntheticCable(5000)
	m := openModel(c, 100, 40)
	if m.doc.built > 40 || m.doc.done {
		t.Fatalf("opening laid out %d paragraphs (done %v)", m.doc.built, m.doc.done)
	}
	if !labelOnScreen(m, 1) {
		t.Fatalf("¶1 not on the first screen:\n%s", screen(m))
	}
	press(m, "pgdown", "pgdown")
	if !strings.Contains(footerText(m), "%") {
		t.Errorf("no position while the rest is not laid out: %q", footerText(m))
	}
	press(m, ":")
	typeText(m, "2500")
	press(m, "enter")
	if currentLabel(m) != "¶2500" || !labelOnScreen(m, 2500) || m.doc.done {
		t.Fatalf(":2500 gave %s, done %v:\n%s", currentLabel(m), m.doc.done, screen(m))
	}
	// a resize re-lays out only up to where the reader is
	m.Update(tea.WindowSizeMsg{Width: 70, Height: 30})
	if !labelOnScreen(m, 2500) || m.doc.done || m.doc.built > 2540 {
		t.Fatalf("after a resize ¶2500 on screen %v, built %d:\n%s", labelOnScreen(m, 2500), m.doc.built, screen(m))
	}
	press(m, "/")
	typeText(m, "drafter")
	runCmd(m, press(m, "enter")) // a long text: the search runs in a command
	press(m, "n", "n")
	if c.Body[m.cur].Number != 2510 || !strings.Contains(bodyText(m), "drafter") || m.doc.done {
		t.Fatalf("search went to ¶%d (done %v):\n%s", c.Body[m.cur].Number, m.doc.done, screen(m))
	}
	press(m, "esc", "G")
	if !m.doc.done || !labelOnScreen(m, 5000) || !strings.Contains(screen(m), "NOBODY") {
		t.Fatalf("G did not reach the end:\n%s", screen(m))
	}
	if !strings.HasSuffix(footerText(m), "¶5000 of 5000 · 100%") {
		t.Errorf("footer at the end: %q", footerText(m))
	}
	// folding everything starts over and still shows where the reader is
	press(m, "c")
	if !labelOnScreen(m, 5000) {
		t.Fatalf("after c, ¶5000 is not on screen:\n%s", screen(m))
	}
	press(m, "g")
	if !labelOnScreen(m, 1) {
		t.Fatalf("g did not go back to the top:\n%s", screen(m))
	}
}

// A long text is re-wrapped once a resize settles, not at every step.
func TestResizeSettles(t *testing.T) {
	m := openModel(syntheticCable(200), 100, 40)
	m.textSize = settleAbove + 1
	var last tea.Cmd
	for _, w := range []int{90, 70, 60} {
		_, last = m.Update(tea.WindowSizeMsg{Width: w, Height: 30})
	}
	if m.width != 100 || last == nil {
		t.Fatalf("resized at once to %d", m.width)
	}
	m.Update(settledMsg{70, 30}) // an earlier step: ignored
	if m.width != 100 {
		t.Fatal("a stale resize was applied")
	}
	m.Update(last())
	if m.width != 60 || m.height != 30 || !labelOnScreen(m, 1) {
		t.Fatalf("the settled size was not applied: %dx%d", m.width, m.height)
	}
	for _, l := range strings.Split(m.View().Content, "\n") {
		if stringWidth(l) > 60 {
			t.Fatalf("line wider than 60: %q", stripAll(l))
		}
	}
}

// The help bar drops the least needed keys first: "? keys" and "q quit"
// are on it at every usual width.
func TestHelpBarKeepsQuit(t *testing.T) {
	c := loadCable(t, sample)
	for _, w := range []int{60, 70, 80, 100, 120} {
		m := openModel(c, w, 24)
		f := footerText(m)
		if !strings.Contains(f, "? keys • q quit") {
			t.Errorf("at %d columns the help bar lacks ? and q: %q", w, f)
		}
		if w >= 100 && !strings.Contains(f, "r routing") {
			t.Errorf("at %d columns the help bar lacks r routing: %q", w, f)
		}
	}
}

// A jump far into a long cable starts a new window there; scrolling up out
// of it lays out the paragraphs above, and the screen is the same as with
// the whole text laid out.
func TestWindowMatchesWholeText(t *testing.T) {
	c := syntheticCable(5000)
	m := openModel(c, 100, 40)
	press(m, ":")
	typeText(m, "2500")
	press(m, "enter")
	if m.doc.first < 2400 || m.doc.built > 2600 {
		t.Fatalf("the jump laid out paragraphs %d to %d", m.doc.first, m.doc.built)
	}
	for range 45 {
		press(m, "k")
	}
	ref := openModel(c, 100, 40)
	ref.wholeDoc()
	ref.offset = ref.doc.top[2499] - 45
	ref.cur = m.cur
	if got, want := bodyText(m), bodyText(ref); got != want {
		t.Fatalf("scrolled up from the window:\n%s\nwith the whole text:\n%s", got, want)
	}
	for range 45 {
		press(m, "j")
	}
	press(m, "pgdown", "pgdown")
	ref.offset = ref.doc.top[2499] + 2*(m.bodyH-1)
	ref.cur = m.cur
	if got, want := bodyText(m), bodyText(ref); got != want {
		t.Fatalf("paged down:\n%s\nwith the whole text:\n%s", got, want)
	}
	// G starts a window at the end; scrolling up from it matches too
	press(m, "G")
	if m.doc.first < 4800 || !strings.HasSuffix(footerText(m), "· 100%") {
		t.Fatalf("G laid out from ¶%d; footer %q", m.doc.first+1, footerText(m))
	}
	for range 3 {
		press(m, "pgup")
	}
	ref.offset = ref.doc.stop() - ref.bodyH - 3*(m.bodyH-1)
	ref.cur = m.cur
	if got, want := bodyText(m), bodyText(ref); got != want {
		t.Fatalf("paged up from the end:\n%s\nwith the whole text:\n%s", got, want)
	}
	press(m, "g")
	if m.doc.first != 0 || !labelOnScreen(m, 1) || !strings.Contains(footerText(m), "¶1 of 5000 · ") {
		t.Fatalf("g did not go back to the top: first %d\n%s", m.doc.first, screen(m))
	}
}

// Folding everything near the end of a cable fills the screen from above:
// the paragraphs before the window are laid out, not left blank.
func TestFoldAllAtEndFillsScreen(t *testing.T) {
	m := openModel(loadCable(t, sample), 100, 30)
	press(m, ":")
	typeText(m, "5")
	press(m, "enter", "a", "A", "A", "A", "G", "c")
	for _, n := range []int{1, 2, 3, 4, 5, 6} {
		if !labelOnScreen(m, n) {
			t.Errorf("¶%d not on the folded screen:\n%s", n, screen(m))
		}
	}
}

// n and N go on from where the reader is, not from the last match visited.
func TestNextMatchFromHere(t *testing.T) {
	c := syntheticCable(60) // "drafter" is in every fifth paragraph
	m := openModel(c, 100, 30)
	press(m, "/")
	typeText(m, "drafter")
	press(m, "enter", "n") // ¶5, ¶10
	press(m, "G", "N")
	if got := c.Body[m.cur].Number; got != 60 {
		t.Errorf("N after G went to ¶%d, want ¶60", got)
	}
	press(m, "g", "n")
	if got := c.Body[m.cur].Number; got != 5 {
		t.Errorf("n after g went to ¶%d, want ¶5", got)
	}
}

// Backspace on an empty prompt closes it; ":" takes a number, or ¶ and a
// number, and names what it cannot go to.
func TestPromptKeys(t *testing.T) {
	m := openModel(loadCable(t, sample), 100, 30)
	press(m, ":", "x", "/", "backspace", "backspace", "backspace")
	if m.mode != modeNormal {
		t.Fatalf("backspace on an empty prompt left mode %d, input %q", m.mode, m.prompt.Value())
	}
	press(m, ":", "¶", "5", "enter")
	if got := currentLabel(m); got != "¶5" {
		t.Errorf(":¶5 went to %q", got)
	}
	press(m, ":", "a", "b", "c", "enter")
	if got := footerText(m); !strings.Contains(got, "not a paragraph number: abc") || currentLabel(m) != "¶5" {
		t.Errorf(":abc: footer %q, at %s", got, currentLabel(m))
	}
	press(m, ":", "enter")
	if got := footerText(m); !strings.Contains(got, "no paragraph number typed") {
		t.Errorf(": alone: footer %q", got)
	}
}

// A resize and back puts the same line on top.
func TestResizeRoundTrip(t *testing.T) {
	c := loadCable(t, "02BRASILIA4227")
	m := openModel(c, 100, 30)
	press(m, ":")
	typeText(m, "10")
	press(m, "enter", "j", "j", "j")
	before := bodyText(m)
	for _, sz := range [][2]int{{30, 8}, {100, 30}, {50, 20}, {100, 30}} {
		m.Update(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
	}
	if after := bodyText(m); after != before {
		t.Errorf("after resizing and back:\n%s\nbefore:\n%s", after, before)
	}
}

// An E.O. line in words is shown as written, not as a declassify date.
func TestHeaderEOInWords(t *testing.T) {
	m := openModel(loadCable(t, "72TEHRAN1164"), 100, 40)
	s := screen(m)
	if !strings.Contains(s, "E.O. 12958: AS AMENDED; DECLASSIFIED JUNE 21, 2006") || strings.Contains(s, "declassify AS AMENDED") {
		t.Errorf("E.O. line:\n%s", s)
	}
}

// A rebuild (a search, esc, a fold) with the tail on top of the screen
// keeps the screen where it is.
func TestRebuildInTheTailKeepsPlace(t *testing.T) {
	c := syntheticCable(3)
	for i := range 60 {
		c.Unplaced = append(c.Unplaced, fmt.Sprintf("unplaced line %d", i))
	}
	m := openModel(c, 100, 30)
	press(m, "G", "k", "k", "k", "k", "k")
	before := bodyText(m)
	if strings.Contains(footerText(m), "1%") {
		t.Errorf("footer in the tail: %q", footerText(m))
	}
	press(m, "/")
	typeText(m, "zzz")
	press(m, "enter", "esc")
	if after := bodyText(m); after != before {
		t.Errorf("after a search:\n%s\nbefore:\n%s", after, before)
	}
}

// A cable with no paragraphs keeps its place on a resize.
func TestNoParagraphsKeepsPlace(t *testing.T) {
	c := &model.Cable{ID: "99X1", Header: model.Header{Subject: "S"}}
	for i := range 100 {
		c.Unplaced = append(c.Unplaced, fmt.Sprintf("unplaced line %d", i))
	}
	m := openModel(c, 100, 30)
	for range 40 {
		press(m, "j")
	}
	before := bodyText(m)
	m.Update(tea.WindowSizeMsg{Width: 101, Height: 30})
	if after := bodyText(m); after != before {
		t.Errorf("after a resize:\n%s\nbefore:\n%s", after, before)
	}
}

// The paragraph on top of the screen stays on it when it gets shorter.
func TestResizeKeepsTopParagraph(t *testing.T) {
	c := syntheticCable(40)
	m := openModel(c, 40, 20)
	press(m, "]", "]", "]", "]", "]")
	d := whole(m)
	m.offset = d.text[4] + d.end[4] - d.text[4] - 1 // the last line of ¶5 on top
	m.clamp()
	m.Update(tea.WindowSizeMsg{Width: 200, Height: 20})
	if top := strings.Split(bodyText(m), "\n")[0]; !strings.Contains(top, "END NOTE)") {
		t.Errorf("¶5 (which ends with a NOTE) left the top of the screen:\n%s", screen(m))
	}
}

// A wheel turn before the first size is ignored.
func TestWheelBeforeSize(t *testing.T) {
	m := New(syntheticCable(3), common.Options{Theme: "dark"})
	m.Update(tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	if !labelOnScreen(m, 1) {
		t.Errorf("screen after a wheel turn before the size:\n%s", screen(m))
	}
}

// A single cable's keys page has none of the archive's keys.
func TestSingleCableKeys(t *testing.T) {
	single := openModel(loadCable(t, sample), 100, 50)
	press(single, "?")
	if s := screen(single); !strings.Contains(s, "fold all") || strings.Contains(s, "reference") || strings.Contains(s, "this post") {
		t.Errorf("a single cable lists archive keys:\n%s", s)
	}
}
