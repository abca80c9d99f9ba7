package corpus

import (
	"testing"

	"cablereader/model"
)

// The scan of a folder learns the stations its cables name: 08SHANGHAI422
// addresses itself as RUEHGH/AMCONSUL SHANGHAI and sends from RUEHGH;
// 09TOKYO2531 sends from RUEHKO as AMEMBASSY TOKYO.
func TestScanLearnsStations(t *testing.T) {
	ix := scan(t, cablesDir)
	for ri, want := range map[string]string{"RUEHGH": "AMCONSUL SHANGHAI", "RUEHKO": "AMEMBASSY TOKYO"} {
		if got, ok := ix.StationName(ri); !ok || got != want {
			t.Errorf("StationName(%s) = %q %v, want %q", ri, got, ok, want)
		}
	}
	if got, ok := ix.StationName("RUEHXX"); ok {
		t.Errorf("RUEHXX is named %q", got)
	}
}

// Cables that disagree: the name most give first, then the runner-up,
// then an ellipsis for the rest; names are compared with their blanks
// collapsed.
func TestStationNameDisagreement(t *testing.T) {
	var ix Archive
	ix.Learn([]model.Station{{RI: "RUEHC", Name: "SECSTATE WASHDC"}, {RI: "RUEHZZ", Name: "AMEMBASSY  NOWHERE"}})
	if got, _ := ix.StationName("RUEHZZ"); got != "AMEMBASSY NOWHERE" {
		t.Errorf("one name: %q", got)
	}
	ix.Learn([]model.Station{{RI: "RUEHC", Name: "DEPT OF LABOR WASHDC"}, {RI: "RUEHC", Name: "DEPT OF LABOR WASHDC"}})
	if got, _ := ix.StationName("RUEHC"); got != "DEPT OF LABOR WASHDC / SECSTATE WASHDC" {
		t.Errorf("two names: %q", got)
	}
	ix.Learn([]model.Station{{RI: "RUEHC", Name: "USAID WASHDC"}, {RI: "", Name: "NO RI"}, {RI: "RUEHYY"}})
	if got, _ := ix.StationName("RUEHC"); got != "DEPT OF LABOR WASHDC / SECSTATE WASHDC / …" {
		t.Errorf("three names: %q", got)
	}
	if _, ok := ix.StationName("RUEHYY"); ok {
		t.Error("an indicator without a name is named")
	}
}
