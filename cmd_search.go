package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"time"

	"cablereader/index"
	"cablereader/sanitize"
)

const indexUsage = `Usage: cablereader index [--index FILE] PATH...

Builds the full-text index of an archive (folders of cables, files, or a
cables.csv), or brings it up to date: new, changed and removed files are
indexed again or dropped. Progress is shown on standard error.

Flags:
      --index FILE   keep the index in FILE (default: the user cache folder)
  -h, --help         print this help

Exit status: 0 ok, 1 the archive or the index cannot be read or written,
2 bad usage.
`

const searchUsage = `Usage: cablereader search [flags] QUERY PATH...

Searches an archive through its full-text index (built or brought up to
date first) and prints one line per cable found, best first: id, date,
classification, origin, subject and a snippet with the matched words in
[brackets], separated by tabs.

Query: words (all must occur), "a phrase", prefix* (3 letters at least),
OR between words, -word to leave out, and fields: tag:KTIP, from:tokyo (origin),
class:secret, noforn (also nodis, exdis, limdis, orcon, or caveat:WORD),
date:2009, date:2009-11, date:2009-11..2010-02, id:09TOKYO2531,
cites:09TOKYO2531 (cables citing it), subject:word. Case never matters.

Flags:
  -f, --format FORMAT   tsv (default) or json (JSON Lines, with TAGS and score)
  -n, --limit N         print at most N cables (default 100)
      --index FILE      the index file (default: the user cache folder)
  -h, --help            print this help

Exit status: 0 cables found, 1 none (or the archive cannot be read),
2 a bad query or bad usage.
`

// subcommand runs "index" and "search"; ok is false for other arguments.
func subcommand(args []string, stdout, stderr io.Writer) (code int, ok bool) {
	if len(args) == 0 {
		return 0, false
	}
	switch args[0] {
	case "index":
		return runIndex(args[1:], stdout, stderr), true
	case "search":
		return runSearch(args[1:], stdout, stderr), true
	case "thread":
		return runThread(args[1:], stdout, stderr), true
	case "diff":
		return runDiff(args[1:], stdout, stderr), true
	}
	return 0, false
}

type searchOptions struct {
	file, format string
	limit        int
}

// isQueryWord reports whether an argument that starts with a dash is a
// word of a query (-iran, -tag:PREL) rather than one of fs's flags.
func isQueryWord(fs *flag.FlagSet, arg string) bool {
	if len(arg) < 2 || arg[0] != '-' || arg[1] == '-' {
		return false // "--word" is a flag, known or not
	}
	name, _, _ := strings.Cut(arg[1:], "=")
	return fs.Lookup(name) == nil
}

// parseSubArgs reads flags given anywhere among the arguments (until --).
func parseSubArgs(name string, args []string, search bool) (searchOptions, []string, error) {
	opt := searchOptions{limit: 100}
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&opt.file, "index", "", "")
	if search {
		fs.StringVar(&opt.format, "format", "tsv", "")
		fs.StringVar(&opt.format, "f", "tsv", "")
		fs.IntVar(&opt.limit, "limit", 100, "")
		fs.IntVar(&opt.limit, "n", 100, "")
	}
	// Flags may come anywhere; a word that starts with one dash and is no
	// flag of ours is a query's (-iran leaves a word out).
	var flags, rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			rest = append(rest, args[i+1:]...)
			i = len(args)
		case search && isQueryWord(fs, a):
			rest = append(rest, a)
		case len(a) > 1 && a[0] == '-':
			flags = append(flags, a)
			name, _, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
			if f := fs.Lookup(name); f != nil && !hasValue && i+1 < len(args) {
				flags = append(flags, args[i+1]) // every flag here takes a value
				i++
			}
		default:
			rest = append(rest, a)
		}
	}
	if err := fs.Parse(flags); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			for _, r := range []string{"provided: -", "defined: -", "for flag -"} {
				err = errors.New(strings.Replace(err.Error(), r, r+"-", 1))
			}
		}
		return opt, nil, err
	}
	if search {
		switch opt.format {
		case "tsv", "text", "json":
		default:
			return opt, nil, fmt.Errorf("unknown --format %q: want tsv or json", opt.format)
		}
		if opt.limit < 1 {
			return opt, nil, fmt.Errorf("--limit must be at least 1")
		}
	}
	return opt, rest, nil
}

// interruptible is a context cancelled by ctrl+c.
func interruptible() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt)
}

func runIndex(args []string, stdout, stderr io.Writer) int {
	opt, paths, err := parseSubArgs("index", args, false)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(stdout, indexUsage)
		return exitOK
	}
	if err == nil && len(paths) == 0 {
		err = errors.New("index: no archive given")
	}
	if err != nil {
		complain(stderr, "%v\nTry 'cablereader index --help'.", err)
		return exitUsage
	}
	ctx, stop := interruptible()
	defer stop()
	start := time.Now()
	ix, st, err := openIndex(ctx, paths, opt.file, stderr, true)
	if err != nil {
		complain(stderr, "%v", err)
		return exitInput
	}
	defer ix.Close()
	how := "updated"
	if st.Rebuilt {
		how = "built"
	}
	complain(stderr, "index %s in %s: %d cables (%d files added, %d changed, %d removed, %d unchanged; %d skipped, %d CSV rows skipped) in %s",
		how, time.Since(start).Round(time.Millisecond), st.Cables, st.Added, st.Changed, st.Gone, st.Unchanged, st.Skipped, st.RowErrors, ix.File())
	return exitOK
}

