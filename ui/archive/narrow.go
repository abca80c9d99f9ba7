package archive

import (
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"
)

// Narrowing a search. On the results, p (the selected hit's post), y (its
// year), c (its classification, then the next ones; C back) and # (a TAG)
// write a field term into
// the query and run it again, so the counts above the results narrow the
// search over the whole archive and the prompt shows what it has become.
// The same key again lifts the term.

// narrow sets field to value in the query, or lifts it when the query has
// it already, and runs the query at once.
func (a *Archive) narrow(field, value string) tea.Cmd {
	q, on := setTerm(a.sr.query, field, value)
	a.sr.query, a.sr.cursor = q, 0
	if on {
		a.msg = "only " + field + ":" + quoteValue(value)
	} else {
		a.msg = field + ": lifted"
	}
	a.sr.seq++
	return a.searchTick(searchTickMsg{a.sr.seq})
}

// hasTerm reports whether the query has a field: term.
func (a *Archive) hasTerm(field string) bool {
	for _, t := range queryTerms(a.sr.query) {
		if _, ok := termValue(t, field); ok {
			return true
		}
	}
	return false
}

// cycleClass moves the query's class: term on by step through
// unclassified, confidential, secret and none.
func (a *Archive) cycleClass(step int) tea.Cmd {
	order := []string{"", "unclassified", "confidential", "secret"}
	cur := 0
	for _, t := range queryTerms(a.sr.query) {
		if v, ok := termValue(t, "class"); ok {
			for i, o := range order {
				if strings.EqualFold(v, o) {
					cur = i
				}
			}
		}
	}
	next := order[(cur+step+len(order))%len(order)]
	if next == "" {
		return a.narrow("class", order[cur]) // the same value lifts it
	}
	return a.narrow("class", next)
}

// setTerm writes field:value into query in place of any field: term, or
// takes the term out when it has that value already; on reports whether
// the term is in the query now.
func setTerm(query, field, value string) (q string, on bool) {
	var keep []string
	had := false
	for _, t := range queryTerms(query) {
		if v, ok := termValue(t, field); ok {
			had = had || strings.EqualFold(v, value)
			continue
		}
		keep = append(keep, t)
	}
	if !had && value != "" {
		keep = append(keep, field+":"+quoteValue(value))
	}
	return strings.Join(keep, " "), !had && value != ""
}

// queryTerms splits a query at the spaces outside quotes.
func queryTerms(q string) []string {
	var terms []string
	start, quoted := -1, false
	for i, r := range q {
		switch {
		case r == '"':
			quoted = !quoted
			if start < 0 {
				start = i
			}
		case r == ' ' && !quoted:
			if start >= 0 {
				terms = append(terms, q[start:i])
				start = -1
			}
		case start < 0:
			start = i
		}
	}
	if start >= 0 {
		terms = append(terms, q[start:])
	}
	return terms
}

// termValue is the value of a field: term ("from:tokyo", `from:"rio de
// janeiro"`), unquoted; ok is false for a term of another field.
func termValue(term, field string) (string, bool) {
	name, v, ok := strings.Cut(term, ":")
	if !ok || !strings.EqualFold(name, field) {
		return "", false
	}
	if u, err := strconv.Unquote(v); err == nil {
		v = u
	}
	return v, true
}

func quoteValue(v string) string {
	if strings.ContainsAny(v, " \"") {
		return strconv.Quote(v)
	}
	return v
}
