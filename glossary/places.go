package glossary

import (
	_ "embed"
	"strings"
	"sync"
)

//go:embed data/station-ids-cablemap.txt
var stationIDsTxt string

// specialStations covers the stations whose readable name cannot be derived
// from an "AMEMBASSY X" / "AMCONSUL X" entry of the routing table: missions,
// agencies, posts the 2010 table lacks under a matching name, and a typo that
// became a station in the published IDs.
var specialStations = map[string]string{
	"STATE":         "Department of State",
	"SECDEF":        "Secretary of Defense, Washington",
	"WASHDC":        "Washington, DC",
	"WHITEHOUSE":    "White House",
	"USUNNEWYORK":   "US Mission to the UN, New York",
	"USNATO":        "US Mission to NATO, Brussels",
	"USEUBRUSSELS":  "US Mission to the EU, Brussels",
	"USOSCE":        "US Mission to the OSCE, Vienna",
	"UNVIEVIENNA":   "US Mission to International Organizations, Vienna",
	"UNROME":        "US Mission to the UN Agencies, Rome",
	"UNESCOPARIS":   "US Mission to UNESCO, Paris",
	"UNESCOPARISFR": "US Mission to UNESCO, Paris",
	"USTRGENEVA":    "US Trade Representative, Geneva",
	"CDGENEVA":      "US Mission to the Conference on Disarmament, Geneva",
	"AITTAIPEI":     "American Institute in Taiwan, Taipei",
	"IRANRPODUBAI":  "Iran Regional Presence Office, Dubai",
	"RPODUBAI":      "Regional Presence Office, Dubai",
	"FSINFATC":      "Foreign Service Institute (NFATC)",
	"CDC":           "Centers for Disease Control",
	"CDCATLANTAGA":  "Centers for Disease Control, Atlanta",
	"USCBP":         "US Customs and Border Protection",
	"USDAFAS":       "USDA Foreign Agricultural Service",
	"USDOC":         "Department of Commerce",
	"USDOJ":         "Department of Justice",
	"PARISFR":       "Paris",
	"DAMASCCUS":     "Damascus",
	"MEXICO":        "Mexico City",
	"GUATEMALA":     "Guatemala City",
	"PANAMA":        "Panama City",
	"VATICAN":       "Holy See (Vatican City)",
	"PORTLOUIS":     "Port Louis",
	// Valid in the ID list, but no source here says what they are: shown raw.
	"FESTTWO": "FESTTWO",
	"PARTO":   "PARTO",
}

// loadStations maps every valid station to its readable name. Stations not
// special and not in the routing table are one-word cities (SHANGHAI,
// MUSCAT…), for which title case is exact.
var loadStations = sync.OnceValue(func() map[string]string {
	fromRoutes := map[string]string{}
	for _, r := range readCSV(routingIndicatorsCSV) { // file order keeps the result deterministic
		for _, prefix := range []string{"AMEMBASSY ", "AMCONSUL "} {
			if city, ok := strings.CutPrefix(r[1], prefix); ok {
				key := strings.ReplaceAll(city, " ", "")
				if _, seen := fromRoutes[key]; !seen {
					fromRoutes[key] = placeName(city)
				}
			}
		}
	}
	m := map[string]string{}
	for id := range lineSet(stationIDsTxt) {
		switch {
		case specialStations[id] != "":
			m[id] = specialStations[id]
		case fromRoutes[id] != "":
			m[id] = fromRoutes[id]
		default:
			m[id] = placeName(id)
		}
	}
	return m
})

// Station names the post in a reference ID (09TOKYO2531 → "Tokyo"), whose
// station part drops spaces and so cannot simply be title-cased. Only the
// stations known to occur in Cablegate IDs are accepted, so a mis-split ID
// is reported rather than dressed up.
func Station(idStation string) (post string, ok bool) {
	post, ok = loadStations()[strings.ToUpper(strings.TrimSpace(idStation))]
	return post, ok
}

// specialPLAs are the non-embassy addresses common enough in FM/TO lines to
// deserve words (cable-format.md §1 FL6).
var specialPLAs = map[string]string{
	"SECSTATE WASHDC":         "Secretary of State, Washington",
	"SECDEF WASHDC":           "Secretary of Defense, Washington",
	"USMISSION USUN NEW YORK": "US Mission to the UN, New York",
	"USMISSION USNATO":        "US Mission to NATO, Brussels",
	"USEU BRUSSELS":           "US Mission to the EU, Brussels",
	"USMISSION USOSCE":        "US Mission to the OSCE, Vienna",
	"USMISSION UNVIE VIENNA":  "US Mission to International Organizations, Vienna",
	"USMISSION GENEVA":        "US Mission Geneva",
	"USINT HAVANA":            "US Interests Section Havana",
	"AIT TAIPEI":              "American Institute in Taiwan, Taipei",
}

// PLA turns a plain-language address into words for readers who do not
// know telegraphese. Anything it does not recognise is returned unchanged,
// because a half-translated address is harder to read than the original.
func PLA(name string) string {
	norm := strings.Join(strings.Fields(strings.ToUpper(name)), " ")
	if s, ok := specialPLAs[norm]; ok {
		return s
	}
	if city, ok := strings.CutPrefix(norm, "AMEMBASSY "); ok {
		return "US Embassy " + placeName(city)
	}
	if city, ok := strings.CutPrefix(norm, "AMCONSUL "); ok {
		return "US Consulate " + placeName(city)
	}
	if group, ok := strings.CutSuffix(norm, " COLLECTIVE"); ok {
		return group + " (collective)"
	}
	return name
}

// smallWords stay lower case inside place names (Port of Spain, Rio de
// Janeiro, Dar es Salaam), as they are written in English.
var smallWords = map[string]bool{"OF": true, "DE": true, "DEL": true, "ES": true, "AU": true, "DA": true, "DO": true, "LA": true}

// placeName title-cases an upper-case place name from the cables.
func placeName(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		if i > 0 && smallWords[w] {
			words[i] = strings.ToLower(w)
			continue
		}
		words[i] = w[:1] + strings.ToLower(w[1:])
	}
	return strings.Join(words, " ")
}

// stationPrefixes are the words a REF line may put before a station that
// reference ids leave out ("EMBASSY VIENNA", "USUNESCO PARIS FR").
var stationPrefixes = []string{"AMEMBASSY", "EMBASSY", "AMCONSUL", "CONSULATE", "USMISSION", "US"}

// CanonicalStation is the station of reference ids that a station written
// in a REF line stands for, given without spaces: known as it is, known
// without a leading "EMBASSY" or "US" (USUNESCOPARISFR → UNESCOPARISFR),
// or the one known station it abbreviates (UNVIE → UNVIEVIENNA, RIODEJAN →
// RIODEJANEIRO). It reports false when it knows no such station.
func CanonicalStation(key string) (string, bool) {
	stations := loadStations()
	if _, ok := stations[key]; ok {
		return key, true
	}
	for _, p := range stationPrefixes {
		if rest, ok := strings.CutPrefix(key, p); ok {
			if _, known := stations[rest]; known {
				return rest, true
			}
		}
	}
	if len(key) < 4 {
		return "", false
	}
	found := ""
	for id := range stations {
		if strings.HasPrefix(id, key) {
			if found != "" {
				return "", false // more than one: not an abbreviation of one
			}
			found = id
		}
	}
	return found, found != ""
}
