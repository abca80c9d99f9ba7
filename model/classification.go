package model

import (
	"bytes"
	"strings"
)

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

// The classification vocabulary: each level's name and its code in a
// portion marking and a classification's short form (S//NF), the caveat
// words and their codes. The parser, the catalog, the search index and
// the views all read levels and caveats through these.
var (
	levelNames = [...]string{"", "UNCLASSIFIED", "LIMITED OFFICIAL USE", "CONFIDENTIAL", "SECRET", "TOP SECRET"}
	levelCodes = [...]string{"", "U", "LOU", "C", "S", "TS"}
)

func (l Level) String() string {
	if l < 0 || int(l) >= len(levelNames) {
		return ""
	}
	return levelNames[l]
}

// Code is the level's portion-marking code: U, LOU, C, S, TS; "" for
// LevelUnknown.
func (l Level) Code() string {
	if l < 0 || int(l) >= len(levelCodes) {
		return ""
	}
	return levelCodes[l]
}

// Levels are the marked levels, from least to most restricted.
func Levels() []Level {
	return []Level{Unclassified, LimitedOfficialUse, Confidential, Secret, TopSecret}
}

// marked reports whether l is one of Levels.
func (l Level) marked() bool { return l >= Unclassified && l <= TopSecret }

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

// WithControls is the normalised form with the dissemination controls
// (Caveat.Control: NOFORN, EXDIS, NODIS, LIMDIS, ORCON) among caveats
// that the qualifiers do not already carry added after them, each once,
// in the order of Caveats: a banner SECRET with NOFORN on a line of its
// own is SECRET//NOFORN, as the Cablegate CSV writes it. "" when the
// level is unknown.
func (c Classification) WithControls(caveats []string) string {
	s := c.String()
	if s == "" {
		return ""
	}
	for _, cv := range Caveats {
		if !cv.Control || !containsFold(caveats, cv.Word) || containsFold(c.Qualifiers, cv.Word) {
			continue
		}
		s += "//" + cv.Word
	}
	return s
}

