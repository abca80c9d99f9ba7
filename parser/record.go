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

// recordOpens are the names a record starts with: the cable's own
// TAGS: or SUBJECT: just above a record is not one of its fields.
var recordOpens = map[string]bool{"id": true, "date": true, "refid": true, "canonical id": true}

// opensRecord reports whether l is a record's first field line. It looks
// at the name before the colon before it runs recordField: most lines are
// turned away without it.
func opensRecord(l string) bool {
	k := strings.IndexByte(l, ':')
	if k < 2 || k > 12 {
		return false
	}
	name := l[:k]
	for open := range recordOpens {
		if strings.EqualFold(name, open) {
			return recordField.MatchString(l)
		}
	}
	return false
}

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
		if !opensRecord(lines[i]) {
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
	return plusdID.MatchString(s) || model.IsCableID(strings.ToUpper(s))
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

// recordDates are the layouts of a record's date: the 2011 site's (in
// the record, on a "Cable dated:" line), a cables.csv row's, a PlusD
// table's (its weekday cut off first).
var recordDates = []string{"1/2/2006 15:04", "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02 15:04", "2006 January 2, 15:04", "2006 Jan 2, 15:04"}

// recordDate returns the record's date, if it gives one in a known layout.
func (p *parser) recordDate() (time.Time, bool) {
	s := strings.TrimSpace(p.c.RecordValue("date"))
	if s == "" {
		s = strings.TrimSpace(p.c.RecordValue("cable dated"))
	}
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
			return model.ReadLevel(v)
		}
	}
	return model.LevelUnknown
}

// cableDated is the line some of the 2011 site's pages open the text
// with: the archive's record number and date, and the caption's fields
// run together after them on the one line ("ID:247169 Cable
// dated:2010-02-04T10:15:00C O N F I D E N T I A L LONDON
// 000255NOFORNSIPDISPLEASE PASS TO EEB/TRAE.O. 12958: …TAGS: …").
var cableDated = guard(`^(?:ID:\s*(\d+)\s+)?Cable dated:\s*(\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d)?)\]?`, has("Cable dated:"))

// takeCableDated takes the record's fields out of a "Cable dated:" line
// into the record and the line as written into the preamble, and returns
// the caption's fields that follow them, one a line; ok is false for any
// other line.
func (p *parser) takeCableDated(l string) (fields []string, ok bool) {
	m := cableDated.FindStringSubmatchIndex(l)
	if m == nil {
		return nil, false
	}
	// The line is kept whole: its date and the banner share a word
	// ("…10:15:00C O N F I D E N T I A L").
	p.c.Preamble = append(p.c.Preamble, l)
	if m[2] >= 0 {
		p.c.Record = append(p.c.Record, model.RecordField{Name: "ID", Value: l[m[2]:m[3]]})
	}
	p.c.Record = append(p.c.Record, model.RecordField{Name: "Cable dated", Value: l[m[4]:m[5]]})
	return splitCaption(strings.TrimSpace(l[m[1]:])), true
}

// keepCaption notes a caption line cut into fields, so that the header's
// lines hold it as written (headerLine) rather than its pieces.
func (p *parser) keepCaption(fields []string, written string) {
	if len(fields) < 2 {
		return
	}
	if p.caption == nil {
		p.caption = map[string]captionCut{}
	}
	p.caption[fields[0]] = captionCut{written, fields[1:]}
}

// captionCut is a caption line cut into pieces: the line as written and
// the pieces after the first.
type captionCut struct {
	written string
	rest    []string
}

// headerLine appends a caption line to the header's lines as written: the
// whole line for the first piece of a line cut by splitCaption, nothing
// for the pieces that follow it right after.
func (p *parser) headerLine(l string) {
	h := &p.c.Header
	if len(p.pending) > 0 && p.pending[0] == l {
		p.pending = p.pending[1:]
		return
	}
	p.pending = nil
	if cut, ok := p.caption[l]; ok {
		delete(p.caption, l)
		h.Lines = append(h.Lines, cut.written)
		p.pending = cut.rest
		return
	}
	h.Lines = append(h.Lines, l)
}

var (
	// captionBanner is a banner up to its station's six-digit serial, the
	// next field glued to it or not ("LIMA 003571SIPDIS").
	captionBanner = regexp.MustCompile(`^.{0,80}?[A-Z]\s+\d{6}`)
	// captionCaveat is a caveat written as a line of its own.
	captionCaveat = regexp.MustCompile(`^(?:SIPDIS|NOFORN|SENSITIVE|EXDIS|NODIS|LIMDIS)`)
	// captionField is where the next caption field starts inside a run:
	// the E.O. line (glued to the last word: "AGUILERAE.O. 12958"), TAGS,
	// SUBJECT, REF, Classified By.
	captionField = regexp.MustCompile(`E\.\s?O\.\s?1\d{4}|TAGS:|SUBJECT:|SUBJ:|REF:|Classified By:|CLASSIFIED BY:`)
)

// splitCaption cuts a caption whose fields were run together into its
// lines: the banner, each caveat, the passing line, E.O., TAGS, SUBJECT.
func splitCaption(s string) []string {
	if s == "" {
		return nil
	}
	var out []string
	if m := captionBanner.FindStringIndex(s); m != nil {
		out = append(out, s[:m[1]])
		s = strings.TrimSpace(s[m[1]:])
	}
	for {
		m := captionCaveat.FindStringIndex(s)
		if m == nil {
			break
		}
		out = append(out, s[:m[1]])
		s = strings.TrimSpace(s[m[1]:])
	}
	for s != "" {
		m := captionField.FindAllStringIndex(s, 2)
		cut := len(s)
		for _, x := range m {
			if x[0] > 0 {
				cut = x[0]
				break
			}
		}
		out = append(out, strings.TrimSpace(s[:cut]))
		s = strings.TrimSpace(s[cut:])
	}
	return out
}

// gluedCaption returns the fields of a caption line whose banner has the
// next fields run onto it ("S E C R E T CAIRO 000326FOR NEA AND HE.O.
// 12958: DECL: 02/23/2019"), one a line, or nil for a line that is not
// one.
func gluedCaption(l string) []string {
	if len(l) < 20 || !strings.ContainsAny(l[:1], "CSTUL") || !(strings.Contains(l, "E.O.") || strings.Contains(l, "TAGS:") || strings.Contains(l, "SIPDIS") || strings.Contains(l, "NOFORN")) {
		return nil
	}
	m := captionBanner.FindStringIndex(l)
	if m == nil || m[1] == len(l) || !banner.MatchString(l[:m[1]]) {
		return nil
	}
	if !isLetter(l[m[1]]) {
		return nil // the next field after a space: a caption on one line, read as it is
	}
	return splitCaption(l)
}

// subjectRunOn is Classified By glued to a subject's last word
// ("… VISIT TO BAHRAINClassified By: …").
var subjectRunOn = guard(`Classified By:`, has("Classified By:"))
