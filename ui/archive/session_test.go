package archive

import (
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"cablereader/ui/common"
	"cablereader/ui/state"
)

// In an archive the header mode chosen with h holds for the next cable,
// and a mark made in one cable opens from another, at its paragraph.
func TestArchiveHeaderModeAndMarks(t *testing.T) {
	_, _, ix := sharedFolder(t)
	st, _ := state.Open(filepath.Join(t.TempDir(), "state.json"))
	a := newArchive(parsed{ix}, common.Options{Theme: "dark", State: st})
	a.Update(tea.WindowSizeMsg{Width: 100, Height: 40})
	top := func() string { return strings.Split(archText(a), "\n")[0] }

	selectID(t, a, "09TOKYO2531")
	keys(t, a, "enter")
	if !strings.Contains(top(), "CONFIDENTIAL · SIPDIS") {
		t.Fatalf("09TOKYO2531 at 100×40 does not open with the full header: %q", top())
	}
	keys(t, a, "]", "m", "h") // mark ¶2; the compact header
	if !strings.HasPrefix(top(), " CONFIDENTIAL  09TOKYO2531 · 2009-11-02 · AMEMBASSY TOKYO") {
		t.Fatalf("compact header: %q", top())
	}
	keys(t, a, "backspace")
	selectID(t, a, "10BEIJING263")
	keys(t, a, "enter")
	if !strings.HasPrefix(top(), " CONFIDENTIAL  10BEIJING263 · 2010-02-02 · AMEMBASSY BEIJING") {
		t.Errorf("the next cable does not keep the compact header: %q", top())
	}
	keys(t, a, "'", "enter")
	if a.cur.ID != "09TOKYO2531" || !strings.Contains(archText(a), "¶2 of 6 · marked") {
		t.Errorf("the mark opened %s:\n%s", a.cur.ID, archText(a))
	}
}
