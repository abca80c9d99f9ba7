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
