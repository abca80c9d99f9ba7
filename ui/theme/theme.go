// Package theme holds the styles of the reader and the archive for a dark or a light background, and the classification colours.
package theme

import (
	"image/color"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"

	"cablereader/model"
)

// Paint is a style reduced to the escape sequences that open and close it.
// The body renderer paints thousands of small segments; concatenating two
// precomputed strings is much cheaper than lipgloss.Style.Render for each.
// Colours are written at full depth: the Bubble Tea renderer downsamples
// them to the terminal's profile (and drops them under NO_COLOR).
type Paint struct{ Open, Close string }

// NewPaint reduces s to a Paint.
func NewPaint(s lipgloss.Style) Paint {
	r := s.Render("X")
	i := strings.Index(r, "X")
	if i < 0 {
		return Paint{}
	}
	return Paint{Open: r[:i], Close: r[i+1:]}
}

// Wrap paints s; an empty paint returns s unchanged.
func (p Paint) Wrap(s string) string {
	if p.Open == "" || s == "" {
		return s
	}
	return p.Open + s + p.Close
}

// Styles holds every style of the reader, built once per theme.
type Styles struct {
	IsDark bool

	Dim      lipgloss.Style
	Accent   lipgloss.Style
	Heading  lipgloss.Style
	Label    lipgloss.Style // header field names
	Warning  lipgloss.Style
	Rule     lipgloss.Style
	Prompt   lipgloss.Style
	Status   lipgloss.Style
	TableHdr lipgloss.Style
	TagCode  lipgloss.Style // a code on the TAGS glossary page

	Help help.Styles

	badges map[string]Paint

	// Painted forms used by the body renderer.
	P struct {
		Dim, Heading, ParaNum, Gutter, Warning Paint
		// per span kind: content and label (the SUMMARY:/END NOTE words)
		Summary, SummaryLabel Paint
		Comment, CommentLabel Paint
		Note, NoteLabel       Paint
		Match, MatchCur       Paint
		Chip                  Paint
		Link, LinkSel         Paint // a reference in the archive; the selected one
		SelRow                Paint // the list's selected row
		FilterHit             Paint // the letters a list filter matched
		ListHdr               Paint
		Inserted, Deleted     Paint // words one version of a cable adds, or drops
	}
}

// Choose reads a theme option: "dark" or "light" fix the colours; anything
// else ("auto") starts dark and follows the background the terminal
// reports.
func Choose(name string) (dark, fixed bool) {
	switch name {
	case "dark":
		return true, true
	case "light":
		return false, true
	}
	return true, false
}

// Colours of classification banners: green unclassified, blue confidential,
// red secret, orange top secret (the US cover-sheet colours).
var (
	colUnclass = lipgloss.Color("#007A33")
	colConf    = lipgloss.Color("#0033A0")
	colSecret  = lipgloss.Color("#C8102E")
	colTop     = lipgloss.Color("#FF8C00")
	colLOU     = lipgloss.Color("#6A3D9A")
	colUnknown = lipgloss.Color("#5A5A5A")
	colWhite   = lipgloss.Color("#FFFFFF")
	colBlack   = lipgloss.Color("#000000")
)

