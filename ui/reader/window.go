package reader

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"cablereader/model"
	"cablereader/ui/common"
)

// doc is the body rendered into lines for one (width, state), with the
// index that jumps need: where each paragraph starts and ends.
//
// It is a window over the text, laid out lazily: it starts at one
// paragraph (the origin, line 0) and grows paragraph by paragraph downward
// (lines) and upward (above, nearest first, at negative line numbers) as
// far as the screen or a jump needs. A jump far from the window starts a
// new one. So a cable of 100 MB opens, re-wraps on resize and jumps to its
// end as fast as a short one, and only what has been shown is rendered.
// The index holds for the paragraphs in [first, built); the routing pane
// sits above paragraph 0, the tail (signature, trailer, notices) after the
// last.
type doc struct {
	lines      []string // line 0 on
	owner      []int32  // body index that owns each line, -1 for none
	above      []string // line -1, -2, ...
	ownerAbove []int32
	top        []int // per paragraph: first line (its heading, if any)
	text       []int // per paragraph: first text line
	end        []int // per paragraph: one past its last line
	first      int   // first paragraph laid out
	built      int   // one past the last paragraph laid out
	done       bool  // the tail is in
	topDone    bool  // paragraph 0 and the routing pane are in
}

func (d *doc) add(owner int, ls ...string) {
	for _, l := range ls {
		d.lines = append(d.lines, l)
		d.owner = append(d.owner, int32(owner))
	}
}

// push adds a line on top of the window.
func (d *doc) push(owner int, l string) {
	d.above = append(d.above, l)
	d.ownerAbove = append(d.ownerAbove, int32(owner))
}

// start and stop bound the lines laid out: [start, stop).
func (d *doc) start() int { return -len(d.above) }
func (d *doc) stop() int  { return len(d.lines) }

// line returns line l and the paragraph that owns it (-1 for none); ok is
// false outside the window.
func (d *doc) line(l int) (s string, owner int, ok bool) {
	switch {
	case l >= 0 && l < len(d.lines):
		return d.lines[l], int(d.owner[l]), true
	case l < 0 && -l <= len(d.above):
		return d.above[-l-1], int(d.ownerAbove[-l-1]), true
	}
	return "", -1, false
}

// whole reports whether the window holds the whole text.
func (d *doc) whole() bool { return d.done && d.topDone }

// has reports whether paragraph i is laid out.
func (d *doc) has(i int) bool { return i >= d.first && i < d.built }

// labelWidth is the width of the ¶ label column for a cable: the widest
// "¶N" plus a space, at least 4 cells.
func labelWidth(body []model.Paragraph) int {
	most := 0
	for _, p := range body {
		most = max(most, p.Number)
	}
	if most == 0 {
		return 4
	}
	return max(4, utf8.RuneCountInString("¶"+strconv.Itoa(most))+1)
}

