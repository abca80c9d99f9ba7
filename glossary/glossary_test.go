package glossary

import (
	"testing"
	"time"
)

func TestLookupTag(t *testing.T) {
	tests := []struct {
		code string
		want Tag
	}{
		// TAGS of the bundled sample 09TOKYO2531.
		{"KTIP", Tag{Code: "KTIP", Kind: TagProgram, Meaning: "Trafficking in Persons", Unverified: true}},
		{"PGOV", Tag{Code: "PGOV", Kind: TagSubject, Meaning: "Internal Governmental Affairs"}},
		{"PHUM", Tag{Code: "PHUM", Kind: TagSubject, Meaning: "Human Rights"}},
		{"ELAB", Tag{Code: "ELAB", Kind: TagSubject, Meaning: "Labor Sector Affairs"}},
		{"JA", Tag{Code: "JA", Kind: TagGeographic, Meaning: "Japan"}},
		{"TH", Tag{Code: "TH", Kind: TagGeographic, Meaning: "Thailand"}},
		// Other kinds and rule precedence.
		{"UN", Tag{Code: "UN", Kind: TagOrganization}},
		{"NATO", Tag{Code: "NATO", Kind: TagOrganization}},
		{"KANU", Tag{Code: "KANU", Kind: TagOrganization}},               // listed org beats the K-shape
		{"AL", Tag{Code: "AL", Kind: TagGeographic, Meaning: "Albania"}}, // FIPS beats the org list
		{"CLINTON, HILLARY", Tag{Code: "CLINTON, HILLARY", Kind: TagPerson}},
		{"PHSA", Tag{Code: "PHSA", Kind: TagSubject}},                                      // listed, no description
		{"ENRG", Tag{Code: "ENRG", Kind: TagSubject, Meaning: "Energy", Unverified: true}}, // partial handbook title
		{"XA", Tag{Code: "XA", Kind: TagGeographic}},                                       // regional, no table
		{"EU", Tag{Code: "EU", Kind: TagGeographic}},                                       // not Europa Island
		{"KZZZ", Tag{Code: "KZZZ", Kind: TagProgram}},                                      // shape only
		{" ktip ", Tag{Code: "ktip", Kind: TagProgram, Meaning: "Trafficking in Persons", Unverified: true}},
		// Unknown stays unknown.
		{"QQQQ", Tag{Code: "QQQQ", Kind: TagUnknown}},
		{"", Tag{}},
	}
	for _, tt := range tests {
		if got := LookupTag(tt.code); got != tt.want {
			t.Errorf("LookupTag(%q) = %+v, want %+v", tt.code, got, tt.want)
		}
	}
}

func TestTagKindString(t *testing.T) {
	want := map[TagKind]string{
		TagUnknown: "unknown", TagSubject: "subject", TagProgram: "program",
		TagGeographic: "geographic", TagOrganization: "organization", TagPerson: "person",
	}
	for k, s := range want {
		if k.String() != s {
			t.Errorf("%d.String() = %q, want %q", k, k.String(), s)
		}
	}
}

func TestRoutingIndicator(t *testing.T) {
	tests := []struct {
		ri, want string
		ok       bool
	}{
		{"RUEHKO", "AMEMBASSY TOKYO", true},
		{"RUEHC", "DEPT OF STATE WASHINGTON DC", true},
		{"RUEHBK", "AMEMBASSY BANGKOK", true},
		{"RUEHJA", "AMEMBASSY JAKARTA", true},
		{"RUEHKL", "AMEMBASSY KUALA LUMPUR", true},
		{"RUESJC", "CIA DCI JCS REP WASHINGTON DC", true}, // duplicate row collapsed
		{"RCEOCEA", "COMMCEN GANDER / COMMCEN HALIFAX", true},
		{"RUEHZJ", "", false}, // collectives are missing from the table
		// Rows corrected to the names the cables' routing lines give
		// (data/SOURCES.md): a swap, a wrong station, typos.
		{"RUEHDIR", "IRAN RPO DUBAI", true},
		{"RUEHNAG", "AMCONSUL NAGOYA", true},
		{"RHWSMRC", "USCINCCENT MACDILL AFB FL", true},
		{"RUCNDT", "USMISSION USUN NEW YORK", true},
		{"RUEHGT", "AMEMBASSY GUATEMALA", true},
		{"RUEHLM", "AMEMBASSY COLOMBO", true},
		{"RUEHMK", "AMEMBASSY MANAMA", true},
		{"RUEHOS", "AMCONSUL LAGOS", true},
		{"RUEHPL", "AMEMBASSY PORT LOUIS", true},
		{"RUEHPO", "AMEMBASSY PARAMARIBO", true},
		{"RUEHROV", "AMEMBASSY VATICAN", true},
		{"RUEHYD", "AMEMBASSY YAOUNDE", true},
		{"RUEHZP", "AMEMBASSY PANAMA", true},
		{"RXXXXX", "", false},
	}
	for _, tt := range tests {
		got, ok := RoutingIndicator(tt.ri)
		if got != tt.want || ok != tt.ok {
			t.Errorf("RoutingIndicator(%q) = %q, %v; want %q, %v", tt.ri, got, ok, tt.want, tt.ok)
		}
	}
}

