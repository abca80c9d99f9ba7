package corpus

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"cablereader/catalog"
	"cablereader/input"
	"cablereader/model"
	"cablereader/parser"
)

type fileJob struct {
	path  string
	size  int64
	first bool        // sent in the first phase: a text file, or a file named
	file  *input.File // a file named, opened once; nil for one found in a folder
}

type fileResult struct {
	entry catalog.Record
	skip  string // why the file is not a cable; "" for an entry
	keep  []byte // the bytes of a file named that cannot be read again
	path  string
	size  int64
	first bool
}

// scanFiles walks the folders and reads every cable file in them and the
// files given by name, parsing them on as many goroutines as there are
// CPUs. It returns the cables.csv files found in the folders, to be
// streamed afterwards.
//
// An archive often holds a cable twice, as text and as the saved web page
// it came from; the list should show it once. So the walk sends the text
// files first and keeps the pages found in folders for a second phase,
// which starts when every text file has been read: a page whose cable id
// came as text is then left out.
func (ix *Archive) scanFiles(ctx context.Context, dirs []string, files []inputPath, b *batcher) ([]inputPath, error) {
	// However this returns (even by a panic in the progress callback), the
	// goroutines are cancelled and have ended: none outlives Scan.
	var wg sync.WaitGroup
	walkDone := make(chan struct{})
	defer func() { wg.Wait(); <-walkDone }()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan fileJob, 64)
	results := make(chan fileResult, 64)
	var csvs []inputPath
	var walkErr error
	var walkSkips []catalog.SkippedFile
	textSent := make(chan int, 1)   // how many first-phase jobs, once the walk is over
	textRead := make(chan struct{}) // closed when all of them are read
	// The walker's own copies: the loop below drops its own once used.
	allSent, allRead := textSent, textRead
	go func() {
		defer close(walkDone)
		defer func() {
			if r := recover(); r != nil {
				walkErr = fmt.Errorf("corpus: walking the folders failed: %v", r)
			}
		}()
		defer close(jobs)
		send := func(j fileJob) bool {
			select {
			case jobs <- j:
				return true
			case <-ctx.Done():
				return false
			}
		}
		n := 0
		for _, f := range files {
			if !send(fileJob{path: f.path, size: f.size, first: true, file: f.file}) {
				return
			}
			n++
		}
		var pages []fileJob
		for _, d := range dirs {
			found, ps, sent, skips, err := walkDir(ctx, d, send, b, ix.resume)
			csvs, pages, walkSkips = append(csvs, found...), append(pages, ps...), append(walkSkips, skips...)
			n += sent
			if err != nil {
				walkErr = err
				return
			}
		}
		allSent <- n
		select {
		case <-allRead:
		case <-ctx.Done():
			return
		}
		for _, p := range pages {
			if !send(p) {
				return
			}
		}
	}()
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				e, st, skip, keep := safeReadCable(j, ix.lim)
				ix.Learn(st)
				select {
				case results <- fileResult{entry: e, skip: skip, keep: keep, path: j.path, size: j.size, first: j.first}:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()
	asText := ix.resume.textIDs() // ids read from text files
	want, got := -1, 0
	for {
		var r fileResult
		var ok bool
		select {
		case want = <-textSent:
			textSent = nil
		case r, ok = <-results:
			if !ok {
				<-walkDone
				for _, s := range walkSkips {
					b.skip(s)
				}
				if err := ctx.Err(); err != nil {
					return nil, err
				}
				return csvs, walkErr
			}
			b.base += r.size
			if r.first {
				got++
			}
			if r.keep != nil {
				ix.fmu.Lock()
				ix.kept[r.path] = r.keep
				ix.fmu.Unlock()
			}
			take(r, asText, b)
		}
		if want >= 0 && got == want && textRead != nil {
			close(textRead)
			textRead = nil
		}
	}
}

// take adds one file's result to the catalog, unless it is a page whose
// cable came as text.
func take(r fileResult, asText map[string]bool, b *batcher) {
	if r.skip != "" {
		b.skip(catalog.SkippedFile{Path: r.path, Reason: r.skip})
		return
	}
	e := r.entry
	switch id := strings.ToUpper(e.ID); {
	case id == "":
	case e.Loc.Kind == catalog.KindText:
		asText[id] = true
	case !r.first && asText[id]:
		b.ix.keepVersion(e) // the same cable as a text file: listed once
		return
	}
	e.Origin = b.in.get([]byte(e.Origin))
	for i, t := range e.Tags {
		e.Tags[i] = b.in.get([]byte(t))
	}
	b.add(e)
}

