package parser

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"cablereader/model"
)

// "Summary and comment:" is one label that opens both a SUMMARY and a
// COMMENT over the same text, to its END label or its paragraph's end.
func TestSummaryAndComment(t *testing.T) {
	for _, tt := range []struct{ name, in, content string }{
		{"paragraph", "SUBJECT: X\n\n1. (C) Summary and comment: The court ruled. It matters.\n\n2. (C) More.\n", "The court ruled. It matters."},
		{"end label", "SUBJECT: X\n\n¶1. (C) Summary and comment:  Groups are committed.\nEnd summary and comment.\n\n2. (C) More.\n", "Groups are committed."},
		{"upper case", "SUBJECT: X\n\n1. (C) SUMMARY AND COMMENT: The court ruled.\n\n2. (C) More.\n", "The court ruled."},
	} {
		c := Parse([]byte(tt.in))
		var kinds []model.SpanKind
		for _, s := range c.Body[0].Spans {
			kinds = append(kinds, s.Kind)
			if s.Text != tt.content || s.Start != 0 {
				t.Errorf("%s: span %+v, want the content %q", tt.name, s, tt.content)
			}
		}
		if len(kinds) != 2 || kinds[0] != model.Summary || kinds[1] != model.Comment {
			t.Errorf("%s: spans %v, want SUMMARY and COMMENT", tt.name, kinds)
		}
		if len(c.Body) > 1 && len(c.Body[1].Spans) != 0 {
			t.Errorf("%s: the next paragraph has spans %+v", tt.name, c.Body[1].Spans)
		}
	}
	// A summary alone opens no comment.
	c := Parse([]byte("SUBJECT: X\n\n1. (C) Summary: The court ruled.\n"))
	if len(c.Body[0].Spans) != 1 || c.Body[0].Spans[0].Kind != model.Summary {
		t.Errorf("summary alone: %+v", c.Body[0].Spans)
	}
	raw, err := os.ReadFile(filepath.Join(pagesDir, "08CAIRO2122.txt"))
	if err != nil {
		t.Fatal(err)
	}
	c = Parse(raw)
	if sp := c.Body[0].Spans; len(sp) != 2 || sp[0].Kind != model.Summary || sp[1].Kind != model.Comment || sp[1].End != len(c.Body[0].Text) {
		t.Errorf("08CAIRO2122 ¶1 spans %+v", sp)
	}
}

// A 1970s telegram's banner writes the year before the station: it is the
// classification and the id, the year taken from it when the text has no
// date-time group.
func TestOldBannerWithYear(t *testing.T) {
	in := "C O N F I D E N T I A L 75 LIBREVILLE 1895\n\nE.O. 11652: GDS\nTAGS: PFOR, GB\nSUBJECT: PRESIDENT BONGO\n\n1. TEXT OF THE CABLE.\nSMITH\n\nCONFIDENTIAL\n\nNNN\n"
	c := Parse([]byte(in))
	if c.ID != "75LIBREVILLE1895" || c.Classification.Level != model.Confidential || c.Header.Subject != "PRESIDENT BONGO" || c.Signature != "SMITH" {
		t.Errorf("id %q classification %v subject %q signature %q", c.ID, c.Classification, c.Header.Subject, c.Signature)
	}
	if c.Routing != nil && len(c.Routing.To) > 0 {
		t.Errorf("the banner read as an addressee: %+v", c.Routing.To)
	}
	// With a date-time group, the id's year is the date's.
	c = Parse([]byte("R 171600Z MAY 74\nFM AMEMBASSY LIBREVILLE\nTO SECSTATE WASHDC 3410\n\nS E C R E T 74 LIBREVILLE 0812\n\nSUBJECT: X\n\n1. TEXT.\n"))
	if c.ID != "74LIBREVILLE812" || c.Classification.Level != model.Secret {
		t.Errorf("dated: id %q classification %v", c.ID, c.Classification)
	}
}

