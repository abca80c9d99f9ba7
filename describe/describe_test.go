package describe_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"cablereader/describe"
	"cablereader/input"
	"cablereader/model"
	"cablereader/parser"
)

// load parses a real cable from the repository's testdata.
func load(t *testing.T, path ...string) *model.Cable {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(append([]string{"..", "testdata"}, path...)...))
	if err != nil {
		t.Fatal(err)
	}
	return parser.Parse(b)
}

var kinds = map[describe.Kind]string{
	describe.Plain: "", describe.Indicators: " [indicators]", describe.Station: " [station]",
	describe.Addressees: " [addressees]", describe.AsFound: " [as found]",
}

// show writes rows out whole, one line a row and one an item, with every
// field an item has: "  - text | RI | name | precedence | serial | except".
func show(rows []describe.Row) string {
	var b strings.Builder
	for _, r := range rows {
		learned := ""
		if r.Learned {
			learned = " (learned)"
		}
		fmt.Fprintf(&b, "%s%s%s: %s\n", r.Label, kinds[r.Kind], learned, r.Value)
		for _, it := range r.Items {
			fields := []string{it.Text}
			if it.RI+it.Name+it.Precedence+it.Serial != "" || it.Except != nil || it.Learned {
				name := it.Name
				if it.Learned {
					name += " (learned)"
				}
				fields = append(fields, it.RI, name, it.Precedence, it.Serial, strings.Join(it.Except, ", "))
			}
			fmt.Fprintf(&b, "  - %s\n", strings.Join(fields, " | "))
		}
	}
	return b.String()
}

func check(t *testing.T, what string, rows []describe.Row, want string) {
	t.Helper()
	want = strings.TrimPrefix(want, "\n")
	if got := show(rows); got != want {
		t.Errorf("%s:\n%s\nwant:\n%s", what, got, want)
	}
}

