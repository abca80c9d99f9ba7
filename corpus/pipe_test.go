//go:build unix

package corpus

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"cablereader/catalog"
)

// pipePath gives data as a shell's <(…) does: the path /dev/fd/N of a
// pipe, whose bytes can be read only once.
func pipePath(t *testing.T, data []byte) string {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	go func() { w.Write(data); w.Close() }()
	t.Cleanup(func() { r.Close() })
	return fmt.Sprintf("/dev/fd/%d", r.Fd())
}

// A cables.csv and a cable given through pipes are scanned and loaded as
// from regular files: the CSV through its spool (with a broken row that
// sends the reader back), the cable from the bytes kept (as a version of
// its row).
func TestPipes(t *testing.T) {
	var data []byte
	for i, rc := range loadRealCables(t) {
		data = appendRow(data, rowFor(i+1, rc))
		if i == 40 { // a row that loses its closing quote, found a line later
			data = append(data, "\"999\",\"1/1/2000 0:00\",\"00BROKEN1\",\"x\",\"UNCLASSIFIED\",\"\n"...)
		}
	}
	dir := t.TempDir()
	csvFile, cableFile := filepath.Join(dir, "cables.csv"), filepath.Join(dir, "cable.txt")
	writeFile(t, csvFile, data)
	sample, err := os.ReadFile("../testdata/09TOKYO2531.txt")
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, cableFile, sample)
	want := scan(t, csvFile, cableFile)
	got := scan(t, pipePath(t, data), pipePath(t, sample))
	a, b := want.Entries(), got.Entries()
	// The cable is also a row of the CSV: it is listed once, and both
	// copies are its versions.
	if len(a) != len(loadRealCables(t)) || len(a) != len(b) {
		t.Fatalf("%d entries from the pipes, %d from the files", len(b), len(a))
	}
	wv, gv := want.Versions("09TOKYO2531"), got.Versions("09TOKYO2531")
	if len(wv) != 2 || len(gv) != 2 {
		t.Fatalf("%d versions from the pipes, %d from the files", len(gv), len(wv))
	}
	for _, w := range wv {
		i := slices.IndexFunc(gv, func(g catalog.Record) bool { return g.Kind() == w.Kind() })
		if i < 0 {
			t.Fatalf("no %s version from the pipes: %+v", w.Kind(), gv)
		}
		tw, err := want.Load(w)
		if err != nil {
			t.Fatal(err)
		}
		tg, err := got.Load(gv[i])
		if err != nil {
			t.Fatalf("the %s version from a pipe: %v", w.Kind(), err)
		}
		if len(tw) == 0 || string(tw) != string(tg) {
			t.Errorf("the %s version loads differently from a pipe", w.Kind())
		}
	}
	if we, ge := want.Errors(), got.Errors(); len(we) != 1 || len(ge) != 1 || we[0].Line != ge[0].Line || we[0].Reason != ge[0].Reason {
		t.Errorf("row errors %v from the pipes, %v from the files", ge, we)
	}
	for i := range a {
		if a[i].ID == "09TOKYO2531" && b[i].ID == a[i].ID {
			// Which copy is listed follows the paths (/dev/fd/N through
			// pipes): both were compared above, as versions.
			continue
		}
		if a[i].ID != b[i].ID || a[i].Subject != b[i].Subject || !slices.Equal(a[i].Tags, b[i].Tags) || a[i].Kind() != b[i].Kind() {
			t.Fatalf("entry %d: %+v from the pipes, %+v from the files", i, b[i], a[i])
		}
		ta, err := want.Load(a[i])
		if err != nil {
			t.Fatal(err)
		}
		tb, err := got.Load(b[i])
		if err != nil {
			t.Fatalf("%s from a pipe: %v", b[i].ID, err)
		}
		if string(ta) != string(tb) {
			t.Errorf("%s loads differently from a pipe", a[i].ID)
		}
	}
}
