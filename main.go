// Command cablereader reads US diplomatic cables in the terminal.
//
// It opens a cable (a file, or standard input) in a full-screen reader, or
// prints it as text, Markdown or JSON for scripts and pipes; it opens an
// archive (folders, saved pages, a cables.csv) as a list of its cables;
// and its subcommands index and search an archive, follow a cable's
// references (thread) and compare two versions of a cable (diff).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/term"

	"cablereader/catalog"
	"cablereader/corpus"
	"cablereader/input"
	"cablereader/model"
	"cablereader/output"
	"cablereader/parser"
	"cablereader/sanitize"
	"cablereader/search"
	"cablereader/ui"
	"cablereader/ui/state"
)

var version = "0.1.0"

// Exit statuses, as documented in the README: 1 is an answer ("no
// hits", "not in the archive", "no such paragraph"), never an error;
// every error, of usage or of input, is 2.
const (
	exitOK       = 0
	exitNotFound = 1
	exitUsage    = 2
	exitError    = exitUsage
)

const usage = `cablereader — read US diplomatic cables in the terminal

Usage:
  cablereader [flags] [FILE | -]
  cablereader [flags] DIR | cables.csv | FILE FILE ...
  cablereader index [--index FILE] PATH...
  cablereader search [flags] QUERY PATH...
  cablereader thread [flags] ID PATH...
  cablereader diff [flags] FILE FILE | ID PATH...

With no FILE, or with -, the cable is read from standard input.
On a terminal the cable opens in the reader; when standard output is a
pipe or a file, it is printed as text (as less does).

A folder (of .txt cables and saved WikiLeaks pages, searched recursively),
several files, or the Cablegate cables.csv open as an archive: a list to
filter and open cables from, following references between them. Piped, or
with --list, an archive prints one line per cable. file.csv:LINE opens the
row of a CSV that starts on that line, as --list and search print it.

index builds an archive's full-text index (or brings it up to date);
search finds cables in it. See 'cablereader search --help'. thread
follows a cable's references through it, both ways; diff compares two
versions of a cable word by word (see their --help).

Flags:
  -f, --format FORMAT   print instead of opening the reader: text, markdown, json
                        (markdown is rendered when printed to a terminal;
                        json over an archive or several files: JSON Lines,
                        one cable a line)
      --routing         also print the routing details, decoded (with text or
                        markdown; alone, it implies --format text)
      --para N          print only paragraph N (as text, or with --format)
      --list            print an archive as tab-separated lines: id, date,
                        classification, origin, subject, path (for a row
                        of a CSV: file.csv:LINE)
      --header          with --list, a header row naming the columns
      --no-state        keep no reading positions or marks between runs
      --index FILE      the archive's search index (default: one file per
                        archive in the user cache folder)
      --theme THEME     colours of the reader: auto, dark, light (default auto)
      --no-mouse        leave the mouse to the terminal (text selection)
      --max-size SIZE   refuse input larger than SIZE: bytes, or with K, M or G
                        (KiB, MiB, GiB) after the number (default 256M)
      --force           read input that looks binary
  -v, --version         print the version
  -h, --help            print this help

Examples:
  cablereader testdata/09TOKYO2531.txt
  cablereader --format json 09TOKYO2531.txt | jq .subject
  curl -s URL | cablereader
  cablereader ~/cables/                  # browse a folder of cables
  cablereader --list cables.csv | grep KABUL
  cablereader --para 5 09TOKYO2531.txt
  cablereader -f json ~/cables/ | jq -r 'select(.classification=="SECRET") | .id'

Exit status: 0 ok, 1 unreadable or empty input, 2 bad usage.
`

