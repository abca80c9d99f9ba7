package reader

import (
	"strings"
	"testing"
	"unsafe"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"cablereader/model"
	"cablereader/ui/common"
)

func TestWrapLine(t *testing.T) {
	text := "  -- The SOP sets forth a number of best practices, e.g. victim-friendly/child-friendly environments; " +
		"Supercalifragilisticexpialidociousandthensomemore 東京の大使館は🚀 reports."
	for _, w := range []int{1, 5, 10, 17, 40, 100} {
		rs := common.WrapLine(text, w, w, nil)
		var words []string
		for i, r := range rs {
			piece := text[r.A:r.B]
			if got := ansi.StringWidth(piece); got > w && !(w < 2 && ansi.StringWidth(piece) <= 2) {
				t.Errorf("w=%d line %d is %d cells: %q", w, i, got, piece)
			}
			if i > 0 && strings.HasPrefix(piece, " ") {
				t.Errorf("w=%d continuation line %d starts with a space: %q", w, i, piece)
			}
			words = append(words, piece)
		}
		// nothing lost: the pieces hold every non-space byte in order
		if got, want := strings.ReplaceAll(strings.Join(words, ""), " ", ""), strings.ReplaceAll(text, " ", ""); got != want {
			t.Errorf("w=%d lost text:\n got %q\nwant %q", w, got, want)
		}
	}
	// the first line keeps its indentation
	item := "  -- item"
	if rs := common.WrapLine(item, 40, 40, nil); item[rs[0].A:rs[0].B] != item {
		t.Errorf("indentation dropped: %q", item[rs[0].A:rs[0].B])
	}
	// a first line can be narrower than the rest (the marking badge)
	rs := common.WrapLine("aaaa bbbb cccc dddd", 9, 14, nil)
	if len(rs) != 2 || rs[0] != (common.Range{A: 0, B: 9}) {
		t.Errorf("first/rest widths: %v", rs)
	}
	if rs := common.WrapLine("", 10, 10, nil); len(rs) != 1 {
		t.Errorf("empty line gives %d ranges", len(rs))
	}
}

// Cable text is untrusted: escape sequences and controls show up as
// visible, inert symbols in every pane, and span offsets still land on the
// right text after cleaning has changed the byte lengths.
func TestUntrustedTextIsInert(t *testing.T) {
	evil := "\x1b[2J\x1b]0;pwned\x07\x1b[31mRED\x1b[0m\u202eevil\x08"
	c := &model.Cable{
		ID:             "09EVIL1" + evil,
		Origin:         "AMEMBASSY " + evil,
		Classification: model.Classification{Level: model.Secret},
		Caveats:        []string{"NOFORN" + evil},
		Header: model.Header{
			Subject:    "SUBJECT " + evil,
			Tags:       []string{"PGOV" + evil},
			References: []model.Reference{{Label: "A", Text: "STATE 1" + evil}},
			Passing:    []string{"DEPT FOR " + evil},
		},
		Routing: &model.Routing{
			TransmissionID: "VZCZC" + evil, DTG: "010101Z JAN 09" + evil,
			To: []model.Addressee{{RI: "RUEHC", Name: "SECSTATE" + evil}},
		},
		Signature: "SIGNER" + evil,
		Unplaced:  []string{"stray " + evil},
		Notices:   []string{"notice " + evil},
	}
	text := "Lead " + evil + " (NOTE: inner " + evil + " END NOTE) after"
	start := strings.Index(text, "(NOTE:")
	end := strings.Index(text, "END NOTE)") + len("END NOTE)")
	c.Body = []model.Paragraph{{Number: 1, Marking: "S" + evil, Heading: "HEAD " + evil, Text: text,
		Spans: []model.Span{{Kind: model.Note, Start: start, End: end, Text: "inner " + evil}}}}

	m := openModel(c, 100, 60)
	press(m, "r")
	raw := m.View().Content
	plain := ansi.Strip(raw)
	if strings.ContainsAny(plain, "\x1b\x07\x08\u202e") {
		t.Fatalf("a control reached the screen: %q", plain)
	}
	for _, want := range []string{"SUBJECT ␛[2J", "AMEMBASSY ␛", "VZCZC␛", "HEAD ␛", "SIGNER␛", "stray ␛", "⟨U+202E⟩"} {
		if !strings.Contains(plain, want) {
			t.Errorf("%q not shown visibly", want)
		}
	}
	// the NOTE span still starts at "(NOTE:" and ends after "END NOTE)"
	st := m.styles
	if !strings.Contains(raw, st.P.NoteLabel.Open+"(NOTE:") {
		t.Error("note label not painted at (NOTE:")
	}
	if !strings.Contains(raw, "END NOTE)"+st.P.NoteLabel.Close+" after") && !strings.Contains(raw, "END NOTE)"+st.P.NoteLabel.Close+"after") {
		t.Errorf("note span does not end at END NOTE): %q", raw)
	}
	// search finds text after the cleaned escape sequences
	press(m, "/")
	typeText(m, "after")
	press(m, "enter")
	if len(m.search.matches) != 1 {
		t.Errorf("%d matches for 'after'", len(m.search.matches))
	}
}