// buildDoc starts the window over at paragraph m.origin for the current
// state; the rest is laid out on demand.
func (m *Model) buildDoc() {
	d := &m.doc
	n := len(m.cable.Body)
	m.origin = max(0, min(m.origin, n-1))
	d.lines, d.owner = d.lines[:0], d.owner[:0]
	d.above, d.ownerAbove = d.above[:0], d.ownerAbove[:0]
	d.top = sized(d.top, n)
	d.text = sized(d.text, n)
	d.end = sized(d.end, n)
	d.first, d.built = m.origin, m.origin
	d.done, d.topDone = false, false
	if m.origin == 0 {
		if m.showRouting {
			d.add(-1, m.routingLines()...)
			d.add(-1, "")
		}
		d.topDone = true
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
	if i > d.first {
		d.add(-1, "")
	}
	pr := m.paraLines(i)
	d.top[i] = len(d.lines)
	d.text[i] = d.top[i] + pr.headLines
	d.add(i, pr.lines...)
	d.end[i] = len(d.lines)
	d.built++
}

// assemblePrev puts the paragraph before the window on top of it, or the
// routing pane above paragraph 0.
func (m *Model) assemblePrev() {
	d := &m.doc
	if d.first == 0 {
		if m.showRouting {
			d.push(-1, "")
			r := m.routingLines()
			for k := len(r) - 1; k >= 0; k-- {
				d.push(-1, r[k])
			}
		}
		d.topDone = true
		return
	}
	i := d.first - 1
	if d.built > d.first || d.done {
		d.push(-1, "") // between paragraph i and the window
	}
	pr := m.paraLines(i)
	for k := len(pr.lines) - 1; k >= 0; k-- {
		d.push(i, pr.lines[k])
	}
	d.top[i] = d.start()
	d.text[i] = d.top[i] + pr.headLines
	d.end[i] = d.top[i] + len(pr.lines)
	d.first--
}

// needLines lays out downward until line n-1 is in or the text ends.
func (m *Model) needLines(n int) {
	for !m.doc.done && m.doc.stop() < n {
		m.assembleNext()
	}
}

// needAbove lays out upward until line l is in or the text starts.
func (m *Model) needAbove(l int) {
	for !m.doc.topDone && m.doc.start() > l {
		m.assemblePrev()
	}
}

// farJump is how many paragraphs a jump lays out on the way before it
// starts a new window at its target instead.
const farJump = 200

// needPara lays out paragraph i. A paragraph far from the window starts a
// new one there, with i at the top of the screen; moved says so, and that
// line numbers from before mean nothing now.
func (m *Model) needPara(i int) (moved bool) {
	d := &m.doc
	if i < 0 || i >= len(m.cable.Body) || d.has(i) {
		return false
	}
	if i >= d.built && i-d.built < farJump {
		for d.built <= i {
			m.assembleNext()
		}
		return false
	}
	if i < d.first && d.first-i < farJump {
		for d.first > i {
			m.assemblePrev()
		}
		return false
	}
	m.origin = i
	m.buildDoc()
	m.assembleNext()
	m.offset = d.top[i]
	return true
}

// wholeDoc lays out everything from paragraph 0: the tests' view of the
// text.
func (m *Model) wholeDoc() {
	if m.doc.first != 0 || !m.doc.topDone {
		m.origin = 0
		m.buildDoc()
	}
	for !m.doc.done {
		m.assembleNext()
	}
}

// tailLines adds the signature and what the parser could not place.
func (m *Model) tailLines(add func(int, ...string)) {
	c := m.cable
	st := m.styles
	indent := strings.Repeat(" ", m.lo.labelW+railW)
	if s := common.CleanLine(c.Signature); s != "" {
		add(-1, "", indent+st.P.Dim.Wrap("— ")+st.Heading.Render(s))
	}
	section := func(title string, lines []string) {
		if len(lines) == 0 {
			return
		}
		add(-1, "", indent+st.Label.Render(title))
		for _, l := range lines {
			for _, w := range common.WrapPlain(common.CleanLine(l), m.lo.textW) {
				add(-1, indent+st.P.Dim.Wrap(w))
			}
		}
	}
	section("Trailer", c.Trailer)
	section("Text the parser could not place", c.Unplaced)
	section("Parser notices", c.Notices)
}

// sized returns s with length n, reusing its array when it is big enough.
func sized(s []int, n int) []int {
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
	var matches []common.Range
	if n > 0 {
		matches = m.search.inPara(i)
	}
	m.rend.render(m.prep(i), m.lo, m.collapsed[i], matches, m.search.headsIn(i), cur, r)
	r.key, r.valid = key, true
	return r
}

// rendered is paragraph i's cache slot for its current fold state.
func (m *Model) rendered(i int) *paraRender {
	if m.renders[i] == nil {
		m.renders[i] = new([2]paraRender)
	}
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
		m.routingCache = routingPane(m.cable, m.styles, m.lo.fullW, m.stationName)
	}
	return m.routingCache
}