func containsFold(list []string, word string) bool {
	for _, w := range list {
		if strings.EqualFold(strings.TrimSpace(w), word) {
			return true
		}
	}
	return false
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

// ReadLevel reads a level word as a banner writes it, however it is
// spaced or abbreviated (C O N F I D E N T I A L, UNCLAS, TOPSECRET) and
// with a typist's doubled or dropped first letter (SSECRET, ECRET,
// UUNCLAS); what follows the word does not matter.
func ReadLevel(s string) Level {
	w := strings.ToUpper(strings.Join(strings.Fields(s), ""))
	switch {
	case strings.HasPrefix(w, "SSECRET"), strings.HasPrefix(w, "UUNCLAS"):
		w = w[1:]
	case strings.HasPrefix(w, "ECRET"):
		w = "S" + w
	}
	if strings.HasPrefix(w, unclas) {
		return Unclassified
	}
	for l := TopSecret; l > Unclassified; l-- {
		if strings.HasPrefix(w, squeezed[l]) {
			return l
		}
	}
	return LevelUnknown
}

// squeezed are the level names without their spaces (TOPSECRET), as
// ReadLevel compares them.
var squeezed = func() (s [len(levelNames)]string) {
	for l, name := range levelNames {
		s[l] = strings.ReplaceAll(name, " ", "")
	}
	return s
}()

// unclas is how banners shorten UNCLASSIFIED.
const unclas = "UNCLAS"

// StartsLevel reports whether line starts as a banner does: with a
// level's name, UNCLAS, or the first letters of CONFIDENTIAL, SECRET or
// UNCLASSIFIED spaced out (C O N F, S E C R E T, U N C L). Case matters.
func StartsLevel(line []byte) bool {
	for _, w := range []string{unclas, Confidential.String(), Secret.String(), TopSecret.String(), LimitedOfficialUse.String(), "C O N F", "S E C R E T", "U N C L"} {
		if bytes.HasPrefix(line, []byte(w)) {
			return true
		}
	}
	return false
}

// EndsLevel reports whether s ends, but for spaces, in the name of a
// level.
func EndsLevel(s string) bool {
	s = strings.TrimRight(s, " ")
	for l := Unclassified; l.marked(); l++ {
		if strings.HasSuffix(s, l.String()) {
			return true
		}
	}
	return false
}

// ClassLevel is the level of a normalised classification
// (SECRET//NOFORN, as Classification.String writes it): LevelUnknown
// unless it starts with a level's name, in any case.
func ClassLevel(class string) Level {
	head, _, _ := strings.Cut(class, "//")
	head = strings.TrimSpace(head)
	for l := Unclassified; l.marked(); l++ {
		if strings.EqualFold(head, l.String()) {
			return l
		}
	}
	return LevelUnknown
}

// ClassCode is a normalised classification's short form: S//NF,
// U//FOUO, C; the level as written when it is none of the levels, "—"
// when there is none.
func ClassCode(class string) string {
	parts := strings.Split(class, "//")
	code := "—"
	if l := ClassLevel(class); l != LevelUnknown {
		code = l.Code()
	} else if s := strings.TrimSpace(parts[0]); s != "" {
		code = s
	}
	for _, q := range parts[1:] {
		q = strings.TrimSpace(q)
		if c := CaveatCode(q); c != "" {
			q = c
		}
		if q != "" {
			code += "//" + q
		}
	}
	return code
}

// PortionLevel is the level a portion marking stands for: C, S/NF, SBU,
// TS//NF (LevelUnknown for anything else).
func PortionLevel(marking string) Level {
	head := marking
	if i := strings.IndexAny(head, "/ "); i >= 0 {
		head = head[:i]
	}
	return CodeLevel(head)
}

// CodeLevel is the level a portion marking's level code stands for, in
// any case: U, SBU (sensitive but unclassified), LOU, C, S, TS, or
// UNCLASSIFIED written out; LevelUnknown for anything else.
func CodeLevel(code string) Level {
	code = strings.ToUpper(code)
	switch code {
	case sbu, Unclassified.String():
		return Unclassified
	}
	for l := Unclassified; l.marked(); l++ {
		if code == l.Code() {
			return l
		}
	}
	return LevelUnknown
}

// sbu is the portion code of sensitive but unclassified text.
const sbu = "SBU"

// A Caveat is a handling or distribution caption a cable carries beside
// its level (NOFORN, SIPDIS, EXDIS).
type Caveat struct {
	Word string // as the cables write it, in capitals
	// Code is its short form after a level (S//NF); "" when it has none.
	Code string
	// Control is set on the dissemination controls a reader searches
	// for by the word alone (noforn, not caveat:noforn).
	Control bool
}

// Caveats are the caveat words a cable's head is read for, a longer
// word before the shorter one it starts with (SENSITIVE BUT
// UNCLASSIFIED before SENSITIVE). NOFOR is NOFORN as some cables cut it.
var Caveats = []Caveat{
	{Word: "SIPDIS"},
	{Word: "NOFORN", Code: "NF", Control: true},
	{Word: "NOFOR"},
	{Word: "SENSITIVE BUT UNCLASSIFIED"},
	{Word: "SENSITIVE", Code: sbu},
	{Word: "EXDIS", Code: "EX", Control: true},
	{Word: "NODIS", Code: "ND", Control: true},
	{Word: "LIMDIS", Code: "LD", Control: true},
	{Word: "STADIS"},
	{Word: "FOR OFFICIAL USE ONLY", Code: "FOUO"},
	{Word: "NOCONTRACT"},
	{Word: "ORCON", Control: true},
	{Word: "PROPIN"},
	{Word: "CXHAVANA"},
	{Word: "NOT FOR INTERNET DISTRIBUTION"},
}

// CaveatCode is a caveat word's short form (NOFORN → NF), in any case;
// "" for a word without one.
func CaveatCode(word string) string {
	for _, c := range Caveats {
		if c.Code != "" && strings.EqualFold(word, c.Word) {
			return c.Code
		}
	}
	return ""
}

// IsControl reports whether word, in any case, is a dissemination control
// a reader may search for alone (Caveat.Control).
func IsControl(word string) bool {
	for _, c := range Caveats {
		if c.Control && strings.EqualFold(word, c.Word) {
			return true
		}
	}
	return false
}

// MarkingParts are the parts of a portion marking, between its slashes,
// trimmed: "S/NF" is S and NF, "C//REL TO USA, GBR" is C and REL TO USA,
// GBR.
func MarkingParts(marking string) []string {
	var parts []string
	for _, p := range strings.Split(marking, "/") {
		if p = strings.TrimSpace(p); p != "" {
			parts = append(parts, p)
		}
	}
	return parts
}
