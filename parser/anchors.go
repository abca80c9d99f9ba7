package parser

import (
	"regexp"
	"strings"
)

// anchorSource is the pattern of the front-matter keywords that splitAnchors
// cuts a line before.
var anchorSource = `\bSIPDIS\b|\bE\.?\s?O\.?\s*(?:` + strings.Join(eoNumbers, "|") + `)\b|(?i:\btags?\s*:|subj(?:ect)?\s*:|ref(?:s|tels?|\(s\))?\s*:)|(?i:\bclassified\s+by\b)`

var (
	// anchorHere and anchorAfter are anchors tried at one place: at the
	// start of the text, or after the byte before the place, which gives
	// \b there the same context as in the whole text. (\b asks only
	// whether that is an ASCII word character. The byte is read as one
	// rune: an anchor starts with an ASCII letter or ſ, never with a byte
	// that would carry a rune before it on.)
	anchorHere  = regexp.MustCompile(`^(?:` + anchorSource + `)`)
	anchorAfter = regexp.MustCompile(`^(?s:.)(?:` + anchorSource + `)`)
)

// findAnchors returns what anchors.FindAllStringIndex(s, -1) does: the
// leftmost match, then the leftmost from its end, and so on. It is faster
// because it tries the pattern only where an anchor can start, instead of
// at every byte.
func findAnchors(s string) [][]int {
	if !anchors.passes(s) {
		return nil
	}
	var locs [][]int
	for i := 0; i < len(s); i++ {
		if !mayStartAnchor(s, i) {
			continue
		}
		var m []int
		if i == 0 {
			m = anchorHere.FindStringIndex(s)
		} else if m = anchorAfter.FindStringIndex(s[i-1:]); m != nil {
			m[1] += i - 1
		}
		if m != nil {
			locs = append(locs, []int{i, m[1]})
			i = m[1] - 1
		}
	}
	return locs
}

// mayStartAnchor reports whether an anchor can start at s[i], by its
// first two letters: SIPDIS; E.O., EO or E O; and, in any case, TAGS,
// SUBJ (also with ſ, which (?i) folds to s), REF and CLASSIFIED.
func mayStartAnchor(s string, i int) bool {
	if i+1 >= len(s) {
		return false // every anchor is longer than one byte
	}
	next := s[i+1]
	switch s[i] {
	case 'S':
		return next == 'I' || next|0x20 == 'u'
	case 's':
		return next|0x20 == 'u'
	case 0xC5: // the first byte of ſ
		return true
	case 'E':
		return next == '.' || next == 'O' || next == ' ' || next == '\t' || next == '\n' || next == '\f' || next == '\r'
	case 't', 'T':
		return next|0x20 == 'a'
	case 'r', 'R':
		return next|0x20 == 'e'
	case 'c', 'C':
		return next|0x20 == 'l'
	}
	return false
}
