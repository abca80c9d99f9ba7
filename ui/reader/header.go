package reader

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"charm.land/lipgloss/v2"

	"cablereader/describe"
	"cablereader/glossary"
	"cablereader/model"
	"cablereader/ui/common"
	"cablereader/ui/theme"
)

const fieldW = 11 // width of the header's field-name column

// headerMode is how much of the header the reader shows.
type headerMode int

const (
	headerAuto    headerMode = iota // full, or compact when the full header leaves too little room
	headerFull                      // banner, id line, every field
	headerCompact                   // banner chip, id, date, from; the subject
	headerHidden                    // nothing above the text; the chip moves to the status line
)

// next is the mode "h" moves to from the one shown.
func (h headerMode) next() headerMode {
	switch h {
	case headerFull:
		return headerCompact
	case headerCompact:
		return headerHidden
	}
	return headerFull
}

// bannerText is the classification as words, so it survives NO_COLOR:
// "SECRET//NOFORN · SIPDIS" (model.Cable.Banner), or "CLASSIFICATION NOT
// MARKED" before the caveats when no level is marked.
func bannerText(c *model.Cable) string {
	b := common.CleanLine(c.Banner())
	if c.Marking() != "" {
		return b
	}
	if b == "" {
		return "CLASSIFICATION NOT MARKED"
	}
	return "CLASSIFICATION NOT MARKED · " + b
}

// chip is the classification level on its banner colour, the marking a
// compact or hidden header keeps on screen.
func chip(c *model.Cable) string {
	cls := common.CleanLine(c.Marking())
	if cls == "" {
		cls = "UNMARKED"
	}
	return theme.BannerStyle(c.Classification.Level).Render(" " + cls + " ")
}

// banner is the full-width classification bar.
func banner(c *model.Cable, width int) string {
	t := common.Fit(bannerText(c), width-2)
	return theme.BannerStyle(c.Classification.Level).Width(width).Align(lipgloss.Center).Render(t)
}

// headerPane renders the header: banner, the id line, then the cable's
// header fields (model.Cable.HeaderFields), a partial-record warning and a
// rule. width is the terminal width (the banner spans it); w is the text
// column width, indented by margin. In archive mode (links not nil) the
// references are marked as links.
func headerPane(c *model.Cable, st *theme.Styles, width, w int, margin string, links *refLinks) []string {
	var out []string
	out = append(out, banner(c, width))
	row := func(name string, lines []string) {
		for i, l := range lines {
			n := ""
			if i == 0 {
				n = name
			}
			out = append(out, margin+st.Label.Render(common.PadRight(n, fieldW))+l)
		}
	}

	// id · precedence · section · date
	idl := []string{st.Heading.Render(common.OrDash(common.CleanLine(c.ID)))}
	if c.HasDate() {
		idl = append(idl, describe.ReadableDate(c.Date))
	} else {
		idl = append(idl, st.Dim.Render("no date-time group"))
	}
	if c.Precedence != "" {
		idl = append(idl, common.CleanLine(string(c.Precedence)))
	}
	if c.Section.Total > 1 {
		idl = append(idl, "section "+strconv.Itoa(c.Section.Number)+" of "+strconv.Itoa(c.Section.Total))
	}
	out = append(out, margin+common.Fit(strings.Join(idl, st.Dim.Render(" · ")), w))

	for _, f := range c.HeaderFields() {
		v := common.CleanLine(f.Value)
		switch f.Key {
		case model.FieldFrom:
			if pla := common.CleanLine(glossary.PLA(c.Origin)); pla != "" && describe.AddsWords(v, pla) {
				v += st.Dim.Render(" (" + pla + ")")
			}
		case model.FieldTags:
			v = tagsLine(c.Header)
		case model.FieldReferences:
			if links != nil && len(c.Header.References) > 0 {
				row(f.Label, refsField(c, links, st, w-fieldW))
				continue
			}
		}
		row(f.Label, wrapField(v, w-fieldW, fieldLines(f.Key)))
	}
	if links != nil && len(links.citedBy) > 0 {
		row("Cited by", citedField(links, len(c.Header.References), st, w-fieldW))
	}
	if c.Partial {
		out = append(out, margin+st.Warning.Render(common.Fit("⚠ Partial record: only an extract of the cable survives.", w)))
	}
	out = append(out, noticeLines(c.Notices, st, margin, w)...)
	out = append(out, margin+st.Rule.Render(strings.Repeat("─", w)))
	return out
}

