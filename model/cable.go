// Package model holds the data types of a parsed diplomatic cable and the
// vocabulary they are read in: the classification levels and caveat words
// (classification.go), the cable id's shape (id.go) and the one list of
// header fields every view shows (fields.go).
//
// The types follow the cable's own grammar: a transmission header
// (Routing), a caption block (Header) and a body of paragraphs. They carry
// meaning rather than raw strings where the cable gives it (a Classification
// knows its level, a Paragraph knows its highlighted spans). The package does
// no I/O and knows nothing about terminals.
package model

import (
	"strings"
	"time"
)

// Cable is one parsed cable. Every line of the input is held by some field:
// Preamble, Routing.Lines, Header.Lines, the paragraphs (Label, Heading,
// Text), Signature, PageMarkers, Trailer or Unplaced.
type Cable struct {
	// ID is the canonical reference id (09TOKYO2531). Without a date-time
	// group the year is left off (BRASILIA4227) rather than guessed.
	ID string
	// Origin is the FM line's originator (AMEMBASSY TOKYO).
	Origin string
	// Date is the date-time group in UTC; zero when the record has none.
	Date           time.Time
	Precedence     Precedence
	Classification Classification
	// Caveats are handling and distribution words as found (SIPDIS,
	// NOFORN, SENSITIVE), in order, duplicates kept.
	Caveats []string
	Section Section
	// Partial is set when the record says it is a partial extract or is
	// visibly cut off.
	Partial bool

	// Preamble holds metadata lines that some dumps put above the cable
	// (id, subject, date, classification, origin), the lines of an
	// archive's record (Record) and a page's second copy of the routing
	// header: kept as found.
	Preamble []string
	// Record is the metadata an archive publishes with the cable (the
	// 2011 site's "id: … refid: … header:" block, a cables.csv row, a
	// PlusD page's table), field by field in the archive's own words; nil
	// when the input carries none. The parser takes the id, date and
	// classification from it where the text gives none.
	Record []RecordField
	// CanonicalID is the PlusD library's id of the record
	// (1974ATHENS02959_b), beside ID; "" for other archives.
	CanonicalID string
	// Routing is the transmission header; nil when the record has none.
	Routing *Routing
	Header  Header
	Body    []Paragraph
	// Signature is the releasing officer's name at the end (ROOS).
	Signature   string
	PageMarkers []PageMarker
	// Trailer holds teletype leftovers after the text (NNNN, BT, #2531).
	Trailer []string
	// Unplaced holds every input line the parser could not place.
	Unplaced []string
	// Notices say what was odd about the input (for a reader, not a parser).
	Notices []string
}

// RecordField is one field of an archive's record: its name as the
// archive writes it (refid, Original Classification) and its value.
type RecordField struct {
	Name, Value string
}

// RecordValue returns the value of the record's field named name (ASCII
// case aside), or "".
func (c *Cable) RecordValue(name string) string {
	for _, f := range c.Record {
		if strings.EqualFold(f.Name, name) {
			return f.Value
		}
	}
	return ""
}

// HasDate reports whether the cable carries a date-time group.
func (c *Cable) HasDate() bool { return !c.Date.IsZero() }

// Numbered returns the numbered paragraphs' indexes into Body, in order.
func (c *Cable) Numbered() []int {
	var idx []int
	for i, p := range c.Body {
		if p.Number > 0 {
			idx = append(idx, i)
		}
	}
	return idx
}

// Section is the transmission section from "SECTION 01 OF 02".
type Section struct {
	Number, Total int
}

// Precedence is how fast a cable must be handled.
type Precedence string

const (
	Flash     Precedence = "FLASH"
	Immediate Precedence = "IMMEDIATE"
	Priority  Precedence = "PRIORITY"
	Routine   Precedence = "ROUTINE"
)

// PrecedenceFromLetter maps the ACP-127 letter (Z, O, P, R) to a word.
func PrecedenceFromLetter(letter string) Precedence {
	switch letter {
	case "Z", "ZZ":
		return Flash
	case "O", "OO":
		return Immediate
	case "P", "PP":
		return Priority
	case "R", "RR":
		return Routine
	}
	return ""
}

