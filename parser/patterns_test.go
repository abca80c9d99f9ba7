package parser

import (
	"math/rand/v2"
	"os"
	"reflect"
	"strings"
	"testing"
)

// TestGuards checks the quick tests in front of the guarded patterns:
// every text a pattern matches must pass its test. The texts are every
// line of the test cables, as written and trimmed, every paragraph they
// parse to, lines that sit at the edges of the tests, and random lines
// made of the patterns' own pieces.
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
		"INFO AMEMBASSY HANOIUNCLAS SECTION 01 OF 03 HANOI 000123",
		"INFO RUEHC/SECSTATE WASHDCS E C R E T ROME 001234",
		"TOKYO 00002531  002.2 of 003",
		"RUEHC/SECSTATE WASHDC PRIORITY 0974",
		"S S E C R E T ROME 001234",
		"UUNCLAS ROME 001234",
		"Limited Official Use ROME 1234",
		"T O P  SECRET TOKYO 001234",
		"C O N F I D E N T I A L SECTION 01 OF 02 TOKYO 002531",
		"A. REF AMMAN 222",
		"REF. STATE 184178",
		"ID:247169 Cable dated:2010-02-04T10:15:00C O N F I D E N T I A L LONDON 000255NOFORN",
		"Cable dated:2005-08-17T21:24:00]C O N F I D E N T I A L LIMA 003571SIPDIS",
		"SUBJECT: VISIT TO BAHRAINClassified By: Charge d’Affaires",
	}
	for _, f := range cableFiles(t) {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range splitLines(decoded(raw)) {
			texts = append(texts, l)
			if tl := strings.TrimSpace(l); tl != l {
				texts = append(texts, tl)
			}
		}
		for _, p := range Parse(raw).Body {
			texts = append(texts, p.Text)
		}
	}
	// Random lines from the pieces the patterns are made of.
	pieces := []string{" ", "  ", "\t", "\f", "ſ", "é", "x", "ab", ".", ":", ",", "/", "-", "(", ")", "#", "¶", "...",
		"0", "1", "12", "123", "0974", "12958", "00002531", "002", "030836Z", "SEP", "OF", "of", "by",
		"SECRET", "S E C R E T", "CONFIDENTIAL", "UNCLAS", "SECTION 01 OF 02", "TOKYO", "SIPDIS", "NOFORN",
		"VZCZC", "ZZ", "RR", "RUEHC", "DE", "ZNR", "UUUUU", "P", "FM", "TO", "INFO", "XMT", "ACTION", "AF-00",
		"PAGE", "E.O.", "EO", "TAGS", "Subject", "REF", "CLASSIFIED BY", "FOR", "PASS", "SUMMARY", "Summary", "BEGIN",
		"XXXX", "SENSITIVE BUT UNCLASSIFIED", "This record is a partial extract of the original cable.",
		"The full text of the original cable is not available."}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 5000 {
		var b strings.Builder
		for range 1 + rng.IntN(7) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
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

// TestFindAnchors compares findAnchors with the plain pattern on every
// line of the test cables and on random lines built from keywords,
// near-misses and the runes that test \b and (?i).
func TestFindAnchors(t *testing.T) {
	var texts []string
	for _, f := range cableFiles(t) {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, splitLines(decoded(raw))...)
	}
	pieces := []string{"SIPDIS", "E.O. 12958", "EO 13526", "E O12356", "TAGS:", "tag :", "ſubj:", "Subject:", "xref:",
		"REF(S):", "reftels:", "classified by", "CLASSIFIED  BY", "by", " ", "\t", ":", "é", "€", "\xc5", "\xbf", "_", "x", "1", "(", "."}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(8) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	found := 0
	for _, s := range texts {
		want := anchors.Regexp.FindAllStringIndex(s, -1)
		got := findAnchors(s)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("findAnchors(%q) = %v, want %v", s, got, want)
		}
		found += len(want)
	}
	if found < 1000 {
		t.Errorf("only %d anchors in the texts", found)
	}
}

// TestClassifiedByAt checks the shortcut against the plain expression
// where it matters: an answer below 40.
func TestClassifiedByAt(t *testing.T) {
	texts := []string{"", "Classified by: x", "ıı Classified by", "é" + strings.Repeat("x", 30) + " classified by DCM"}
	for k := 35; k <= 45; k++ {
		texts = append(texts, strings.Repeat("x", k)+"Classified By: Ambassador "+strings.Repeat("y", 80))
	}
	for _, f := range cableFiles(t) {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range Parse(raw).Body {
			texts = append(texts, p.Text)
		}
	}
	for _, s := range texts {
		want := strings.Index(strings.ToUpper(s), "CLASSIFIED BY")
		got := classifiedByAt(s)
		if (want >= 0 && want < 40) != (got >= 0 && got < 40) || want >= 0 && want < 40 && got != want {
			t.Errorf("classifiedByAt(%.60q) = %d, want %d", s, got, want)
		}
	}
}
