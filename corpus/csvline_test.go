package corpus

import (
	"path/filepath"
	"strings"
	"testing"
)

// RowLines and RowAt go between a row's offset and the line it starts on
// exactly as the scan counts them: over real cables whose bodies span
// many lines, with a blank line and a CRLF row end between rows.
func TestRowLinesAndRowAt(t *testing.T) {
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
	// The offsets out of order, as a search ranks its hits.
	var offsets []int64
	for i := len(entries) - 1; i >= 0; i-- {
		offsets = append(offsets, entries[i].Location().Offset)
	}
	lines, err := RowLines(path, offsets)
	if err != nil {
		t.Fatal(err)
	}
	last := 0
	for k, i := 0, len(entries)-1; i >= 0; k, i = k+1, i-1 {
		e := entries[i]
		last = max(last, e.Line())
		if lines[k] != e.Line() {
			t.Errorf("%s: RowLines says line %d, the scan %d", e.ID, lines[k], e.Line())
		}
		loc, id, ok, err := RowAt(path, e.Line())
		if err != nil || !ok || loc != e.Location() || id != e.ArchiveID() {
			t.Errorf("%s: RowAt(%d) = %+v %q %v %v, want %+v", e.ID, e.Line(), loc, id, ok, err, e.Location())
		}
		// A line inside the row starts none.
		if _, _, ok, err := RowAt(path, e.Line()+1); ok || err != nil {
			t.Errorf("%s: a row at line %d: %v %v", e.ID, e.Line()+1, ok, err)
		}
	}
	if last < 100 {
		t.Errorf("the last row starts on line %d: the rows do not span lines", last)
	}
	// Past the end of the file, or of a file that changed since.
	if _, err := RowLines(path, []int64{int64(len(data)) + 10}); err == nil || !strings.Contains(err.Error(), "has the file changed?") {
		t.Errorf("an offset past the end: %v", err)
	}
	if _, _, ok, err := RowAt(path, 1<<20); ok || err != nil {
		t.Errorf("a line past the end: %v %v", ok, err)
	}
}
