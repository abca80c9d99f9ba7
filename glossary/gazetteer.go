package glossary

import (
	"slices"
	"strings"
	"sync"
)

// postAliases are the names people write for a station that neither its id
// nor an abbreviation of it gives: the Department's own names, a city's
// common or older name, the country for its capital, a mission by its short
// name. Each maps to the station of reference ids.
var postAliases = map[string]string{
	"SECSTATE":       "STATE",
	"SECTSTATE":      "STATE",
	"SECSTATEWASHDC": "STATE",
	"STATEWASHDC":    "STATE",
	"DEPARTMENT":     "STATE",
	"DEPT":           "STATE",
	"HAGUE":          "THEHAGUE",
	"MEXICOCITY":     "MEXICO",
	"RIO":            "RIODEJANEIRO",
	"VAT":            "VATICAN",
	"HOLYSEE":        "VATICAN",
	"BRAZIL":         "BRASILIA",
	"IRPODUBAI":      "RPODUBAI",
	"IRANRPO":        "IRANRPODUBAI",
	"PARISFR":        "UNESCOPARISFR",
	"UNESCO":         "UNESCOPARISFR",
	"DELHI":          "NEWDELHI",
	"BA":             "BUENOSAIRES",
	"HCMC":           "HOCHIMINHCITY",
	"HK":             "HONGKONG",
	"USUN":           "USUNNEWYORK",
	"USUNNY":         "USUNNEWYORK",
	"UNVIE":          "UNVIEVIENNA",
	"USEU":           "USEUBRUSSELS",
	"USUNROME":       "UNROME",
	"USDAFASWASHDC":  "USDAFAS",
	"BOMBAY":         "MUMBAI",
	"MADRAS":         "CHENNAI",
	"CALCUTTA":       "KOLKATA",
	"SAIGON":         "HOCHIMINHCITY",
	"TAIWAN":         "AITTAIPEI",
	"AIT":            "AITTAIPEI",
}

// postPrefixes are the words written before a station that reference ids
// leave out ("EMBASSY VIENNA", "USMISSION GENEVA", "USUNESCO PARIS FR").
var postPrefixes = []string{"AMEMBASSY", "EMBASSY", "AMCONSUL", "CONSULATE", "USMISSION", "MISSION", "USINT", "US"}

// gazetteer is every station of reference ids with the words of its name
// where the routing table writes it in several (PORTAUPRINCE: PORT AU
// PRINCE), for abbreviations written word by word ("PORT AU PR", "PORT A").
type gazetteer struct {
	ids   []string            // sorted
	words map[string][]string // id → the words of its name
}

var loadGazetteer = sync.OnceValue(func() *gazetteer {
	g := &gazetteer{words: map[string][]string{}}
	stations := loadStations()
	for id := range stations {
		g.ids = append(g.ids, id)
	}
	slices.Sort(g.ids)
	for _, r := range readCSV(routingIndicatorsCSV) {
		for _, prefix := range []string{"AMEMBASSY ", "AMCONSUL "} {
			if city, ok := strings.CutPrefix(r[1], prefix); ok {
				w := strings.Fields(city)
				key := strings.Join(w, "")
				if _, known := stations[key]; known && len(w) > 1 && g.words[key] == nil {
					g.words[key] = w
				}
			}
		}
	}
	return g
})

// Post resolves a post as a REF line writes it ("SAO PAULO", "SECSTATE",
// "USUN NE YORK", "PORT AU PR") to the station of reference ids. own is the
// station of the citing cable's id (as the archive publishes it), which is
// real even where the gazetteer lacks it. A post is resolved as written,
// by an alias, without a leading EMBASSY or US, as an abbreviation of
// exactly one station (whole or word by word), or as a typo one edit from
// exactly one station. An ambiguous or unknown post reports false: no
// guess.
func Post(written, own string) (string, bool) {
	words := postWords(written)
	key := strings.Join(words, "")
	if key == "" {
		return "", false
	}
	g := loadGazetteer()
	known := func(k string) (string, bool) {
		if k == "" {
			return "", false
		}
		if a, ok := postAliases[k]; ok {
			return a, true // before the ids: PARIS FR is the UNESCO mission's name
		}
		if _, ok := slices.BinarySearch(g.ids, k); ok || k == own {
			return k, true
		}
		return "", false
	}
	if s, ok := known(key); ok {
		return s, true
	}
	for _, p := range postPrefixes {
		if rest, ok := strings.CutPrefix(key, p); ok {
			if s, ok := known(rest); ok {
				return s, true
			}
		}
	}
	// A country or city written after the post: "MADRID SP", "WHITE
	// HOUSE WASHINGTON DC".
	if n := len(words); n > 1 {
		cut := n
		switch {
		case n > 2 && words[n-2] == "WASHINGTON" && words[n-1] == "DC":
			cut = n - 2
		case words[n-1] == "WASHDC" || len(words[n-1]) == 2:
			cut = n - 1
		}
		if cut < n {
			if s, ok := known(strings.Join(words[:cut], "")); ok {
				return s, true
			}
		}
	}
	if s, ok := g.abbreviation(key, words); ok {
		return s, true
	}
	if s, ok := g.oneEdit(key, own); ok {
		return s, true
	}
	return ownAbbreviation(key, own)
}

