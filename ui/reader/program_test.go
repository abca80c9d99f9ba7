package reader

import (
	"bytes"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"cablereader/ui/common"
	"cablereader/ui/internal/uitest"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest/v2"
)

func newTestProgram(t *testing.T, id string, w, h int) *teatest.TestModel {
	t.Helper()
	return teatest.NewTestModel(t, New(loadCable(t, id), common.Options{Theme: "dark"}),
		teatest.WithInitialTermSize(w, h),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
}

func waitFor(t *testing.T, tm *teatest.TestModel, what string) {
	t.Helper()
	uitest.WaitFor(t, tm, what)
}

// The program end to end: keys go in, the screen changes, q quits and the
// alternate screen is left.
func TestProgramKeysAndQuit(t *testing.T) {
	for _, id := range realCables {
		t.Run(id, func(t *testing.T) {
			tm := newTestProgram(t, id, 100, 40)
			waitFor(t, tm, "? keys")
			tm.Send(keyMsg("r"))
			waitFor(t, tm, "ROUTING DETAILS")
			tm.Send(keyMsg("?"))
			waitFor(t, tm, "fold all")
			tm.Send(keyMsg("esc"))
			tm.Send(keyMsg("q"))
			out, err := io.ReadAll(tm.FinalOutput(t, teatest.WithFinalTimeout(3*time.Second)))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Contains(out, []byte("\x1b[?1049l")) {
				t.Errorf("alternate screen not left on quit: %q", tail(out))
			}
			fm, ok := tm.FinalModel(t).(*Model)
			if !ok || !fm.quitting || !fm.showRouting || fm.ov.Is(overlayKeys) {
				t.Errorf("final model: %+v", ok)
			}
		})
	}
}

// With the Ascii profile (what NO_COLOR gives) no colour reaches the
// terminal, and the classification is still there as text.
func TestProgramNoColor(t *testing.T) {
	tm := newTestProgram(t, sample, 100, 40)
	var seen bytes.Buffer
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		seen.Reset() // b is everything read so far
		seen.Write(b)
		return bytes.Contains(b, []byte("? keys"))
	}, teatest.WithDuration(3*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
	tm.Send(keyMsg("ctrl+c"))
	rest, _ := io.ReadAll(tm.FinalOutput(t, teatest.WithFinalTimeout(3*time.Second)))
	out := seen.String() + string(rest)
	for _, sgr := range []string{"38;2;", "48;2;", "38;5;", "48;5;"} {
		if strings.Contains(out, sgr) {
			t.Errorf("colour sequence %q in Ascii output", sgr)
		}
	}
	if !strings.Contains(out, "CONFIDENTIAL · SIPDIS") {
		t.Error("classification not written as text")
	}
}

type panicky struct{}

func (panicky) Init() tea.Cmd                       { return nil }
func (panicky) Update(tea.Msg) (tea.Model, tea.Cmd) { return panicky{}, nil }
func (panicky) View() tea.View                      { panic("boom") }

// A panic in the view is caught by Bubble Tea, which restores the
// terminal; Run reports one line.
func TestRunReportsPanic(t *testing.T) {
	// Bubble Tea prints the stack to stderr; keep it out of the test log.
	devnull, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer devnull.Close()
	stderr := os.Stderr
	os.Stderr = devnull
	defer func() { os.Stderr = stderr }()

	var out bytes.Buffer
	err = common.Run(panicky{}, tea.WithInput(strings.NewReader("")), tea.WithOutput(&out), tea.WithoutSignals())
	if err == nil {
		t.Fatal("no error after a panic")
	}
	if strings.Contains(err.Error(), "\n") {
		t.Errorf("error is not one line: %q", err)
	}
}

// Golden views of the sample, ANSI stripped. Update with -update.
func TestGoldenSample(t *testing.T) {
	c := loadCable(t, sample)
	for _, tc := range []struct {
		name string
		w, h int
		keys []string
	}{
		{"80x24", 80, 24, nil}, // the full header would leave the text less than 2/3: compact
		{"80x24_hidden", 80, 24, []string{"h"}},
		{"80x24_full", 80, 24, []string{"h", "h"}},
		{"100x40", 100, 40, nil},
		{"100x40_compact", 100, 40, []string{"h"}},
		{"100x40_hidden", 100, 40, []string{"h", "h"}},
		{"100x40_folded", 100, 40, []string{"c"}},
		{"100x40_routing", 100, 40, []string{"r"}},
		{"100x40_search", 100, 40, []string{"/", "p", "a", "s", "s", "p", "o", "r", "t", "enter", "n"}},
		{"30x8", 30, 8, nil},
		{"100x30_tags", 100, 30, []string{"t"}},
		{"30x8_tags", 30, 8, []string{"t"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := openModel(c, tc.w, tc.h)
			press(m, tc.keys...)
			golden.RequireEqual(t, []byte(screen(m)))
		})
	}
}

func tail(b []byte) []byte {
	if len(b) > 200 {
		return b[len(b)-200:]
	}
	return b
}
