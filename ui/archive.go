package ui

import (
	"context"
	"errors"
	"strings"
	"sync"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/progress"
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"

	"cablereader/corpus"
	"cablereader/model"
	"cablereader/parser"
)

// Archive mode: a list of an archive's cables and the reader on one of
// them. The root model (Archive) owns the list, the reader (the same
// Model as for a single cable, with its references made links), a history
// of the cables opened by following references or moving through a post's
// traffic (back goes through it, as in a browser), and the scan, which
// runs on its own goroutine and reports progress as messages. Cables are
// loaded and parsed in commands; Update never waits for I/O.

type archScreen int

const (
	screenList archScreen = iota
	screenReader
)

// Messages.
type (
	scanProgressMsg struct{ p corpus.Progress }
	scanDoneMsg     struct {
		p   corpus.Progress
		err error
	}
	builtMsg  struct{ s *snapshot }
	loadedMsg struct {
		seq   int
		entry corpus.Entry
		cable *model.Cable
		err   error
	}
)

// histFrame is a cable left for another, and where the reader stood.
type histFrame struct {
	entry corpus.Entry
	pos   readerPos
}

// loadReq is the cable being loaded: the history to have once it is open,
// and where to open it (nil: at the top).
type loadReq struct {
	seq    int
	active bool
	entry  corpus.Entry
	hist   []histFrame
	pos    *readerPos
	from   string // the id of the cable left, for the status line
}

// listMode is the list's input state.
type listMode int

const (
	listNormal listMode = iota
	listFilter          // "/" typed: the fuzzy query
	listTag             // "#" typed: a TAG
)

// Archive is the root model of archive mode.
type Archive struct {
	ix     *corpus.Index
	opt    Options
	keys   ListKeyMap
	help   help.Model
	styles *Styles
	chips  map[model.Level]paint

	isDark, themeFixed bool
	width, height      int
	tooSmall           bool

	screen  archScreen
	list    archiveList
	cols    listCols
	reader  *Model
	cur     corpus.Entry // the cable in the reader
	history []histFrame
	load    loadReq
	seq     int

	scan     *scanner
	scanning bool
	building bool    // a snapshot is being built
	rebuild  bool    // and another came meanwhile
	buildCmd tea.Cmd // the build to start
	prog     corpus.Progress
	spin     spinner.Model
	bar      progress.Model

	mode       listMode
	input      string
	prevQuery  string   // the query when "/" was typed, for esc
	tagCands   []string // completions of the TAG prompt
	tagCand    int
	showProbs  bool
	probsOff   int
	probLines  []string
	showHelp   bool
	helpOff    int
	helpLines  []string
	msg        string
	quitting   bool
	lines      []string // the rendered rows, rebuilt by refresh
	top, under string   // top bar, bottom bar
	frame      string   // what View shows
	helpBar    string   // the list's help bar, for helpBarW cells
	helpBarW   int
	nProbs     int // rows and files skipped, as the index has them
}

// RunArchive indexes the archive in the background and shows it in the
// list until the user quits. Open ix with corpus.Open; RunArchive runs
// ix.Scan, and returns once the scan has stopped, so the caller may close
// the index afterwards.
func RunArchive(ix *corpus.Index, opt Options) error {
	a := newArchive(ix, opt)
	a.scan = newScanner(ix)
	defer a.scan.stop()
	return run(a)
}

// newArchive returns the archive model over ix. Without a scanner (tests)
// it shows what the index holds, which the caller has scanned.
func newArchive(ix *corpus.Index, opt Options) *Archive {
	a := &Archive{
		ix:     ix,
		opt:    opt,
		keys:   DefaultListKeyMap(),
		help:   help.New(),
		isDark: true,
		spin:   spinner.New(spinner.WithSpinner(spinner.MiniDot)),
		bar:    progress.New(progress.WithWidth(12), progress.WithoutPercentage()),
	}
	switch opt.Theme {
	case "dark":
		a.themeFixed = true
	case "light":
		a.themeFixed, a.isDark = true, false
	}
	a.setTheme(a.isDark)
	a.list.setEntries(ix.Entries())
	a.nProbs = len(ix.Errors()) + len(ix.Skipped())
	a.relayout()
	return a
}

