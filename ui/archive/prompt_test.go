package archive

import (
	"context"
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
	src := &fakeSearch{parsed: parsed{scanArchive(t, buildFolder(t, fx))}}
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
	src := &fakeSearch{parsed: parsed{scanArchive(t, buildFolder(t, fx))}}
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

// suggesting is a search whose misspelt query gets the index's
// suggestion, as the archive's index gives one.
type suggesting struct{ *fakeSearch }

func (s suggesting) Search(ctx context.Context, query string, limit int) (Results, error) {
	r, err := s.fakeSearch.Search(ctx, query, limit)
	switch {
	case r.Total == 0 && query == "trafficknig":
		r.NoHits, r.Suggest = "no hits for trafficknig; did you mean trafficking (9)?", "trafficking"
	case query == "traffic":
		r.Suggest, r.DidYouMean = "trafficking", "did you mean trafficking (9)?"
	}
	return r, err
}

// A query that finds nothing says so with the suggestion, and tab takes
// it, in the prompt or on the results.
func TestTakeSuggestion(t *testing.T) {
	fx := loadFixture(t)
	src := suggesting{&fakeSearch{parsed: parsed{scanArchive(t, buildFolder(t, fx))}}}
	for _, onResults := range []bool{false, true} {
		a := newArchive(src, common.Options{Theme: "dark"})
		a.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
		keys(t, a, "s")
		typeRunes(a, "trafficknig")
		settle(t, a)
		if s := archText(a); !strings.Contains(s, "no hits for trafficknig; did you mean trafficking (9)? (tab takes it)") {
			t.Fatalf("no suggestion:\n%s", s)
		}
		if onResults {
			keys(t, a, "enter")
		}
		_, cmd := a.Update(keyMsg("tab"))
		if cmd == nil {
			t.Fatal("tab ran nothing")
		}
		send(t, a, cmd())
		if a.sr.query != "trafficking" || a.sr.res.Total == 0 || !strings.Contains(archText(a), "hits for trafficking") {
			t.Errorf("on the results %v: query %q, %d hits:\n%s", onResults, a.sr.query, a.sr.res.Total, archText(a))
		}
		if !onResults && a.prompt.Value() != "trafficking" {
			t.Errorf("the prompt holds %q", a.prompt.Value())
		}
	}
}

// A query with hits for a rare typo of a commoner word says so under the
// counts, and tab takes the word.
func TestTakeSuggestionWithHits(t *testing.T) {
	fx := loadFixture(t)
	src := suggesting{&fakeSearch{parsed: parsed{scanArchive(t, buildFolder(t, fx))}}}
	a := newArchive(src, common.Options{Theme: "dark"})
	a.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	keys(t, a, "s")
	typeRunes(a, "traffic")
	settle(t, a)
	keys(t, a, "enter")
	lines := strings.Split(archText(a), "\n")
	if !strings.Contains(lines[1], "hits for traffic") || !strings.Contains(lines[2], "did you mean trafficking (9)? (tab takes it)") {
		t.Fatalf("no suggestion under the counts:\n%s", archText(a))
	}
	_, cmd := a.Update(keyMsg("tab"))
	if cmd == nil {
		t.Fatal("tab ran nothing")
	}
	send(t, a, cmd())
	if a.sr.query != "trafficking" {
		t.Errorf("query %q", a.sr.query)
	}
}
