package reader

import (
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"cablereader/model"
	"cablereader/ui/common"
	"cablereader/ui/theme"
)

// Style ids of the body renderer, one per byte of a paragraph's display
// text. Later ids win where they overlap (a search match over a NOTE).
const (
	stPlain uint8 = iota
	stSummary
	stSummaryLabel
	stComment
	stCommentLabel
	stNote
	stNoteLabel
	stMatch
	stMatchCur
	stCount
)

// dspan is a SUMMARY/COMMENT/NOTE span in display-text coordinates.
type dspan struct {
	kind model.SpanKind
	a, b int // whole span
}

// prepared is a paragraph made ready for display once per cable: its text
// cleaned, its spans mapped onto the cleaned text, and a style per byte.
// Nothing in it depends on the width, the theme or the view state.
type prepared struct {
	text    string // display text (cleaned); '\n' separates lines
	lower   string // ASCII-lowered text for search (filled by the first search)
	heading string
	label   string         // "¶5", or "" for unnumbered text
	marking string         // "(C)", or ""
	lines   []common.Range // text split at '\n'
	spans   []dspan
	kinds   []model.SpanKind // distinct span kinds, in order of appearance
	// style is the style id of each byte of text; nil when all of it is
	// plain (no spans), which saves a byte per byte of a long paragraph.
	style []uint8
}

// prepare cleans a paragraph and maps its spans onto the cleaned text. The
// raw text is cut at every span and label boundary and at every '\n'; each
// piece is cleaned on its own, so offsets can be carried across.
func prepare(p *model.Paragraph) *prepared {
	raw := p.Text
	cuts := []int{0, len(raw)}
	type lab struct{ open, close int } // end of the opening label, start of the closing one
	labs := make([]lab, len(p.Spans))
	for i, sp := range p.Spans {
		a, b := clampRune(raw, sp.Start), clampRune(raw, sp.End)
		if b <= a {
			continue
		}
		o, c := spanLabels(raw[a:b], sp)
		for o > 0 && raw[a+o-1] == ' ' {
			o--
		}
		for a+c < b && raw[a+c] == ' ' {
			c++
		}
		labs[i] = lab{a + o, a + c}
		cuts = append(cuts, a, b, a+o, a+c)
	}
	for i := 0; i < len(raw); i++ {
		if raw[i] == '\n' {
			cuts = append(cuts, i, i+1)
		}
	}
	sort.Ints(cuts)
	uniq := cuts[:1]
	for _, c := range cuts[1:] {
		if c != uniq[len(uniq)-1] {
			uniq = append(uniq, c)
		}
	}

	var b strings.Builder
	b.Grow(len(raw))
	dpos := make(map[int]int, len(uniq)) // raw offset -> display offset
	for k, c := range uniq {
		dpos[c] = b.Len()
		if k+1 == len(uniq) {
			break
		}
		piece := raw[c:uniq[k+1]]
		if piece == "\n" {
			b.WriteByte('\n')
		} else {
			b.WriteString(strings.ReplaceAll(common.Clean(piece), "\n", " "))
		}
	}
	dpos[len(raw)] = b.Len()

	pr := &prepared{text: b.String(), heading: common.CleanLine(p.Heading)}
	if p.Number > 0 {
		pr.label = "¶" + strconv.Itoa(p.Number)
	}
	if m := common.CleanLine(p.Marking); m != "" {
		pr.marking = "(" + m + ")"
	}
	start := 0
	for i := 0; i <= len(pr.text); i++ {
		if i == len(pr.text) || pr.text[i] == '\n' {
			pr.lines = append(pr.lines, common.Range{A: start, B: i})
			start = i + 1
		}
	}
	if len(p.Spans) > 0 {
		pr.style = make([]uint8, len(pr.text))
	}
	for i, sp := range p.Spans {
		a, b := clampRune(raw, sp.Start), clampRune(raw, sp.End)
		if b <= a {
			continue
		}
		da, db := dpos[a], dpos[b]
		do, dc := dpos[labs[i].open], dpos[labs[i].close]
		pr.spans = append(pr.spans, dspan{kind: sp.Kind, a: da, b: db})
		content, label := kindStyles(sp.Kind)
		fill(pr.style, da, db, content)
		fill(pr.style, da, do, label)
		fill(pr.style, dc, db, label)
		seen := false
		for _, k := range pr.kinds {
			seen = seen || k == sp.Kind
		}
		if !seen {
			pr.kinds = append(pr.kinds, sp.Kind)
		}
	}
	// '\n' bytes carry no style
	for i := 0; i < len(pr.style); i++ {
		if pr.text[i] == '\n' {
			pr.style[i] = stPlain
		}
	}
	return pr
}

