// Package archive is the Bubble Tea model of an archive: the list of its cables with filters, the background scan, and a reader on the cable opened with a history between cables.
package archive

import (
	"context"
	"errors"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/progress"
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"

	"cablereader/catalog"
	"cablereader/model"
	"cablereader/ui/common"
	"cablereader/ui/reader"
	"cablereader/ui/state"
	"cablereader/ui/theme"
)

// Archive mode: a list of an archive's cables and the reader on one of
// them. The root model (Archive) owns the list, the reader (the same
// Model as for a single cable, with its references made links), a history
// of the cables opened by following references or moving through a post's
// traffic (back goes through it, as in a browser), and the scan, which
// runs on its own goroutine and reports progress as messages. Cables are
// loaded and parsed in commands; Update never waits for I/O.
//
// This file holds the root model: its state, its construction and theme,
// Init, and Update, which dispatches messages and keys to the other files:
// the scan (scan.go), loading cables (load.go), history and navigation
// between cables (history.go), the list's keys and prompts (keys.go), the
// rows and their filter (list.go, filter.go) and drawing (view.go).

type archScreen int

const (
	screenList archScreen = iota
	screenReader
)

// Source is the archive as the list sees it: records a scan fills in the
// background, and each cable parsed on demand. main adapts the archive's
// scan and the parser to it; the ui never parses.
type Source interface {
	// Scan reads the archive, calling progress now and then, until it
	// is done or ctx is cancelled.
	Scan(ctx context.Context, progress func(catalog.Progress)) error
	Entries() []catalog.Record // the entries scanned so far, sorted
	Lookup(id string) (catalog.Record, bool)
	// Neighbours are the previous and next cables from e's origin.
	Neighbours(e catalog.Record) (prev, next catalog.Record, okPrev, okNext bool)
	Errors() []catalog.RowError     // rows that could not be read
	Skipped() []catalog.SkippedFile // files that were not cables
	// Open loads and parses one cable.
	Open(e catalog.Record) (*model.Cable, error)
	// OpenFile reads and parses a cable file that is not in the archive
	// (a mark made in it when it was read on its own), with its record.
	// An error says why the file is not a cable.
	OpenFile(path string) (catalog.Record, *model.Cable, error)
}

// Archive is the root model of archive mode.
type Archive struct {
	src    Source
	opt    common.Options
	keys   ListKeyMap
	help   help.Model
	styles *theme.Styles
	chips  map[model.Level]theme.Paint

	isDark, themeFixed bool
	width, height      int
	tooSmall           bool

	screen archScreen
	list   archiveList
	cols   listCols
	reader *reader.Model
	cur    catalog.Record // the cable in the reader
	nav    navHistory     // the cables to go back and forward to
	load   loadReq
	seq    int

	scan     *common.Job[catalog.Progress]
	scanning bool
	building bool    // a snapshot is being built
	rebuild  bool    // and another came meanwhile
	buildCmd tea.Cmd // the build to start
	sorting  bool    // a re-sort runs in a command (order.go)
	sortTo   sortKey // the order it puts the list in, as o last asked
	sortSeq  int     // the number of the last sort started
	prog     catalog.Progress
	done     float64 // share of the archive scanned, as shown
	spin     spinner.Model
	bar      progress.Model

	mode      listMode
	sr        searchState // the full-text search, when the Source can
	ib        *indexBuild // the build of the search index, when the Source can
	prompt    common.Prompt
	prevQuery string   // the query when "/" was typed, for esc
	tagCands  []string // completions of the TAG prompt
	tagCand   int
	ov        overlay             // the page over the list: keys, skipped rows or marks
	tv        threadView          // the thread view (thread.go)
	dv        diffView            // the versions of a cable (versions.go)
	copies    copiesMsg           // the ids held more than once (versions.go)
	cited     citedMsg            // how many cables of the archive cite each id (thread.go)
	resumeAt  *state.ArchivePlace // the cable to go back to once the scan lists it
	msg       string
	quitting  bool
	err       error // what ended the program, if not the user
	out       drawn // the screen as refresh last drew it (view.go)
	nProbs    int   // rows and files skipped, as the Source has them
}

