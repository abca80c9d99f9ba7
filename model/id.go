package model

import (
	"regexp"
	"strings"
)

// IsCableID reports whether s is a whole cable id as the cables write it:
// a two-digit year, the station, the serial (09TOKYO2531, 05BOGOTA3863,
// 08USUNNEWYORK1090), in capitals. The station ends with a letter, so the
// year and serial are where the digits start and end.
func IsCableID(s string) bool { return cableID.MatchString(s) }

var cableID = regexp.MustCompile(`^\d{2}[A-Z][A-Z0-9]*[A-Z]\d+$`)

// IDPost is the post an id names, in capitals: "02ADANA386" → "ADANA",
// "88SECSTATE1" → "STATE"; "" when the id is not of that form. A cable
// with no origin (a partial record) is listed and searched as from its
// id's post.
func IDPost(id string) string {
	id = strings.ToUpper(strings.TrimSpace(id))
	if len(id) < 4 || !isDigit(id[0]) || !isDigit(id[1]) {
		return ""
	}
	p := strings.TrimRightFunc(id[2:], func(r rune) bool { return r >= '0' && r <= '9' })
	if p == "" || strings.IndexFunc(p, func(r rune) bool { return r < 'A' || r > 'Z' }) >= 0 {
		return ""
	}
	if p == "SECSTATE" {
		return "STATE"
	}
	return p
}

// IDYear is the year an id starts with ("02ADANA386" → 2002, cables of
// the release run from 1966, so "66…" → 1966); 0 when the id is not of
// the form IDPost reads. An undated cable is listed, sorted and searched
// as of its id's year.
func IDYear(id string) int {
	if IDPost(id) == "" {
		return 0
	}
	id = strings.TrimSpace(id)
	y := int(id[0]-'0')*10 + int(id[1]-'0')
	if id[0] >= '6' {
		return 1900 + y
	}
	return 2000 + y
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }
