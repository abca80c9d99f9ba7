package corpus

import (
	"errors"
	"fmt"
	"io"
	"os"

	"cablereader/catalog"
)

// A row of a cables.csv is named to the user as file.csv:LINE, the line
// the row starts on (--list and search print it so, and the reader opens
// it): RowAt finds the row again from its line.

// RowAt finds the row of the CSV at path that starts on line and returns
// where it lies and the reference id it gives; ok is false when no row
// starts on that line. A row there that cannot be read is an error that
// says why, as the scan would.
func RowAt(path string, line int) (loc catalog.Location, id string, ok bool, err error) {
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
			return e.Loc, ArchiveID(e), true, nil
		}
	}
}