// Member reports whether a file found in an archive's folder, by its name,
// is one the archive reads: a cable (.txt), a saved page (.html, .htm) or
// a CSV, and not an archive's README or manifest. Walk, the search index's
// walk too, takes files by this rule.
func Member(name string) bool {
	lower := strings.ToLower(name)
	if strings.HasPrefix(lower, "readme") || strings.HasPrefix(lower, "manifest") {
		return false
	}
	return input.ByName(lower) != "" || filepath.Ext(lower) == ".csv"
}

// Found is a file of an archive's folder that the archive reads.
type Found struct {
	Path    string
	Size    int64
	ModTime time.Time
}

// Walk lists the files below root that an archive reads, calling found
// for each in lexical order: hidden files and folders are left out, links
// to folders are not followed (they may loop), a link to a file is
// taken, and of the files what Member takes. A file or folder that cannot
// be read is returned among skips, with why; an error at root itself, an
// error from found, or ctx cancelled ends the walk with that error. This
// is the one walk of an archive's folders: the scan's and the search
// index's.
func Walk(ctx context.Context, root string, found func(Found) error) (skips []catalog.SkippedFile, err error) {
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if err != nil {
			if path == root {
				return err
			}
			skips = append(skips, catalog.SkippedFile{Path: path, Reason: err.Error()})
			return nil
		}
		name := d.Name()
		if path != root && strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			if st, err := os.Stat(path); err != nil || !st.Mode().IsRegular() {
				return nil // links to folders are not followed (they may loop)
			}
		} else if !d.Type().IsRegular() {
			return nil
		}
		if !Member(name) {
			return nil
		}
		info, err := os.Stat(path) // follows a link to a file
		if err != nil {
			skips = append(skips, catalog.SkippedFile{Path: path, Reason: err.Error()})
			return nil
		}
		return found(Found{Path: path, Size: info.Size(), ModTime: info.ModTime()})
	})
	return skips, err
}

// walkDir sends the text files below root to jobs (send) and returns the
// web pages (.html, .htm) for later. A .csv is returned to be looked at
// (it is read when its first bytes are those of a cables.csv).
func walkDir(ctx context.Context, root string, send func(fileJob) bool, b *batcher, r *resume) (csvs []inputPath, pages []fileJob, sent int, skips []catalog.SkippedFile, err error) {
	skips, err = Walk(ctx, root, func(f Found) error {
		lower := strings.ToLower(filepath.Base(f.Path))
		format, isCSV := input.ByName(lower), filepath.Ext(lower) == ".csv"
		b.walked.Add(f.Size)
		switch {
		case isCSV: // streamed again (resume.go)
		case r.unchanged(f.Path, f.Size, f.ModTime.UnixNano()):
			b.unread.Add(f.Size) // its records are the catalog's
			return nil
		}
		switch {
		case isCSV:
			csvs = append(csvs, inputPath{kind: inputCSV, path: f.Path, size: f.Size})
		case format == input.Text:
			if !send(fileJob{path: f.Path, size: f.Size, first: true}) {
				return ctx.Err()
			}
			sent++
		default:
			pages = append(pages, fileJob{path: f.Path, size: f.Size})
		}
		return nil
	})
	return csvs, pages, sent, skips, err
}

// readCable reads and parses one file through package input, with the
// indicator-station pairs of its routing. skip says why it is not a
// cable; keep holds the bytes of a file named that is not a regular
// file, for Load.
func readCable(j fileJob, lim input.Limits) (e catalog.Record, st []model.Station, skip string, keep []byte) {
	f := j.file
	if f == nil {
		var err error
		if f, err = input.Open(j.path); err != nil {
			return e, nil, err.Error(), nil
		}
	}
	data, err := f.Bytes(lim)
	f.Close()
	if err != nil {
		return e, nil, skipReason(err), nil
	}
	text, format, err := input.Decode(data, lim)
	if err != nil {
		return e, nil, skipReason(err), nil
	}
	if !f.Regular() {
		keep = data // Load cannot read it again
	}
	c := parse(entryHead(text), NameID(j.path))
	if noCable(c) {
		return e, nil, noCableReason, nil
	}
	return cableEntry(c, text, j.path, catalog.Kind(format)), c.Stations(), "", keep
}