// Header is the caption block at the top of the body: banner, caveats,
// passing lines, E.O., TAGS, SUBJECT, REF and Classified By.
type Header struct {
	// Lines are the front-matter lines as written (page markers left out),
	// including a front matter repeated at a later section start.
	Lines   []string
	Passing []string
	EO      *EO
	// Tags are the TAGS line's codes, in order (PGOV, KTIP, JA).
	Tags []string
	// OtherTags are the TAGS line's items that are no TAGS code: a name, a
	// place or a topic written out (ZANU-PF, ADANA, COUNTER TERRORISM), or
	// a code mistyped past recognition, as written and in order.
	OtherTags    []string
	Subject      string
	References   []Reference
	ClassifiedBy *ClassifiedBy
}

// EO is the declassification line (E.O. 12958: DECL: 11/02/2019).
type EO struct {
	Order string // 12958
	// Declassify is an ISO date (2019-11-02), or the words as written
	// (OADR, GDS), or "" for N/A.
	Declassify string
	Text       string
}

// ClassifiedBy names the classifying official and the E.O. reasons.
type ClassifiedBy struct {
	Authority string   // DCM James P. Zumwalt
	Reasons   []string // 1.4(b), 1.4(d)
	Text      string
}

// Reference is one REF item.
type Reference struct {
	Label string // A, B, … or "" when unlettered
	Text  string // as written
	// ID is the canonical id of the cited cable, "" when the item cites
	// no cable (an e-mail, a report, a DTG).
	ID string
}

// PageMarker is a page break of the printed cable, removed from the text.
type PageMarker struct {
	Text        string // as found, lines joined with "\n"
	Page, Total int    // 0 when the marker does not say
}

// Paragraph is one block of the body: a numbered paragraph, or unnumbered
// text (a lead-in, a quoted block in a cable without numbers).
type Paragraph struct {
	Number  int    // 0 for unnumbered text
	Label   string // as written: "11.", "¶1.", "1."
	Marking string // portion marking without parentheses: C, S/NF, SBU
	// Heading is the heading that stands just before the paragraph.
	Heading string
	// Text has page markers removed and split sentences rejoined. Hard
	// wrapped lines are joined; a "\n" separates sub-items and table rows,
	// and "\n\n" separates blocks inside the paragraph.
	Text  string
	Spans []Span
}

// SpanKind is the kind of a highlighted block.
type SpanKind string

const (
	Summary SpanKind = "SUMMARY"
	Comment SpanKind = "COMMENT"
	Note    SpanKind = "NOTE"
)

// Span is a SUMMARY, COMMENT or NOTE block inside a paragraph's text. A
// block that runs across paragraphs gives one span in each of them.
type Span struct {
	Kind SpanKind
	// Start and End are byte offsets into the paragraph's Text of the whole
	// block, labels and parentheses included.
	Start, End int
	// Text is the content between the opening and closing labels, trimmed.
	Text string
}

// Routing is the ACP-127 transmission header.
type Routing struct {
	TransmissionID string   // VZCZCXRO5973
	Prosign        string   // OO: the highest precedence, doubled
	Indicators     []string // routing indicators on the prosign line
	Station        string   // DE line: originating station's RI
	Serial         string   // DE line: station serial number
	SectionNumber  string   // DE line: /01
	Julian         string   // DE line: day of year and filing time, 3060723
	Security       string   // ZNY CCCCC ZZH
	DTG            string   // 020723Z NOV 09
	To, Info       []Addressee
	// Lines are the raw header lines, in order.
	Lines []string
}

// Addressee is one TO or INFO line.
type Addressee struct {
	RI         string // routing indicator, "" when the line has none
	Name       string // plain-language address
	Precedence Precedence
	Serial     string // message continuity number
	// Exempt lists posts of a collective that must not get the cable (XMT).
	Exempt []string
}
