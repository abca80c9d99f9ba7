package common

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/dustin/go-humanize"

	"cablereader/sanitize"
	"cablereader/ui/theme"
)

// Clean is the one door through which cable text reaches the screen: it
// makes escape and control sequences visible and inert (sanitize.Text) and
// turns tabs into spaces so that cell widths stay predictable.
func Clean(s string) string {
	s = sanitize.Text(s)
	if strings.IndexByte(s, '\t') >= 0 {
		s = strings.ReplaceAll(s, "\t", "    ")
	}
	return s
}

// CleanLine is clean for one-line fields: line breaks become spaces.
func CleanLine(s string) string {
	s = Clean(s)
	if strings.IndexByte(s, '\n') >= 0 {
		s = strings.Join(strings.Fields(s), " ")
	}
	return s
}

// Range is a half-open byte range [A, B).
type Range struct{ A, B int }

// Width is the cell width of plain (escape-free) text, with an ASCII
// fast path.
func Width(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return ansi.StringWidth(s)
		}
	}
	return len(s)
}

// WrapLine breaks one line of plain text (no '\n') into ranges whose cell
// width is at most first (for the first line) and rest (for the others).
// It breaks at spaces, keeps the first line's leading indentation, drops
// the spaces at each break, and cuts words longer than a whole line. It
// always returns at least one range. The ranges index s, so styles keyed by
// byte offset can be applied to each piece afterwards.
func WrapLine(s string, first, rest int, out []Range) []Range {
	return WrapLineN(s, first, rest, 0, out)
}

// WrapLineN is wrapLine that stops after n lines (n <= 0: no limit).
func WrapLineN(s string, first, rest, n int, out []Range) []Range {
	if first < 1 {
		first = 1
	}
	if rest < 1 {
		rest = 1
	}
	limit := first
	n0 := len(out)
	start, end, col := 0, 0, 0 // current line s[start:end], col cells wide
	empty := true              // nothing placed on the current line yet
	i := 0
	for i < len(s) {
		j := i
		for j < len(s) && s[j] == ' ' {
			j++
		}
		if j == len(s) {
			break // trailing spaces
		}
		k, ascii := j, true
		for k < len(s) && s[k] != ' ' {
			ascii = ascii && s[k] < utf8.RuneSelf
			k++
		}
		sw, ww := j-i, k-j
		if !ascii {
			ww = ansi.StringWidth(s[j:k])
		}
		if empty && len(out) > n0 {
			// a continuation line starts at the word, not at the spaces
			start, sw = j, 0
		}
		switch {
		case col+sw+ww <= limit:
			end, col, empty = k, col+sw+ww, false
			i = k
		case !empty:
			out = append(out, Range{start, end})
			if n > 0 && len(out)-n0 >= n {
				return out
			}
			start, end, col, empty, limit = j, j, 0, true, rest
			i = j
		default:
			// The word alone is wider than the line: cut it.
			room := limit - col - sw
			if room < 1 && col+sw > 0 {
				// indentation leaves no room: give up the indentation
				start, col, sw, room = j, 0, 0, limit
			}
			cut := CutWidth(s[j:k], room)
			out = append(out, Range{start, j + cut})
			if n > 0 && len(out)-n0 >= n {
				return out
			}
			start, end, col, empty, limit = j+cut, j+cut, 0, true, rest
			i = j + cut
		}
	}
	if !empty || len(out) == n0 {
		out = append(out, Range{start, end})
	}
	return out
}

// CutWidth returns how many bytes of s fit in w cells (at least one rune).
func CutWidth(s string, w int) int {
	col, i := 0, 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		rw := 1
		if r >= utf8.RuneSelf {
			rw = ansi.StringWidth(s[i : i+n])
		}
		if col+rw > w && i > 0 {
			break
		}
		col += rw
		i += n
	}
	return i
}

// PadRight pads a plain or styled string with spaces to w cells.
func PadRight(s string, w int) string {
	if d := w - ansi.StringWidth(s); d > 0 {
		return s + strings.Repeat(" ", d)
	}
	return s
}

// Fit truncates a styled string to w cells with an ellipsis.
func Fit(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if ansi.StringWidth(s) <= w {
		return s
	}
	return ansi.Truncate(s, w, "…")
}

// WrapPlain wraps plain text (which may hold '\n') to w cells and returns
// the lines; used by the header and routing panes.
func WrapPlain(s string, w int) []string {
	var lines []string
	var rs []Range
	for _, l := range strings.Split(s, "\n") {
		rs = WrapLine(l, w, w, rs[:0])
		for _, r := range rs {
			lines = append(lines, l[r.A:r.B])
		}
	}
	return lines
}

// OrDash is s, or a dash for nothing.
func OrDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// PageTitle is a page's heading with the hint that says how to leave it,
// beside it when both fit, else below it.
func PageTitle(title, hint string, st *theme.Styles, w int) []string {
	if Width(title)+2+Width(hint) <= w {
		return []string{st.Heading.Render(title) + st.Dim.Render("  "+hint)}
	}
	out := []string{st.Heading.Render(Fit(title, w))}
	for _, l := range WrapPlain(hint, w) {
		out = append(out, st.P.Dim.Wrap(l))
	}
	return out
}

// Thousands writes n with thousands separators: 1,310.
func Thousands(n int) string { return humanize.Comma(int64(n)) }