// noCable reports whether a parse found no cable in a file's text: no
// id, header, subject or tags.
func noCable(c *model.Cable) bool {
	return c.ID == "" && c.Routing == nil && c.Header.Subject == "" && len(c.Header.Tags)+len(c.Header.OtherTags) == 0
}

const noCableReason = "no cable in the text (no id, header, subject or tags)"

// headLimit is how much of a big file is parsed for its entry: the
// fields an entry holds (id, date, classification, origin, subject, TAGS,
// references) are all in a cable's head, and a parse holds about three
// times what it reads.
const headLimit = 1 << 20

// entryHead is the part of text parsed for its entry: all of it, or for a
// text over headLimit, its first headLimit bytes up to the end of a line.
func entryHead(text []byte) []byte {
	if len(text) <= headLimit {
		return text
	}
	head := text[:headLimit]
	if i := bytes.LastIndexByte(head, '\n'); i > 0 {
		head = head[:i+1]
	}
	return head
}

// parse is parser.ParseAs; tests replace it to make it fail.
var parse = parser.ParseAs

// safeReadCable is readCable on a worker goroutine: a panic there would
// end the program without restoring the terminal, so it skips the file
// instead, saying why.
func safeReadCable(j fileJob, lim input.Limits) (e catalog.Record, st []model.Station, skip string, keep []byte) {
	defer func() {
		if r := recover(); r != nil {
			e, st, skip, keep = catalog.Record{}, nil, fmt.Sprintf("could not be read (internal error: %v)", r), nil
		}
	}()
	return readCable(j, lim)
}

// skipReason says why a file is not read as a cable, in the archive's
// words.
func skipReason(err error) string {
	var tl *input.TooLargeError
	switch {
	case errors.Is(err, input.ErrEmpty):
		return "empty file"
	case errors.Is(err, input.ErrBinary):
		return "binary file"
	case errors.Is(err, input.ErrNoCable):
		return "web page with no cable in it"
	case errors.As(err, &tl):
		return tl.Error() + ": not a cable"
	}
	return err.Error()
}

// cableEntry is the record of a cable parsed from the file at path;
// text is the file's whole text, for the caveats (the parse may have
// read only its head).
func cableEntry(c *model.Cable, text []byte, path string, kind catalog.Kind) catalog.Record {
	e := catalog.Record{
		ID:             c.ID,
		Date:           c.Date,
		Classification: model.Classification{Level: c.Classification.Level, Qualifiers: c.Classification.Qualifiers},
		Caveats:        textCaveats(text),
		Origin:         c.Origin,
		Subject:        c.Header.Subject,
		Tags:           slices.Concat(c.Header.Tags, c.Header.OtherTags), // every item, code or not, to filter on
		Loc:            catalog.Location{Kind: kind, Path: path},
	}
	seen := map[string]bool{e.ID: true}
	for _, r := range c.Header.References {
		if r.ID != "" && !seen[r.ID] {
			seen[r.ID] = true
			e.References = append(e.References, model.Reference{ID: r.ID, Label: refLabel(c.Header.References, r.ID)})
		}
	}
	return e
}

// refLabel is the label (A, B) of the first of refs that cites id with
// one, or "".
func refLabel(refs []model.Reference, id string) string {
	for _, r := range refs {
		if r.Label != "" && strings.EqualFold(r.ID, id) {
			return r.Label
		}
	}
	return ""
}

// NameID is the cable id a file is named after (02BRASILIA4227.html,
// 09TOKYO2531_a.html from PlusD), or "" when its name is not an id. An
// archive publishes a file's cable under it, so the parser takes it over
// a header that lacks the year or names another cable (parser.ParseAs).
func NameID(path string) string {
	stem := strings.ToUpper(strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)))
	if i := strings.LastIndexByte(stem, '_'); i > 0 && len(stem)-i == 2 {
		stem = stem[:i]
	}
	if model.IsCableID(stem) {
		return stem
	}
	return ""
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
