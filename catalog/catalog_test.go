package catalog

import (
	"testing"

	"cablereader/model"
)

func TestClassAndPlace(t *testing.T) {
	for _, tc := range []struct {
		c    model.Classification
		want string
	}{
		{model.Classification{Level: model.Secret, Qualifiers: []string{"NOFORN"}}, "SECRET//NOFORN"},
		{model.Classification{Level: model.Confidential}, "CONFIDENTIAL"},
		{model.Classification{Qualifiers: []string{"NOFORN"}, Text: "SECRET NOFORN//NOFORN"}, "SECRET NOFORN//NOFORN"},
		{model.Classification{}, ""},
	} {
		r := Record{Classification: tc.c}
		if got := r.Class(); got != tc.want {
			t.Errorf("Class of %+v = %q, want %q", tc.c, got, tc.want)
		}
	}
	// The controls among the caveats follow the banner's qualifiers,
	// each once, in the model's order; other caveats do not.
	for _, tc := range []struct {
		c       model.Classification
		caveats []string
		want    string
	}{
		{model.Classification{Level: model.Secret}, []string{"SIPDIS", "NOFORN"}, "SECRET//NOFORN"},
		{model.Classification{Level: model.Secret, Qualifiers: []string{"NOFORN"}}, []string{"NOFORN"}, "SECRET//NOFORN"},
		{model.Classification{Level: model.Secret}, []string{"ORCON", "SIPDIS", "NODIS", "NOFORN", "EXDIS", "LIMDIS"}, "SECRET//NOFORN//EXDIS//NODIS//LIMDIS//ORCON"},
		{model.Classification{Level: model.Confidential, Qualifiers: []string{"NOFORN"}}, []string{"EXDIS"}, "CONFIDENTIAL//NOFORN//EXDIS"},
		{model.Classification{Level: model.Unclassified}, []string{"SENSITIVE", "SIPDIS"}, "UNCLASSIFIED"},
		{model.Classification{}, []string{"NOFORN"}, ""},
	} {
		r := Record{Classification: tc.c, Caveats: tc.caveats}
		if got := r.Class(); got != tc.want {
			t.Errorf("Class of %+v = %q, want %q", tc.c, got, tc.want)
		}
	}
	row := Record{Loc: Location{Kind: KindCSVRow, Path: "cables.csv", Offset: 10, Length: 5, Line: 12}}
	file := Record{Loc: Location{Kind: KindText, Path: "a/09TOKYO2531.txt"}}
	if row.Place() != "cables.csv:12" || file.Place() != "a/09TOKYO2531.txt" || row.Line() != 12 || file.Line() != 0 {
		t.Errorf("places %q %q", row.Place(), file.Place())
	}
	if (RowError{Line: 69, Last: 70}).Lines() != "69-70" || (RowError{Line: 69}).Lines() != "69" {
		t.Error("RowError.Lines")
	}
}
