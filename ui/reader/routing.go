package reader

import (
	"strconv"
	"strings"

	"cablereader/describe"
	"cablereader/model"
	"cablereader/ui/common"
	"cablereader/ui/theme"
)

// routingPane renders the routing details (package describe) for a column
// of w cells: the transmission header decoded, the addressees as a table,
// then the passing lines the header pane cuts short and the details it has
// no room for. other names the indicators that neither the cable nor the
// glossary does (nil: none).
func routingPane(c *model.Cable, st *theme.Styles, w int, other func(string) (string, bool)) []string {
	p := labelled{st: st, w: w}
	title := st.Heading.Render("ROUTING DETAILS")
	p.out = append(p.out, common.PadRight(title, w-common.Width("r hides"))+st.Dim.Render("r hides"))
	if c.Routing == nil {
		p.out = append(p.out, st.Dim.Render(common.Fit(describe.NoRouting, w)))
	}

	// The learned mark is explained once, after the indicators and the DE
	// line, the rows that may carry it.
	learned := false
	for _, r := range describe.Transmission(c, other) {
		if learned && r.Kind != describe.Indicators && r.Kind != describe.Station {
			p.learnedNote()
			learned = false
		}
		switch r.Kind {
		case describe.Indicators:
			p.indicators(r)
		case describe.Addressees:
			p.out = append(p.out, "")
			p.addressees(r)
		default:
			p.wrapped(r.Label, common.CleanLine(r.Value))
		}
		learned = learned || r.Learned
	}
	if learned {
		p.learnedNote()
	}

	extras := describe.Extras(c)
	if len(c.Header.Passing)+len(extras) > 0 {
		p.out = append(p.out, "")
	}
	p.lines("Attention", c.Header.Passing, false)
	for _, r := range extras {
		if r.Items == nil {
			p.wrapped(r.Label, common.CleanLine(r.Value))
		} else {
			p.lines(r.Label, texts(r.Items), r.Kind == describe.AsFound)
		}
	}
	p.out = append(p.out, st.Rule.Render(strings.Repeat("─", w)))
	return p.out
}

// labelled lays out labelled rows in a column of w cells: the label in a
// column of its own, fieldW wide, on a row's first line only.
type labelled struct {
	out []string
	st  *theme.Styles
	w   int
}

// label is the label column of a row's line i.
func (p *labelled) label(name string, i int) string {
	if i > 0 {
		name = ""
	}
	return p.st.Label.Render(common.PadRight(name, fieldW))
}

// wrapped wraps a value (already clean) to the column beside its label.
func (p *labelled) wrapped(name, value string) {
	if value == "" {
		return
	}
	for i, l := range common.WrapPlain(value, p.w-fieldW) {
		p.out = append(p.out, p.label(name, i)+l)
	}
}

// lines gives each of items a line beside the label, cut to the column,
// dimmed for text as the cable has it.
func (p *labelled) lines(name string, items []string, dim bool) {
	for i, it := range items {
		l := common.Fit(common.CleanLine(it), p.w-fieldW)
		if dim {
			l = p.st.Dim.Render(l)
		}
		p.out = append(p.out, p.label(name, i)+l)
	}
}

// learnedNote says what the learned mark means, under the value column.
func (p *labelled) learnedNote() {
	p.out = append(p.out, p.st.Dim.Render(common.Fit(strings.Repeat(" ", fieldW)+describe.LearnedNote, p.w)))
}

// indicators lists routing indicators with their names, in as many
// columns as fit; an indicator no one names gets a "?".
func (p *labelled) indicators(r describe.Row) {
	cells := make([]string, len(r.Items))
	cellW := 0
	for i, it := range r.Items {
		c := common.PadRight(common.CleanLine(it.RI), 8)
		if it.Name != "" {
			c += common.CleanLine(it.Name)
			if it.Learned {
				c += describe.LearnedMark
			}
		} else {
			c += "?"
		}
		cells[i] = c
		cellW = max(cellW, common.Width(c))
	}
	cellW = min(cellW, 40)
	cols := max(1, (p.w-fieldW+2)/(cellW+2))
	rows := (len(cells) + cols - 1) / cols
	for row := 0; row < rows; row++ {
		var b strings.Builder
		if row == 0 {
			b.WriteString(p.label(r.Label, 0))
		} else {
			b.WriteString(strings.Repeat(" ", fieldW))
		}
		for col := 0; col < cols; col++ {
			i := col*rows + row
			if i >= len(cells) {
				break
			}
			cell := common.Fit(cells[i], cellW)
			if col < cols-1 {
				cell = common.PadRight(cell, cellW+2)
			}
			b.WriteString(cell)
		}
		p.out = append(p.out, common.Fit(b.String(), p.w))
	}
}

// addressees renders TO or INFO addressees as a table: routing indicator,
// name (with the plain-language address decoded where the glossary knows
// it), precedence and serial, and the posts a collective leaves out.
func (p *labelled) addressees(r describe.Row) {
	st, w := p.st, p.w
	riW := 2
	for _, a := range r.Items {
		riW = max(riW, common.Width(common.CleanLine(a.RI)))
	}
	riW += 2
	precW, serW := 11, 6
	nameW := w - 2 - riW - precW - serW
	p.out = append(p.out, st.Heading.Render(r.Label)+st.Dim.Render(" ("+strconv.Itoa(len(r.Items))+")"))
	hdr := "  " + common.PadRight("RI", riW) + common.PadRight("Name", nameW) + common.PadRight("Precedence", precW) + "Serial"
	p.out = append(p.out, st.TableHdr.Render(common.Fit(hdr, w)))
	for _, a := range r.Items {
		prec := common.CleanLine(a.Precedence)
		if prec == "" {
			prec = st.Dim.Render("routine")
		}
		ri := common.OrDash(common.CleanLine(a.RI))
		name := common.Fit(common.CleanLine(a.Name), nameW-1)
		line := "  " + common.PadRight(ri, riW) + common.PadRight(name, nameW) + common.PadRight(prec, precW) + common.CleanLine(a.Serial)
		p.out = append(p.out, common.Fit(line, w))
		if len(a.Except) > 0 {
			ex := make([]string, len(a.Except))
			for i, e := range a.Except {
				ex[i] = common.CleanLine(e)
			}
			p.out = append(p.out, st.Dim.Render(common.Fit("  "+strings.Repeat(" ", riW)+"except "+strings.Join(ex, ", "), w)))
		}
	}
}

// texts are the items' texts.
func texts(items []describe.Item) []string {
	s := make([]string, len(items))
	for i, it := range items {
		s[i] = it.Text
	}
	return s
}
