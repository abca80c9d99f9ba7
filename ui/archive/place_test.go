package archive

import (
	"strings"
	"testing"

	"cablereader/catalog"
)

func TestPlaceName(t *testing.T) {
	for _, tc := range []struct{ id, origin, want string }{
		{"09TOKYO2531", "AMEMBASSY TOKYO", "Tokyo"},
		{"09TOKYO2531", "Embassy Tokyo", "Tokyo"}, // the CSV's column
		{"09UNVIEVIENNA1", "USMISSION UNVIE VIENNA", "Vienna (UNVIE)"},
		{"09USUNNEWYORK1", "USMISSION USUN NEW YORK", "New York (USUN)"},
		{"09USNATO1", "USMISSION USNATO", "USNATO"},
		{"09STATE1", "SECSTATE WASHDC", "State"},
		{"09RIODEJANEIRO1", "AMCONSUL RIO DE JANEIRO", "Rio de Janeiro"},
		{"09HAVANA84", "USINT HAVANA", "Havana"},
		{"09BRUSSELS1", "USEU BRUSSELS", "Brussels (USEU)"},
		{"09RPODUBAI1", "IRAN RPO DUBAI", "Dubai (IRAN RPO)"},
		{"02ADANA386", "", "Adana"},                // undated partial record: the id's post
		{"05RIODEJANEIRO1242", "", "Riodejaneiro"}, // the id runs the words together
		{"88STATE68250", "", "State"},              // the id's STATE
		{"whatever", "", ""},
	} {
		e := catalog.Record{ID: tc.id, Origin: tc.origin}
		if got := placeName(&e); got != tc.want {
			t.Errorf("placeName(%q, %q) = %q, want %q", tc.id, tc.origin, got, tc.want)
		}
	}
	for id, want := range map[string]string{"02ADANA386": "2002", "66BUENOSAIRES2481": "1966", "10X1": "2010", "ADANA386": "", "": ""} {
		if got := idYear(id); got != want {
			t.Errorf("idYear(%q) = %q, want %q", id, got, want)
		}
	}
}

// An undated partial record shows the year and the post its id gives.
func TestUndatedRowShowsIDYearAndPost(t *testing.T) {
	_, _, ix := sharedFolder(t)
	a := openArchive(t, ix, 100, len(ix.Entries())+4)
	for _, r := range listRows(t, a) {
		if r.id == "02ADANA386" {
			if r.date != "2002" || !strings.HasPrefix(r.rest, "Adana SOUTHEAST TURKEY PRESS") {
				t.Errorf("row %+v", r)
			}
			return
		}
	}
	t.Error("no row for 02ADANA386")
}
