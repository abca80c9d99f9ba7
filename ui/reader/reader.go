// Package reader is the Bubble Tea model that shows one parsed cable: header, routing and TAGS panes, the text laid out lazily, navigation, search and its keys.
//
// The root Model owns all state and the layout. The panes (header,
// routing, body, the TAGS glossary page) are plain functions that turn
// the model and the view state into lines. Lines are rendered once per
// (width, state), paragraph by paragraph, into a window over the text
// (window.go) with a paragraph→line index; View only slices them. Every
// string from the cable goes through common.Clean (sanitize.Text).
//
// In an archive (ui/archive) the same model shows the cable opened, its
// references made links (links.go); the archive drives it through a small
// API: SetStatus, SetTheme, EnableLinks, Relink, Position and Restore,
// SelectedRef, Idle, EscActs, Keys and Quitting.
package reader

import (
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"cablereader/model"
	"cablereader/ui/common"
	"cablereader/ui/theme"
)

const (
	maxBodyW = 100 // readable width cap of the text column
	minBodyH = 8   // a full header is kept only if this many body lines remain
	minTextH = 3   // rows of text a header chosen full still leaves
)

type inputMode int

const (
	modeNormal inputMode = iota
	modeGoto             // ":" typed, reading a paragraph number
	modeSearch           // "/" typed, reading a query
)

// Model is the reader's root model.
type Model struct {
	cable  *model.Cable
	opt    common.Options
	keys   KeyMap
	help   help.Model
	styles *theme.Styles
	rend   *renderer

	isDark     bool
	themeFixed bool
	themeGen   int

	width, height int
	tooSmall      bool
	lo            layout
	margin        string // left margin that centres the column
	bodyH         int

	// view state
	collapsed   []bool
	showRouting bool
	ov          overlay // the page over the cable: keys, TAGS glossary or marks
	cur         int     // current paragraph (index into Body), -1 when there is none
	offset      int     // first body line on screen
	asideSpan   int     // last span visited by the aside jump inside cur, -1 if none
	mode        inputMode
	prompt      common.Prompt
	msg         string // one-shot status message
	search      searchState
	searching   *searchJob // a search running in a command
	quitting    bool
	links       *refLinks  // archive mode: the references that are links
	hmode       headerMode // header mode chosen with "h" (without a session)
	hshown      headerMode // header mode drawn

	// caches
	preps        []*prepared
	renders      []*[2]paraRender // per paragraph: expanded, collapsed; nil until drawn
	doc          doc
	header       []string
	routingCache []string
	stationName  func(ri string) (string, bool) // the archive's names of indicators
	footer       string
	paint        paints // the theme's paints of the gutter, status and prompt
	bars         bars   // the help bars drawn, per width
	viewSize     int    // largest frame so far, to size the next one
	origin       int    // paragraph the doc window starts from (line 0)
	jump         bool   // the next rebuild starts at origin, not at the screen
	textSize     int    // bytes of paragraph text
	pendingW     int    // the last size asked for, while it settles
	pendingH     int
	dirty        bool // doc must be reassembled
}

// paints are what the theme gives the lines the reader draws itself.
type paints struct {
	gutterOn, gutterOff string // the current paragraph's gutter, and another's
	status, prompt      theme.Paint
}

// bars are the help bars drawn, per width: under the cable, under a page.
type bars struct {
	help, page map[int]string
}

// New returns a reader over c. It never fails: an empty cable gives an
// empty reader.
func New(c *model.Cable, opt common.Options) *Model {
	if c == nil {
		c = &model.Cable{}
	}
	m := &Model{
		cable:     c,
		opt:       opt,
		keys:      DefaultKeyMap(),
		help:      help.New(),
		cur:       -1,
		asideSpan: -1,
		collapsed: make([]bool, len(c.Body)),
		preps:     make([]*prepared, len(c.Body)),
		renders:   make([]*[2]paraRender, len(c.Body)),
	}
	m.search.cur = -1
	dark, fixed := theme.Choose(opt.Theme)
	m.themeFixed = fixed
	if len(c.Body) > 0 {
		m.cur = 0
	}
	for _, p := range c.Body {
		m.textSize += len(p.Text)
	}
	m.msg = common.CleanLine(opt.Notice)
	m.setTheme(dark)
	return m
}

// The reader as the archive drives it.

// SetStatus shows a one-line message in the status line until the next
// key.
func (m *Model) SetStatus(s string) {
	m.msg = s
	m.refresh()
}

