// Package output writes a parsed cable for scripts and pipes: JSON,
// plain text and Markdown.
package output

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"time"
	"unicode/utf8"

	"cablereader/model"
	"cablereader/sanitize"
)

// The fields and types below are the JSON contract (docs/json.md). A
// field the cable does not have is null or [], never omitted, so they use
// pointers and non-nil slices rather than omitempty.

// jsonField is one top-level field of the JSON object.
type jsonField struct {
	key string
	v   any
}

// jsonParagraphs is the paragraphs field, which JSON writes one paragraph
// at a time.
type jsonParagraphs []model.Paragraph

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

// jsonRecordField is one field of the archive's record.
type jsonRecordField struct {
	Name  string `json:"name"`
	Value string `json:"value"`
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

// JSON writes the cable in the documented JSON form, indented, as it
// goes: each field and each paragraph is encoded on its own and written
// through a buffer, so that a huge cable's output is never held whole.
// The bytes are those of encoding the whole jsonCable with two-space
// indentation and no HTML escaping.
func JSON(w io.Writer, c *model.Cable) error {
	e := newJSONWriter(w)
	e.raw("{")
	fields := cableFields(c)
	for i, f := range fields {
		if i > 0 {
			e.raw(",")
		}
		e.raw("\n  \"" + f.key + "\": ")
		ps, ok := f.v.(jsonParagraphs)
		if !ok {
			e.value(f.v, "  ")
			continue
		}
		if len(ps) == 0 {
			e.raw("[]")
			continue
		}
		e.raw("[")
		for k, p := range ps {
			if k > 0 {
				e.raw(",")
			}
			e.raw("\n    ")
			e.paragraph(p, "    ")
		}
		e.raw("\n  ]")
	}
	e.raw("\n}\n")
	return e.flush()
}

// jsonWriter encodes one value at a time into a buffer it reuses, makes
// it inert for a terminal and writes it on.
type jsonWriter struct {
	w   *bufio.Writer
	buf bytes.Buffer
	enc *json.Encoder
	err error
}

func newJSONWriter(w io.Writer) *jsonWriter {
	e := &jsonWriter{w: bufio.NewWriterSize(w, 64<<10)}
	e.enc = json.NewEncoder(&e.buf)
	e.enc.SetEscapeHTML(false)
	return e
}

func (e *jsonWriter) raw(s string) {
	if e.err == nil {
		_, e.err = e.w.WriteString(s)
	}
}

// value writes v indented as it stands at the depth of prefix.
func (e *jsonWriter) value(v any, prefix string) {
	if e.err != nil {
		return
	}
	e.buf.Reset()
	e.enc.SetIndent(prefix, "  ")
	if e.err = e.enc.Encode(v); e.err != nil {
		return
	}
	// The text stays exact; what a terminal would act on is escaped.
	b := sanitize.JSON(bytes.TrimSuffix(e.buf.Bytes(), []byte("\n")))
	_, e.err = e.w.Write(b)
}

// paragraph writes p as value does, and a long text a piece at a time,
// so that a paragraph of 200 MB is not held again, encoded, indented and
// made inert, three times over.
func (e *jsonWriter) paragraph(p model.Paragraph, prefix string) {
	if len(p.Text) <= textPiece {
		e.value(paragraphJSON(p), prefix)
		return
	}
	jp := paragraphJSON(p)
	jp.Text = ""
	var around bytes.Buffer
	enc := json.NewEncoder(&around)
	enc.SetEscapeHTML(false)
	enc.SetIndent(prefix, "  ")
	if e.err = enc.Encode(jp); e.err != nil {
		return
	}
	// Quotes inside strings are escaped: the only `"text": ""` is the
	// key with the value left out.
	b := bytes.TrimSuffix(around.Bytes(), []byte("\n"))
	at := bytes.Index(b, []byte(`"text": ""`))
	if at < 0 {
		e.value(paragraphJSON(p), prefix)
		return
	}
	at += len(`"text": "`)
	e.write(b[:at])
	for text := p.Text; text != "" && e.err == nil; {
		// Cut before the start of a character: encoding/json escapes
		// character by character, so the pieces encode as the whole.
		n := min(len(text), textPiece)
		for n < len(text) && !utf8.RuneStart(text[n]) {
			n++
		}
		e.buf.Reset()
		e.enc.SetIndent("", "")
		if e.err = e.enc.Encode(text[:n]); e.err != nil {
			return
		}
		// The piece without its quotes and line end.
		e.write(bytes.TrimSuffix(e.buf.Bytes(), []byte("\"\n"))[1:])
		text = text[n:]
	}
	e.write(b[at:])
}

// textPiece is the size of the pieces a long paragraph is encoded in.
const textPiece = 1 << 20

// write makes encoded JSON inert for a terminal and writes it on.
func (e *jsonWriter) write(b []byte) {
	if e.err == nil {
		_, e.err = e.w.Write(sanitize.JSON(b))
	}
}

func (e *jsonWriter) flush() error {
	if e.err != nil {
		return e.err
	}
	return e.w.Flush()
}

// cableFields are the cable's fields in the contract's order.
func cableFields(c *model.Cable) []jsonField {
	var date *string
	if c.HasDate() {
		date = str(c.Date.UTC().Format(time.RFC3339))
	}
	refs := make([]jsonReference, 0, len(c.Header.References))
	for _, r := range c.Header.References {
		refs = append(refs, jsonReference{str(r.Label), r.Text, str(r.ID)})
	}
	to, info := []jsonAddressee{}, []jsonAddressee{}
	var routing *jsonRouting
	if r := c.Routing; r != nil {
		to, info = addressees(r.To), addressees(r.Info)
		routing = &jsonRouting{str(r.TransmissionID), str(r.Prosign), list(r.Indicators), str(r.Station),
			str(r.Serial), str(r.SectionNumber), str(r.Julian), str(r.Security), str(r.DTG), list(r.Lines)}
	}
	var eo *jsonEO
	if x := c.Header.EO; x != nil {
		eo = &jsonEO{str(x.Order), str(x.Declassify), x.Text}
	}
	var classified *jsonClassified
	if cb := c.Header.ClassifiedBy; cb != nil {
		classified = &jsonClassified{str(cb.Authority), list(cb.Reasons), cb.Text}
	}
	var section *jsonSection
	if c.Section.Number > 0 {
		section = &jsonSection{c.Section.Number, c.Section.Total}
	}
	record := make([]jsonRecordField, 0, len(c.Record))
	for _, f := range c.Record {
		record = append(record, jsonRecordField{f.Name, f.Value})
	}
	markers := make([]string, 0, len(c.PageMarkers))
	for _, m := range c.PageMarkers {
		markers = append(markers, m.Text)
	}
	return []jsonField{
		{"id", str(c.ID)},
		{"classification", str(c.Classification.String())},
		{"caveats", list(c.Caveats)},
		{"origin", str(c.Origin)},
		{"date", date},
		{"precedence", str(string(c.Precedence))},
		{"subject", str(c.Header.Subject)},
		{"tags", list(c.Header.Tags)},
		{"tags_other", list(c.Header.OtherTags)},
		{"references", refs},
		{"to", to},
		{"info", info},
		{"routing", routing},
		{"header_lines", list(c.Header.Lines)},
		{"passing", list(c.Header.Passing)},
		{"eo", eo},
		{"classified_by", classified},
		{"section", section},
		{"paragraphs", jsonParagraphs(c.Body)},
		{"signature", str(c.Signature)},
		{"partial", c.Partial},
		{"page_markers", markers},
		{"unplaced", list(c.Unplaced)},
		{"preamble", list(c.Preamble)},
		{"canonical_id", str(c.CanonicalID)},
		{"record", record},
		{"trailer", list(c.Trailer)},
		{"notices", list(c.Notices)},
	}
}

func paragraphJSON(p model.Paragraph) jsonParagraph {
	jp := jsonParagraph{Label: str(p.Label), Marking: str(p.Marking), Heading: str(p.Heading), Text: p.Text, Spans: []jsonSpan{}}
	if p.Number > 0 {
		n := p.Number
		jp.Number = &n
	}
	for _, s := range p.Spans {
		jp.Spans = append(jp.Spans, jsonSpan{string(s.Kind), s.Start, s.End, s.Text})
	}
	return jp
}
