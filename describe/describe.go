// Package describe puts a cable's routing details into words, as labelled
// rows that the reader's routing pane and the text and Markdown outputs
// all show.
package describe

import (
	"strconv"
	"strings"
	"time"

	"cablereader/glossary"
	"cablereader/model"
)

// NoRouting is what a view says of a cable without a transmission header.
const NoRouting = "This record has no transmission header."

// LearnedMark follows a name that other cables of the archive give a
// routing indicator; LearnedNote says what it means.
const (
	LearnedMark = "*"
	LearnedNote = LearnedMark + " as other cables in the archive name it"
)

// Kind tells a view what a row's items are, so that it can lay them out.
type Kind int

const (
	Plain      Kind = iota // a value in words, or a list of lines in words
	Indicators             // the prosign line's routing indicators (Item.RI, Item.Name)
	Station                // the DE line: the originating station, serial, section and filing time
	Addressees             // TO or INFO lines (Item.RI, Name, Precedence, Serial, Except)
	AsFound                // lines as the cable has them, nothing decoded (the preamble)
)

// A Row is one labelled line of details: a value, or a list of items shown
// one under the other. Its text is as the cable has it, not yet made safe
// for a terminal: each view sanitises what it prints.
type Row struct {
	Kind  Kind
	Label string // "DE", "TAGS", "TO"
	Value string // the value, when Items is nil
	Items []Item // a list's entries
	// Learned says that a name in the row is one other cables of the
	// archive give, followed by LearnedMark.
	Learned bool
}

// An Item is one entry of a list: its text in words, and for a routing
// indicator or an addressee the parts a table shows.
type Item struct {
	Text       string   // the entry on one line: "RUEHKO (US Embassy Tokyo)"
	RI         string   // the routing indicator, "" when there is none
	Name       string   // the indicator's or the addressee's name, in words where known
	Learned    bool     // Name is one other cables of the archive give
	Precedence string   // an addressee's precedence, "" for routine
	Serial     string   // an addressee's serial
	Except     []string // the posts a collective addressee leaves out
}

// Transmission is the transmission header decoded: the prosign in words,
// the routing indicators and the originating station named, the filing
// time and the date-time group in words, the addressees one a line. other
// names the indicators that neither the cable nor the glossary does, as
// other cables of the archive name them; it may be nil. A cable without a
// header has no rows.
func Transmission(c *model.Cable, other func(ri string) (string, bool)) []Row {
	r := c.Routing
	if r == nil {
		return nil
	}
	var rows []Row
	add := func(label, value string) {
		if value != "" {
			rows = append(rows, Row{Label: label, Value: value})
		}
	}
	names := newNames(r, other)
	add("Transm. id", r.TransmissionID)
	if r.Prosign != "" {
		p := r.Prosign
		if w := glossary.PrecedenceWord(r.Prosign); w != "" {
			p += " · " + w + " (highest precedence in the message)"
		}
		add("Prosign", p)
	}
	if len(r.Indicators) > 0 {
		row := Row{Kind: Indicators, Label: "Indicators"}
		for _, ri := range r.Indicators {
			it := Item{Text: ri, RI: ri}
			it.Name, it.Learned = names.name(ri)
			if it.Name != "" {
				it.Text += " (" + it.Name + ")" + mark(it.Learned)
			}
			row.Learned = row.Learned || it.Learned
			row.Items = append(row.Items, it)
		}
		rows = append(rows, row)
	}
	if de, learned := deLine(c, names); de != "" {
		rows = append(rows, Row{Kind: Station, Label: "DE", Value: de, Learned: learned})
	}
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
			d += " · " + ReadableDate(c.Date)
		}
		add("DTG", d)
	}
	if len(r.To) > 0 {
		rows = append(rows, Row{Kind: Addressees, Label: "TO", Items: addressees(r.To)})
	}
	if len(r.Info) > 0 {
		rows = append(rows, Row{Kind: Addressees, Label: "INFO", Items: addressees(r.Info)})
	}
	return rows
}

