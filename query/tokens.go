package query

import (
	"strings"
	"unicode"
)

// Words as the index splits them (FTS5's unicode61 tokenizer): runs of
// letters, digits and marks. A query's words are split the same way, so
// that a word typed is a word indexed.

// Tokens splits text into words, folded to lower case. Diacritics are
// kept here; the index removes them on both sides.
func Tokens(s string) []string {
	var out []string
	for _, t := range Scan(s, func(w string) string { return StripJoiners(strings.ToLower(w)) }) {
		out = append(out, t.Word)
	}
	return out
}

// A Token is a word of a text and where it is: text[Start:End] is the
// word as written.
type Token struct {
	Start, End int
	Word       string // as norm made it
}

// Scan splits s into words, each with its place in s and folded by norm;
// a word norm makes "" is left out.
func Scan(s string, norm func(string) string) []Token {
	var out []Token
	start := -1
	for i, r := range s {
		if IsWordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			if w := norm(s[start:i]); w != "" {
				out = append(out, Token{start, i, w})
			}
			start = -1
		}
	}
	if start >= 0 {
		if w := norm(s[start:]); w != "" {
			out = append(out, Token{start, len(s), w})
		}
	}
	return out
}

// IsWordRune reports whether r belongs to a word: a letter, a digit or
// number, a mark, a private-use character, or a joiner (IsJoiner).
func IsWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsNumber(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Co, r) || IsJoiner(r)
}

// IsJoiner reports whether r is an invisible character that may sit
// inside a word without ending it: zero-width space, non-joiner and
// joiner, word joiner, byte order mark, soft hyphen. FTS5 would split a
// word there ("nuc\u200blear" as nuc and lear): the index drops them from
// the text it is given, and queries and snippets from their words, so
// that the word is one on both sides.
func IsJoiner(r rune) bool {
	switch r {
	case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad':
		return true
	}
	return false
}

// Joiners are the joiners (IsJoiner), for a quick look whether a text
// holds any.
const Joiners = "\u200b\u200c\u200d\u2060\ufeff\u00ad"

// StripJoiners drops the joiners (IsJoiner) from s.
func StripJoiners(s string) string {
	if !strings.ContainsAny(s, Joiners) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if IsJoiner(r) {
			return -1
		}
		return r
	}, s)
}
