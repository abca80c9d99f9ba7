package glossary

import (
	"strings"

	"cablereader/model"
)

// What the caveats and the parts of portion markings mean
// (docs/cable-format.md §4, "Caveats / distribution captions" and
// "Portion marking"). The words themselves are model's vocabulary
// (model.Caveats, model.Level.Code).

var caveatMeanings = map[string]string{
	"SIPDIS":                     "SIPRNet distribution: the cable may go onto the Net-Centric Diplomacy database on SIPRNet",
	"NOFORN":                     "not releasable to foreign nationals",
	"EXDIS":                      "exclusive distribution (named officials only)",
	"NODIS":                      "no distribution beyond the addressees without the originator's approval",
	"LIMDIS":                     "limited distribution",
	"STADIS":                     "State Department distribution only (not to other agencies)",
	"SENSITIVE":                  "sensitive but unclassified (SBU)",
	"SENSITIVE BUT UNCLASSIFIED": "sensitive but unclassified (SBU)",
}

// markingParts are the parts of a portion marking that are not a level's
// code (a level's code means the level: S is secret).
var markingParts = map[string]string{
	"SBU":    "sensitive but unclassified",
	"NF":     "not releasable to foreign nationals (NOFORN)",
	"N":      "not releasable to foreign nationals (NOFORN)",
	"NOFORN": "not releasable to foreign nationals (NOFORN)",
}

// Caveat is what a handling or distribution caveat (NOFORN, SIPDIS), in
// any case, means; "" when the glossary does not know.
func Caveat(word string) string {
	return caveatMeanings[strings.ToUpper(word)]
}

// MarkingPart is what one part of a portion marking (model.MarkingParts)
// means: a level's code (S, TS, SBU), a qualifier (NF), or "REL USA, GBR"
// (releasable to USA, GBR); "" when the glossary does not know.
func MarkingPart(part string) string {
	up := strings.ToUpper(part)
	if m := markingParts[up]; m != "" {
		return m
	}
	if l := model.CodeLevel(up); l != model.LevelUnknown && l.Code() == up {
		return strings.ToLower(l.String())
	}
	if strings.HasPrefix(up, "REL ") && strings.TrimSpace(part[4:]) != "" {
		return "releasable to " + strings.TrimSpace(part[4:])
	}
	return ""
}
