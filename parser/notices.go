package parser

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"cablereader/model"
	"cablereader/sanitize"
)

// notices says what was odd about the input, so that a reader sees why a
// cable looks the way it does. Real cables give none of these but the
// Latin-1 one; broken and hostile files give several.
// controls is how many control characters the lines hold.
func notices(c *model.Cable, controls int) []string {
	var out []string
	if controls > 0 {
		out = append(out, fmt.Sprintf("the text holds %s control %s or escape %s", count(controls), plural(controls, "character", "characters"), plural(controls, "sequence", "sequences")))
	}
	header := c.Routing != nil || c.ID != "" || c.Classification.Level != model.LevelUnknown ||
		c.Header.Subject != "" || len(c.Header.Tags)+len(c.Header.OtherTags) > 0
	switch {
	case !header && len(c.Body) == 0:
		out = append(out, "nothing in the text reads as a cable: it is kept as written")
	case !header:
		out = append(out, "no cable header (routing, classification, subject or TAGS): the text is read as the body")
	case len(c.Body) == 0:
		out = append(out, "the cable has a header but no text")
	}
	if n := len(c.Body); n > 0 && !c.Partial && c.Signature == "" && len(c.Trailer) == 0 && endsMidSentence(c.Body[n-1].Text) {
		out = append(out, "the text stops mid-sentence: the cable may be cut off")
	}
	return out
}

// countControls counts the control characters and escape sequences in
// the lines.
func countControls(lines []string) int {
	n := 0
	for _, l := range lines {
		if sanitize.Has(l) { // the fast test first: most lines are clean
			n += sanitize.Count(l)
		}
	}
	return n
}

// endsMidSentence reports whether text ends inside a sentence: its last
// block has, after the last full stop, four words or more, and the last of
// them is a lower-case word or has a comma after it. Signatures glued to
// the last line ("... END COMMENT. THORNE", "Best, Jeff clinton", a web
// address and a name) are short, capitalised, or not words.
func endsMidSentence(text string) bool {
	text = strings.TrimSpace(text)
	text = text[strings.LastIndexByte(text, '\n')+1:]
	end := strings.LastIndexAny(text, ".!?:;)\"”")
	if end >= 0 {
		_, size := utf8.DecodeRuneInString(text[end:])
		end += size // past the stop, whatever its length in bytes
	}
	// The words are counted as they come: a paragraph of 200 MB with no
	// full stop would make a list of words twice its size.
	words, last := 0, ""
	for w := range strings.FieldsSeq(text[max(0, end):]) {
		if isWord(strings.TrimSuffix(w, ",")) {
			words++
		}
		last = w
	}
	if words < 4 {
		return false
	}
	if strings.HasSuffix(last, ",") {
		return true
	}
	return isWord(last) && strings.ToLower(last) == last
}

// isWord reports whether w is made of letters, with inner hyphens or
// apostrophes.
func isWord(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if !unicode.IsLetter(r) && r != '-' && r != '\'' && r != '’' {
			return false
		}
	}
	return true
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func count(n int) string {
	if n == 1 {
		return "a"
	}
	return fmt.Sprint(n)
}
