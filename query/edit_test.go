package query

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSetField(t *testing.T) {
	for _, tc := range []struct {
		query, field, value, want string
		on                        bool
	}{
		{"iran", "from", "Embassy Tokyo", `iran from:"Embassy Tokyo"`, true},
		{`iran from:"Embassy Tokyo" tag:KTIP`, "from", "Embassy Tokyo", "iran tag:KTIP", false},
		{`"human trafficking" from:tokyo`, "from", "Embassy Rome", `"human trafficking" from:"Embassy Rome"`, true},
		{"iran class:secret", "class", "confidential", "iran class:confidential", true},
		{"iran TAG:ktip", "tag", "", "iran", false},
		// the clause that holds the field goes whole, ORs and all; a term
		// left out stays; the rest is kept as typed
		{"Iran OR iraq origin:rome OR from:paris", "from", "tokyo", "Iran OR iraq from:tokyo", true},
		{"iran -from:tokyo NOT tag:KTIP", "from", "tokyo", "iran -from:tokyo NOT tag:KTIP from:tokyo", true},
		{"whaling  tags:KTIP  u.s.", "tag", "ktip", "whaling u.s.", false},
		{"whaling \t OR  fishing NOT  iran \"a  b\"", "class", "secret", "whaling OR fishing NOT iran \"a  b\" class:secret", true},
		// a text that is no query is kept, the term added
		{`iran "open`, "date", "2009", `iran "open date:2009`, true},
		{"", "date", "2009", "date:2009", true},
	} {
		got, on := SetField(tc.query, tc.field, tc.value)
		if got != tc.want || on != tc.on {
			t.Errorf("SetField(%q, %s, %q) = %q, %v; want %q, %v", tc.query, tc.field, tc.value, got, on, tc.want, tc.on)
		}
	}
}

func TestFieldValue(t *testing.T) {
	for _, tc := range []struct {
		query, field, want string
		ok                 bool
	}{
		{"iran class:secret", "class", "SECRET", true},
		{`from:"rio de janeiro" whaling`, "from", "rio de janeiro", true},
		{"iran -class:secret", "class", "", false},
		{"class:noforn", "class", "", false}, // a caveat, not a class
		{`iran "open class:secret`, "class", "", false},
	} {
		if got, ok := FieldValue(tc.query, tc.field); got != tc.want || ok != tc.ok {
			t.Errorf("FieldValue(%q, %s) = %q, %v; want %q, %v", tc.query, tc.field, got, ok, tc.want, tc.ok)
		}
	}
}

func TestFieldTerm(t *testing.T) {
	for value, want := range map[string]string{
		"tokyo": "from:tokyo", "rio de janeiro": `from:"rio de janeiro"`,
		"rio\u00a0de\tjaneiro": "from:\"rio\u00a0de\tjaneiro\"",
	} {
		if got := FieldTerm("from", value); got != want {
			t.Errorf("FieldTerm(from, %q) = %s, want %s", value, got, want)
		}
	}
}

// FuzzSetField: editing never panics, and a query that parses still
// parses with a field term set or lifted, the term in it exactly when
// on says so.
func FuzzSetField(f *testing.F) {
	for _, s := range []string{"iran", `a OR b from:"x y"`, "NOT tag:KTIP -class:secret", `"open`, "", "x\u00a0OR\u3000y"} {
		f.Add(s, "tokyo")
	}
	f.Fuzz(func(t *testing.T, s, value string) {
		// a value holds no quote (the language cannot write one in a
		// value) and is text with no white space around it
		if strings.Contains(value, `"`) || strings.TrimSpace(value) != value || !utf8.ValidString(value) {
			return
		}
		got, on := SetField(s, "from", value)
		if _, err := parse(s); err != nil {
			return
		}
		if _, err := parse(got); err != nil && got != "" {
			t.Fatalf("SetField(%q, from, %q) = %q: %v", s, value, got, err)
		}
		v, ok := FieldValue(got, "from")
		if on != ok || on && v != value {
			t.Fatalf("SetField(%q, from, %q) = %q, %v; FieldValue %q, %v", s, value, got, on, v, ok)
		}
	})
}
