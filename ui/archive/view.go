package archive

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"cablereader/model"
	"cablereader/sanitize"
	"cablereader/ui/common"
	"cablereader/ui/reader"
	"cablereader/ui/theme"
)

// The list screen: a top bar (title or filters; indexing, skipped rows,
// counts), the column header, the visible rows, and a bottom bar (prompt,
// message or help). Only the rows on screen are rendered, in refresh; View
// returns the assembled frame.

// drawn is the list screen (or the thread or versions view) as refresh
// last drew it; View only returns frame.
type drawn struct {
	lines      []string // the rendered rows
	top, under string   // top bar, bottom bar
	frame      string   // what View shows
	helpBar    string   // the list's help bar, for helpBarW cells
	helpBarW   int
}

// listCols is the width of each column; 0 hides one.
type listCols struct {
	gap                              int
	date, id, class, origin, subject int
	cited                            int  // the count of citing cables, when known
	classFull                        bool // the classification in words, not S//NF
}

// listLayout fits the columns to a width: the subject takes what the
// others leave, and the classification in words, the Cited count, the
// origin and the date go first, in that order, when it would get too
// little.
func listLayout(w, idW, codeW, classW, originW, citedW int) listCols {
	avail := w - 2 // the cursor gutter
	idW = max(8, min(idW, 22))
	codeW = max(5, min(codeW, 9)) // at least "Class"
	classW = max(codeW, min(classW, 24))
	originW = min(originW, 28)
	if originW > 0 {
		originW = max(originW, len("Origin")) // the header whole
	}
	for _, t := range []struct {
		gap, date int
		full      bool
		cited     bool
		origin    int
		minSubj   int
	}{
		{2, 10, true, true, originW, 50},
		{2, 10, false, true, min(originW, 20), 36},
		{1, 10, false, true, min(originW, 14), 24},
		{1, 10, false, false, min(originW, 14), 24},
		{1, 10, false, false, 0, 16},
		{1, 0, false, false, 0, 8},
	} {
		c := listCols{gap: t.gap, date: t.date, id: idW, class: codeW, origin: t.origin, classFull: t.full}
		if t.full {
			c.class = classW
		}
		if t.cited {
			c.cited = citedW
		}
		used := c.id + c.gap + c.class + c.gap
		if c.cited > 0 {
			used += c.cited + c.gap
		}
		if c.date > 0 {
			used += c.date + c.gap
		}
		if c.origin > 0 {
			used += c.origin + c.gap
		}
		if avail-used >= t.minSubj {
			c.subject = avail - used
			return c
		}
	}
	c := listCols{gap: 1, id: min(idW, max(4, avail/2))}
	c.subject = max(1, avail-c.id-c.gap)
	return c
}

// cell fits plain text to exactly w cells.
func cell(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if isASCII(s) {
		switch {
		case len(s) > w && w == 1:
			return "…"
		case len(s) > w:
			return s[:w-1] + "…"
		case len(s) < w:
			return s + spaces(w-len(s))
		}
		return s
	}
	tw := ansi.StringWidth(s)
	if tw > w {
		s = ansi.Truncate(s, w, "…")
		tw = ansi.StringWidth(s)
	}
	if tw < w {
		return s + spaces(w-tw)
	}
	return s
}

