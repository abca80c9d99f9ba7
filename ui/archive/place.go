package archive

import (
	"strconv"
	"strings"
	"unicode"

	"cablereader/catalog"
	"cablereader/model"
	"cablereader/ui/common"
)

// The list's origin column names the post short and the same way whatever
// the source wrote (the FM line of a file, the CSV's column): "Tokyo",
// "Vienna (UNVIE)", "State". A record without an origin takes the post
// from its id.

// postWords are the words for a kind of post that come before its place.
var postWords = []string{"AMEMBASSY", "AMCONSUL", "USINT", "USLO", "EMBASSY", "CONSULATE", "AMERICAN EMBASSY", "US EMBASSY", "US CONSULATE"}

// placeName is the origin as the list shows it.
func placeName(e *catalog.Record) string {
	o := strings.ToUpper(strings.Join(strings.Fields(common.CleanLine(e.Origin)), " "))
	if o == "" {
		if p := idPost(e.ID); p != "" {
			return titleCase(p)
		}
		return ""
	}
	switch o {
	case "SECSTATE WASHDC", "SECSTATE", "SECRETARY OF STATE", "STATE":
		return "State"
	}
	for _, w := range postWords {
		if rest, ok := strings.CutPrefix(o, w+" "); ok {
			return titleCase(rest)
		}
	}
	// a mission: "USMISSION UNVIE VIENNA", "MISSION USUN NEW YORK"
	for _, w := range []string{"USMISSION ", "MISSION "} {
		if rest, ok := strings.CutPrefix(o, w); ok {
			code, place, _ := strings.Cut(rest, " ")
			if place == "" {
				return code
			}
			return titleCase(place) + " (" + code + ")"
		}
	}
	// an office before its city: "USEU BRUSSELS", "IRAN RPO DUBAI"
	if i := strings.LastIndexByte(o, ' '); i > 0 && isCode(o[:i]) {
		return titleCase(o[i+1:]) + " (" + o[:i] + ")"
	}
	return titleCase(o)
}

// isCode reports whether s reads as an office's code: "USEU", "RPO",
// "IRAN RPO".
func isCode(s string) bool {
	for _, w := range strings.Fields(s) {
		switch {
		case strings.HasPrefix(w, "US"), w == "RPO", w == "IRAN":
		default:
			return false
		}
	}
	return true
}

// idPost is the post in a cable id as the list names it: "02ADANA386" →
// "ADANA", "88STATE68250" → "State"; "" when the id is not of that form.
func idPost(id string) string {
	p := model.IDPost(id)
	if p == "STATE" {
		return "State"
	}
	return p
}

// idYear is the year in a cable id ("02ADANA386" → "2002"), "" when the
// id does not start with one.
func idYear(id string) string {
	if y := model.IDYear(id); y != 0 {
		return strconv.Itoa(y)
	}
	return ""
}

// titleCase writes a place name as names are written: "BUENOS AIRES" →
// "Buenos Aires", "RIO DE JANEIRO" → "Rio de Janeiro".
func titleCase(s string) string {
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		if i > 0 && (w == "de" || w == "da" || w == "do" || w == "of") {
			continue
		}
		r := []rune(w)
		r[0] = unicode.ToUpper(r[0])
		words[i] = string(r)
	}
	return strings.Join(words, " ")
}