func kindStyles(k model.SpanKind) (content, label uint8) {
	switch k {
	case model.Summary:
		return stSummary, stSummaryLabel
	case model.Comment:
		return stComment, stCommentLabel
	}
	return stNote, stNoteLabel
}

func fill(st []uint8, a, b int, v uint8) {
	if a < 0 {
		a = 0
	}
	if b > len(st) {
		b = len(st)
	}
	for i := a; i < b; i++ {
		st[i] = v
	}
}

// clampRune clamps a byte offset into s and moves it back to a rune start.
func clampRune(s string, i int) int {
	if i < 0 {
		return 0
	}
	if i >= len(s) {
		return len(s)
	}
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return i
}

// spanLabels finds, inside one span's raw text, the end of its opening
// label ("SUMMARY:", "(NOTE:") and the start of its closing label ("END
// NOTE)"). With the inner text known they are what surrounds it; otherwise
// the kind's word and an END marker are looked for.
func spanLabels(s string, sp model.Span) (open, close int) {
	open, close = 0, len(s)
	if t := strings.TrimSpace(sp.Text); t != "" {
		if i := strings.Index(s, t); i >= 0 {
			return i, i + len(t)
		}
	}
	up := strings.ToUpper(s)
	if i := strings.Index(up, string(sp.Kind)); i >= 0 && i < 24 {
		open = i + len(sp.Kind)
		for open < len(s) && strings.IndexByte(":.- ", s[open]) >= 0 {
			open++
		}
	}
	if i := strings.LastIndex(up, "END"); i >= open && len(s)-i < 24 {
		close = i
	}
	return open, close
}

// lowerASCII lowers ASCII letters only, so byte offsets stay the same.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if c := b[j]; c >= 'A' && c <= 'Z' {
					b[j] = c + 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// layout is the geometry of the body column.
type layout struct {
	labelW int // "¶12" plus a space
	textW  int // cells for the text
	fullW  int // labelW + rail + textW: everything right of the gutter
}

const railW = 2

// paraKey identifies one rendering of a paragraph.
type paraKey struct {
	width     int
	collapsed bool
	theme     int
	search    int // search generation; 0 when no search
	cur       int // index of the current match inside this paragraph, -1 if none
}

// paraRender is one paragraph rendered into lines.
type paraRender struct {
	key       paraKey
	valid     bool
	lines     []string
	headLines int   // leading heading lines
	spanLine  []int // line (after the heading) where each span starts
	matchLine []int // line (after the heading) of each search match
}

// renderer paints prepared paragraphs with one set of styles.
type renderer struct {
	st    *theme.Styles
	paint [stCount]theme.Paint
	b     strings.Builder
	rs    []common.Range
}

func newRenderer(st *theme.Styles) *renderer {
	r := &renderer{st: st}
	r.paint[stSummary] = st.P.Summary
	r.paint[stSummaryLabel] = st.P.SummaryLabel
	r.paint[stComment] = st.P.Comment
	r.paint[stCommentLabel] = st.P.CommentLabel
	r.paint[stNote] = st.P.Note
	r.paint[stNoteLabel] = st.P.NoteLabel
	r.paint[stMatch] = st.P.Match
	r.paint[stMatchCur] = st.P.MatchCur
	return r
}

