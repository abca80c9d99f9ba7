package archive

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"cablereader/model"
	querylang "cablereader/query"
)

// Narrowing a search. On the results, p (the selected hit's post), y (its
// year), c (its classification, then the next ones; C back) and # (a TAG)
// write a field term into
// the query and run it again, so the counts above the results narrow the
// search over the whole archive and the prompt shows what it has become.
// The same key again lifts the term. The query text is edited by package
// query (SetField), which reads it as the search does.

// narrow sets field to value in the query, or lifts it when the query has
// it already, and runs the query at once.
func (a *Archive) narrow(field, value string) tea.Cmd {
	q, on := querylang.SetField(a.sr.query, field, value)
	a.sr.query, a.sr.cursor = q, 0
	if on {
		a.msg = "only " + querylang.FieldTerm(field, value)
	} else {
		a.msg = field + ": lifted"
	}
	a.sr.seq++
	return a.searchTick(searchTickMsg{a.sr.seq})
}

// hasTerm reports whether the query has a field: term.
func (a *Archive) hasTerm(field string) bool {
	_, ok := querylang.FieldValue(a.sr.query, field)
	return ok
}

// classSteps are the levels c and C step through, then none: the levels
// of the Cablegate archive.
var classSteps = []model.Level{model.LevelUnknown, model.Unclassified, model.Confidential, model.Secret}

// cycleClass moves the query's class: term on by step through
// unclassified, confidential, secret and none.
func (a *Archive) cycleClass(step int) tea.Cmd {
	cur := 0
	if v, ok := querylang.FieldValue(a.sr.query, "class"); ok {
		for i, l := range classSteps {
			if strings.EqualFold(v, l.String()) {
				cur = i
			}
		}
	}
	name := func(i int) string { return strings.ToLower(classSteps[i].String()) }
	next := (cur + step + len(classSteps)) % len(classSteps)
	if next == 0 {
		return a.narrow("class", name(cur)) // the same value lifts it
	}
	return a.narrow("class", name(next))
}
