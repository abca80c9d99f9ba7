package reader

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"cablereader/ui/common"
	"cablereader/ui/state"
)

// runWithState runs the sample in a program over the state in
// $XDG_STATE_HOME, sends keys once the screen shows want, quits and
// returns the final model.
func runWithState(t *testing.T, want string, keys ...string) (*Model, string) {
	t.Helper()
	path, err := state.DefaultPath()
	if err != nil {
		t.Fatal(err)
	}
	st, notice := state.Open(path)
	m := New(loadCable(t, sample), common.Options{Theme: "dark", State: st, Notice: notice, Path: "/cables/09TOKYO2531.txt"})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(100, 40),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	waitFor(t, tm, want)
	for _, k := range keys {
		tm.Send(keyMsg(k))
	}
	tm.Send(keyMsg("q"))
	fm := tm.FinalModel(t, teatest.WithFinalTimeout(3*time.Second)).(*Model)
	return fm, notice
}

// The place (paragraph and folds) and the marks survive the program: a
// second run opens where the first was left and lists its mark.
func TestPlaceSurvivesRestart(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_STATE_HOME", dir)
	// first run: mark ¶3, fold ¶5 and stay on it
	m1, notice := runWithState(t, "? keys", "]", "]", "m", "]", "]", "enter")
	if notice != "" || m1.cable.Body[m1.cur].Number != 5 || !m1.collapsed[m1.cur] {
		t.Fatalf("first run ended on ¶%d (folded %v), notice %q", m1.cable.Body[m1.cur].Number, m1.collapsed[m1.cur], notice)
	}
	b, err := os.ReadFile(filepath.Join(dir, "cablereader", "state.json"))
	if err != nil || !strings.Contains(string(b), `"format": "cablereader-state/1"`) {
		t.Fatalf("state file: %v\n%s", err, b)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, "cablereader", ".state-*")); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
	if !strings.HasSuffix(ansi.Strip(m1.footer), "¶5 of 6 · 100%") {
		t.Errorf("status on ¶5: %q", ansi.Strip(m1.footer))
	}
	// second run: opens on ¶5 folded; ' lists the mark, enter goes to it
	m2, _ := runWithState(t, "¶5 of 6", "'")
	page := ansi.Strip(strings.Join(m2.ov.Page.Lines, "\n"))
	if !m2.ov.Is(overlayMarks) || !strings.Contains(page, "09TOKYO2531          ¶3         The SOP sets forth a number of best practices to be observed …") {
		t.Errorf("the marks page:\n%s", page)
	}
	if !strings.HasPrefix(ansi.Strip(m2.footer), "↑/↓ select • ⏎ open • m remove • esc close") {
		t.Errorf("the marks page's help bar: %q", ansi.Strip(m2.footer))
	}
	if m2.cable.Body[4].Number != 5 || !m2.collapsed[4] {
		t.Errorf("the fold of ¶5 was not kept")
	}
	m3, _ := runWithState(t, "¶5 of 6", "'", "enter")
	if m3.ov.Is(overlayMarks) || m3.cable.Body[m3.cur].Number != 3 || m3.offset != m3.doc.top[m3.cur] || !strings.Contains(ansi.Strip(m3.footer), "¶3 of 6 · marked · ") {
		t.Errorf("enter on the mark went to ¶%d", m3.cable.Body[m3.cur].Number)
	}
	// m on the marks page removes the mark
	m4, _ := runWithState(t, "¶3 of 6", "'", "m")
	if len(m4.opt.State.Marks()) != 0 {
		t.Errorf("marks after removing: %+v", m4.opt.State.Marks())
	}
}

// A state file that is not valid JSON is left alone and ignored, with a
// notice on the screen; the reader works as without one.
func TestCorruptStateIgnored(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_STATE_HOME", dir)
	path := filepath.Join(dir, "cablereader", "state.json")
	os.MkdirAll(filepath.Dir(path), 0o700)
	corrupt := []byte("{\"positions\": [1, 2")
	if err := os.WriteFile(path, corrupt, 0o600); err != nil {
		t.Fatal(err)
	}
	m, notice := runWithState(t, "marks not kept", "]", "m")
	if !strings.Contains(notice, "places and marks not kept, not valid JSON: "+path) {
		t.Errorf("notice %q", notice)
	}
	if m.cable.Body[m.cur].Number != 2 {
		t.Errorf("the reader did not go on: ¶%d", m.cable.Body[m.cur].Number)
	}
	if b, _ := os.ReadFile(path); string(b) != string(corrupt) {
		t.Errorf("the unreadable file was overwritten: %q", b)
	}
}