type options struct {
	format, theme  string
	routing, force bool
	noMouse, list  bool
	header         bool   // --list: a header row first
	para           int    // print only ¶para
	noState        bool   // keep no state between runs
	index          string // the archive's search index file ("" for the default)
	maxSize        int64
	version        bool
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if code, ok := subcommand(args, stdout, stderr); ok {
		return code
	}
	opt, files, err := parseArgs(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	if err != nil {
		complain(stderr, "%v\nTry 'cablereader --help'.", err)
		return exitUsage
	}
	if opt.version {
		fmt.Fprintln(stdout, "cablereader", version)
		return exitOK
	}
	lim := input.Limits{MaxSize: opt.maxSize, Force: opt.force}
	if len(files) == 0 && stdinTerminal(stdin) {
		// Nothing named and nothing piped: say what is wanted rather
		// than wait on a blank screen for a cable to be typed.
		complain(stderr, "no cable given: name a file, a folder or a cables.csv, or pipe a cable in (with -, one typed in, ended by ctrl+d)")
		fmt.Fprint(stderr, "\n"+usageLines()+"\nTry 'cablereader --help' for more.\n")
		return exitUsage
	}
	if len(files) == 0 || len(files) == 1 && files[0] == "-" {
		data, _, err := input.Read(stdin, lim)
		if err != nil {
			complain(stderr, "%v", readError("standard input", err))
			return exitError
		}
		return runCable("-", data, opt, stdout, stderr)
	}
	if len(files) == 1 {
		if path, line, ok := csvRowArg(files[0]); ok {
			return runCSVRow(files[0], path, line, opt, stdout, stderr)
		}
	}
	// Each path is opened once, and what it is decided from its first
	// bytes, which are read again from the same handle: a named pipe or a
	// process substitution gives its bytes only once.
	opened, err := openAll(files)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) && files[0] == args[0] {
			if uerr := unknownCommand(args[0]); uerr != nil {
				complain(stderr, "%v\nTry 'cablereader --help'.", uerr)
				return exitUsage
			}
		}
		complain(stderr, "%v", cleanPathError(err))
		return exitError
	}
	if len(opened) > 1 || opt.list || corpus.IsArchive(opened[0]) {
		if opt.format != "" && opt.format != "json" || opt.para > 0 {
			closeAll(opened)
			complain(stderr, "%s prints one cable; for an archive, use --list or --format json\nTry 'cablereader --help'.", oneCableFlag(opt))
			return exitUsage
		}
		return runArchive(opened, opt, lim, stdout, stderr)
	}
	f := opened[0]
	data, _, err := f.Decode(lim)
	f.Close()
	if err != nil {
		complain(stderr, "%v", readError(f.Name, err))
		return exitError
	}
	return runCable(f.Name, data, opt, stdout, stderr)
}

// openAll opens every path, or none.
func openAll(paths []string) ([]*input.File, error) {
	files := make([]*input.File, 0, len(paths))
	for _, p := range paths {
		f, err := input.Open(p)
		if err != nil {
			closeAll(files)
			return nil, err
		}
		files = append(files, f)
	}
	return files, nil
}

func closeAll(files []*input.File) {
	for _, f := range files {
		f.Close()
	}
}

// csvRowArg reads an argument that names a row of a CSV as --list and
// search print it, file.csv:LINE: no file has that name, and the part
// before the last colon is a regular file.
func csvRowArg(arg string) (path string, line int, ok bool) {
	i := strings.LastIndexByte(arg, ':')
	if i <= 0 {
		return "", 0, false
	}
	line, err := strconv.Atoi(arg[i+1:])
	if err != nil || line < 1 || arg[i+1] == '+' {
		return "", 0, false
	}
	if _, err := os.Lstat(arg); !errors.Is(err, fs.ErrNotExist) {
		return "", 0, false
	}
	if st, err := os.Stat(arg[:i]); err != nil || !st.Mode().IsRegular() {
		return "", 0, false
	}
	return arg[:i], line, true
}

// runCSVRow shows the cable in the row of the CSV at path that starts on
// line (named arg, file.csv:LINE).
func runCSVRow(arg, path string, line int, opt options, stdout, stderr io.Writer) int {
	e, ok, err := corpus.RecordAt(path, line)
	loc, id := e.Loc, corpus.ArchiveID(e)
	if err == nil && !ok {
		complain(stderr, "%s: no row of the CSV starts on line %d (see --list)", path, line)
		return exitNotFound
	}
	if err == nil && int64(loc.Length) > opt.maxSize {
		err = fmt.Errorf("%s is larger than %s (see --max-size)", arg, input.FormatSize(opt.maxSize))
	}
	var text []byte
	if err == nil {
		text, err = corpus.ReadLocation(loc)
	}
	if err != nil {
		complain(stderr, "%v", cleanPathError(err))
		return exitError
	}
	// The row's columns fill what its text lacks, as the archive's list
	// and its views show them.
	return runCableAs(arg, id, text, func(c *model.Cable) { corpus.Fill(c, e) }, opt, stdout, stderr)
}

