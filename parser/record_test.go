package parser

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"cablereader/model"
)

// The 2011 site's archive record above a cable: its fields are metadata
// (kept in the preamble, read into Record), never paragraphs, and they
// date and identify a record whose text does neither.
func TestArchiveRecordFragment(t *testing.T) {
	in := strings.Join([]string{
		"This record is a partial extract of the original cable. The full text of the original cable is not available.",
		"",
		"id: 31335",
		"date: 4/22/2005 15:47",
		"refid: 05BOGOTA3863",
		"origin: Embassy Bogota",
		"classification: SECRET",
		"destination: 05BOGOTA1531|05BOGOTA555",
		"header:",
		"This record is a partial extract of the original cable. The full text of the original cable is not available.",
		"",
		"----------------- header ends ----------------",
		"",
		"SUBJECT: COLOMBIA COPES WITH CHAVEZ",
		"",
		"1. (S) This cable responds to Ref A taskings.",
	}, "\n")
	c := Parse([]byte(in))
	if c.ID != "05BOGOTA3863" || c.Date.Format("2006-01-02 15:04") != "2005-04-22 15:47" || c.Classification.Level != model.Secret {
		t.Errorf("id %q, date %v, level %v: want the record's 05BOGOTA3863, 2005-04-22 15:47, SECRET", c.ID, c.Date, c.Classification.Level)
	}
	var want []model.RecordField
	for _, f := range [][2]string{{"id", "31335"}, {"date", "4/22/2005 15:47"}, {"refid", "05BOGOTA3863"}, {"origin", "Embassy Bogota"}, {"classification", "SECRET"}, {"destination", "05BOGOTA1531|05BOGOTA555"}} {
		want = append(want, model.RecordField{Name: f[0], Value: f[1]})
	}
	if !reflect.DeepEqual(c.Record, want) {
		t.Errorf("record %q, want %q", c.Record, want)
	}
	wantPre := []string{"id: 31335", "date: 4/22/2005 15:47", "refid: 05BOGOTA3863", "origin: Embassy Bogota", "classification: SECRET", "destination: 05BOGOTA1531|05BOGOTA555", "header:", "----------------- header ends ----------------"}
	if !reflect.DeepEqual(c.Preamble, wantPre) {
		t.Errorf("preamble %q, want %q", c.Preamble, wantPre)
	}
	if c.Header.Subject != "COLOMBIA COPES WITH CHAVEZ" || len(c.Body) != 1 || c.Body[0].Number != 1 {
		t.Errorf("subject %q, body %+v", c.Header.Subject, c.Body)
	}
	for _, b := range c.Body {
		if strings.Contains(b.Text, "refid") || strings.Contains(b.Text, "header ends") {
			t.Errorf("record line in a paragraph: %q", b.Text)
		}
	}
}

// The text's own id, date and classification win over the record's.
func TestArchiveRecordTextFirst(t *testing.T) {
	in := strings.Join([]string{
		"id: 1",
		"date: 1/1/2009 00:00",
		"refid: 09TOKYO2531",
		"classification: UNCLASSIFIED",
		"header:",
		"P 020723Z NOV 09",
		"FM AMEMBASSY TOKYO",
		"----------------- header ends ----------------",
		"C O N F I D E N T I A L TOKYO 002531",
		"SUBJECT: X",
		"1. (C) Text.",
	}, "\n")
	c := Parse([]byte(in))
	if c.ID != "09TOKYO2531" || c.Date.Format("2006-01-02 15:04") != "2009-11-02 07:23" || c.Classification.Level != model.Confidential {
		t.Errorf("id %q, date %v, level %v: want the text's", c.ID, c.Date, c.Classification.Level)
	}
}

// Field lines with no id among them are no record (an e-mail's From:,
// Date:, Subject: lines are read as before).
func TestNoRecordWithoutID(t *testing.T) {
	c := Parse([]byte("From: someone\nDate: 1/1/2009 00:00\nSubject: lunch\n\n1. Text.\n"))
	if c.Record != nil || c.HasDate() {
		t.Errorf("record %q, date %v: want none", c.Record, c.Date)
	}
}

