package ui

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"cablereader/model"
	"cablereader/parser"
	"cablereader/ui/common"
	"cablereader/ui/internal/uitest"
	"cablereader/ui/state"
)

// A single cable opens the marks of other files: the file, if it is still
// there, at the marked paragraph; else the status says it cannot.
func TestMarkOfAnotherFile(t *testing.T) {
	dir := t.TempDir()
	tokyo, err := os.ReadFile("../testdata/09TOKYO2531.txt")
	if err != nil {
		t.Fatal(err)
	}
	kept := filepath.Join(dir, "09TOKYO2531.txt")
	os.WriteFile(kept, tokyo, 0o644)
	st, _ := state.Open(filepath.Join(dir, "state.json"))
	st.ToggleMark(state.Mark{ID: "09TOKYO2531", Path: kept, Para: 2, Name: "¶3", Words: "The SOP sets forth"})
	st.ToggleMark(state.Mark{ID: "09GONE1", Path: filepath.Join(dir, "gone.txt"), Para: 0, Name: "¶1", Words: "Lost"})
	opened := 0
	open := func(path string) (*model.Cable, error) {
		opened++
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, errors.New(filepath.Base(path) + ": no such file")
		}
		return parser.Parse(b), nil
	}
	other := parser.Parse([]byte("UNCLAS STATE 000001\nSUBJECT: OTHER\n\n1. (U) One.\n2. (U) Two.\n"))
	l := newLoading("x.txt", 10, func() *model.Cable { return other }, common.Options{Theme: "dark", State: st, OpenFile: open})
	l.Update(tea.WindowSizeMsg{Width: 100, Height: 40})
	l.Update(parsedMsg{c: other})
	run := func(keys ...string) {
		for _, k := range keys {
			_, cmd := l.Update(uitest.Key(k))
			for cmd != nil { // the mark's message, then the file read
				msg := cmd()
				if msg == nil {
					break
				}
				_, cmd = l.Update(msg)
			}
		}
	}
	screen := func() string { return ansi.Strip(l.View().Content) }
	// the newest mark is first: the gone file
	run("'", "enter")
	if last := lastLine(screen()); !strings.HasPrefix(last, "cannot open 09GONE1: gone.txt: no such file") {
		t.Errorf("a mark of a gone file: %q", last)
	}
	run("'", "j", "enter")
	s := screen()
	if !strings.Contains(s, "THAILAND AND JAPAN") || !strings.HasPrefix(lastLine(s), "opened 09TOKYO2531 at the mark") || !strings.Contains(lastLine(s), "¶3 of 6") {
		t.Errorf("the mark of another file:\n%s", s)
	}
	if opened != 2 {
		t.Errorf("%d files read, want 2", opened)
	}
	// A way back to the cable left: ⌫, where it was left.
	if last := lastLine(s); !strings.Contains(last, "⌫ goes back") {
		t.Errorf("no word of the way back: %q", last)
	}
	run("j") // the status gives way to the help bar
	if last := lastLine(screen()); !strings.Contains(last, "⌫ back") {
		t.Errorf("the help bar lacks ⌫ back: %q", last)
	}
	run("backspace")
	s = screen()
	if !strings.Contains(s, "OTHER") || strings.Contains(s, "THAILAND AND JAPAN") || !strings.HasPrefix(lastLine(s), "back") {
		t.Errorf("⌫ did not go back:\n%s", s)
	}
	run("backspace") // nothing left to go back to: the key is the reader's
	if s := screen(); !strings.Contains(s, "OTHER") {
		t.Errorf("a second ⌫:\n%s", s)
	}
}

func lastLine(s string) string {
	lines := strings.Split(s, "\n")
	return lines[len(lines)-1]
}
