package ui

import (
	"strings"
	"testing"

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
