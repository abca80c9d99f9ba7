package ui

import (
	"fmt"

	tea "charm.land/bubbletea/v2"
)

// The safety net of the goroutines the ui starts: a panic on one of them
// (a scan, a load, a search) comes back to the Update loop as a crashMsg,
// and the root model quits with it, so the program ends through Bubble Tea
// (the terminal restored) with a one-line message and status 1.

// crashMsg ends the program with err.
type crashMsg struct{ err error }

// crashError marks an error that is a recovered panic.
type crashError struct{ err error }

func (e crashError) Error() string { return e.err.Error() }
func (e crashError) Unwrap() error { return e.err }

// guard returns a command running f, with a panic in f turned into a
// crashMsg saying what was being done.
func guard(what string, f func() tea.Msg) tea.Cmd {
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				msg = crashMsg{fmt.Errorf("%s crashed: %v", what, r)}
			}
		}()
		return f()
	}
}