// styled writes text[a:b] painted by style ids (all plain when style is
// nil).
func (r *renderer) styled(text string, style []uint8, a, b int) {
	if style == nil && a < b {
		p := r.paint[stPlain]
		r.b.WriteString(p.Open)
		r.b.WriteString(text[a:b])
		r.b.WriteString(p.Close)
		return
	}
	for a < b {
		s := style[a]
		e := a + 1
		for e < b && style[e] == s {
			e++
		}
		p := r.paint[s]
		r.b.WriteString(p.Open)
		r.b.WriteString(text[a:e])
		r.b.WriteString(p.Close)
		a = e
	}
}

// rail is the two-cell column between the label and the text that shows
// which span a line belongs to.
func (r *renderer) rail(pr *prepared, a, b int) string {
	for _, sp := range pr.spans {
		if sp.a < b && a < sp.b || (a == b && sp.a <= a && a < sp.b) {
			c, _ := r.st.KindPaint(sp.kind)
			return c.Wrap(theme.RailGlyph(sp.kind)) + " "
		}
	}
	return "  "
}

// render draws one paragraph at a layout: heading, then the text wrapped
// with a hanging indent under the ¶ label, or a one-line preview when
// collapsed. matches are ranges of the heading (the first heads of them)
// then of the display text; cur indexes them or is -1.
func (r *renderer) render(pr *prepared, lo layout, collapsed bool, matches []common.Range, heads, cur int, out *paraRender) {
	out.lines = out.lines[:0]
	out.spanLine = out.spanLine[:0]
	out.matchLine = out.matchLine[:0]
	out.headLines = 0
	if pr.heading != "" {
		r.heading(pr.heading, lo.fullW, matches[:heads], cur, out)
	}
	matches, cur = matches[heads:], cur-heads
	style := pr.style
	if len(matches) > 0 {
		style = make([]uint8, len(pr.text))
		copy(style, pr.style)
		for i, m := range matches {
			v := stMatch
			if i == cur {
				v = stMatchCur
			}
			fill(style, m.A, m.B, v)
		}
	}

	lt := common.Fit(pr.label, lo.labelW)
	label := r.st.P.ParaNum.Wrap(lt) + strings.Repeat(" ", max(0, lo.labelW-utf8.RuneCountInString(lt)))
	blankLabel := strings.Repeat(" ", lo.labelW)
	badge, badgeW := "", 0
	if pr.marking != "" {
		mk := common.Fit(pr.marking, max(3, lo.textW/3))
		badge = r.st.BadgePaint(pr.marking[1:len(pr.marking)-1]).Wrap(mk) + " "
		badgeW = common.Width(mk) + 1
	}

	if collapsed {
		r.collapsed(pr, lo, style, label, badge, badgeW, matches, out)
		return
	}

	// Lines of the text, each wrapped; a record of where each piece starts
	// lets spans and matches find their line.
	type piece struct{ a, b int }
	var pieces []piece
	first := true
	for _, ln := range pr.lines {
		w1 := lo.textW
		if first {
			w1 -= badgeW
		}
		r.rs = common.WrapLine(pr.text[ln.A:ln.B], w1, lo.textW, r.rs[:0])
		for _, x := range r.rs {
			a, b := ln.A+x.A, ln.A+x.B
			r.b.Reset()
			if first {
				r.b.WriteString(label)
			} else {
				r.b.WriteString(blankLabel)
			}
			r.b.WriteString(r.rail(pr, a, b))
			if first {
				r.b.WriteString(badge)
			}
			r.styled(pr.text, style, a, b)
			out.lines = append(out.lines, r.b.String())
			pieces = append(pieces, piece{a, b})
			first = false
		}
	}
	// The pieces are in text order: the line of an offset is the last
	// piece starting at or before it (a binary search, so that a long
	// paragraph with many matches costs no more than its length).
	lineOf := func(off int) int {
		i := sort.Search(len(pieces), func(i int) bool { return pieces[i].a > off })
		return max(0, i-1)
	}
	for _, sp := range pr.spans {
		out.spanLine = append(out.spanLine, lineOf(sp.a))
	}
	for _, m := range matches {
		out.matchLine = append(out.matchLine, lineOf(m.A))
	}
}

