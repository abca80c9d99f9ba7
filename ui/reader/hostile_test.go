package reader

import (
	"strings"
	"testing"

	"cablereader/model"
	"cablereader/parser"
)

// Hostile cables, parsed and shown: in every pane (header, routing, body,
// TAGS page, keys page, search) nothing a terminal would act on reaches
// the screen, each sequence is shown as visible symbols, the words around
// it are all there, and the header says the text held such sequences.
func TestHostileCablesOnScreen(t *testing.T) {
	for _, tt := range []struct{ name, seq, shown string }{
		{"retitle", "\x1b]0;pwned\x07", "␛]0;pwned␇"},
		{"clipboard", "\x1b]52;c;SGVsbG8=\x07", "␛]52;c;SGVsbG8=␇"},
		{"clear screen", "\x1b[2J", "␛[2J"},
		{"DCS", "\x1bP+q544e\x1b\\", "␛P+q544e␛\\"},
		{"APC", "\x1b_Gf=100;AAAA\x1b\\", "␛_Gf=100;AAAA␛\\"},
		{"C1 CSI", "\u009b2J", `\u009b2J`},
		{"RLO", "\u202e", "⟨U+202E⟩"},
		{"lone ESC", "\x1b", "␛"},
		{"NUL BEL BS DEL", "\x00\x07\x08\x7f", "␀␇␈␡"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			in := "R 010101Z JAN 09\nFM AMEMBASSY NOWHERE " + tt.seq + "\nTO SECSTATE WASHDC 0001\n" +
				"UNCLAS NOWHERE 000001\n\nE.O. 12958: N/A\nTAGS: PGOV, " + tt.seq + "PREL\n" +
				"SUBJECT: HOSTILE " + tt.seq + " SUBJECT\n\nREF: STATE 12345 " + tt.seq + "\n\n" +
				"1. (U) First paragraph " + tt.seq + " carries words.\n\n" +
				"2. (U) Second paragraph ends here.\n"
			m := openModel(parser.Parse([]byte(in)), 100, 50)
			check := func(state string, want ...string) {
				t.Helper()
				s := screen(m)
				assertInertScreen(t, state, m.View().Content)
				for _, w := range want {
					if !strings.Contains(s, w) {
						t.Errorf("%s: %q not on screen:\n%s", state, w, s)
					}
				}
			}
			check("open", "HOSTILE "+tt.shown+" SUBJECT", "First paragraph "+tt.shown+" carries words.",
				"Second paragraph ends here.", "⚠ The text holds")
			press(m, "r")
			check("routing", "NOWHERE "+tt.shown)
			press(m, "esc", "t")
			check("TAGS page", "PGOV")
			press(m, "esc", "?")
			check("keys page")
			press(m, "esc", "/")
			typeText(m, "carries")
			press(m, "enter")
			check("search", "carries words", "/carries 1/1")
			press(m, "c")
			check("folded", "First paragraph")
		})
	}
}

// Searching a long cable prepares only the paragraphs whose text holds the
// query (and the few it shows); a query for a symbol the sanitiser
// writes, or for the spaces a tab becomes, still finds it.
func TestSearchPreparesOnlyMatches(t *testing.T) {
	defer func(n int) { asyncSearchAbove = n }(asyncSearchAbove)
	asyncSearchAbove = 1 << 30 // the search on the Update loop, through the model's cache
	c := syntheticCable(3000)
	c.Body[2222].Text += " Zanzibar \x1b]0;pwned\x07 and TAB\there"
	m := openModel(c, 100, 40)
	before := prepped(m)
	press(m, "/")
	typeText(m, "zanzibar")
	press(m, "enter")
	if got := prepped(m) - before; got > 10 || len(m.search.matches) != 1 || m.search.matches[0].para != 2222 {
		t.Fatalf("search prepared %d more paragraphs, matches %v", got, m.search.matches)
	}
	for _, q := range []string{"zanzibar ␛]0;pwned␇", "tab    here", "0;pwned"} {
		press(m, "esc", "/")
		typeText(m, q)
		press(m, "enter")
		if len(m.search.matches) != 1 || m.search.matches[0].para != 2222 {
			t.Errorf("%q: matches %v", q, m.search.matches)
		}
	}
}

func prepped(m *Model) int {
	n := 0
	for _, p := range m.preps {
		if p != nil {
			n++
		}
	}
	return n
}