// SetTheme sets the colours for a dark or light background; fixed keeps
// them when the terminal reports its background.
func (m *Model) SetTheme(dark, fixed bool) {
	m.themeFixed = fixed
	if dark != m.isDark {
		m.setTheme(dark)
	}
}

// Quitting reports whether the user asked to quit.
func (m *Model) Quitting() bool { return m.quitting }

// Keys are the reader's key bindings.
func (m *Model) Keys() KeyMap { return m.keys }

// AddKeys lists a root model's keys in the reader's help bar and keys
// page (see Extra).
func (m *Model) AddKeys(x Extra) {
	m.keys.extra = x
	m.bars.help, m.bars.page = nil, nil
	m.ov.Page.Lines = nil
}

// EnableBack turns on the back keys of a reader alone (⌫, ctrl+o, ←) once
// there is a cable to go back to: the one a mark was opened from. The
// root model does the going back.
func (m *Model) EnableBack() {
	if len(m.keys.extra.Short) > 0 {
		return // the root model's keys go back
	}
	m.keys.Back.SetEnabled(true)
	m.keys.backShort.SetEnabled(true)
	m.bars.help = nil
	m.refresh()
}

// Init asks the terminal for its background colour when the theme is auto.
func (m *Model) Init() tea.Cmd {
	if m.themeFixed {
		return nil
	}
	return tea.RequestBackgroundColor
}

func (m *Model) setTheme(dark bool) {
	m.isDark = dark
	m.styles = theme.NewStyles(dark)
	m.rend = newRenderer(m.styles)
	m.help.Styles = m.styles.Help
	m.themeGen++
	m.paint.gutterOn = m.styles.P.Gutter.Wrap("▌") + " "
	m.paint.gutterOff = "  "
	m.paint.status = theme.NewPaint(m.styles.Status)
	m.paint.prompt = theme.NewPaint(m.styles.Prompt)
	m.invalidate()
}

// invalidate drops the width- and theme-dependent caches.
func (m *Model) invalidate() {
	m.header = nil
	m.routingCache = nil
	m.ov.Page.Lines = nil
	m.bars.help = nil
	m.bars.page = nil
	m.dirty = true
}

// Update handles one message and brings the caches up to date, so View has
// nothing left to compute.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		if m.width != 0 && m.textSize > settleAbove {
			// A long text is re-wrapped once the size has settled, not
			// at every step of a window being dragged.
			m.pendingW, m.pendingH = msg.Width, msg.Height
			cmd = tea.Tick(settleDelay, func(time.Time) tea.Msg { return settledMsg{msg.Width, msg.Height} })
			break
		}
		m.resize(msg.Width, msg.Height)
	case settledMsg:
		if msg.w == m.pendingW && msg.h == m.pendingH {
			m.resize(msg.w, msg.h)
		}
	case tea.BackgroundColorMsg:
		if !m.themeFixed && msg.IsDark() != m.isDark {
			m.setTheme(msg.IsDark())
		}
	case tea.KeyPressMsg:
		cmd = m.key(msg)
		if !m.quitting {
			m.rememberPlace()
		}
	case tea.PasteMsg:
		if m.mode != modeNormal && m.prompt.Edit(msg) == common.PromptChanged {
			m.msg = ""
		}
	case common.StateErrMsg:
		m.msg = "could not keep the place: " + common.CleanLine(msg.Err.Error())
	case searchedMsg:
		m.searched(msg)
	case tea.MouseWheelMsg:
		n := 0
		switch msg.Button {
		case tea.MouseWheelUp:
			n = -common.WheelLines
		case tea.MouseWheelDown:
			n = common.WheelLines
		}
		switch p := m.page(); {
		case m.width == 0 || m.tooSmall:
			// nothing is laid out to scroll
		case p != nil:
			p.Offset += n // clamped by refresh
		case n != 0:
			m.scroll(n)
		}
	}
	m.refresh()
	return m, cmd
}

// settledMsg comes settleDelay after a resize of a long text.
type settledMsg struct{ w, h int }

const (
	settleAbove = 4 << 20 // bytes of text above which a resize waits to settle
	settleDelay = 80 * time.Millisecond
)

// resize lays the text out for a new window size, keeping the reader's
// place.
func (m *Model) resize(w, h int) {
	first := m.width == 0
	a := m.anchor()
	m.width, m.height = w, h
	m.relayout()
	m.refresh()
	m.restore(a)
	m.keepCurrent()
	if first && !m.tooSmall {
		m.restorePlace()
	}
}

