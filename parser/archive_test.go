package parser

import (
	"strings"
	"testing"

	"cablereader/model"
)

// The id an archive publishes a record as is taken over the text's when
// the text gives none, only part of one, or another cable's.
func TestParseAs(t *testing.T) {
	const header = "UNCLAS SECTION 01 OF 02 BRASILIA 004227\n\nSUBJECT: A TEST\n\n1. (U) Text.\n"
	const dated = "R 021200Z NOV 09\nFM AMEMBASSY TOKYO\nTO SECSTATE WASHDC\n\nC O N F I D E N T I A L TOKYO 002531\n\nSUBJECT: A TEST\n\n1. (C) Text.\n"
	for _, tc := range []struct {
		name, text, archive, id string
		notice                  bool
	}{
		{"no archive id", header, "", "BRASILIA4227", false},
		{"the year from the archive", header, "02BRASILIA4227", "02BRASILIA4227", false},
		{"the same id", dated, "09TOKYO2531", "09TOKYO2531", false},
		{"another cable's header", dated, "09MOSCOW1108", "09MOSCOW1108", true},
		{"a name that is no id", dated, "notes", "09TOKYO2531", false},
		{"no id in the text", "SUBJECT: A TEST\n\n1. Text.\n", "05SOFIA1280", "05SOFIA1280", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := ParseAs([]byte(tc.text), tc.archive)
			if c.ID != tc.id {
				t.Errorf("id %q, want %q", c.ID, tc.id)
			}
			found := false
			for _, n := range c.Notices {
				found = found || strings.Contains(n, "header is of cable 09TOKYO2531, but the archive publishes this record as 09MOSCOW1108")
			}
			if found != tc.notice {
				t.Errorf("notices %q", c.Notices)
			}
		})
	}
}

// A record with no banner is classified as its most restricted portion,
// and says so.
func TestLevelFromPortionMarkings(t *testing.T) {
	for _, tc := range []struct {
		text string
		want model.Level
	}{
		{"SUBJECT: A TEST\n\n1. (C) Summary. Text.\n\n2. (U) More.\n", model.Confidential},
		{"SUBJECT: A TEST\n\n1. (SBU) Text.\n\n2. (S/NF) More.\n", model.Secret},
		{"SUBJECT: A TEST\n\n1. Text.\n", model.LevelUnknown},
		{"S E C R E T STATE 123456\n\nSUBJECT: A TEST\n\n1. (C) Text.\n", model.Secret},
	} {
		c := Parse([]byte(tc.text))
		if c.Classification.Level != tc.want {
			t.Errorf("%q: level %v, want %v", tc.text, c.Classification.Level, tc.want)
		}
	}
}

// A printout's page header run into the page's first line, and the
// distribution block a later section repeats under it, are page furniture:
// kept as markers, never in the text, the sentence joined.
func TestPrintoutFurniture(t *testing.T) {
	src := "CONFIDENTIAL\n\nSUBJECT: A TEST\n\n1. (C) THE MINISTER SAID THE BUSINESS INTERESTS OF SENIOR\n" +
		"PAGE 03 HARARE 05461 01 OF 02 271458Z OFFICIALS WERE AT STAKE.\n\n" +
		"PAGE 01 HARARE 05461 02 OF 02 271459Z ACTION AF-00\n" +
		"INFO LOG-00 NP-00 ACQ-00 CIAE-00\n      DS-00 EUR-00 /006W\n                  ------------------8A8E0D  271459Z /38\n" +
		"2. (C) MORE TEXT.\n"
	c := Parse([]byte(src))
	if len(c.Body) < 2 || !strings.HasSuffix(c.Body[0].Text, "INTERESTS OF SENIOR OFFICIALS WERE AT STAKE.") {
		t.Fatalf("body %+v", c.Body)
	}
	for _, p := range c.Body {
		if strings.Contains(p.Text, "PAGE") || strings.Contains(p.Text, "LOG-00") || strings.Contains(p.Text, "/006W") {
			t.Errorf("furniture in ¶%d: %q", p.Number, p.Text)
		}
	}
	if len(c.PageMarkers) != 2 || !strings.Contains(c.PageMarkers[1].Text, "ACTION AF-00\nINFO LOG-00") {
		t.Errorf("markers %+v", c.PageMarkers)
	}
}

// A subject stops at the next field on its line (Ref(s):), at a rule
// under it, and at an underlined heading after a page break.
func TestSubjectStops(t *testing.T) {
	for _, tc := range []struct{ src, subject string }{
		{"UNCLAS RIO DE JANEIRO 000165\n\nSUBJECT: AMBASSADOR MEETS ENERGY ENTITIES IN RIO Ref(s): A) 08 RIO DE JAN 138\n\n1. Text.\n",
			"AMBASSADOR MEETS ENERGY ENTITIES IN RIO"},
		{"UNCLAS HARARE 000888\n\nSUBJECT: ZIM NOTES 11-09-2009\n-----------\n1. Text.\n",
			"ZIM NOTES 11-09-2009"},
		{"UNCLAS VLADIVOSTOK 000005\n\nSUBJECT: FOREST MAFIA ADAPTS TO THE ECONOMIC CRISIS\n\nVLADIVOSTO 00000005 001.2 OF 003\n\n\nIntroduction\n------------\n\n1. Text.\n",
			"FOREST MAFIA ADAPTS TO THE ECONOMIC CRISIS"},
	} {
		if c := Parse([]byte(tc.src)); c.Header.Subject != tc.subject {
			t.Errorf("subject %q, want %q", c.Header.Subject, tc.subject)
		}
	}
}

// A REF line names posts as people write them; the ids use the canonical
// station.
func TestReferenceStations(t *testing.T) {
	src := "R 021200Z NOV 09\nFM AMEMBASSY TOKYO\nTO SECSTATE WASHDC\n\nUNCLAS TOKYO 002531\n\nSUBJECT: A TEST\n" +
		"REF: A. UNVIE 544 B. 08 RIO DE JAN 138 C. USUNESCO PARIS FR 1234 D. EMBASSY VIENNA 1450 E. SECSTATE 54183\n\n1. Text.\n"
	var got []string
	for _, r := range Parse([]byte(src)).Header.References {
		got = append(got, r.ID)
	}
	want := []string{"09UNVIEVIENNA544", "08RIODEJANEIRO138", "09UNESCOPARISFR1234", "09VIENNA1450", "09STATE54183"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("ids %q, want %q", got, want)
	}
}
