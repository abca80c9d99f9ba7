package parser

import (
	"bytes"
	"slices"
	"strings"
)

// caveatHead is how many lines from the top a banner's caveats are read
// from ("CONFIDENTIAL SIPDIS PARIS 003956").
const caveatHead = 60

// Caveats lists the handling caveats of a cable's text as the reader's
// banner shows them (model.Cable.Banner), in upper case, each once: the
// words after a banner's level, the lines of caveats in the front matter
// and the text (SIPDIS, NOFORN, SENSITIVE BUT UNCLASSIFIED), and a
// distribution notice's lead. It reads the text line by line with the
// parser's own patterns, without the rest of a parse, for an index that
// searches them (caveat:sipdis).
func Caveats(text []byte) []string {
	var out []string
	add := func(ws ...string) {
		for _, w := range ws {
			w = strings.Join(strings.Fields(strings.ToUpper(w)), " ")
			if w != "" && !slices.Contains(out, w) {
				out = append(out, w)
			}
		}
	}
	for n := 0; len(text) > 0; n++ {
		var raw []byte
		if i := bytes.IndexByte(text, '\n'); i >= 0 {
			raw, text = text[:i], text[i+1:]
		} else {
			raw, text = text, nil
		}
		tb := bytes.TrimSpace(raw)
		if len(tb) == 0 || n >= caveatHead && len(tb) > 40 {
			continue
		}
		t := string(tb)
		if n >= caveatHead {
			// In the text, a short line of caveats alone (parseBody).
			if caveat.MatchString(t) {
				add(caveatWord.FindAllString(t, -1)...)
			}
			continue
		}
		// In the head, the front matter's lines, cut where a caption
		// starts as parseFront cuts them.
		for _, part := range splitAnchors(t) {
			headPiece(part, add)
		}
	}
	return out
}

// headPiece reads the caveats of a piece of the front matter as
// frontPiece does: a line of caveats, a notice's lead, or a banner, and
// what follows the banner on its line.
func headPiece(s string, add func(...string)) {
	switch {
	case caveat.MatchString(s), levelCaveat.MatchString(s):
		add(caveatWord.FindAllString(s, -1)...)
	case caveatLead.MatchString(s):
		add(strings.ToUpper(caveatLead.FindStringSubmatch(s)[1]))
	case banner.MatchString(s):
		m := banner.FindStringSubmatchIndex(s)
		get := func(k int) string {
			if m[2*k] < 0 {
				return ""
			}
			return s[m[2*k]:m[2*k+1]]
		}
		add(strings.Fields(get(3))...)
		for _, q := range strings.Split(get(2), "/") {
			if strings.EqualFold(strings.TrimSpace(q), "NOFORN") {
				add("NOFORN")
			}
		}
		if rest := strings.TrimSpace(s[m[1]:]); rest != "" {
			headPiece(rest, add)
		}
	}
}