func (a *Archive) setTheme(dark bool) {
	a.isDark = dark
	a.styles = NewStyles(dark)
	a.help.Styles = a.styles.Help
	a.spin.Style = a.styles.Accent
	a.chips = map[model.Level]paint{}
	for l := model.LevelUnknown; l <= model.TopSecret; l++ {
		a.chips[l] = newPaint(bannerStyle(l))
	}
	a.helpLines, a.probLines, a.helpBar = nil, nil, ""
}

// Init starts the scan and asks for the background colour.
func (a *Archive) Init() tea.Cmd {
	var cmds []tea.Cmd
	if !a.themeFixed {
		cmds = append(cmds, tea.RequestBackgroundColor)
	}
	if a.scan != nil {
		a.scanning = true
		cmds = append(cmds, a.scan.start(), a.spin.Tick)
		a.refresh()
	}
	return tea.Batch(cmds...)
}

// Update handles one message; refresh then renders what changed.
func (a *Archive) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.width, a.height = msg.Width, msg.Height
		a.relayout()
		if a.reader != nil {
			a.reader.Update(msg)
		}
	case tea.BackgroundColorMsg:
		if !a.themeFixed && msg.IsDark() != a.isDark {
			a.setTheme(msg.IsDark())
		}
		if a.reader != nil {
			a.reader.Update(msg)
		}
	case scanProgressMsg:
		a.prog = msg.p
		a.indexed()
		if a.scan != nil {
			cmd = a.scan.wait()
		}
	case scanDoneMsg:
		a.prog, a.scanning = msg.p, false
		a.indexed()
		if msg.err != nil && !errors.Is(msg.err, context.Canceled) {
			a.say("indexing stopped: " + msg.err.Error())
		}
	case spinner.TickMsg:
		if a.scanning {
			a.spin, cmd = a.spin.Update(msg)
		}
	case builtMsg:
		a.built(msg.s)
	case loadedMsg:
		a.loaded(msg)
	case filteredMsg:
		a.list.finish(msg)
	case tea.KeyPressMsg:
		cmd = a.key(msg)
	case tea.MouseWheelMsg:
		if a.screen == screenReader && a.reader != nil {
			a.reader.Update(msg)
		} else if a.mode == listNormal && !a.showHelp && !a.showProbs {
			switch msg.Button {
			case tea.MouseWheelUp:
				a.list.move(-wheelLines)
			case tea.MouseWheelDown:
				a.list.move(wheelLines)
			}
		}
	}
	if a.buildCmd != nil {
		cmd = tea.Batch(cmd, a.buildCmd)
		a.buildCmd = nil
	}
	if j := a.list.takeJob(); j != nil {
		cmd = tea.Batch(cmd, func() tea.Msg { return j.run() })
	}
	a.refresh()
	return a, cmd
}

// indexed takes the index's new snapshot after progress. A large one is
// built by a command (its search keys take a while); one build runs at a
// time, and a snapshot that comes meanwhile is taken after it.
func (a *Archive) indexed() {
	a.nProbs = len(a.ix.Errors()) + len(a.ix.Skipped())
	if a.showProbs {
		a.probLines = nil
	}
	entries := a.ix.Entries()
	switch {
	case a.list.same(entries):
	case a.building:
		a.rebuild = true
	case len(entries) >= asyncMin:
		a.building = true
		l := &a.list
		old, keys, lv := l.all, l.keys, l.lv
		a.buildCmd = func() tea.Msg { return builtMsg{buildSnapshot(old, keys, lv, entries)} }
	default:
		a.list.setEntries(entries)
		a.newEntries()
	}
}