func TestPrecedenceWord(t *testing.T) {
	tests := map[string]string{
		"Z": "FLASH", "ZZ": "FLASH", "O": "IMMEDIATE", "OO": "IMMEDIATE",
		"P": "PRIORITY", "PP": "PRIORITY", "R": "ROUTINE", "RR": "ROUTINE",
		"OP": "", "X": "", "": "",
	}
	for code, want := range tests {
		if got := PrecedenceWord(code); got != want {
			t.Errorf("PrecedenceWord(%q) = %q, want %q", code, got, want)
		}
	}
}

func TestDecodeSecurity(t *testing.T) {
	tests := []struct {
		line string
		want Security
		ok   bool
		str  string
	}{
		{"ZNY CCCCC ZZH", Security{Online: true, Level: "CONFIDENTIAL"}, true, "CONFIDENTIAL, on-line encrypted"},
		{"ZNR UUUUU ZZH  ", Security{Level: "UNCLASSIFIED"}, true, "UNCLASSIFIED, clear or off-line encrypted"},
		{"ZNR EEEEE ZZH", Security{Level: "UNCLASSIFIED (EFTO)"}, true, "UNCLASSIFIED (EFTO), clear or off-line encrypted"},
		{"ZNY SSSSS", Security{Online: true, Level: "SECRET"}, true, "SECRET, on-line encrypted"},
		{"ZNY TTTTT/AAAAA ZZH", Security{Online: true, Level: "TOP SECRET", Special: "SPECAT AAAAA"}, true, "TOP SECRET, on-line encrypted, SPECAT AAAAA"},
		{"ZNY XXXXX ZZH", Security{}, false, ""},
		{"ZNX CCCCC ZZH", Security{}, false, ""},
		{"ZNY CCCCC/QQQQQ", Security{}, false, ""},
		{"ZNY CCCCC ZZH EXTRA", Security{}, false, ""},
		{"garbage", Security{}, false, ""},
		{"", Security{}, false, ""},
	}
	for _, tt := range tests {
		got, ok := DecodeSecurity(tt.line)
		if got != tt.want || ok != tt.ok {
			t.Errorf("DecodeSecurity(%q) = %+v, %v; want %+v, %v", tt.line, got, ok, tt.want, tt.ok)
		}
		if ok && got.String() != tt.str {
			t.Errorf("DecodeSecurity(%q).String() = %q, want %q", tt.line, got.String(), tt.str)
		}
	}
}

func TestJulianDate(t *testing.T) {
	tests := []struct {
		julian string
		year   int
		want   string // RFC 3339, "" when invalid
	}{
		{"3060723", 2009, "2009-11-02T07:23:00Z"},
		{"0010000", 2009, "2009-01-01T00:00:00Z"},
		{"3652359", 2009, "2009-12-31T23:59:00Z"},
		{"3661200", 2008, "2008-12-31T12:00:00Z"}, // leap year has day 366
		{"0601200", 2008, "2008-02-29T12:00:00Z"},
		{"3661200", 2009, ""},
		{"3662359", 1900, ""}, // 1900 is not a leap year
		{"0000723", 2009, ""},
		{"3062400", 2009, ""},
		{"3060760", 2009, ""},
		{"306072", 2009, ""},
		{"30607230", 2009, ""},
		{"30A0723", 2009, ""},
		{"", 2009, ""},
	}
	for _, tt := range tests {
		got, ok := JulianDate(tt.julian, tt.year)
		if tt.want == "" {
			if ok {
				t.Errorf("JulianDate(%q, %d) = %v, want invalid", tt.julian, tt.year, got)
			}
			continue
		}
		want, _ := time.Parse(time.RFC3339, tt.want)
		if !ok || !got.Equal(want) || got.Location() != time.UTC {
			t.Errorf("JulianDate(%q, %d) = %v, %v; want %v UTC", tt.julian, tt.year, got, ok, want)
		}
	}
}

