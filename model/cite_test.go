package model

import (
	"testing"
	"time"
)

func TestCitation(t *testing.T) {
	c := &Cable{
		ID:             "09STATE1",
		Origin:         "SECSTATE WASHDC",
		Date:           time.Date(2009, 1, 2, 3, 4, 0, 0, time.UTC),
		Classification: Classification{Level: Secret},
		Caveats:        []string{"NOFORN"},
		Header:         Header{Subject: "A\nTEST"},
		Body: []Paragraph{
			{Text: "SUBJECT: A TEST"},
			{Number: 1, Marking: "S/NF", Text: "One\nline  two."},
			{Number: 2, Text: "Two."},
			{Text: "CLINTON"},
		},
	}
	for i, want := range []string{
		`09STATE1 before ¶1: "SUBJECT: A TEST"`,
		`09STATE1 ¶1 (S/NF): "One line two."`,
		`09STATE1 ¶2: "Two."`,
		`09STATE1 after ¶2: "CLINTON"`,
		``,
	} {
		if got := c.Citation(i); got != want {
			t.Errorf("Citation(%d) = %q, want %q", i, got, want)
		}
	}
	if got, want := c.ReferenceLine(), `09STATE1 · 2009-01-02 · SECSTATE WASHDC · "A TEST" · SECRET//NOFORN`; got != want {
		t.Errorf("ReferenceLine = %q, want %q", got, want)
	}
	plain := &Cable{Body: []Paragraph{{Text: "a"}, {Text: "b"}}}
	if got := plain.Citation(1); got != `text 2: "b"` {
		t.Errorf("Citation without id or numbers = %q", got)
	}
	if got := plain.ReferenceLine(); got != "" {
		t.Errorf("ReferenceLine of an empty header = %q", got)
	}
}
