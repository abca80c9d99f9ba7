// Package corpus reads an archive of many cables into its catalog: a
// folder of cable files and saved WikiLeaks pages, a list of files, or
// the Cablegate cables.csv. An Archive holds a catalog.Record of each
// cable, filled from one parse of a file (or a CSV row's first bytes):
// the fields a list view needs and where the cable lives (a path, or a
// byte range of the CSV). The text is read again when a cable is opened
// or indexed for search (Load, Complete). Walk is the one walk of an
// archive's folders.
//
// Scan runs on one goroutine and publishes records in batches; Entries,
// Lookup, Neighbours and Load may be called from others meanwhile.
package corpus

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	"cablereader/catalog"
	"cablereader/input"
	"cablereader/model"
)

// ArchiveID is the id the archive publishes a record's cable as: a CSV
// row's refid column, or the id a file is named after ("" for neither).
// The cable's text is read with it (parser.ParseAs).
func ArchiveID(e catalog.Record) string {
	if e.Loc.Kind == catalog.KindCSVRow {
		return e.ID
	}
	return NameID(e.Loc.Path)
}

// Archive is an archive being read: its catalog, and the files it came
// from.
type Archive struct {
	inputs []inputPath
	lim    input.Limits
	files  map[string]*os.File // open CSVs, for Load's ReadAt
	kept   map[string][]byte   // files named that cannot be read again
	fmu    sync.Mutex          // guards files and kept

	mu      sync.RWMutex
	sorted  []catalog.Record // published; never changed once handed out
	byID    map[string]entryKey
	errs    []catalog.RowError
	skipped []catalog.SkippedFile
	scanned bool

	stations stationBook // the names cables give routing indicators

	resume *resume       // the catalog Scan starts from, if any (resume.go)
	done   chan struct{} // closed when Scan returns
	ok     bool          // Scan returned no error; under mu

	// versions are the copies of an id left out of the list, which
	// holds one, by id in upper case (versions.go); under mu
	versions map[string][]catalog.Record
}

// entryKey is what orders entries: date, id, then where they live. Lookup
// keeps the key of an id's first entry and finds it by binary search, so
// the map needs no update when batches are merged.
type entryKey struct {
	date time.Time
	id   string
	path string
	off  int64
}

func keyOf(e *catalog.Record) entryKey { return entryKey{sortDate(e), e.ID, e.Loc.Path, e.Loc.Offset} }

// sortDate is when an entry sorts: its date, or for an undated record the
// start of the year its id gives (02ADANA386 sorts with 2002's cables).
func sortDate(e *catalog.Record) time.Time {
	if !e.Date.IsZero() {
		return e.Date
	}
	if y := model.IDYear(e.ID); y != 0 {
		return time.Date(y, time.January, 1, 0, 0, 0, 0, time.UTC)
	}
	return e.Date
}

func compareKeys(a, b entryKey) int {
	if c := a.date.Compare(b.date); c != 0 {
		return c
	}
	return cmp.Or(strings.Compare(a.id, b.id), strings.Compare(a.path, b.path), cmp.Compare(a.off, b.off))
}

type inputKind int

const (
	inputDir inputKind = iota
	inputFile
	inputCSV
)

// inputPath is a folder or file of the archive: given by name (file is
// then the path opened once), or a cables.csv found in a folder.
type inputPath struct {
	kind inputKind
	path string
	size int64
	file *input.File
}

// Open opens each path once and decides what it is: a folder, a
// cables.csv (by its first bytes, whatever its name), or a single cable
// file. It reads no more than that; Scan does the work. The files are
// checked with the default limits of package input.
func Open(paths []string) (*Archive, error) {
	files := make([]*input.File, 0, len(paths))
	for _, p := range paths {
		f, err := input.Open(p)
		if err != nil {
			for _, f := range files {
				f.Close()
			}
			return nil, err
		}
		files = append(files, f)
	}
	return OpenFiles(files, input.Limits{})
}