// The sample's routing details, every row and item exact: the prosign in
// words, the indicators named by the cable's own addressees first and the
// glossary after (two no one names), the DE line and the date-time group
// in words, the addressees with their plain-language names.
func TestTokyo(t *testing.T) {
	c := load(t, "09TOKYO2531.txt")
	check(t, "Transmission", describe.Transmission(c, nil), `
Transm. id: VZCZCXRO5973
Prosign: OO · IMMEDIATE (highest precedence in the message)
Indicators [indicators]: 
  - RUEHBI (AMCONSUL MUMBAI) | RUEHBI | AMCONSUL MUMBAI |  |  | 
  - RUEHCHI (AMCONSUL CHIANG MAI) | RUEHCHI | AMCONSUL CHIANG MAI |  |  | 
  - RUEHCI (AMCONSUL KOLKATA) | RUEHCI | AMCONSUL KOLKATA |  |  | 
  - RUEHCN (AMCONSUL CHENGDU) | RUEHCN | AMCONSUL CHENGDU |  |  | 
  - RUEHDBU (AMEMBASSY DUSHANBE) | RUEHDBU | AMEMBASSY DUSHANBE |  |  | 
  - RUEHDT (AMEMBASSY DILI) | RUEHDT | AMEMBASSY DILI |  |  | 
  - RUEHFK (AMCONSUL FUKUOKA) | RUEHFK | AMCONSUL FUKUOKA |  |  | 
  - RUEHGH | RUEHGH |  |  |  | 
  - RUEHHM (AMCONSUL HO CHI MINH CITY) | RUEHHM | AMCONSUL HO CHI MINH CITY |  |  | 
  - RUEHJO | RUEHJO |  |  |  | 
  - RUEHKN (AMEMBASSY KOLONIA) | RUEHKN | AMEMBASSY KOLONIA |  |  | 
  - RUEHKS (AMCONSUL SAPPORO) | RUEHKS | AMCONSUL SAPPORO |  |  | 
  - RUEHLH (AMCONSUL LAHORE) | RUEHLH | AMCONSUL LAHORE |  |  | 
  - RUEHMJ (AMEMBASSY MAJURO) | RUEHMJ | AMEMBASSY MAJURO |  |  | 
  - RUEHNEH (AMCONSUL HYDERABAD) | RUEHNEH | AMCONSUL HYDERABAD |  |  | 
  - RUEHNH (AMCONSUL NAHA) | RUEHNH | AMCONSUL NAHA |  |  | 
  - RUEHPB (AMEMBASSY PORT MORESBY) | RUEHPB | AMEMBASSY PORT MORESBY |  |  | 
  - RUEHPT (AMCONSUL PERTH) | RUEHPT | AMCONSUL PERTH |  |  | 
  - RUEHPW (AMCONSUL PESHAWAR) | RUEHPW | AMCONSUL PESHAWAR |  |  | 
  - RUEHSL (AMEMBASSY BRATISLAVA) | RUEHSL | AMEMBASSY BRATISLAVA |  |  | 
DE [station]: RUEHKO (AMEMBASSY TOKYO) · serial #2531 · section 01 · filed day 306 at 0723Z = 2009-11-02 07:23 UTC
Security: ZNY CCCCC ZZH · CONFIDENTIAL, on-line encrypted
DTG: 020723Z NOV 09 · 2009-11-02 07:23 UTC (Mon 2 Nov 2009)
TO [addressees]: 
  - RUEHC SECSTATE WASHDC — Secretary of State, Washington · IMMEDIATE · serial 7199 | RUEHC | SECSTATE WASHDC — Secretary of State, Washington | IMMEDIATE | 7199 | 
INFO [addressees]: 
  - RUCNASE ASEAN MEMBER COLLECTIVE · PRIORITY | RUCNASE | ASEAN MEMBER COLLECTIVE | PRIORITY |  | 
  - RUCNCLC CHILD LABOR COLLECTIVE · PRIORITY | RUCNCLC | CHILD LABOR COLLECTIVE | PRIORITY |  | 
  - RUEHZJ HUMAN RIGHTS COUNCIL COLLECTIVE · PRIORITY | RUEHZJ | HUMAN RIGHTS COUNCIL COLLECTIVE | PRIORITY |  | 
  - RUCNRBC RIMC BANGKOK COLLECTIVE · PRIORITY | RUCNRBC | RIMC BANGKOK COLLECTIVE | PRIORITY |  | 
  - RUCNNAR VIENNA NARCOTICS COLLECTIVE · PRIORITY | RUCNNAR | VIENNA NARCOTICS COLLECTIVE | PRIORITY |  | 
  - RUEHBK AMEMBASSY BANGKOK — US Embassy Bangkok · PRIORITY · serial 4734 | RUEHBK | AMEMBASSY BANGKOK — US Embassy Bangkok | PRIORITY | 4734 | 
  - RUEHJA AMEMBASSY JAKARTA — US Embassy Jakarta · PRIORITY · serial 4452 | RUEHJA | AMEMBASSY JAKARTA — US Embassy Jakarta | PRIORITY | 4452 | 
  - RUEHKL AMEMBASSY KUALA LUMPUR — US Embassy Kuala Lumpur · PRIORITY · serial 1990 | RUEHKL | AMEMBASSY KUALA LUMPUR — US Embassy Kuala Lumpur | PRIORITY | 1990 | 
  - RUEHMK AMEMBASSY MANAMA — US Embassy Manama · PRIORITY · serial 0225 | RUEHMK | AMEMBASSY MANAMA — US Embassy Manama | PRIORITY | 0225 | 
  - RUEHML AMEMBASSY MANILA — US Embassy Manila · PRIORITY · serial 1478 | RUEHML | AMEMBASSY MANILA — US Embassy Manila | PRIORITY | 1478 | 
  - RUEHPF AMEMBASSY PHNOM PENH — US Embassy Phnom Penh · PRIORITY · serial 0742 | RUEHPF | AMEMBASSY PHNOM PENH — US Embassy Phnom Penh | PRIORITY | 0742 | 
  - RUEHFK AMCONSUL FUKUOKA — US Consulate Fukuoka · PRIORITY · serial 7201 | RUEHFK | AMCONSUL FUKUOKA — US Consulate Fukuoka | PRIORITY | 7201 | 
  - RUEHNH AMCONSUL NAHA — US Consulate Naha · PRIORITY · serial 9557 | RUEHNH | AMCONSUL NAHA — US Consulate Naha | PRIORITY | 9557 | 
  - RUEHOK AMCONSUL OSAKA KOBE — US Consulate Osaka Kobe · PRIORITY · serial 1020 | RUEHOK | AMCONSUL OSAKA KOBE — US Consulate Osaka Kobe | PRIORITY | 1020 | 
  - RUEHKS AMCONSUL SAPPORO — US Consulate Sapporo · PRIORITY · serial 7713 | RUEHKS | AMCONSUL SAPPORO — US Consulate Sapporo | PRIORITY | 7713 | 
  - RHMFISS FBI WASHDC · PRIORITY | RHMFISS | FBI WASHDC | PRIORITY |  | 
  - RUEHBK FBIS BANGKOK TH · PRIORITY | RUEHBK | FBIS BANGKOK TH | PRIORITY |  | 
  - RUEAWJA JUSTICE DEPT WASHDC · PRIORITY | RUEAWJA | JUSTICE DEPT WASHDC | PRIORITY |  | 
`)
	check(t, "Extras", describe.Extras(c), `
Caveats: SIPDIS
Pages: 2 page breaks removed from the text
TAGS: 
  - KTIP · program · Trafficking in Persons (unverified)
  - PGOV · subject · Internal Governmental Affairs
  - PHUM · subject · Human Rights
  - ELAB · subject · Labor Sector Affairs
  - JA · geographic · Japan
  - TH · geographic · Thailand
`)
}

