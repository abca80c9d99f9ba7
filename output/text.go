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

// Text writes a clean plain rendering of the cable: a header block,
// optionally the routing details, then the paragraphs as ¶N with page
// markers gone. Every string from the cable is made inert first, since
// the output usually reaches a terminal.
func Text(w io.Writer, c *model.Cable, opt TextOptions) error {
	if opt.Width <= 0 {
		opt.Width = 80
	}
	b := bufio.NewWriter(w)
	field := func(name, value string) {
		if value != "" {
			fmt.Fprintf(b, "%-10s %s\n", name+":", sanitize.Text(value))
		}
	}
	if cl := c.Marking(); cl != "" {
		fmt.Fprintln(b, sanitize.Text(cl))
	}
	var top []string
	for _, s := range []string{c.ID, dateText(c), string(c.Precedence)} {
		if s != "" {
			top = append(top, s)
		}
	}
	if len(top) > 0 {
		fmt.Fprintln(b, sanitize.Text(strings.Join(top, " · ")))
	}
	field("From", c.Origin)
	field("To", recipients(c))
	field("Subject", c.Header.Subject)
	field("TAGS", strings.Join(c.Header.Tags, " "))
	for i, r := range c.Header.References {
		name := ""
		if i == 0 {
			name = "Refs"
		}
		ref := r.Text
		if r.Label != "" {
			ref = r.Label + ". " + ref
		}
		fmt.Fprintf(b, "%-10s %s\n", name+strings.Repeat(":", min(1, len(name))), sanitize.Text(ref))
	}
	if cb := c.Header.ClassifiedBy; cb != nil {
		field("Class. by", strings.TrimSpace(cb.Authority+" "+reasons(cb.Reasons)))
	}
	if eo := c.Header.EO; eo != nil && eo.Declassify != "" {
		field("Declass.", eo.Declassify)
	}
	if c.Partial {
		fmt.Fprintln(b, "Partial record: the full text of the original cable is not available.")
	}
	for _, n := range c.Notices {
		fmt.Fprintln(b, "Note:      "+sanitize.Text(n))
	}
	if opt.Routing && c.Routing != nil {
		fmt.Fprintln(b)
		fmt.Fprintln(b, "Routing")
		for _, l := range c.Routing.Lines {
			fmt.Fprintln(b, "  "+sanitize.Text(l))
		}
	}
	for _, p := range c.Body {
		fmt.Fprintln(b)
		if p.Heading != "" {
			fmt.Fprintln(b, sanitize.Text(p.Heading))
			fmt.Fprintln(b)
			if p.Text == "" {
				continue
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
		fmt.Fprintln(b, wrap(sanitize.Text(lead+p.Text), opt.Width))
	}
	if c.Signature != "" {
		fmt.Fprintln(b)
		fmt.Fprintln(b, sanitize.Text(c.Signature))
	}
	return b.Flush()
}

func dateText(c *model.Cable) string {
	if !c.HasDate() {
		return ""
	}
	return c.Date.UTC().Format("2006-01-02 15:04 MST")
}

func recipients(c *model.Cable) string {
	if c.Routing == nil || len(c.Routing.To) == 0 {
		return ""
	}
	s := c.Routing.To[0].Name
	if more := len(c.Routing.To) - 1 + len(c.Routing.Info); more > 0 {
		s += fmt.Sprintf(" (+%d more)", more)
	}
	return s
}

func reasons(rs []string) string {
	if len(rs) == 0 {
		return ""
	}
	return "(" + strings.Join(rs, ", ") + ")"
}

// spanKinds lists the kinds of highlighted block a paragraph holds, once each.
func spanKinds(p model.Paragraph) []model.SpanKind {
	var ks []model.SpanKind
	for _, s := range p.Spans {
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

// wrap folds each line of s at width columns, keeping its own breaks.
func wrap(s string, width int) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = ansi.Wordwrap(l, width, "")
	}
	return strings.Join(lines, "\n")
}
