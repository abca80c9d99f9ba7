package output

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"cablereader/model"
	"cablereader/sanitize"
)

// MarkdownOptions shape the Markdown rendering.
type MarkdownOptions struct {
	Routing bool // also give the transmission header, decoded
}

// Markdown writes the cable as Markdown generated from the model. Cable
// text is escaped, so that nothing in it turns into Markdown syntax ("5."
// into a list, "*" into emphasis); sub-items keep their own lines as hard
// breaks, and SUMMARY, COMMENT and NOTE blocks are set in italics.
func Markdown(w io.Writer, c *model.Cable, opt MarkdownOptions) error {
	b := bufio.NewWriter(w)
	title := c.Header.Subject
	if title == "" {
		title = c.ID
	}
	if title == "" {
		title = "Cable"
	}
	fmt.Fprintf(b, "# %s\n\n", esc(title))
	var top []string
	if cl := c.Banner(); cl != "" {
		top = append(top, "**"+esc(cl)+"**")
	}
	if s := topLine(c); s != "" {
		top = append(top, esc(s))
	}
	if len(top) > 0 {
		fmt.Fprintf(b, "%s\n\n", strings.Join(top, " · "))
	}
	writeItems(b, headerRows(c))
	if c.Partial {
		fmt.Fprintln(b, "\n> Partial record: the full text of the original cable is not available.")
	}
	for _, n := range c.Notices {
		fmt.Fprintln(b, "\n> Note: "+esc(n))
	}
	if opt.Routing {
		fmt.Fprintln(b, "\n## Routing")
		if c.Routing == nil {
			fmt.Fprintln(b, "\nThis record has no transmission header.")
		}
		if rows := routingRows(c); len(rows) > 0 {
			fmt.Fprintln(b)
			writeItems(b, rows)
		}
	}
	for _, p := range c.Body {
		fmt.Fprintln(b)
		markdownParagraph(b, p)
	}
	if c.Signature != "" {
		fmt.Fprintf(b, "\n%s\n", esc(c.Signature))
	}
	return b.Flush()
}

// markdownParagraph writes a paragraph: its heading as a "##" heading,
// then "**¶N** (C)" and the text.
func markdownParagraph(b *bufio.Writer, p model.Paragraph) {
	if p.Heading != "" {
		fmt.Fprintf(b, "## %s\n\n", esc(p.Heading))
		if p.Text == "" {
			return
		}
	}
	lead := ""
	if p.Number > 0 {
		lead = fmt.Sprintf("**¶%d** ", p.Number)
	}
	if p.Marking != "" {
		lead += "(" + esc(p.Marking) + ") "
	}
	fmt.Fprintln(b, lead+paragraphMD(p))
}

// writeItems writes labelled rows as a Markdown list, a list's items as a
// list inside it.
func writeItems(b *bufio.Writer, rows []row) {
	for _, r := range rows {
		if len(r.items) == 1 {
			r.value, r.items = r.items[0], nil
		}
		if r.items == nil {
			fmt.Fprintf(b, "- **%s:** %s\n", esc(r.label), esc(flat(r.value)))
			continue
		}
		fmt.Fprintf(b, "- **%s:**\n", esc(r.label))
		for _, it := range r.items {
			fmt.Fprintf(b, "  - %s\n", esc(flat(it)))
		}
	}
}

// paragraphMD escapes a paragraph's text, sets its highlighted blocks in
// italics line by line (emphasis cannot cross a line break), and turns its
// line breaks into Markdown hard breaks.
func paragraphMD(p model.Paragraph) string {
	var b strings.Builder
	pos := 0
	for _, s := range p.Spans {
		if s.Start < pos || s.End > len(p.Text) || s.Start > s.End {
			continue
		}
		b.WriteString(esc(p.Text[pos:s.Start]))
		b.WriteString(emphasise(p.Text[s.Start:s.End]))
		pos = s.End
	}
	b.WriteString(esc(p.Text[pos:]))
	blocks := strings.Split(b.String(), "\n\n")
	for i, block := range blocks {
		blocks[i] = strings.ReplaceAll(block, "\n", "\\\n")
	}
	return strings.Join(blocks, "\n\n")
}

func emphasise(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if t == "" {
			continue
		}
		lead := l[:strings.Index(l, t)]
		lines[i] = lead + "*" + esc(t) + "*"
	}
	return strings.Join(lines, "\n")
}

// esc makes cable text inert as Markdown and keeps it readable: the marks
// that have meaning anywhere are backslash-escaped (CommonMark allows that
// for any ASCII punctuation), those that have meaning only at the start of
// a line ("5." or "-" making a list, "=" an underline) only there, and
// control sequences are neutralised.
func esc(s string) string {
	s = sanitize.Text(s)
	var b strings.Builder
	b.Grow(len(s) + len(s)/16)
	lineStart := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case strings.IndexByte("\\`*_[]<>#|~&", c) >= 0:
			b.WriteByte('\\')
		case lineStart && strings.IndexByte("-+=", c) >= 0:
			b.WriteByte('\\')
		case lineStart && c >= '0' && c <= '9':
			j := i
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			b.WriteString(s[i:j])
			if j < len(s) && (s[j] == '.' || s[j] == ')') {
				b.WriteByte('\\')
			}
			i = j - 1
			lineStart = false
			continue
		}
		b.WriteByte(c)
		if c == '\n' {
			lineStart = true
		} else if c != ' ' {
			lineStart = false
		}
	}
	return b.String()
}
