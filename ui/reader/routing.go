package reader

import (
	"strconv"
	"strings"

	"cablereader/glossary"
	"cablereader/model"
	"cablereader/ui/common"
	"cablereader/ui/theme"
)

// riNames names routing indicators: first the cable's own RI/PLA pairs
// (the best source, cable-format.md §1.2), then the glossary's table, then
// the names other cables of the archive give them (other; nil for a
// cable read alone).
type riNames struct {
	own   map[string]string
	other func(ri string) (string, bool)
}

func newRINames(r *model.Routing, other func(string) (string, bool)) riNames {
	m := riNames{own: map[string]string{}, other: other}
	if r == nil {
		return m
	}
	for _, a := range append(append([]model.Addressee(nil), r.To...), r.Info...) {
		if a.RI == "" || a.Name == "" {
			continue
		}
		if old, ok := m.own[a.RI]; ok && !strings.Contains(old, a.Name) {
			m.own[a.RI] = old + " / " + a.Name
		} else if !ok {
			m.own[a.RI] = a.Name
		}
	}
	return m
}

// name is an indicator's name, "" when none is known; learned says it is
// the name other cables of the archive give it.
func (m riNames) name(ri string) (name string, learned bool) {
	if n, ok := m.own[ri]; ok {
		return n, false
	}
	if n, ok := glossary.RoutingIndicator(ri); ok {
		return n, false
	}
	if m.other != nil {
		if n, ok := m.other(ri); ok && n != "" {
			return n, true
		}
	}
	return "", false
}

// learnedMark follows a name that other cables of the archive give.
const learnedMark = "*"

// routingPane renders the routing details for a column of w cells: the
// transmission header decoded, the addressees as a table, and the other
// details the header pane has no room for. other names the indicators
// that neither the cable nor the glossary does (nil: none).
func routingPane(c *model.Cable, st *theme.Styles, w int, other func(string) (string, bool)) []string {
	var out []string
	title := st.Heading.Render("ROUTING DETAILS")
	hint := st.Dim.Render("r hides")
	out = append(out, common.PadRight(title, w-common.Width("r hides"))+hint)

	field := func(name, value string) {
		if value == "" {
			return
		}
		for i, l := range common.WrapPlain(value, w-fieldW) {
			n := ""
			if i == 0 {
				n = name
			}
			out = append(out, st.Label.Render(common.PadRight(n, fieldW))+l)
		}
	}
	dotted := func(parts ...string) string {
		var keep []string
		for _, p := range parts {
			if p != "" {
				keep = append(keep, p)
			}
		}
		return strings.Join(keep, " · ")
	}

	r := c.Routing
	if r == nil {
		out = append(out, st.Dim.Render(common.Fit("This record has no transmission header.", w)))
	} else {
		names := newRINames(r, other)
		learned := false
		year := 0
		if c.HasDate() {
			year = c.Date.UTC().Year()
		}
		field("Transm. id", common.CleanLine(r.TransmissionID))
		if r.Prosign != "" {
			p := common.CleanLine(r.Prosign)
			if wd := glossary.PrecedenceWord(r.Prosign); wd != "" {
				p += " · " + wd + " (highest precedence in the message)"
			}
			field("Prosign", p)
		}
		if len(r.Indicators) > 0 {
			lines, l := riColumns("Indicators", r.Indicators, names, st, w)
			out, learned = append(out, lines...), l
		}
		if r.Station != "" || r.Serial != "" {
			st1 := common.CleanLine(r.Station)
			if n, l := names.name(r.Station); n != "" {
				st1 += " (" + common.CleanLine(n) + ")"
				if l {
					st1 += learnedMark
					learned = true
				}
			}
			var serial, section, filed string
			if r.Serial != "" {
				serial = "serial #" + common.CleanLine(r.Serial)
			}
			if r.SectionNumber != "" {
				section = "section " + strings.TrimPrefix(common.CleanLine(r.SectionNumber), "/")
			}
			if r.Julian != "" {
				filed = "filed " + common.CleanLine(r.Julian)
				if t, ok := glossary.JulianDate(r.Julian, year); ok && year > 0 {
					filed = "filed day " + common.CleanLine(r.Julian[:3]) + " at " + common.CleanLine(r.Julian[3:]) + "Z = " + t.Format("2006-01-02 15:04 UTC")
				}
			}
			field("DE", dotted(st1, serial, section, filed))
		}
		if learned {
			out = append(out, st.Dim.Render(common.Fit(strings.Repeat(" ", fieldW)+learnedMark+" as other cables in the archive name it", w)))
		}
		if r.Security != "" {
			s := common.CleanLine(r.Security)
			if sec, ok := glossary.DecodeSecurity(r.Security); ok {
				s += " · " + sec.String()
			}
			field("Security", s)
		}
		if r.DTG != "" {
			d := common.CleanLine(r.DTG)
			if c.HasDate() {
				d += " · " + readableDate(c.Date)
			}
			field("DTG", d)
		}
		if len(r.To) > 0 {
			out = append(out, "")
			out = append(out, addresseeTable("TO", r.To, st, w)...)
		}
		if len(r.Info) > 0 {
			out = append(out, "")
			out = append(out, addresseeTable("INFO", r.Info, st, w)...)
		}
	}

	var extra []string
	for _, p := range c.Header.Passing {
		extra = append(extra, common.CleanLine(p))
	}
	if len(extra) > 0 || len(c.Caveats) > 0 || len(c.PageMarkers) > 0 || len(c.Preamble) > 0 || len(c.Header.Tags)+len(c.Header.OtherTags) > 0 {
		out = append(out, "")
	}
	for i, p := range extra {
		n := ""
		if i == 0 {
			n = "Attention"
		}
		out = append(out, st.Label.Render(common.PadRight(n, fieldW))+common.Fit(p, w-fieldW))
	}
	if len(c.Caveats) > 0 {
		cv := make([]string, len(c.Caveats))
		for i, x := range c.Caveats {
			cv[i] = common.CleanLine(x)
		}
		field("Caveats", strings.Join(cv, " "))
	}
	if n := len(c.PageMarkers); n > 0 {
		field("Pages", strconv.Itoa(n)+" page break"+plural(n)+" removed from the text")
	}
	for i, t := range c.Header.Tags {
		tag := glossary.LookupTag(t)
		d := common.CleanLine(t)
		if tag.Kind != glossary.TagUnknown {
			d += " · " + tag.Kind.String()
		}
		if tag.Meaning != "" {
			d += " · " + common.CleanLine(tag.Meaning)
			if tag.Unverified {
				d += " (unverified)"
			}
		}
		n := ""
		if i == 0 {
			n = "TAGS"
		}
		out = append(out, st.Label.Render(common.PadRight(n, fieldW))+common.Fit(d, w-fieldW))
	}
	for i, t := range c.Header.OtherTags {
		n := ""
		if i == 0 && len(c.Header.Tags) == 0 {
			n = "TAGS"
		}
		out = append(out, st.Label.Render(common.PadRight(n, fieldW))+common.Fit(common.CleanLine(t)+" · not a TAGS code", w-fieldW))
	}
	for i, p := range c.Preamble {
		n := ""
		if i == 0 {
			n = "Preamble"
		}
		out = append(out, st.Label.Render(common.PadRight(n, fieldW))+st.Dim.Render(common.Fit(common.CleanLine(p), w-fieldW)))
	}
	out = append(out, st.Rule.Render(strings.Repeat("─", w)))
	return out
}