// runCable shows one cable's text.
func runCable(name string, data []byte, opt options, stdout, stderr io.Writer) int {
	return runCableAs(name, corpus.NameID(name), data, nil, opt, stdout, stderr)
}

// runCableAs shows one cable's text, with the id its archive gives it
// ("" for none).
func runCableAs(name, id string, data []byte, fill func(*model.Cable), opt options, stdout, stderr io.Writer) int {
	size := len(data)
	parseText := func() *model.Cable {
		// The parser reads the input into text once: let the input go
		// before the parse, and the parser lets the text go after it.
		in := data
		data = nil
		if size <= bigInput {
			return parser.ParseAs(in, id)
		}
		// The parse of a big cable holds its text, the paragraphs
		// being built and the list of lines, and makes garbage several
		// times its size: collected early, as when printing, the
		// reader's peak stays near what the parser holds live.
		old := debug.SetGCPercent(20)
		c := parser.ParseAs(in, id)
		debug.SetGCPercent(old)
		// Hand the garbage back now rather than hold it while the
		// reader runs.
		debug.FreeOSMemory()
		return c
	}
	parse := func() *model.Cable {
		c := parseText()
		if fill != nil {
			fill(c)
		}
		return c
	}
	if err := show(name, size, parse, opt, stdout); err != nil {
		complain(stderr, "%v", err)
		if errors.As(err, new(notFound)) {
			return exitNotFound
		}
		return exitError
	}
	return exitOK
}

// runArchive opens an archive in the list view, or prints its list when
// asked to or when standard output is not a terminal.
func runArchive(files []*input.File, opt options, lim input.Limits, stdout, stderr io.Writer) int {
	paths := make([]string, len(files))
	for i, f := range files {
		paths[i] = f.Name
	}
	ix, err := corpus.OpenFiles(files, lim)
	if err != nil {
		complain(stderr, "%v", cleanPathError(err))
		return exitError
	}
	defer ix.Close()
	if !opt.list && opt.format == "" && interactive(stdout) {
		uo := ui.Options{Theme: opt.theme, Mouse: !opt.noMouse, Title: sanitize.Line(strings.Join(paths, " "))}
		uo.State, uo.Notice = openState(opt)
		uo.Place = state.ArchiveKey(paths)
		src, notice := archiveSource(ix, paths, opt.index)
		if notice != "" {
			// A file at the index path that is not an index of ours
			// is left alone, and the view says why it has no search.
			uo.Notice = strings.TrimPrefix(uo.Notice+" · "+notice, " · ")
		}
		if err := runArchiveView(src, uo); err != nil {
			complain(stderr, "%v", err)
			return exitError
		}
		return exitOK
	}
	listCatalog(context.Background(), ix, paths, opt.index)
	if err := ix.Scan(context.Background(), nil); err != nil {
		complain(stderr, "%v", cleanPathError(err))
		return exitError
	}
	for _, e := range ix.Errors() {
		if e.Last > e.Line {
			complain(stderr, "%s lines %s: %s; row skipped, and the lines after it that do not start a row", e.Path, e.Lines(), e.Reason)
		} else {
			complain(stderr, "%s line %d: %s; row skipped", e.Path, e.Line, e.Reason)
		}
	}
	for _, s := range ix.Skipped() {
		complain(stderr, "%s: %s; skipped", s.Path, s.Reason)
	}
	if len(ix.Entries()) == 0 {
		complain(stderr, "no cables found in %s (%d files skipped)", strings.Join(paths, ", "), len(ix.Skipped()))
		return exitError
	}
	if opt.format == "json" {
		err = writeJSONLines(stdout, ix, func(e catalog.Record, err error) {
			complain(stderr, "%s: %v; skipped", e.ID, err)
		})
	} else {
		err = writeList(stdout, ix.Entries(), opt.header)
	}
	if err != nil {
		complain(stderr, "%v", err)
		return exitError
	}
	return exitOK
}

