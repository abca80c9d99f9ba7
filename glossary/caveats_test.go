package glossary

import (
	"strings"
	"testing"

	"cablereader/model"
)

func TestCaveatMeanings(t *testing.T) {
	if got := Caveat("noforn"); got != "not releasable to foreign nationals" {
		t.Errorf("noforn: %q", got)
	}
	if got := Caveat("CXHAVANA"); got != "" {
		t.Errorf("CXHAVANA has no meaning on record, got %q", got)
	}
	// Every caveat explained is a word of the vocabulary.
	for w := range caveatMeanings {
		known := false
		for _, c := range model.Caveats {
			known = known || c.Word == w
		}
		if !known {
			t.Errorf("%s is no caveat of model.Caveats", w)
		}
	}
}

func TestMarkingParts(t *testing.T) {
	for part, want := range map[string]string{
		"nf": "not releasable to foreign nationals (NOFORN)", "SBU": "sensitive but unclassified",
		"REL USA, GBR": "releasable to USA, GBR", "rel Canada": "releasable to Canada",
		"REL ": "", "XX": "", "UNCLASSIFIED": "", "s": "secret",
	} {
		if got := MarkingPart(part); got != want {
			t.Errorf("MarkingPart(%q) = %q, want %q", part, got, want)
		}
	}
	// A level's code means the level.
	for _, l := range model.Levels() {
		if got := MarkingPart(l.Code()); got != strings.ToLower(l.String()) {
			t.Errorf("%s: %q, want %q", l.Code(), got, strings.ToLower(l.String()))
		}
	}
}

func TestSecurityLevel(t *testing.T) {
	for code, want := range map[string]model.Level{
		"UUUUU": model.Unclassified, "EEEEE": model.Unclassified, "CCCCC": model.Confidential,
		"SSSSS": model.Secret, "TTTTT": model.TopSecret, "CCCC": model.LevelUnknown, "ccccc": model.LevelUnknown,
	} {
		if got := SecurityLevel(code); got != want {
			t.Errorf("SecurityLevel(%q) = %v, want %v", code, got, want)
		}
	}
}
