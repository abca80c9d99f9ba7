package archive

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"cablereader/ui/common"
)

// bottomLine is the bottom line of the archive's screen, as plain text.
func bottomLine(a *Archive) string {
	lines := strings.Split(archText(a), "\n")
	return lines[len(lines)-1]
}

// press gives the archive key presses by name, and typed runes, without
// running the commands they return (the debounced query waits for
// settle).
func press(a *Archive, names ...string) {
	for _, k := range names {
		a.Update(keyMsg(k))
	}
}

func typeRunes(a *Archive, s string) {
	for _, r := range s {
		a.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

// A 300-character query at 80×24: the prompt shows the part around the
// cursor, edited at its end and in its middle, and the results name the
// query.
func TestLongQueryPrompt(t *testing.T) {
	fx := loadFixture(t)
	src := &fakeSearch{parsed: parsed{openIndex(t, buildFolder(t, fx))}}
	a := newArchive(src, common.Options{Theme: "dark"})
	a.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	var b strings.Builder
	b.WriteString("trafficking")
	for i := 1; b.Len() < 293; i++ {
		fmt.Fprintf(&b, " w%03d", i)
	}
	b.WriteString(" zzlast")
	query := b.String()
	if len(query) < 300 {
		t.Fatalf("the query has %d characters", len(query))
	}
	keys(t, a, "s")
	typeRunes(a, query)
	if a.prompt.Value() != query {
		t.Fatalf("the prompt holds %q", a.prompt.Value())
	}
	end := bottomLine(a)
	if common.Width(end) > 80 || !strings.Contains(end, " zzlast") || strings.Contains(end, "trafficking") {
		t.Errorf("typed to the end: %q", end)
	}
	// Edited at its end: what is taken away goes from the screen.
	press(a, "backspace", "backspace", "backspace", "backspace")
	if end = bottomLine(a); !strings.HasSuffix(a.prompt.Value(), " zz") || !strings.Contains(end, " zz") || strings.Contains(end, "zzl") {
		t.Errorf("after 4 backspaces: %q holds %q", end, a.prompt.Value())
	}
	// To the start, then to the middle: the window follows the cursor.
	press(a, "home")
	if start := bottomLine(a); !strings.HasPrefix(start, "search: trafficking w001 w002") || strings.Contains(start, " zz") {
		t.Errorf("at the start: %q", start)
	}
	for range 150 {
		press(a, "right")
	}
	typeRunes(a, "MIDDLE ")
	if v := a.prompt.Value(); v[150:157] != "MIDDLE " || len(v) != len(query)-4+7 {
		t.Errorf("typed in the middle: %q", v)
	}
	mid := bottomLine(a)
	if common.Width(mid) > 80 || !strings.Contains(mid, "MIDDLE ") || strings.Contains(mid, "trafficking") || strings.Contains(mid, " zz") {
		t.Errorf("in the middle: %q", mid)
	}
	press(a, "delete")
	if v := a.prompt.Value(); v[157] == query[150] {
		t.Errorf("delete in the middle left %q", v[150:160])
	}
	// The results name the query, cut to the screen.
	settle(t, a)
	keys(t, a, "enter")
	screen := archText(a)
	if !strings.Contains(screen, "hits for trafficking w001 w002") {
		t.Errorf("the results do not name the query:\n%s", screen)
	}
	for _, l := range strings.Split(screen, "\n") {
		if common.Width(l) > 80 {
			t.Errorf("line of %d cells: %q", common.Width(l), l)
		}
	}
}

// A paste goes into the open prompt at the cursor.
func TestPasteInPrompt(t *testing.T) {
	fx := loadFixture(t)
	src := &fakeSearch{parsed: parsed{openIndex(t, buildFolder(t, fx))}}
	a := newArchive(src, common.Options{Theme: "dark"})
	a.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	keys(t, a, "s")
	typeRunes(a, "trafficking")
	a.Update(tea.PasteMsg{Content: " in\npersons"})
	if v := a.prompt.Value(); v != "trafficking in persons" {
		t.Errorf("pasted: %q", v)
	}
	if !strings.HasPrefix(bottomLine(a), "search: trafficking in persons") {
		t.Errorf("prompt %q", bottomLine(a))
	}
}
