package corpus

import (
	"path/filepath"
	"testing"
)

// RowAt finds a row by the line it starts on exactly as the scan counts
// it: over real cables whose bodies span
// many lines, with a blank line and a CRLF row end between rows.
func TestRowAt(t *testing.T) {
	var data []byte
	for i, rc := range loadRealCables(t)[:12] {
		data = appendRow(data, rowFor(i+1, rc))
		switch i {
		case 3:
			data = append(data, '\n')
		case 6:
			data = append(data[:len(data)-1], "\r\n"...)
		}
	}
	path := filepath.Join(t.TempDir(), "cables.csv")
	writeFile(t, path, data)
	ix, err := Open([]string{path})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if err := ix.Scan(t.Context(), nil); err != nil {
		t.Fatal(err)
	}
	entries := ix.Entries()
	if len(entries) != 12 {
		t.Fatalf("%d entries, want 12", len(entries))
	}
	last := 0
	for i := len(entries) - 1; i >= 0; i-- {
		e := entries[i]
		last = max(last, int(e.Loc.Line))
		loc, id, ok, err := RowAt(path, int(e.Loc.Line))
		if err != nil || !ok || loc != e.Loc || id != ArchiveID(e) {
			t.Errorf("%s: RowAt(%d) = %+v %q %v %v, want %+v", e.ID, e.Loc.Line, loc, id, ok, err, e.Loc)
		}
		// A line inside the row starts none.
		if _, _, ok, err := RowAt(path, int(e.Loc.Line)+1); ok || err != nil {
			t.Errorf("%s: a row at line %d: %v %v", e.ID, int(e.Loc.Line)+1, ok, err)
		}
	}
	if last < 100 {
		t.Errorf("the last row starts on line %d: the rows do not span lines", last)
	}
	// Past the end of the file, or of a file that changed since.
	if _, _, ok, err := RowAt(path, 1<<20); ok || err != nil {
		t.Errorf("a line past the end: %v %v", ok, err)
	}
}