// runArchiveView is the archive view (a variable for tests).
var runArchiveView = ui.RunArchive

// archive is a corpus.Archive as the archive view takes it: the view never
// parses, it is handed the parsed cable, and the names of routing
// indicators that the archive's cables give (StationName).
type archive struct{ *corpus.Archive }

func (a archive) Open(e catalog.Record) (*model.Cable, error) {
	text, err := a.Load(e)
	if err != nil {
		return nil, err
	}
	c := parser.ParseAs(text, corpus.ArchiveID(e))
	if e.Loc.Kind == catalog.KindCSVRow {
		a.Learn(c.Stations()) // the scan parsed the files, not the rows
		corpus.Fill(c, e)
	}
	return c, nil
}

// OpenFile reads a cable file that is not in the archive, parsed once
// for its record and the cable.
func (a archive) OpenFile(path string) (catalog.Record, *model.Cable, error) {
	return corpus.ReadFile(path, input.Limits{})
}

func parseArgs(args []string, stderr io.Writer) (options, []string, error) {
	var opt options
	fs := flag.NewFlagSet("cablereader", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&opt.format, "format", "", "")
	fs.StringVar(&opt.format, "f", "", "")
	fs.BoolVar(&opt.routing, "routing", false, "")
	fs.StringVar(&opt.theme, "theme", "auto", "")
	fs.BoolVar(&opt.noMouse, "no-mouse", false, "")
	opt.maxSize = 256 << 20
	fs.Var((*byteSize)(&opt.maxSize), "max-size", "")
	fs.BoolVar(&opt.force, "force", false, "")
	fs.BoolVar(&opt.list, "list", false, "")
	fs.BoolVar(&opt.header, "header", false, "")
	fs.IntVar(&opt.para, "para", 0, "")
	fs.BoolVar(&opt.noState, "no-state", false, "")
	fs.StringVar(&opt.index, "index", "", "")
	fs.BoolVar(&opt.version, "version", false, "")
	fs.BoolVar(&opt.version, "v", false, "")
	// Flags may come before or after the file name.
	var files []string
	for {
		if err := fs.Parse(args); err != nil {
			if msg := err.Error(); longFlag.MatchString(msg) {
				// The flag package names flags with one dash; the help two.
				err = errors.New(longFlag.ReplaceAllString(msg, "$1--$2"))
			}
			return opt, nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			break
		}
		files = append(files, rest[0])
		args = rest[1:]
	}
	switch opt.format {
	case "", "text", "json", "markdown", "md":
	default:
		return opt, nil, fmt.Errorf("unknown format %q (want text, markdown or json)", opt.format)
	}
	switch opt.theme {
	case "auto", "dark", "light":
	default:
		return opt, nil, fmt.Errorf("unknown theme %q (want auto, dark or light)", opt.theme)
	}
	if len(files) > 1 && (opt.format != "" && opt.format != "json" || opt.para > 0) {
		return opt, nil, fmt.Errorf("%s prints one cable; for several, use --list or --format json", oneCableFlag(opt))
	}
	paraSet := false
	fs.Visit(func(f *flag.Flag) { paraSet = paraSet || f.Name == "para" })
	if paraSet && opt.para < 1 {
		return opt, nil, errors.New("--para wants a paragraph number from 1")
	}
	if opt.header && !opt.list {
		return opt, nil, errors.New("--header goes with --list")
	}
	return opt, files, nil
}

// notFound is an answer of nothing (exit 1), not an error (exit 2).
type notFound struct{ error }

// oneCableFlag names the flag that asks for one cable's output.
func oneCableFlag(opt options) string {
	if opt.para > 0 {
		return "--para"
	}
	return "--format " + opt.format
}

// readError says why the input called name cannot be read as a cable.
func readError(name string, err error) error {
	var tl *input.TooLargeError
	switch {
	case errors.Is(err, input.ErrEmpty):
		return fmt.Errorf("%s is empty", name)
	case errors.Is(err, input.ErrBinary):
		return fmt.Errorf("%s looks like a binary file, not a cable (use --force to read it anyway)", name)
	case errors.As(err, &tl):
		return fmt.Errorf("%s is larger than %s (see --max-size)", name, input.FormatSize(tl.Limit))
	case errors.Is(err, input.ErrNoCable):
		return fmt.Errorf("%s: %v", name, err)
	}
	return fmt.Errorf("reading %s: %v", name, cleanPathError(err))
}

