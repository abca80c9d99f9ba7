package parser

import (
	"strings"

	"cablereader/model"
)

// own gives the cable its own copy of every string the parser cut from the
// input text, so that the text, as large as the input, can be collected
// once the cable is parsed: a ten-byte label cut from a 200 MB text would
// keep all of it. The copies share one allocation of their total size. A
// paragraph's text and its spans are built apart from the input
// (joinBlocks) and are left as they are.
func own(c *model.Cable) {
	total := 0
	eachString(c, func(s *string) { total += len(*s) })
	var b strings.Builder
	b.Grow(total)
	eachString(c, func(s *string) { b.WriteString(*s) })
	all := b.String()
	eachString(c, func(s *string) {
		n := len(*s)
		if n > 0 {
			*s, all = all[:n], all[n:]
		}
	})
}

// eachString calls f with every string of c but the paragraphs' texts and
// spans, always in the same order.
func eachString(c *model.Cable, f func(*string)) {
	all := func(l []string) {
		for i := range l {
			f(&l[i])
		}
	}
	prec := func(p *model.Precedence) {
		s := string(*p)
		f(&s)
		*p = model.Precedence(s)
	}
	f(&c.ID)
	f(&c.Origin)
	prec(&c.Precedence)
	f(&c.Classification.Text)
	all(c.Classification.Qualifiers)
	all(c.Caveats)
	all(c.Preamble)
	f(&c.CanonicalID)
	for i := range c.Record {
		f(&c.Record[i].Name)
		f(&c.Record[i].Value)
	}
	if r := c.Routing; r != nil {
		for _, p := range []*string{&r.TransmissionID, &r.Prosign, &r.Station, &r.Serial, &r.SectionNumber, &r.Julian, &r.Security, &r.DTG} {
			f(p)
		}
		all(r.Indicators)
		for _, as := range [][]model.Addressee{r.To, r.Info} {
			for i := range as {
				a := &as[i]
				f(&a.RI)
				f(&a.Name)
				prec(&a.Precedence)
				f(&a.Serial)
				all(a.Exempt)
			}
		}
		all(r.Lines)
	}
	h := &c.Header
	all(h.Lines)
	all(h.Passing)
	if eo := h.EO; eo != nil {
		f(&eo.Order)
		f(&eo.Declassify)
		f(&eo.Text)
	}
	all(h.Tags)
	all(h.OtherTags)
	f(&h.Subject)
	for i := range h.References {
		r := &h.References[i]
		f(&r.Label)
		f(&r.Text)
		f(&r.ID)
	}
	if cb := h.ClassifiedBy; cb != nil {
		f(&cb.Authority)
		all(cb.Reasons)
		f(&cb.Text)
	}
	for i := range c.Body {
		p := &c.Body[i]
		f(&p.Label)
		f(&p.Marking)
		f(&p.Heading)
	}
	f(&c.Signature)
	for i := range c.PageMarkers {
		f(&c.PageMarkers[i].Text)
	}
	all(c.Trailer)
	all(c.Unplaced)
	all(c.Notices)
}
