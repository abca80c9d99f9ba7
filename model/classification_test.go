package model

import (
	"slices"
	"testing"
)

func TestReadLevel(t *testing.T) {
	for s, want := range map[string]Level{
		"C O N F I D E N T I A L": Confidential, "SECRET": Secret, "SSECRET": Secret, "ECRET": Secret,
		"UNCLAS": Unclassified, "UUNCLAS E F T O": Unclassified, "unclassified": Unclassified,
		"TOP SECRET": TopSecret, "TOPSECRET//NOFORN": TopSecret, "Limited Official Use": LimitedOfficialUse,
		"LIMITED": LevelUnknown, "SUBJECT": LevelUnknown, "": LevelUnknown,
	} {
		if got := ReadLevel(s); got != want {
			t.Errorf("ReadLevel(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestClassLevelAndCode(t *testing.T) {
	for _, tc := range []struct {
		class string
		level Level
		code  string
	}{
		{"SECRET//NOFORN", Secret, "S//NF"},
		{"UNCLASSIFIED//FOR OFFICIAL USE ONLY", Unclassified, "U//FOUO"},
		{"confidential", Confidential, "C"},
		{"TOP SECRET//ORCON", TopSecret, "TS//ORCON"},
		{"LIMITED OFFICIAL USE//limdis", LimitedOfficialUse, "LOU//LD"},
		{"UNCLASSIFIED//SENSITIVE", Unclassified, "U//SBU"},
		{"UNCLAS", LevelUnknown, "UNCLAS"},
		{"", LevelUnknown, "—"},
	} {
		if got := ClassLevel(tc.class); got != tc.level {
			t.Errorf("ClassLevel(%q) = %v, want %v", tc.class, got, tc.level)
		}
		if got := ClassCode(tc.class); got != tc.code {
			t.Errorf("ClassCode(%q) = %q, want %q", tc.class, got, tc.code)
		}
	}
}

func TestLevelCodes(t *testing.T) {
	for _, l := range Levels() {
		if CodeLevel(l.Code()) != l {
			t.Errorf("%v: its code %q reads back as %v", l, l.Code(), CodeLevel(l.Code()))
		}
	}
	if CodeLevel("sbu") != Unclassified || CodeLevel("NF") != LevelUnknown || LevelUnknown.Code() != "" {
		t.Error("SBU is unclassified; NF and the unknown level have no level code")
	}
}

func TestStartsAndEndsLevel(t *testing.T) {
	for s, want := range map[string]bool{
		"UNCLAS SECTION 01 OF 02 TOKYO 002531": true, "C O N F I D E N T I A L ROME 1": true,
		"S E C R E T SECTION 01": true, "LIMITED OFFICIAL USE ATHENS 2959": true,
		"SECSTATE WASHDC": false, "confidential rome": false, "TO RUEHC/SECSTATE": false,
	} {
		if got := StartsLevel([]byte(s)); got != want {
			t.Errorf("StartsLevel(%q) = %v, want %v", s, got, want)
		}
	}
	if !EndsLevel("PAGE 02  TOP SECRET  ") || !EndsLevel("ROME 01234  LIMITED OFFICIAL USE") || EndsLevel("SECRETARY") {
		t.Error("EndsLevel: a level's name at the end, spaces after it allowed")
	}
}

func TestCaveats(t *testing.T) {
	if CaveatCode("noforn") != "NF" || CaveatCode("SIPDIS") != "" || CaveatCode("NF") != "" {
		t.Error("CaveatCode: NOFORN is NF, in any case; SIPDIS has no code")
	}
	var controls []string
	for _, c := range Caveats {
		if IsControl(c.Word) {
			controls = append(controls, c.Word)
		}
	}
	if want := []string{"NOFORN", "EXDIS", "NODIS", "LIMDIS", "ORCON"}; !slices.Equal(controls, want) {
		t.Errorf("controls %q, want %q", controls, want)
	}
	// A longer word comes before the shorter one it starts with, so that
	// a search through the words in order finds the longer.
	for i, a := range Caveats {
		for _, b := range Caveats[i+1:] {
			if len(b.Word) > len(a.Word) && b.Word[:len(a.Word)] == a.Word {
				t.Errorf("%q stands before %q", a.Word, b.Word)
			}
		}
	}
}

func TestMarkingParts(t *testing.T) {
	if got := MarkingParts(" S / NF"); !slices.Equal(got, []string{"S", "NF"}) {
		t.Errorf("S / NF: %q", got)
	}
	if got := MarkingParts("C//REL TO USA, GBR"); !slices.Equal(got, []string{"C", "REL TO USA, GBR"}) {
		t.Errorf("C//REL TO USA, GBR: %q", got)
	}
}