// Run scans the archive in the background and shows it in the list
// until the user quits. Run runs src.Scan, and returns once
// the scan has stopped, so the caller may close the archive afterwards. A
// panic on the scan or while opening a cable ends the program with an
// error.
func Run(src Source, opt common.Options) error {
	a := newArchive(src, opt)
	a.scan = newScanner(src)
	defer a.scan.Stop()
	if a.ib != nil {
		defer a.ib.Stop()
	}
	if err := common.Run(a, common.ProgramOptions(opt)...); err != nil {
		return err
	}
	return a.err
}

// newArchive returns the archive model over src. Without a scanner (tests)
// it shows what the source holds, which the caller has scanned.
func newArchive(src Source, opt common.Options) *Archive {
	if opt.Session == nil {
		opt.Session = &common.Session{} // the header mode carries from cable to cable
	}
	a := &Archive{
		src:  src,
		opt:  opt,
		keys: DefaultListKeyMap(),
		help: help.New(),
		spin: spinner.New(spinner.WithSpinner(spinner.MiniDot)),
		bar:  progress.New(progress.WithWidth(12), progress.WithoutPercentage()),
	}
	dark, fixed := theme.Choose(opt.Theme)
	a.themeFixed = fixed
	a.setTheme(dark)
	a.list.setEntries(src.Entries())
	if ix, ok := src.(Indexer); ok {
		a.ib = newIndexBuild(ix)
	}
	a.msg = common.CleanLine(opt.Notice)
	a.nProbs = len(src.Errors()) + len(src.Skipped())
	a.resume()
	a.relayout()
	return a
}

func (a *Archive) setTheme(dark bool) {
	a.isDark = dark
	a.styles = theme.NewStyles(dark)
	a.help.Styles = a.styles.Help
	a.spin.Style = a.styles.Accent
	a.chips = map[model.Level]theme.Paint{}
	for l := model.LevelUnknown; l <= model.TopSecret; l++ {
		a.chips[l] = theme.NewPaint(theme.BannerStyle(l))
	}
	a.ov.Page.Lines, a.out.helpBar = nil, ""
}

