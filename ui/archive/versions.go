package archive

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"cablereader/catalog"
	"cablereader/ui/common"
	"cablereader/ui/theme"
	"cablereader/versions"
)

// The versions of a cable (V in a cable): an archive may hold one cable
// more than once (the releases of 2010 and 2011 differ: redactions added
// and lifted). The view compares the first two copies word by word
// (package versions): each copy's source and date, a summary, each
// redaction change named, then the changed paragraphs with the deleted
// and inserted words in the theme's styles and wdiff's marks ([-…-],
// {+…+}, which survive NO_COLOR), and the unchanged ones folded into one
// line. Both copies are opened and compared in a command.

// Versioner is what a Source may also do: list the copies of a cable it
// holds (corpus.Archive does).
type Versioner interface {
	Versions(id string) []catalog.Record
}

type diffView struct {
	on, busy bool
	seq      int
	id       string
	err      string
	a, b     catalog.Record
	copies   int
	d        *versions.Diff
	page     common.Page
	width    int // what page.Lines were laid out for
}

// diffMsg is two copies compared by diffCmd.
type diffMsg struct {
	seq  int
	a, b catalog.Record
	d    *versions.Diff
	err  error
}

var diffHelp = []key.Binding{
	key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", "scroll")),
	key.NewBinding(key.WithKeys("space"), key.WithHelp("space", "page")),
	key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back to the cable")),
	key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
}

// openVersions compares the copies of the open cable.
func (a *Archive) openVersions() tea.Cmd {
	v, ok := a.src.(Versioner)
	if !ok {
		a.say("this archive keeps one copy of each cable")
		return nil
	}
	list := v.Versions(a.cur.ID)
	if len(list) < 2 {
		a.say("the archive holds one copy of " + common.OrDash(common.CleanLine(a.cur.ID)) + ": nothing to compare")
		return nil
	}
	a.dv.seq++
	a.dv = diffView{on: true, busy: true, seq: a.dv.seq, id: a.cur.ID, a: list[0], b: list[1], copies: len(list)}
	seq, src, ea, eb := a.dv.seq, a.src, list[0], list[1]
	return common.Guard("comparing the copies of "+common.OrDash(ea.ID), func() tea.Msg {
		ca, err := src.Open(ea)
		if err != nil {
			return diffMsg{seq: seq, err: err}
		}
		cb, err := src.Open(eb)
		if err != nil {
			return diffMsg{seq: seq, err: err}
		}
		return diffMsg{seq: seq, a: ea, b: eb, d: versions.Compare(ca, cb)}
	})
}

func (a *Archive) diffLoaded(msg diffMsg) {
	if !a.dv.on || msg.seq != a.dv.seq {
		return
	}
	a.dv.busy = false
	if msg.err != nil {
		a.dv.err = msg.err.Error()
		return
	}
	a.dv.d, a.dv.page = msg.d, common.Page{}
}

// diffKey scrolls or closes the versions view.
func (a *Archive) diffKey(msg tea.KeyPressMsg) tea.Cmd {
	k := a.keys
	switch {
	case msg.String() == "q":
		a.quitting = true
		if a.reader != nil {
			_, cmd := a.reader.Update(msg)
			return cmd
		}
		return common.SaveAndQuit(a.opt.State)
	case key.Matches(msg, k.Clear), msg.String() == "backspace", msg.String() == "V", msg.String() == "left":
		a.dv = diffView{seq: a.dv.seq}
	default:
		a.dv.page.Key(msg, k.MotionKeys, a.height-2)
	}
	return nil
}

// source names where a copy was read from: its file (shortened), and the
// line of a CSV row.
func source(e catalog.Record) string {
	s := shortPath(e.Path())
	if e.Line() > 0 {
		s += ":" + strconv.Itoa(e.Line())
	}
	return s
}

// diffLines lays out the comparison for w cells.
func (a *Archive) diffLines(w int) []string {
	st := a.styles
	dv := &a.dv
	date := func(e catalog.Record) string {
		if e.Date.IsZero() {
			return ""
		}
		return " · " + e.Date.UTC().Format("2006-01-02")
	}
	lines := []string{
		common.Fit(st.P.Deleted.Wrap("first ")+"  "+common.CleanLine(source(dv.a)+date(dv.a)), w),
		common.Fit(st.P.Inserted.Wrap("second")+"  "+common.CleanLine(source(dv.b)+date(dv.b)), w),
	}
	if dv.copies > 2 {
		lines = append(lines, st.P.Dim.Wrap(common.Fit("the archive holds "+strconv.Itoa(dv.copies)+" copies; the first two are compared", w)))
	}
	d := dv.d
	lines = append(lines, common.WrapPlain(d.Summary(), w)...)
	for _, r := range d.Redactions {
		for _, l := range common.WrapPlain(common.CleanLine(r.String()), w) {
			lines = append(lines, st.P.Warning.Wrap(l))
		}
	}
	var same []string
	for _, blk := range d.Blocks {
		if !blk.Changed {
			same = append(same, blk.Name)
			continue
		}
		name := blk.Title()
		lines = append(lines, "", st.P.Heading.Wrap(common.Fit(common.CleanLine(name), w)))
		lines = append(lines, wrapSpans(blk.Spans, w, st)...)
	}
	if len(same) > 0 {
		lines = append(lines, "")
		for _, l := range common.WrapPlain("unchanged: "+common.CleanLine(strings.Join(same, ", ")), w) {
			lines = append(lines, st.P.Dim.Wrap(l))
		}
	}
	return lines
}

