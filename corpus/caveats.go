package corpus

import (
	"bytes"
	"slices"
	"strings"
	"unicode"

	"cablereader/catalog"
	"cablereader/model"
	"cablereader/parser"
)

// What a record holds that only a cable's whole text tells: its handling
// caveats, and for a CSV row (whose scan reads the first bytes of the
// body only) its references' labels. The search index stores them; it
// reads them here, from one parse, rather than parse the text itself.

// textCaveats are the caveats of a cable's text: those the reader's
// banner shows (parser.Caveats) and those written anywhere above the
// subject (headCaveats), each once.
func textCaveats(text []byte) []string {
	out := parser.Caveats(text)
	for _, c := range headCaveats(text) {
		if !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return out
}

// headCaveatWords are the caveats headCaveats looks for: the ones the
// search language names (caveat:noforn).
var headCaveatWords = map[string]bool{"noforn": true, "nodis": true, "exdis": true, "limdis": true, "orcon": true}

// headCaveats finds the handling caveats (NOFORN, NODIS, …) written
// anywhere above the subject, where a file's banner may not carry them
// and the reader may not see them ("SECRET NOFORN" on a line of its own).
func headCaveats(text []byte) []string {
	head := text[:min(len(text), 4096)]
	if i := bytes.Index(head, []byte("SUBJECT")); i >= 0 {
		head = head[:i]
	}
	var out []string
	for _, w := range bytes.FieldsFunc(head, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if len(w) >= 5 && len(w) <= 6 && headCaveatWords[strings.ToLower(string(w))] && bytes.Equal(w, bytes.ToUpper(w)) {
			if s := string(w); !slices.Contains(out, s) {
				out = append(out, s)
			}
		}
	}
	return out
}

// Complete loads e's text, as Load does, and returns e with what only the
// text tells: a CSV row's caveats and its references' labels, read from
// one parse of the head of the row's text. A file's record has them from
// the scan and is returned as it is.
func (ix *Archive) Complete(e catalog.Record) (catalog.Record, []byte, error) {
	text, err := ix.Load(e)
	if err != nil || e.Loc.Kind != catalog.KindCSVRow {
		return e, text, err
	}
	e.Caveats = textCaveats(text)
	if len(e.References) > 0 {
		refs := parse(refsHead(text), "").Header.References
		labelled := make([]model.Reference, len(e.References))
		for i, r := range e.References {
			labelled[i] = model.Reference{ID: r.ID, Label: refLabel(refs, r.ID)}
		}
		e.References = labelled
	}
	return e, text, nil
}

// refsHead is the part of a row's text parsed for its references'
// labels: its head, up to the first numbered paragraph after the REF
// line.
func refsHead(text []byte) []byte {
	head := text[:min(len(text), 6<<10)]
	if i := bytes.LastIndexByte(head, '\n'); i > 0 && len(head) < len(text) {
		head = head[:i+1]
	}
	if r := bytes.Index(head, []byte("REF")); r >= 0 {
		for _, mark := range []string{"\n1. ", "\n1.\t", "\n 1. ", "\n¶1", "\n\xb61"} {
			if i := bytes.Index(head[r:], []byte(mark)); i > 0 {
				head = head[:r+i+1]
			}
		}
	}
	return head
}
