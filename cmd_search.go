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

	"github.com/dustin/go-humanize"

	"cablereader/catalog"
	"cablereader/input"
	"cablereader/query"
	"cablereader/sanitize"
	"cablereader/search"
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
classification, origin, subject, where the cable lives (as --list prints
it: the file, or file.csv:LINE for a row of a CSV; cablereader opens
either) and a snippet with the matched words in [brackets], separated by
tabs.

Query: words (all must occur), "a phrase", prefix* (3 letters at least),
OR between words, -word or NOT word to leave out, and fields: tag:KTIP,
from:tokyo (origin), class:secret, noforn (also nodis, exdis, limdis, orcon,
or caveat:WORD for any caveat: caveat:sipdis, caveat:sensitive),
date:2009, date:2009-11, date:2009-11..2010-02, id:09TOKYO2531,
cites:09TOKYO2531 (cables citing it), subject:word. Case never matters.

Flags:
  -f, --format FORMAT   tsv (default) or json (JSON Lines, with TAGS and score)
  -n, --limit N         print at most N cables (default 100)
      --index FILE      the index file (default: the user cache folder)
  -h, --help            print this help

Exit status: 0 cables found, 1 none, 2 a bad query, bad usage, or a search
that cannot run (the archive or the index cannot be read).
`

// subcommand runs the subcommand args name (one of commands: index,
// search, thread, diff); ok is false for other arguments.
func subcommand(args []string, stdout, stderr io.Writer) (code int, ok bool) {
	if len(args) == 0 {
		return 0, false
	}
	for _, c := range commands {
		if c.name == args[0] {
			return c.run(args[1:], stdout, stderr), true
		}
	}
	return 0, false
}

// commands are the subcommands, in the order the usage lists them.
var commands = []struct {
	name string
	run  func(args []string, stdout, stderr io.Writer) int
}{
	{"index", runIndex},
	{"search", runSearch},
	{"thread", runThread},
	{"diff", runDiff},
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
	// A word that starts with one dash and is no flag of ours is a
	// query's (-iran leaves a word out).
	var word func(string) bool
	if search {
		word = func(a string) bool { return isQueryWord(fs, a) }
	}
	rest, err := parseInterleaved(fs, args, word)
	if err != nil {
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

// shortFlags are the one-letter flags of the subcommands and their long
// names.
var shortFlags = map[string]string{"n": "--limit", "f": "--format"}

// parseInterleaved parses fs's flags wherever they stand among args and
// returns the other arguments in order: everything after "--", and the
// dash-led words that word (when not nil) takes for operands. Errors name
// flags with two dashes (flagNames); flag.ErrHelp comes back as it is.
func parseInterleaved(fs *flag.FlagSet, args []string, word func(string) bool) ([]string, error) {
	var flags, rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			rest = append(rest, args[i+1:]...)
			i = len(args)
		case word != nil && word(a):
			rest = append(rest, a)
		case len(a) > 1 && a[0] == '-':
			flags = append(flags, a)
			name, _, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
			if f := fs.Lookup(name); f != nil && !hasValue && i+1 < len(args) && !isBoolFlag(f) {
				flags = append(flags, args[i+1])
				i++
			}
		default:
			rest = append(rest, a)
		}
	}
	if err := fs.Parse(flags); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			err = errors.New(flagNames(err.Error()))
		}
		return nil, err
	}
	return rest, nil
}

// isBoolFlag reports whether a flag takes no value (--timeline).
func isBoolFlag(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// flagNames names the flags in a message of the flag package as the help
// does: a long flag with two dashes, a one-letter flag with one and its
// long name ("-n (--limit)"), where the package writes one dash for all.
func flagNames(msg string) string {
	for _, r := range []string{"provided: -", "defined: -", "for flag -"} {
		i := strings.Index(msg, r)
		if i < 0 {
			continue
		}
		at := i + len(r)
		end := at
		for end < len(msg) && msg[end] != ':' && msg[end] != ' ' {
			end++
		}
		name := msg[at:end]
		if long, ok := shortFlags[name]; ok {
			return msg[:at] + name + " (" + long + ")" + msg[end:]
		}
		return msg[:at] + "-" + msg[at:]
	}
	return msg
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
	if err == nil {
		err = checkPaths("index", paths)
	}
	if err != nil {
		complain(stderr, "%v\nTry 'cablereader index --help'.", err)
		return exitUsage
	}
	ctx, stop := interruptible()
	defer stop()
	start := time.Now()
	ix, st, err := openIndex(ctx, paths, opt.file, stderr, true)
	if err == nil && st.Stale != nil {
		err = st.Stale
	}
	if err != nil {
		complain(stderr, "%v", err)
		if ix != nil {
			ix.Close()
		}
		return exitUsage // an error, never read as "not found"
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

// checkPaths refuses an empty path among an archive's: it would stand for
// the current folder, which was not asked for.
func checkPaths(cmd string, paths []string) error {
	for i, p := range paths {
		if p == "" {
			return fmt.Errorf("%s: path %d of the archive is empty", cmd, i+1)
		}
	}
	return nil
}

// indexState is what openIndex says of the index beyond the update's
// figures: Stale is the error that kept it from being brought up to date
// when it can still answer from what it holds.
type indexState struct {
	search.Stats
	Stale error
}

// openIndex opens the archive's index and brings it up to date, with
// progress on stderr when it is a terminal (always, when verbose). A
// wait for another process writing the index is always said. An index
// that cannot be written (a read-only file or folder, a full disk) but
// holds this archive complete is returned with the error in Stale.
func openIndex(ctx context.Context, paths []string, file string, stderr io.Writer, verbose bool) (*search.Index, indexState, error) {
	if err := missingPath(paths); err != nil {
		return nil, indexState{}, err
	}
	ix, err := search.Open(paths, file)
	if err != nil {
		return nil, indexState{}, err
	}
	var show func(catalog.IndexProgress)
	if isTerminal(stderr) {
		show = func(p catalog.IndexProgress) { showProgress(stderr, p) }
	} else if verbose {
		last := time.Now()
		show = func(p catalog.IndexProgress) {
			if time.Since(last) > 5*time.Second && !p.Done {
				last = time.Now()
				fmt.Fprintln(stderr, "cablereader: "+progressLine(p))
			}
		}
	}
	progress := func(p catalog.IndexProgress) {
		if p.Stage == "waiting" {
			if isTerminal(stderr) {
				fmt.Fprint(stderr, "\r\x1b[K")
			}
			complain(stderr, "waiting for another cablereader to finish writing the index %s (ctrl+c to stop)", ix.File())
			return
		}
		if show != nil {
			show(p)
		}
	}
	st, err := ix.Update(ctx, progress)
	if isTerminal(stderr) {
		fmt.Fprint(stderr, "\r\x1b[K")
	}
	if err != nil {
		if errors.Is(err, context.Canceled) {
			ix.Close()
			return nil, indexState{Stats: st}, errors.New("interrupted; the index was left as it was before")
		}
		if search.Unwritable(err) && ix.Ready() {
			return ix, indexState{Stats: st, Stale: err}, nil
		}
		ix.Close()
		return nil, indexState{Stats: st}, err
	}
	if st.Cables == 0 {
		// An archive of no cable is bad input, said as the reader says
		// it, not a search with no hits; an index made now for it is
		// not kept.
		if st.Rebuilt {
			ix.Discard(ctx)
		}
		ix.Close()
		return nil, indexState{Stats: st}, noCables(paths, st.Skipped)
	}
	return ix, indexState{Stats: st}, nil
}

// noCables says why an archive holds no cable: for one file, what the
// reader says of it (it is empty, it looks like a binary file); else
// that no cable was found in it.
func noCables(paths []string, skipped int) error {
	if len(paths) == 1 {
		if f, err := input.Open(paths[0]); err == nil && !f.IsDir() {
			_, _, err := f.Decode(input.Limits{})
			f.Close()
			switch {
			case errors.Is(err, input.ErrBinary):
				return fmt.Errorf("%s looks like a binary file, not a cable", paths[0])
			case err != nil:
				return readError(paths[0], err)
			}
		}
	}
	return fmt.Errorf("no cables found in %s (%d files skipped)", strings.Join(paths, ", "), skipped)
}

func progressLine(p catalog.IndexProgress) string {
	s := fmt.Sprintf("%s: %d cables, %.1f of %.1f MB, %.1f MB/s", p.Stage, p.Cables, float64(p.Bytes)/1e6, float64(p.Total)/1e6, p.Rate)
	if p.Left > 0 {
		s += fmt.Sprintf(", %s left", p.Left.Round(time.Second))
	}
	return s
}

func showProgress(w io.Writer, p catalog.IndexProgress) {
	if p.Done || p.Stage == "waiting" {
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
	if err == nil {
		err = checkPaths("search", rest[1:])
	}
	if err != nil {
		complain(stderr, "%v\nTry 'cablereader search --help'.", err)
		return exitUsage
	}
	q, err := query.Parse(rest[0])
	if err != nil {
		complain(stderr, "bad query: %v", err)
		return exitUsage
	}
	// Any error from here on is a search that could not run: exit 2, so
	// that it is never read as "no hits" (1).
	ctx, stop := interruptible()
	defer stop()
	ix, st, err := openIndex(ctx, rest[1:], opt.file, stderr, false)
	if err != nil {
		complain(stderr, "%v", err)
		return exitUsage
	}
	defer ix.Close()
	if st.Stale != nil {
		complain(stderr, "%v; searching the index as it is, which may miss changes to the archive", st.Stale)
	}
	hits, total, err := ix.Search(ctx, q, opt.limit)
	if err != nil {
		if errors.Is(err, context.Canceled) {
			err = errors.New("interrupted")
		}
		complain(stderr, "%v", err)
		return exitUsage
	}
	if len(hits) == 0 {
		sug, err := ix.Suggest(ctx, q)
		if err != nil {
			complain(stderr, "%v", err)
			return exitUsage
		}
		complain(stderr, "%s", search.NoHits(rest[0], sug))
		return exitNotFound
	}
	if len(hits) < opt.limit && total > len(hits) {
		complain(stderr, "%s cables match; the %s most recent of them were ranked and are printed (narrow the query, with date: for one, to rank older ones)",
			humanize.Comma(int64(total)), humanize.Comma(int64(len(hits))))
	}
	open, close := "[", "]"
	if opt.format != "json" && isTerminal(stdout) {
		open, close = "\x1b[1;4m", "\x1b[22;24m"
	}
	// A hit whose text cannot be read (its file gone or changed since
	// the index was built) is still printed, with no snippet; the error
	// is said and the search exits 2, so that a script does not take the
	// empty column for a snippet.
	w := bufio.NewWriter(stdout)
	unread := 0
	for _, h := range hits {
		sn, err := ix.Snippet(h, q)
		snippet := ""
		if err == nil {
			snippet = sn.Marked(open, close)
		} else {
			unread++
			complain(stderr, "%s: %v", h.ID, err)
		}
		if opt.format == "json" {
			b, _ := json.Marshal(searchHit{
				ID: h.ID, Date: h.Date, Classification: h.Classification, Origin: h.Origin,
				Subject: h.Subject, Tags: nonNil(h.Tags), Score: h.Score, Snippet: snippet,
				Path: h.Location.Path, Line: int(h.Location.Line),
			})
			w.Write(sanitize.JSON(b))
			w.WriteByte('\n')
			continue
		}
		fields := []string{h.ID, h.Date, h.Classification, h.Origin, h.Subject, h.Location.Place()}
		for i, f := range fields {
			fields[i] = sanitize.Field(f)
		}
		w.WriteString(strings.Join(fields, "\t") + "\t" + sanitize.Flat(snippet) + "\n")
	}
	if err := w.Flush(); err != nil {
		complain(stderr, "%v", err)
		return exitUsage
	}
	if unread > 0 {
		complain(stderr, "%d of %d hits printed without a snippet: their text could not be read", unread, len(hits))
		return exitUsage
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
	Path           string   `json:"path"`           // the file, or the CSV of a row
	Line           int      `json:"line,omitempty"` // the line a CSV row starts on
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