// addsWords reports whether a decoded name says more than the original:
// "US Embassy Bangkok" adds to "AMEMBASSY BANGKOK", "ASEAN MEMBER
// (collective)" adds nothing to "ASEAN MEMBER COLLECTIVE".
func addsWords(orig, decoded string) bool {
	have := map[string]bool{}
	for _, w := range strings.Fields(strings.ToUpper(orig)) {
		have[w] = true
	}
	for _, w := range strings.Fields(strings.ToUpper(decoded)) {
		w = strings.Trim(w, "(),.")
		if w != "" && !have[w] {
			return true
		}
	}
	return false
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// riColumns lists routing indicators with their names, in as many columns
// as fit; learned says some name is one other cables give.
func riColumns(name string, ris []string, names riNames, st *theme.Styles, w int) (out []string, learned bool) {
	cells := make([]string, len(ris))
	cellW := 0
	for i, ri := range ris {
		c := common.PadRight(common.CleanLine(ri), 8)
		if n, l := names.name(ri); n != "" {
			c += common.CleanLine(n)
			if l {
				c += learnedMark
				learned = true
			}
		} else {
			c += "?"
		}
		cells[i] = c
		cellW = max(cellW, common.Width(c))
	}
	avail := w - fieldW
	cellW = min(cellW, 40)
	cols := max(1, (avail+2)/(cellW+2))
	rows := (len(cells) + cols - 1) / cols
	for r := 0; r < rows; r++ {
		var b strings.Builder
		if r == 0 {
			b.WriteString(st.Label.Render(common.PadRight(name, fieldW)))
		} else {
			b.WriteString(strings.Repeat(" ", fieldW))
		}
		for cI := 0; cI < cols; cI++ {
			i := cI*rows + r
			if i >= len(cells) {
				break
			}
			cell := common.Fit(cells[i], cellW)
			if cI < cols-1 {
				cell = common.PadRight(cell, cellW+2)
			}
			b.WriteString(cell)
		}
		out = append(out, common.Fit(b.String(), w))
	}
	return out, learned
}

// addresseeTable renders TO or INFO addressees: routing indicator, name
// (with the plain-language address decoded where the glossary knows it),
// precedence and serial.
func addresseeTable(title string, as []model.Addressee, st *theme.Styles, w int) []string {
	riW := 2
	for _, a := range as {
		riW = max(riW, common.Width(common.CleanLine(a.RI)))
	}
	riW += 2
	precW, serW := 11, 6
	nameW := w - 2 - riW - precW - serW
	out := []string{st.Heading.Render(title) + st.Dim.Render(" ("+strconv.Itoa(len(as))+")")}
	hdr := "  " + common.PadRight("RI", riW) + common.PadRight("Name", nameW) + common.PadRight("Precedence", precW) + "Serial"
	out = append(out, st.TableHdr.Render(common.Fit(hdr, w)))
	for _, a := range as {
		name := common.CleanLine(a.Name)
		if pla := common.CleanLine(glossary.PLA(a.Name)); pla != "" && addsWords(name, pla) {
			name += " — " + pla
		}
		prec := common.CleanLine(string(a.Precedence))
		if prec == "" {
			prec = st.Dim.Render("routine")
		}
		ri := common.CleanLine(a.RI)
		if ri == "" {
			ri = "—"
		}
		line := "  " + common.PadRight(ri, riW) + common.PadRight(common.Fit(name, nameW-1), nameW) + common.PadRight(prec, precW) + common.CleanLine(a.Serial)
		out = append(out, common.Fit(line, w))
		if len(a.Exempt) > 0 {
			ex := make([]string, len(a.Exempt))
			for i, e := range a.Exempt {
				ex[i] = common.CleanLine(e)
			}
			out = append(out, st.Dim.Render(common.Fit("  "+strings.Repeat(" ", riW)+"except "+strings.Join(ex, ", "), w)))
		}
	}
	return out
}