// relayout computes the geometry for the window size.
func (m *Model) relayout() {
	m.tooSmall = m.width < common.MinWidth || m.height < common.MinHeight
	bodyW := min(m.width, maxBodyW)
	m.margin = strings.Repeat(" ", max(0, (m.width-bodyW)/2))
	full := max(1, bodyW-2) // right of the gutter
	lw := labelWidth(m.cable.Body)
	if full < 40 {
		lw = min(lw, 5)
	}
	m.lo = layout{labelW: lw, fullW: full, textW: max(8, full-lw-railW)}
	m.help.SetWidth(m.width)
	m.invalidate()
}

// refresh rebuilds whatever the last change made stale.
func (m *Model) refresh() {
	if m.width == 0 || m.tooSmall {
		m.footer = ""
		return
	}
	if m.header == nil {
		m.header, m.hshown = m.headerLines()
	}
	m.bodyH = max(1, m.height-len(m.header)-1)
	if m.dirty {
		m.dirty = false
		if m.jump {
			// a jump far away: the window starts at m.origin
			m.jump = false
			m.buildDoc()
		} else {
			// Start the window over at the paragraph on top of the
			// screen, and put it back where it was.
			a := m.anchor()
			if a.para >= 0 {
				m.origin = a.para
			}
			m.buildDoc()
			if a.ok { // else there are no paragraphs: the offset still holds
				m.offset = 0
			}
			m.restore(a)
		}
	}
	if m.ov.Page.Lines == nil {
		switch m.ov.Kind {
		case overlayKeys:
			m.ov.Page.Lines = m.renderHelp()
		case overlayMarks:
			m.ov.Page.Lines = m.marksPane()
		case overlayTags:
			m.ov.Page.Lines = tagsPane(m.cable, m.styles, m.lo.fullW)
		}
	}
	m.ov.Page.Clamp(m.bodyH)
	m.clamp()
	m.footer = m.renderFooter()
}

// headerLines is the header for the mode chosen and the window size, and
// the mode it is drawn in. Left to itself (headerAuto) the reader shows the
// full header when it leaves about two-thirds of the screen to the text,
// else the compact one.
func (m *Model) headerLines() ([]string, headerMode) {
	mode := m.headerMode()
	compact := func() []string {
		n := 2
		if m.height-3 < minBodyH {
			n = 1
		}
		return compactHeader(m.cable, m.styles, m.width, m.margin+"  ", m.lo.fullW, n)
	}
	switch mode {
	case headerHidden:
		return []string{}, headerHidden
	case headerCompact:
		return compact(), headerCompact
	}
	full := headerPane(m.cable, m.styles, m.width, m.lo.fullW, m.margin+"  ", m.links)
	if mode == headerAuto && 3*(m.height-len(full)-1) < 2*m.height || m.height-len(full)-1 < minTextH {
		// Chosen or not, a full header never takes the text's last rows.
		return compact(), headerCompact
	}
	return full, headerFull
}

// headerMode is the header mode chosen with "h", for the session when
// there is one.
func (m *Model) headerMode() headerMode {
	if s := m.opt.Session; s != nil {
		return headerMode(s.Header)
	}
	return m.hmode
}

// cycleHeader moves the header to its next mode (full, compact, hidden)
// and keeps the choice for the session.
func (m *Model) cycleHeader() {
	a := m.anchor()
	next := m.hshown.next()
	if s := m.opt.Session; s != nil {
		s.Header = int(next)
	}
	m.hmode = next
	m.header = nil
	m.refresh()
	m.restore(a)
	names := map[headerMode]string{headerFull: "full", headerCompact: "compact", headerHidden: "hidden"}
	m.msg = "header: " + names[next]
	if m.hshown != next {
		m.msg += " (" + names[m.hshown] + " in a window this small)"
	}
}

