package output

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"cablereader/sanitize"
	"cablereader/versions"
)

// Version names one side of a comparison: the cable's id and date, and
// where that version was read from.
type Version struct {
	ID     string `json:"id"`
	Date   string `json:"date"`
	Source string `json:"source"`
}

// WriteDiffText writes a comparison for a terminal or a file, as wdiff
// marks it: the two versions, the summary and each redaction change named,
// then the changed blocks in full with [-deleted-] and {+inserted+}
// words, wrapped at 80 columns, and the unchanged ones named on one line.
func WriteDiffText(w io.Writer, d *versions.Diff, a, b Version) error {
	bw := bufio.NewWriter(w)
	side := func(mark string, v Version) {
		fmt.Fprintln(bw, mark+" "+flat(strings.Join(nonEmpty(v.ID, v.Date, v.Source), " · ")))
	}
	side("---", a)
	side("+++", b)
	fmt.Fprintln(bw, d.Summary())
	for _, r := range d.Redactions {
		fmt.Fprintln(bw, flat(r.String()))
	}
	var same []string
	for _, blk := range d.Blocks {
		if !blk.Changed {
			same = append(same, blk.Name)
			continue
		}
		name := blk.Title()
		fmt.Fprintln(bw)
		fmt.Fprintln(bw, flat(name))
		var s strings.Builder
		for i, sp := range blk.Spans {
			if s.Len() > 0 && !(sp.Op == versions.Inserted && i > 0 && blk.Spans[i-1].Op == versions.Deleted) {
				s.WriteByte(' ') // a replacement reads [-old-]{+new+}
			}
			switch sp.Op {
			case versions.Deleted:
				s.WriteString("[-" + sp.Text + "-]")
			case versions.Inserted:
				s.WriteString("{+" + sp.Text + "+}")
			default:
				s.WriteString(sp.Text)
			}
		}
		for _, l := range wrapWords(flat(s.String()), 80) {
			fmt.Fprintln(bw, l)
		}
	}
	if len(same) > 0 {
		fmt.Fprintln(bw)
		fmt.Fprintln(bw, flat("unchanged: "+strings.Join(same, ", ")))
	}
	return bw.Flush()
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

type jsonDiff struct {
	A          Version             `json:"a"`
	B          Version             `json:"b"`
	Deleted    int                 `json:"deleted_words"`
	Inserted   int                 `json:"inserted_words"`
	Redactions []jsonDiffRedaction `json:"redactions"`
	Blocks     []jsonDiffBlock     `json:"blocks"`
}

type jsonDiffRedaction struct {
	Block string `json:"block"`
	Kind  string `json:"kind"` // added, lifted
	Words string `json:"words"`
}

type jsonDiffBlock struct {
	Name    string         `json:"name"`
	Only    string         `json:"only,omitempty"` // first, second
	Changed bool           `json:"changed"`
	Spans   []jsonDiffSpan `json:"spans"`
}

type jsonDiffSpan struct {
	Op   string `json:"op"` // =, -, +
	Text string `json:"text"`
}

// WriteDiffJSON writes a comparison as one JSON object: the versions,
// the word counts, the redaction changes and every block with its spans.
func WriteDiffJSON(w io.Writer, d *versions.Diff, a, b Version) error {
	out := jsonDiff{A: a, B: b, Deleted: d.Deleted, Inserted: d.Inserted, Redactions: []jsonDiffRedaction{}, Blocks: []jsonDiffBlock{}}
	for _, r := range d.Redactions {
		kind := "lifted"
		if r.Added {
			kind = "added"
		}
		out.Redactions = append(out.Redactions, jsonDiffRedaction{r.Block, kind, r.Words})
	}
	for _, blk := range d.Blocks {
		jb := jsonDiffBlock{Name: blk.Name, Changed: blk.Changed, Spans: []jsonDiffSpan{}}
		switch blk.Only {
		case versions.Deleted:
			jb.Only = "first"
		case versions.Inserted:
			jb.Only = "second"
		}
		for _, sp := range blk.Spans {
			jb.Spans = append(jb.Spans, jsonDiffSpan{sp.Op.String(), sp.Text})
		}
		out.Blocks = append(out.Blocks, jb)
	}
	data, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(sanitize.JSON(data), '\n'))
	return err
}
