// Package common holds what the reader and the archive share: options, the program runner and its safety net, text helpers, and the scrollable page and the prompt.
package common

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	tea "charm.land/bubbletea/v2"

	"cablereader/model"
	"cablereader/ui/state"
)

// The safety net of the goroutines the ui starts: a panic on one of them
// (a scan, a load, a search) comes back to the Update loop as a crashMsg,
// and the root model quits with it, so the program ends through Bubble Tea
// (the terminal restored) with a one-line message and status 1.

// CrashMsg ends the program with Err.
type CrashMsg struct{ Err error }

// CrashError marks an error that is a recovered panic.
type CrashError struct{ Err error }

func (e CrashError) Error() string { return e.Err.Error() }
func (e CrashError) Unwrap() error { return e.Err }

// Guard returns a command running f, with a panic in f turned into a
// crashMsg saying what was being done.
func Guard(what string, f func() tea.Msg) tea.Cmd {
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				msg = CrashMsg{Err: fmt.Errorf("%s crashed: %v", what, r)}
			}
		}()
		return f()
	}
}

// Options configure the reader and the archive.
type Options struct {
	// Theme is "auto" (ask the terminal for its background), "dark" or
	// "light". Anything else means auto.
	Theme string
	// Mouse turns on mouse reporting for wheel scrolling. It stops the
	// terminal's own text selection unless shift is held.
	Mouse bool
	// Title is shown at the top of an archive's list (RunArchive), for
	// instance the folder or file opened. Optional.
	Title string
	// Session, when set, holds what the reader remembers from one cable
	// to the next while the program runs (the header mode).
	Session *Session
	// State, when set, keeps where each cable was left and the marks
	// between runs; nil keeps nothing (--no-state).
	State *state.Store
	// Notice, when set, is shown once when the program starts (a state
	// file that was ignored).
	Notice string
	// Place names an archive in State (state.ArchiveKey of its paths): the
	// archive reopens where it was left. Empty keeps no place.
	Place string
	// Path is the file the cable was read from, when one (single cable).
	Path string
	// OpenFile reads and parses another cable file, to open a mark made
	// in it (single cable only; the archive opens its own cables).
	OpenFile func(path string) (*model.Cable, error)
	// Input and Output, when set, stand in for the terminal (tests).
	Input  io.Reader
	Output io.Writer
}

// Session is what the program remembers while it runs.
type Session struct {
	Header int // the reader's header mode; 0 lets the reader choose
}

// OpenMarkMsg asks the root model to open the cable a mark is in: by id
// in an archive, by path for a single cable. The reader has already
// recorded the marked paragraph as the place to open it at.
type OpenMarkMsg struct{ ID, Path string }

// StateErrMsg says the state file could not be written.
type StateErrMsg struct{ Err error }

// SaveState is a command writing the state as it stands now (the bytes
// are taken at once, the file written off the Update loop); nil without
// a state.
func SaveState(st *state.Store) tea.Cmd {
	sn := st.Snapshot()
	if sn == nil {
		return nil
	}
	return func() tea.Msg {
		if err := sn.Write(); err != nil {
			return StateErrMsg{err}
		}
		return nil
	}
}

// SaveAndQuit writes the state, then ends the program.
func SaveAndQuit(st *state.Store) tea.Cmd {
	if save := SaveState(st); save != nil {
		return tea.Sequence(save, tea.Quit)
	}
	return tea.Quit
}

// ProgramOptions are the Bubble Tea options that opt asks for.
func ProgramOptions(opt Options) []tea.ProgramOption {
	po := []tea.ProgramOption{tea.WithFilter(suspendOnCtrlZ)}
	if opt.Input != nil {
		po = append(po, tea.WithInput(opt.Input))
	}
	if opt.Output != nil {
		po = append(po, tea.WithOutput(opt.Output))
	}
	return po
}

const (
	MinWidth   = 24 // below this a screen shows a message instead
	MinHeight  = 5
	WheelLines = 3 // lines a turn of the mouse wheel scrolls
)

// Frame is the start of a full-screen view: the alternate screen, the
// mouse if asked for, and nothing more to draw (done) while the program
// quits, before its first size, or when the terminal is too small (then
// with the message that says so).
func Frame(mouse, quitting bool, width, height int, tooSmall bool) (v tea.View, done bool) {
	v.AltScreen = true
	if mouse {
		v.MouseMode = tea.MouseModeCellMotion
	}
	if quitting || width == 0 {
		return v, true
	}
	if tooSmall {
		v.SetContent(TooSmallText(width, height))
		return v, true
	}
	return v, false
}

// TooSmallText is shown instead of a broken layout; it fits the terminal,
// dropping its least important lines first.
func TooSmallText(w, h int) string {
	var lines []string
	for _, p := range []string{
		"Terminal too small.",
		fmt.Sprintf("It is %d×%d; the reader needs %d×%d.", w, h, MinWidth, MinHeight),
		"Resize it, or press q to quit.",
	} {
		lines = append(lines, WrapPlain(p, max(1, w))...)
	}
	if len(lines) > h {
		lines = lines[:max(1, h)]
	}
	for i, l := range lines {
		lines[i] = Fit(l, w)
	}
	return strings.Join(lines, "\n")
}

// suspendOnCtrlZ makes ctrl+z suspend the program, in every view, as it
// does in a shell: the terminal is restored, and fg brings the program
// back as it was (Bubble Tea's Suspend). In raw mode the terminal sends
// ctrl+z as a key, not as a signal.
func suspendOnCtrlZ(_ tea.Model, msg tea.Msg) tea.Msg {
	if k, ok := msg.(tea.KeyPressMsg); ok && k.String() == "ctrl+z" {
		return tea.SuspendMsg{}
	}
	return msg
}

// ErrTerminated is returned by Run when the program was ended by SIGTERM:
// the terminal is restored, and the command exits with an error status,
// not as if the user had quit.
var ErrTerminated = errors.New("terminated by a signal (SIGTERM)")

// Run runs a root model until the user quits. It restores the terminal
// even if the model panics (Bubble Tea's own panic handling) and reports
// that as a one-line error.
func Run(m tea.Model, opts ...tea.ProgramOption) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("internal error: %v", r)
		}
	}()
	// Bubble Tea quits on SIGTERM as on q; this second listener tells
	// the two apart.
	term := make(chan os.Signal, 1)
	signal.Notify(term, syscall.SIGTERM)
	defer signal.Stop(term)
	_, err = tea.NewProgram(m, opts...).Run()
	if errors.Is(err, tea.ErrProgramPanic) {
		return errors.New("the reader crashed; the terminal was restored (details above)")
	}
	if err == nil {
		select {
		case <-term:
			return ErrTerminated
		default:
		}
	}
	return err
}
