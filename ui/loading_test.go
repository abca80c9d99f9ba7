package ui

import (
	"os"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"cablereader/model"
	"cablereader/parser"
	"cablereader/ui/common"
	"cablereader/ui/internal/uitest"
)

// The loading screen is up while the cable is parsed, answers q, and hands
// over to the reader, at the window's size, once the cable is in.
func TestLoading(t *testing.T) {
	text, err := os.ReadFile("../testdata/09TOKYO2531.txt")
	if err != nil {
		t.Fatal(err)
	}
	c := parser.Parse(text)
	calls := 0
	l := newLoading("big.txt", 104<<20, func() *model.Cable { calls++; return c }, common.Options{Theme: "dark"})
	cmd := l.Init()
	if cmd == nil || l.load != nil {
		t.Fatal("Init did not start the parse or kept the input")
	}
	l.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	view := ansi.Strip(l.View().Content)
	if !strings.Contains(view, "Reading big.txt (104 MB)…") || !strings.Contains(view, "q to quit") {
		t.Fatalf("loading screen:\n%s", view)
	}
	if _, quit := l.Update(uitest.Key("q")); quit == nil {
		t.Error("q does nothing while loading")
	} else if _, ok := quit().(tea.QuitMsg); !ok {
		t.Error("q while loading does not quit")
	}
	// The batch holds the spinner and the parse; run the parse.
	var parsed tea.Msg
	for _, sub := range cmd().(tea.BatchMsg) {
		if msg, ok := sub().(parsedMsg); ok {
			parsed = msg
		}
	}
	if parsed == nil || calls != 1 {
		t.Fatalf("the parse ran %d times", calls)
	}
	l.Update(parsed)
	view = ansi.Strip(l.View().Content)
	if !strings.Contains(view, "¶1") {
		t.Fatalf("the reader did not take over:\n%s", view)
	}
	if lines := strings.Split(view, "\n"); len(lines) != 24 {
		t.Errorf("the reader is %d lines high, want the window's 24", len(lines))
	}
	l.Update(uitest.Key("]"))
	if lines := strings.Split(ansi.Strip(l.View().Content), "\n"); !strings.Contains(lines[len(lines)-1], "¶2 of 6") {
		t.Error("keys do not reach the reader")
	}
}

// A panic while parsing comes back as a crash that quits the program with
// a one-line error.
func TestLoadingPanic(t *testing.T) {
	l := newLoading("big.txt", 1, func() *model.Cable { panic("boom") }, common.Options{Theme: "dark"})
	var crash tea.Msg
	for _, sub := range l.Init()().(tea.BatchMsg) {
		if msg, ok := sub().(common.CrashMsg); ok {
			crash = msg
		}
	}
	if crash == nil {
		t.Fatal("the panic did not come back as a message")
	}
	if _, cmd := l.Update(crash); cmd == nil {
		t.Fatal("a crash does not quit")
	} else if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Error("a crash does not quit")
	}
	if l.err == nil || l.err.Error() != "reading the cable crashed: boom" {
		t.Errorf("error %v", l.err)
	}
}
