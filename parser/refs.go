package parser

import (
	"regexp"
	"strconv"
	"strings"

	"cablereader/glossary"
	"cablereader/model"
)

var (
	// refLabel is a bullet that starts a REF item: "A.", "A)", "(A)".
	refLabel = regexp.MustCompile(`(?:^|[\s;,:])¶?(?:\(([A-Za-z])\)|([A-Za-z])[.):])\s+`)
	// refLabelAgain is the label written a second time ("A. A) BAKU 897").
	refLabelAgain = regexp.MustCompile(`^(?:\(([A-Za-z])\)|([A-Za-z])[.):])\s+`)
	// refCable is a cited cable: optional year, station, serial.
	refCable = regexp.MustCompile(`(?i)^\s*(?:\(?(\d{4}|\d{2})\)?\s+)?([A-Z][A-Z .'-]{1,24}?)\s+0*(\d{1,7})\b(/)?`)
	// yearAfter is a year written after the serial: "DOHA 152 (08)".
	yearAfter = regexp.MustCompile(`^\s*[A-Za-z][A-Za-z .'-]*\s+\d{1,7}\s*\((\d{2}|\d{4})\)`)
	// notCable marks REF items that cite something other than a cable.
	notCable = regexp.MustCompile(`(?i)\b(?:E-?MAIL|EMAILS?|MEMO|IIR|UNSCR|TD-|OSC|FAX|LETTER|TELCON|DIPNOTE|NOTE|REPORT|RESOLUTION|PARA|PARAGRAPH)\b`)
)

// readReferences splits the REF text into items and reads the cited cable
// of each. Items are lettered ("A. STATE 12345 B. TOKYO 2222") or separated
// by ";" or ":" ("TEHRAN 1091: TEHRAN 263").
func (p *parser) readReferences(text string) []model.Reference {
	text = strings.Join(strings.Fields(text), " ")
	var items []model.Reference
	locs := refLabel.FindAllStringSubmatchIndex(text, -1)
	if len(locs) > 0 && strings.TrimSpace(text[:locs[0][0]]) == "" {
		for k, l := range locs {
			end := len(text)
			if k+1 < len(locs) {
				end = locs[k+1][0]
			}
			label := ""
			if l[2] >= 0 {
				label = text[l[2]:l[3]]
			} else {
				label = text[l[4]:l[5]]
			}
			item := strings.Trim(strings.TrimSpace(text[l[1]:end]), ",;")
			if m := refLabelAgain.FindStringSubmatch(item); m != nil && strings.EqualFold(m[1]+m[2], label) {
				item = item[len(m[0]):] // "A. (A) PARIS 7682": the label written twice
			}
			items = append(items, model.Reference{Label: strings.ToUpper(label), Text: item})
		}
	} else {
		for _, part := range strings.FieldsFunc(text, func(r rune) bool { return r == ';' || r == ':' }) {
			if part = strings.Trim(strings.TrimSpace(part), ",."); part != "" {
				items = append(items, model.Reference{Text: part})
			}
		}
	}
	for k := range items {
		items[k].ID = p.citedID(items[k].Text)
	}
	return items
}

// citedID returns the canonical id of the cable an item cites, or "" when
// it cites none or the year cannot be known.
func (p *parser) citedID(item string) string {
	loc := refCable.FindStringSubmatchIndex(item)
	if loc == nil || loc[8] >= 0 || notCable.MatchString(item[:loc[1]]) {
		return "" // what follows the serial ("STATE 81957: REPORT OF …") is its title
	}
	m := make([]string, 5)
	for k := range m {
		if loc[2*k] >= 0 {
			m[k] = item[loc[2*k]:loc[2*k+1]]
		}
	}
	station := stationKey(m[2])
	if station == "" || strings.Contains(station, "XXXX") || len(strings.Fields(m[2])) > 3 {
		return ""
	}
	year := m[1]
	if y := yearAfter.FindStringSubmatch(item); y != nil && year == "" {
		year = y[1] // "DOHA 152 (08)"
	}
	switch {
	case len(year) == 4:
		year = year[2:]
	case year == "" && !p.c.Date.IsZero():
		year = p.c.Date.Format("06")
	case year == "":
		return ""
	}
	serial, _ := strconv.Atoi(m[3])
	if serial == 0 {
		return ""
	}
	return year + station + strconv.Itoa(serial)
}

// stationKey turns a station as written ("SAO PAULO", "SECSTATE") into the
// form used in reference ids ("SAOPAULO", "STATE").
func stationKey(s string) string {
	var b strings.Builder
	for _, r := range strings.ToUpper(s) {
		if r >= 'A' && r <= 'Z' {
			b.WriteRune(r)
		}
	}
	k := b.String()
	if k == "SECSTATE" || k == "SECSTATEWASHDC" {
		return "STATE"
	}
	if canon, ok := glossary.CanonicalStation(k); ok {
		return canon
	}
	return k
}

func atoi(s string) int {
	n, _ := strconv.Atoi(strings.TrimSpace(s))
	return n
}
