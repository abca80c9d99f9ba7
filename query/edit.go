package query

import (
	"strings"
	"unicode"
)

// Editing a query as typed: the archive's narrowing keys write a field
// term into the reader's query, or lift it, and leave the rest of the
// text as the reader wrote it.

// SetField writes field:value into the query text s in place of any
// field: term (the clause that holds it, with its ORs), or takes the term
// out when it has that value already (in any case) or value is ""; on
// reports whether the term is in the query now. Terms left out with - or
// NOT are kept. The clauses kept are joined by single spaces, the new
// term last, and the white space in each outside quotes is one space. A text that is no query is kept whole, the term added to it.
func SetField(s, field, value string) (q string, on bool) {
	field = strings.ToLower(field)
	var keep []string
	had := false
	if parsed, err := parse(s); err == nil {
		for _, c := range parsed.Clauses {
			drop := false
			for _, t := range c {
				if !t.Neg && t.Field == field {
					drop = true
					had = had || strings.EqualFold(t.Value, value)
				}
			}
			if !drop {
				keep = append(keep, squeeze(s[c[0].Pos:c[len(c)-1].End]))
			}
		}
	} else if s = strings.TrimSpace(s); s != "" {
		keep = append(keep, s)
	}
	if !had && value != "" {
		keep = append(keep, FieldTerm(field, value))
	}
	return strings.Join(keep, " "), !had && value != ""
}

// FieldValue is the value of the query's first field: term not left out,
// as the query holds it (class:secret is SECRET, tag:ktip KTIP); ok is
// false when s has none or is no query.
func FieldValue(s, field string) (value string, ok bool) {
	parsed, err := parse(s)
	if err != nil {
		return "", false
	}
	field = strings.ToLower(field)
	for _, c := range parsed.Clauses {
		for _, t := range c {
			if !t.Neg && t.Field == field {
				return t.Value, true
			}
		}
	}
	return "", false
}

// FieldTerm writes field:value, the value in quotes when it holds white
// space: from:tokyo, from:"rio de janeiro". The language has no escapes:
// a value cannot hold a quote.
func FieldTerm(field, value string) string {
	if strings.ContainsFunc(value, unicode.IsSpace) || strings.Contains(value, `"`) {
		value = `"` + value + `"`
	}
	return field + ":" + value
}

// squeeze makes each run of white space outside quotes in s one space.
func squeeze(s string) string {
	var b strings.Builder
	quoted, space := false, false
	for _, r := range s {
		if r == '"' {
			quoted = !quoted
		}
		if !quoted && unicode.IsSpace(r) {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}
