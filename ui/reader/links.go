package reader

import (
	"strconv"
	"strings"

	"cablereader/model"
	"cablereader/ui/common"
	"cablereader/ui/theme"
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

// EnableLinks turns the reader into the archive's reader: its references
// become links where present says the cable is there, and the archive keys
// (follow, back, same post) are on.
func (m *Model) EnableLinks(self string, present func(id string) bool) {
	m.keys = ArchiveKeyMap()
	m.links = newRefLinks(m.cable, self, present)
	m.invalidate()
}

// NameStations names, in the routing pane, the indicators that neither
// the cable nor the glossary does, as other cables of the archive name
// them (name is the archive's).
func (m *Model) NameStations(name func(ri string) (string, bool)) {
	m.stationName = name
	m.routingCache = nil
}

// Relink looks the references up again (the archive grows while it is
// indexed); it keeps the selected link when it is still one.
func (m *Model) Relink(self string, present func(id string) bool) {
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
		m.msg = m.NoLinkText()
		return
	}
	l.sel = ((l.sel+dir)%len(l.links) + len(l.links)) % len(l.links)
	m.header = nil
	m.msg = m.refStatus()
}

// SelectedRef returns the selected link's reference.
func (m *Model) SelectedRef() (model.Reference, bool) {
	i := m.links.selected()
	if i < 0 {
		return model.Reference{}, false
	}
	return m.cable.Header.References[i], true
}

// refStatus names the selected link for the status line.
func (m *Model) refStatus() string {
	r, ok := m.SelectedRef()
	if !ok {
		return ""
	}
	s := "ref "
	if r.Label != "" {
		s += common.CleanLine(r.Label) + " "
	}
	s += "→ " + common.CleanLine(r.ID)
	if n := len(m.links.links); n > 1 {
		s += " (" + strconv.Itoa(m.links.sel+1) + "/" + strconv.Itoa(n) + ")"
	}
	return s + " · o opens"
}

// LinksSummary is said when a cable with links opens.
func (m *Model) LinksSummary() string {
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

// NoLinkText says why there is nothing to follow.
func (m *Model) NoLinkText() string {
	for _, r := range m.cable.Header.References {
		if r.ID != "" {
			return "none of the cables this one cites is in the archive"
		}
	}
	return "this cable cites no other cable"
}

// Idle reports whether the reader is showing the cable with no prompt or
// page open: the archive's navigation keys apply.
func (m *Model) Idle() bool {
	return m.mode == modeNormal && !m.showHelp && !m.showTags && !m.showMarks && !m.quitting && m.searching == nil
}

// EscActs reports whether esc has something to close in the reader (a
// search, the routing pane); when not, esc goes back to the list.
func (m *Model) EscActs() bool {
	return !m.Idle() || m.search.active() || m.showRouting
}

// Pos is where a reader stands, kept in the history to come back to.
type Pos struct {
	offset, cur, ref int
	routing          bool
}

// Position is where the reader stands now.
func (m *Model) Position() Pos {
	p := Pos{offset: m.offset, cur: m.cur, ref: -1, routing: m.showRouting}
	if m.links != nil {
		p.ref = m.links.sel
	}
	return p
}

// Restore puts the reader back where p says (same cable, same
// window size: the offsets still hold; clamp keeps them in range).
func (m *Model) Restore(p Pos) {
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
func refsField(c *model.Cable, l *refLinks, st *theme.Styles, w int) []string {
	const maxLines = 2
	refs := c.Header.References
	sel := l.selected()
	type item struct {
		s string
		w int
	}
	items := make([]item, len(refs))
	for i, r := range refs {
		t := common.CleanLine(r.Text)
		if r.Label != "" {
			t = common.CleanLine(r.Label) + ". " + t
		}
		id := common.CleanLine(r.ID)
		switch {
		case l.present[i]:
			t += " → " + id
			p := st.P.Link
			if i == sel {
				p = st.P.LinkSel
			}
			t = common.Fit(t, w)
			items[i] = item{p.Wrap(t), common.Width(t)}
		case id != "":
			if !strings.Contains(t, id) {
				t += " (" + id + ")"
			}
			t = common.Fit(t+" · not in archive", w)
			items[i] = item{st.P.Dim.Wrap(t), common.Width(t)}
		default:
			t = common.Fit(t, w)
			items[i] = item{t, common.Width(t)}
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
				b.WriteString(st.P.Dim.Wrap("; "))
			}
			b.WriteString(items[i].s)
		}
		s := b.String()
		if k == first && first > 0 {
			s = st.P.Dim.Wrap("… ") + s
		}
		if k == first+maxLines-1 && k < len(lines)-1 {
			more := " … +" + strconv.Itoa(len(items)-lines[k][1])
			s = common.Fit(s, w-common.Width(more)) + st.P.Dim.Wrap(more)
		}
		out = append(out, common.Fit(s, w))
	}
	return out
}