// Spans are byte offsets; non-ASCII text before them must not shift them.
func TestSpanOffsetsWithWideText(t *testing.T) {
	text := "Café naïve 東京 résumé — SUMMARY: 大使 said so. END SUMMARY. Then more text."
	a := strings.Index(text, "SUMMARY:")
	b := strings.Index(text, "END SUMMARY.") + len("END SUMMARY.")
	c := &model.Cable{Body: []model.Paragraph{{Number: 1, Text: text,
		Spans: []model.Span{{Kind: model.Summary, Start: a, End: b, Text: "大使 said so."}}}}}
	m := openModel(c, 100, 20)
	raw := strings.Join(whole(m).lines, "\n")
	st := m.styles
	for _, want := range []string{
		st.P.SummaryLabel.Open + "SUMMARY:" + st.P.SummaryLabel.Close,
		st.P.Summary.Open + " 大使 said so. " + st.P.Summary.Close,
		st.P.SummaryLabel.Open + "END SUMMARY." + st.P.SummaryLabel.Close,
	} {
		if !strings.Contains(raw, want) {
			t.Errorf("missing %q in %q", want, raw)
		}
	}
	for _, l := range strings.Split(m.View().Content, "\n") {
		if w := ansi.StringWidth(l); w > 100 {
			t.Errorf("line %d cells wide: %q", w, ansi.Strip(l))
		}
	}
}

// Bad offsets from a parser must not crash the renderer.
func TestBadSpansDoNotPanic(t *testing.T) {
	text := "東京 short text"
	c := &model.Cable{Body: []model.Paragraph{{Number: 1, Text: text, Spans: []model.Span{
		{Kind: model.Note, Start: -5, End: 2},
		{Kind: model.Comment, Start: 1, End: 1000},
		{Kind: model.Summary, Start: 10, End: 3},
	}}}}
	c.Body[0].Marking = "C/REL LIBYA AND A VERY LONG LIST OF OTHER COUNTRIES"
	c.Body = append(c.Body, model.Paragraph{Number: 123, Text: "Wide label."})
	m := openModel(c, 80, 24)
	press(m, "a", "enter", "c", "e", "s")
	if !strings.Contains(screen(m), "short text") {
		t.Errorf("text lost:\n%s", screen(m))
	}
	m.Update(tea.WindowSizeMsg{Width: 24, Height: 8})
	for _, l := range strings.Split(m.View().Content, "\n") {
		if w := ansi.StringWidth(l); w > 24 {
			t.Errorf("line %d cells wide at 24 columns: %q", w, ansi.Strip(l))
		}
	}
}

// An empty cable (the parser never returns nil, but may return nothing)
// still opens, and every key is harmless.
func TestEmptyCable(t *testing.T) {
	m := openModel(&model.Cable{}, 80, 24)
	press(m, "]", "[", "enter", "c", "e", "s", "a", "A", "g", "G", "j", "k", "r", "r", "n", ":", "1", "enter", "/", "x", "enter", "?", "esc")
	s := screen(m)
	if !strings.Contains(s, "CLASSIFICATION NOT MARKED") {
		t.Errorf("empty cable:\n%s", s)
	}
}

// Paragraph renders are cached: moving the current paragraph re-renders
// nothing, folding re-renders one paragraph.
func TestRenderCache(t *testing.T) {
	m := openModel(loadCable(t, sample), 100, 40)
	first := strData(m.renders[0][0].lines[0])
	press(m, "]", "[", "j", "k")
	if strData(m.renders[0][0].lines[0]) != first {
		t.Error("moving re-rendered ¶1")
	}
	keep := strData(m.renders[1][0].lines[0])
	press(m, "enter") // fold ¶1
	if strData(m.renders[1][0].lines[0]) != keep || len(m.renders[0][1].lines) != 1 {
		t.Error("folding ¶1 touched other paragraphs or did not fold")
	}
	press(m, "enter") // unfold: the expanded rendering is reused
	if strData(m.renders[0][0].lines[0]) != first {
		t.Error("unfolding re-rendered ¶1")
	}
	m.Update(tea.WindowSizeMsg{Width: 90, Height: 40})
	if strData(m.renders[0][0].lines[0]) == first {
		t.Error("a new width did not re-render")
	}
}

// strData identifies a rendered string: a re-render builds a new one.
func strData(s string) *byte { return unsafe.StringData(s) }

// The parser's notices are the first thing on screen: in the header, at
// most maxNotices of them, with a count of the rest, and all at the end.
func TestNoticesInHeader(t *testing.T) {
	c := loadCable(t, "09TOKYO2531")
	c.Notices = []string{"the text holds 3 control characters or escape sequences", "the text stops mid-sentence: the cable may be cut off", "input is not UTF-8: read as Latin-1"}
	m := openModel(c, 100, 50)
	head := strings.Join(strings.Split(screen(m), "\n")[:len(m.header)], "\n")
	for _, want := range []string{"⚠ The text holds 3 control characters or escape sequences", "⚠ The text stops mid-sentence", "⚠ and 1 more notices, listed at the end of the text"} {
		if !strings.Contains(head, want) {
			t.Errorf("header lacks %q:\n%s", want, head)
		}
	}
	press(m, "G")
	if !strings.Contains(screen(m), "input is not UTF-8: read as Latin-1") {
		t.Error("the third notice is not at the end of the text")
	}
	// a short terminal's one-line header still says that there are notices
	m = openModel(c, 80, 12)
	if first := strings.Split(screen(m), "\n")[0]; !strings.Contains(first, "⚠ 3 notices · 09TOKYO2531") {
		t.Errorf("compact header without its notices: %q", first)
	}
	c.Notices = c.Notices[:1]
	if first := strings.Split(screen(openModel(c, 80, 12)), "\n")[0]; !strings.Contains(first, "⚠ 1 notice · 09TOKYO2531") {
		t.Errorf("compact header without its notice: %q", first)
	}
	c.Partial = true
	if first := strings.Split(screen(openModel(c, 80, 12)), "\n")[0]; !strings.Contains(first, "⚠ partial · 09TOKYO2531") {
		t.Errorf("compact header of a partial record: %q", first)
	}
}