// built takes a snapshot built in the background.
func (a *Archive) built(s *snapshot) {
	a.building = false
	a.list.apply(s)
	a.newEntries()
	if a.rebuild {
		a.rebuild = false
		a.indexed()
	}
}

// newEntries follows the list's new snapshot: the column widths, the
// skipped rows, the open cable's links.
func (a *Archive) newEntries() {
	a.relayout()
	if a.reader != nil {
		self := a.cur.ID
		a.reader.relink(self, a.present)
	}
}

// present reports whether the archive holds a cable.
func (a *Archive) present(id string) bool {
	_, ok := a.ix.Lookup(id)
	return ok
}

// say shows a one-line message on the current screen.
func (a *Archive) say(s string) {
	s = cleanLine(s)
	if a.screen == screenReader && a.reader != nil {
		a.reader.msg = s
		a.reader.refresh()
		return
	}
	a.msg = s
}

// key handles a key press on the current screen.
func (a *Archive) key(msg tea.KeyPressMsg) tea.Cmd {
	if msg.String() == "ctrl+c" {
		a.quitting = true
		return tea.Quit
	}
	if a.screen == screenReader && a.reader != nil {
		return a.readerKey(msg)
	}
	a.msg = ""
	return a.listKey(msg)
}

// readerKey handles the archive's keys in the reader and passes the
// others on. When a prompt or a page is open, every key is the reader's.
func (a *Archive) readerKey(msg tea.KeyPressMsg) tea.Cmd {
	r := a.reader
	k := r.keys
	if r.idle() {
		switch {
		case key.Matches(msg, k.Back):
			r.msg = ""
			return a.back()
		case key.Matches(msg, k.ToList) && !r.escActs():
			a.toList()
			return nil
		case key.Matches(msg, k.FollowRef):
			r.msg = ""
			return a.follow()
		case key.Matches(msg, k.NextPost):
			r.msg = ""
			return a.sibling(1)
		case key.Matches(msg, k.PrevPost):
			r.msg = ""
			return a.sibling(-1)
		}
	}
	_, cmd := r.Update(msg)
	if r.quitting {
		a.quitting = true
	}
	return cmd
}

// open starts loading e; once it is open the history is hist, and the
// reader stands at pos (nil: the top).
func (a *Archive) open(e corpus.Entry, hist []histFrame, pos *readerPos) tea.Cmd {
	a.seq++
	from := ""
	if a.reader != nil && a.screen == screenReader {
		from = a.cur.ID
	}
	a.load = loadReq{seq: a.seq, active: true, entry: e, hist: hist, pos: pos, from: from}
	a.say("opening " + orDash(e.ID) + "…")
	return loadCmd(a.ix, a.seq, e)
}

func loadCmd(ix *corpus.Index, seq int, e corpus.Entry) tea.Cmd {
	return func() tea.Msg {
		text, err := ix.Load(e)
		if err != nil {
			return loadedMsg{seq: seq, entry: e, err: err}
		}
		return loadedMsg{seq: seq, entry: e, cable: parser.Parse(text)}
	}
}

// loaded opens a loaded cable in a new reader, unless another load was
// asked for since.
func (a *Archive) loaded(msg loadedMsg) {
	if !a.load.active || msg.seq != a.load.seq {
		return
	}
	req := a.load
	a.load = loadReq{}
	if msg.err != nil {
		a.say("could not open " + orDash(msg.entry.ID) + ": " + msg.err.Error())
		return
	}
	r := New(msg.cable, Options{Theme: themeName(a.isDark), Mouse: a.opt.Mouse})
	r.themeFixed = a.themeFixed
	r.enableArchive(msg.entry.ID, a.present)
	r.Update(tea.WindowSizeMsg{Width: a.width, Height: a.height})
	if req.pos != nil {
		r.restorePosition(*req.pos)
	}
	a.reader, a.cur, a.history, a.screen = r, msg.entry, req.hist, screenReader
	a.msg = ""
	switch {
	case req.pos != nil:
		r.msg = "back at " + orDash(cleanLine(msg.entry.ID))
	case req.from != "":
		r.msg = "⌫ goes back to " + cleanLine(req.from)
		if s := r.linksSummary(); s != "" {
			r.msg += " · " + s
		}
	default:
		r.msg = r.linksSummary()
	}
	r.refresh()
}

