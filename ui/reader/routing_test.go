package reader

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"cablereader/ui/theme"
)

// Indicators only the archive names are marked, and the mark is explained
// once, under the DE line (which has no learned name) and above Security.
func TestRoutingLearnedNote(t *testing.T) {
	other := func(ri string) (string, bool) { return "ARCHIVE " + ri, ri == "RUEHGH" }
	lines := routingPane(loadCable(t, sample), theme.NewStyles(true), 160, other)
	at := func(prefix string) int {
		for i, l := range lines {
			if strings.HasPrefix(ansi.Strip(l), prefix) {
				return i
			}
		}
		t.Fatalf("no line starts with %q:\n%s", prefix, ansi.Strip(strings.Join(lines, "\n")))
		return -1
	}
	de, note, sec := at("DE "), at(strings.Repeat(" ", fieldW)+"* as other cables in the archive name it"), at("Security ")
	if note != de+1 || sec != note+1 {
		t.Errorf("DE, note, Security at lines %d, %d, %d; want one after the other", de, note, sec)
	}
	all := ansi.Strip(strings.Join(lines, "\n"))
	if !strings.Contains(all, "RUEHGH  ARCHIVE RUEHGH*") || !strings.Contains(all, "RUEHJO  ?") {
		t.Errorf("indicators not marked as learned and unknown:\n%s", all)
	}
	if strings.Count(all, "* as other cables") != 1 {
		t.Errorf("the note is not given once:\n%s", all)
	}
}
