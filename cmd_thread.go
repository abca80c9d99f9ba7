package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"cablereader/catalog"
	"cablereader/corpus"
	"cablereader/parser"
	"cablereader/sanitize"
	"cablereader/search"
	"cablereader/thread"
)

const threadUsage = `Usage: cablereader thread [flags] ID PATH...

Follows a cable's references through an archive (its search index, built
or brought up to date first): what the cable cites, and what those cite,
back to a depth, and what cites it, forward to the same depth. Each cable
is listed once, nearest first along its branch: distance, direction
(centre, cites, cited-by), id, date, origin, subject and path, separated
by tabs. A cable the archive does not hold is listed with no date or path.

Flags:
  -d, --depth N         reference hops to follow each way (default 3)
  -f, --format FORMAT   tsv (default), json (JSON Lines: the thread as a tree,
                        with the REF label, the reference as written and
                        "again" on a cable shown on an earlier row), or dot
                        (Graphviz: nodes labelled by id and date, edges by REF label)
  -t, --timeline        every cable of the thread the archive holds, once, in
                        date order, with its distance
      --index FILE      the index file (default: the user cache folder)
  -h, --help            print this help

Exit status: 0 ok, 1 the id is not in the archive (or the archive cannot be
read), 2 bad usage.
`

type threadOptions struct {
	depth    int
	format   string
	timeline bool
	file     string
}

// parseThreadArgs reads the flags, given anywhere among the arguments
// (until --).
func parseThreadArgs(args []string) (threadOptions, []string, error) {
	opt := threadOptions{depth: thread.DefaultDepth, format: "tsv"}
	fs := flag.NewFlagSet("thread", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.IntVar(&opt.depth, "depth", opt.depth, "")
	fs.IntVar(&opt.depth, "d", opt.depth, "")
	fs.StringVar(&opt.format, "format", opt.format, "")
	fs.StringVar(&opt.format, "f", opt.format, "")
	fs.BoolVar(&opt.timeline, "timeline", false, "")
	fs.BoolVar(&opt.timeline, "t", false, "")
	fs.StringVar(&opt.file, "index", "", "")
	rest, err := parseInterleaved(fs, args, nil)
	if err != nil {
		return opt, nil, err
	}
	switch opt.format {
	case "tsv", "json", "dot":
	default:
		return opt, nil, fmt.Errorf("unknown --format %q: want tsv, json or dot", opt.format)
	}
	if opt.depth < 1 {
		return opt, nil, errors.New("--depth must be at least 1")
	}
	if opt.timeline && opt.format == "dot" {
		return opt, nil, errors.New("--timeline is a list: use tsv or json")
	}
	if len(rest) < 2 {
		return opt, nil, errors.New("thread: give a cable id and an archive")
	}
	return opt, rest, nil
}

func runThread(args []string, stdout, stderr io.Writer) int {
	opt, rest, err := parseThreadArgs(args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(stdout, threadUsage)
		return exitOK
	}
	if err != nil {
		complain(stderr, "%v\nTry 'cablereader thread --help'.", err)
		return exitUsage
	}
	id := strings.ToUpper(strings.TrimSpace(rest[0]))
	ctx, stop := interruptible()
	defer stop()
	// An archive or index that cannot be read exits 2, never 1, which
	// says the cable is not in the archive.
	ix, _, err := openIndex(ctx, rest[1:], opt.file, stderr, false)
	if err != nil {
		complain(stderr, "%v", err)
		return exitUsage
	}
	defer ix.Close()
	th, held, err := thread.Follow(ctx, ix, id, opt.depth)
	if err != nil {
		complain(stderr, "%v", err)
		return exitUsage
	}
	if !held {
		complain(stderr, "%s: not in the archive", sanitize.Text(rest[0]))
		return exitNotFound
	}
	referenceTexts(ctx, ix, th, stderr)
	w := bufio.NewWriter(stdout)
	rows := th.Rows()
	if opt.timeline {
		rows = th.Timeline()
	}
	switch opt.format {
	case "json":
		writeThreadJSON(w, rows)
	case "dot":
		writeThreadDOT(w, th)
	default:
		writeThreadTSV(w, rows)
	}
	if err := w.Flush(); err != nil {
		complain(stderr, "%v", err)
		return exitError
	}
	return exitOK
}

// referenceTexts fills in the reference as written for the cables the
// archive does not hold, from the cables citing them (parsed here: the
// index keeps the resolved id and the label, not the words).
func referenceTexts(ctx context.Context, ix *search.Index, th *thread.Thread, stderr io.Writer) {
	parsed := map[string][]refText{}
	fill := func(rows []thread.Row) {
		for i := range rows {
			r := &rows[i]
			if r.Held || r.Text != "" || r.Via == "" {
				continue
			}
			refs, ok := parsed[r.Via]
			if !ok {
				refs = citedFrom(ctx, ix, r.Via, stderr)
				parsed[r.Via] = refs
			}
			for _, t := range refs {
				if t.id == r.ID {
					r.Text = t.text
					break
				}
			}
		}
	}
	fill(th.Back)
}

type refText struct{ id, text string }

// citedFrom reads the references of the archive's cable id.
func citedFrom(ctx context.Context, ix *search.Index, id string, stderr io.Writer) []refText {
	loc, ok, err := ix.Locate(ctx, id)
	if err != nil || !ok {
		return nil
	}
	text, err := corpus.ReadLocation(loc)
	if err != nil {
		complain(stderr, "%s: %v", id, err)
		return nil
	}
	archiveID := id
	if loc.Kind != catalog.KindCSVRow {
		archiveID = corpus.NameID(loc.Path)
	}
	var out []refText
	for _, r := range parser.ParseAs(text, archiveID).Header.References {
		if r.ID != "" {
			out = append(out, refText{strings.ToUpper(r.ID), r.Text})
		}
	}
	return out
}

// writeThreadTSV writes each cable once: the rows marked again are left
// to the JSON and DOT forms, which keep the tree's shape.
func writeThreadTSV(w *bufio.Writer, rows []thread.Row) {
	for _, r := range rows {
		if r.Again {
			continue
		}
		fields := []string{strconv.Itoa(r.Distance), r.Dir.String(), r.ID, r.Cable.Date, r.Cable.Origin, r.Cable.Subject, cablePlace(r.Cable)}
		for i, f := range fields {
			fields[i] = sanitize.Field(f)
		}
		w.WriteString(strings.Join(fields, "\t") + "\n")
	}
}

// threadRow is one line of --format json.
type threadRow struct {
	Distance       int    `json:"distance"`
	Direction      string `json:"direction"`
	ID             string `json:"id"`
	Via            string `json:"via,omitempty"`
	Label          string `json:"label,omitempty"`
	Reference      string `json:"reference,omitempty"`
	Held           bool   `json:"held"`
	Again          bool   `json:"again,omitempty"`
	Date           string `json:"date,omitempty"`
	Classification string `json:"classification,omitempty"`
	Origin         string `json:"origin,omitempty"`
	Subject        string `json:"subject,omitempty"`
	Path           string `json:"path,omitempty"`
	Line           int    `json:"line,omitempty"` // the line a CSV row starts on
}

// cablePlace is where a thread's cable lives as --list and search write
// it: its file, or file.csv:LINE for a row of a CSV.
func cablePlace(c thread.Cable) string {
	loc := catalog.Location{Kind: catalog.KindText, Path: c.Path}
	if c.Line > 0 {
		loc = catalog.Location{Kind: catalog.KindCSVRow, Path: c.Path, Line: int32(c.Line)}
	}
	return loc.Place()
}

func writeThreadJSON(w *bufio.Writer, rows []thread.Row) {
	for _, r := range rows {
		b, _ := json.Marshal(threadRow{
			Distance: r.Distance, Direction: r.Dir.String(), ID: r.ID, Via: r.Via, Label: r.Label, Reference: r.Text,
			Held: r.Held, Again: r.Again, Date: r.Cable.Date, Classification: r.Cable.Classification,
			Origin: r.Cable.Origin, Subject: r.Cable.Subject, Path: r.Cable.Path, Line: r.Cable.Line,
		})
		w.Write(sanitize.JSON(b))
		w.WriteByte('\n')
	}
}

// dotEscape makes s safe inside a Graphviz string.
func dotEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(sanitize.Field(s))
}