func themeName(dark bool) string {
	if dark {
		return "dark"
	}
	return "light"
}

// pending is the history as it will be once the cable being loaded opens.
func (a *Archive) pendingHistory() []histFrame {
	if a.load.active {
		return a.load.hist
	}
	return a.history
}

// push returns the history with the open cable added.
func (a *Archive) push() []histFrame {
	h := append([]histFrame(nil), a.history...)
	return append(h, histFrame{entry: a.cur, pos: a.reader.position()})
}

// back goes to the previous cable of the history, or to the list.
func (a *Archive) back() tea.Cmd {
	h := a.pendingHistory()
	if len(h) == 0 {
		a.toList()
		return nil
	}
	f := h[len(h)-1]
	pos := f.pos
	return a.open(f.entry, h[:len(h)-1:len(h)-1], &pos)
}

// toList closes the reader and shows the list where it was left.
func (a *Archive) toList() {
	a.load = loadReq{}
	a.reader, a.history, a.screen = nil, nil, screenList
	a.msg = ""
}

// follow opens the selected reference.
func (a *Archive) follow() tea.Cmd {
	if a.load.active {
		a.say("still opening " + orDash(a.load.entry.ID) + "…")
		return nil
	}
	ref, ok := a.reader.selectedRef()
	if !ok {
		a.say(a.reader.noLinkText())
		return nil
	}
	e, ok := a.ix.Lookup(ref.ID)
	if !ok {
		a.say(ref.ID + " is not in the archive")
		return nil
	}
	return a.open(e, a.push(), nil)
}

// sibling opens the previous (dir < 0) or next cable from the same post.
func (a *Archive) sibling(dir int) tea.Cmd {
	if a.load.active {
		a.say("still opening " + orDash(a.load.entry.ID) + "…")
		return nil
	}
	prev, next, okPrev, okNext := a.ix.Neighbours(a.cur)
	e, ok, word := next, okNext, "later"
	if dir < 0 {
		e, ok, word = prev, okPrev, "earlier"
	}
	if !ok {
		post := cleanLine(a.cur.Origin)
		if post == "" {
			post = "this post"
		}
		a.say("no " + word + " cable from " + post + " in the archive")
		return nil
	}
	return a.open(e, a.push(), nil)
}

