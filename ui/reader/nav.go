package reader

import (
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"cablereader/model"
	"cablereader/ui/common"
)

// key handles a key press in the current mode.
func (m *Model) key(msg tea.KeyPressMsg) tea.Cmd {
	m.msg = ""
	k := m.keys
	if msg.String() == "ctrl+c" {
		m.stopSearch()
		m.quitting = true
		return m.quit()
	}
	if m.searching != nil {
		// Any key stops a search that is still running; q still quits.
		m.stopSearch()
		if key.Matches(msg, k.Quit) {
			m.quitting = true
			return m.quit()
		}
		m.msg = "search stopped"
		return nil
	}
	if m.mode != modeNormal {
		return m.promptKey(msg)
	}
	if key.Matches(msg, k.Quit) {
		m.quitting = true
		return m.quit()
	}
	if m.ov.Is(overlayMarks) {
		return m.marksKey(msg)
	}
	if p := m.page(); p != nil {
		m.pageKey(msg, p)
		return nil
	}
	if m.tooSmall || m.width == 0 {
		return nil
	}
	switch {
	case key.Matches(msg, k.Help):
		m.ov.Open(overlayKeys)
	case key.Matches(msg, k.Tags):
		m.ov.Open(overlayTags)
	case key.Matches(msg, k.Close):
		switch {
		case m.search.active():
			m.search.clear()
			m.dirty = true
		case m.showRouting:
			m.toggleRouting()
		}
	case key.Matches(msg, k.Down):
		m.scroll(1)
	case key.Matches(msg, k.Up):
		m.scroll(-1)
	case key.Matches(msg, k.HalfDown):
		m.scroll(max(1, m.bodyH/2))
	case key.Matches(msg, k.HalfUp):
		m.scroll(-max(1, m.bodyH/2))
	case key.Matches(msg, k.PageDown):
		m.scroll(max(1, m.bodyH-1))
	case key.Matches(msg, k.PageUp):
		m.scroll(-max(1, m.bodyH-1))
	case key.Matches(msg, k.Top):
		m.gotoTop()
		m.setCur(min(0, len(m.cable.Body)-1))
	case key.Matches(msg, k.Bottom):
		m.gotoBottom()
		m.setCur(len(m.cable.Body) - 1)
	case key.Matches(msg, k.NextPara):
		m.movePara(1)
	case key.Matches(msg, k.PrevPara):
		m.movePara(-1)
	case key.Matches(msg, k.GotoPara):
		m.mode, m.prompt = modeGoto, common.NewPrompt("")
	case key.Matches(msg, k.Search):
		m.mode, m.prompt = modeSearch, common.NewPrompt("")
	case key.Matches(msg, k.NextMatch):
		m.nextMatch(1)
	case key.Matches(msg, k.PrevMatch):
		m.nextMatch(-1)
	case key.Matches(msg, k.Summary):
		m.gotoSummary()
	case key.Matches(msg, k.NextAside):
		m.nextAside(1)
	case key.Matches(msg, k.PrevAside):
		m.nextAside(-1)
	case key.Matches(msg, k.Toggle):
		if m.cur >= 0 {
			m.setCollapsed(m.cur, !m.collapsed[m.cur])
			m.refresh()
			m.ensureVisible(m.cur)
		}
	case key.Matches(msg, k.CollapseAll):
		m.setAll(true)
	case key.Matches(msg, k.ExpandAll):
		m.setAll(false)
	case key.Matches(msg, k.Routing):
		m.toggleRouting()
	case key.Matches(msg, k.Header):
		m.cycleHeader()
	case key.Matches(msg, k.Mark):
		return m.toggleMark()
	case key.Matches(msg, k.Marks):
		m.openMarks()
	case key.Matches(msg, k.Cite):
		return m.copyText(m.cable.Citation(m.cur), "citation of "+m.cable.ParaName(m.cur))
	case key.Matches(msg, k.CiteRef):
		return m.copyText(m.cable.ReferenceLine(), "reference line")
	case key.Matches(msg, k.NextRef):
		m.selectRef(1)
	case key.Matches(msg, k.PrevRef):
		m.selectRef(-1)
	}
	return nil
}

// pageKey handles a key on a page (keys or TAGS glossary): esc or the
// page's own key closes it, the other page's key switches to that page,
// the movement keys scroll it (refresh clamps the offset).
func (m *Model) pageKey(msg tea.KeyPressMsg, p *common.Page) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Close):
		m.ov.Close()
	case key.Matches(msg, k.Help):
		m.ov.Toggle(overlayKeys)
	case key.Matches(msg, k.Tags):
		m.ov.Toggle(overlayTags)
	default:
		p.Key(msg, k.MotionKeys, m.bodyH)
	}
}

