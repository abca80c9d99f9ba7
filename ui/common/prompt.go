package common

import (
	"strings"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// Prompt is a one-line input at the bottom of a screen (search, filter,
// go to ¶, TAG): a bubbles textinput, so a value longer than the line
// scrolls sideways and is edited anywhere (←/→, home/end, ctrl+a/e,
// alt+←/→ by word, delete, ctrl+w, ctrl+k). What enter and esc mean is
// the owner's. The zero Prompt is closed and empty; NewPrompt opens one.
type Prompt struct {
	in   textinput.Model
	open bool
}

// MaxInput bounds what a prompt takes.
const MaxInput = 1000

// NewPrompt is a prompt holding value, the cursor at its end.
func NewPrompt(value string) Prompt {
	in := textinput.New()
	in.Prompt = ""
	in.CharLimit = MaxInput
	st := textinput.DefaultStyles(true)
	st.Cursor.Blink = false // no timer: the screen changes only on a key
	st.Focused.Text, st.Blurred.Text = lipgloss.NewStyle(), lipgloss.NewStyle()
	in.SetStyles(st)
	in.Focus()
	in.SetValue(value)
	return Prompt{in: in, open: true}
}

// Value is what the prompt holds.
func (p *Prompt) Value() string { return p.in.Value() }

// SetValue replaces what the prompt holds, the cursor at its end.
func (p *Prompt) SetValue(s string) {
	p.in.SetValue(s)
	p.in.CursorEnd()
}

// Pos is the cursor's place, in runes from the start.
func (p *Prompt) Pos() int { return p.in.Position() }

// PromptEdit says what a key did to a prompt.
type PromptEdit int

const (
	PromptNone    PromptEdit = iota // not an editing key
	PromptChanged                   // the value changed
	PromptSame                      // an editing key that changed nothing
	PromptClosed                    // backspace on an empty prompt: close it, as less and vim do
)

// Edit applies an editing key or a paste (tea.PasteMsg). Up, down and tab
// are the owner's and are not editing keys.
func (p *Prompt) Edit(msg tea.Msg) PromptEdit {
	if !p.open {
		return PromptNone
	}
	switch m := msg.(type) {
	case tea.KeyPressMsg:
		switch m.String() {
		case "backspace", "ctrl+h":
			if p.in.Value() == "" {
				return PromptClosed
			}
		case "up", "down", "tab", "shift+tab", "ctrl+n", "ctrl+p", "ctrl+v", "enter", "esc":
			return PromptNone
		}
	case tea.PasteMsg:
	default:
		return PromptNone
	}
	before, pos := p.in.Value(), p.in.Position()
	p.in, _ = p.in.Update(msg)
	switch {
	case p.in.Value() != before:
		return PromptChanged
	case p.in.Position() != pos:
		return PromptSame
	}
	if k, ok := msg.(tea.KeyPressMsg); ok && k.Text == "" && !isEditKey(k.String()) {
		return PromptNone
	}
	return PromptSame
}

// isEditKey reports whether a key without text is one textinput uses.
func isEditKey(k string) bool {
	switch k {
	case "left", "right", "home", "end", "delete", "backspace",
		"ctrl+a", "ctrl+e", "ctrl+b", "ctrl+f", "ctrl+d", "ctrl+h", "ctrl+k", "ctrl+u", "ctrl+w",
		"alt+left", "alt+right", "ctrl+left", "ctrl+right", "alt+b", "alt+f", "alt+d",
		"alt+backspace", "alt+delete", "ctrl+backspace", "ctrl+delete":
		return true
	}
	return false
}

// View draws the value in w cells: the part around the cursor when it is
// longer (textinput keeps that window as the cursor moves), the cursor a
// reversed cell. Trailing blanks are not drawn, so that keys can be shown
// beside a short value.
func (p *Prompt) View(w int) string {
	w = max(1, w-1) // a cell for the cursor past the end
	if p.in.Width() != w {
		p.in.SetWidth(w)
		p.in.SetCursor(p.in.Position()) // the window for the new width
	}
	return strings.TrimRight(p.in.View(), " ")
}