// listKey handles a key in the list.
func (a *Archive) listKey(msg tea.KeyPressMsg) tea.Cmd {
	k := a.keys
	switch {
	case a.mode != listNormal:
		return a.promptKey(msg)
	case key.Matches(msg, k.Quit):
		a.quitting = true
		return tea.Quit
	case a.showProbs || a.showHelp:
		a.pageKey(msg)
		return nil
	case a.tooSmall:
		return nil
	}
	l := &a.list
	half := max(1, l.height/2)
	switch {
	case key.Matches(msg, k.Down):
		l.move(1)
	case key.Matches(msg, k.Up):
		l.move(-1)
	case key.Matches(msg, k.HalfDown):
		l.scroll(half)
	case key.Matches(msg, k.HalfUp):
		l.scroll(-half)
	case key.Matches(msg, k.PageDown):
		l.scroll(max(1, l.height-1))
	case key.Matches(msg, k.PageUp):
		l.scroll(-max(1, l.height-1))
	case key.Matches(msg, k.Top):
		l.cursor = 0
		l.clamp()
	case key.Matches(msg, k.Bottom):
		l.cursor = l.len() - 1
		l.clamp()
	case key.Matches(msg, k.Open):
		if e, ok := l.selected(); ok {
			return a.open(e, nil, nil)
		}
	case key.Matches(msg, k.Filter):
		a.mode, a.input, a.prevQuery = listFilter, l.query, l.query
	case key.Matches(msg, k.Tag):
		a.mode, a.input = listTag, ""
		a.completeTags()
	case key.Matches(msg, k.Post):
		a.togglePost()
	case key.Matches(msg, k.Class):
		l.cycleLevel(1)
		a.sayLevel()
	case key.Matches(msg, k.ClassBack):
		l.cycleLevel(-1)
		a.sayLevel()
	case key.Matches(msg, k.Clear):
		if l.filtered() {
			l.query = ""
			l.setQuick("", "", model.LevelUnknown)
			a.msg = "filters cleared"
		}
	case key.Matches(msg, k.Problems):
		if a.prog.Errors+a.prog.Skipped+len(a.ix.Errors())+len(a.ix.Skipped()) == 0 {
			a.msg = "nothing was skipped"
		} else {
			a.showProbs, a.probsOff, a.probLines = true, 0, nil
		}
	case key.Matches(msg, k.Help):
		a.showHelp, a.helpOff = true, 0
	}
	return nil
}

func (a *Archive) sayLevel() {
	if a.list.level == model.LevelUnknown {
		a.msg = "all classifications"
		return
	}
	a.msg = "only " + a.list.level.String() + " (c: next level)"
}

// togglePost keeps only the selected row's post, or lifts that filter.
func (a *Archive) togglePost() {
	l := &a.list
	if l.origin != "" {
		l.setQuick(l.tag, "", l.level)
		a.msg = "all posts"
		return
	}
	e, ok := l.selected()
	if !ok || e.Origin == "" {
		a.msg = "this row has no origin"
		return
	}
	l.setQuick(l.tag, e.Origin, l.level)
	a.msg = "only " + cleanLine(e.Origin) + " (p again: all posts)"
}

// pageKey scrolls or closes the skipped-rows overlay or the key page.
func (a *Archive) pageKey(msg tea.KeyPressMsg) {
	k := a.keys
	off := &a.helpOff
	if a.showProbs {
		off = &a.probsOff
	}
	switch {
	case key.Matches(msg, k.Clear), a.showProbs && key.Matches(msg, k.Problems), a.showHelp && key.Matches(msg, k.Help):
		a.showProbs, a.showHelp = false, false
	case key.Matches(msg, k.Down):
		*off++
	case key.Matches(msg, k.Up):
		*off--
	case key.Matches(msg, k.PageDown), key.Matches(msg, k.HalfDown):
		*off += 10
	case key.Matches(msg, k.PageUp), key.Matches(msg, k.HalfUp):
		*off -= 10
	case key.Matches(msg, k.Top):
		*off = 0
	case key.Matches(msg, k.Bottom):
		*off = 1 << 30
	}
}

// promptKey edits the filter or TAG prompt. The filter applies as it is
// typed; the TAG on enter.
func (a *Archive) promptKey(msg tea.KeyPressMsg) tea.Cmd {
	l := &a.list
	switch msg.String() {
	case "esc":
		if a.mode == listFilter {
			l.setQuery(a.prevQuery)
		}
		a.mode, a.input = listNormal, ""
	case "enter":
		if a.mode == listTag {
			tag := strings.ToUpper(strings.TrimSpace(a.input))
			l.setQuick(tag, l.origin, l.level)
			switch {
			case tag == "":
				a.msg = "all TAGS"
			case l.len() == 0:
				a.msg = "no cable has the TAG " + cleanLine(tag)
			default:
				a.msg = "only TAG " + cleanLine(tag)
			}
		}
		a.mode, a.input = listNormal, ""
	case "up":
		l.move(-1)
	case "down":
		l.move(1)
	case "tab", "shift+tab":
		if n := len(a.tagCands); a.mode == listTag && n > 0 {
			switch {
			case msg.String() == "tab":
				a.tagCand = (a.tagCand + 1) % n
			case a.tagCand < 0:
				a.tagCand = n - 1
			default:
				a.tagCand = (a.tagCand - 1 + n) % n
			}
			a.input = a.tagCands[a.tagCand]
		}
	case "backspace", "ctrl+h":
		r := []rune(a.input)
		if len(r) == 0 {
			a.mode = listNormal
			return nil
		}
		a.input = string(r[:len(r)-1])
		a.inputChanged()
	case "ctrl+u":
		a.input = ""
		a.inputChanged()
	default:
		if msg.Text != "" && len(a.input) < 200 {
			a.input += msg.Text
			a.inputChanged()
		}
	}
	return nil
}

