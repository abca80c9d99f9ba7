package thread

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// story is a crafted archive: 09TOKYO10 cites three cables, one of them
// absent, whose references run back past depth 3, share an ancestor and
// loop; four generations cite it.
func story() *Memory {
	c := func(id, date string) Cable {
		return Cable{ID: id, Date: date, Origin: "AMEMBASSY TOKYO", Classification: "CONFIDENTIAL", Subject: "SUBJECT OF " + id, Path: id + ".txt"}
	}
	return NewMemory([]Cable{
		c("09TOKYO10", "2009-05-01"),
		c("09STATE20", "2009-04-01"), c("09TOKYO5", "2009-03-01"), c("08STATE7", "2008-12-01"),
		c("08TOKYO3", "2008-10-01"), c("07TOKYO1", "2007-01-01"),
		c("09TOKYO11", "2009-06-01"), c("09TOKYO12", "2009-07-01"), c("09TOKYO13", "2009-08-01"),
		c("09TOKYO14", "2009-09-01"), c("09TOKYO15", "2009-10-01"),
	}, []Link{
		{From: "09TOKYO10", To: "09STATE20", Label: "A"},
		{From: "09TOKYO10", To: "09TOKYO5", Label: "B"},
		{From: "09TOKYO10", To: "09BEIJING99", Label: "C", Text: "09 BEIJING 99"},
		{From: "09STATE20", To: "08STATE7", Label: "A"},
		{From: "09TOKYO5", To: "08STATE7", Label: "A"}, // shared ancestor
		{From: "08STATE7", To: "08TOKYO3", Label: ""},
		{From: "08STATE7", To: "09STATE20", Label: "B"}, // a loop back
		{From: "08TOKYO3", To: "07TOKYO1", Label: "A"},  // depth 4
		{From: "09TOKYO11", To: "09TOKYO10", Label: "A"},
		{From: "09TOKYO12", To: "09TOKYO11", Label: "A"},
		{From: "09TOKYO13", To: "09TOKYO12", Label: "B"},
		{From: "09TOKYO15", To: "09TOKYO13", Label: "A"}, // depth 4
		{From: "09TOKYO14", To: "09TOKYO10", Label: "B"},
		{From: "09TOKYO14", To: "09TOKYO11", Label: "C"}, // nearer as a direct citer
		{From: "09TOKYO14", To: "09TOKYO11", Label: "D"}, // the same link twice: one row
		{From: "10GONE1", To: "09TOKYO10", Label: "A"},   // a citer the archive lacks: no row
	})
}

func show(rows []Row) string {
	var b strings.Builder
	for _, r := range rows {
		mark := ""
		if r.Again {
			mark = " again-below"
			if r.Above {
				mark = " again-above"
			}
		}
		if !r.Held {
			mark += " absent " + r.Text
		}
		fmt.Fprintf(&b, "%d %s %s via %s ref %q %s%s\n", r.Distance, r.Dir, r.ID, r.Via, r.Label, r.Cable.Date, mark)
	}
	return b.String()
}

func TestFollowDepth3(t *testing.T) {
	th, held, err := Follow(context.Background(), story(), "09tokyo10", 0)
	if err != nil || !held {
		t.Fatal(err, held)
	}
	got := show(th.Rows())
	want := `1 cites 09STATE20 via 09TOKYO10 ref "A" 2009-04-01
2 cites 08STATE7 via 09STATE20 ref "A" 2008-12-01
3 cites 09STATE20 via 08STATE7 ref "B" 2009-04-01 again-above
3 cites 08TOKYO3 via 08STATE7 ref "" 2008-10-01
1 cites 09TOKYO5 via 09TOKYO10 ref "B" 2009-03-01
2 cites 08STATE7 via 09TOKYO5 ref "A" 2008-12-01 again-above
1 cites 09BEIJING99 via 09TOKYO10 ref "C"  absent 09 BEIJING 99
0 centre 09TOKYO10 via  ref "" 2009-05-01
1 cited-by 09TOKYO11 via 09TOKYO10 ref "A" 2009-06-01
2 cited-by 09TOKYO12 via 09TOKYO11 ref "A" 2009-07-01
3 cited-by 09TOKYO13 via 09TOKYO12 ref "B" 2009-08-01
2 cited-by 09TOKYO14 via 09TOKYO11 ref "C" 2009-09-01 again-below
1 cited-by 09TOKYO14 via 09TOKYO10 ref "B" 2009-09-01
`
	if got != want {
		t.Errorf("thread:\n%s\nwant:\n%s", got, want)
	}
	tl := show(th.Timeline())
	wantTL := `3 cites 08TOKYO3 via 08STATE7 ref "" 2008-10-01
2 cites 08STATE7 via 09STATE20 ref "A" 2008-12-01
1 cites 09TOKYO5 via 09TOKYO10 ref "B" 2009-03-01
1 cites 09STATE20 via 09TOKYO10 ref "A" 2009-04-01
0 centre 09TOKYO10 via  ref "" 2009-05-01
1 cited-by 09TOKYO11 via 09TOKYO10 ref "A" 2009-06-01
2 cited-by 09TOKYO12 via 09TOKYO11 ref "A" 2009-07-01
3 cited-by 09TOKYO13 via 09TOKYO12 ref "B" 2009-08-01
1 cited-by 09TOKYO14 via 09TOKYO10 ref "B" 2009-09-01
`
	if tl != wantTL {
		t.Errorf("timeline:\n%s\nwant:\n%s", tl, wantTL)
	}
}

func TestFollowDepthOneAndAbsent(t *testing.T) {
	th, held, err := Follow(context.Background(), story(), "09TOKYO5", 1)
	if err != nil || !held {
		t.Fatal(err, held)
	}
	want := `1 cites 08STATE7 via 09TOKYO5 ref "A" 2008-12-01
0 centre 09TOKYO5 via  ref "" 2009-03-01
1 cited-by 09TOKYO10 via 09TOKYO5 ref "B" 2009-05-01
`
	if got := show(th.Rows()); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	// A cable the archive lacks, cited by one it holds: not held, and its
	// citer found forward.
	th, held, err = Follow(context.Background(), story(), "09BEIJING99", 2)
	if err != nil || held {
		t.Fatal(err, held)
	}
	want = `0 centre 09BEIJING99 via  ref ""  absent 
1 cited-by 09TOKYO10 via 09BEIJING99 ref "C" 2009-05-01
2 cited-by 09TOKYO11 via 09TOKYO10 ref "A" 2009-06-01
2 cited-by 09TOKYO14 via 09TOKYO10 ref "B" 2009-09-01
`
	if got := show(th.Rows()); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}
