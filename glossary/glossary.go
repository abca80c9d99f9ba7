// Package glossary turns the codes a cable is written in (TAGS, routing
// indicators, precedence and security signals, Julian dates, station names)
// into words a reader can follow.
//
// The tables are embedded so the reader works offline, and each one is parsed
// on first use only, so importing the package costs nothing at start-up.
// Where the data has no answer the functions say so (ok=false or an empty
// meaning) instead of guessing: a wrong gloss on a diplomatic cable is worse
// than none.
package glossary

import (
	_ "embed"
	"encoding/csv"
	"slices"
	"strings"
	"sync"
	"time"

	"cablereader/model"
)

//go:embed data/tags-descriptions.csv
var tagsDescriptionsCSV string

//go:embed data/tags-subject-codes-cablemap.txt
var subjectCodesTxt string

//go:embed data/tags-organization-codes-cablemap.txt
var organizationCodesTxt string

//go:embed data/geo-fips10-4-codes.csv
var fipsCSV string

//go:embed data/routing-indicators-acp117-2010.csv
var routingIndicatorsCSV string

//go:embed data/refid-fixes-cablemap.csv
var refidFixesCSV string

// TagKind says which of the TAGS vocabularies a code belongs to, because the
// reader groups and colours them differently (places vs. topics vs. people).
type TagKind int

// TagUnknown is the zero value so that a zero Tag never claims a kind.
const (
	TagUnknown TagKind = iota
	TagSubject
	TagProgram
	TagGeographic
	TagOrganization
	TagPerson
)

// String gives the lower-case word used in the UI and in JSON output.
func (k TagKind) String() string {
	switch k {
	case TagSubject:
		return "subject"
	case TagProgram:
		return "program"
	case TagGeographic:
		return "geographic"
	case TagOrganization:
		return "organization"
	case TagPerson:
		return "person"
	}
	return "unknown"
}

// Tag describes one TAGS code.
type Tag struct {
	Code       string
	Kind       TagKind
	Meaning    string // "" when the data has no meaning; never guessed
	Unverified bool   // the data marks this meaning as not checked against 5 FAH-3
}

type tagTables struct {
	described     map[string]Tag // from tags-descriptions.csv
	subjects      map[string]bool
	organizations map[string]bool // upper-cased: the list mixes "Alitalia" and "NATO"
}

var loadTags = sync.OnceValue(func() tagTables {
	t := tagTables{
		described:     map[string]Tag{},
		subjects:      lineSet(subjectCodesTxt),
		organizations: lineSet(organizationCodesTxt),
	}
	kinds := map[string]TagKind{"subject": TagSubject, "program": TagProgram}
	for _, r := range readCSV(tagsDescriptionsCSV)[1:] {
		code, kind, meaning, evidence := r[0], r[1], r[2], r[3]
		k, ok := kinds[kind]
		if !ok {
			continue // category rows (A, B, …) describe first letters, not TAGS
		}
		unverified := evidence == "unverified"
		if strings.HasSuffix(evidence, "-partial") {
			// The handbook excerpt was cut off; the row carries an editor's note
			// in brackets that must not reach the screen as if it were the title.
			if i := strings.Index(meaning, " ("); i > 0 {
				meaning = meaning[:i]
			}
			unverified = true
		}
		t.described[code] = Tag{Code: code, Kind: k, Meaning: meaning, Unverified: unverified}
	}
	return t
})

// nonFIPSGeo are two-letter codes that Cablegate uses for something other
// than their FIPS 10-4 meaning: EU is Europa Island in FIPS but a European
// regional TAG in the cables, so showing "Europa Island" would mislead.
var nonFIPSGeo = map[string]bool{"EU": true}

// LookupTag exists because TAGS lines mix five vocabularies without marking
// which is which; it applies the cablemap rules (cable-format.md §7), letting
// the curated lists win over the shape rules so that e.g. UN is an
// organisation and KANU (a party) is not read as a K-program.
func LookupTag(code string) Tag {
	code = strings.TrimSpace(code)
	key := strings.ToUpper(code)
	t := loadTags()
	switch {
	case strings.Contains(code, ","):
		return Tag{Code: code, Kind: TagPerson}
	case t.described[key].Kind != TagUnknown:
		tag := t.described[key]
		tag.Code = code
		return tag
	case len(key) == 2 && !nonFIPSGeo[key] && loadFIPS()[key] != "":
		return Tag{Code: code, Kind: TagGeographic, Meaning: loadFIPS()[key]}
	case t.subjects[key]:
		return Tag{Code: code, Kind: TagSubject}
	case t.organizations[key]:
		return Tag{Code: code, Kind: TagOrganization}
	case len(key) == 2 && isUpperASCII(key):
		return Tag{Code: code, Kind: TagGeographic} // regional codes (XA…) have no table here
	case len(key) == 4 && key[0] == 'K' && isUpperASCII(key):
		return Tag{Code: code, Kind: TagProgram}
	}
	return Tag{Code: code}
}

var loadFIPS = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for _, r := range readCSV(fipsCSV)[1:] {
		if _, dup := m[r[0]]; !dup { // BM is listed as Burma, then Myanmar; State said Burma
			m[r[0]] = r[2]
		}
	}
	return m
})

// routes maps an RI to its names; one RI can serve several addressees
// (cable-format.md §1.2), so all distinct names are kept.
var loadRoutes = sync.OnceValue(func() map[string][]string {
	m := map[string][]string{}
	for _, r := range readCSV(routingIndicatorsCSV) {
		if !slices.Contains(m[r[0]], r[1]) {
			m[r[0]] = append(m[r[0]], r[1])
		}
	}
	return m
})