// promptKey edits the ":" or "/" prompt.
func (m *Model) promptKey(msg tea.KeyPressMsg) tea.Cmd {
	switch msg.String() {
	case "esc":
		m.mode, m.prompt = modeNormal, common.Prompt{}
	case "enter":
		mode, in := m.mode, m.prompt.Value()
		m.mode, m.prompt = modeNormal, common.Prompt{}
		if mode == modeGoto {
			m.gotoNumber(in)
		} else {
			return m.startSearch(in)
		}
	default:
		if m.prompt.Edit(msg) == common.PromptClosed {
			m.mode = modeNormal
		}
	}
	return nil
}

func (m *Model) setCur(i int) {
	if i != m.cur {
		m.asideSpan = -1
	}
	m.cur = i
}

func (m *Model) setCollapsed(i int, v bool) {
	if m.collapsed[i] != v {
		m.collapsed[i] = v
		m.dirty = true
	}
}

// setAll folds or unfolds every paragraph, keeping the current one on
// screen.
func (m *Model) setAll(v bool) {
	a := m.anchor()
	for i := range m.collapsed {
		m.setCollapsed(i, v)
	}
	m.refresh()
	m.restore(a)
	if m.cur >= 0 && !m.visible(m.cur) {
		m.needPara(m.cur)
		m.offset = m.doc.top[m.cur] - 1
		m.clamp()
	}
}

func (m *Model) toggleRouting() {
	a := m.anchor()
	m.showRouting = !m.showRouting
	m.dirty = true
	m.refresh()
	if m.showRouting {
		m.gotoTop() // the pane sits above the text: show it
	} else {
		m.restore(a)
	}
}

// anchor remembers what is at the top of the screen: a paragraph and how
// far into it, so a re-render (resize, fold, routing) can keep it there.
type anchor struct {
	para  int     // -1: the top of the text
	frac  float64 // position inside the paragraph's lines
	delta int     // lines above the paragraph's top when before it
	ok    bool
}

func (m *Model) anchor() anchor {
	d := &m.doc
	if d.built == d.first {
		return anchor{}
	}
	if m.offset <= d.start() && d.topDone {
		return anchor{para: -1, ok: true}
	}
	for i := d.first; i < d.built; i++ {
		if d.end[i] > m.offset {
			if d.top[i] >= m.offset {
				return anchor{para: i, delta: d.top[i] - m.offset, ok: true}
			}
			n := d.end[i] - d.top[i]
			return anchor{para: i, frac: float64(m.offset-d.top[i]) / float64(n), ok: true}
		}
	}
	// In the tail: as far below the last paragraph's top as it is now.
	last := d.built - 1
	return anchor{para: last, delta: d.top[last] - m.offset, ok: true}
}

func (m *Model) restore(a anchor) {
	if !a.ok || len(m.cable.Body) == 0 {
		m.clamp()
		return
	}
	if a.para < 0 {
		m.gotoTop()
		return
	}
	m.needPara(a.para)
	d := &m.doc
	n := d.end[a.para] - d.top[a.para]
	// Rounding, but never past the paragraph's last line: it would be off
	// the top of the screen.
	m.offset = d.top[a.para] - a.delta + min(max(0, n-1), int(math.Round(a.frac*float64(n))))
	m.clamp()
}

// keepCurrent scrolls the current paragraph's text to the top if it is off
// screen (after a resize has moved everything).
func (m *Model) keepCurrent() {
	if m.cur >= 0 && !m.tooSmall && !m.visible(m.cur) {
		m.needPara(m.cur)
		m.offset = m.doc.text[m.cur]
		m.clamp()
	}
}

// clamp keeps the offset inside the text, laying out what the screen
// shows.
func (m *Model) clamp() {
	m.needLines(m.offset + m.bodyH)
	d := &m.doc
	m.offset = min(m.offset, d.stop()-m.bodyH) // the end may pull it up
	m.needAbove(m.offset)
	m.offset = max(m.offset, d.start())
}

// gotoTop shows the start of the text, starting the window there if it is
// not in it.
func (m *Model) gotoTop() {
	if m.doc.first > farJump {
		m.origin, m.offset, m.dirty, m.jump = 0, 0, true, true
		m.refresh()
	}
	m.needAbove(-1 << 40)
	m.offset = m.doc.start()
	m.clamp()
}

// gotoBottom shows the end of the text, starting the window at the last
// paragraph if it is far.
func (m *Model) gotoBottom() {
	if n := len(m.cable.Body); !m.doc.done && n-m.doc.built > farJump {
		m.origin, m.offset, m.dirty, m.jump = n-1, 0, true, true
		m.refresh()
	}
	m.needLines(1 << 40)
	m.offset = m.doc.stop() - m.bodyH
	m.clamp()
}

