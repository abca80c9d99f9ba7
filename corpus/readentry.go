package corpus

import (
	"errors"

	"cablereader/input"
)

// ReadEntry reads one cable file that is in no archive open, as the walk
// of a folder reads one: the archive view opens with it a mark made in a
// cable read on its own. An error says why the file is not a cable.
func ReadEntry(path string, lim input.Limits) (Entry, error) {
	e, _, skip, keep := safeReadCable(fileJob{path: path}, lim)
	switch {
	case skip != "":
		return Entry{}, errors.New(skip)
	case keep != nil:
		return Entry{}, errors.New("not a regular file")
	}
	return e, nil
}