// ownAbbreviation is the citing cable's own post written short, as posts
// write their own name: two to four letters found in order in the
// station's name, the first its first (TGG for TEGUCIGALPA).
func ownAbbreviation(key, own string) (string, bool) {
	if len(key) < 2 || len(key) > 4 || own == "" || key[0] != own[0] || len(own) <= len(key) {
		return "", false
	}
	k := 1
	for i := 1; i < len(own) && k < len(key); i++ {
		if own[i] == key[k] {
			k++
		}
	}
	return own, k == len(key)
}

// postWords upper-cases a written post into its words of letters ("N'DJAMENA"
// → NDJAMENA, "PORT-OF-SPAIN" → PORT OF SPAIN); a zero typed for an O inside
// a word ("0TTAWA", "SANTIAG0") is read as the letter.
func postWords(s string) []string {
	var words []string
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			words = append(words, b.String())
			b.Reset()
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z':
			b.WriteByte(c - 'a' + 'A')
		case c >= 'A' && c <= 'Z':
			b.WriteByte(c)
		case c == '0':
			b.WriteByte('O')
		case c == '\'' || c == '.' && i+1 < len(s) && s[i+1] != ' ':
			// N'DJAMENA, U.S.: one word
		default:
			flush()
		}
	}
	flush()
	return words
}

// abbreviation finds the one station that key abbreviates: a prefix of its
// id of four letters or more (RIODEJAN, PHNOMPEN), or, with several words,
// each word a prefix of the station's name's words in turn (PORT A → PORT
// AU PRINCE, HO CHI MINH → HO CHI MINH CITY).
func (g *gazetteer) abbreviation(key string, words []string) (string, bool) {
	found := ""
	more := false
	note := func(id string) {
		if found != "" && found != id {
			more = true
		}
		found = id
	}
	if len(key) >= 4 {
		i, _ := slices.BinarySearch(g.ids, key)
		for ; i < len(g.ids) && strings.HasPrefix(g.ids[i], key); i++ {
			note(g.ids[i])
		}
	}
	if found == "" && len(words) > 1 {
		for id, name := range g.words {
			if len(words) <= len(name) && wordPrefixes(words, name) {
				note(id)
			}
		}
	}
	if found == "" || more {
		return "", false
	}
	return found, true
}

func wordPrefixes(words, name []string) bool {
	for i, w := range words {
		if !strings.HasPrefix(name[i], w) {
			return false
		}
	}
	return true
}

// oneEdit finds the one station a typo of five letters or more stands for:
// one letter changed, added, dropped, or two neighbours swapped (BISHTEK,
// BRASILA, TRIPOLII, ASHBABAT), from its id or from an alias of it.
func (g *gazetteer) oneEdit(key, own string) (string, bool) {
	if len(key) < 5 {
		return "", false
	}
	found := ""
	consider := func(name, id string) bool {
		if id == found || !withinOneEdit(key, name) {
			return true
		}
		if found != "" {
			return false // ambiguous
		}
		found = id
		return true
	}
	for _, id := range g.ids {
		if !consider(id, id) {
			return "", false
		}
	}
	for name, id := range postAliases { // SECTATE: SECSTATE mistyped
		if !consider(name, id) {
			return "", false
		}
	}
	if own != "" && !consider(own, own) {
		return "", false
	}
	return found, found != ""
}

// withinOneEdit reports whether a and b differ by at most one substitution,
// insertion, deletion or swap of neighbours.
func withinOneEdit(a, b string) bool {
	la, lb := len(a), len(b)
	if la-lb > 1 || lb-la > 1 {
		return false
	}
	i := 0
	for i < la && i < lb && a[i] == b[i] {
		i++
	}
	if i == la && i == lb {
		return true
	}
	switch {
	case la == lb:
		if a[i+1:] == b[i+1:] {
			return true
		}
		return i+1 < la && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
	case la > lb:
		return a[i+1:] == b[i:]
	default:
		return a[i:] == b[i+1:]
	}
}
