package corpus

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
)

// A row of a cables.csv is named to the user as file.csv:LINE, the line
// the row starts on (--list and search print it so, and the reader opens
// it). The search index keeps a row's byte offset, not its line: the
// functions below go between the two with one streaming pass over the
// file, never holding more of it than a buffer.

// RowLines returns the line (1 for the first) on which the row at each of
// offsets starts in the CSV at path, in the order of offsets: the lines
// before it are counted in one pass up to the last offset.
func RowLines(path string, offsets []int64) ([]int, error) {
	out := make([]int, len(offsets))
	if len(offsets) == 0 {
		return out, nil
	}
	order := make([]int, len(offsets))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return int(offsets[a] - offsets[b]) })
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := bufio.NewReaderSize(f, 1<<20)
	var at int64 // bytes read so far
	line := 1    // the line of the byte at at
	for _, i := range order {
		want := offsets[i]
		if want < 0 {
			return nil, fmt.Errorf("%s: bad row offset %d", path, want)
		}
		for at < want {
			w, err := r.Peek(int(min(int64(r.Size()), want-at)))
			if len(w) == 0 {
				if err == nil || errors.Is(err, io.EOF) {
					err = fmt.Errorf("%s: no row at byte %d (has the file changed?)", path, want)
				}
				return nil, err
			}
			line += bytes.Count(w, []byte{'\n'})
			at += int64(len(w))
			r.Discard(len(w))
		}
		out[i] = line
	}
	return out, nil
}

// RowAt finds the row of the CSV at path that starts on line and returns
// where it lies and the reference id it gives; ok is false when no row
// starts on that line. A row there that cannot be read is an error that
// says why, as the scan would.
func RowAt(path string, line int) (loc Location, id string, ok bool, err error) {
	f, err := os.Open(path)
	if err != nil {
		return loc, "", false, err
	}
	defer f.Close()
	r := newCSVReader(f, 1<<20, scanKeep)
	var row csvRow
	for {
		err := r.next(&row)
		var bad *rowError
		switch {
		case errors.As(err, &bad):
			if bad.line == line {
				return loc, "", false, fmt.Errorf("%s: %v", path, bad)
			}
			if bad.line > line {
				return loc, "", false, nil
			}
			continue
		case errors.Is(err, io.EOF):
			return loc, "", false, nil
		case err != nil:
			return loc, "", false, fmt.Errorf("%s: %w", path, err)
		}
		if row.line > line {
			return loc, "", false, nil
		}
		if row.line == line {
			// The row read as the scan reads it: the same checks, the
			// same id.
			e, reason := rowEntry(&row, path, newInterner())
			if reason != "" {
				return loc, "", false, fmt.Errorf("%s: line %d: %s", path, line, reason)
			}
			return e.Location(), e.ArchiveID(), true, nil
		}
	}
}
