package archive

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"os"

	"cablereader/ui/common"
	"cablereader/ui/state"
)

// The marks page of the list (the ' key): the marks of every cable, as
// the reader lists them, newest first; enter opens the marked cable at its
// paragraph, m removes a mark. A mark in a cable this archive does not
// hold is listed dim and does not open.

// openMarks shows the marks page, or says why not.
func (a *Archive) openMarks() {
	switch {
	case a.opt.State == nil:
		a.msg = "marks are off (--no-state)"
	case len(a.opt.State.Marks()) == 0:
		a.msg = "no marks yet: in a cable, m marks the current paragraph"
	default:
		a.ov.Open(overlayMarks)
	}
}

// marksLines draws the marks page for w cells after a gutter of two: one
// line a mark (id, paragraph, first words), the selected one marked in the
// gutter, as the list marks its row, and highlighted.
func (a *Archive) marksLines(w int) []string {
	st := a.styles
	var lines []string
	for _, l := range append(common.PageTitle("Marks", "(⏎ opens, m removes, esc closes)", st, w), "") {
		lines = append(lines, "  "+l)
	}
	for i, mk := range a.opt.State.Recent() {
		absent := !a.present(mk.ID)
		l := common.MarkLine(mk, w)
		if absent {
			const note = " · not in this archive" // kept whole: the words give way
			l = common.Fit(common.MarkLine(mk, w-common.Width(note))+note, w)
		}
		switch {
		case i == a.ov.Sel:
			l = st.P.Gutter.Wrap("▌") + " " + st.P.LinkSel.Wrap(common.PadRight(l, w))
		case absent:
			l = "  " + st.P.Dim.Wrap(l)
		default:
			l = "  " + l
		}
		lines = append(lines, l)
	}
	return lines
}

// marksKey handles a key on the marks page.
func (a *Archive) marksKey(msg tea.KeyPressMsg) tea.Cmd {
	k := a.keys
	marks := a.opt.State.Recent()
	switch {
	case key.Matches(msg, k.Clear), key.Matches(msg, k.Marks):
		a.ov.Close()
	case key.Matches(msg, k.Down):
		a.ov.Sel = min(a.ov.Sel+1, len(marks)-1)
	case key.Matches(msg, k.Up):
		a.ov.Sel = max(a.ov.Sel-1, 0)
	case key.Matches(msg, k.Top):
		a.ov.Sel = 0
	case key.Matches(msg, k.Bottom):
		a.ov.Sel = len(marks) - 1
	case msg.String() == "m":
		if a.ov.Sel < len(marks) {
			mk := marks[a.ov.Sel]
			a.opt.State.ToggleMark(mk)
			a.ov.Sel = max(0, min(a.ov.Sel, len(marks)-2))
			if len(marks) == 1 {
				a.ov.Close()
			}
			a.msg = "mark on " + common.OrDash(common.CleanLine(mk.ID)) + " " + common.CleanLine(mk.Name) + " removed"
			return common.SaveState(a.opt.State)
		}
	case key.Matches(msg, k.Open):
		if a.ov.Sel < len(marks) {
			return a.openMark(marks[a.ov.Sel])
		}
	}
	// keep the selection on screen, below the title and the blank line
	h := a.helpH()
	if sel := a.ov.Sel + 2; sel >= a.ov.Page.Offset+h {
		a.ov.Page.Offset = sel - h + 1
	} else if sel < a.ov.Page.Offset+2 {
		a.ov.Page.Offset = max(0, sel-2)
	}
	return nil
}

// openMark opens the marked cable at its paragraph: the place is recorded
// in the state first, and the reader opens where its cable was left.
func (a *Archive) openMark(mk state.Mark) tea.Cmd {
	e, ok := a.src.Lookup(mk.ID)
	if !ok && !fileThere(mk.Path) {
		a.msg = common.OrDash(common.CleanLine(mk.ID)) + " is not in this archive"
		if mk.Path != "" {
			a.msg += ", and its file is gone"
		}
		return nil
	}
	key := mk.ID
	if key == "" {
		key = mk.Path // as the reader keeps the place of a cable without an id
	}
	p, _ := a.opt.State.Position(key)
	p.Para = mk.Para
	a.opt.State.SetPosition(key, p)
	a.ov.Close()
	if !ok {
		// Read on its own when it was marked: opened from its file.
		return a.openFile(mk.ID, mk.Path, navHistory{})
	}
	return a.open(e, navHistory{}, nil)
}

// marksHelp is the help bar of the marks page.
var marksHelp = []key.Binding{
	key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", "choose")),
	key.NewBinding(key.WithKeys("enter"), key.WithHelp("⏎", "open at the mark")),
	key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "remove")),
	key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close")),
}

// renderMarks draws the marks page in the list's place.
func (a *Archive) renderMarks() {
	a.ov.Page.Lines = a.marksLines(max(10, a.width-4)) // a few lines: drawn each time
	h := a.helpH()
	shown := a.ov.Page.Window(h)
	for i := range h {
		if i < len(shown) {
			a.out.lines = append(a.out.lines, shown[i])
		} else {
			a.out.lines = append(a.out.lines, "")
		}
	}
	a.assemble()
}

// fileThere reports whether path names a file (a mark's, made in a cable
// read on its own).
func fileThere(path string) bool {
	if path == "" {
		return false
	}
	fi, err := os.Stat(path)
	return err == nil && fi.Mode().IsRegular()
}
