package model

import (
	"reflect"
	"testing"
)

// The header fields of a cable with every field, in the reader's order and
// with its labels.
func TestHeaderFields(t *testing.T) {
	c := &Cable{
		Origin: "AMEMBASSY TOKYO",
		Routing: &Routing{
			To:   []Addressee{{RI: "RUEHC", Name: "SECSTATE WASHDC"}},
			Info: []Addressee{{Name: "AMEMBASSY BANGKOK"}, {Name: "AMEMBASSY JAKARTA"}},
		},
		Header: Header{
			Passing: []string{"DEPARTMENT FOR G/TIP: CHRIS CHAN-DOWNER", "  PASS TO\nUSTR  "},
			Subject: "THAILAND AND JAPAN\n  TO INK SOP ON TIP",
			Tags:    []string{"KTIP", "PGOV"},
			References: []Reference{
				{Label: "A", Text: "TOKYO 2345", ID: "09TOKYO2345"},
				{Text: "09STATE1234", ID: "09STATE1234"},
				{Text: "PARIS POINTS JULY 15"},
			},
			EO:           &EO{Order: "12958", Declassify: "2019-11-02", Text: "E.O. 12958: DECL: 11/02/2019"},
			ClassifiedBy: &ClassifiedBy{Authority: "DCM James P. Zumwalt", Reasons: []string{"1.4(b)", "1.4(d)"}},
		},
	}
	want := []HeaderField{
		{FieldFrom, "From", "AMEMBASSY TOKYO", nil},
		{FieldTo, "To", "SECSTATE WASHDC +2 more", nil},
		{FieldAttention, "Attention", "DEPARTMENT FOR G/TIP: CHRIS CHAN-DOWNER; PASS TO USTR",
			[]string{"DEPARTMENT FOR G/TIP: CHRIS CHAN-DOWNER", "PASS TO USTR"}},
		{FieldSubject, "Subject", "THAILAND AND JAPAN TO INK SOP ON TIP", nil},
		{FieldTags, "TAGS", "KTIP PGOV", nil},
		{FieldReferences, "References", "A. TOKYO 2345 (09TOKYO2345); 09STATE1234; PARIS POINTS JULY 15",
			[]string{"A. TOKYO 2345 (09TOKYO2345)", "09STATE1234", "PARIS POINTS JULY 15"}},
		{FieldClassified, "Classified", "by DCM James P. Zumwalt · reasons 1.4(b), 1.4(d) · declassify 2019-11-02", nil},
	}
	if got := c.HeaderFields(); !reflect.DeepEqual(got, want) {
		t.Errorf("HeaderFields() =\n%#v\nwant\n%#v", got, want)
	}
}

// Without a Classified By line the E.O. line stands on its own; words are
// shown as written, a date or code after "declassify"; a field with no
// value is left out.
func TestHeaderFieldsEO(t *testing.T) {
	for _, tc := range []struct {
		eo   *EO
		want []HeaderField
	}{
		{&EO{Declassify: "OADR", Text: "E.O. 12356: OADR"}, []HeaderField{{FieldEO, "E.O.", "declassify OADR", nil}}},
		{&EO{Declassify: "AS AMENDED; DECL 1/1/2019", Text: "E.O. 12958 AS AMENDED; DECL 1/1/2019"},
			[]HeaderField{{FieldEO, "E.O.", "E.O. 12958 AS AMENDED; DECL 1/1/2019", nil}}},
		{&EO{Text: "E.O. 12958: N/A"}, []HeaderField{{FieldEO, "E.O.", "E.O. 12958: N/A", nil}}},
		{nil, nil},
	} {
		c := &Cable{Header: Header{EO: tc.eo, Subject: "  ", Passing: []string{" "}}, Routing: &Routing{}}
		if got := c.HeaderFields(); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("EO %+v: HeaderFields() = %#v, want %#v", tc.eo, got, tc.want)
		}
	}
	// A Classified By line with no authority and no reasons shows its text.
	c := &Cable{Header: Header{ClassifiedBy: &ClassifiedBy{Text: "CLASSIFIED BY: AMBASSADOR"}}}
	want := []HeaderField{{FieldClassified, "Classified", "CLASSIFIED BY: AMBASSADOR", nil}}
	if got := c.HeaderFields(); !reflect.DeepEqual(got, want) {
		t.Errorf("HeaderFields() = %#v, want %#v", got, want)
	}
	// The first addressee is named by its RI when it has no name.
	c = &Cable{Routing: &Routing{Info: []Addressee{{RI: "RUEHC"}}}}
	want = []HeaderField{{FieldTo, "To", "RUEHC", nil}}
	if got := c.HeaderFields(); !reflect.DeepEqual(got, want) {
		t.Errorf("HeaderFields() = %#v, want %#v", got, want)
	}
}

func TestBanner(t *testing.T) {
	for _, tc := range []struct {
		c    Cable
		want string
	}{
		{Cable{Classification: Classification{Level: Confidential}, Caveats: []string{"SIPDIS", "SIPDIS"}}, "CONFIDENTIAL · SIPDIS"},
		{Cable{Classification: Classification{Level: Unclassified}, Caveats: []string{"SENSITIVE", "sipdis", "SIPDIS"}}, "UNCLASSIFIED · SENSITIVE · sipdis"},
		{Cable{Classification: Classification{Level: Secret}, Caveats: []string{"SIPDIS", "NOFORN"}}, "SECRET//NOFORN · SIPDIS"},
		{Cable{Classification: Classification{Level: Secret, Qualifiers: []string{"NOFORN"}}, Caveats: []string{"noforn"}}, "SECRET//NOFORN"},
		{Cable{Caveats: []string{"NOFORN", " "}}, "NOFORN"},
		{Cable{}, ""},
	} {
		if got := tc.c.Banner(); got != tc.want {
			t.Errorf("Banner() of %+v = %q, want %q", tc.c, got, tc.want)
		}
	}
}

// A PlusD record shows its canonical id last.
func TestHeaderFieldsCanonicalID(t *testing.T) {
	c := &Cable{Origin: "AMEMBASSY ATHENS", CanonicalID: "1974ATHENS02959_b"}
	fs := c.HeaderFields()
	if len(fs) != 2 || !reflect.DeepEqual(fs[1], HeaderField{Key: FieldCanonicalID, Label: "PlusD ID", Value: "1974ATHENS02959_b"}) {
		t.Errorf("fields %+v", fs)
	}
}