// OpenFiles is Open for paths already opened, each read from its first
// byte; the archive owns them from now on, and closes them. Every file of
// the archive, and every cable loaded, is checked against lim.
func OpenFiles(files []*input.File, lim input.Limits) (*Archive, error) {
	if len(files) == 0 {
		return nil, errors.New("no archive given")
	}
	ix := &Archive{lim: lim, files: map[string]*os.File{}, kept: map[string][]byte{}, byID: map[string]entryKey{}, done: make(chan struct{})}
	for _, f := range files {
		switch {
		case f.IsDir():
			f.Close()
			ix.inputs = append(ix.inputs, inputPath{kind: inputDir, path: f.Name})
		case IsArchive(f):
			ix.inputs = append(ix.inputs, inputPath{inputCSV, f.Name, f.Size(), f})
		default:
			ix.inputs = append(ix.inputs, inputPath{inputFile, f.Name, f.Size(), f})
		}
	}
	return ix, nil
}

// csvSniffLen is how much of a file is looked at to tell a cables.csv.
const csvSniffLen = 256

// IsArchive reports whether f should be opened as an archive rather than
// as one cable: a folder, or a file that starts like cables.csv.
func IsArchive(f *input.File) bool {
	return f.IsDir() || looksLikeCSV(f.Head(csvSniffLen))
}

// Close closes the CSV files that Load reads from, and the files given
// by name if Scan has not read them; call it once Scan has returned.
// Loading a CSV row fails afterwards.
func (ix *Archive) Close() error {
	for _, in := range ix.inputs {
		if in.file != nil {
			in.file.Close() // read and closed by Scan, mostly
		}
	}
	ix.fmu.Lock()
	defer ix.fmu.Unlock()
	var first error
	for p, f := range ix.files {
		if err := f.Close(); err != nil && first == nil && !errors.Is(err, os.ErrClosed) {
			first = err
		}
		delete(ix.files, p)
	}
	return first
}

// Scan reads the archive: it walks the folders, parses the files and
// streams the CSVs, publishing entries in batches. progress (may be nil)
// is called on Scan's goroutine at most about 20 times a second, and once
// more with Done set. Scan runs once; on cancellation it returns the
// context's error and keeps what was read. A panic while scanning is
// returned as an error, and so is one in a goroutine Scan starts (a file
// that makes the parser panic is skipped).
func (ix *Archive) Scan(ctx context.Context, progress func(catalog.Progress)) (err error) {
	first := false
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("corpus: the scan failed: %v", r)
		}
		if first {
			ix.ended(err)
		}
	}()
	ix.mu.Lock()
	if ix.scanned {
		ix.mu.Unlock()
		return errors.New("corpus: Scan called twice")
	}
	ix.scanned = true
	ix.mu.Unlock()
	first = true

	b := newBatcher(ix, progress)
	defer b.finish()
	b.seed(ix.resume)
	var dirs []string
	var files, csvs []inputPath
	for _, in := range ix.inputs {
		switch in.kind {
		case inputDir:
			dirs = append(dirs, in.path)
		case inputFile:
			files = append(files, in)
		case inputCSV:
			csvs = append(csvs, in)
		}
		b.total += in.size
	}
	if len(dirs)+len(files) > 0 {
		found, err := ix.scanFiles(ctx, dirs, files, b)
		if err != nil {
			return err
		}
		csvs = append(csvs, found...)
	}
	for _, in := range csvs {
		if err := ix.scanCSV(ctx, in, b); err != nil {
			return err
		}
	}
	b.settle(ix.resume)
	return nil
}

// Scanned is closed once Scan has returned.
func (ix *Archive) Scanned() <-chan struct{} { return ix.done }

// ended records how Scan ended.
func (ix *Archive) ended(err error) {
	ix.mu.Lock()
	ix.ok = err == nil
	ix.mu.Unlock()
	close(ix.done)
}