// openIndex opens the archive's index and brings it up to date, with
// progress on stderr when it is a terminal (always, when verbose).
func openIndex(ctx context.Context, paths []string, file string, stderr io.Writer, verbose bool) (*index.Index, index.Stats, error) {
	ix, err := index.Open(paths, file)
	if err != nil {
		return nil, index.Stats{}, err
	}
	var progress func(index.Progress)
	if isTerminal(stderr) {
		progress = func(p index.Progress) { showProgress(stderr, p) }
	} else if verbose {
		last := time.Now()
		progress = func(p index.Progress) {
			if time.Since(last) > 5*time.Second && !p.Done {
				last = time.Now()
				fmt.Fprintln(stderr, "cablereader: "+progressLine(p))
			}
		}
	}
	st, err := ix.Update(ctx, progress)
	if progress != nil && isTerminal(stderr) {
		fmt.Fprint(stderr, "\r\x1b[K")
	}
	if err != nil {
		ix.Close()
		if errors.Is(err, context.Canceled) {
			err = errors.New("interrupted; the index was left as it was before")
		}
		return nil, st, err
	}
	return ix, st, nil
}

func progressLine(p index.Progress) string {
	s := fmt.Sprintf("%s: %d cables, %.1f of %.1f MB, %.1f MB/s", p.Stage, p.Cables, float64(p.Bytes)/1e6, float64(p.Total)/1e6, p.Rate)
	if p.Left > 0 {
		s += fmt.Sprintf(", %s left", p.Left.Round(time.Second))
	}
	return s
}

func showProgress(w io.Writer, p index.Progress) {
	if p.Done {
		return
	}
	fmt.Fprint(w, "\r\x1b[K"+progressLine(p))
}

func runSearch(args []string, stdout, stderr io.Writer) int {
	opt, rest, err := parseSubArgs("search", args, true)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(stdout, searchUsage)
		return exitOK
	}
	if err == nil && len(rest) < 2 {
		err = errors.New("search: give a query and an archive")
	}
	if err != nil {
		complain(stderr, "%v\nTry 'cablereader search --help'.", err)
		return exitUsage
	}
	q, err := index.Parse(rest[0])
	if err != nil {
		complain(stderr, "bad query: %v", err)
		return exitUsage
	}
	ctx, stop := interruptible()
	defer stop()
	ix, _, err := openIndex(ctx, rest[1:], opt.file, stderr, false)
	if err != nil {
		complain(stderr, "%v", err)
		return exitInput
	}
	defer ix.Close()
	hits, _, err := ix.Search(ctx, q, opt.limit)
	if err != nil {
		complain(stderr, "%v", err)
		return exitInput
	}
	if len(hits) == 0 {
		return exitInput
	}
	open, close := "[", "]"
	if opt.format != "json" && isTerminal(stdout) {
		open, close = "\x1b[1;4m", "\x1b[22;24m"
	}
	w := bufio.NewWriter(stdout)
	clean := strings.NewReplacer("\t", " ", "\r\n", " ", "\n", " ", "\r", " ")
	for _, h := range hits {
		sn, err := ix.Snippet(h, q)
		snippet := ""
		if err == nil {
			snippet = sn.Marked(open, close)
		} else {
			complain(stderr, "%s: %v", h.ID, err)
		}
		if opt.format == "json" {
			b, _ := json.Marshal(searchHit{
				ID: h.ID, Date: h.Date, Classification: h.Classification, Origin: h.Origin,
				Subject: h.Subject, Tags: nonNil(h.Tags), Score: h.Score, Snippet: snippet,
			})
			w.Write(sanitize.JSON(b))
			w.WriteByte('\n')
			continue
		}
		fields := []string{h.ID, h.Date, h.Classification, h.Origin, h.Subject}
		for i, f := range fields {
			fields[i] = sanitize.Text(clean.Replace(f))
		}
		w.WriteString(strings.Join(fields, "\t") + "\t" + clean.Replace(snippet) + "\n")
	}
	if err := w.Flush(); err != nil {
		complain(stderr, "%v", err)
		return exitInput
	}
	return exitOK
}

// searchHit is one line of --format json.
type searchHit struct {
	ID             string   `json:"id"`
	Date           string   `json:"date"`
	Classification string   `json:"classification"`
	Origin         string   `json:"origin"`
	Subject        string   `json:"subject"`
	Tags           []string `json:"tags"`
	Score          float64  `json:"score"`
	Snippet        string   `json:"snippet"`
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
