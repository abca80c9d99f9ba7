package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"

	"cablereader/corpus"
	"cablereader/input"
	"cablereader/model"
	"cablereader/output"
	"cablereader/parser"
	"cablereader/sanitize"
	"cablereader/versions"
)

const diffUsage = `Usage: cablereader diff [flags] FILE FILE
       cablereader diff [flags] ID PATH...

Compares two versions of a cable word by word: two files, or the copies of
one cable an archive holds (two files, two CSV rows, a text file and a saved
page of the same id: the releases of 2010 and 2011 differ). Prints the two
versions, what changed in words, each redaction added (words that became
XXXXXXXXXXXX) or lifted, then each changed paragraph with [-deleted-] and
{+inserted+} words, and the unchanged ones by name. Quotation marks, page
markers and line wrapping do not count as changes.

Flags:
  -f, --format FORMAT   text (default) or json
  -h, --help            print this help

Exit status: 0 the versions differ, 1 they are the same (as diff), or the id
is held fewer than twice, or a file cannot be read; 2 bad usage.
`

// oneVersion is a version read and parsed.
type oneVersion struct {
	cable *model.Cable
	v     output.Version
}

func runDiff(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("diff", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	format := "text"
	fs.StringVar(&format, "format", format, "")
	fs.StringVar(&format, "f", format, "")
	rest, err := parseInterleaved(fs, args, nil)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(stdout, diffUsage)
		return exitOK
	}
	if err == nil && format != "text" && format != "json" {
		err = fmt.Errorf("unknown --format %q: want text or json", format)
	}
	if err == nil && len(rest) < 2 {
		err = errors.New("diff: give two files, or an id and an archive")
	}
	if err != nil {
		complain(stderr, "%v\nTry 'cablereader diff --help'.", err)
		return exitUsage
	}
	var vs []oneVersion
	if len(rest) == 2 && isCableFile(rest[0]) && isCableFile(rest[1]) {
		for _, p := range rest {
			v, err := readVersionFile(p)
			if err != nil {
				complain(stderr, "%v", err)
				return exitError
			}
			vs = append(vs, v)
		}
	} else {
		if vs, err = archiveVersions(rest[0], rest[1:]); err != nil {
			complain(stderr, "%v", err)
			return exitNotFound // the id not in the archive, or once only
		}
	}
	d := versions.Compare(vs[0].cable, vs[1].cable)
	write := output.WriteDiffText
	if format == "json" {
		write = output.WriteDiffJSON
	}
	if err := write(stdout, d, vs[0].v, vs[1].v); err != nil {
		complain(stderr, "%v", err)
		return exitError
	}
	if !d.Changed() {
		return exitNotFound
	}
	return exitOK
}

// isCableFile reports whether p is a file that is not a cables.csv.
func isCableFile(p string) bool {
	st, err := os.Stat(p)
	if err != nil || st.IsDir() {
		return false
	}
	f, err := input.Open(p)
	if err != nil {
		return false
	}
	defer f.Close()
	return !corpus.IsArchive(f)
}

func readVersionFile(p string) (oneVersion, error) {
	f, err := input.Open(p)
	if err != nil {
		return oneVersion{}, cleanPathError(err)
	}
	defer f.Close()
	data, _, err := f.Decode(input.Limits{})
	if err != nil {
		return oneVersion{}, readError(p, err)
	}
	c := parser.ParseAs(data, corpus.NameID(p))
	return oneVersion{c, versionOf(c, p)}, nil
}

func versionOf(c *model.Cable, source string) output.Version {
	v := output.Version{ID: c.ID, Source: source}
	if c.HasDate() {
		v.Date = c.Date.UTC().Format("2006-01-02")
	}
	return v
}

// archiveVersions reads the first two copies of id the archive holds.
func archiveVersions(id string, paths []string) ([]oneVersion, error) {
	ix, err := corpus.Open(paths)
	if err != nil {
		return nil, cleanPathError(err)
	}
	defer ix.Close()
	ctx, stop := interruptible()
	defer stop()
	if err := ix.Scan(ctx, nil); err != nil {
		return nil, err
	}
	list := ix.Versions(id)
	if len(list) < 2 {
		return nil, fmt.Errorf("%s: the archive holds %d cop%s of it; diff needs two", sanitize.Text(id), len(list), map[bool]string{true: "y", false: "ies"}[len(list) == 1])
	}
	var out []oneVersion
	for _, e := range list[:2] {
		text, err := ix.Load(e)
		if err != nil {
			return nil, err
		}
		c := parser.ParseAs(text, corpus.ArchiveID(e))
		src := e.Path()
		if e.Line() > 0 {
			src += ":" + strconv.Itoa(e.Line())
		}
		out = append(out, oneVersion{c, versionOf(c, src)})
	}
	return out, nil
}
