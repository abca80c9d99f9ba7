// Package output writes a parsed cable for scripts and pipes: JSON,
// plain text and Markdown.
package output

import (
	"bytes"
	"encoding/json"
	"io"
	"time"

	"cablereader/model"
	"cablereader/sanitize"
)

// The types below are the JSON contract (docs/json.md). A field the cable
// does not have is null or [], never omitted, so they use pointers and
// non-nil slices rather than omitempty.

type jsonCable struct {
	ID             *string         `json:"id"`
	Classification *string         `json:"classification"`
	Caveats        []string        `json:"caveats"`
	Origin         *string         `json:"origin"`
	Date           *string         `json:"date"`
	Precedence     *string         `json:"precedence"`
	Subject        *string         `json:"subject"`
	Tags           []string        `json:"tags"`
	References     []jsonReference `json:"references"`
	To             []jsonAddressee `json:"to"`
	Info           []jsonAddressee `json:"info"`
	Routing        *jsonRouting    `json:"routing"`
	HeaderLines    []string        `json:"header_lines"`
	Passing        []string        `json:"passing"`
	EO             *jsonEO         `json:"eo"`
	ClassifiedBy   *jsonClassified `json:"classified_by"`
	Section        *jsonSection    `json:"section"`
	Paragraphs     []jsonParagraph `json:"paragraphs"`
	Signature      *string         `json:"signature"`
	Partial        bool            `json:"partial"`
	PageMarkers    []string        `json:"page_markers"`
	Unplaced       []string        `json:"unplaced"`
	Preamble       []string        `json:"preamble"`
	Trailer        []string        `json:"trailer"`
	Notices        []string        `json:"notices"`
}

type jsonReference struct {
	Label *string `json:"label"`
	Text  string  `json:"text"`
	ID    *string `json:"id"`
}

type jsonAddressee struct {
	RI         *string  `json:"ri"`
	Name       string   `json:"name"`
	Precedence *string  `json:"precedence"`
	Serial     *string  `json:"serial"`
	Exempt     []string `json:"exempt"`
}

type jsonRouting struct {
	TransmissionID *string  `json:"transmission_id"`
	Precedence     *string  `json:"precedence"`
	Indicators     []string `json:"indicators"`
	Station        *string  `json:"station"`
	Serial         *string  `json:"serial"`
	Section        *string  `json:"section"`
	Julian         *string  `json:"julian"`
	Security       *string  `json:"security"`
	DTG            *string  `json:"dtg"`
	Lines          []string `json:"lines"`
}

type jsonEO struct {
	Order      *string `json:"order"`
	Declassify *string `json:"declassify"`
	Text       string  `json:"text"`
}

type jsonClassified struct {
	Authority *string  `json:"authority"`
	Reasons   []string `json:"reasons"`
	Text      string   `json:"text"`
}

type jsonSection struct {
	Number int `json:"number"`
	Total  int `json:"total"`
}

type jsonParagraph struct {
	Number  *int       `json:"number"`
	Label   *string    `json:"label"`
	Marking *string    `json:"marking"`
	Heading *string    `json:"heading"`
	Text    string     `json:"text"`
	Spans   []jsonSpan `json:"spans"`
}

type jsonSpan struct {
	Kind  string `json:"kind"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// str is nil for "", so that absent values come out as null.
func str(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// list never returns nil, so that absent lists come out as [].
func list(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func addressees(as []model.Addressee) []jsonAddressee {
	out := make([]jsonAddressee, 0, len(as))
	for _, a := range as {
		out = append(out, jsonAddressee{str(a.RI), a.Name, str(string(a.Precedence)), str(a.Serial), list(a.Exempt)})
	}
	return out
}

// JSON writes the cable in the documented JSON form, indented.
func JSON(w io.Writer, c *model.Cable) error {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(toJSON(c)); err != nil {
		return err
	}
	// The text stays exact; what a terminal would act on is escaped.
	_, err := w.Write(sanitize.JSON(b.Bytes()))
	return err
}

func toJSON(c *model.Cable) jsonCable {
	j := jsonCable{
		ID:             str(c.ID),
		Classification: str(c.Classification.String()),
		Caveats:        list(c.Caveats),
		Origin:         str(c.Origin),
		Precedence:     str(string(c.Precedence)),
		Subject:        str(c.Header.Subject),
		Tags:           list(c.Header.Tags),
		References:     []jsonReference{},
		To:             []jsonAddressee{},
		Info:           []jsonAddressee{},
		HeaderLines:    list(c.Header.Lines),
		Passing:        list(c.Header.Passing),
		Paragraphs:     make([]jsonParagraph, 0, len(c.Body)),
		Signature:      str(c.Signature),
		Partial:        c.Partial,
		PageMarkers:    make([]string, 0, len(c.PageMarkers)),
		Unplaced:       list(c.Unplaced),
		Preamble:       list(c.Preamble),
		Trailer:        list(c.Trailer),
		Notices:        list(c.Notices),
	}
	if c.HasDate() {
		j.Date = str(c.Date.UTC().Format(time.RFC3339))
	}
	for _, r := range c.Header.References {
		j.References = append(j.References, jsonReference{str(r.Label), r.Text, str(r.ID)})
	}
	if r := c.Routing; r != nil {
		j.To, j.Info = addressees(r.To), addressees(r.Info)
		j.Routing = &jsonRouting{str(r.TransmissionID), str(r.Prosign), list(r.Indicators), str(r.Station),
			str(r.Serial), str(r.SectionNumber), str(r.Julian), str(r.Security), str(r.DTG), list(r.Lines)}
	}
	if eo := c.Header.EO; eo != nil {
		j.EO = &jsonEO{str(eo.Order), str(eo.Declassify), eo.Text}
	}
	if cb := c.Header.ClassifiedBy; cb != nil {
		j.ClassifiedBy = &jsonClassified{str(cb.Authority), list(cb.Reasons), cb.Text}
	}
	if c.Section.Number > 0 {
		j.Section = &jsonSection{c.Section.Number, c.Section.Total}
	}
	for _, p := range c.Body {
		jp := jsonParagraph{Label: str(p.Label), Marking: str(p.Marking), Heading: str(p.Heading), Text: p.Text, Spans: []jsonSpan{}}
		if p.Number > 0 {
			n := p.Number
			jp.Number = &n
		}
		for _, s := range p.Spans {
			jp.Spans = append(jp.Spans, jsonSpan{string(s.Kind), s.Start, s.End, s.Text})
		}
		j.Paragraphs = append(j.Paragraphs, jp)
	}
	for _, m := range c.PageMarkers {
		j.PageMarkers = append(j.PageMarkers, m.Text)
	}
	return j
}
