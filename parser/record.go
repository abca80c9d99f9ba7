package parser

import (
	"regexp"
	"strings"
	"time"

	"cablereader/model"
)

// An archive's record is the metadata it publishes with a cable, written
// above the text as one field a line:
//
//	id: 31335
//	date: 4/22/2005 15:47
//	refid: 05BOGOTA3863
//	origin: Embassy Bogota
//	classification: SECRET
//	destination: 05BOGOTA1531|05BOGOTA555
//	header:
//	VZCZCXYZ0000 …            (the cable's routing header)
//	----------------- header ends ----------------
//
// The 2011 site's pages carry it so, input decodes a cables.csv row into
// the same lines, and a PlusD page's table into fields of its own names
// (Canonical ID: 1974ATHENS02959_b, Date: 1974 May 17, 16:00 (Friday), …)
// closed by a blank line. The fields are the archive's own: the parser
// takes the id, the date and the classification from them where the text
// gives none, and keeps their lines in the preamble, never as paragraphs.

// recordField is one line of a record: a field name of letters and spaces,
// a colon, the value.
var recordField = regexp.MustCompile(`^([A-Za-z][A-Za-z ]{0,30}):(?:\s+(.*?))?\s*$`)

// recordEnd is the line the 2011 site closes the record's header copy with.
var recordEnd = regexp.MustCompile(`^-{5,}\s*header ends\s*-{5,}$`)

// recordKeys are the names that make a run of field lines a record: one of
// them must be there, with an id for its value.
var recordKeys = map[string]bool{"refid": true, "canonical id": true}

// recordStart is how far down a page the record may start: below a copy of
// the routing header at most.
const recordStart = 200

// takeRecord finds an archive's record near the top of lines, moves its
// lines to the preamble and its fields to the cable's Record, and returns
// the lines left. When the record holds a copy of the routing header and
// the page gave the same header above the record, that first copy is moved
// to the preamble too: the page shows the header twice, the cable has it once.
func (p *parser) takeRecord(lines []string) []string {
	start, end, header := -1, -1, -1
	for i := 0; i < len(lines) && i < recordStart; i++ {
		if !recordField.MatchString(lines[i]) {
			continue
		}
		j, hasID := i, false
		for ; j < len(lines); j++ {
			m := recordField.FindStringSubmatch(lines[j])
			if m == nil {
				break
			}
			name := strings.ToLower(m[1])
			if recordKeys[name] && idLike(m[2]) {
				hasID = true
			}
			if name == "header" && m[2] == "" {
				header = j
				j++
				break
			}
		}
		if hasID {
			start, end = i, j
			break
		}
		header = -1
		i = j
	}
	if start < 0 {
		return lines
	}
	for _, l := range lines[start:end] {
		if m := recordField.FindStringSubmatch(l); m != nil && (header < 0 || l != lines[header]) {
			p.c.Record = append(p.c.Record, model.RecordField{Name: m[1], Value: m[2]})
		}
	}
	closing := -1
	if header >= 0 {
		for k := end; k < len(lines) && k < end+recordStart; k++ {
			if recordEnd.MatchString(strings.TrimSpace(lines[k])) {
				closing = k
				break
			}
		}
	}
	out := make([]string, 0, len(lines))
	before := lines[:start]
	if closing >= 0 && start > 0 && sameText(before, lines[end:closing]) && !partialOnly(before) {
		p.c.Preamble = append(p.c.Preamble, before...)
		before = nil
	}
	out = append(out, before...)
	p.c.Preamble = append(p.c.Preamble, lines[start:end]...)
	if closing >= 0 {
		out = append(out, lines[end:closing]...)
		p.c.Preamble = append(p.c.Preamble, lines[closing])
		out = append(out, lines[closing+1:]...)
	} else {
		out = append(out, lines[end:]...)
	}
	return out
}

// idLike reports whether a record's id field holds a cable id (05BOGOTA3863,
// 1974ATHENS02959_b).
func idLike(s string) bool {
	return plusdID.MatchString(s) || cableID.MatchString(strings.ToUpper(s))
}

// plusdID is a PlusD canonical id: a four-digit year, the station, the
// serial, and a letter for the copy (1974ATHENS02959_b).
var plusdID = regexp.MustCompile(`^(1[89]\d\d|20\d\d)([A-Z][A-Z0-9]*?[A-Z])0*(\d+)(?:_[a-z0-9]+)?$`)

// sameText reports whether two runs of lines hold the same words, blank
// lines and spacing aside.
func sameText(a, b []string) bool {
	fa, fb := strings.Fields(strings.Join(a, "\n")), strings.Fields(strings.Join(b, "\n"))
	if len(fa) == 0 || len(fa) != len(fb) {
		return false
	}
	for i := range fa {
		if fa[i] != fb[i] {
			return false
		}
	}
	return true
}

// partialOnly reports whether lines hold nothing but the partial-extract
// notice: that is the cable's own first line, not a copy to set aside.
func partialOnly(lines []string) bool {
	for _, l := range lines {
		if strings.TrimSpace(l) != "" && !partial.MatchString(l) {
			return false
		}
	}
	return true
}

// recordID returns the Cablegate-style id the record gives (the refid, or
// the PlusD canonical id written as one: 1974ATHENS02959_b is
// 74ATHENS2959) and sets the cable's CanonicalID from a PlusD id.
func (p *parser) recordID() string {
	c := p.c
	if id := strings.TrimSpace(c.RecordValue("refid")); id != "" {
		return id
	}
	id := strings.TrimSpace(c.RecordValue("canonical id"))
	m := plusdID.FindStringSubmatch(id)
	if m == nil {
		return ""
	}
	c.CanonicalID = id
	return m[1][2:] + m[2] + m[3]
}

// recordDates are the layouts of a record's date: the 2011 site's, a
// cables.csv row's, a PlusD table's (its weekday cut off first).
var recordDates = []string{"1/2/2006 15:04", "2006-01-02 15:04:05", "2006-01-02 15:04", "2006 January 2, 15:04", "2006 Jan 2, 15:04"}

// recordDate returns the record's date, if it gives one in a known layout.
func (p *parser) recordDate() (time.Time, bool) {
	s := strings.TrimSpace(p.c.RecordValue("date"))
	if i := strings.Index(s, " ("); i > 0 {
		s = s[:i]
	}
	for _, layout := range recordDates {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// recordLevel returns the classification the record gives (PlusD's
// original one, not today's).
func (p *parser) recordLevel() model.Level {
	for _, name := range []string{"classification", "original classification"} {
		if v := p.c.RecordValue(name); v != "" {
			return levelOf(v)
		}
	}
	return model.LevelUnknown
}
