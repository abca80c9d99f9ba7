package corpus

import (
	"errors"
	"fmt"

	"cablereader/catalog"
	"cablereader/input"
	"cablereader/model"
)

// ReadFile reads one cable file that is in no archive open, parsing it
// once for both its record (as the walk of a folder would list it) and
// the cable: the archive view opens with it a mark made in a cable read
// on its own. An error says why the file is not a cable.
func ReadFile(path string, lim input.Limits) (rec catalog.Record, c *model.Cable, err error) {
	defer func() {
		if r := recover(); r != nil {
			rec, c, err = catalog.Record{}, nil, fmt.Errorf("could not be read (internal error: %v)", r)
		}
	}()
	f, err := input.Open(path)
	if err != nil {
		return rec, nil, err
	}
	data, err := f.Bytes(lim)
	regular := f.Regular()
	f.Close()
	switch {
	case err != nil:
		return rec, nil, errors.New(skipReason(err))
	case !regular:
		return rec, nil, errors.New("not a regular file")
	}
	text, format, err := input.Decode(data, lim)
	if err != nil {
		return rec, nil, errors.New(skipReason(err))
	}
	c = parse(text, NameID(path))
	if noCable(c) {
		return rec, nil, errors.New(noCableReason)
	}
	return cableEntry(c, text, path, catalog.Kind(format)), c, nil
}
