package archive

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"cablereader/ui/common"
	"cablereader/ui/state"
)

// The skipped files' page writes a line break in a name as the command
// line does (␊), so that the name is not mistaken for another.
func TestSkippedNameWithLineBreak(t *testing.T) {
	dir := t.TempDir()
	sample, err := os.ReadFile("../../testdata/09TOKYO2531.txt")
	if err != nil {
		t.Fatal(err)
	}
	writeTestFile(t, filepath.Join(dir, "09TOKYO2531.txt"), sample)
	writeTestFile(t, filepath.Join(dir, "weird\nname.txt"), []byte("UNCLAS\x00\x01\x02 binary"))
	a := openArchive(t, scanArchive(t, dir), 100, 20)
	keys(t, a, "!")
	s := archText(a)
	if !strings.Contains(s, "weird␊name.txt") || strings.Contains(s, "weird name.txt") {
		t.Errorf("the skipped file's name:\n%s", s)
	}
}

// ! while the scan runs and has skipped nothing yet says the scan is still
// running, not that nothing was skipped.
func TestProblemsWhileScanning(t *testing.T) {
	a := openArchive(t, scanArchive(t, "../../testdata/09TOKYO2531.txt"), 100, 20)
	a.scanning = true
	keys(t, a, "!")
	if s := archText(a); !strings.Contains(s, "nothing skipped so far: the scan is still running") {
		t.Errorf("! during the scan:\n%s", s)
	}
	a.scanning = false
	keys(t, a, "!")
	if s := archText(a); !strings.Contains(s, "nothing was skipped") {
		t.Errorf("! after the scan:\n%s", s)
	}
}

// The reader opened from the archive keeps "⏎ fold ¶" in its footer, at
// 80 and 100 columns, and enter folds.
func TestArchiveReaderFooterFolds(t *testing.T) {
	for _, w := range []int{80, 100} {
		a := openArchive(t, scanArchive(t, "../../testdata/09TOKYO2531.txt"), w, 24)
		keys(t, a, "enter")
		if a.screen != screenReader {
			t.Fatal("enter did not open the cable")
		}
		if foot := lastLine(archText(a)); !strings.Contains(foot, "⏎ fold ¶") {
			t.Errorf("%d columns: footer %q", w, foot)
		}
	}
}

// A mark made in a cable read on its own, not in the archive, opens from
// its file while the file is there; once it is gone, the status says so.
func TestMarkOutsideTheArchive(t *testing.T) {
	dir := t.TempDir()
	harare, err := os.ReadFile("../../testdata/cables/00HARARE5461.txt")
	if err != nil {
		t.Fatal(err)
	}
	outside := filepath.Join(dir, "00HARARE5461.txt")
	writeTestFile(t, outside, harare)
	st, _ := state.Open(filepath.Join(dir, "state.json"))
	st.ToggleMark(state.Mark{ID: "00HARARE5461", Path: outside, Para: 2, Name: "¶3", Words: "THE BOARD OF LEVER BROTHERS"})
	a := newArchive(parsed{scanArchive(t, "../../testdata/09TOKYO2531.txt")}, common.Options{Theme: "dark", State: st})
	a.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	keys(t, a, "'", "enter")
	if a.screen != screenReader || a.cur.ID != "00HARARE5461" || !strings.Contains(lastLine(archText(a)), "¶3 of") {
		t.Fatalf("the mark outside the archive: screen %v, %q:\n%s", a.screen, a.cur.ID, archText(a))
	}
	// From the reader of a cable of the archive, too; ⌫ goes back to it.
	keys(t, a, "esc", "g", "enter", "'")
	for i, mk := range st.Recent() {
		if mk.ID == "00HARARE5461" {
			for range i {
				keys(t, a, "j")
			}
		}
	}
	keys(t, a, "enter")
	if a.cur.ID != "00HARARE5461" || !strings.Contains(lastLine(archText(a)), "⌫ goes back to 09TOKYO2531") {
		t.Fatalf("from the reader: %q, %q", a.cur.ID, lastLine(archText(a)))
	}
	keys(t, a, "backspace")
	if a.cur.ID != "09TOKYO2531" {
		t.Errorf("⌫ went to %q", a.cur.ID)
	}
	// The file gone: said, nothing opened.
	os.Remove(outside)
	keys(t, a, "esc", "'", "enter")
	if a.screen != screenList || !strings.Contains(lastLine(archText(a)), "00HARARE5461 is not in this archive, and its file is gone") {
		t.Errorf("a gone file: screen %v, %q", a.screen, lastLine(archText(a)))
	}
}