// renderHelp is the full key list: the help bubble's columns, packed into
// as many rows as the width needs.
func (m *Model) renderHelp() []string {
	st := m.styles
	h := m.help
	h.ShowAll = true
	h.SetWidth(0)
	var rows []string
	row := ""
	for _, group := range m.keys.FullHelp() {
		block := h.FullHelpView([][]key.Binding{group})
		switch {
		case row == "":
			row = block
		case lipgloss.Width(row)+4+lipgloss.Width(block) <= m.lo.fullW:
			row = lipgloss.JoinHorizontal(lipgloss.Top, row, "    ", block)
		default:
			rows = append(rows, row)
			row = block
		}
	}
	rows = append(rows, row)
	lines := append(common.PageTitle("Keys", "(esc or ? closes, q quits)", st, m.lo.fullW), "")
	for i, r := range rows {
		if i > 0 {
			lines = append(lines, "")
		}
		lines = append(lines, strings.Split(r, "\n")...)
	}
	lines = append(lines, "", st.Dim.Render("Spans: ")+
		st.P.SummaryLabel.Wrap("SUMMARY")+" "+theme.RailGlyph(model.Summary)+"  "+
		st.P.CommentLabel.Wrap("COMMENT")+" "+theme.RailGlyph(model.Comment)+"  "+
		st.P.NoteLabel.Wrap("NOTE")+" "+theme.RailGlyph(model.Note))
	for i, l := range lines {
		lines[i] = common.Fit(l, m.lo.fullW)
	}
	return lines
}

// page returns the open page (keys or TAGS glossary), or nil when the
// body is shown.
func (m *Model) page() *common.Page {
	if m.ov.Kind == noOverlay {
		return nil
	}
	return &m.ov.Page
}

// renderFooter is the bottom line: a prompt, a message or the help bar on
// the left, the position on the right. Under a page it is the page's help
// bar and how far down the page is.
func (m *Model) renderFooter() string {
	st := m.styles
	if p := m.page(); p != nil {
		rt := percentOf(p.Offset, len(p.Lines), m.bodyH)
		rw := common.Width(rt)
		r := m.paint.status.Wrap(rt)
		if m.hshown == headerHidden {
			c := chip(m.cable)
			r = c + " " + r
			rw += ansi.StringWidth(c) + 1
		}
		left := m.pageBar(max(0, m.width-rw-2))
		if m.ov.Is(overlayMarks) {
			h := m.help
			h.SetWidth(0)
			left = h.ShortHelpView(m.keys.marksHelp)
		}
		if m.msg != "" {
			left = st.P.Warning.Wrap(m.msg)
		}
		lw := m.width - rw - 1
		if lw < 8 {
			return common.Fit(left, m.width)
		}
		return common.PadRight(common.Fit(left, lw), lw) + " " + r
	}
	var right []string
	if m.hshown == headerHidden {
		right = append(right, common.CleanLine(m.cable.Marking()))
	}
	if m.cur >= 0 && m.cur < len(m.cable.Body) {
		right = append(right, m.where())
		if m.opt.State.Marked(common.CleanLine(m.cable.ID), m.opt.Path, m.cur) {
			right = append(right, "marked")
		}
	}
	if m.search.active() {
		s := "/" + common.CleanLine(m.search.query) + " "
		if len(m.search.matches) == 0 {
			s += "no match"
		} else {
			c := "-"
			if m.search.cur >= 0 {
				c = common.Thousands(m.search.cur + 1)
			}
			s += c + "/" + common.Thousands(len(m.search.matches))
		}
		right = append(right, s)
	}
	right = append(right, m.percent())
	rt := strings.Join(right, " · ")
	rw := common.Width(rt)
	r := m.paint.status.Wrap(rt)
	if m.hshown == headerHidden {
		// the classification is never off the screen: its chip leads the status
		rt = strings.Join(right[1:], " · ")
		c := chip(m.cable)
		r = c + " " + m.paint.status.Wrap(rt)
		rw = ansi.StringWidth(c) + 1 + common.Width(rt)
	}

	var left string
	lw := m.width - rw - 1
	pw := lw // the prompt's cells: all the line when the status does not fit beside it
	if lw < 8 {
		pw = m.width
	}
	switch {
	case m.mode == modeGoto:
		left = m.paint.prompt.Wrap("go to ¶") + m.prompt.View(pw-common.Width("go to ¶"))
	case m.mode == modeSearch:
		left = m.paint.prompt.Wrap("/") + m.prompt.View(pw-1)
	case m.msg != "":
		left = st.P.Warning.Wrap(m.msg)
	default:
		left = m.helpBar(max(0, m.width-rw-2))
	}
	if lw < 8 {
		// too narrow for both: a prompt or message wins, else the position
		if m.mode != modeNormal || m.msg != "" {
			return common.Fit(left, m.width)
		}
		return common.Fit(r, m.width)
	}
	return common.PadRight(common.Fit(left, lw), lw) + " " + r
}

