package model

import (
	"slices"
	"testing"
)

// Stations pairs each addressed indicator with its name, then the DE
// station with the sender (FM); a pair given twice is listed once, a line
// without an indicator or a name not at all.
func TestStations(t *testing.T) {
	c := &Cable{Origin: "AMCONSUL SHANGHAI", Routing: &Routing{
		Station: "RUEHGH",
		To:      []Addressee{{RI: "RUEHC", Name: "SECSTATE WASHDC"}},
		Info: []Addressee{
			{RI: "RUEHBJ", Name: "AMEMBASSY BEIJING"},
			{Name: "NSC WASHDC"},
			{RI: "RUEHC", Name: "SECSTATE WASHDC"},
		},
	}}
	want := []Station{{"RUEHC", "SECSTATE WASHDC"}, {"RUEHBJ", "AMEMBASSY BEIJING"}, {"RUEHGH", "AMCONSUL SHANGHAI"}}
	if got := c.Stations(); !slices.Equal(got, want) {
		t.Errorf("Stations() = %v, want %v", got, want)
	}
	if got := (&Cable{Origin: "AMEMBASSY TOKYO"}).Stations(); got != nil {
		t.Errorf("no routing: %v", got)
	}
}