func TestHasFold(t *testing.T) {
	for _, tt := range []struct {
		s, q string
		want bool
	}{
		{"The Minister SAID", "minister said", true},
		{"The Minister SAID", "ministers", false},
		{"abc", "", true},
		{"ab", "abc", false},
		{"x MoU y", "mou", true},
		{"东京 Tokyo", "东京 tokyo", true},
	} {
		if got := hasFold(tt.s, tt.q); got != tt.want {
			t.Errorf("hasFold(%q, %q) = %v", tt.s, tt.q, got)
		}
	}
	if !showsOtherwise("a\tb") || !showsOtherwise("x\u009by") || !showsOtherwise("\x1b[2J") || showsOtherwise("bilateral talks, 東京") {
		t.Error("showsOtherwise misjudges")
	}
}

// What the screen shows of a control is found by search too: `\u0093` is
// written by the sanitiser, not in the raw text.
func TestSearchFindsShownControls(t *testing.T) {
	c := syntheticCable(3)
	c.Body[1].Text = "Quoted \u0093hello\u0094 and \u202eright."
	m := openModel(c, 100, 30)
	for _, q := range []string{"u0093hello", "⟨u+202e⟩right"} {
		press(m, "esc", "/")
		typeText(m, q)
		press(m, "enter")
		if len(m.search.matches) != 1 {
			t.Errorf("%q: %d matches", q, len(m.search.matches))
		}
	}
}

// In a long text the search runs in a command: the reader says so, and
// its result is what the search on the Update loop finds.
func TestSearchInCommand(t *testing.T) {
	c := loadCable(t, sample)
	sync := openModel(c, 100, 40)
	press(sync, "/")
	typeText(sync, "passport")
	if press(sync, "enter") != nil {
		t.Fatal("a short text searched in a command")
	}

	defer func(n int) { asyncSearchAbove = n }(asyncSearchAbove)
	asyncSearchAbove = 0
	m := openModel(c, 100, 40)
	press(m, "/")
	typeText(m, "passport")
	cmd := press(m, "enter")
	if cmd == nil || m.search.active() || !strings.Contains(footerText(m), "searching for passport…") {
		t.Fatalf("no search in a command: footer %q", footerText(m))
	}
	runCmd(m, cmd)
	if m.searching != nil || len(m.search.matches) != len(sync.search.matches) || m.search.cur != sync.search.cur || screen(m) != screen(sync) {
		t.Errorf("%d matches, current %d, want %d, %d:\n%s", len(m.search.matches), m.search.cur,
			len(sync.search.matches), sync.search.cur, screen(m))
	}
}

// Any key stops a search running in a command (esc, j: nothing else
// happens; q and ctrl+c quit too), and its result, if it comes, is dropped.
func TestSearchStopped(t *testing.T) {
	defer func(n int) { asyncSearchAbove = n }(asyncSearchAbove)
	asyncSearchAbove = 0
	for _, k := range []string{"esc", "j", "q", "ctrl+c"} {
		m := openModel(loadCable(t, sample), 100, 40)
		press(m, "/")
		typeText(m, "passport")
		cmd := press(m, "enter")
		job := m.searching
		before := screen(m)
		quit := press(m, k)
		if m.searching != nil || !job.stop.Load() {
			t.Errorf("%s did not stop the search", k)
		}
		if wantQuit := k == "q" || k == "ctrl+c"; wantQuit != (quit != nil) || wantQuit != m.quitting {
			t.Errorf("%s: quit %v", k, quit != nil)
		}
		if (k == "j" || k == "esc") && !strings.Contains(footerText(m), "search stopped") {
			t.Errorf("j: footer %q", footerText(m))
		}
		if k == "esc" || k == "j" {
			if lastLine(screen(m)) == lastLine(before) || screenBody(screen(m)) != screenBody(before) {
				t.Errorf("%s did more than stop the search:\n%s", k, screen(m))
			}
		}
		msg := cmd()
		if r, ok := msg.(searchedMsg); !ok || r.ok {
			t.Errorf("%s: the stopped search gave %#v", k, msg)
		}
		m.Update(msg)
		if m.search.active() {
			t.Errorf("%s: a stopped search shows its result", k)
		}
	}
}

// find gives up when told to, between paragraphs and inside a long one.
func TestFindStops(t *testing.T) {
	for _, c := range []*model.Cable{syntheticCable(100), longParagraph(1 << 20)} {
		asked := 0
		stop := func() bool { asked++; return asked > 3 }
		body := c.Body
		s, ok := find("a", len(body), func(i int) *model.Paragraph { return &body[i] },
			func(i int) *prepared { return prepare(&body[i]) }, stop)
		if ok || s.active() || asked != 4 {
			t.Errorf("%d paragraphs: ok %v, active %v, asked %d times", len(body), ok, s.active(), asked)
		}
	}
}

func lastLine(s string) string {
	lines := strings.Split(s, "\n")
	return lines[len(lines)-1]
}

// screenBody is a screen without its footer.
func screenBody(s string) string { return s[:strings.LastIndex(s, "\n")] }