// Names other cables of the archive give come last, after the cable's own
// and the glossary's, and are marked: the sample leaves RUEHGH and RUEHJO
// unnamed, so only they take the archive's names.
func TestTokyoLearned(t *testing.T) {
	c := load(t, "09TOKYO2531.txt")
	var asked []string
	other := func(ri string) (string, bool) {
		asked = append(asked, ri)
		if ri == "RUEHJO" {
			return "", true // known, but with no name: no name
		}
		return "ARCHIVE " + ri, true
	}
	rows := describe.Transmission(c, other)
	ind := rows[2]
	if ind.Kind != describe.Indicators || !ind.Learned {
		t.Fatalf("indicators row %q: kind %d, learned %v", ind.Label, ind.Kind, ind.Learned)
	}
	var learned []string
	for _, it := range ind.Items {
		if it.Learned {
			learned = append(learned, it.Text+" | "+it.Name)
		}
	}
	if got, want := strings.Join(learned, "; "), "RUEHGH (ARCHIVE RUEHGH)* | ARCHIVE RUEHGH"; got != want {
		t.Errorf("learned indicators: %q, want %q", got, want)
	}
	if got := ind.Items[9]; got.Text != "RUEHJO" || got.Name != "" || got.Learned {
		t.Errorf("an empty name from the archive: %+v", got)
	}
	if de := rows[3]; de.Learned || de.Value != "RUEHKO (AMEMBASSY TOKYO) · serial #2531 · section 01 · filed day 306 at 0723Z = 2009-11-02 07:23 UTC" {
		t.Errorf("DE: %+v", de)
	}
	if got, want := strings.Join(asked, " "), "RUEHGH RUEHJO"; got != want {
		t.Errorf("the archive was asked for %q, want only %q", got, want)
	}
}

// A cable whose TAGS line holds a place: the codes in words, then the
// item that is no code; the preamble of the dump as it stands; no
// transmission header.
func TestAdanaOtherTags(t *testing.T) {
	c := load(t, "cables", "02ADANA386.txt")
	if rows := describe.Transmission(c, nil); rows != nil {
		t.Errorf("a cable without a transmission header has rows:\n%s", show(rows))
	}
	check(t, "Extras", describe.Extras(c), `
Caveats: SIPDIS
TAGS: 
  - PREL · subject · External Political Relations
  - PINS · subject · National Security (unverified)
  - PGOV · subject · Internal Governmental Affairs
  - PHUM · subject · Human Rights
  - TU · geographic · Turkey
  - IZ · geographic · Iraq
  - ADANA · not a TAGS code
Preamble [as found]: 
  - 02ADANA386
  - SOUTHEAST TURKEY PRESS SUMMARY
  - Wed Nov 20 00:00:00 +0100 2002
  - UNCLASSIFIED
  - Consulate Adana
`)
}

