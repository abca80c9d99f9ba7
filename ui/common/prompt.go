package common

import tea "charm.land/bubbletea/v2"

// Prompt is a one-line input at the bottom of a screen (search, filter,
// go to ¶, TAG). It knows the editing keys; what enter and esc mean is
// the owner's.
type Prompt struct {
	Value string
	// Digits takes only digits (a paragraph number).
	Digits bool
}

// MaxInput bounds what a prompt takes.
const MaxInput = 200

// PromptEdit says what a key did to a prompt.
type PromptEdit int

const (
	PromptNone    PromptEdit = iota // not an editing key
	PromptChanged                   // the value changed
	PromptSame                      // an editing key that changed nothing
	PromptClosed                    // backspace on an empty prompt: close it, as less and vim do
)

// Edit applies an editing key: backspace, ctrl+u (clear), or text typed.
func (p *Prompt) Edit(msg tea.KeyPressMsg) PromptEdit {
	switch msg.String() {
	case "backspace", "ctrl+h":
		r := []rune(p.Value)
		if len(r) == 0 {
			return PromptClosed
		}
		p.Value = string(r[:len(r)-1])
		return PromptChanged
	case "ctrl+u":
		p.Value = ""
		return PromptChanged
	}
	if msg.Text == "" {
		return PromptNone
	}
	if p.Digits {
		for _, c := range msg.Text {
			if c < '0' || c > '9' {
				return PromptSame
			}
		}
	}
	if len(p.Value) >= MaxInput {
		return PromptSame
	}
	p.Value += msg.Text
	return PromptChanged
}