// markCell is cell(s, w) with the letters the query matches painted
// (hl), those that the cut keeps; after each painted run, reopen opens
// the row's own paint again. Without a query it is cell(s, w).
func markCell(s string, w int, q *query, hl theme.Paint, reopen string) string {
	fitted := cell(s, w)
	if q == nil || hl.Open == "" {
		return fitted
	}
	mask := q.highlights(s)
	if mask == nil {
		return fitted
	}
	// fitted is s, or a head of s and an ellipsis, padded
	kept := 0
	for kept < len(s) && kept < len(fitted) && s[kept] == fitted[kept] {
		kept++
	}
	for kept > 0 && kept < len(fitted) && !utf8.RuneStart(fitted[kept]) {
		kept--
	}
	var b strings.Builder
	for i := 0; i < kept; {
		j := i
		for j < kept && mask[j] == mask[i] {
			j++
		}
		if mask[i] {
			b.WriteString(hl.Open + fitted[i:j] + hl.Close + reopen)
		} else {
			b.WriteString(fitted[i:j])
		}
		i = j
	}
	b.WriteString(fitted[kept:])
	return b.String()
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

const blanks = "                                                                                "

// spaces is n spaces, without an allocation for the usual widths.
func spaces(n int) string {
	if n <= len(blanks) {
		return blanks[:n]
	}
	return strings.Repeat(" ", n)
}

// relayout computes the geometry for the window size and the entries.
func (a *Archive) relayout() {
	a.tooSmall = a.width < common.MinWidth || a.height < common.MinHeight
	a.list.height = max(1, a.height-3)
	a.list.clamp()
	a.fitCols()
	a.help.SetWidth(a.width)
	a.ov.Page.Lines = nil
}

// fitCols fits the columns to the window and the rows on screen: the ID
// column is as wide as the widest id shown (ids run from 8 characters to
// 22), so the origin and the subject keep the rest.
func (a *Archive) fitCols() {
	l := &a.list
	markW := 0 // the mark of a cable held more than once
	if len(a.copies) > 0 {
		markW = 1
	}
	citedW := 0 // "Cited", when the counts are known
	if len(a.cited) > 0 {
		citedW = 5
	}
	a.cols = listLayout(a.width, l.shownIDW()+markW, l.codeW, l.classW, l.originW, citedW)
}

// refresh renders the list screen after a change.
func (a *Archive) refresh() {
	if a.screen == screenReader && a.reader != nil || a.width == 0 || a.tooSmall {
		return
	}
	l := &a.list
	l.clamp()
	a.fitCols()
	a.out.top = a.topBar()
	a.out.under = a.bottomBar()
	a.out.lines = a.out.lines[:0]
	if a.ov.Is(overlayKeys) {
		if a.ov.Page.Lines == nil {
			a.ov.Page.Lines = a.renderListHelp()
		}
		h := a.helpH()
		shown := a.ov.Page.Window(h)
		for i := range h {
			if i < len(shown) {
				a.out.lines = append(a.out.lines, "  "+shown[i])
			} else {
				a.out.lines = append(a.out.lines, "")
			}
		}
		a.assemble()
		return
	}
	if a.ov.Is(overlayMarks) {
		a.renderMarks()
		return
	}
	if a.sr.on {
		a.renderSearch(l.height + 1)
		a.assemble()
		return
	}
	a.out.lines = append(a.out.lines, a.headerRow())
	var q *query // the filter, whose matches the rows highlight
	if pq := parseQuery(l.query); len(pq.words) > 0 {
		q = &pq
	}
	sep := l.sepRow()
	for i, k := l.offset, 0; k < l.height; k++ {
		switch {
		case i == sep && l.height > 1:
			a.out.lines = append(a.out.lines, a.sepLine())
			sep = -1
		case i < l.len():
			a.out.lines = append(a.out.lines, a.renderRow(l.at(i), i == l.cursor, q))
			i++
		case i == 0 && l.len() == 0:
			a.out.lines = append(a.out.lines, a.emptyText())
			i++
		default:
			a.out.lines = append(a.out.lines, "")
		}
	}
	a.assemble()
}

// sepLine stands between the exact matches of the filter and the fuzzy
// ones.
func (a *Archive) sepLine() string {
	l := &a.list
	s := "── " + commas(len(l.fuzzy)) + " close match"
	if len(l.fuzzy) != 1 {
		s += "es"
	}
	s += " (the letters in order)"
	if len(l.exact) == 0 {
		s = "── no exact match · " + strings.TrimPrefix(s, "── ")
	}
	s += " "
	w := a.width - 2
	if n := w - common.Width(s); n > 0 {
		s += strings.Repeat("─", n)
	}
	return "  " + a.styles.P.Dim.Wrap(common.Fit(s, w))
}

// emptyText says why the list is empty.
func (a *Archive) emptyText() string {
	st := a.styles
	switch {
	case a.list.filtered():
		return "  " + st.P.Dim.Wrap(common.Fit("No cable matches the filters; esc clears them.", a.width-2))
	case a.scanning:
		return "  " + st.P.Dim.Wrap(common.Fit("Indexing…", a.width-2))
	}
	return "  " + st.P.Dim.Wrap(common.Fit("No cable found in the archive.", a.width-2))
}

func (a *Archive) headerRow() string {
	c := a.cols
	gap := strings.Repeat(" ", c.gap)
	var b strings.Builder
	b.WriteString("  ")
	if c.date > 0 {
		b.WriteString(cell("Date", c.date) + gap)
	}
	b.WriteString(cell("ID", c.id) + gap)
	if c.class > 0 {
		b.WriteString(cell("Class", c.class) + gap)
	}
	if c.cited > 0 {
		b.WriteString(cell("Cited", c.cited) + gap)
	}
	if c.origin > 0 {
		b.WriteString(cell("Origin", c.origin) + gap)
	}
	b.WriteString(cell("Subject", c.subject))
	return a.styles.P.ListHdr.Wrap(b.String())
}

// classText is what the classification column shows.
func (a *Archive) classText(class string) string {
	if a.cols.classFull {
		if class == "" {
			return "—"
		}
		return class
	}
	if c, ok := a.list.codes[class]; ok {
		return c
	}
	return classCode(class)
}

// renderRow renders entry i as one row; the selected row is marked in the
// gutter (so it shows without colour) and highlighted.
func (a *Archive) renderRow(i int32, sel bool, q *query) string {
	e := &a.list.all[i]
	c := a.cols
	st := a.styles
	gap := spaces(c.gap)
	reopen := "" // what a highlight's end must open again: the row's paint
	if sel {
		reopen = st.P.SelRow.Open
	}
	text := func(s string, w int) string { return markCell(s, w, q, st.P.FilterHit, reopen) }
	var pre, post strings.Builder
	pre.Grow(c.date + c.id + 2*c.gap + 16)
	post.Grow(c.origin + c.subject + 2*c.gap + 16)
	if c.date > 0 {
		if e.Date.IsZero() {
			// the year the id gives, else "undated"
			y := idYear(e.ID)
			if y == "" {
				y = "undated"
			}
			pre.WriteString(st.P.Dim.Wrap(cell(y, c.date)))
		} else {
			var d [10]byte
			pre.Write(e.Date.UTC().AppendFormat(d[:0], "2006-01-02"))
			pre.WriteString(spaces(c.date - 10))
		}
		pre.WriteString(gap)
	}
	if m := a.copiesMark(e.ID); m != "" {
		pre.WriteString(text(common.CleanLine(e.ID)+m, c.id))
	} else {
		pre.WriteString(text(common.OrDash(common.CleanLine(e.ID)), c.id))
	}
	pre.WriteString(gap)
	chip := ""
	if c.class > 0 {
		chip = a.chips[model.Level(a.list.lv[i])].Wrap(cell(common.CleanLine(a.classText(e.Class())), c.class))
		post.WriteString(gap)
	}
	if c.cited > 0 {
		post.WriteString(a.citedCell(e.ID, c.cited))
		post.WriteString(gap)
	}
	if c.origin > 0 {
		post.WriteString(text(placeName(e), c.origin))
		post.WriteString(gap)
	}
	post.WriteString(text(common.CleanLine(e.Subject), c.subject))
	if sel {
		p := st.P.SelRow
		return st.P.Gutter.Wrap("▌") + " " + p.Wrap(pre.String()) + chip + p.Wrap(post.String())
	}
	return "  " + pre.String() + chip + post.String()
}

// commas writes n with thousands separators.
func commas(n int) string { return common.Thousands(n) }

// topBar is the title, or the filters when any is on, and on the right
// the indexing progress, the skipped rows and the counts.
func (a *Archive) topBar() string {
	st := a.styles
	l := &a.list
	var right []string
	if a.scanning {
		s := a.spin.View() + " indexing"
		if a.prog.Total > 0 {
			s += " " + strconv.Itoa(int(100*a.done)) + "%"
			if a.width >= 90 {
				s += " " + a.bar.ViewAs(a.done)
			}
		}
		right = append(right, s)
	}
	if s := a.indexStatus(a.width >= 110); s != "" {
		right = append(right, s)
	}
	if n := a.problems(); n > 0 {
		right = append(right, st.P.Warning.Wrap("⚠ "+commas(n)+" skipped")+st.P.Dim.Wrap(" (!)"))
	}
	total := len(l.all)
	switch {
	case l.pending:
		right = append(right, "filtering "+commas(total)+"…")
	case !l.filtered():
		w := " cables"
		if total == 1 {
			w = " cable"
		}
		right = append(right, commas(total)+w)
	case len(l.fuzzy) > 0:
		right = append(right, commas(len(l.exact))+" + "+commas(len(l.fuzzy))+" fuzzy of "+commas(total))
	default:
		right = append(right, commas(l.len())+" of "+commas(total))
	}
	if a.sorting {
		right = append(right, "sorting by "+a.sortTo.String()+"…")
	} else {
		right = append(right, st.P.Dim.Wrap("by "+l.by.String()))
	}
	r := strings.Join(right, st.P.Dim.Wrap(" · "))

	var left string
	if l.filtered() {
		var chips []string
		if q := strings.TrimSpace(l.query); q != "" {
			chips = append(chips, st.P.Chip.Wrap("/"+common.CleanLine(q)))
		}
		if t := strings.TrimSpace(l.tag); t != "" {
			chips = append(chips, st.P.Chip.Wrap("#"+common.CleanLine(t)))
		}
		if l.origin != "" {
			chips = append(chips, st.P.Chip.Wrap("post: "+common.CleanLine(l.origin)))
		}
		if l.level != model.LevelUnknown {
			chips = append(chips, a.chips[l.level].Wrap(" "+l.level.String()+" "))
		}
		left = strings.Join(chips, " ") + st.P.Dim.Wrap("  esc clears")
	} else {
		left = st.Heading.Render("cablereader")
		if t := common.CleanLine(a.opt.Title); t != "" {
			left += st.P.Dim.Wrap(" · " + t)
		}
	}
	rw := ansi.StringWidth(r)
	if rw+1 >= a.width {
		return common.Fit(r, a.width)
	}
	lw := a.width - rw - 1
	return common.PadRight(common.Fit(left, lw), lw) + " " + r
}

// problems is how many rows and files were skipped so far.
func (a *Archive) problems() int {
	return max(a.prog.Errors+a.prog.Skipped, a.nProbs)
}

// bottomBar is the open prompt, a message or the help bar.
func (a *Archive) bottomBar() string {
	st := a.styles
	w := a.width
	pp := st.Prompt
	switch a.mode {
	case listFilter:
		s := pp.Render("/") + a.prompt.View(w-1)
		return a.withHint(s, listPromptKeys{})
	case listSearch:
		s := pp.Render("search: ") + a.prompt.View(w-len("search: "))
		return a.withHint(s, listPromptKeys{})
	case listTag:
		s := pp.Render("#") + a.prompt.View(max(12, w/3))
		if len(a.tagCands) > 0 {
			var cs []string
			for k, t := range a.tagCands {
				if k == a.tagCand {
					t = st.P.LinkSel.Wrap(t)
				} else {
					t = st.P.Dim.Wrap(t)
				}
				cs = append(cs, t)
			}
			s += "  " + strings.Join(cs, " ")
		} else if strings.TrimSpace(a.prompt.Value()) != "" {
			s += "  " + st.P.Dim.Wrap("no such TAG")
		}
		return common.Fit(s, w)
	}
	switch {
	case a.msg != "":
		return common.Fit(st.P.Warning.Wrap(a.msg), w)
	case a.sorting:
		return common.Fit(st.P.Warning.Wrap("sorting by "+a.sortTo.String()+"…"), w)
	case a.ov.Is(overlayKeys), a.ov.Is(overlayProbs):
		return common.Fit(a.help.ShortHelpView(reader.DefaultKeyMap().PageHelp().ShortHelp()), w)
	case a.ov.Is(overlayMarks):
		return common.Fit(a.help.ShortHelpView(marksHelp), w)
	case a.sr.on:
		return common.Fit(a.help.ShortHelpView(searchHelp), w)
	}
	// ShortHelpView adds an item that overflows when no ellipsis fits:
	// fit cuts it. The bar only changes with the width and the theme.
	if a.out.helpBar == "" || a.out.helpBarW != w {
		h := a.help
		h.SetWidth(w)
		a.out.helpBar, a.out.helpBarW = common.Fit(h.View(a.keys), w), w
	}
	return a.out.helpBar
}

// withHint puts a prompt on the left and its keys on the right when both
// fit.
func (a *Archive) withHint(prompt string, keys listPromptKeys) string {
	pw := ansi.StringWidth(prompt)
	h := a.help
	h.SetWidth(max(0, a.width-pw-2))
	hint := common.Fit(h.View(keys), max(0, a.width-pw-2))
	hw := ansi.StringWidth(hint)
	if pw+2+hw > a.width || hw == 0 {
		return common.Fit(prompt, a.width)
	}
	return common.PadRight(prompt, a.width-hw) + hint
}

// renderListHelp is the key page of the list, with the reader's archive
// keys after it.
func (a *Archive) renderListHelp() []string {
	st := a.styles
	w := max(10, a.width-4)
	h := a.help
	h.ShowAll = true
	h.SetWidth(0)
	pack := func(groups [][]key.Binding) []string {
		var rows []string
		row := ""
		for _, g := range groups {
			block := h.FullHelpView([][]key.Binding{g})
			switch {
			case row == "":
				row = block
			case lipgloss.Width(row)+4+lipgloss.Width(block) <= w:
				row = lipgloss.JoinHorizontal(lipgloss.Top, row, "    ", block)
			default:
				rows = append(rows, row)
				row = block
			}
		}
		rows = append(rows, row)
		var lines []string
		for i, r := range rows {
			if i > 0 {
				lines = append(lines, "")
			}
			lines = append(lines, strings.Split(r, "\n")...)
		}
		return lines
	}
	// the search results' keys: first when ? was pressed on them
	results := append([]string{st.Heading.Render("On the search results (s)"), ""}, pack(searchKeysHelp)...)
	results = append(results, "")
	for _, l := range common.WrapPlain("p, y, c and # write a field term (from:, date:, class:, tag:) into the query and run it again. "+
		"The summary ends with the hit the cursor is on, of how many; the histogram and the counts under it cover every hit.", w) {
		results = append(results, st.P.Dim.Wrap(l))
	}
	title := "Keys of the list"
	if a.sr.on {
		title = "Keys of the search results"
	}
	lines := append(common.PageTitle(title, "(esc or ? closes, q quits)", st, w), "")
	if a.sr.on {
		lines = append(append(lines, results[2:]...), "", st.Heading.Render("On the list"), "")
	}
	lines = append(lines, pack(a.keys.FullHelp())...)
	rk := readerKeys
	next, prev := refKeys()
	lines = append(lines, "", st.Heading.Render("In the reader"), "")
	lines = append(lines, pack([][]key.Binding{
		{next, prev, rk.FollowRef, rk.Back, rk.Forward},
		{rk.PrevPost, rk.NextPost, rk.Thread, rk.Versions, rk.ToList, reader.DefaultKeyMap().Help},
	})...)
	if !a.sr.on {
		lines = append(append(lines, ""), results...)
	}
	lines = append(lines, "")
	for _, p := range []string{
		"The filter (/) keeps the cables whose id, subject, origin or TAGS hold every word typed: " +
			"exact matches first, then, under a line, fuzzy ones (the letters in order), each in the list's order; the letters that match are underlined.",
		"The list runs oldest first; o orders it by id, origin or classification (most secret first), ties by date. " +
			"The archive reopens where it was left: the cable, the filters, the order, the search.",
		"Quick filters add up: a TAG (#), this row's post (p), a classification (c). esc clears them all.",
		"In a cable, references to cables in the archive are links (→); the others say \"not in archive\".",
		"An id marked ² is held twice (two files, or a text and a saved page that differ): V in the cable compares the copies word by word. T shows a cable's thread: what it cites and what cites it, three hops each way.",
	} {
		for _, l := range common.WrapPlain(p, w) {
			lines = append(lines, st.P.Dim.Wrap(l))
		}
	}
	for i, l := range lines {
		lines[i] = common.Fit(l, w)
	}
	return lines
}

// problemLines lists the rows and files skipped while reading the archive.
func (a *Archive) problemLines(w int) []string {
	st := a.styles
	errs, skipped := a.src.Errors(), a.src.Skipped()
	var out []string
	count := func(n int, what string) string {
		s := commas(n) + " " + what
		if n != 1 {
			s += "s"
		}
		return s
	}
	var parts []string
	if len(errs) > 0 {
		parts = append(parts, count(len(errs), "CSV row"))
	}
	if len(skipped) > 0 || len(errs) == 0 {
		parts = append(parts, count(len(skipped), "file"))
	}
	out = append(out, st.Heading.Render(common.Fit("Skipped while reading the archive: "+strings.Join(parts, " and "), w)), "")
	for _, e := range errs {
		loc := shortPath(e.Path) + ":" + e.Lines()
		out = append(out, common.Fit(st.P.Warning.Wrap(sanitize.Line(loc))+"  "+common.CleanLine(e.Reason), w))
	}
	for _, s := range skipped {
		// A file's name as the command line writes it: a line break in
		// it shows as ␊, not as a space that hides it.
		out = append(out, common.Fit(st.P.Warning.Wrap(sanitize.Line(shortPath(s.Path)))+"  "+common.CleanLine(s.Reason), w))
	}
	return out
}

// shortPath keeps the end of a long path.
func shortPath(p string) string {
	const maxW = 48
	if n := len(p); n > maxW {
		return "…" + p[n-maxW+1:]
	}
	return p
}

// helpH is the height of the keys page.
func (a *Archive) helpH() int { return a.height - 2 }

// probsW is the width of the skipped-rows box; probsH the lines it shows.
func (a *Archive) probsW() int { return max(20, min(a.width-4, 100)) }
func (a *Archive) probsH() int {
	if a.ov.Page.Lines == nil {
		a.ov.Page.Lines = a.problemLines(a.probsW() - 4)
	}
	return max(3, min(a.height-4, len(a.ov.Page.Lines)+2)) - 2
}

// probsBox draws the skipped-rows box over the list.
func (a *Archive) probsBox(base string) string {
	bw := a.probsW()
	if a.ov.Page.Lines == nil {
		a.ov.Page.Lines = a.problemLines(bw - 4)
	}
	body := a.ov.Page.Window(a.probsH())
	box := lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(a.styles.Accent.GetForeground()).
		Padding(0, 1).Width(bw).Render(strings.Join(body, "\n"))
	c := lipgloss.NewCanvas(a.width, a.height)
	c.Compose(lipgloss.NewLayer(base))
	c.Compose(lipgloss.NewLayer(box).X(max(0, (a.width-bw)/2)).Y(2))
	return c.Render()
}

// View returns the frame: the reader's, or the list's as refresh left it.
func (a *Archive) View() tea.View {
	if a.screen == screenReader && a.reader != nil && !a.quitting && !a.tv.on && !a.dv.on {
		return a.reader.View()
	}
	v, done := common.Frame(a.opt.Mouse, a.quitting, a.width, a.height, a.tooSmall)
	if done {
		return v
	}
	v.SetContent(a.out.frame)
	return v
}

// assemble joins the bars and the lines into the frame, with the
// skipped-rows box over it when it is open.
func (a *Archive) assemble() {
	var b strings.Builder
	b.Grow(len(a.out.frame))
	b.WriteString(a.out.top)
	b.WriteByte('\n')
	for _, l := range a.out.lines {
		b.WriteString(l)
		b.WriteByte('\n')
	}
	b.WriteString(a.out.under)
	a.out.frame = b.String()
	if a.ov.Is(overlayProbs) {
		a.out.frame = a.probsBox(a.out.frame)
	}
}

// sortTags orders TAGS by use, most used first, then by name.
func sortTags(tags []string, count map[string]int) {
	slices.SortFunc(tags, func(x, y string) int {
		return cmp.Or(cmp.Compare(count[y], count[x]), strings.Compare(x, y))
	})
}
