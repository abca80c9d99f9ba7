package parser

import (
	"regexp"
	"strings"
)

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
