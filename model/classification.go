package model

import "strings"

// Level is a classification level, ordered from least to most restricted.
type Level int

const (
	LevelUnknown Level = iota
	Unclassified
	LimitedOfficialUse
	Confidential
	Secret
	TopSecret
)

var levelNames = [...]string{"", "UNCLASSIFIED", "LIMITED OFFICIAL USE", "CONFIDENTIAL", "SECRET", "TOP SECRET"}

func (l Level) String() string {
	if l < 0 || int(l) >= len(levelNames) {
		return ""
	}
	return levelNames[l]
}

// Classification is a cable's overall marking.
type Classification struct {
	Level Level
	// Qualifiers follow the level after "//" (NOFORN, FOR OFFICIAL USE ONLY).
	Qualifiers []string
	// Text is the banner as written (C O N F I D E N T I A L).
	Text string
}

// String is the normalised form: CONFIDENTIAL, SECRET//NOFORN.
func (c Classification) String() string {
	if c.Level == LevelUnknown {
		return ""
	}
	if len(c.Qualifiers) == 0 {
		return c.Level.String()
	}
	return c.Level.String() + "//" + strings.Join(c.Qualifiers, "//")
}

// NoForn reports whether the cable is not releasable to foreign nationals,
// either by its banner or by a caveat line.
func (c *Cable) NoForn() bool {
	for _, q := range c.Classification.Qualifiers {
		if strings.EqualFold(q, "NOFORN") {
			return true
		}
	}
	for _, q := range c.Caveats {
		if strings.EqualFold(q, "NOFORN") {
			return true
		}
	}
	return false
}

// Marking is the classification as a reader should see it: the banner's
// normalised form, with //NOFORN added when only a caveat line says so.
func (c *Cable) Marking() string {
	s := c.Classification.String()
	if s == "" || !c.NoForn() || strings.Contains(s, "NOFORN") {
		return s
	}
	return s + "//NOFORN"
}

// PortionLevel is the level a portion marking stands for: C, S/NF, SBU,
// TS//NF (LevelUnknown for anything else).
func PortionLevel(marking string) Level {
	head := marking
	if i := strings.IndexAny(head, "/ "); i >= 0 {
		head = head[:i]
	}
	switch strings.ToUpper(head) {
	case "U", "SBU", "UNCLASSIFIED":
		return Unclassified
	case "LOU":
		return LimitedOfficialUse
	case "C":
		return Confidential
	case "S":
		return Secret
	case "TS":
		return TopSecret
	}
	return LevelUnknown
}
