package reader

import (
	"strings"
	"testing"

	"cablereader/model"
)

// / searches headings too: "step down" is in a heading of 00HARARE5461
// and three times in its text, so it counts 4; n moves from the heading's
// match to the text's, and the heading's match is painted and scrolled to.
func TestSearchHeadings(t *testing.T) {
	m := openModel(loadCable(t, "00HARARE5461"), 80, 24)
	press(m, "/")
	typeText(m, "encouraging mugabe")
	press(m, "enter")
	if n := len(m.search.matches); n != 1 || !m.search.matches[0].head {
		t.Fatalf("a heading's words: %d matches %+v", n, m.search.matches)
	}
	if !strings.Contains(footerText(m), "1/1") {
		t.Errorf("footer %q", footerText(m))
	}
	if !strings.Contains(m.View().Content, m.styles.P.MatchCur.Open+"ENCOURAGING MUGABE") {
		t.Errorf("the heading's match is not painted:\n%s", screen(m))
	}
	if !strings.Contains(screen(m), "ENCOURAGING MUGABE TO STEP DOWN") {
		t.Errorf("the heading is not on the screen:\n%s", screen(m))
	}

	press(m, "g", "/")
	typeText(m, "step down")
	press(m, "enter")
	var heads, text int
	for _, mt := range m.search.matches {
		if mt.head {
			heads++
		} else {
			text++
		}
	}
	if heads != 1 || text != 3 || !strings.Contains(footerText(m), "/4") {
		t.Fatalf("step down: %d in headings, %d in the text, footer %q", heads, text, footerText(m))
	}
	for k := 1; k < 4; k++ {
		press(m, "n")
		mt := m.search.matches[m.search.cur]
		if !m.visible(mt.para) {
			t.Errorf("match %d (¶ block %d, heading %v) is off the screen", k+1, mt.para, mt.head)
		}
		if mt.head && !strings.Contains(screen(m), "ENCOURAGING MUGABE TO STEP DOWN") {
			t.Errorf("at the heading's match, the heading is off the screen:\n%s", screen(m))
		}
	}
}

// ] and [ put the paragraph they go to at the top of the screen, as :N
// does, until the end of the text stops it.
func TestNextParaAtTop(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {100, 30}} {
		m := openModel(loadCable(t, "08MADRID552"), size[0], size[1])
		for k := range 6 {
			press(m, "]")
			top := strings.Split(bodyText(m), "\n")[0]
			label := currentLabel(m)
			if m.offset != m.doc.top[m.cur] || label == "" || !strings.Contains(top, label) && m.cable.Body[m.cur].Heading == "" {
				t.Fatalf("%dx%d, ] %d times: current %s, top line %q (offset %d, paragraph at %d)", size[0], size[1], k+1, label, top, m.offset, m.doc.top[m.cur])
			}
		}
		press(m, "[")
		if m.offset != m.doc.top[m.cur] {
			t.Errorf("[: offset %d, paragraph at %d", m.offset, m.doc.top[m.cur])
		}
	}
}

// The count of matches is written with thousands separators, as the
// archive writes its counts.
func TestSearchCountFormatted(t *testing.T) {
	c := &model.Cable{Body: []model.Paragraph{{Number: 1, Text: strings.Repeat("word ", 1310)}}}
	m := openModel(c, 100, 30)
	press(m, "/")
	typeText(m, "word")
	press(m, "enter")
	if f := footerText(m); !strings.Contains(f, "/word 1/1,310") {
		t.Errorf("footer %q", f)
	}
}
