package archive

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// A folder with 10TRIPOLI95 twice (the text of the 2010 release and the
// page of 2011) and 08PARIS1698 once: the list shows each once, the
// first marked as held twice; V compares its copies word by word.
func TestVersionsView(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"../../testdata/versions/2010/10TRIPOLI95.txt", "../../testdata/versions/2011/10TRIPOLI95.html", "../../testdata/versions/2010/08PARIS1698.txt"} {
		writeTestFile(t, filepath.Join(dir, filepath.Base(f)), readFile(t, f))
	}
	a := openArchive(t, scanArchive(t, dir), 100, 30)
	runCmds(t, a, a.countCopies())
	rows := listRows(t, a)
	if len(rows) != 2 {
		t.Fatalf("rows %v", rows)
	}
	v := archText(a)
	if !strings.Contains(v, "10TRIPOLI95² ") || strings.Contains(v, "08PARIS1698²") {
		t.Errorf("the list:\n%s", v)
	}
	selectID(t, a, "10TRIPOLI95")
	keys(t, a, "enter")
	if !strings.Contains(archText(a), "2 copies in the archive: V compares them") {
		t.Errorf("no word of the copies:\n%s", archText(a))
	}
	keys(t, a, "V")
	if !a.dv.on || a.dv.d == nil {
		t.Fatalf("no comparison: %+v", a.dv)
	}
	// The copies' paths, in a temporary folder, shortened: its name left out.
	golden.RequireEqual(t, []byte(regexp.MustCompile(`…\S*TestVersionsView\d+/\d+/`).ReplaceAllString(archText(a), "…/")))
	// The words are in the theme's styles.
	if f := a.View().Content; !strings.Contains(f, a.styles.P.Deleted.Wrap("[-Our")) || !strings.Contains(f, a.styles.P.Inserted.Wrap("{+XXXXXXXXXXXX+}")) {
		t.Errorf("the changes are not styled")
	}
	keys(t, a, "esc")
	if a.dv.on || !strings.Contains(archText(a), "QADHAFI CHILDREN SCANDALS") {
		t.Errorf("esc:\n%s", archText(a))
	}
	// A cable held once has nothing to compare.
	keys(t, a, "backspace")
	selectID(t, a, "08PARIS1698")
	keys(t, a, "enter", "V")
	if a.dv.on || !strings.Contains(archText(a), "the archive holds one copy of 08PARIS1698") {
		t.Errorf("one copy:\n%s", archText(a))
	}
}