// scroll moves the view by n lines. When the current paragraph leaves the
// screen, the nearest visible paragraph becomes current, so the keys that
// act on it never act on something out of sight.
func (m *Model) scroll(n int) {
	m.offset += n
	m.clamp()
	m.followView()
}

// visible reports whether paragraph i has text on screen. A paragraph not
// yet assembled lies below the screen.
func (m *Model) visible(i int) bool {
	d := &m.doc
	return d.has(i) && d.text[i] < m.offset+m.bodyH && d.end[i] > m.offset
}

func (m *Model) followView() {
	if m.cur < 0 || m.visible(m.cur) {
		return
	}
	d := &m.doc
	if d.has(m.cur) && d.end[m.cur] <= m.offset || m.cur < d.first {
		for i := max(m.cur+1, d.first); i < d.built; i++ {
			if m.visible(i) {
				m.setCur(i)
				return
			}
		}
	} else {
		for i := min(m.cur-1, d.built-1); i >= d.first; i-- {
			if m.visible(i) {
				m.setCur(i)
				return
			}
		}
	}
}

// ensureVisible scrolls the least needed to show paragraph i from its
// heading; a paragraph taller than the screen is shown from its top.
func (m *Model) ensureVisible(i int) {
	d := &m.doc
	if i < 0 || i >= len(d.top) {
		return
	}
	m.needPara(i)
	top, end := d.top[i], d.end[i]
	switch {
	case top < m.offset:
		m.offset = top
	case end > m.offset+m.bodyH:
		m.offset = min(top, end-m.bodyH)
	}
	m.clamp()
}

// showLine scrolls so that line l is on screen, with some context above.
func (m *Model) showLine(l int) {
	if l < m.offset || l >= m.offset+m.bodyH {
		m.offset = l - min(2, m.bodyH/4)
	}
	m.clamp()
}

func (m *Model) movePara(dir int) {
	n := len(m.cable.Body)
	if n == 0 {
		return
	}
	i := max(0, min(n-1, m.cur+dir))
	if i == m.cur {
		if dir > 0 {
			m.msg = "last paragraph"
		} else {
			m.msg = "first paragraph"
		}
	}
	m.setCur(i)
	m.toTop(i)
}

// toTop puts paragraph i at the top of the screen (as far as the end of
// the text lets it), as :N does and less puts a search's line.
func (m *Model) toTop(i int) {
	m.needPara(i)
	m.offset = m.doc.top[i]
	m.clamp()
}

// gotoNumber makes paragraph ¶n current and puts it at the top.
func (m *Model) gotoNumber(s string) {
	s = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(s), "¶"))
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		if s == "" {
			m.msg = "no paragraph number typed"
		} else {
			m.msg = "not a paragraph number: " + common.Fit(common.CleanLine(s), 40)
		}
		return
	}
	for i, p := range m.cable.Body {
		if p.Number == n {
			m.setCur(i)
			m.toTop(i)
			return
		}
	}
	m.msg = "no ¶" + strconv.Itoa(n) + " in this cable"
}

// openAt makes paragraph i current and unfolds it.
func (m *Model) openAt(i int) {
	m.setCur(i)
	if m.collapsed[i] {
		m.setCollapsed(i, false)
	}
	m.refresh()
}

func (m *Model) gotoSummary() {
	for i, p := range m.cable.Body {
		for _, sp := range p.Spans {
			if sp.Kind == model.Summary {
				m.openAt(i)
				m.needPara(i)
				m.offset = m.doc.top[i]
				m.clamp()
				return
			}
		}
	}
	m.msg = "this cable has no marked summary"
}

// nextAside jumps to the next (dir>0) or previous COMMENT or NOTE span.
func (m *Model) nextAside(dir int) {
	type at struct{ para, span int }
	var all []at
	for i, p := range m.cable.Body {
		if !hasAside(p) {
			continue // no need to prepare it: a long cable has few
		}
		for j, sp := range m.prep(i).spans {
			if sp.kind == model.Comment || sp.kind == model.Note {
				all = append(all, at{i, j})
			}
		}
	}
	if len(all) == 0 {
		m.msg = "this cable has no COMMENT or NOTE"
		return
	}
	cur, span := m.cur, m.asideSpan
	pick := -1
	if dir > 0 {
		for k, a := range all {
			if a.para > cur || a.para == cur && a.span > span {
				pick = k
				break
			}
		}
		if pick < 0 {
			pick, m.msg = 0, "wrapped to the first comment/note"
		}
	} else {
		for k := len(all) - 1; k >= 0; k-- {
			a := all[k]
			if a.para < cur || a.para == cur && span >= 0 && a.span < span {
				pick = k
				break
			}
		}
		if pick < 0 {
			pick, m.msg = len(all)-1, "wrapped to the last comment/note"
		}
	}
	a := all[pick]
	m.openAt(a.para)
	m.asideSpan = a.span
	m.needPara(a.para)
	r := m.rendered(a.para)
	line := m.doc.text[a.para]
	if a.span < len(r.spanLine) {
		line += r.spanLine[a.span]
	}
	m.showLine(line)
}

