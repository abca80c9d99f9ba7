package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// The PlusD record pages and a page with the raw cables.csv row open and
// print as JSON with the archive's metadata.
func TestPagesAsJSON(t *testing.T) {
	type field struct{ Name, Value string }
	for _, tt := range []struct {
		file, id, canonical, date, class, subject, signature string
		record                                               field
	}{
		{"1974ATHENS02959_b.html", "74ATHENS2959", "1974ATHENS02959_b", "1974-05-17T16:00:00Z", "LIMITED OFFICIAL USE",
			"ARRESTS OF KALOUDIS AND AMBATIELOS", "TASCA", field{"From", "Greece Athens"}},
		{"1974ATHENS03099_b.html", "74ATHENS3099", "1974ATHENS03099_b", "1974-05-23T15:15:00Z", "CONFIDENTIAL",
			"ARRESTS OF KALOUDIS AND AMBATIELOS", "TASCA", field{"Original Classification", "CONFIDENTIAL"}},
		{"1973STATE097844_b.html", "73STATE97844", "1973STATE097844_b", "1973-05-22T18:28:00Z", "LIMITED OFFICIAL USE",
			"INFORMATION TO FORMER SENATOR TYDINGS", "PORTER", field{"Canonical ID", "1973STATE097844_b"}},
		{"06BERN1280.txt", "06BERN1280", "", "2006-07-10T14:51:00Z", "CONFIDENTIAL",
			"IRAN: LARIJANI MEETS WITH SWISS FM CALMY-REY", "URBAN", field{"origin", "Embassy Bern"}},
	} {
		out, stderr, code := cli(t, "", "--format", "json", "testdata/pages/"+tt.file)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", tt.file, code, stderr)
		}
		var j struct {
			ID, Classification, Subject, Date string
			Canonical                         *string `json:"canonical_id"`
			Signature                         *string
			Record                            []field
			Paragraphs                        []struct{ Text string }
		}
		if err := json.Unmarshal([]byte(out), &j); err != nil {
			t.Fatal(err)
		}
		canonical, signature := "", ""
		if j.Canonical != nil {
			canonical = *j.Canonical
		}
		if j.Signature != nil {
			signature = *j.Signature
		}
		if j.ID != tt.id || canonical != tt.canonical || j.Date != tt.date || j.Classification != tt.class || j.Subject != tt.subject || signature != tt.signature {
			t.Errorf("%s: id %q canonical %q date %q classification %q subject %q signature %q", tt.file, j.ID, canonical, j.Date, j.Classification, j.Subject, signature)
		}
		found := false
		for _, f := range j.Record {
			found = found || f == tt.record
		}
		if !found {
			t.Errorf("%s: record %v lacks %v", tt.file, j.Record, tt.record)
		}
		for _, p := range j.Paragraphs {
			if strings.Contains(p.Text, `\`) || strings.Contains(p.Text, "Canonical ID") {
				t.Errorf("%s: paragraph %q", tt.file, p.Text)
			}
		}
	}
}
