package query

import (
	"strings"
	"unicode"

	"cablereader/model"
)

// Field terms: field:value, a value with spaces in quotes
// (from:"rio de janeiro"). To add a field: its name here (fields, with an
// example in fieldExample and the list in the unknown-field message of
// item), how its value is read in field, and its test in the index
// (search/columns.go, columns.test).

// fields are the field names a query may use; tags and origin are other
// names of tag and from.
var fields = map[string]bool{
	"tag": true, "tags": true, "from": true, "origin": true, "class": true,
	"caveat": true, "date": true, "id": true, "cites": true, "subject": true,
}

var fieldExample = map[string]string{
	"tag": "tag:KTIP", "tags": "tag:KTIP", "from": "from:tokyo", "origin": "from:tokyo",
	"class": "class:secret", "caveat": "caveat:noforn", "date": "date:2009 or date:2009-11..2010-02",
	"id": "id:09TOKYO2531", "cites": "cites:09TOKYO2531", "subject": "subject:whaling",
}

func isFieldName(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r > unicode.MaxASCII || !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// field reads the value of a field term.
func (p *parser) field(t Term, name, value string, at int) (Term, error) {
	value = strings.TrimSpace(value)
	if value == "" {
		return t, p.errf(at, "%s needs a value, as in %s", name+":", fieldExample[name])
	}
	t.Field, t.Value = name, value
	switch name {
	case "tags":
		t.Field = "tag"
	case "origin":
		t.Field = "from"
	}
	switch t.Field {
	case "tag", "id", "cites", "caveat":
		t.Value = strings.ToUpper(value)
	case "class":
		if model.IsControl(value) {
			t.Field, t.Value = "caveat", strings.ToUpper(value)
			return t, nil
		}
		l := levelNamed(value)
		if l == model.LevelUnknown {
			return t, p.errf(at, "unknown classification %q (unclassified, confidential, secret)", value)
		}
		t.Value = l.String()
	case "date":
		from, until, msg := dateRange(value)
		if msg != "" {
			return t, p.errf(at, "%s: %s", excerpt("date:"+value), msg)
		}
		t.From, t.Until = from, until
	case "subject":
		if strings.HasSuffix(value, "*") {
			t.Prefix = true
			value = strings.TrimRight(value, "*")
		}
		t.Words = Tokens(value)
		if len(t.Words) == 0 {
			return t, p.errf(at, "nothing to search for in %s", excerpt("subject:"+value))
		}
		return t, p.checkPrefix(t, at)
	}
	return t, nil
}

// levelNamed is the level whose name s is, in any case (class:secret,
// class:"top secret").
func levelNamed(s string) model.Level {
	for _, l := range model.Levels() {
		if strings.EqualFold(s, l.String()) {
			return l
		}
	}
	return model.LevelUnknown
}
