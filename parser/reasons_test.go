package parser

import (
	"reflect"
	"testing"
)

// A Classified By line that wraps keeps the end of its reasons, whatever
// shape the tail has, and the tail is never left as the first text block.
func TestClassifiedByWrapped(t *testing.T) {
	for _, tc := range []struct {
		name, lines string
		text        string
		reasons     []string
	}{
		{"letters on the next line",
			"Classified By: Ambassador William B. Wood for reasons 1.4 (b),\n(c), and (d).",
			"Classified By: Ambassador William B. Wood for reasons 1.4 (b), (c), and (d).",
			[]string{"1.4(b)", "1.4(c)", "1.4(d)"}},
		{"a word cut at the line end",
			"Classified By: Political Counselor Kathy Fitzpatrick; reasons 1.5 (B) a\nnd (D)",
			"Classified By: Political Counselor Kathy Fitzpatrick; reasons 1.5 (B) and (D)",
			[]string{"1.5(b)", "1.5(d)"}},
		{"the closing parenthesis alone",
			"Classified By: DCM Robert Blake for reasons 1.4 (b and d\n)",
			"Classified By: DCM Robert Blake for reasons 1.4 (b and d)",
			[]string{"1.4(b)", "1.4(d)"}},
		{"a slash after the first letter",
			"Classified By: Kathleen Allegrone, Political Minister-Counselor, 1.4 (b\n/d).",
			"Classified By: Kathleen Allegrone, Political Minister-Counselor, 1.4 (b/d).",
			[]string{"1.4(b)", "1.4(d)"}},
		{"the section over a blank line",
			"Classified By: AMBASSADOR JAMES PARDEW, FOR REASON\n\n1.4(C).",
			"Classified By: AMBASSADOR JAMES PARDEW, FOR REASON 1.4(C).",
			[]string{"1.4(c)"}},
		{"the section and letters after an E.O. mention",
			"Classified By: PolCouns Janice G. Weiner, E.O. 12958, reasons\n1.4 (b) and (d).",
			"Classified By: PolCouns Janice G. Weiner, E.O. 12958, reasons 1.4 (b) and (d).",
			[]string{"1.4(b)", "1.4(d)"}},
		{"the second half of 'and'",
			"Classified By: Ambassador Eileen O'Connor for reasons 1.4 (b) an\nd (d).",
			"Classified By: Ambassador Eileen O'Connor for reasons 1.4 (b) and (d).",
			[]string{"1.4(b)", "1.4(d)"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := "CONFIDENTIAL\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: A TEST\n\n" +
				tc.lines + "\n\n1. (C) The text.\n"
			c := Parse([]byte(src))
			cb := c.Header.ClassifiedBy
			if cb == nil {
				t.Fatal("no Classified By")
			}
			if cb.Text != tc.text {
				t.Errorf("text %q, want %q", cb.Text, tc.text)
			}
			if !reflect.DeepEqual(cb.Reasons, tc.reasons) {
				t.Errorf("reasons %q, want %q", cb.Reasons, tc.reasons)
			}
			if len(c.Body) == 0 || c.Body[0].Number != 1 {
				t.Errorf("first block %q, want ¶1", c.Body[0].Text)
			}
		})
	}
}

// Words that are not reasons end the Classified By text: the next line is
// the cable's own.
func TestClassifiedByNotATail(t *testing.T) {
	for _, next := range []string{
		"THIS IS AN ACTION REQUEST. PLEASE SEE PARAGRAPH 9.",
		"Summary",
		"(d) and the Minister said no.",
		")", // closes nothing
	} {
		src := "CONFIDENTIAL\n\nSUBJECT: A TEST\n\nClassified By: Ambassador Wood for reasons 1.4 (b) and (d).\n" + next + "\n\n1. (C) The text.\n"
		c := Parse([]byte(src))
		if cb := c.Header.ClassifiedBy; cb == nil || cb.Text != "Classified By: Ambassador Wood for reasons 1.4 (b) and (d)." {
			t.Errorf("%q: Classified By %+v took the next line", next, cb)
		}
	}
}

// A Classified By given in the first paragraph takes its wrapped tail too.
func TestClassifiedByInParagraph(t *testing.T) {
	src := "CONFIDENTIAL\n\nSUBJECT: A TEST\n\n1. (U) CLASSIFIED BY CDA JOSEPH MERANTE FOR REASONS 1.5\n(A) AND (D) .\n\n2. (C) The text.\n"
	c := Parse([]byte(src))
	cb := c.Header.ClassifiedBy
	if cb == nil || !reflect.DeepEqual(cb.Reasons, []string{"1.5(a)", "1.5(d)"}) {
		t.Fatalf("Classified By %+v", cb)
	}
}