func TestFIPS(t *testing.T) {
	tests := []struct {
		fips, want string
		ok         bool
	}{
		{"JA", "Japan", true},
		{"TH", "Thailand", true},
		{"KS", "Korea, South", true},
		{"BM", "Burma", true}, // listed twice; the first name wins
		{"EU", "Europa Island", true},
		{"XA", "", false},
	}
	for _, tt := range tests {
		got, ok := loadFIPS()[tt.fips]
		if got != tt.want || ok != tt.ok {
			t.Errorf("loadFIPS()[%q] = %q, %v; want %q, %v", tt.fips, got, ok, tt.want, tt.ok)
		}
	}
}

func TestStation(t *testing.T) {
	tests := []struct {
		id, want string
		ok       bool
	}{
		{"TOKYO", "Tokyo", true},
		{"HOCHIMINHCITY", "Ho Chi Minh City", true},
		{"PORTOFSPAIN", "Port of Spain", true},
		{"RIODEJANEIRO", "Rio de Janeiro", true},
		{"THEHAGUE", "The Hague", true},
		{"STATE", "Department of State", true},
		{"USUNNEWYORK", "US Mission to the UN, New York", true},
		{"MEXICO", "Mexico City", true},
		{"SHANGHAI", "Shanghai", true}, // valid, missing from the routing table
		{"NOWHERE", "", false},
		{"SECTION01OF02", "", false},
	}
	for _, tt := range tests {
		got, ok := Station(tt.id)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Station(%q) = %q, %v; want %q, %v", tt.id, got, ok, tt.want, tt.ok)
		}
	}
}

func TestEveryStationHasAName(t *testing.T) {
	for id := range lineSet(stationIDsTxt) {
		if name, ok := Station(id); !ok || name == "" {
			t.Errorf("Station(%q) = %q, %v", id, name, ok)
		}
	}
	for id := range specialStations {
		if _, ok := Station(id); !ok {
			t.Errorf("special station %q is not in the station list", id)
		}
	}
}

func TestPLA(t *testing.T) {
	tests := map[string]string{
		"AMEMBASSY TOKYO":                 "US Embassy Tokyo",
		"AMCONSUL NAHA":                   "US Consulate Naha",
		"AMEMBASSY KUALA LUMPUR":          "US Embassy Kuala Lumpur",
		"AMEMBASSY PORT OF SPAIN":         "US Embassy Port of Spain",
		"SECSTATE WASHDC":                 "Secretary of State, Washington",
		"USMISSION USUN NEW YORK":         "US Mission to the UN, New York",
		"ASEAN MEMBER COLLECTIVE":         "ASEAN MEMBER (collective)",
		"ALL DIPLOMATIC POSTS COLLECTIVE": "ALL DIPLOMATIC POSTS (collective)",
		"JOINT STAFF WASHDC":              "JOINT STAFF WASHDC",
		"AMEMBASSY":                       "AMEMBASSY",
	}
	for in, want := range tests {
		if got := PLA(in); got != want {
			t.Errorf("PLA(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCanonicalID(t *testing.T) {
	tests := []struct {
		id, want string
		ok       bool
	}{
		{"08SCTION02OF02SAOPAULO335", "08SAOPAULO335", true},
		{"06EFTOBAKU1165", "06BAKU1165", true},
		{"09TOKYO2531", "", false},
	}
	for _, tt := range tests {
		got, ok := CanonicalID(tt.id)
		if got != tt.want || ok != tt.ok {
			t.Errorf("CanonicalID(%q) = %q, %v; want %q, %v", tt.id, got, ok, tt.want, tt.ok)
		}
	}
}

func BenchmarkLookupTag(b *testing.B) {
	codes := []string{"KTIP", "PGOV", "PHUM", "ELAB", "JA", "TH", "UN", "CLINTON, HILLARY", "QQQQ"}
	LookupTag("") // parse before b.Loop starts timing
	for i := 0; b.Loop(); i++ {
		LookupTag(codes[i%len(codes)])
	}
}

func TestCanonicalStation(t *testing.T) {
	for in, want := range map[string]string{
		"TOKYO": "TOKYO", "UNVIE": "UNVIEVIENNA", "RIODEJAN": "RIODEJANEIRO",
		"USUNESCOPARISFR": "UNESCOPARISFR", "EMBASSYVIENNA": "VIENNA", "SAN": "", "NOWHEREXYZ": "",
	} {
		if got, _ := CanonicalStation(in); got != want {
			t.Errorf("CanonicalStation(%q) = %q, want %q", in, got, want)
		}
	}
}