// Init starts the scan and asks for the background colour.
func (a *Archive) Init() tea.Cmd {
	var cmds []tea.Cmd
	if !a.themeFixed {
		cmds = append(cmds, tea.RequestBackgroundColor)
	}
	if a.scan != nil {
		a.scanning = true
		cmds = append(cmds, a.scan.Start(), a.spin.Tick)
		a.refresh()
	}
	if a.ib != nil {
		cmds = append(cmds, a.ib.start())
	}
	cmds = append(cmds, a.searchStart())
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
			_, cmd = a.reader.Update(msg) // a long cable re-wraps when the size settles
		}
	case tea.BackgroundColorMsg:
		if !a.themeFixed && msg.IsDark() != a.isDark {
			a.setTheme(msg.IsDark())
		}
		if a.reader != nil {
			_, cmd = a.reader.Update(msg)
		}
	case scanProgressMsg:
		a.prog = msg.P
		if p := msg.P; p.Total > 0 {
			// The total grows while a folder is walked: never go back.
			a.done = max(a.done, min(1, float64(p.Bytes)/float64(p.Total)))
		}
		a.indexed()
		if a.scan != nil {
			cmd = a.scan.Wait()
		}
	case scanDoneMsg:
		a.prog, a.scanning = msg.P, false
		a.indexed()
		cmd = tea.Batch(a.countCopies(), a.searchAgain())
		if msg.Err != nil && !errors.Is(msg.Err, context.Canceled) {
			a.say("indexing stopped: " + msg.Err.Error())
		}
	case spinner.TickMsg:
		if a.scanning {
			a.spin, cmd = a.spin.Update(msg)
		}
	case builtMsg:
		a.built(msg.s)
	case sortedMsg:
		cmd = a.sorted(msg)
	case loadedMsg:
		cmd = a.loaded(msg)
	case searchTickMsg:
		cmd = a.searchTick(msg)
	case searchDoneMsg:
		a.searchDone(msg)
	case indexProgressMsg:
		cmd = a.indexProgress(msg)
	case indexDoneMsg:
		cmd = tea.Batch(a.indexDone(msg), a.countCited())
	case common.CrashMsg:
		a.err, a.quitting = msg.Err, true
		return a, tea.Quit
	case filteredMsg:
		a.list.finish(msg)
	case threadMsg:
		a.threadLoaded(msg)
	case diffMsg:
		a.diffLoaded(msg)
	case copiesMsg:
		a.copies = msg
		a.relayout()
	case citedMsg:
		a.cited = msg
		a.relayout()
	case common.OpenMarkMsg:
		switch e, ok := a.src.Lookup(msg.ID); {
		case a.reader == nil:
		case ok:
			cmd = a.open(e, a.push(), nil)
		case fileThere(msg.Path):
			cmd = a.openFile(msg.ID, msg.Path, a.push())
		case msg.Path != "":
			a.say(common.OrDash(msg.ID) + " is not in this archive, and its file is gone")
		default:
			a.say(common.OrDash(msg.ID) + " is not in this archive")
		}
	case tea.KeyPressMsg:
		cmd = a.key(msg)
	case tea.PasteMsg:
		switch {
		case a.screen == screenReader && a.reader != nil:
			_, cmd = a.reader.Update(msg)
		case a.mode != listNormal:
			cmd = a.promptEdit(msg)
		}
	case tea.MouseWheelMsg:
		if a.screen == screenReader && a.reader != nil {
			_, cmd = a.reader.Update(msg)
		} else if a.mode == listNormal && !a.ov.Is(overlayKeys) && !a.ov.Is(overlayProbs) {
			switch msg.Button {
			case tea.MouseWheelUp:
				a.list.move(-common.WheelLines)
			case tea.MouseWheelDown:
				a.list.move(common.WheelLines)
			}
		}
	default:
		// the reader's own messages (a long cable's resize settling)
		if a.reader != nil {
			_, cmd = a.reader.Update(msg)
		}
	}
	if a.buildCmd != nil {
		cmd = tea.Batch(cmd, a.buildCmd)
		a.buildCmd = nil
	}
	if a.resumeAt != nil {
		cmd = tea.Batch(cmd, a.resumeCable())
	}
	if j := a.list.takeJob(); j != nil {
		cmd = tea.Batch(cmd, common.Guard("filtering", func() tea.Msg { return j.run() }))
	}
	a.refresh()
	if a.tv.on {
		a.renderThread()
	}
	if a.dv.on {
		a.renderDiff()
	}
	return a, cmd
}

// present reports whether the archive holds a cable.
func (a *Archive) present(id string) bool {
	_, ok := a.src.Lookup(id)
	return ok
}

// say shows a one-line message on the current screen.
func (a *Archive) say(s string) {
	s = common.CleanLine(s)
	if a.screen == screenReader && a.reader != nil {
		a.reader.SetStatus(s)
		return
	}
	a.msg = s
}

// key handles a key press on the current screen.
func (a *Archive) key(msg tea.KeyPressMsg) tea.Cmd {
	a.remember()
	if msg.String() == "ctrl+c" {
		a.quitting = true
		if a.reader != nil {
			_, cmd := a.reader.Update(msg) // the reader keeps its place
			return cmd
		}
		return common.SaveAndQuit(a.opt.State)
	}
	if a.dv.on {
		a.msg = ""
		return a.diffKey(msg)
	}
	if a.tv.on {
		a.msg = ""
		return a.threadKey(msg)
	}
	if a.screen == screenReader && a.reader != nil {
		return a.readerKey(msg)
	}
	a.msg = ""
	return a.listKey(msg)
}
