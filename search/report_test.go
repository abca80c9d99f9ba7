package search

import (
	"os"
	"strings"
	"testing"
)

// The index holds a cable's text from its banner on: the transmission
// header above it is left out, however the header ends.
func TestReportText(t *testing.T) {
	for _, tc := range []struct{ file, starts string }{
		{"09TOKYO2531.txt", "C O N F I D E N T I A L SECTION 01 OF 02 TOKYO 002531"},
		{"09BELGRADE1222.txt", "Thursday, 22 October 2009, 15:12"}, // no blank line after the header
		{"06KABUL3934.txt", "UNCLAS SECTION 01 OF 05 KABUL 003934"},
		{"02ADANA386.txt", ""}, // no header: kept whole
	} {
		data, err := os.ReadFile("../testdata/cables/" + tc.file)
		if err != nil {
			t.Fatal(err)
		}
		got := string(reportText(data))
		if tc.starts == "" {
			if got != string(data) {
				t.Errorf("%s: cut", tc.file)
			}
			continue
		}
		if !strings.HasPrefix(strings.TrimLeft(got, "\n\r "), tc.starts) {
			t.Errorf("%s starts %q", tc.file, got[:min(len(got), 60)])
		}
	}
}

// A snippet shows the query's words in the reporting rather than in the
// subject, which the result's row shows already; a window with more of
// the words wins wherever it is.
func TestSnippetPrefersReporting(t *testing.T) {
	text := "SUBJECT: IRAN TALKS\n\nClassified By: Ambassador, reasons 1.4 (b).\n\n1. (C) We discussed Iran with the minister today.\n"
	q, err := Parse("iran")
	if err != nil {
		t.Fatal(err)
	}
	if sn := MakeSnippet(text, q); !strings.Contains(sn.Text, "We discussed Iran") {
		t.Errorf("snippet %q", sn.Text)
	}
	q, _ = Parse("iran talks")
	if sn := MakeSnippet(text, q); !strings.Contains(sn.Text, "IRAN TALKS") {
		t.Errorf("both words: snippet %q", sn.Text)
	}
}
