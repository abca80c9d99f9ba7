// Package catalog holds the record an archive keeps of each cable (what
// the list shows and filters on, and where the cable's text lives) and
// the scan's reports, so that the list, the search index and the ui share
// them without the packages that read or parse files.
package catalog

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"cablereader/model"
)

// Kind is where a record's text comes from: a file in one of the formats
// of package input, named as input names it, or a row of cables.csv.
type Kind string

const (
	KindText   Kind = "text" // a plain-text cable file (input.Text)
	KindHTML   Kind = "html" // a saved WikiLeaks cable page (input.Page)
	KindCSVRow Kind = "csv"  // a row of cables.csv
	// Other kinds are other formats of input (a PlusD page: "plusd").
)

func (k Kind) String() string { return string(k) }

// Location is where a cable's text lives: a file of its own, or a byte
// range of a CSV.
type Location struct {
	Kind   Kind
	Path   string // the file; the CSV for a row
	Offset int64  // the row's first byte, for a CSV row
	Length int32  // the row's length in bytes, for a CSV row
	Line   int32  // the CSV line on which the row starts (1 for the first); 0 for a file
}

// Record is one cable as the archive's list holds it.
type Record struct {
	// ID is the canonical id (09TOKYO2531); for a CSV row, the refid
	// column as WikiLeaks wrote it.
	ID   string
	Date time.Time // UTC; zero when unknown
	// Classification is the banner's level and qualifiers (a CSV row's
	// column). Text is set only when the level is not one the model
	// knows: the marking as the archive wrote it, normalised.
	Classification model.Classification
	// Caveats are the handling caveats the cable carries beyond its
	// banner's qualifiers (NOFORN on a line of its own, SIPDIS), in upper
	// case, each once. A CSV row's are known once its text is read.
	Caveats []string
	// Origin is the CSV column (Embassy Tokyo) or, for a file, the FM line
	// (AMEMBASSY TOKYO).
	Origin  string
	Subject string
	Tags    []string // every item of the TAGS line, code or not
	// References are the cables this one cites, one per id (the cable's
	// own left out), in order, with their labels (A, B) where known. ID
	// is the canonical id; Text is left empty.
	References []model.Reference
	Loc        Location
}

// Class is the classification as the list, the search index and its
// results write it: CONFIDENTIAL, SECRET//NOFORN (the banner's level and
// qualifiers with the controls among Caveats, model's WithControls, so
// that a cable read from its file and its row of a CSV agree), or the
// archive's own words for a marking the model does not know.
func (r *Record) Class() string {
	if s := r.Classification.WithControls(r.Caveats); s != "" {
		return s
	}
	return r.Classification.Text
}

// ClassOf reads a marking as Class writes it (SECRET//NOFORN) back into
// the model's terms. A level the model does not know leaves the whole
// marking in Text too, so that Class gives back what it was given.
func ClassOf(marking string) model.Classification {
	level, quals, _ := strings.Cut(marking, "//")
	var c model.Classification
	if quals != "" {
		c.Qualifiers = strings.Split(quals, "//")
	}
	for l := model.Unclassified; l <= model.TopSecret; l++ {
		if l.String() == level {
			c.Level = l
			return c
		}
	}
	c.Text = marking
	return c
}

// RefIDs are the ids of the cables r cites, in order.
func (r *Record) RefIDs() []string {
	if len(r.References) == 0 {
		return nil
	}
	ids := make([]string, len(r.References))
	for i, ref := range r.References {
		ids[i] = ref.ID
	}
	return ids
}

// Kind reports where the record's text comes from.
func (r *Record) Kind() Kind { return r.Loc.Kind }

// Path is the file the record was read from (the CSV for a row).
func (r *Record) Path() string { return r.Loc.Path }

// Line is the line of the CSV on which a row starts (1 for the first);
// 0 for a cable read from a file of its own.
func (r *Record) Line() int { return int(r.Loc.Line) }

// Place is where the list says the record lives: its file, or
// file.csv:LINE for a row of a CSV.
func (r *Record) Place() string { return r.Loc.Place() }

// Place names the file, or for a row of a CSV whose line is known the
// row: file.csv:LINE, which the reader opens.
func (l Location) Place() string {
	if l.Kind == KindCSVRow && l.Line > 0 {
		return l.Path + ":" + strconv.Itoa(int(l.Line))
	}
	return l.Path
}

// Stamp is a file as it was when its cables were read: its size and its
// modification time (Unix nanoseconds). A file whose stamp is unchanged
// is not read again.
type Stamp struct {
	Size, MTime int64
}

// RowError is a CSV row that was skipped.
type RowError struct {
	Path   string
	Line   int // 1-based line on which the row starts
	Reason string
	// Last is the last line skipped with the row, when lines after its
	// first that do not start like a row went with it (0 otherwise).
	Last int
}

// Lines is the line of the row, or the lines skipped with it: "69",
// "69-70".
func (e RowError) Lines() string {
	if e.Last > e.Line {
		return fmt.Sprintf("%d-%d", e.Line, e.Last)
	}
	return strconv.Itoa(e.Line)
}

func (e RowError) Error() string { return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, e.Reason) }

// SkippedFile is a file in a folder (or on the command line) that is
// neither a cable nor a page with one.
type SkippedFile struct {
	Path, Reason string
}

// Progress is reported while scanning. Records counts what was read; the
// list grows a batch at a time, so a caller that redraws on progress
// should compare the length of the list with what it shows.
type Progress struct {
	Records int   // records read so far
	Bytes   int64 // bytes read so far
	// Total is the bytes to read; it grows while a folder is walked.
	Total   int64
	Skipped int // files skipped as no cable
	Errors  int // CSV rows skipped
	Done    bool
}

// IndexProgress is how far a build of an archive's search index has
// come. A build reads the archive's list first (Stage "reading"), then
// indexes the text (Stage "indexing"); Bytes and Total count the stage's
// bytes. Stage "waiting": another process is writing the index.
type IndexProgress struct {
	Stage   string
	Cables  int   // cables indexed so far
	Bytes   int64 // bytes done in this stage
	Total   int64 // bytes of this stage
	Elapsed time.Duration
	Rate    float64       // MB/s over this stage
	Left    time.Duration // estimated time left in this stage; 0 when unknown
	Done    bool
}