// wrapSpans wraps a block's words to w cells, each deleted or inserted
// run in its style and between wdiff's marks.
func wrapSpans(spans []versions.Span, w int, st *theme.Styles) []string {
	type word struct {
		s    string
		op   versions.Op
		glue bool // no space before: a replacement reads [-old-]{+new+}
	}
	var ws []word
	for k, sp := range spans {
		f := strings.Fields(common.CleanLine(sp.Text))
		for i, x := range f {
			switch sp.Op {
			case versions.Deleted:
				if i == 0 {
					x = "[-" + x
				}
				if i == len(f)-1 {
					x += "-]"
				}
			case versions.Inserted:
				if i == 0 {
					x = "{+" + x
				}
				if i == len(f)-1 {
					x += "+}"
				}
			}
			ws = append(ws, word{x, sp.Op, i == 0 && sp.Op == versions.Inserted && k > 0 && spans[k-1].Op == versions.Deleted})
		}
	}
	var lines []string
	var b strings.Builder
	used := 0
	for _, x := range ws {
		xw := common.Width(x.s)
		gap := 1
		if x.glue {
			gap = 0
		}
		if used > 0 && used+gap+xw > w {
			lines = append(lines, b.String())
			b.Reset()
			used = 0
		}
		if used > 0 && gap > 0 {
			b.WriteByte(' ')
			used++
		}
		s := common.Fit(x.s, w)
		switch x.op {
		case versions.Deleted:
			s = st.P.Deleted.Wrap(s)
		case versions.Inserted:
			s = st.P.Inserted.Wrap(s)
		}
		b.WriteString(s)
		used += min(xw, w)
	}
	if used > 0 {
		lines = append(lines, b.String())
	}
	return lines
}

// renderDiff draws the versions view into a.out.frame.
func (a *Archive) renderDiff() {
	if a.width == 0 || a.tooSmall {
		return
	}
	st := a.styles
	dv := &a.dv
	w := a.width - 4
	right := strconv.Itoa(max(dv.copies, 2)) + " copies in the archive"
	top := st.Heading.Render("cablereader") + st.P.Dim.Wrap(" · versions of "+common.CleanLine(dv.id))
	rw := common.Width(right)
	a.out.top = common.PadRight(common.Fit(top, max(0, a.width-rw-1)), max(0, a.width-rw)) + right
	h := a.height - 2
	switch {
	case dv.busy:
		dv.page.Lines = []string{st.P.Dim.Wrap("comparing the copies…")}
	case dv.err != "":
		dv.page.Lines = []string{st.P.Warning.Wrap(common.Fit("could not compare the copies: "+common.CleanLine(dv.err), w))}
	case dv.page.Lines == nil || dv.width != w:
		dv.page.Lines, dv.width = a.diffLines(w), w
	}
	shown := dv.page.Window(h)
	a.out.lines = a.out.lines[:0]
	for i := range h {
		if i < len(shown) {
			a.out.lines = append(a.out.lines, "  "+shown[i])
		} else {
			a.out.lines = append(a.out.lines, "")
		}
	}
	a.out.under = common.Fit(a.help.ShortHelpView(diffHelp), a.width)
	a.assemble()
}

// CopyCounter is what a Source may also do: count the copies of each
// cable it holds more than once (corpus.Archive does, once scanned).
type CopyCounter interface {
	VersionCounts() map[string]int
}

// copiesMsg is the ids held more than once, with their copies.
type copiesMsg map[string]int

// countCopies counts the copies of each cable in a command (a pass over
// the whole list), once the scan is done.
func (a *Archive) countCopies() tea.Cmd {
	c, ok := a.src.(CopyCounter)
	if !ok {
		return nil
	}
	return common.Guard("counting the copies", func() tea.Msg { return copiesMsg(c.VersionCounts()) })
}

// copiesMark is what follows an id held more than once in the list: the
// number of copies as a superscript (², ³, …, ⁺ past nine).
func (a *Archive) copiesMark(id string) string {
	n := a.copies[strings.ToUpper(id)]
	switch {
	case n < 2:
		return ""
	case n > 9:
		return "⁺"
	}
	return string([]rune("⁰¹²³⁴⁵⁶⁷⁸⁹")[n])
}

// copiesOf counts the copies of id the archive holds (0 when it cannot
// say). It reads the whole list: the load command calls it, not Update.
func copiesOf(src Source, id string) int {
	v, ok := src.(Versioner)
	if !ok || id == "" {
		return 0
	}
	return len(v.Versions(id))
}