// Real pages: 05BOGOTA3863 holds the record under the partial-extract
// notice; 06BOGOTA2076 gives the routing header above the record and again
// in it, and the first copy is set apart.
func TestArchiveRecordReal(t *testing.T) {
	read := func(id string) *model.Cable {
		raw, err := os.ReadFile(filepath.Join(pagesDir, id+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		return Parse(raw)
	}
	c := read("05BOGOTA3863")
	if c.ID != "05BOGOTA3863" || c.Date.Format(time16) != "2005-04-22 15:47" || !c.Partial || c.Header.Subject != "COLOMBIA COPES WITH CHAVEZ" || c.Body[0].Number != 1 {
		t.Errorf("05BOGOTA3863: id %q date %v partial %v subject %q first paragraph %d", c.ID, c.Date, c.Partial, c.Header.Subject, c.Body[0].Number)
	}
	if c.RecordValue("destination") != "05BOGOTA1531|05BOGOTA555|05SECSTATE43965" {
		t.Errorf("05BOGOTA3863: destination %q", c.RecordValue("destination"))
	}
	c = read("06BOGOTA2076")
	if c.Routing == nil || c.Routing.DTG != "081600Z MAR 06" || len(c.Routing.Lines) != 18 {
		t.Fatalf("06BOGOTA2076: routing %+v", c.Routing)
	}
	if c.Preamble[0] != "VZCZCXYZ0000" || len(c.Preamble) != 20+8 {
		t.Errorf("06BOGOTA2076: preamble %q", c.Preamble)
	}
	if len(c.Notices) != 0 {
		t.Errorf("06BOGOTA2076: notices %q", c.Notices)
	}
}

const time16 = "2006-01-02 15:04"

// pagesDir holds real pages of the 2011 mirror whose forms these tests
// name (testdata/pages/README.md says where each comes from).
const pagesDir = "../testdata/pages"

// A "Cable dated:" line: the record's number and date are metadata (the
// line is kept whole in the preamble), and the caption fields run together
// after them are cut into their lines.
func TestCableDated(t *testing.T) {
	in := "ID:247169 Cable dated:2010-02-04T10:15:00C O N F I D E N T I A L LONDON 000255NOFORNSIPDISPLEASE PASS TO EEB/TRAE.O. 12958: DECL: 02/03/2020TAGS: EAIR ECON EU SENV SP UK\n \nClassified By: Kathleen Doherty, Economic Counselor for reasons 1.4 (b), (d)\n \n¶1. (C/NF) Summary: text. End Summary.\n"
	c := Parse([]byte(in))
	if c.ID != "10LONDON255" || c.Date.Format(time16) != "2010-02-04 10:15" || c.Classification.Level != model.Confidential || !c.NoForn() {
		t.Errorf("id %q date %v classification %v", c.ID, c.Date, c.Classification)
	}
	wantLines := []string{"C O N F I D E N T I A L LONDON 000255", "NOFORN", "SIPDIS", "PLEASE PASS TO EEB/TRA", "E.O. 12958: DECL: 02/03/2020", "TAGS: EAIR ECON EU SENV SP UK", "Classified By: Kathleen Doherty, Economic Counselor for reasons 1.4 (b), (d)"}
	if !reflect.DeepEqual(c.Header.Lines, wantLines) {
		t.Errorf("header lines %q", c.Header.Lines)
	}
	if !reflect.DeepEqual(c.Preamble, []string{strings.Split(in, "\n")[0]}) || c.RecordValue("ID") != "247169" {
		t.Errorf("preamble %q record %q", c.Preamble, c.Record)
	}
	if !reflect.DeepEqual(c.Header.Passing, []string{"PLEASE PASS TO EEB/TRA"}) || !reflect.DeepEqual(c.Header.Tags, []string{"EAIR", "ECON", "EU", "SENV", "SP", "UK"}) {
		t.Errorf("passing %q tags %q", c.Header.Passing, c.Header.Tags)
	}
}

// A banner with the next fields glued to its serial, on a line of its
// own: the level is the banner's, the passing line and E.O. their own.
func TestGluedCaption(t *testing.T) {
	for _, tt := range []struct {
		line string
		want []string
	}{
		{"S E C R E T CAIRO 000326FOR NEA AND HE.O. 12958: DECL: 02/23/2019", []string{"S E C R E T CAIRO 000326", "FOR NEA AND H", "E.O. 12958: DECL: 02/23/2019"}},
		{"S E C R E T SECTION 01 OF 04 ANKARA 003352SIPDISSIPDISNOFORNE.O. 12958: DECL: 06/05/2026TAGS: MOPS PREL", []string{"S E C R E T SECTION 01 OF 04 ANKARA 003352", "SIPDIS", "SIPDIS", "NOFORN", "E.O. 12958: DECL: 06/05/2026", "TAGS: MOPS PREL"}},
		{"C O N F I D E N T I A L SECTION 01 OF 02 LIMA 003571SIPDISEB FOR A/S WAYNE; INL FOR AGUILERAE.O. 12958: DECL: 08/16/2015TAGS: EMIN PE", []string{"C O N F I D E N T I A L SECTION 01 OF 02 LIMA 003571", "SIPDIS", "EB FOR A/S WAYNE; INL FOR AGUILERA", "E.O. 12958: DECL: 08/16/2015", "TAGS: EMIN PE"}},
		{"C O N F I D E N T I A L TOKYO 002531", nil},
		{"CONFIDENTIAL SECTION 01 OF 02 TOKYO 002531", nil},
	} {
		if got := gluedCaption(tt.line); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q:\n got %q\nwant %q", tt.line, got, tt.want)
		}
	}
}

// Real pages of the kind: 05LIMA3571 (the record's date closed by "]",
// a partial extract), 10LONDON255 (NOFORN glued to the serial),
// 09CAIRO326 (the banner on its own line with the next fields glued).
func TestCableDatedReal(t *testing.T) {
	for _, tt := range []struct {
		id, date string
		level    model.Level
		noforn   bool
		tags     int
		subject  string
	}{
		{"05LIMA3571", "2005-08-17 21:24", model.Confidential, false, 7, ""},
		{"10LONDON255", "2010-02-04 10:15", model.Confidential, true, 6, ""},
		{"09CAIRO326", "2009-02-23 13:07", model.Secret, false, 9, "SENATOR LIEBERMAN’S FEBRUARY 17 MEETING WITH GAMAL MUBARAK"},
	} {
		raw, err := os.ReadFile(filepath.Join(pagesDir, tt.id+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		c := Parse(raw)
		if c.ID != tt.id || c.Date.Format(time16) != tt.date || c.Classification.Level != tt.level || c.NoForn() != tt.noforn || len(c.Header.Tags) != tt.tags || c.Header.Subject != tt.subject {
			t.Errorf("%s: id %q date %v classification %v tags %q subject %q", tt.id, c.ID, c.Date, c.Classification, c.Header.Tags, c.Header.Subject)
		}
		if strings.Contains(c.Body[0].Text, "Cable dated") || strings.Contains(c.Body[0].Text, "E.O.") {
			t.Errorf("%s: first paragraph %q", tt.id, c.Body[0].Text)
		}
	}
}
