package output

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"cablereader/model"
	"cablereader/sanitize"
)

// TextOptions shape the plain-text rendering.
type TextOptions struct {
	Routing bool // also print the transmission header
	Width   int  // wrap paragraphs at this many columns; 0 means 80
}

// Text writes a clean plain rendering of the cable: the banner, the
// header fields the reader's header pane shows (model.HeaderFields),
// optionally the routing details decoded, then the paragraphs as ¶N with
// page markers gone. Every string from the cable is made inert first,
// since the output usually reaches a terminal.
func Text(w io.Writer, c *model.Cable, opt TextOptions) error {
	if opt.Width <= 0 {
		opt.Width = 80
	}
	b := bufio.NewWriter(w)
	if s := c.Banner(); s != "" {
		fmt.Fprintln(b, flat(s))
	}
	if s := topLine(c); s != "" {
		fmt.Fprintln(b, flat(s))
	}
	writeRows(b, headerRows(c), opt.Width)
	if c.Partial {
		fmt.Fprintln(b, "Partial record: the full text of the original cable is not available.")
	}
	for _, n := range c.Notices {
		writeRows(b, []row{{label: "Note", value: n}}, opt.Width)
	}
	if opt.Routing {
		fmt.Fprintln(b)
		fmt.Fprintln(b, "Routing")
		if c.Routing == nil {
			fmt.Fprintln(b, "This record has no transmission header.")
		}
		writeRows(b, routingRows(c), opt.Width)
	}
	for _, p := range c.Body {
		fmt.Fprintln(b)
		textParagraph(b, p, opt.Width)
	}
	if c.Signature != "" {
		fmt.Fprintln(b)
		fmt.Fprintln(b, sanitize.Text(c.Signature))
	}
	return b.Flush()
}

// textParagraph writes a paragraph: its heading, then "¶N (C) [NOTE]"
// and the text wrapped to width.
func textParagraph(b *bufio.Writer, p model.Paragraph, width int) {
	if p.Heading != "" {
		fmt.Fprintln(b, sanitize.Text(p.Heading))
		fmt.Fprintln(b)
		if p.Text == "" {
			return
		}
	}
	lead := ""
	if p.Number > 0 {
		lead = fmt.Sprintf("¶%d ", p.Number)
	}
	if p.Marking != "" {
		lead += "(" + p.Marking + ") "
	}
	for _, k := range spanKinds(p) {
		lead += "[" + string(k) + "] "
	}
	writeWrapped(b, sanitize.Text(lead+p.Text), width)
}

// labelW is the width of the label column of a header block.
const labelW = 12

// writeRows writes labelled rows, "Label:" in a column of its own and the
// value wrapped beside it; a list's items each on a line of their own.
func writeRows(b *bufio.Writer, rows []row, width int) {
	for _, r := range rows {
		items := r.items
		if items == nil {
			items = []string{r.value}
		}
		label := r.label + ":"
		for _, it := range items {
			pad := max(1, labelW-ansi.StringWidth(label))
			lines := wrapWords(flat(it), max(20, width-labelW))
			for i, l := range lines {
				if i == 0 {
					b.WriteString(label + strings.Repeat(" ", pad))
				} else {
					b.WriteString(strings.Repeat(" ", labelW))
				}
				b.WriteString(l)
				b.WriteByte('\n')
			}
			label = ""
		}
	}
}

// wrapWords breaks one line at spaces only, so that a line of at most
// width cells holds as many words as fit; a longer word stands alone. A
// header value is not broken at hyphens: "CHAN-DOWNER", "2019-11-02".
func wrapWords(s string, width int) []string {
	var lines []string
	var cur strings.Builder
	curW := 0
	for _, w := range strings.Split(s, " ") {
		if w == "" {
			continue
		}
		ww := ansi.StringWidth(w)
		if curW > 0 && curW+1+ww > width {
			lines = append(lines, cur.String())
			cur.Reset()
			curW = 0
		}
		if curW > 0 {
			cur.WriteByte(' ')
			curW++
		}
		cur.WriteString(w)
		curW += ww
	}
	return append(lines, cur.String())
}

// flat makes s inert for a terminal and one line: line breaks and tabs
// become single spaces.
func flat(s string) string {
	s = sanitize.Text(s)
	if strings.ContainsAny(s, "\n\r\t") {
		s = strings.Join(strings.Fields(s), " ")
	}
	return s
}

// spanKinds lists the kinds of highlighted block that open a paragraph,
// once each: "¶3 (C) [COMMENT]" says the paragraph starts as a comment. A
// block further in ("… (COMMENT: … END COMMENT.)") carries its label in
// its own words, and the paragraph is not one.
func spanKinds(p model.Paragraph) []model.SpanKind {
	var ks []model.SpanKind
	for _, s := range p.Spans {
		if s.Start > 0 {
			continue
		}
		seen := false
		for _, k := range ks {
			seen = seen || k == s.Kind
		}
		if !seen {
			ks = append(ks, s.Kind)
		}
	}
	return ks
}

// writeWrapped writes s with each of its lines folded at width columns,
// keeping its own breaks, and a line end.
func writeWrapped(b *bufio.Writer, s string, width int) {
	for {
		line, rest, more := strings.Cut(s, "\n")
		writeFolded(b, line, width, foldPiece)
		b.WriteByte('\n')
		if !more {
			return
		}
		s = rest
	}
}

// foldPiece is the size of the pieces a long line is folded in.
const foldPiece = 1 << 20

// writeFolded writes line folded at width columns, as ansi.Wordwrap folds
// it, a piece at a time when it is long: a paragraph of 200 MB is one
// line, which folded whole is held again, and more, while it is built.
// Folding fills each output line before it starts the next, so the output
// lines of a piece are those of the whole line, but for the last two,
// which the end of the piece may have cut short: those are folded again
// with the next piece. Each output line is the input as written, with the
// spaces at the fold left out; should a line not be found where expected,
// the rest is folded whole.
func writeFolded(b *bufio.Writer, line string, width, piece int) {
	for len(line) > piece {
		folded := strings.Split(ansi.Wordwrap(line[:piece], width, ""), "\n")
		if len(folded) < 3 {
			break
		}
		pos, ok := 0, true
		for _, l := range folded[:len(folded)-1] {
			for pos < len(line) && line[pos] == ' ' && !strings.HasPrefix(line[pos:], l) {
				pos++
			}
			if l == "" || !strings.HasPrefix(line[pos:], l) {
				ok = false
				break
			}
			pos += len(l)
		}
		if !ok {
			break
		}
		// pos is past the last but one line: back to where it starts.
		next := pos - len(folded[len(folded)-2])
		for _, l := range folded[:len(folded)-2] {
			b.WriteString(l)
			b.WriteByte('\n')
		}
		line = line[next:]
	}
	b.WriteString(ansi.Wordwrap(line, width, ""))
}