// Extras are the details a cable's header has no room for: its caveats
// (each once), how many page breaks were taken out, what each TAGS item
// is, and the preamble of a dump.
func Extras(c *model.Cable) []Row {
	var rows []Row
	if cs := c.CaveatsOnce(); len(cs) > 0 {
		rows = append(rows, Row{Label: "Caveats", Value: strings.Join(cs, " ")})
	}
	if n := len(c.PageMarkers); n > 0 {
		v := strconv.Itoa(n) + " page breaks removed from the text"
		if n == 1 {
			v = "1 page break removed from the text"
		}
		rows = append(rows, Row{Label: "Pages", Value: v})
	}
	var tags []Item
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
		tags = append(tags, Item{Text: d})
	}
	for _, t := range c.Header.OtherTags {
		tags = append(tags, Item{Text: t + " · not a TAGS code"})
	}
	if len(tags) > 0 {
		rows = append(rows, Row{Label: "TAGS", Items: tags})
	}
	if len(c.Preamble) > 0 {
		row := Row{Kind: AsFound, Label: "Preamble"}
		for _, p := range c.Preamble {
			row.Items = append(row.Items, Item{Text: p})
		}
		rows = append(rows, row)
	}
	return rows
}

// deLine is the DE line in words: the originating station with its name,
// the serial, the section and when it was filed; learned says the
// station's name is one other cables give.
func deLine(c *model.Cable, names names) (line string, learned bool) {
	r := c.Routing
	var parts []string
	if r.Station != "" {
		s := r.Station
		n, l := names.name(r.Station)
		if n != "" {
			s += " (" + n + ")" + mark(l)
			learned = l
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
	return strings.Join(parts, " · "), learned
}

// addressees are TO or INFO lines in words: "RUEHC SECSTATE WASHDC —
// Secretary of State, Washington · IMMEDIATE · serial 7199".
func addressees(as []model.Addressee) []Item {
	items := make([]Item, 0, len(as))
	for _, a := range as {
		it := Item{RI: a.RI, Name: a.Name, Precedence: string(a.Precedence), Serial: a.Serial, Except: a.Exempt}
		if pla := glossary.PLA(a.Name); pla != "" && AddsWords(a.Name, pla) {
			it.Name += " — " + pla
		}
		parts := []string{strings.TrimSpace(a.RI + " " + it.Name)}
		if it.Precedence != "" {
			parts = append(parts, it.Precedence)
		}
		if it.Serial != "" {
			parts = append(parts, "serial "+it.Serial)
		}
		if len(it.Except) > 0 {
			parts = append(parts, "except "+strings.Join(it.Except, ", "))
		}
		it.Text = strings.Join(parts, " · ")
		items = append(items, it)
	}
	return items
}

// names names routing indicators: first the cable's own RI/PLA pairs (the
// best source, cable-format.md §1.2), then the glossary's table, then the
// names other cables of the archive give them (other; nil for a cable
// read alone).
type names struct {
	own   map[string]string
	other func(ri string) (string, bool)
}

func newNames(r *model.Routing, other func(string) (string, bool)) names {
	m := names{own: map[string]string{}, other: other}
	for _, as := range [][]model.Addressee{r.To, r.Info} {
		for _, a := range as {
			if a.RI == "" || a.Name == "" {
				continue
			}
			if old, ok := m.own[a.RI]; !ok {
				m.own[a.RI] = a.Name
			} else if !strings.Contains(old, a.Name) {
				m.own[a.RI] = old + " / " + a.Name
			}
		}
	}
	return m
}

// name is an indicator's name, "" when none is known; learned says it is
// the name other cables of the archive give it.
func (m names) name(ri string) (name string, learned bool) {
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

func mark(learned bool) string {
	if learned {
		return LearnedMark
	}
	return ""
}

// ReadableDate is a date-time in UTC with the day in words:
// "2009-11-02 07:23 UTC (Mon 2 Nov 2009)".
func ReadableDate(t time.Time) string {
	t = t.UTC()
	return t.Format("2006-01-02 15:04 UTC") + " (" + t.Format("Mon 2 Jan 2006") + ")"
}

// AddsWords reports whether a decoded name says more than the original:
// "US Embassy Bangkok" adds to "AMEMBASSY BANGKOK", "ASEAN MEMBER
// (collective)" adds nothing to "ASEAN MEMBER COLLECTIVE".
func AddsWords(orig, decoded string) bool {
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
