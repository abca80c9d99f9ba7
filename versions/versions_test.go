package versions

import (
	"fmt"
	"strings"
	"testing"

	"cablereader/model"
)

func cable(subject string, paras ...string) *model.Cable {
	c := &model.Cable{}
	c.Header.Subject = subject
	for i, p := range paras {
		c.Body = append(c.Body, model.Paragraph{Number: i + 1, Marking: "C", Text: p})
	}
	return c
}

func show(d *Diff) string {
	var b strings.Builder
	for _, blk := range d.Blocks {
		fmt.Fprintf(&b, "%s only=%s changed=%v:", blk.Name, blk.Only, blk.Changed)
		for _, s := range blk.Spans {
			fmt.Fprintf(&b, " %s[%s]", s.Op, s.Text)
		}
		b.WriteByte('\n')
	}
	for _, r := range d.Redactions {
		fmt.Fprintf(&b, "redaction added=%v in %s: %s\n", r.Added, r.Block, r.Words)
	}
	return b.String()
}

func TestCompare(t *testing.T) {
	a := cable("TALKS IN “GENEVA”", "Our contact said the talks stalled.", "XXXXXXXXXXXX", "Nothing else.")
	b := cable(`TALKS IN "GENEVA"`, "XXXXXXXXXXXX said the talks stalled.", "The minister asked for a delay.", "Nothing else.", "A new paragraph.")
	d := Compare(a, b)
	want := `SUBJECT only== changed=false: =[TALKS IN "GENEVA"]
¶1 only== changed=true: =[(C)] -[Our contact] +[XXXXXXXXXXXX] =[said the talks stalled.]
¶2 only== changed=true: =[(C)] -[XXXXXXXXXXXX] +[The minister asked for a delay.]
¶3 only== changed=false: =[(C) Nothing else.]
¶4 only=+ changed=true: +[(C) A new paragraph.]
redaction added=true in ¶1: Our contact
redaction added=false in ¶2: The minister asked for a delay.
`
	if got := show(d); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	if d.Deleted != 3 || d.Inserted != 11 || !d.Changed() {
		t.Errorf("counts %d %d", d.Deleted, d.Inserted)
	}
	if d := Compare(a, a); d.Changed() || len(d.Redactions) != 0 {
		t.Errorf("a version against itself: %s", show(d))
	}
}

func TestIsMark(t *testing.T) {
	for w, want := range map[string]bool{"XXXXXXXXXXXX": true, "(XXXXXXXXXXXX),": true, "XXXXXX": true, "XXXXX": false, "XXL": false, "xxxxxxxx": false, "": false} {
		if IsMark(w) != want {
			t.Errorf("IsMark(%q) = %v", w, !want)
		}
	}
}