// cleanPathError drops the operation name from an os error
// ("open x: no such file" reads better as "x: no such file"), and says a
// missing path in words.
func cleanPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		if errors.Is(pe.Err, fs.ErrNotExist) {
			return fmt.Errorf("%s: %w", pe.Path, errNoPath)
		}
		return fmt.Errorf("%s: %w", pe.Path, pe.Err)
	}
	return err
}

// errNoPath is a path that names nothing.
var errNoPath = errors.New("there is no file or folder of that name")

// missingPath says which of the paths names nothing, or is nil.
func missingPath(paths []string) error {
	for _, p := range paths {
		if _, err := os.Stat(p); errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("%s: %w", p, errNoPath)
		}
	}
	return nil
}

// unknownCommand is the error for a first argument that names no file
// and looks like a mistyped command (a word of letters), or nil.
func unknownCommand(arg string) error {
	if arg == "" || len(arg) > 20 || strings.TrimFunc(arg, func(r rune) bool { return r >= 'a' && r <= 'z' }) != "" {
		return nil
	}
	names := make([]string, len(commands))
	for i, c := range commands {
		names[i] = c.name
	}
	msg := fmt.Sprintf("%q is not a command (commands: %s), nor a file or folder", arg, strings.Join(names, ", "))
	for _, c := range names {
		if slices.Contains(search.Edits(arg), c) {
			msg += "; did you mean " + c + "?"
		}
	}
	return errors.New(msg)
}

// bigInput is the size from which a cable's memory is handed back and
// collected early.
const bigInput = 32 << 20

// show prints the cable in the chosen format or opens the reader, which
// parses it behind a loading screen.
func show(name string, size int, parse func() *model.Cable, opt options, stdout io.Writer) error {
	format := printFormat(opt, interactive(stdout))
	if format == "" {
		if size > 32<<20 {
			// Parsing a big file makes garbage several times its size;
			// a soft limit has the collector take it back sooner, so the
			// reader peaks near four times the input instead of six.
			debug.SetMemoryLimit(readerMemoryLimit(size))
		}
		uo := ui.Options{Theme: opt.theme, Mouse: !opt.noMouse, OpenFile: openFile(opt)}
		uo.State, uo.Notice = openState(opt)
		if name != "-" {
			uo.Path = absPath(name)
		}
		return ui.RunLoading(sanitize.Line(name), size, parse, uo)
	}
	if size > bigInput {
		// Parsing a big cable makes garbage several times its size, and
		// the output is written as it goes: collect early, so that the
		// peak stays near what the parser holds live.
		defer debug.SetGCPercent(debug.SetGCPercent(20))
	}
	c := parse()
	if opt.para > 0 {
		if err := output.Paragraph(stdout, c, opt.para, format); errors.Is(err, output.ErrNoParagraph) {
			return notFound{fmt.Errorf("%s has no ¶%d", name, opt.para)}
		} else if err != nil {
			return err
		}
		return nil
	}
	switch format {
	case "json":
		return output.JSON(stdout, c)
	case "text":
		return output.Text(stdout, c, output.TextOptions{Routing: opt.routing})
	case "markdown", "md":
		if isTerminal(stdout) {
			return output.RenderMarkdown(stdout, c, output.MarkdownOptions{Routing: opt.routing}, opt.theme, terminalWidth(stdout))
		}
		return output.Markdown(stdout, c, output.MarkdownOptions{Routing: opt.routing})
	}
	return nil
}

// openState reads the state file (places and marks), unless --no-state.
// It never fails: a file that cannot be used is ignored with a notice.
func openState(opt options) (*state.Store, string) {
	if opt.noState {
		return nil, ""
	}
	path, err := state.DefaultPath()
	if err != nil {
		return nil, "places and marks are not kept: " + err.Error()
	}
	return state.Open(path)
}

