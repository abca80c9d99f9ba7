package reader

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"cablereader/ui/common"
	"cablereader/ui/state"
)

// Keeping the reader's place: where each cable was left and the marked
// paragraphs live in the state store (common.Options.State). The store is
// changed here, in Update; it is written to disk by common.SaveState, a
// command.

// placeKey names the cable in the store: its id, or the file it was read
// from when it has none.
func (m *Model) placeKey() string {
	if id := common.CleanLine(m.cable.ID); id != "" {
		return id
	}
	return m.opt.Path
}

// restorePlace puts the reader where the cable was left: the current
// paragraph and the folds. It runs once, at the first window size.
func (m *Model) restorePlace() {
	p, ok := m.opt.State.Position(m.placeKey())
	if !ok || p.Para < 0 || p.Para >= len(m.cable.Body) {
		return
	}
	for _, i := range p.Folded {
		if i >= 0 && i < len(m.collapsed) {
			m.setCollapsed(i, true)
		}
	}
	m.jumpTo(p.Para)
}

// jumpTo makes paragraph i current and puts it at the top of the screen.
func (m *Model) jumpTo(i int) {
	m.setCur(i)
	m.refresh()
	m.needPara(i)
	m.offset = m.doc.top[i]
	m.clamp()
}

// rememberPlace records where the reader stands in the store (memory
// only).
func (m *Model) rememberPlace() {
	if m.opt.State == nil || m.cur < 0 {
		return
	}
	var folded []int
	for i, f := range m.collapsed {
		if f {
			folded = append(folded, i)
		}
	}
	m.opt.State.SetPosition(m.placeKey(), state.Position{Para: m.cur, Folded: folded})
}

// toggleMark marks the current paragraph, or removes its mark.
func (m *Model) toggleMark() tea.Cmd {
	st := m.opt.State
	if st == nil {
		m.msg = "marks are off (--no-state)"
		return nil
	}
	if m.cur < 0 {
		m.msg = "no paragraph to mark"
		return nil
	}
	name := m.cable.ParaName(m.cur)
	mk := state.Mark{ID: common.CleanLine(m.cable.ID), Path: m.opt.Path, Para: m.cur, Name: name,
		Words: firstWords(m.cable.Body[m.cur].Text, 12)}
	if st.ToggleMark(mk) {
		m.msg = "marked " + name + " · ' lists the marks"
	} else {
		m.msg = "mark on " + name + " removed"
	}
	m.ov.Page.Lines = nil
	return common.SaveState(st)
}

// firstWords is the first n words of s, on one line.
func firstWords(s string, n int) string {
	w := strings.Fields(common.CleanLine(s))
	if len(w) > n {
		return strings.Join(w[:n], " ") + " …"
	}
	return strings.Join(w, " ")
}

// openMarks shows the marks page.
func (m *Model) openMarks() {
	if m.opt.State == nil {
		m.msg = "marks are off (--no-state)"
		return
	}
	if len(m.opt.State.Marks()) == 0 {
		m.msg = "no marks yet: m marks the current paragraph"
		return
	}
	m.ov.Open(overlayMarks)
}

// marksPane is the marks page: one line a mark (id, paragraph, first
// words), the selected one highlighted.
func (m *Model) marksPane() []string {
	st := m.styles
	w := m.lo.fullW
	lines := append(common.PageTitle("Marks", "(⏎ opens, m removes, esc closes)", st, w), "")
	for i, mk := range m.opt.State.Recent() {
		l := common.MarkLine(mk, w)
		if i == m.ov.Sel {
			l = st.P.LinkSel.Wrap(common.PadRight(l, w))
		}
		lines = append(lines, l)
	}
	return lines
}

// marksKey handles a key on the marks page.
func (m *Model) marksKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	marks := m.opt.State.Recent()
	switch {
	case key.Matches(msg, k.Close), key.Matches(msg, k.Marks):
		m.ov.Close()
		return nil
	case key.Matches(msg, k.Down), msg.String() == "]":
		m.ov.Sel = min(m.ov.Sel+1, len(marks)-1)
	case key.Matches(msg, k.Up), msg.String() == "[":
		m.ov.Sel = max(m.ov.Sel-1, 0)
	case key.Matches(msg, k.Top):
		m.ov.Sel = 0
	case key.Matches(msg, k.Bottom):
		m.ov.Sel = len(marks) - 1
	case key.Matches(msg, k.Mark):
		if m.ov.Sel < len(marks) {
			m.opt.State.ToggleMark(marks[m.ov.Sel])
			if len(marks) == 1 {
				m.ov.Close()
			}
			m.ov.Sel = max(0, min(m.ov.Sel, len(marks)-2))
			m.ov.Page.Lines = nil
			return common.SaveState(m.opt.State)
		}
	case msg.String() == "enter":
		if m.ov.Sel < len(marks) {
			return m.openMark(marks[m.ov.Sel])
		}
	}
	m.ov.Page.Lines = nil
	// keep the selection on screen: title and blank line above it
	if sel := m.ov.Sel + 3; sel >= m.ov.Page.Offset+m.bodyH {
		m.ov.Page.Offset = sel - m.bodyH + 1
	} else if m.ov.Sel+2 < m.ov.Page.Offset {
		m.ov.Page.Offset = m.ov.Sel + 2
	}
	return nil
}

// openMark goes to a marked paragraph: in this cable at once; in another,
// by asking the root model to open it (the archive by id, a single cable
// by its file), the place recorded first so the cable opens at the mark.
func (m *Model) openMark(mk state.Mark) tea.Cmd {
	m.ov.Close()
	id := common.CleanLine(m.cable.ID)
	if mk.ID == id && (id != "" || mk.Path == m.opt.Path) {
		if mk.Para >= 0 && mk.Para < len(m.cable.Body) {
			m.jumpTo(mk.Para)
			m.msg = "mark: " + mk.Name
		}
		return nil
	}
	key := mk.ID
	if key == "" {
		key = mk.Path
	}
	p, _ := m.opt.State.Position(key)
	p.Para = mk.Para
	m.opt.State.SetPosition(key, p)
	m.msg = "opening " + common.OrDash(mk.ID) + "…"
	msg := common.OpenMarkMsg{ID: mk.ID, Path: mk.Path}
	return func() tea.Msg { return msg }
}
