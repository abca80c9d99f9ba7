package model

import (
	"strconv"
	"strings"
)

// ParaName names paragraph i of the body as a reader says it: "¶5",
// "before ¶1" for the text ahead of the first numbered paragraph, "after
// ¶6" for what follows the last one, "text 2" in a cable without numbers.
// It is "" when i is out of range.
func (c *Cable) ParaName(i int) string {
	if i < 0 || i >= len(c.Body) {
		return ""
	}
	if n := c.Body[i].Number; n > 0 {
		return "¶" + strconv.Itoa(n)
	}
	prev, numbered := 0, false
	for j, p := range c.Body {
		if p.Number > 0 {
			numbered = true
			if j < i {
				prev = p.Number
			}
		}
	}
	switch {
	case !numbered:
		return "text " + strconv.Itoa(i+1)
	case prev == 0:
		return "before ¶1"
	}
	return "after ¶" + strconv.Itoa(prev)
}

// LastNumber is the highest paragraph number of the body, 0 without one.
func (c *Cable) LastNumber() int {
	n := 0
	for _, p := range c.Body {
		n = max(n, p.Number)
	}
	return n
}

// Citation quotes paragraph i of the body for an article or a note:
// `09TOKYO2531 ¶5 (C): "Commenting on the current state …"`, the text on
// one line. It is "" when i is out of range. Like HeaderFields, it is not
// yet made safe for a terminal.
func (c *Cable) Citation(i int) string {
	if i < 0 || i >= len(c.Body) {
		return ""
	}
	p := c.Body[i]
	var b strings.Builder
	if id := oneLine(c.ID); id != "" {
		b.WriteString(id + " ")
	}
	b.WriteString(c.ParaName(i))
	if m := oneLine(p.Marking); m != "" {
		b.WriteString(" (" + m + ")")
	}
	b.WriteString(`: "` + oneLine(p.Text) + `"`)
	return b.String()
}

// ReferenceLine names the cable in one line: id, date, sender, subject and
// classification, each left out when the cable lacks it:
// `09TOKYO2531 · 2009-11-02 · AMEMBASSY TOKYO · "THAILAND AND JAPAN TO INK
// SOP ON TIP" · CONFIDENTIAL`.
func (c *Cable) ReferenceLine() string {
	var parts []string
	add := func(s string) {
		if s = oneLine(s); s != "" {
			parts = append(parts, s)
		}
	}
	add(c.ID)
	if c.HasDate() {
		add(c.Date.UTC().Format("2006-01-02"))
	}
	add(c.Origin)
	if s := oneLine(c.Header.Subject); s != "" {
		add(`"` + s + `"`)
	}
	add(c.Marking())
	return strings.Join(parts, " · ")
}