// openFile reads and parses another cable file for the reader (a mark
// made in it), with the same checks as the file given.
func openFile(opt options) func(string) (*model.Cable, error) {
	lim := input.Limits{MaxSize: opt.maxSize, Force: opt.force}
	return func(path string) (*model.Cable, error) {
		f, err := input.Open(path)
		if err != nil {
			return nil, cleanPathError(err)
		}
		defer f.Close()
		data, _, err := f.Decode(lim)
		if err != nil {
			return nil, readError(path, err)
		}
		return parser.ParseAs(data, corpus.NameID(path)), nil
	}
}

// absPath is p made absolute, or p when it cannot be.
func absPath(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return p
}

// readerMemoryLimit is the soft memory limit for reading a cable of size
// bytes: four times the input, and room for the program itself.
func readerMemoryLimit(size int) int64 { return 4*int64(size) + 64<<20 }

// printFormat is the format to print in, or "" for the reader: text when
// standard output is not a terminal, as less does, and when --routing asks
// for the routing details without a format, since the reader shows them
// only on a key.
func printFormat(opt options, interactive bool) string {
	if opt.format == "" && (opt.routing || opt.para > 0 || !interactive) {
		return "text"
	}
	return opt.format
}

// terminalWidth is the width to render for, capped for readability.
func terminalWidth(w io.Writer) int {
	if f, ok := w.(*os.File); ok {
		if cols, _, err := term.GetSize(f.Fd()); err == nil && cols > 0 {
			return min(cols, 100)
		}
	}
	return 80
}

// interactive reports whether w is a terminal that can run the
// full-screen reader: TERM=dumb cannot.
var interactive = func(w io.Writer) bool {
	return isTerminal(w) && !strings.EqualFold(os.Getenv("TERM"), "dumb")
}

// usageLines is the Usage block of the help, short enough to stay on a
// screen with the line before it.
func usageLines() string {
	_, rest, _ := strings.Cut(usage, "\n\n")
	block, _, _ := strings.Cut(rest, "\n\n")
	return block + "\n"
}

// stdinTerminal reports whether standard input is a terminal (a
// variable: tests pretend it is).
var stdinTerminal = func(r io.Reader) bool {
	f, ok := r.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}

// complain writes a message to standard error, on one line after the
// program's name (a usage error adds its hint on a second). File names and
// row errors come from the input, so every argument goes through the
// sanitiser, with line breaks and tabs made visible: a file name cannot
// forge a line of its own.
func complain(w io.Writer, format string, a ...any) {
	for i, v := range a {
		switch v := v.(type) {
		case string:
			a[i] = sanitize.Line(v)
		case error:
			a[i] = sanitize.Line(v.Error())
		}
	}
	fmt.Fprintln(w, "cablereader: "+fmt.Sprintf(format, a...))
}

// byteSize is the --max-size value: a number of bytes, or of KiB, MiB or
// GiB with a K, M or G after it ("256M", "1.5G" is not taken).
type byteSize int64

func (b *byteSize) Set(s string) error {
	m := sizeArg.FindStringSubmatch(strings.ToUpper(strings.TrimSpace(s)))
	if m == nil {
		return errors.New("want a size such as 1048576, 64K, 256M or 1G")
	}
	n, err := strconv.ParseInt(m[1], 10, 64)
	shift := map[string]uint{"": 0, "K": 10, "M": 20, "G": 30}[m[2]]
	if err != nil || n <= 0 || n > maxSizeArg>>shift {
		return fmt.Errorf("want a size from 1 byte to %s", byteSize(maxSizeArg))
	}
	*b = byteSize(n << shift)
	return nil
}

// longFlag is a long flag's name in a message of the flag package.
var longFlag = regexp.MustCompile(`(\s)-([a-z][a-z-]+)`)

// sizeArg is a --max-size value: digits, then K, M or G (with B, iB or
// nothing after it), or B, or nothing.
var sizeArg = regexp.MustCompile(`^(\d+)\s*(?:([KMG])(?:I?B)?|B)?$`)

// maxSizeArg bounds --max-size far beyond any cable and far below where
// byte counts overflow.
const maxSizeArg = 1 << 40

func (b byteSize) String() string { return input.FormatSize(int64(b)) }
