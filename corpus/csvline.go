package corpus

import (
	"errors"
	"fmt"
	"io"
	"os"

	"cablereader/catalog"
	"cablereader/model"
)

// A row of a cables.csv is named to the user as file.csv:LINE, the line
// the row starts on (--list and search print it so, and the reader opens
// it): RowAt finds the row again from its line.

// RowAt finds the row of the CSV at path that starts on line and returns
// where it lies and the reference id it gives; ok is false when no row
// starts on that line. A row there that cannot be read is an error that
// says why, as the scan would.
func RowAt(path string, line int) (loc catalog.Location, id string, ok bool, err error) {
	e, ok, err := RecordAt(path, line)
	if !ok || err != nil {
		return loc, "", ok, err
	}
	return e.Loc, ArchiveID(e), true, nil
}

// RecordAt is the record of the row of the CSV at path that starts on
// line, as the scan lists it (its columns: date, origin, class); ok is
// false when no row starts on that line.
func RecordAt(path string, line int) (e catalog.Record, ok bool, err error) {
	f, err := os.Open(path)
	if err != nil {
		return e, false, err
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
				return e, false, fmt.Errorf("%s: %v", path, bad)
			}
			if bad.line > line {
				return e, false, nil
			}
			continue
		case errors.Is(err, io.EOF):
			return e, false, nil
		case err != nil:
			return e, false, fmt.Errorf("%s: %w", path, err)
		}
		if row.line > line {
			return e, false, nil
		}
		if row.line == line {
			// The row read as the scan reads it: the same checks, the
			// same id.
			e, reason := rowEntry(&row, path, newInterner())
			if reason != "" {
				return catalog.Record{}, false, fmt.Errorf("%s: line %d: %s", path, line, reason)
			}
			return e, true, nil
		}
	}
}

// Fill gives a cable parsed from a row of a CSV what the row's columns
// say and its text does not: the date, the origin and the classification,
// so that the cable read alone shows what the list shows of it.
func Fill(c *model.Cable, e catalog.Record) {
	if e.Loc.Kind != catalog.KindCSVRow {
		return
	}
	if c.Date.IsZero() {
		c.Date = e.Date
	}
	if c.Origin == "" {
		c.Origin = e.Origin
	}
	if c.Classification.Level == model.LevelUnknown && c.Classification.Text == "" {
		c.Classification = e.Classification
	}
}
