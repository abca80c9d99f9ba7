package output

import (
	"strconv"
	"strings"
	"time"

	"cablereader/glossary"
	"cablereader/model"
)

// A row is one labelled line of a header block: a value, or a list of
// items shown one under the other.
type row struct {
	label string
	value string   // used when items is nil
	items []string // a list's entries
}

// headerRows are the cable's header fields (model.HeaderFields), the one
// list the reader's header pane shows too, so that the labels agree.
func headerRows(c *model.Cable) []row {
	var rows []row
	for _, f := range c.HeaderFields() {
		rows = append(rows, row{label: f.Label, value: f.Value, items: f.Items})
	}
	return rows
}

// topLine is the line under the banner: id, date, precedence and, for a
// cable sent in several sections, which one this is.
func topLine(c *model.Cable) string {
	var top []string
	for _, s := range []string{c.ID, dateText(c), string(c.Precedence)} {
		if s != "" {
			top = append(top, s)
		}
	}
	if c.Section.Total > 1 {
		top = append(top, "section "+strconv.Itoa(c.Section.Number)+" of "+strconv.Itoa(c.Section.Total))
	}
	return strings.Join(top, " · ")
}

func dateText(c *model.Cable) string {
	if !c.HasDate() {
		return ""
	}
	return c.Date.UTC().Format("2006-01-02 15:04 MST")
}

// readableDate is the date-time with the day in words, as the reader's
// routing pane gives it.
func readableDate(t time.Time) string {
	t = t.UTC()
	return t.Format("2006-01-02 15:04 UTC") + " (" + t.Format("Mon 2 Jan 2006") + ")"
}

// riNames names routing indicators: first by the cable's own TO and INFO
// lines, then by the glossary's table; an unknown code gets no name.
type riNames map[string]string

func newRINames(r *model.Routing) riNames {
	m := riNames{}
	for _, a := range append(append([]model.Addressee(nil), r.To...), r.Info...) {
		if a.RI == "" || a.Name == "" {
			continue
		}
		if old, ok := m[a.RI]; !ok {
			m[a.RI] = a.Name
		} else if !strings.Contains(old, a.Name) {
			m[a.RI] = old + " / " + a.Name
		}
	}
	return m
}

func (m riNames) name(ri string) string {
	if n, ok := m[ri]; ok {
		return n
	}
	n, _ := glossary.RoutingIndicator(ri)
	return n
}

// routingRows decode the transmission header as the reader's routing pane
// does: station names, the filing day and the date-time group in words,
// precedence in words, the addressees one a line; then the details the
// header has no room for (caveats as found, page breaks, what each TAGS
// code is, the preamble of a dump).
func routingRows(c *model.Cable) []row {
	var rows []row
	add := func(label, value string) {
		if value != "" {
			rows = append(rows, row{label: label, value: value})
		}
	}
	addList := func(label string, items []string) {
		if len(items) > 0 {
			rows = append(rows, row{label: label, items: items})
		}
	}
	if r := c.Routing; r != nil {
		names := newRINames(r)
		add("Transm. id", r.TransmissionID)
		if r.Prosign != "" {
			p := r.Prosign
			if w := glossary.PrecedenceWord(r.Prosign); w != "" {
				p += " · " + w + " (highest precedence in the message)"
			}
			add("Prosign", p)
		}
		var ris []string
		for _, ri := range r.Indicators {
			if n := names.name(ri); n != "" {
				ri += " (" + n + ")"
			}
			ris = append(ris, ri)
		}
		addList("Indicators", ris)
		add("DE", deLine(c, r, names))
		if r.Security != "" {
			s := r.Security
			if sec, ok := glossary.DecodeSecurity(r.Security); ok {
				s += " · " + sec.String()
			}
			add("Security", s)
		}
		if r.DTG != "" {
			d := r.DTG
			if c.HasDate() {
				d += " · " + readableDate(c.Date)
			}
			add("DTG", d)
		}
		addList("TO ("+strconv.Itoa(len(r.To))+")", addresseeItems(r.To))
		addList("INFO ("+strconv.Itoa(len(r.Info))+")", addresseeItems(r.Info))
	}
	add("Caveats", strings.Join(c.Caveats, " "))
	if n := len(c.PageMarkers); n == 1 {
		add("Pages", "1 page break removed from the text")
	} else if n > 1 {
		add("Pages", strconv.Itoa(n)+" page breaks removed from the text")
	}
	var tags []string
	for _, t := range c.Header.Tags {
		tag := glossary.LookupTag(t)
		d := t
		if tag.Kind != glossary.TagUnknown {
			d += " · " + tag.Kind.String()
		}
		if tag.Meaning != "" {
			d += " · " + tag.Meaning
			if tag.Unverified {
				d += " (unverified)"
			}
		}
		tags = append(tags, d)
	}
	for _, t := range c.Header.OtherTags {
		tags = append(tags, t+" · not a TAGS code")
	}
	addList("TAGS", tags)
	addList("Preamble", c.Preamble)
	return rows
}

// deLine is the DE line decoded: the originating station with its name,
// the serial, the section and when it was filed.
func deLine(c *model.Cable, r *model.Routing, names riNames) string {
	var parts []string
	if r.Station != "" {
		s := r.Station
		if n := names.name(r.Station); n != "" {
			s += " (" + n + ")"
		}
		parts = append(parts, s)
	}
	if r.Serial != "" {
		parts = append(parts, "serial #"+r.Serial)
	}
	if r.SectionNumber != "" {
		parts = append(parts, "section "+strings.TrimPrefix(r.SectionNumber, "/"))
	}
	if r.Julian != "" {
		filed := "filed " + r.Julian
		if c.HasDate() {
			if t, ok := glossary.JulianDate(r.Julian, c.Date.UTC().Year()); ok {
				filed = "filed day " + r.Julian[:3] + " at " + r.Julian[3:] + "Z = " + t.Format("2006-01-02 15:04 UTC")
			}
		}
		parts = append(parts, filed)
	}
	return strings.Join(parts, " · ")
}

// addresseeItems are TO or INFO lines in words: "RUEHC SECSTATE WASHDC —
// Secretary of State, Washington · IMMEDIATE · serial 7199".
func addresseeItems(as []model.Addressee) []string {
	var out []string
	for _, a := range as {
		var parts []string
		name := a.Name
		if pla := glossary.PLA(a.Name); name != "" && pla != "" && addsWords(name, pla) {
			name += " — " + pla
		}
		if a.RI != "" {
			name = strings.TrimSpace(a.RI + " " + name)
		}
		parts = append(parts, name)
		if a.Precedence != "" {
			parts = append(parts, string(a.Precedence))
		}
		if a.Serial != "" {
			parts = append(parts, "serial "+a.Serial)
		}
		if len(a.Exempt) > 0 {
			parts = append(parts, "except "+strings.Join(a.Exempt, ", "))
		}
		out = append(out, strings.Join(parts, " · "))
	}
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
		if w = strings.Trim(w, "(),."); w != "" && !have[w] {
			return true
		}
	}
	return false
}