// ScanComplete reports whether Scan has read the whole archive: it
// returned with no error.
func (ix *Archive) ScanComplete() bool {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.ok
}

// Entries returns the entries scanned so far, sorted by date, then id.
// The slice is shared: it must not be modified. A later call returns a
// new slice; one already returned never changes.
func (ix *Archive) Entries() []catalog.Record {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.sorted
}

// Errors returns the CSV rows skipped so far.
func (ix *Archive) Errors() []catalog.RowError {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return slices.Clone(ix.errs)
}

// Skipped returns the files skipped so far as no cable.
func (ix *Archive) Skipped() []catalog.SkippedFile {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return slices.Clone(ix.skipped)
}

// Lookup finds a cable by its id, case-insensitively. When the archive
// holds several copies, it returns the first in list order.
func (ix *Archive) Lookup(id string) (catalog.Record, bool) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	k, ok := ix.byID[strings.ToUpper(strings.TrimSpace(id))]
	if !ok || id == "" {
		return catalog.Record{}, false
	}
	i, found := slices.BinarySearchFunc(ix.sorted, k, func(e catalog.Record, k entryKey) int { return compareKeys(keyOf(&e), k) })
	if !found {
		return catalog.Record{}, false
	}
	return ix.sorted[i], true
}

// Neighbours returns the cables from the same origin just before and just
// after e in date order. Other copies of e itself are passed over, and so
// are undated cables when e has a date (they are listed first, by id).
func (ix *Archive) Neighbours(e catalog.Record) (prev, next catalog.Record, okPrev, okNext bool) {
	list := ix.Entries()
	i, found := slices.BinarySearchFunc(list, keyOf(&e), func(x catalog.Record, k entryKey) int { return compareKeys(keyOf(&x), k) })
	if !found {
		return
	}
	same := func(x *catalog.Record) bool {
		return x.Origin == e.Origin && x.Date.IsZero() == e.Date.IsZero() && !strings.EqualFold(x.ID, e.ID)
	}
	for j := i - 1; j >= 0; j-- {
		if same(&list[j]) {
			prev, okPrev = list[j], true
			break
		}
	}
	for j := i + 1; j < len(list); j++ {
		if same(&list[j]) {
			next, okNext = list[j], true
			break
		}
	}
	return
}

// Load reads the cable's text: the file, through package input (the
// cable inside it for a page), or the CSV row's header and body, unescaped
// and joined by a line break. The text is what parser.Parse takes. A
// panic while loading is returned as an error.
func (ix *Archive) Load(e catalog.Record) (text []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			text, err = nil, fmt.Errorf("%s: the cable could not be loaded: %v", e.Loc.Path, r)
		}
	}()
	switch e.Loc.Kind {
	case "":
		return nil, errors.New("corpus: entry has no source")
	case catalog.KindCSVRow:
		return ix.loadRow(e.Loc)
	}
	ix.fmu.Lock()
	data, kept := ix.kept[e.Loc.Path]
	ix.fmu.Unlock()
	if kept {
		text, _, err = input.Decode(data, ix.lim)
	} else {
		var f *input.File
		if f, err = input.Open(e.Loc.Path); err != nil {
			return nil, err
		}
		text, _, err = f.Decode(ix.lim)
		f.Close()
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", e.Loc.Path, err)
	}
	return text, nil
}

func (ix *Archive) loadRow(s catalog.Location) ([]byte, error) {
	ix.fmu.Lock()
	f := ix.files[s.Path]
	ix.fmu.Unlock()
	if f == nil {
		return nil, fmt.Errorf("%s: archive is closed", s.Path)
	}
	raw := make([]byte, s.Length)
	if _, err := f.ReadAt(raw, s.Offset); err != nil {
		return nil, fmt.Errorf("%s: %w", s.Path, err)
	}
	return rowText(raw, s.Path, s.Offset)
}
