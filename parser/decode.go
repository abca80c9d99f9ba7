package parser

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// cp1252 maps the bytes 0x80–0x9F, which Latin-1 leaves as control codes,
// to what Windows-1252 puts there: cables saved on Windows carry smart
// quotes and dashes in that range.
var cp1252 = [32]rune{
	'€', 0x81, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0x8D, 'Ž', 0x8F,
	0x90, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0x9D, 'ž', 'Ÿ',
}

// decode turns the input bytes into text. UTF-8 is taken as it is; anything
// else is read as Latin-1 (with the Windows-1252 range), the encoding of the
// cables.csv-style dumps, where the pilcrow is the single byte 0xB6.
func decode(data []byte) (text string, latin1 bool) {
	s := string(data)
	s = strings.TrimPrefix(s, "\uFEFF")
	if utf8.ValidString(s) {
		return s, false
	}
	var b strings.Builder
	b.Grow(len(data) + len(data)/8)
	for _, c := range data {
		switch {
		case c < 0x80:
			b.WriteByte(c)
		case c < 0xA0:
			b.WriteRune(cp1252[c-0x80])
		default:
			b.WriteRune(rune(c))
		}
	}
	return b.String(), true
}

// Decode returns the input as text the way Parse reads it: UTF-8 as it is,
// anything else as Latin-1 with the Windows-1252 range.
func Decode(data []byte) string {
	s, _ := decode(data)
	return s
}

// splitLines splits on LF, CRLF and lone CR and drops trailing white space
// and a line's closing backslash, which the dumps add freely (one space, a
// Markdown hard break, an escaped line break).
func splitLines(s string) []string {
	lines := make([]string, 0, strings.Count(s, "\n")+1)
	breaks := "\r\n"
	if strings.IndexByte(s, '\r') < 0 {
		breaks = "\n" // IndexAny of one byte is the fast IndexByte
	}
	for len(s) > 0 {
		i := strings.IndexAny(s, breaks)
		if i < 0 {
			lines = append(lines, trimRight(s))
			break
		}
		lines = append(lines, trimRight(s[:i]))
		if s[i] == '\r' && i+1 < len(s) && s[i+1] == '\n' {
			i++
		}
		s = s[i+1:]
	}
	return lines
}

func trimRight(s string) string {
	if s == "" || s[len(s)-1] != ' ' && s[len(s)-1] != '\t' && s[len(s)-1] != 0xA0 && s[len(s)-1] != '\\' {
		return s // the quick answer: nothing to trim (0xA0 ends "\u00a0")
	}
	s = strings.TrimRight(s, " \t\u00a0")
	if strings.HasSuffix(s, `\`) && !strings.HasSuffix(s, `\\`) && !strings.HasSuffix(s, "\x1b\\") {
		// A backslash that ends a line is no text: the line break
		// escaped by a dump's rows (the 2011 site's backslash pages),
		// or a Markdown hard break. A doubled one is a backslash, and
		// one after ESC ends an escape sequence the reader shows.
		s = strings.TrimRight(s[:len(s)-1], " \t\u00a0")
	}
	return s
}

var (
	// Markdown renderings of the WikiLeaks pages turn TAGS into links.
	mdLink   = regexp.MustCompile(`\[([^\[\]\n]{1,80})\]\(#[^()\s]*\)`)
	mdEscape = regexp.MustCompile(`\\([*_#\[\]\\` + "`" + `])`)
	// atxHeading is a Markdown heading ("#### THE PRESENT SITUATION").
	atxHeading = guard(`^\s*#{1,6}\s+(\S.*)$`, leads("#"))
)

// unlink keeps the text of each Markdown link. A link glued to a word
// ("0[00](#)0") is set off by a space, so that no new word is made of
// the two.
func unlink(s string) string {
	locs := mdLink.FindAllStringSubmatchIndex(s, -1)
	if locs == nil {
		return s
	}
	var b strings.Builder
	last := 0
	for _, m := range locs {
		b.WriteString(s[last:m[0]])
		if m[0] > 0 && isWordByte(s[m[0]-1]) {
			b.WriteByte(' ')
		}
		b.WriteString(s[m[2]:m[3]])
		if m[1] < len(s) && isWordByte(s[m[1]]) {
			b.WriteByte(' ')
		}
		last = m[1]
	}
	b.WriteString(s[last:])
	return b.String()
}

// cleanLine undoes the artefacts that Markdown dumps leave in a line: link
// syntax around TAGS ("[KTIP](#)") and backslash escapes. HTML entities are
// left alone: a page's text is decoded when the page is read, and decoding
// again would change what the cable says ("&amp;" written as such).
func cleanLine(s string) string {
	if strings.IndexByte(s, ']') >= 0 {
		s = unlink(s)
	}
	if strings.IndexByte(s, '\\') >= 0 {
		s = mdEscape.ReplaceAllString(s, "$1")
	}
	return s
}
