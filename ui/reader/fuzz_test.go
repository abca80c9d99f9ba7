package reader

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"cablereader/parser"
	"cablereader/ui/common"
)

// FuzzView runs random bytes through the parser into the reader at a
// random size, presses a few keys, and checks that nothing panics, every
// line fits the width, and nothing a terminal would interpret reaches the
// screen. `go test` runs only the seed corpus.
func FuzzView(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "cables", "*.txt"))
	for i, name := range files {
		if i%8 != 0 { // a spread of real cables keeps the seed run short
			continue
		}
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		// The head of a cable holds every kind of element; whole cables
		// would only slow the fuzzer down.
		f.Add(data[:min(len(data), 4096)], uint8(80), uint8(24), "]]c/the\n")
	}
	f.Add([]byte("UNCLAS STATE 000001\nSUBJECT: \x1b]0;pwned\x07 \u202e\n\n1. (U) \x1b[2J\x9b31m 東京🚀\n"), uint8(20), uint8(5), "rte")
	f.Add([]byte(""), uint8(0), uint8(0), "")
	f.Fuzz(func(t *testing.T, data []byte, w, h uint8, keys string) {
		c := parser.Parse(data)
		m := New(c, common.Options{Theme: "dark"})
		width, height := int(w)%300+1, int(h)%100+1
		m.Update(tea.WindowSizeMsg{Width: width, Height: height})
		check := func(when string) {
			screen := m.View().Content
			for i, line := range strings.Split(screen, "\n") {
				if lw := lineWidth(line); lw > width {
					t.Fatalf("%s: line %d is %d wide at width %d: %q", when, i, lw, width, line)
				}
			}
			assertInertScreen(t, when, screen)
		}
		check("open")
		for _, k := range strings.Split(keys, "") {
			if k == "q" {
				continue
			}
			if k == "\n" {
				k = "enter"
			}
			m.Update(keyMsg(k))
			check("after " + k)
		}
	})
}

func lineWidth(line string) int { return stringWidth(line) }

func ansiStrip(s string) string { return ansi.Strip(s) }

// assertInertScreen fails if the screen, once our own styling is
// stripped, still holds an escape, a C0/C1 control or a bidi override:
// then something from the input got through.
func assertInertScreen(t *testing.T, when, screen string) {
	t.Helper()
	for i, r := range ansiStrip(screen) {
		switch {
		case r == '\n':
		case r < 0x20 || r == 0x7f, r >= 0x80 && r <= 0x9f:
			t.Fatalf("%s: control %U at %d", when, r, i)
		case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
			t.Fatalf("%s: bidi control %U at %d", when, r, i)
		}
	}
}