// RoutingIndicator decodes the RIs of FL2/FL3, which name stations but
// carry no readable text of their own. Several names for one RI are joined
// with " / " rather than one being picked at random.
func RoutingIndicator(ri string) (name string, ok bool) {
	names, ok := loadRoutes()[strings.ToUpper(strings.TrimSpace(ri))]
	return strings.Join(names, " / "), ok
}

// PrecedenceWord turns the FL2/FL5 letters into the words used in the
// TO/INFO lines, so the two can be shown side by side.
func PrecedenceWord(code string) string {
	switch strings.TrimSpace(code) {
	case "Z", "ZZ":
		return "FLASH"
	case "O", "OO":
		return "IMMEDIATE"
	case "P", "PP":
		return "PRIORITY"
	case "R", "RR":
		return "ROUTINE"
	}
	return ""
}

// Security is the FL4 security warning. It matters because it is the
// machine-set classification, still readable when the body's banner is
// mangled.
type Security struct {
	Online  bool   // ZNY: the circuit encrypted it on-line; ZNR: sent in clear or encrypted off-line
	Level   string // e.g. "CONFIDENTIAL", "UNCLASSIFIED (EFTO)"
	Special string // "SPECAT AAAAA" / "SPECAT BBBBB" when the level carries a SPECAT suffix
}

// securityLevels are the FL4 level codes; EEEEE is unclassified
// encrypted for transmission only (EFTO).
var securityLevels = map[string]model.Level{
	"UUUUU": model.Unclassified,
	"EEEEE": model.Unclassified,
	"CCCCC": model.Confidential,
	"SSSSS": model.Secret,
	"TTTTT": model.TopSecret,
}

// SecurityLevel is the level an FL4 level code (CCCCC) stands for;
// model.LevelUnknown for anything else.
func SecurityLevel(code string) model.Level { return securityLevels[code] }

// DecodeSecurity reads an FL4 line such as "ZNY CCCCC ZZH". The trailing
// Z-signal (nearly always ZZH) is accepted but not interpreted: no public
// source explains it.
func DecodeSecurity(line string) (Security, bool) {
	f := strings.Fields(line)
	if len(f) < 2 || len(f) > 3 || (f[0] != "ZNY" && f[0] != "ZNR") {
		return Security{}, false
	}
	if len(f) == 3 && (len(f[2]) != 3 || f[2][0] != 'Z' || !isUpperASCII(f[2])) {
		return Security{}, false
	}
	levelCode, specat, hasSpecat := strings.Cut(f[1], "/")
	level, ok := securityLevels[levelCode]
	if !ok || (hasSpecat && specat != "AAAAA" && specat != "BBBBB") {
		return Security{}, false
	}
	s := Security{Online: f[0] == "ZNY", Level: level.String()}
	if levelCode == "EEEEE" {
		s.Level += " (EFTO)"
	}
	if hasSpecat {
		s.Special = "SPECAT " + specat
	}
	return s, true
}

// String reads as one phrase for the header pane.
func (s Security) String() string {
	out := s.Level + ", clear or off-line encrypted"
	if s.Online {
		out = s.Level + ", on-line encrypted"
	}
	if s.Special != "" {
		out += ", " + s.Special
	}
	return out
}

// JulianDate decodes the FL3 filing time ("3060723" = day 306, 07:23 UTC).
// The year is not in the field, so the caller supplies it from the DTG; the
// result lets the reader show when a section was filed versus dated.
func JulianDate(julian string, year int) (time.Time, bool) {
	if len(julian) != 7 {
		return time.Time{}, false
	}
	n := 0
	for _, c := range julian {
		if c < '0' || c > '9' {
			return time.Time{}, false
		}
		n = n*10 + int(c-'0')
	}
	day, hh, mm := n/10000, n/100%100, n%100
	daysInYear := time.Date(year, time.December, 31, 0, 0, 0, 0, time.UTC).YearDay()
	if day < 1 || day > daysInYear || hh > 23 || mm > 59 {
		return time.Time{}, false
	}
	return time.Date(year, time.January, day, hh, mm, 0, 0, time.UTC), true
}

var loadRefidFixes = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for _, r := range readCSV(refidFixesCSV)[1:] {
		m[r[0]] = r[1]
	}
	return m
})

// CanonicalID repairs reference IDs that WikiLeaks built from a mangled
// classification line (08SCTION02OF02SAOPAULO335). The broken ID stays the
// key for URLs; the canonical one is what people cite.
func CanonicalID(wikileaksID string) (string, bool) {
	id, ok := loadRefidFixes()[strings.TrimSpace(wikileaksID)]
	return id, ok
}

// readCSV panics on error: the input is embedded, so a failure is a build
// defect that the tests catch, not a runtime condition.
func readCSV(s string) [][]string {
	r := csv.NewReader(strings.NewReader(s))
	recs, err := r.ReadAll()
	if err != nil {
		panic("glossary: embedded data: " + err.Error())
	}
	return recs
}

// lineSet reads one code per line; the upstream files mix LF and CRLF.
func lineSet(s string) map[string]bool {
	m := map[string]bool{}
	for line := range strings.Lines(s) {
		if line = strings.TrimSpace(line); line != "" {
			m[strings.ToUpper(line)] = true
		}
	}
	return m
}

func isUpperASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return s != ""
}