// helpBar is the one-line help for w cells. It is cached per width: the
// status beside it changes width as the reader scrolls. When the bar does
// not fit, the least needed keys go first (the bar lists them by
// importance); "? keys" and "q quit" stay to the last.
func (m *Model) helpBar(w int) string {
	if s, ok := m.bars.help[w]; ok {
		return s
	}
	h := m.help
	h.SetWidth(0)
	keys := m.keys.ShortHelp()
	always := keys[len(keys)-2:] // help and quit
	s := ""
	for n := len(keys) - 2; n >= 0; n-- {
		bar := h.ShortHelpView(append(keys[:n:n], always...))
		if lipgloss.Width(bar) <= w {
			s = bar
			break
		}
	}
	if s == "" && w >= len("? keys") {
		s = m.paint.status.Wrap("? keys")
	}
	if m.bars.help == nil {
		m.bars.help = map[int]string{}
	}
	m.bars.help[w] = s
	return s
}

// pageBar is the help bar under a page, cached per width.
func (m *Model) pageBar(w int) string {
	if s, ok := m.bars.page[w]; ok {
		return s
	}
	h := m.help
	h.SetWidth(w)
	s := h.View(pageKeys{m.keys})
	if t := strings.TrimSpace(ansi.Strip(s)); t == "" || t == "…" {
		s = m.paint.status.Wrap("esc close")
	}
	if m.bars.page == nil {
		m.bars.page = map[int]string{}
	}
	m.bars.page[w] = s
	return s
}

// where says where the current paragraph stands in words: "¶5 of 6",
// "before ¶1", "after ¶6", "text 2 of 3" in a cable without numbers.
func (m *Model) where() string {
	name := m.cable.ParaName(m.cur)
	switch last := m.cable.LastNumber(); {
	case last == 0:
		return name + " of " + strconv.Itoa(len(m.cable.Body))
	case m.cable.Body[m.cur].Number > 0:
		return name + " of " + strconv.Itoa(last)
	}
	return name
}

// percent is the share of the cable read down to the bottom of the
// screen: "72%", "100%" at the end, "all" when it fits on one screen.
func (m *Model) percent() string {
	d := &m.doc
	if d.whole() {
		total := d.stop() - d.start()
		if total <= m.bodyH {
			return "all"
		}
		return strconv.Itoa(min(100, 100*(m.offset-d.start()+m.bodyH)/total)) + "%"
	}
	if m.offset+m.bodyH >= d.stop() && d.done {
		return "100%"
	}
	// Not all is laid out: say how far through the paragraphs the bottom
	// of the screen is.
	p := -1
	for l := m.offset + m.bodyH - 1; l >= m.offset && p < 0; l-- {
		_, p, _ = d.line(l)
	}
	if p < 0 && d.done && m.offset >= 0 {
		p = len(m.cable.Body) - 1 // all tail: past the last paragraph
	}
	return strconv.Itoa(max(1, min(99, 100*(p+1)/max(1, len(m.cable.Body))))) + "%"
}

// percentOf says where a window of h lines at offset stands in total lines.
func percentOf(offset, total, h int) string {
	if total <= h {
		return "all"
	}
	if offset == 0 {
		return "top"
	}
	if offset >= total-h {
		return "end"
	}
	return strconv.Itoa(100*(offset+h)/total) + "%"
}

// View slices the cached lines; it computes nothing.
func (m *Model) View() tea.View {
	v, done := common.Frame(m.opt.Mouse, m.quitting, m.width, m.height, m.tooSmall)
	if done {
		return v
	}
	var b strings.Builder
	b.Grow(m.viewSize)
	for _, l := range m.header {
		b.WriteString(l)
		b.WriteByte('\n')
	}
	if p := m.page(); p != nil {
		shown := p.Window(m.bodyH)
		for i := range m.bodyH {
			if i < len(shown) && shown[i] != "" {
				b.WriteString(m.margin)
				b.WriteString("  ")
				b.WriteString(shown[i])
			}
			b.WriteByte('\n')
		}
	} else {
		d := &m.doc
		curTop, curEnd := 0, 0
		if d.has(m.cur) {
			curTop, curEnd = d.text[m.cur], d.end[m.cur]
		}
		for i := m.offset; i < m.offset+m.bodyH; i++ {
			if l, _, ok := d.line(i); ok {
				switch {
				case i >= curTop && i < curEnd:
					b.WriteString(m.margin)
					b.WriteString(m.paint.gutterOn)
				case l != "":
					b.WriteString(m.margin)
					b.WriteString(m.paint.gutterOff)
				}
				b.WriteString(l)
			}
			b.WriteByte('\n')
		}
	}
	b.WriteString(m.footer)
	m.viewSize = max(m.viewSize, b.Len())
	v.SetContent(b.String())
	return v
}
