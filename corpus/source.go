package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"os"

	"cablereader/catalog"
	"cablereader/input"
)

// ReadLocation reads the text at loc as Archive.Load does, opening the file
// itself: no Archive need be open.
func ReadLocation(loc catalog.Location) ([]byte, error) {
	switch loc.Kind {
	case "":
		return nil, errors.New("corpus: no such kind of source")
	case catalog.KindCSVRow:
		if loc.Length < 0 || loc.Offset < 0 {
			return nil, fmt.Errorf("%s: bad row location", loc.Path)
		}
		f, err := os.Open(loc.Path)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		raw := make([]byte, loc.Length)
		if _, err := f.ReadAt(raw, loc.Offset); err != nil {
			return nil, fmt.Errorf("%s: %w", loc.Path, err)
		}
		return rowText(raw, loc.Path, loc.Offset)
	}
	// A file of one of the formats of package input.
	f, err := input.Open(loc.Path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	text, _, err := f.Decode(input.Limits{})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", loc.Path, err)
	}
	return text, nil
}

// rowText unescapes one raw CSV row and joins its header and body.
func rowText(raw []byte, path string, off int64) ([]byte, error) {
	r := newCSVReader(bytes.NewReader(raw), 4096, loadKeep)
	var row csvRow
	if err := r.next(&row); err != nil {
		return nil, fmt.Errorf("%s at byte %d: %v (has the file changed?)", path, off, err)
	}
	header, body := row.field[colHeader], row.field[colBody]
	if len(header) == 0 {
		return body, nil
	}
	text := make([]byte, 0, len(header)+1+len(body))
	text = append(append(append(text, header...), '\n'), body...)
	return text, nil
}
