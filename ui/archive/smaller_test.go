package archive

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
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
	a := openArchive(t, openIndex(t, dir), 100, 20)
	keys(t, a, "!")
	s := archText(a)
	if !strings.Contains(s, "weird␊name.txt") || strings.Contains(s, "weird name.txt") {
		t.Errorf("the skipped file's name:\n%s", s)
	}
}

// ! while the scan runs and has skipped nothing yet says the scan is still
// running, not that nothing was skipped.
func TestProblemsWhileScanning(t *testing.T) {
	a := openArchive(t, openIndex(t, "../../testdata/09TOKYO2531.txt"), 100, 20)
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
		a := openArchive(t, openIndex(t, "../../testdata/09TOKYO2531.txt"), w, 24)
		keys(t, a, "enter")
		if a.screen != screenReader {
			t.Fatal("enter did not open the cable")
		}
		if foot := lastLine(archText(a)); !strings.Contains(foot, "⏎ fold ¶") {
			t.Errorf("%d columns: footer %q", w, foot)
		}
	}
}
