package query

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestParsePrint(t *testing.T) {
	for _, tc := range []struct{ in, str, typed string }{
		{`Nuclear "Weapons Program" -iran`, `"nuclear" "weapons program" -"iran"`, `nuclear "weapons program" -iran`},
		{"whal* OR fish NOT tag:ktip", `"whal"* OR "fish" -tag:KTIP`, "whal* OR fish -tag:ktip"},
		{`origin:"Rio de Janeiro" class:"top secret" noforn`, `from:Rio de Janeiro class:TOP SECRET caveat:NOFORN`, `from:"rio de janeiro" class:"top secret" caveat:noforn`},
		{"date:2009-11..2010-02 subject:whaling", "date:2009-11..2010-02 subject:\"whaling\"", "date:2009-11..2010-02 subject:whaling"},
		{"a a OR b b OR a", `"a" "a" OR "b"`, "a a OR b"},
	} {
		q, err := Parse(tc.in)
		if err != nil {
			t.Fatalf("%s: %v", tc.in, err)
		}
		if got := q.String(); got != tc.str {
			t.Errorf("%s: String %s, want %s", tc.in, got, tc.str)
		}
		if got := q.Typed(); got != tc.typed {
			t.Errorf("%s: Typed %s, want %s", tc.in, got, tc.typed)
		}
	}
}

func TestParseTerms(t *testing.T) {
	q, err := Parse(`iran  -"human rights" date:2009`)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range q.Clauses {
		for _, term := range c {
			got = append(got, `iran  -"human rights" date:2009`[term.Pos:term.End])
		}
	}
	if want := []string{"iran", `-"human rights"`, "date:2009"}; !slices.Equal(got, want) {
		t.Errorf("terms as typed %q, want %q", got, want)
	}
	d := q.Clauses[2][0]
	if d.From != "2009-01-01" || d.Until != "2010-01-01" {
		t.Errorf("date:2009 is %s to %s", d.From, d.Until)
	}
	if q.Find() != "iran" {
		t.Errorf("Find %q", q.Find())
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct {
		in  string
		pos int
		msg string
	}{
		{"iran OR", 5, "OR needs a word on each side"},
		{"iran AND", 5, "AND needs a word on each side"},
		{"AND iran", 0, "AND needs a word on each side"},
		{"iran OR AND iraq", 8, "AND needs a word on each side"},
		{"iran AND AND iraq", 9, "AND needs a word on each side"},
		{`iran "open`, 5, `the quote '"open' is not closed`},
		{"class:purple", 0, `unknown classification "purple" (unclassified, confidential, secret)`},
		{"ab*", 0, `"ab*": a prefix needs at least 3 letters`},
		{"date:2009-02-30", 0, `"date:2009-02-30": no day 30 in 2009-02`},
		{strings.Repeat("x", MaxBytes+1), MaxBytes, "the query is 16385 bytes long; the most is 16384: shorten it"},
	} {
		_, err := Parse(tc.in)
		var e *Error
		if !errors.As(err, &e) || e.Pos != tc.pos || e.Msg != tc.msg {
			t.Errorf("%.20s: %v, want at %d %s", tc.in, err, tc.pos, tc.msg)
		}
	}
}

func TestTokens(t *testing.T) {
	if got := Tokens("Nuc\u200blear U.S.-Japan café"); !slices.Equal(got, []string{"nuclear", "u", "s", "japan", "café"}) {
		t.Errorf("Tokens: %q", got)
	}
	toks := Scan("  ¡Hola, mundo!", strings.ToUpper)
	if len(toks) != 2 || toks[0] != (Token{4, 8, "HOLA"}) || toks[1] != (Token{10, 15, "MUNDO"}) {
		t.Errorf("Scan: %+v", toks)
	}
}

// AND in capitals is the operator: iran AND nuclear is iran nuclear; and
// in lower case is a word.
func TestParseAnd(t *testing.T) {
	for in, want := range map[string]string{
		"iran AND nuclear":          "iran nuclear",
		"iran AND -iraq":            "iran -iraq",
		"tehran OR kabul AND tag:X": "tehran OR kabul tag:X",
		"iran and nuclear":          "iran and nuclear",
	} {
		q, err := Parse(in)
		if err != nil {
			t.Errorf("%s: %v", in, err)
			continue
		}
		w, err := Parse(want)
		if err != nil {
			t.Fatal(err)
		}
		if got := q.String(); got != w.String() {
			t.Errorf("%s: %q, want %q", in, got, w.String())
		}
	}
}
