package parser

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
)

// 09LONDON2121 runs its eighteen paragraphs onto three lines: each is
// read as its own, with its number and portion mark.
func TestRunOnParagraphs(t *testing.T) {
	raw, err := os.ReadFile("testdata/runon/09LONDON2121.txt")
	if err != nil {
		t.Fatal(err)
	}
	c := ParseAs(raw, "09LONDON2121")
	var got []string
	for _, p := range c.Body {
		got = append(got, fmt.Sprintf("%d/%s", p.Number, p.Marking))
	}
	var want []string
	for n := 1; n <= 18; n++ {
		want = append(want, fmt.Sprintf("%d/SBU", n))
	}
	if !slices.Equal(got, want) {
		t.Fatalf("paragraphs %q, want %q", got, want)
	}
	if p := c.Body[1]; !strings.HasPrefix(p.Text, "MPs from both the Labour and Conservative Parties") || !strings.HasSuffix(p.Text, "ineffective self-regulation by the industry.") {
		t.Errorf("¶2: %.60q … %q", p.Text, p.Text[max(0, len(p.Text)-60):])
	}
	if p := c.Body[17]; !strings.HasPrefix(p.Text, "On industry-wide issues, Hampton") {
		t.Errorf("¶18: %.60q", p.Text)
	}
}

// Only the next number with a portion mark is split off: a number out of
// sequence, or one without a mark, stays in the text.
func TestRunOnConservative(t *testing.T) {
	long := strings.Repeat("The talks went on. ", 5)
	for _, tc := range []struct{ in, want string }{
		{"1. (C) " + long + "2. (C) " + long + "3. (C) End.", "1. (C) " + long + "|2. (C) " + long + "|3. (C) End."},
		{"1. (C) " + long + "see para 4. (C) " + long, ""},
		{"1. (C) " + long + "2. Next " + long, ""},
		{"Header line " + long + "2. (C) " + long, ""},
	} {
		in := []string{tc.in}
		got := splitRunOn(in)
		want := in
		if tc.want != "" {
			want = nil
			for i, s := range strings.Split(tc.want, "|") {
				if i > 0 {
					want = append(want, "")
				}
				want = append(want, strings.TrimSuffix(s, " "))
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("%.40q:\n got %q\nwant %q", tc.in, got, want)
		}
	}
}
