package output

import (
	"strconv"
	"strings"

	"cablereader/describe"
	"cablereader/model"
)

// A row is one labelled line of a header block: a value, or a list of
// items shown one under the other.
type row struct {
	label string
	value string   // used when items is nil
	items []string // a list's entries
}

// headerRows are the cable's header fields (model.HeaderFields), the one
// list the reader's header pane shows too, so that the labels agree.
func headerRows(c *model.Cable) []row {
	var rows []row
	for _, f := range c.HeaderFields() {
		rows = append(rows, row{label: f.Label, value: f.Value, items: f.Items})
	}
	return rows
}

// topLine is the line under the banner: id, date, precedence and, for a
// cable sent in several sections, which one this is.
func topLine(c *model.Cable) string {
	var top []string
	for _, s := range []string{c.ID, dateText(c), string(c.Precedence)} {
		if s != "" {
			top = append(top, s)
		}
	}
	if c.Section.Total > 1 {
		top = append(top, "section "+strconv.Itoa(c.Section.Number)+" of "+strconv.Itoa(c.Section.Total))
	}
	return strings.Join(top, " · ")
}

func dateText(c *model.Cable) string {
	if !c.HasDate() {
		return ""
	}
	return c.Date.UTC().Format("2006-01-02 15:04 MST")
}

// routingRows are the routing details in words (package describe), as
// the reader's routing pane shows them: the transmission header decoded,
// then the details the header has no room for. An addressee list's label
// counts its lines: "TO (3)".
func routingRows(c *model.Cable) []row {
	var rows []row
	for _, r := range append(describe.Transmission(c, nil), describe.Extras(c)...) {
		out := row{label: r.Label, value: r.Value}
		if r.Kind == describe.Addressees {
			out.label += " (" + strconv.Itoa(len(r.Items)) + ")"
		}
		for _, it := range r.Items {
			out.items = append(out.items, it.Text)
		}
		rows = append(rows, out)
	}
	return rows
}
