//go:build unix

package common

import (
	"bytes"
	"errors"
	"io"
	"syscall"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// idle is a model that waits, sending itself SIGTERM once started.
type idle struct{}

func (idle) Init() tea.Cmd {
	return func() tea.Msg {
		time.Sleep(100 * time.Millisecond)
		syscall.Kill(syscall.Getpid(), syscall.SIGTERM)
		return nil
	}
}
func (m idle) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && k.String() == "q" {
		return m, tea.Quit
	}
	return m, nil
}
func (idle) View() tea.View { return tea.NewView("waiting") }

// SIGTERM ends the program with an error (after Bubble Tea restored the
// terminal), not as if the user had quit.
func TestSIGTERMIsAnError(t *testing.T) {
	r, w := io.Pipe()
	defer w.Close()
	var out bytes.Buffer
	done := make(chan error, 1)
	go func() { done <- Run(idle{}, ProgramOptions(Options{Input: r, Output: &out})...) }()
	select {
	case err := <-done:
		if !errors.Is(err, ErrTerminated) {
			t.Errorf("Run after SIGTERM: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("SIGTERM did not end the program")
	}
}

// ctrl+z suspends, in every view: the filter of ProgramOptions turns the
// key into Bubble Tea's SuspendMsg, and lets other keys by.
func TestCtrlZSuspends(t *testing.T) {
	if _, ok := suspendOnCtrlZ(nil, tea.KeyPressMsg{Code: 'z', Mod: tea.ModCtrl}).(tea.SuspendMsg); !ok {
		t.Error("ctrl+z does not suspend")
	}
	if msg := suspendOnCtrlZ(nil, tea.KeyPressMsg{Code: 'z', Text: "z"}); msg != (tea.KeyPressMsg{Code: 'z', Text: "z"}) {
		t.Errorf("z became %v", msg)
	}
}