// NewStyles builds the styles for a dark or a light background.
func NewStyles(isDark bool) *Styles {
	ld := lipgloss.LightDark(isDark)
	dim := ld(lipgloss.Color("#6C6C6C"), lipgloss.Color("#8A8A8A"))
	accent := ld(lipgloss.Color("#2F56C8"), lipgloss.Color("#7D9FFF"))
	summary := ld(lipgloss.Color("#8A5300"), lipgloss.Color("#F2C97D"))
	comment := ld(lipgloss.Color("#6B3FA0"), lipgloss.Color("#C9A2F2"))
	note := ld(lipgloss.Color("#1F6F80"), lipgloss.Color("#7FC8D8"))
	warn := ld(lipgloss.Color("#A64B00"), lipgloss.Color("#FFB454"))
	rule := ld(lipgloss.Color("#C8C8C8"), lipgloss.Color("#3A3A3A"))
	base := lipgloss.NewStyle()

	s := &Styles{IsDark: isDark}
	s.Dim = base.Foreground(dim)
	s.Accent = base.Foreground(accent)
	s.Heading = base.Foreground(accent).Bold(true)
	s.Label = base.Foreground(dim)
	s.Warning = base.Foreground(warn).Bold(true)
	s.Rule = base.Foreground(rule)
	s.Prompt = base.Foreground(accent).Bold(true)
	s.Status = base.Foreground(dim)
	s.TableHdr = base.Foreground(dim).Underline(true)
	s.TagCode = base.Foreground(accent).Bold(true)
	s.Help = help.DefaultStyles(isDark)

	s.P.Dim = NewPaint(s.Dim)
	s.P.Heading = NewPaint(s.Heading.Underline(true))
	s.P.ParaNum = NewPaint(base.Foreground(accent).Bold(true))
	s.P.Gutter = NewPaint(base.Foreground(accent).Bold(true)) // the current paragraph marker
	s.P.Warning = NewPaint(s.Warning)
	s.P.Summary = NewPaint(base.Foreground(summary))
	s.P.SummaryLabel = NewPaint(base.Foreground(summary).Bold(true).Underline(true))
	s.P.Comment = NewPaint(base.Foreground(comment))
	s.P.CommentLabel = NewPaint(base.Foreground(comment).Bold(true).Underline(true))
	s.P.Note = NewPaint(base.Foreground(note).Italic(true))
	s.P.NoteLabel = NewPaint(base.Foreground(note).Bold(true).Italic(true).Underline(true))
	s.P.Match = NewPaint(base.Reverse(true))
	s.P.MatchCur = NewPaint(base.Background(colTop).Foreground(colBlack).Bold(true).Underline(true))
	s.P.Chip = NewPaint(base.Foreground(dim).Bold(true))
	s.P.Link = NewPaint(base.Foreground(accent).Underline(true))
	s.P.LinkSel = NewPaint(base.Foreground(accent).Bold(true).Underline(true).Reverse(true))
	s.P.SelRow = NewPaint(base.Background(ld(lipgloss.Color("#DCE4FA"), lipgloss.Color("#26304F"))).Bold(true))
	s.P.ListHdr = NewPaint(s.TableHdr)
	s.P.FilterHit = NewPaint(base.Foreground(accent).Bold(true).Underline(true))
	s.P.Inserted = NewPaint(base.Foreground(ld(lipgloss.Color("#007A33"), lipgloss.Color("#7FD98F"))).Underline(true))
	s.P.Deleted = NewPaint(base.Foreground(ld(lipgloss.Color("#C8102E"), lipgloss.Color("#FF8A8A"))).Strikethrough(true))
	return s
}

// KindPaint returns the content and label paints of a span kind.
func (s *Styles) KindPaint(k model.SpanKind) (content, label Paint) {
	switch k {
	case model.Summary:
		return s.P.Summary, s.P.SummaryLabel
	case model.Comment:
		return s.P.Comment, s.P.CommentLabel
	default:
		return s.P.Note, s.P.NoteLabel
	}
}

// RailGlyph marks the lines a span covers; each kind has its own glyph so
// the marks differ without colour too.
func RailGlyph(k model.SpanKind) string {
	switch k {
	case model.Summary:
		return "┃"
	case model.Comment:
		return "┇"
	default:
		return "╎"
	}
}

// levelColor is the banner colour of a classification level.
func levelColor(l model.Level) (bg, fg color.Color) {
	switch l {
	case model.Unclassified:
		return colUnclass, colWhite
	case model.LimitedOfficialUse:
		return colLOU, colWhite
	case model.Confidential:
		return colConf, colWhite
	case model.Secret:
		return colSecret, colWhite
	case model.TopSecret:
		return colTop, colBlack
	}
	return colUnknown, colWhite
}

// BadgePaint is the paint of a portion-marking badge: the level's colour as
// foreground, bold, so "(C)" reads as a marking with or without colour.
func (s *Styles) BadgePaint(m string) Paint {
	if p, ok := s.badges[m]; ok {
		return p
	}
	bg, _ := levelColor(model.PortionLevel(m))
	c := bg
	if s.IsDark {
		c = lipgloss.Lighten(bg, 0.35)
	}
	p := NewPaint(lipgloss.NewStyle().Foreground(c).Bold(true))
	if s.badges == nil {
		s.badges = map[string]Paint{}
	}
	s.badges[m] = p
	return p
}

// BannerStyle is the full-width classification bar.
func BannerStyle(l model.Level) lipgloss.Style {
	bg, fg := levelColor(l)
	return lipgloss.NewStyle().Background(bg).Foreground(fg).Bold(true)
}
