package model

import "testing"

func TestPortionLevel(t *testing.T) {
	for m, want := range map[string]Level{
		"C": Confidential, "S/NF": Secret, "SBU": Unclassified, "TS//NF": TopSecret,
		"LOU": LimitedOfficialUse, "u": Unclassified, "": LevelUnknown, "NOTE": LevelUnknown,
	} {
		if got := PortionLevel(m); got != want {
			t.Errorf("PortionLevel(%q) = %v, want %v", m, got, want)
		}
	}
}