// heading draws a paragraph's heading, wrapped to w cells, its search
// matches painted, and records the line of each match (counted back from
// the text's first line, so negative).
func (r *renderer) heading(h string, w int, matches []common.Range, cur int, out *paraRender) {
	hp := r.st.P.Heading
	r.rs = common.WrapLine(h, w, w, r.rs[:0])
	for _, x := range r.rs {
		r.b.Reset()
		at := x.A
		for k, m := range matches {
			a, b := max(m.A, x.A), min(m.B, x.B)
			if a >= b || a < at {
				continue
			}
			r.b.WriteString(hp.Wrap(h[at:a]))
			p := r.paint[stMatch]
			if k == cur {
				p = r.paint[stMatchCur]
			}
			r.b.WriteString(p.Wrap(h[a:b]))
			at = b
		}
		r.b.WriteString(hp.Wrap(h[at:x.B]))
		out.lines = append(out.lines, r.b.String())
	}
	out.headLines = len(out.lines)
	for _, m := range matches {
		line := 0
		for k, x := range r.rs {
			if x.A <= m.A {
				line = k
			}
		}
		out.matchLine = append(out.matchLine, line-out.headLines)
	}
}

// collapsed draws the one-line preview of a folded paragraph: its first
// line, an ellipsis, and chips naming what it holds (SUMMARY, NOTE, …).
func (r *renderer) collapsed(pr *prepared, lo layout, style []uint8, label, badge string, badgeW int, matches []common.Range, out *paraRender) {
	var chips strings.Builder
	chipsW := 0
	for _, k := range pr.kinds {
		_, lp := r.st.KindPaint(k)
		chips.WriteString(" ")
		name := common.CleanLine(string(k))
		chips.WriteString(lp.Wrap(name))
		chipsW += 1 + common.Width(name)
	}
	if len(matches) > 0 {
		t := strconv.Itoa(len(matches)) + " match"
		if len(matches) > 1 {
			t += "es"
		}
		chips.WriteString(" ")
		chips.WriteString(r.st.P.Match.Wrap(t))
		chipsW += 1 + len(t)
	}
	// first non-empty line
	ln := common.Range{}
	for _, l := range pr.lines {
		if strings.TrimSpace(pr.text[l.A:l.B]) != "" {
			ln = l
			break
		}
	}
	room := lo.textW - badgeW - chipsW - 2
	if room < 4 {
		// too narrow for the chips: keep the text
		chips.Reset()
		chipsW = 0
		room = lo.textW - badgeW - 2
	}
	r.rs = common.WrapLineN(pr.text[ln.A:ln.B], room, room, 1, r.rs[:0])
	x := r.rs[0]
	a, b := ln.A+x.A, ln.A+x.B
	r.b.Reset()
	r.b.WriteString(label)
	r.b.WriteString(r.rail(pr, a, b))
	r.b.WriteString(badge)
	r.styled(pr.text, style, a, b)
	if b < len(pr.text) && strings.TrimSpace(pr.text[b:]) != "" {
		r.b.WriteString(" ")
		r.b.WriteString(r.st.P.Dim.Wrap("…"))
	}
	r.b.WriteString(chips.String())
	out.lines = append(out.lines, r.b.String())
	for range pr.spans {
		out.spanLine = append(out.spanLine, 0)
	}
	for range matches {
		out.matchLine = append(out.matchLine, 0)
	}
}