// wrapField wraps a field's value to w cells in at most n lines, the last
// one ending in " …" when the value is cut short.
func wrapField(v string, w, n int) []string {
	lines := common.WrapPlain(v, w)
	if len(lines) > n {
		lines = lines[:n]
		lines[n-1] = common.Fit(lines[n-1]+" …", w)
	}
	return lines
}

// maxNotices is how many parser notices the header shows; the rest are
// listed at the end of the text.
const maxNotices = 2

// noticeLines are the parser's notices, one warning line each, so that an
// oddity of the input (escape sequences, no text, a cut-off end) is the
// first thing a reader sees.
func noticeLines(notices []string, st *theme.Styles, margin string, w int) []string {
	var out []string
	for i, n := range notices {
		if i == maxNotices {
			more := fmt.Sprintf("⚠ and %d more notices, listed at the end of the text", len(notices)-i)
			out = append(out, margin+st.Warning.Render(common.Fit(more, w)))
			break
		}
		out = append(out, margin+st.Warning.Render(common.Fit("⚠ "+common.CleanLine(upperFirst(n)), w)))
	}
	return out
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// compactHeader is the header in few lines: the classification chip, the
// id, date and sender on the first, the subject on the second (left out
// when lines is 1, or when there is no subject).
func compactHeader(c *model.Cable, st *theme.Styles, width int, margin string, w, lines int) []string {
	first := []string{common.OrDash(common.CleanLine(c.ID))}
	if c.HasDate() {
		first = append(first, c.Date.UTC().Format("2006-01-02"))
	}
	if from := common.CleanLine(c.Origin); from != "" {
		first = append(first, from)
	}
	rest := " " + strings.Join(first, " · ")
	// what the full header says in a line of its own, in a word or two
	switch n := len(c.Notices); {
	case c.Partial:
		rest = " ⚠ partial ·" + rest
	case n == 1:
		rest = " ⚠ 1 notice ·" + rest
	case n > 1:
		rest = " ⚠ " + strconv.Itoa(n) + " notices ·" + rest
	}
	subj := common.CleanLine(c.Header.Subject)
	lead := margin[:max(0, len(margin)-2)] // the chip starts where the gutter does
	if lines < 2 || subj == "" {
		if subj != "" {
			rest += " · " + subj
		}
		return []string{lead + common.Fit(chip(c)+rest, width-len(lead))}
	}
	return []string{
		lead + common.Fit(chip(c)+rest, width-len(lead)),
		margin + common.Fit(st.Heading.Render(subj), w),
	}
}

func tagsLine(h model.Header) string {
	var codes, meanings []string
	for _, t := range h.Tags {
		t = common.CleanLine(t)
		if t == "" {
			continue
		}
		codes = append(codes, t)
		if m := glossary.LookupTag(t).Meaning; m != "" {
			meanings = append(meanings, t+": "+common.CleanLine(m))
		}
	}
	s := strings.Join(codes, " ")
	if len(h.OtherTags) > 0 {
		other := make([]string, len(h.OtherTags))
		for i, t := range h.OtherTags {
			other[i] = common.CleanLine(t)
		}
		if s != "" {
			s += " · "
		}
		s += strings.Join(other, ", ")
	}
	if len(meanings) > 0 {
		s += " — " + strings.Join(meanings, "; ")
	}
	return s
}

// fieldLines is how many wrapped lines the header pane gives a field
// before cutting it short: two for the fields that run long (passing
// lines, subject, references, who classified it), one for the rest.
// Printed output shows every field whole.
func fieldLines(k model.FieldKey) int {
	switch k {
	case model.FieldAttention, model.FieldSubject, model.FieldReferences, model.FieldClassified:
		return 2
	}
	return 1
}