func hasAside(p model.Paragraph) bool {
	for _, sp := range p.Spans {
		if sp.Kind == model.Comment || sp.Kind == model.Note {
			return true
		}
	}
	return false
}

// startSearch runs a search and jumps to the first match from the current
// paragraph on. In a long text the search runs in the command returned,
// and the jump comes with its result (searched).
func (m *Model) startSearch(q string) tea.Cmd {
	m.stopSearch()
	if q = strings.TrimSpace(q); q != "" && m.textSize > asyncSearchAbove {
		m.searching = &searchJob{query: q}
		m.msg = "searching for " + common.CleanLine(q) + "… (any key stops)"
		return searchCmd(m.searching, m.cable.Body)
	}
	m.search.run(q, len(m.cable.Body), func(i int) *model.Paragraph { return &m.cable.Body[i] }, m.prep)
	m.found()
	return nil
}

// stopSearch stops the search running in a command, if any.
func (m *Model) stopSearch() {
	if m.searching != nil {
		m.searching.stop.Store(true)
		m.searching = nil
	}
}

// searched takes the result of the search running in a command, unless it
// was stopped or another has started since.
func (m *Model) searched(msg searchedMsg) {
	if msg.job != m.searching || !msg.ok {
		return
	}
	m.searching = nil
	m.msg = ""
	gen := m.search.gen
	m.search = msg.s
	m.search.gen = gen + 1
	m.found()
}

// found shows a new search's first match from the current paragraph on.
func (m *Model) found() {
	m.dirty = true
	if !m.search.active() {
		return
	}
	if len(m.search.matches) == 0 {
		m.msg = "no match for " + common.CleanLine(m.search.query)
		return
	}
	k := 0
	for i, mt := range m.search.matches {
		if mt.para >= m.cur {
			k = i
			break
		}
	}
	m.gotoMatch(k)
}

func (m *Model) nextMatch(dir int) {
	s := &m.search
	if !s.active() {
		m.msg = "no search: press / to search"
		return
	}
	if len(s.matches) == 0 {
		m.msg = "no match for " + common.CleanLine(s.query)
		return
	}
	k := s.cur + dir
	if s.cur < 0 || s.matches[s.cur].para != m.cur {
		// The reader has moved since the last match: go on from the
		// current paragraph, as n does from the cursor in less.
		k = nextFrom(s.matches, m.cur, dir)
	}
	if k >= len(s.matches) {
		k, m.msg = 0, "search wrapped to the top"
	} else if k < 0 {
		k, m.msg = len(s.matches)-1, "search wrapped to the bottom"
	}
	m.gotoMatch(k)
}

// nextFrom is the first match in or after paragraph cur (dir > 0), or the
// last one in or before it; len(ms) or -1 when there is none that way.
func nextFrom(ms []match, cur, dir int) int {
	if dir < 0 {
		return sort.Search(len(ms), func(k int) bool { return ms[k].para > cur }) - 1
	}
	return sort.Search(len(ms), func(k int) bool { return ms[k].para >= cur })
}

func (m *Model) gotoMatch(k int) {
	s := &m.search
	s.cur = k
	mt := s.matches[k]
	m.dirty = true
	m.openAt(mt.para)
	m.needPara(mt.para)
	r := m.rendered(mt.para)
	local := k - s.first[mt.para]
	line := m.doc.text[mt.para]
	if local >= 0 && local < len(r.matchLine) {
		line += r.matchLine[local]
	}
	m.showLine(line)
}

// copyText puts s on the terminal's clipboard (OSC 52) and says so in the
// status line. The text is made safe first: no control byte reaches the
// clipboard.
func (m *Model) copyText(s, what string) tea.Cmd {
	s = common.CleanLine(s)
	if s == "" {
		m.msg = "nothing to copy"
		return nil
	}
	m.msg = "copied the " + what + " (" + strconv.Itoa(utf8.RuneCountInString(s)) + " characters)"
	return tea.SetClipboard(s)
}

// quit ends the program once the place is written down.
func (m *Model) quit() tea.Cmd {
	m.rememberPlace()
	return common.SaveAndQuit(m.opt.State)
}

// Find searches the cable for q as "/" does, showing the first match
// and its highlighted matches; n and N go on.
func (m *Model) Find(q string) tea.Cmd { return m.startSearch(q) }
