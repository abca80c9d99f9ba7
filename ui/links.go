package ui

import (
	"strconv"
	"strings"

	"cablereader/model"
)

// refLinks is the reader's state in archive mode: which of the cable's
// references name a cable the archive holds (links), and which link is
// selected. A single cable has none (Model.links is nil).
type refLinks struct {
	present []bool // per Header.References: the cited cable is in the archive
	links   []int  // indexes of the references that are links, in order
	sel     int    // index into links of the selected one; -1 when none
}

// newRefLinks looks each cited cable up; self is the cable's own id, never
// a link to itself.
func newRefLinks(c *model.Cable, self string, present func(id string) bool) *refLinks {
	l := &refLinks{present: make([]bool, len(c.Header.References)), sel: -1}
	for i, r := range c.Header.References {
		if r.ID != "" && !strings.EqualFold(r.ID, self) && present(r.ID) {
			l.present[i] = true
			l.links = append(l.links, i)
		}
	}
	if len(l.links) > 0 {
		l.sel = 0
	}
	return l
}

// selected is the index into Header.References of the selected link, or -1.
func (l *refLinks) selected() int {
	if l == nil || l.sel < 0 || l.sel >= len(l.links) {
		return -1
	}
	return l.links[l.sel]
}

// enableArchive turns the reader into the archive's reader: its references
// become links where present says the cable is there, and the archive keys
// (follow, back, same post) are on.
func (m *Model) enableArchive(self string, present func(id string) bool) {
	m.keys = archiveKeys()
	m.links = newRefLinks(m.cable, self, present)
	m.invalidate()
}

// relink looks the references up again (the archive grows while it is
// indexed); it keeps the selected link when it is still one.
func (m *Model) relink(self string, present func(id string) bool) {
	if m.links == nil {
		return
	}
	old := m.links
	n := newRefLinks(m.cable, self, present)
	if len(n.links) == len(old.links) {
		return
	}
	if s := old.selected(); s >= 0 {
		for k, i := range n.links {
			if i == s {
				n.sel = k
			}
		}
	}
	m.links = n
	m.header = nil
}

// selectRef selects the next (dir > 0) or previous link, wrapping, and
// says which it is on the status line (the header may be compact).
func (m *Model) selectRef(dir int) {
	l := m.links
	if l == nil {
		return
	}
	if len(l.links) == 0 {
		m.msg = m.noLinkText()
		return
	}
	l.sel = ((l.sel+dir)%len(l.links) + len(l.links)) % len(l.links)
	m.header = nil
	m.msg = m.refStatus()
}

// selectedRef returns the selected link's reference.
func (m *Model) selectedRef() (model.Reference, bool) {
	i := m.links.selected()
	if i < 0 {
		return model.Reference{}, false
	}
	return m.cable.Header.References[i], true
}

// refStatus names the selected link for the status line.
func (m *Model) refStatus() string {
	r, ok := m.selectedRef()
	if !ok {
		return ""
	}
	s := "ref "
	if r.Label != "" {
		s += cleanLine(r.Label) + " "
	}
	s += "→ " + cleanLine(r.ID)
	if n := len(m.links.links); n > 1 {
		s += " (" + strconv.Itoa(m.links.sel+1) + "/" + strconv.Itoa(n) + ")"
	}
	return s + " · o opens"
}

// linksSummary is said when a cable with links opens.
func (m *Model) linksSummary() string {
	if m.links == nil || len(m.links.links) == 0 {
		return ""
	}
	n, cited := len(m.links.links), 0
	for _, r := range m.cable.Header.References {
		if r.ID != "" {
			cited++
		}
	}
	s := strconv.Itoa(n) + " of " + strconv.Itoa(cited) + " cited cables"
	if cited == 1 {
		s = "the cited cable"
	}
	if n == 1 {
		return s + " in the archive · o opens it"
	}
	return s + " in the archive · o opens the first, tab the next"
}

// noLinkText says why there is nothing to follow.
func (m *Model) noLinkText() string {
	for _, r := range m.cable.Header.References {
		if r.ID != "" {
			return "none of the cables this one cites is in the archive"
		}
	}
	return "this cable cites no other cable"
}

