// Package query is the search language: Parse reads what a reader types
// into a Query, String and Typed write it back, SetField adds or lifts a
// field term in the text as typed. It knows nothing of how a query is
// run: the search index (package search) turns a Query into FTS5 and
// column tests, and the archive's narrowing keys edit a query through
// SetField, without importing package search.
//
//	query  = clause { [ "AND" ] clause } .
//	clause = item { "OR" item } .
//	item   = [ "-" | "NOT" ] ( phrase | field ":" value | word [ "*" ] ) .
//	phrase = `"` { any but `"` } `"` .
//
// Clauses are all required (AND, which may be written between them in
// capitals; "and" in lower case is a word). Words and phrases are searched in the
// subject and the body; fields are tag, from (origin), class, caveat (or
// a dissemination control alone: noforn, nodis, exdis, limdis, orcon),
// date, id, cites and subject. Case never matters.
//
// The files: query.go (Query, Term, printing), parse.go (the lexer and
// parser, Error and the bounds), field.go (field terms and their values),
// date.go (date: ranges), tokens.go (words as the index splits them),
// edit.go (adding and lifting a term in the typed text).
package query

import (
	"fmt"
	"slices"
	"strings"
)

// Query is a parsed query: all clauses must hold; within a clause, any
// of its terms.
type Query struct {
	Clauses [][]Term
}

// Term is one item of a query.
type Term struct {
	Neg    bool
	Field  string   // "" for words and phrases searched in subject and body
	Words  []string // the tokens of a word or phrase, folded to lower case
	Prefix bool     // word*
	Value  string   // a field's value as typed (tag, from, class, …)
	From   string   // date range: first day, YYYY-MM-DD
	Until  string   // date range: the day after the last
	Pos    int      // where the term starts in the query (its - or NOT)
	End    int      // the byte after the term in the query
}

// IsText reports whether the term is searched in the text (words,
// phrases, subject:), not in a column.
func (t Term) IsText() bool { return t.Field == "" || t.Field == "subject" }

// fold drops the terms repeated in a clause and the clauses repeated in
// the query: nuclear nuclear is nuclear, a OR a is a.
func (q *Query) fold() {
	seen := map[string]bool{}
	clauses := q.Clauses[:0]
	for _, c := range q.Clauses {
		inClause := map[string]bool{}
		terms := c[:0]
		for _, t := range c {
			if k := t.key(); !inClause[k] {
				inClause[k] = true
				terms = append(terms, t)
			}
		}
		c = terms
		keys := make([]string, len(c))
		for i, t := range c {
			keys[i] = t.key()
		}
		slices.Sort(keys)
		if k := strings.Join(keys, "\x00OR\x00"); !seen[k] {
			seen[k] = true
			clauses = append(clauses, c)
		}
	}
	q.Clauses = clauses
}

// key is what a term means, its place in the query aside.
func (t Term) key() string {
	return fmt.Sprintf("%v|%s|%q|%v|%s|%s|%s", t.Neg, t.Field, t.Words, t.Prefix, t.Value, t.From, t.Until)
}

// String writes the query back in its own syntax, normalised: words and
// phrases quoted ("iran" OR "iraq"), fields as field:VALUE.
func (q *Query) String() string {
	return q.Print(func(t Term) string {
		switch t.Field {
		case "":
			return quoteWords(t.Words)
		case "subject":
			return "subject:" + quoteWords(t.Words)
		}
		return t.Field + ":" + t.Value
	})
}

// quoteWords writes the words as one quoted string, any quote doubled
// (words hold none: they are letters, digits and marks).
func quoteWords(words []string) string {
	return `"` + strings.ReplaceAll(strings.Join(words, " "), `"`, `""`) + `"`
}

// Typed writes the query as a reader types it: words bare, phrases
// quoted, fields as field:value in lower case (a value with a space
// quoted).
func (q *Query) Typed() string {
	return q.Print(func(t Term) string {
		words := strings.Join(t.Words, " ")
		if len(t.Words) > 1 {
			words = `"` + words + `"`
		}
		switch t.Field {
		case "":
			return words
		case "subject":
			return "subject:" + words
		}
		v := t.Value
		if strings.ContainsAny(v, " \t") {
			v = `"` + v + `"`
		}
		return t.Field + ":" + strings.ToLower(v)
	})
}

// Print writes the query's clauses, a term at a time through term, with
// the syntax around terms (AND as a space, OR, - and *) written once.
func (q *Query) Print(term func(Term) string) string {
	var b strings.Builder
	for i, c := range q.Clauses {
		if i > 0 {
			b.WriteByte(' ')
		}
		for j, t := range c {
			if j > 0 {
				b.WriteString(" OR ")
			}
			if t.Neg {
				b.WriteByte('-')
			}
			b.WriteString(term(t))
			if t.Prefix {
				b.WriteByte('*')
			}
		}
	}
	return b.String()
}

// Find is the query's first word or phrase that must occur, as typed
// words joined by spaces, for a reader to look for; "" when it has none.
func (q *Query) Find() string {
	for _, c := range q.Clauses {
		if t := c[0]; len(c) == 1 && t.Field == "" && !t.Neg && len(t.Words) > 0 {
			return strings.Join(t.Words, " ")
		}
	}
	return ""
}
