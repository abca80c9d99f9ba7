package common

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// Page is a page of lines shown h at a time (a keys page, the TAGS
// glossary, the skipped rows), and how far down it is scrolled. The
// reader and the archive scroll their pages with the same keys, by the
// same amounts.
type Page struct {
	Lines  []string // nil until drawn
	Offset int      // first line shown
}

// MotionKeys are the keys that move through a page, the text of a cable
// or the list, after less and vim: j/k, ctrl+d/ctrl+u, space/f/b, g/G.
// The reader and the archive embed the same set, so a key that scrolls
// one scrolls the other.
type MotionKeys struct {
	Down, Up, HalfDown, HalfUp, PageDown, PageUp, Top, Bottom key.Binding
}

// NewMotionKeys returns the motion keys; top and bottom say what g and G
// go to ("top, first ¶", "first cable").
func NewMotionKeys(top, bottom string) MotionKeys {
	return MotionKeys{
		Up:       key.NewBinding(key.WithKeys("k", "up"), key.WithHelp("↑/k", "up")),
		Down:     key.NewBinding(key.WithKeys("j", "down"), key.WithHelp("↓/j", "down")),
		HalfDown: key.NewBinding(key.WithKeys("ctrl+d"), key.WithHelp("ctrl+d", "half page down")),
		HalfUp:   key.NewBinding(key.WithKeys("ctrl+u"), key.WithHelp("ctrl+u", "half page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown", "space", "f"), key.WithHelp("pgdn/space/f", "page down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup", "b"), key.WithHelp("pgup/b", "page up")),
		Top:      key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g/home", top)),
		Bottom:   key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G/end", bottom)),
	}
}

// Help lists the motion keys as a key page shows them.
func (k MotionKeys) Help() []key.Binding {
	return []key.Binding{k.Down, k.Up, k.HalfDown, k.HalfUp, k.PageDown, k.PageUp, k.Top, k.Bottom}
}

// Key scrolls the page for a key in a window of h lines: a line, half a
// window, a window less a line, or to the top or the bottom. It reports
// whether the key was one of those. Clamp puts the offset back in range.
func (p *Page) Key(msg tea.KeyPressMsg, k MotionKeys, h int) bool {
	switch {
	case key.Matches(msg, k.Down):
		p.Offset++
	case key.Matches(msg, k.Up):
		p.Offset--
	case key.Matches(msg, k.HalfDown):
		p.Offset += max(1, h/2)
	case key.Matches(msg, k.HalfUp):
		p.Offset -= max(1, h/2)
	case key.Matches(msg, k.PageDown):
		p.Offset += max(1, h-1)
	case key.Matches(msg, k.PageUp):
		p.Offset -= max(1, h-1)
	case key.Matches(msg, k.Top):
		p.Offset = 0
	case key.Matches(msg, k.Bottom):
		p.Offset = 1 << 30
	default:
		return false
	}
	return true
}

// Clamp keeps the offset within the lines for a window of h lines.
func (p *Page) Clamp(h int) { p.Offset = max(0, min(p.Offset, len(p.Lines)-h)) }

// Open shows the page from its top, drawn again.
func (p *Page) Open() { *p = Page{} }

// Window is the lines shown in a window of h lines.
func (p *Page) Window(h int) []string {
	p.Clamp(h)
	return p.Lines[p.Offset:min(len(p.Lines), p.Offset+h)]
}
