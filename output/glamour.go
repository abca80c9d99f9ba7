package output

import (
	"bytes"
	"io"
	"os"
	"regexp"
	"strings"

	"charm.land/glamour/v2"
	"charm.land/lipgloss/v2"

	"cablereader/model"
)

// RenderMarkdown prints the cable's Markdown rendered for a terminal, as
// glow does. theme is "auto", "dark" or "light"; auto asks the terminal for
// its background. NO_COLOR gets glamour's plain style.
func RenderMarkdown(w io.Writer, c *model.Cable, opt MarkdownOptions, theme string, width int) error {
	var md bytes.Buffer
	if err := Markdown(&md, c, opt); err != nil {
		return err
	}
	out, err := renderMarkdown(md.String(), glamourStyle(theme), width)
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, out)
	return err
}

func glamourStyle(theme string) string {
	switch {
	case os.Getenv("NO_COLOR") != "":
		return "notty"
	case theme == "dark", theme == "light":
		return theme
	case lipgloss.HasDarkBackground(os.Stdin, os.Stdout):
		return "dark"
	}
	return "light"
}

// renderMarkdown renders with glamour and trims the spaces it pads every
// line with, which would otherwise trail in copied text.
func renderMarkdown(md, style string, width int) (string, error) {
	r, err := glamour.NewTermRenderer(glamour.WithStandardStyle(style), glamour.WithWordWrap(width))
	if err != nil {
		return "", err
	}
	out, err := r.Render(md)
	if err != nil {
		return "", err
	}
	lines := strings.Split(out, "\n")
	for i, l := range lines {
		if t := trailingPad.ReplaceAllString(l, ""); t != l {
			if strings.Contains(l[len(t):], "\x1b") {
				t += "\x1b[m" // the cut run held the last reset
			}
			lines[i] = t
		}
	}
	return strings.Join(lines, "\n"), nil
}

// trailingPad is the run of spaces, each perhaps wrapped in its own
// colour sequence, that glamour pads a line with.
var trailingPad = regexp.MustCompile(`(?:\x1b\[[0-9;]*m| )+$`)
