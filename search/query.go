package search

import (
	"bytes"
	"strings"

	"cablereader/query"
)

// Queries are read by package query; the index runs them. Query and Term
// are its types under the names the index's code has always used.
type (
	Query = query.Query
	Term  = query.Term
)

// ftsString writes the tokens as one quoted FTS5 string. The tokens hold
// only letters, digits and marks, and any quote would be doubled anyway.
func ftsString(words []string) string {
	return `"` + strings.ReplaceAll(strings.Join(words, " "), `"`, `""`) + `"`
}

// fts writes a text term in FTS5 syntax.
func fts(t Term) string {
	s := ftsString(t.Words)
	if t.Prefix {
		s += " *"
	}
	if t.Field == "subject" {
		s = "subject : " + s
	}
	return s
}

// stripJoinerBytes drops the joiners (query.IsJoiner) from UTF-8 text;
// text is returned as it is, uncopied, when it has none.
func stripJoinerBytes(text []byte) []byte {
	if !bytes.ContainsAny(text, query.Joiners) {
		return text
	}
	return bytes.Map(func(r rune) rune {
		if query.IsJoiner(r) {
			return -1
		}
		return r
	}, text)
}