// idle reports whether the reader is showing the cable with no prompt or
// page open: the archive's navigation keys apply.
func (m *Model) idle() bool {
	return m.mode == modeNormal && !m.showHelp && !m.showTags && !m.quitting
}

// escActs reports whether esc has something to close in the reader (a
// search, the routing pane); when not, esc goes back to the list.
func (m *Model) escActs() bool {
	return !m.idle() || m.search.active() || m.showRouting
}

// readerPos is where a reader stands, kept in the history to come back to.
type readerPos struct {
	offset, cur, ref int
	routing          bool
}

func (m *Model) position() readerPos {
	p := readerPos{offset: m.offset, cur: m.cur, ref: -1, routing: m.showRouting}
	if m.links != nil {
		p.ref = m.links.sel
	}
	return p
}

// restorePosition puts the reader back where p says (same cable, same
// window size: the offsets still hold; clamp keeps them in range).
func (m *Model) restorePosition(p readerPos) {
	if p.routing != m.showRouting {
		m.showRouting = p.routing
		m.dirty = true
	}
	if m.links != nil && p.ref >= 0 && p.ref < len(m.links.links) {
		m.links.sel = p.ref
		m.header = nil
	}
	if p.cur >= -1 && p.cur < len(m.cable.Body) {
		m.setCur(p.cur)
	}
	m.refresh()
	m.offset = p.offset
	m.clamp()
	m.refresh()
}

// refsField is the header's References field in archive mode: each item
// marked as a link (→ id, underlined; the selected one reversed) or as not in
// the archive, in at most maxLines lines that keep the selected link in
// view. Items are never split across lines. A link reads "B. TOKYO 2222 →
// 09TOKYO2222"; a cable elsewhere "A. STATE 1 (09STATE1) · not in archive".
func refsField(c *model.Cable, l *refLinks, st *Styles, w int) []string {
	const maxLines = 2
	refs := c.Header.References
	sel := l.selected()
	type item struct {
		s string
		w int
	}
	items := make([]item, len(refs))
	for i, r := range refs {
		t := cleanLine(r.Text)
		if r.Label != "" {
			t = cleanLine(r.Label) + ". " + t
		}
		id := cleanLine(r.ID)
		switch {
		case l.present[i]:
			t += " → " + id
			p := st.p.link
			if i == sel {
				p = st.p.linkSel
			}
			t = fit(t, w)
			items[i] = item{p.wrap(t), textWidth(t)}
		case id != "":
			if !strings.Contains(t, id) {
				t += " (" + id + ")"
			}
			t = fit(t+" · not in archive", w)
			items[i] = item{st.p.dim.wrap(t), textWidth(t)}
		default:
			t = fit(t, w)
			items[i] = item{t, textWidth(t)}
		}
	}
	// pack the items into lines
	var lines [][2]int // item ranges
	start, lw := 0, 0
	for i, it := range items {
		if i > start && lw+2+it.w > w {
			lines = append(lines, [2]int{start, i})
			start, lw = i, 0
		}
		if i > start {
			lw += 2
		}
		lw += it.w
	}
	if len(items) > 0 {
		lines = append(lines, [2]int{start, len(items)})
	}
	first := 0
	for k, ln := range lines {
		if sel >= ln[0] && sel < ln[1] && k >= maxLines {
			first = k - maxLines + 1
		}
	}
	var out []string
	for k := first; k < len(lines) && k < first+maxLines; k++ {
		var b strings.Builder
		for i := lines[k][0]; i < lines[k][1]; i++ {
			if i > lines[k][0] {
				b.WriteString(st.p.dim.wrap("; "))
			}
			b.WriteString(items[i].s)
		}
		s := b.String()
		if k == first && first > 0 {
			s = st.p.dim.wrap("… ") + s
		}
		if k == first+maxLines-1 && k < len(lines)-1 {
			more := " … +" + strconv.Itoa(len(items)-lines[k][1])
			s = fit(s, w-textWidth(more)) + st.p.dim.wrap(more)
		}
		out = append(out, fit(s, w))
	}
	return out
}
