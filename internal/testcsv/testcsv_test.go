package testcsv

import (
	"testing"
	"time"
)

func TestAppendRow(t *testing.T) {
	r := Row{Seq: 7, Date: time.Date(2009, 11, 2, 7, 23, 0, 0, time.UTC), RefID: "09TOKYO2531",
		Origin: "Embassy Tokyo", Class: "CONFIDENTIAL", Refs: []string{"09TOKYO1", "09STATE2"},
		Header: []byte("R 020723Z NOV 09\nFM AMEMBASSY TOKYO"), Body: []byte(`say "it's" \ done`)}
	got := string(AppendRow(nil, r))
	want := `"7","11/2/2009 7:23","09TOKYO2531","Embassy Tokyo","CONFIDENTIAL","09TOKYO1|09STATE2","R 020723Z NOV 09\` + "\n" +
		`FM AMEMBASSY TOKYO","say \"it\'s\" \\ done"` + "\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestSplit(t *testing.T) {
	text := "R 020723Z NOV 09\nFM AMEMBASSY TOKYO\nTO SECSTATE WASHDC\nC O N F I D E N T I A L TOKYO 002531\n\nSUBJECT: X\n"
	h, b := Split([]byte(text))
	if string(h) != "R 020723Z NOV 09\nFM AMEMBASSY TOKYO\nTO SECSTATE WASHDC" || string(b) != "C O N F I D E N T I A L TOKYO 002531\n\nSUBJECT: X\n" {
		t.Errorf("Split = %q, %q", h, b)
	}
	if h, b := Split([]byte("UNCLAS\nSUBJECT: X\nFM A\nSECRET\n")); h != nil || string(b) != "UNCLAS\nSUBJECT: X\nFM A\nSECRET\n" {
		t.Errorf("no FM before the banner: %q, %q", h, b)
	}
}

func TestDate(t *testing.T) {
	dtg := time.Date(2009, 11, 2, 7, 23, 0, 0, time.UTC)
	for _, c := range []struct {
		dtg  time.Time
		id   string
		want time.Time
	}{
		{dtg, "09TOKYO2531", dtg},
		{time.Time{}, "09TOKYO2531", time.Date(2009, 1, 1, 0, 0, 0, 0, time.UTC)},
		{time.Time{}, "85ROME1", time.Date(1985, 1, 1, 0, 0, 0, 0, time.UTC)},
	} {
		if got := Date(c.dtg, c.id); !got.Equal(c.want) {
			t.Errorf("Date(%v, %s) = %v, want %v", c.dtg, c.id, got, c.want)
		}
	}
}