func (a *Archive) inputChanged() {
	if a.mode == listFilter {
		a.list.setQuery(a.input)
		return
	}
	a.completeTags()
}

// completeTags lists the TAGS that complete the prompt: the selected
// row's when it is empty, else the archive's TAGS with that prefix, most
// used first (the list counts them as batches arrive).
func (a *Archive) completeTags() {
	a.tagCand = -1
	a.tagCands = a.tagCands[:0]
	in := strings.ToUpper(strings.TrimSpace(a.input))
	if in == "" {
		if e, ok := a.list.selected(); ok {
			for _, t := range e.Tags {
				a.tagCands = append(a.tagCands, cleanLine(t))
			}
		}
		return
	}
	for t := range a.list.tagN {
		if strings.HasPrefix(strings.ToUpper(t), in) {
			a.tagCands = append(a.tagCands, t)
		}
	}
	sortTags(a.tagCands, a.list.tagN)
	if len(a.tagCands) > 50 {
		a.tagCands = a.tagCands[:50]
	}
	for i, t := range a.tagCands {
		a.tagCands[i] = cleanLine(t)
	}
}

// scanner runs ix.Scan on its own goroutine and hands its progress to the
// program: the latest report is kept, and a command waits for the next.
type scanner struct {
	ix       *corpus.Index
	once     sync.Once
	cancel   context.CancelFunc
	mu       sync.Mutex
	last     corpus.Progress
	notify   chan struct{} // a new report is there
	done     chan error
	finished chan struct{} // closed when Scan has returned
	started  bool
}

func newScanner(ix *corpus.Index) *scanner {
	return &scanner{ix: ix, notify: make(chan struct{}, 1), done: make(chan error, 1), finished: make(chan struct{})}
}

// start returns the command that starts the scan and waits for its first
// report.
func (s *scanner) start() tea.Cmd {
	return func() tea.Msg {
		s.once.Do(func() {
			ctx, cancel := context.WithCancel(context.Background())
			s.mu.Lock()
			s.cancel, s.started = cancel, true
			s.mu.Unlock()
			go func() {
				err := s.ix.Scan(ctx, s.report)
				s.done <- err
				close(s.finished)
			}()
		})
		return s.wait()()
	}
}

func (s *scanner) report(p corpus.Progress) {
	s.mu.Lock()
	s.last = p
	s.mu.Unlock()
	select {
	case s.notify <- struct{}{}:
	default:
	}
}

func (s *scanner) latest() corpus.Progress {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.last
}

// wait returns the command that waits for the next report or the end.
func (s *scanner) wait() tea.Cmd {
	return func() tea.Msg {
		select {
		case <-s.notify:
			return scanProgressMsg{s.latest()}
		case err := <-s.done:
			return scanDoneMsg{p: s.latest(), err: err}
		}
	}
}

// stop cancels the scan and waits until Scan has returned.
func (s *scanner) stop() {
	s.mu.Lock()
	cancel, started := s.cancel, s.started
	s.mu.Unlock()
	if !started {
		return
	}
	cancel()
	<-s.finished
}
