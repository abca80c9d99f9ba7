package model

import "testing"

func TestClassificationString(t *testing.T) {
	for _, tc := range []struct {
		c    Classification
		want string
	}{
		{Classification{}, ""},
		{Classification{Level: Confidential}, "CONFIDENTIAL"},
		{Classification{Level: Secret, Qualifiers: []string{"NOFORN"}}, "SECRET//NOFORN"},
		{Classification{Level: Unclassified, Qualifiers: []string{"FOR OFFICIAL USE ONLY"}}, "UNCLASSIFIED//FOR OFFICIAL USE ONLY"},
		{Classification{Level: LimitedOfficialUse}, "LIMITED OFFICIAL USE"},
		{Classification{Level: TopSecret}, "TOP SECRET"},
	} {
		if got := tc.c.String(); got != tc.want {
			t.Errorf("%+v.String() = %q, want %q", tc.c, got, tc.want)
		}
	}
}

func TestNoForn(t *testing.T) {
	if (&Cable{Caveats: []string{"SIPDIS"}}).NoForn() {
		t.Error("SIPDIS alone is not NOFORN")
	}
	if !(&Cable{Caveats: []string{"SIPDIS", "NOFORN"}}).NoForn() {
		t.Error("a NOFORN caveat line makes the cable NOFORN")
	}
	if !(&Cable{Classification: Classification{Level: Secret, Qualifiers: []string{"NOFORN"}}}).NoForn() {
		t.Error("a //NOFORN banner makes the cable NOFORN")
	}
}

func TestPrecedenceFromLetter(t *testing.T) {
	for in, want := range map[string]Precedence{"Z": Flash, "OO": Immediate, "P": Priority, "RR": Routine, "X": ""} {
		if got := PrecedenceFromLetter(in); got != want {
			t.Errorf("PrecedenceFromLetter(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMarking(t *testing.T) {
	c := &Cable{Classification: Classification{Level: Secret}, Caveats: []string{"SIPDIS", "NOFORN"}}
	if got := c.Marking(); got != "SECRET//NOFORN" {
		t.Errorf("Marking() = %q", got)
	}
	c.Classification.Qualifiers = []string{"NOFORN"}
	if got := c.Marking(); got != "SECRET//NOFORN" {
		t.Errorf("Marking() with a //NOFORN banner = %q", got)
	}
	if got := (&Cable{}).Marking(); got != "" {
		t.Errorf("Marking() of nothing = %q", got)
	}
}

func TestIsCableID(t *testing.T) {
	for s, want := range map[string]bool{
		"09TOKYO2531": true, "08USUNNEWYORK1090": true, "05BOGOTA3863": true, "66ROME1": true,
		"09tokyo2531": false, "2009TOKYO2531": false, "09TOKYO": false, "TOKYO2531": false,
		"09TOKYO2531_a": false, "0912345": false, "": false, " 09TOKYO2531": false,
	} {
		if got := IsCableID(s); got != want {
			t.Errorf("IsCableID(%q) = %v, want %v", s, got, want)
		}
	}
}
