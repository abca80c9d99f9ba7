package reader

import (
	"slices"
	"strconv"
	"strings"

	"cablereader/model"
	"cablereader/ui/common"
	"cablereader/ui/theme"
)

// refLinks is the reader's state in archive mode: which of the cable's
// references name a cable the archive holds (links), the cables of the
// archive that cite this one (links too, after the references), and which
// link is selected. A single cable has none (Model.links is nil).
type refLinks struct {
	present []bool   // per Header.References: the cited cable is in the archive
	citedBy []string // ids of the cables citing this one
	links   []int    // the links in order: indexes of references, then len(references)+k for citedBy[k]
	sel     int      // index into links of the selected one; -1 when none
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

// withCitedBy adds the citing cables as links after the references.
func (l *refLinks) withCitedBy(ids []string) *refLinks {
	n := len(l.present)
	l.citedBy = ids
	l.links = slices.DeleteFunc(l.links, func(i int) bool { return i >= n })
	for k := range ids {
		l.links = append(l.links, n+k)
	}
	if l.sel < 0 && len(l.links) > 0 {
		l.sel = 0
	}
	l.sel = min(l.sel, len(l.links)-1)
	return l
}

// SetCitedBy makes the cables of the archive that cite this one links,
// listed in the header under "Cited by" and followed as references are.
func (m *Model) SetCitedBy(ids []string) {
	if m.links == nil {
		return
	}
	m.links.withCitedBy(slices.Clone(ids))
	m.header = nil
	m.invalidate()
}

// selected is the index into Header.References of the selected link, or -1.
func (l *refLinks) selected() int {
	if l == nil || l.sel < 0 || l.sel >= len(l.links) {
		return -1
	}
	return l.links[l.sel]
}

// EnableLinks turns the reader into the archive's reader: its references
// become links where present says the cable is there, tab and shift+tab
// select them.
func (m *Model) EnableLinks(self string, present func(id string) bool) {
	m.keys.NextRef.SetEnabled(true)
	m.keys.PrevRef.SetEnabled(true)
	m.bars.help, m.bars.page = nil, nil
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
	n := newRefLinks(m.cable, self, present).withCitedBy(old.citedBy)
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

// SelectedRef returns the selected link's reference; a cable citing this
// one is a reference with only its ID.
func (m *Model) SelectedRef() (model.Reference, bool) {
	i := m.links.selected()
	if i < 0 {
		return model.Reference{}, false
	}
	if n := len(m.cable.Header.References); i >= n {
		return model.Reference{ID: m.links.citedBy[i-n]}, true
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
	if m.links.selected() >= len(m.cable.Header.References) {
		s = "cited by " + common.CleanLine(r.ID)
	}
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
	refs := m.cable.Header.References
	n, cited := 0, 0
	for _, i := range m.links.links {
		if i < len(refs) {
			n++
		}
	}
	for _, r := range refs {
		if r.ID != "" {
			cited++
		}
	}
	var parts []string
	if n > 0 {
		s := strconv.Itoa(n) + " of " + strconv.Itoa(cited) + " cited cables in the archive"
		switch {
		case cited == 1:
			s = "the cited cable in the archive"
		}
		parts = append(parts, s)
	}
	if k := len(m.links.citedBy); k > 0 {
		parts = append(parts, "cited by "+strconv.Itoa(k)+" in the archive")
	}
	s := strings.Join(parts, " · ")
	if len(m.links.links) == 1 {
		return s + " · o opens it"
	}
	return s + " · o opens the first, tab the next"
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
	return m.mode == modeNormal && !m.ov.On() && !m.quitting && m.searching == nil
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
	refs := c.Header.References
	sel := l.selected()
	ss, ws := make([]string, len(refs)), make([]int, len(refs))
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
			ss[i], ws[i] = p.Wrap(t), common.Width(t)
		case id != "":
			if !strings.Contains(t, id) {
				t += " (" + id + ")"
			}
			t = common.Fit(t+" · not in archive", w)
			ss[i], ws[i] = st.P.Dim.Wrap(t), common.Width(t)
		default:
			t = common.Fit(t, w)
			ss[i], ws[i] = t, common.Width(t)
		}
	}
	return packLinks(ss, ws, sel, st, w)
}

// citedField is the header's Cited by field: each citing cable a link
// (← id), the selected one reversed, in at most two lines.
func citedField(l *refLinks, n int, st *theme.Styles, w int) []string {
	sel := l.selected() - n
	var ss []string
	var ws []int
	for k, id := range l.citedBy {
		t := common.Fit("← "+common.CleanLine(id), w)
		p := st.P.Link
		if k == sel {
			p = st.P.LinkSel
		}
		ss, ws = append(ss, p.Wrap(t)), append(ws, common.Width(t))
	}
	return packLinks(ss, ws, sel, st, w)
}

// packLinks puts the items (styled, with their widths) into at most two
// lines of w cells joined by "; ", never splitting one, keeping the
// selected one in view.
func packLinks(ss []string, ws []int, sel int, st *theme.Styles, w int) []string {
	const maxLines = 2
	type item struct {
		s string
		w int
	}
	items := make([]item, len(ss))
	for i := range ss {
		items[i] = item{ss[i], ws[i]}
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