// Classified By glued to the subject's last word starts a field of its
// own.
func TestSubjectRunOnClassifiedBy(t *testing.T) {
	line := "SUBJECT: SCENESETTER FOR GENERAL PETRAEUS’ VISIT TO BAHRAINClassified By: Charge d’Affaires a.i. Christopher Henzel for reasons 1.4 (b) and (d)"
	c := Parse([]byte(line + "\n\n1. (C) Text.\n"))
	if len(c.Header.Lines) != 1 || c.Header.Lines[0] != line {
		t.Errorf("header lines %q, want the line as written", c.Header.Lines)
	}
	if c.Header.Subject != "SCENESETTER FOR GENERAL PETRAEUS’ VISIT TO BAHRAIN" || c.Header.ClassifiedBy == nil || c.Header.ClassifiedBy.Authority != "Charge d’Affaires a.i. Christopher Henzel" {
		t.Errorf("subject %q, classified by %+v", c.Header.Subject, c.Header.ClassifiedBy)
	}
}

// A "SUBJECT:" alone on its line takes the line below the blank one as the
// subject, and the "1.(SBU) Summary:" under it opens ¶1 and its summary.
func TestSubjectBelowBlank(t *testing.T) {
	in := "UNCLAS CAIRO 000207\n\nE.O. 12958: N/A\nTAGS: KFRD CVIS EG\n\nSUBJECT:\n\nFRAUD TOOLS CONTINUE TO DISMANTLE NETWORK REFS: (A) CAIRO 2483 (B) CAIRO 2562\n1.(SBU) Summary: The unit found fraud. End Summary.\n\n2.(SBU) To date the unit has found 21 cases.\n"
	c := Parse([]byte(in))
	if got, want := c.Header.Subject, "FRAUD TOOLS CONTINUE TO DISMANTLE NETWORK"; got != want {
		t.Fatalf("subject %q, want %q", got, want)
	}
	if len(c.Body) == 0 || c.Body[0].Number != 1 {
		t.Fatalf("first paragraph %+v, want ¶1", c.Body)
	}
	found := false
	for _, s := range c.Body[0].Spans {
		found = found || s.Kind == model.Summary
	}
	if !found {
		t.Errorf("¶1 spans %+v, want a summary", c.Body[0].Spans)
	}
}

// A backslash that ends a line is the dump's escaped line break, not
// text: 07BERN151's subject runs over a line ending in one, 09TRIPOLI417's
// whole text (a row without its date and id) ends its lines in one.
func TestLineEndBackslash(t *testing.T) {
	read := func(id string) *model.Cable {
		raw, err := os.ReadFile(filepath.Join(pagesDir, id+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		return ParseAs(raw, id)
	}
	c := read("07BERN151")
	if want := `SWISS CABINET AUTHORIZES A CRIMINAL INVESTIGATION ON "RENDITION OVERFLIGHT:" ENDS INVESTIGATION OF "AGENT TOM"`; c.Header.Subject != want {
		t.Errorf("07BERN151 subject %q, want %q", c.Header.Subject, want)
	}
	c = read("09TRIPOLI417")
	if c.Origin != "AMEMBASSY TRIPOLI" || c.Header.Subject != "AL-QADHAFI: NO LONGER RELUCTANT TO ENGAGE WITH AFRICOM" {
		t.Errorf("09TRIPOLI417: origin %q subject %q", c.Origin, c.Header.Subject)
	}
	n := 0
	for _, p := range c.Body {
		n++
		if strings.Contains(p.Text, `\`) {
			t.Errorf("09TRIPOLI417 %s keeps a backslash: %.80q", p.Label, p.Text)
		}
	}
	if n < 5 {
		t.Errorf("09TRIPOLI417: %d paragraphs", n)
	}
	// A backslash inside a line, one doubled at its end, and one after
	// ESC (a string terminator) are text.
	if got := splitLines("C:\\DOCS \\\nA \\\\\nB \\ \nST \x1b\\"); !slices.Equal(got, []string{`C:\DOCS`, `A \\`, "B", "ST \x1b\\"}) {
		t.Errorf("splitLines %q", got)
	}
}
