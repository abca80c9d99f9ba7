package model

import (
	"strconv"
	"strings"
)

// FieldKey names a header field, so that a view can find one field in the
// list and add to it (a post's name in words, a TAGS code's meaning).
type FieldKey int

const (
	FieldFrom        FieldKey = iota + 1 // the originator
	FieldTo                              // the first addressee and how many more
	FieldAttention                       // the passing lines (DEPARTMENT FOR G/TIP: …)
	FieldSubject                         // the subject
	FieldTags                            // the TAGS codes, then the other items
	FieldReferences                      // the REF items
	FieldClassified                      // who classified it, why, and until when
	FieldEO                              // the E.O. line, when no one is named as classifier
	FieldCanonicalID                     // the PlusD library's id of the record
)

// HeaderField is one labelled row of a cable's header as a reader sees it.
type HeaderField struct {
	Key   FieldKey
	Label string // "From", "Subject", "References"
	// Value is the whole field on one line: list items are joined with
	// "; " and line breaks of the input are spaces. It is never "".
	Value string
	// Items are a list field's entries (references, passing lines), one
	// each; nil for a field that is one value.
	Items []string
}

// HeaderFields lists the cable's header fields in the order a reader
// shows them, leaving out the ones the cable does not have. Values are as
// the cable has them (only line breaks made spaces), not yet made safe for
// a terminal: each view sanitises what it prints.
func (c *Cable) HeaderFields() []HeaderField {
	var fs []HeaderField
	add := func(key FieldKey, label, value string) {
		if value = oneLine(value); value != "" {
			fs = append(fs, HeaderField{Key: key, Label: label, Value: value})
		}
	}
	addList := func(key FieldKey, label string, items []string) {
		var keep []string
		for _, it := range items {
			if it = oneLine(it); it != "" {
				keep = append(keep, it)
			}
		}
		if len(keep) > 0 {
			fs = append(fs, HeaderField{Key: key, Label: label, Value: strings.Join(keep, "; "), Items: keep})
		}
	}
	add(FieldFrom, "From", c.Origin)
	add(FieldTo, "To", c.toLine())
	addList(FieldAttention, "Attention", c.Header.Passing)
	add(FieldSubject, "Subject", c.Header.Subject)
	add(FieldTags, "TAGS", c.Header.TagsLine())
	refs := make([]string, 0, len(c.Header.References))
	for _, r := range c.Header.References {
		refs = append(refs, r.line())
	}
	addList(FieldReferences, "References", refs)
	if cl := c.classifiedLine(); cl != "" {
		add(FieldClassified, "Classified", cl)
	} else {
		add(FieldEO, "E.O.", c.declassLine())
	}
	add(FieldCanonicalID, "PlusD ID", c.CanonicalID)
	return fs
}

// Banner is the classification with the caveats after it, each once
// whatever its case, in the spelling it first has: "UNCLASSIFIED ·
// SENSITIVE · SIPDIS", "SECRET//NOFORN · SIPDIS". Without a marked level
// it is the caveats alone, or "".
func (c *Cable) Banner() string {
	var parts []string
	seen := map[string]bool{}
	if m := c.Marking(); m != "" {
		parts = append(parts, m)
		for _, q := range c.Classification.Qualifiers {
			seen[strings.ToUpper(oneLine(q))] = true
		}
		if c.NoForn() {
			seen["NOFORN"] = true
		}
	}
	for _, cv := range c.CaveatsOnce() {
		if !seen[strings.ToUpper(cv)] {
			parts = append(parts, cv)
		}
	}
	return strings.Join(parts, " · ")
}

// CaveatsOnce are the caveats each once whatever its case, in the
// spelling it first has, on one line: a cable that writes SIPDIS under
// the banner of each section has the caveat SIPDIS.
func (c *Cable) CaveatsOnce() []string {
	var out []string
	seen := map[string]bool{}
	for _, cv := range c.Caveats {
		cv = oneLine(cv)
		k := strings.ToUpper(cv)
		if cv == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, cv)
	}
	return out
}

// toLine is the first addressee, TO then INFO, and how many more there are:
// "SECSTATE WASHDC +18 more".
func (c *Cable) toLine() string {
	r := c.Routing
	if r == nil {
		return ""
	}
	all := append(append([]Addressee(nil), r.To...), r.Info...)
	if len(all) == 0 {
		return ""
	}
	s := oneLine(all[0].Name)
	if s == "" {
		s = oneLine(all[0].RI)
	}
	if n := len(all) - 1; n > 0 {
		s += " +" + strconv.Itoa(n) + " more"
	}
	return s
}

// line is a reference as one line: "A. STATE 12345 (09STATE12345)", the id
// added when the text does not already show it.
func (r Reference) line() string {
	p := oneLine(r.Text)
	if r.Label != "" {
		p = oneLine(r.Label) + ". " + p
	}
	if r.ID != "" && !strings.Contains(p, r.ID) {
		p += " (" + r.ID + ")"
	}
	return p
}

// classifiedLine is "by DCM James P. Zumwalt · reasons 1.4(b), 1.4(d) ·
// declassify 2019-11-02"; "" without a Classified By line.
func (c *Cable) classifiedLine() string {
	cb := c.Header.ClassifiedBy
	if cb == nil {
		return ""
	}
	var parts []string
	if a := oneLine(cb.Authority); a != "" {
		parts = append(parts, "by "+a)
	}
	if len(cb.Reasons) > 0 {
		parts = append(parts, "reasons "+strings.Join(cb.Reasons, ", "))
	}
	if t := oneLine(cb.Text); len(parts) == 0 && t != "" {
		parts = append(parts, t)
	}
	if d := c.declassLine(); d != "" {
		parts = append(parts, d)
	}
	return strings.Join(parts, " · ")
}

// declassLine is the E.O. line's declassification date or code
// ("declassify 2019-11-02", "declassify OADR"), or the line as written when
// it says more in words.
func (c *Cable) declassLine() string {
	eo := c.Header.EO
	if eo == nil {
		return ""
	}
	if d := eo.Declassify; d != "" && !strings.ContainsAny(d, " ;,") {
		return "declassify " + d
	}
	return eo.Text
}

// oneLine trims s and, when it holds a line break or a tab, makes each
// run of ASCII white space one space.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\n\r\t\v\f") {
		return strings.TrimSpace(s)
	}
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return r == ' ' || r == '\n' || r == '\r' || r == '\t' || r == '\v' || r == '\f'
	}), " ")
}

// TagsLine is the TAGS line to show: the codes, then any items that are no
// code after a middle dot ("PGOV PINS ZI · MDC, ZANU-PF").
func (h Header) TagsLine() string {
	s := strings.Join(h.Tags, " ")
	if len(h.OtherTags) > 0 {
		if s != "" {
			s += " · "
		}
		s += strings.Join(h.OtherTags, ", ")
	}
	return s
}