// writeThreadDOT writes the thread as a directed graph: an edge from the
// citing cable to the cited, labelled by the REF label; each cable and
// each edge once.
func writeThreadDOT(w *bufio.Writer, th *thread.Thread) {
	fmt.Fprintf(w, "digraph \"thread %s\" {\n\trankdir=BT;\n\tnode [shape=box];\n", dotEscape(th.Centre.ID))
	seen := map[string]bool{}
	rows := th.Rows()
	for _, r := range rows {
		if r.Again || seen[r.ID] {
			continue
		}
		seen[r.ID] = true
		second, attrs := r.Cable.Date, ""
		switch {
		case r.Dir == thread.Centre:
			attrs = ", style=bold"
		case !r.Held:
			second, attrs = "not in the archive", ", style=dashed"
		}
		fmt.Fprintf(w, "\t\"%s\" [label=\"%s\\n%s\"%s];\n", dotEscape(r.ID), dotEscape(r.ID), dotEscape(second), attrs)
	}
	edges := map[[2]string]bool{}
	for _, r := range rows {
		if r.Via == "" {
			continue
		}
		e := [2]string{r.Via, r.ID} // what cites, what is cited
		if r.Dir == thread.Forward {
			e = [2]string{r.ID, r.Via}
		}
		if edges[e] {
			continue
		}
		edges[e] = true
		fmt.Fprintf(w, "\t\"%s\" -> \"%s\" [label=\"%s\"];\n", dotEscape(e[0]), dotEscape(e[1]), dotEscape(r.Label))
	}
	w.WriteString("}\n")
}