// Fragments: a station only the archive names, a DE line with only a
// section and a filing time, which stays as found without a date; one
// page break; OtherTags alone; a collective that leaves posts out; an
// indicator named twice by the cable's own lines.
func TestFragments(t *testing.T) {
	other := func(ri string) (string, bool) { return "Somewhere", ri == "RUEHXYZ" }
	c := &model.Cable{
		Routing: &model.Routing{
			Indicators: []string{"RUEHAB"},
			Station:    "RUEHXYZ",
			Serial:     "0042",
			To: []model.Addressee{
				{RI: "RUEHAB", Name: "AMEMBASSY ABIDJAN"},
				{RI: "RUEHAB", Name: "AMEMBASSY ABIDJAN"},
				{RI: "RUEHAB", Name: "ABIDJAN POST"},
			},
			Info: []model.Addressee{{Name: "EU MEMBER STATES COLLECTIVE", Exempt: []string{"AMEMBASSY PARIS", "AMEMBASSY ROME"}}},
		},
		PageMarkers: []model.PageMarker{{}},
	}
	c.Header.OtherTags = []string{"SMITH, JOHN"}
	check(t, "Transmission", describe.Transmission(c, other), `
Indicators [indicators]: 
  - RUEHAB (AMEMBASSY ABIDJAN / ABIDJAN POST) | RUEHAB | AMEMBASSY ABIDJAN / ABIDJAN POST |  |  | 
DE [station] (learned): RUEHXYZ (Somewhere)* · serial #0042
TO [addressees]: 
  - RUEHAB AMEMBASSY ABIDJAN — US Embassy Abidjan | RUEHAB | AMEMBASSY ABIDJAN — US Embassy Abidjan |  |  | 
  - RUEHAB AMEMBASSY ABIDJAN — US Embassy Abidjan | RUEHAB | AMEMBASSY ABIDJAN — US Embassy Abidjan |  |  | 
  - RUEHAB ABIDJAN POST | RUEHAB | ABIDJAN POST |  |  | 
INFO [addressees]: 
  - EU MEMBER STATES COLLECTIVE · except AMEMBASSY PARIS, AMEMBASSY ROME |  | EU MEMBER STATES COLLECTIVE |  |  | AMEMBASSY PARIS, AMEMBASSY ROME
`)
	check(t, "Extras", describe.Extras(c), `
Pages: 1 page break removed from the text
TAGS: 
  - SMITH, JOHN · not a TAGS code
`)

	c = &model.Cable{Routing: &model.Routing{SectionNumber: "/02", Julian: "3060723"}}
	check(t, "DE without a station, undated", describe.Transmission(c, nil), `
DE [station]: section 02 · filed 3060723
`)
	c.Date = time.Date(2009, 11, 2, 7, 23, 0, 0, time.UTC)
	check(t, "DE without a station, dated", describe.Transmission(c, nil), `
DE [station]: section 02 · filed day 306 at 0723Z = 2009-11-02 07:23 UTC
`)
}

func TestReadableDate(t *testing.T) {
	// 23:30 in New York is the next day in UTC.
	ny := time.FixedZone("EST", -5*3600)
	if got, want := describe.ReadableDate(time.Date(2009, 11, 1, 23, 30, 0, 0, ny)), "2009-11-02 04:30 UTC (Mon 2 Nov 2009)"; got != want {
		t.Errorf("ReadableDate = %q, want %q", got, want)
	}
}

func TestAddsWords(t *testing.T) {
	for _, tt := range []struct {
		orig, decoded string
		want          bool
	}{
		{"AMEMBASSY BANGKOK", "US Embassy Bangkok", true},
		{"ASEAN MEMBER COLLECTIVE", "ASEAN MEMBER (collective)", false},
		{"SECSTATE WASHDC", "Secretary of State, Washington", true},
		{"", "", false},
		{"", "Tokyo", true},
	} {
		if got := describe.AddsWords(tt.orig, tt.decoded); got != tt.want {
			t.Errorf("AddsWords(%q, %q) = %v, want %v", tt.orig, tt.decoded, got, tt.want)
		}
	}
}

// The caveats row names each caveat once: 06BERN2115 (a page of the 2011
// dump) writes SIPDIS twice under its banner.
func TestCaveatsOnce(t *testing.T) {
	raw, err := os.ReadFile("../testdata/caveats/06BERN2115.txt")
	if err != nil {
		t.Fatal(err)
	}
	text, _, err := input.Decode(raw, input.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	c := parser.Parse(text)
	if len(c.Caveats) != 2 {
		t.Errorf("as found: %q, want SIPDIS twice", c.Caveats)
	}
	got := ""
	for _, r := range describe.Extras(c) {
		if r.Label == "Caveats" {
			got = r.Value
		}
	}
	if got != "SIPDIS" {
		t.Errorf("Caveats %q, want SIPDIS", got)
	}
}
