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

// PageKeys are the bindings a page scrolls with.
type PageKeys struct {
	Down, Up, HalfDown, HalfUp, PageDown, PageUp, Top, Bottom key.Binding
}

// Key scrolls the page for a key in a window of h lines: a line, half a
// window, a window less a line, or to the top or the bottom. It reports
// whether the key was one of those. Clamp puts the offset back in range.
func (p *Page) Key(msg tea.KeyPressMsg, k PageKeys, h int) bool {
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
