package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"cablereader/model"
	"cablereader/ui/common"
	"cablereader/ui/reader"
	"cablereader/ui/theme"
)

// RunLoading opens the reader at once and runs load, which parses the
// cable, in the background: a file of many megabytes takes seconds to
// parse, and meanwhile the terminal shows what is happening and answers q.
// name and size describe the input for that screen.
// A panic in load ends the program with an error.
func RunLoading(name string, size int, load func() *model.Cable, opt common.Options) error {
	l := newLoading(name, size, load, opt)
	if err := common.Run(l, common.ProgramOptions(opt)...); err != nil {
		return err
	}
	return l.err
}

// loading is the root model until the cable is parsed; then it hands every
// message to the reader.
type loading struct {
	load          func() *model.Cable
	what          string
	opt           common.Options
	spin          spinner.Model
	width, height int
	reader        *reader.Model
	id            string  // the open cable's id
	back          []frame // the cables left for a mark, the last one last
	err           error   // what ended the program, if not the user
}

// frame is a cable left for the mark of another: its reader, as it was,
// and its file.
type frame struct {
	reader   *reader.Model
	path, id string
}

// parsedMsg is the cable parsed: the first, or another one opened from a
// mark (path is its file, note what to say once it is open).
type parsedMsg struct {
	c          *model.Cable
	path, note string
}

// openFailedMsg says a mark's cable could not be opened.
type openFailedMsg struct{ text string }

// openMark opens the file a mark of another cable was made in, through
// opt.OpenFile, in a command.
func (l *loading) openMark(msg common.OpenMarkMsg) tea.Cmd {
	id := common.OrDash(common.CleanLine(msg.ID))
	if msg.Path == "" || l.opt.OpenFile == nil {
		text := id + " was marked in a cables.csv archive: open the archive to read it"
		return func() tea.Msg { return openFailedMsg{text} }
	}
	open := l.opt.OpenFile
	return common.Guard("opening "+id, func() tea.Msg {
		c, err := open(msg.Path)
		if err != nil {
			return openFailedMsg{"cannot open " + id + ": " + err.Error()}
		}
		return parsedMsg{c: c, path: msg.Path, note: "opened " + id + " at the mark"}
	})
}

// goBack returns to the cable left for a mark, where it was left.
func (l *loading) goBack() tea.Cmd {
	f := l.back[len(l.back)-1]
	l.back = l.back[:len(l.back)-1]
	l.reader, l.opt.Path, l.id = f.reader, f.path, f.id
	msg := "back"
	if f.id != "" {
		msg = "back at " + f.id
	}
	_, cmd := l.reader.Update(tea.WindowSizeMsg{Width: l.width, Height: l.height})
	l.reader.SetStatus(msg)
	return cmd
}

func newLoading(name string, size int, load func() *model.Cable, opt common.Options) *loading {
	what := "the cable"
	if name != "" && name != "-" {
		what = common.CleanLine(name)
	}
	if size >= 1<<20 {
		what += fmt.Sprintf(" (%d MB)", size>>20)
	}
	if opt.Session == nil {
		opt.Session = &common.Session{} // the header mode carries to a cable opened from a mark
	}
	l := &loading{load: load, what: what, opt: opt, spin: spinner.New(spinner.WithSpinner(spinner.MiniDot))}
	dark, _ := theme.Choose(opt.Theme)
	l.spin.Style = theme.NewStyles(dark).Accent
	return l
}

func (l *loading) Init() tea.Cmd {
	load := l.load
	l.load = nil // nothing here keeps the input once it is parsed
	return tea.Batch(l.spin.Tick, common.Guard("reading the cable", func() tea.Msg { return parsedMsg{c: load()} }))
}

func (l *loading) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if c, ok := msg.(common.CrashMsg); ok {
		l.err = c.Err
		return l, tea.Quit
	}
	switch msg := msg.(type) {
	case common.OpenMarkMsg:
		return l, l.openMark(msg)
	case openFailedMsg:
		if l.reader != nil {
			l.reader.SetStatus(msg.text)
		}
		return l, nil
	case parsedMsg:
		prev, prevPath, prevID := l.reader, l.opt.Path, l.id
		l.id = common.CleanLine(msg.c.ID)
		if msg.path != "" {
			l.opt.Path = msg.path
		}
		if prev != nil {
			l.opt.Notice = msg.note
			if prevID != "" {
				l.opt.Notice += " · ⌫ goes back to " + prevID
			} else {
				l.opt.Notice += " · ⌫ goes back"
			}
		}
		l.reader = reader.New(msg.c, l.opt)
		l.opt.Notice = "" // the state file's notice is said once
		if prev != nil {
			l.back = append(l.back, frame{prev, prevPath, prevID})
			l.reader.EnableBack()
		}
		cmds := []tea.Cmd{l.reader.Init()}
		if l.width > 0 {
			_, cmd := l.reader.Update(tea.WindowSizeMsg{Width: l.width, Height: l.height})
			cmds = append(cmds, cmd)
		}
		return l, tea.Batch(cmds...)
	}
	if l.reader != nil {
		if ws, ok := msg.(tea.WindowSizeMsg); ok {
			l.width, l.height = ws.Width, ws.Height
		}
		if k, ok := msg.(tea.KeyPressMsg); ok && len(l.back) > 0 && l.reader.Idle() && key.Matches(k, l.reader.Keys().Back) {
			return l, l.goBack()
		}
		_, cmd := l.reader.Update(msg)
		return l, cmd
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		l.width, l.height = msg.Width, msg.Height
	case tea.KeyPressMsg:
		switch msg.String() {
		case "q", "ctrl+c", "esc":
			return l, tea.Quit
		}
	case spinner.TickMsg:
		var cmd tea.Cmd
		l.spin, cmd = l.spin.Update(msg)
		return l, cmd
	}
	return l, nil
}

func (l *loading) View() tea.View {
	if l.reader != nil {
		return l.reader.View()
	}
	v := tea.NewView("")
	v.AltScreen = true
	if l.width == 0 {
		return v
	}
	lines := []string{l.spin.View() + " Reading " + l.what + "…", "", "q to quit"}
	for i, s := range lines {
		lines[i] = common.Fit(s, l.width)
	}
	v.SetContent(lipgloss.Place(l.width, l.height, lipgloss.Center, lipgloss.Center, strings.Join(lines, "\n")))
	return v
}
