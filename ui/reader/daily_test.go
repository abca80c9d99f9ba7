package reader

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"cablereader/model"
	"cablereader/ui/common"
)

// The status names the paragraph in words: the text before ¶1, ¶N of the
// last number, what follows the last numbered paragraph.
func TestStatusWords(t *testing.T) {
	c := &model.Cable{Body: []model.Paragraph{
		{Text: "SUBJECT: A TEST"},
		{Number: 1, Label: "1.", Text: "One."},
		{Number: 2, Label: "2.", Text: "Two."},
		{Text: "SMITH"},
	}}
	m := openModel(c, 80, 24)
	for i, want := range []string{"before ¶1 · all", "¶1 of 2 · all", "¶2 of 2 · all", "after ¶2 · all"} {
		if i > 0 {
			press(m, "]")
		}
		if got := footerText(m); !strings.HasSuffix(got, want) {
			t.Errorf("paragraph %d: footer %q, want it to end %q", i, got, want)
		}
	}
	// a cable without numbers counts its blocks
	m = openModel(&model.Cable{Body: []model.Paragraph{{Text: "a"}, {Text: "b"}}}, 80, 24)
	if got := footerText(m); !strings.HasSuffix(got, "text 1 of 2 · all") {
		t.Errorf("footer %q", got)
	}
	// the sample at 100×40 scrolled a page: the share read so far, counted
	// in paragraphs while the text is not all laid out
	m = openModel(loadCable(t, sample), 100, 40)
	press(m, "space")
	if got := footerText(m); !strings.HasSuffix(got, "¶3 of 6 · 99%") {
		t.Errorf("after a page: %q", got)
	}
}

// "h" cycles full, compact, hidden; the choice holds for the next cable
// of the session; the classification stays on screen in every mode.
func TestHeaderModes(t *testing.T) {
	c := loadCable(t, sample)
	sess := &common.Session{}
	open := func() *Model {
		m := New(c, common.Options{Theme: "dark", Session: sess})
		m.Update(tea.WindowSizeMsg{Width: 100, Height: 40})
		return m
	}
	m := open()
	if m.hshown != headerFull || len(m.header) != 9 {
		t.Fatalf("100×40 starts with %d header lines (mode %d), want the full 9", len(m.header), m.hshown)
	}
	for _, want := range []struct {
		mode  headerMode
		lines int
		msg   string
	}{{headerCompact, 2, "header: compact"}, {headerHidden, 0, "header: hidden"}, {headerFull, 9, "header: full"}} {
		press(m, "h")
		s := screen(m)
		if m.hshown != want.mode || len(m.header) != want.lines || !strings.HasPrefix(footerText(m), want.msg) {
			t.Errorf("after h: mode %d, %d lines, footer %q; want %d, %d, %q", m.hshown, len(m.header), footerText(m), want.mode, want.lines, want.msg)
		}
		if !strings.Contains(s, "CONFIDENTIAL") {
			t.Errorf("mode %d hides the classification:\n%s", want.mode, s)
		}
		if m.bodyH != 40-want.lines-1 {
			t.Errorf("mode %d: %d body lines", want.mode, m.bodyH)
		}
	}
	press(m, "h", "h") // hidden
	if m2 := open(); m2.hshown != headerHidden || !strings.Contains(footerText(m2), "CONFIDENTIAL  ¶1 of 6") {
		t.Errorf("the next cable opens in mode %d, footer %q", m2.hshown, footerText(m2))
	}
	// at 80×24 the full header would leave the text 15 of 24 rows: compact
	m = openModel(c, 80, 24)
	if m.hshown != headerCompact || len(m.header) != 2 {
		t.Errorf("80×24 starts in mode %d with %d lines", m.hshown, len(m.header))
	}
}

// On a tiny terminal a header chosen full still leaves rows of text and
// the status line: it is drawn compact.
func TestHeaderFullTiny(t *testing.T) {
	m := openModel(loadCable(t, sample), 30, 8)
	for range 3 {
		press(m, "h")
		if m.bodyH < minTextH {
			t.Fatalf("mode %d leaves %d rows of text", m.hmode, m.bodyH)
		}
	}
}
