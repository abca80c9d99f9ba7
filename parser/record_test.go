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
	want := []model.RecordField{{"id", "31335"}, {"date", "4/22/2005 15:47"}, {"refid", "05BOGOTA3863"}, {"origin", "Embassy Bogota"}, {"classification", "SECRET"}, {"destination", "05BOGOTA1531|05BOGOTA555"}}
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
		raw, err := os.ReadFile(filepath.Join(cablesDir, id+".txt"))
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
