package ui

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"cablereader/model"
)

// doc is the body rendered into lines for one (width, state), with the
// index that jumps need: where each paragraph starts and ends.
//
// It is assembled lazily, paragraph by paragraph, as far as the screen or a
// jump needs (needLines, needPara): a cable of 100 MB opens and re-wraps on
// resize as fast as a short one, and only what has been shown is rendered.
// The index holds for the paragraphs built so far; the tail (signature,
// trailer, notices) comes after the last one.
type doc struct {
	lines []string
	owner []int32 // body index that owns each line, -1 for none
	top   []int   // per paragraph: first line (its heading, if any)
	text  []int   // per paragraph: first text line
	end   []int   // per paragraph: one past its last line
	built int     // paragraphs assembled so far
	done  bool    // the tail is in: lines is the whole text
}

func (d *doc) add(owner int, ls ...string) {
	for _, l := range ls {
		d.lines = append(d.lines, l)
		d.owner = append(d.owner, int32(owner))
	}
}

// labelWidth is the width of the ¶ label column for a cable: the widest
// "¶N" plus a space, at least 4 cells.
func labelWidth(body []model.Paragraph) int {
	w := 4
	for _, p := range body {
		if p.Number > 0 {
			n := utf8.RuneCountInString("¶"+strconv.Itoa(p.Number)) + 1
			w = max(w, n)
		}
	}
	return w
}

// buildDoc starts the document over for the current state; the paragraphs
// are assembled on demand.
func (m *Model) buildDoc() {
	d := &m.doc
	d.lines = d.lines[:0]
	d.owner = d.owner[:0]
	n := len(m.cable.Body)
	d.top = resize(d.top, n)
	d.text = resize(d.text, n)
	d.end = resize(d.end, n)
	d.built, d.done = 0, false
	if m.showRouting {
		d.add(-1, m.routingLines()...)
		d.add(-1, "")
	}
}

// assembleNext appends the next paragraph, or the tail after the last one.
func (m *Model) assembleNext() {
	d := &m.doc
	i := d.built
	if i == len(m.cable.Body) {
		m.tailLines(d.add)
		d.done = true
		return
	}
	if i > 0 {
		d.add(-1, "")
	}
	pr := m.paraLines(i)
	d.top[i] = len(d.lines)
	d.text[i] = d.top[i] + pr.headLines
	d.add(i, pr.lines...)
	d.end[i] = len(d.lines)
	d.built++
}

// needLines assembles until the document has n lines or is whole.
func (m *Model) needLines(n int) {
	for !m.doc.done && len(m.doc.lines) < n {
		m.assembleNext()
	}
}

// needPara assembles until paragraph i has its lines.
func (m *Model) needPara(i int) {
	for !m.doc.done && m.doc.built <= i {
		m.assembleNext()
	}
}

// wholeDoc assembles everything: the end of the text is wanted.
func (m *Model) wholeDoc() {
	for !m.doc.done {
		m.assembleNext()
	}
}

// tailLines adds the signature and what the parser could not place.
func (m *Model) tailLines(add func(int, ...string)) {
	c := m.cable
	st := m.styles
	indent := strings.Repeat(" ", m.lo.labelW+railW)
	if s := cleanLine(c.Signature); s != "" {
		add(-1, "", indent+st.p.dim.wrap("— ")+st.Heading.Render(s))
	}
	section := func(title string, lines []string) {
		if len(lines) == 0 {
			return
		}
		add(-1, "", indent+st.Label.Render(title))
		for _, l := range lines {
			for _, w := range wrapPlain(cleanLine(l), m.lo.textW) {
				add(-1, indent+st.p.dim.wrap(w))
			}
		}
	}
	section("Trailer", c.Trailer)
	section("Text the parser could not place", c.Unplaced)
	section("Parser notices", c.Notices)
}

func resize(s []int, n int) []int {
	if cap(s) >= n {
		return s[:n]
	}
	return make([]int, n)
}

// paraLines returns paragraph i rendered for the current state, from the
// cache when nothing it depends on has changed. Each paragraph keeps an
// expanded and a collapsed rendering, so folding and unfolding everything
// only reassembles lines.
func (m *Model) paraLines(i int) *paraRender {
	n, cur := m.search.countIn(i)
	key := paraKey{
		width:     m.lo.textW,
		collapsed: m.collapsed[i],
		theme:     m.themeGen,
		search:    m.search.gen,
		cur:       cur,
	}
	if n == 0 {
		key.search, key.cur = 0, -1
	}
	r := m.rendered(i)
	if r.valid && r.key == key {
		return r
	}
	var matches []rng
	if n > 0 {
		matches = m.search.inPara(i)
	}
	m.rend.render(m.prep(i), m.lo, m.collapsed[i], matches, cur, r)
	r.key, r.valid = key, true
	return r
}

// rendered is paragraph i's cache slot for its current fold state.
func (m *Model) rendered(i int) *paraRender {
	if m.collapsed[i] {
		return &m.renders[i][1]
	}
	return &m.renders[i][0]
}

// prep returns paragraph i prepared (cleaned, spans mapped).
func (m *Model) prep(i int) *prepared {
	if m.preps[i] == nil {
		m.preps[i] = prepare(&m.cable.Body[i])
	}
	return m.preps[i]
}

// routingLines is the routing pane, cached per width and theme.
func (m *Model) routingLines() []string {
	if m.routingCache == nil {
		m.routingCache = routingPane(m.cable, m.styles, m.lo.fullW)
	}
	return m.routingCache
}
