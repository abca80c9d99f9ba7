package parser

import (
	"os"
	"strings"
	"testing"
)

// TestGuards checks the quick tests in front of the guarded patterns:
// every text a pattern matches must pass its test. The texts are every
// line of the test cables, as written and trimmed, every paragraph they
// parse to, and lines that sit at the edges of the tests.
func TestGuards(t *testing.T) {
	texts := []string{
		"\t\f SECRET SECTION 01 OF 02 TOKYO 002531",
		"ſecret tokyo 002531",    // (?i) folds ſ to s
		"eCRET NOFORN ROME 1234", // a dropped letter
		"1. (C) Classified By: Ambassador, reasons 1.4 (b) and (d)",
		"classified by",
		"WHA FOR E.O. 12958",
		"P 030836Z SEP 06",
		"o 030836z sep 06",
		"   AF-00 INR-00",
		"/006W",
		"--------- 0A1B2C 082030Z /38",
		"  (SBU) text",
		"¶12. Text",
		"Tags: PREL",
		"nofor, sipdis",
	}
	for _, f := range cableFiles(t) {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range splitLines(Decode(raw)) {
			texts = append(texts, l)
			if tl := strings.TrimSpace(l); tl != l {
				texts = append(texts, tl)
			}
		}
		for _, p := range Parse(raw).Body {
			texts = append(texts, p.Text)
		}
	}
	for _, g := range guardedPatterns {
		matched := 0
		for _, s := range texts {
			if g.Regexp.MatchString(s) {
				matched++
				if !g.passes(s) {
					t.Errorf("%q matches %s but fails its guard", s, g)
				}
			}
		}
		if matched == 0 {
			t.Errorf("no text matches %s: its guard is not tested", g)
		}
	}
}
