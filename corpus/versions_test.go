package corpus

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"cablereader/catalog"
)

// A text file and a saved page of the same cable (the 2010 and the 2011
// release) are listed once, from the text; the page is kept as a version.
func TestVersions(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"../testdata/versions/2010/10TRIPOLI95.txt", "../testdata/versions/2011/10TRIPOLI95.html", "../testdata/versions/2010/08PARIS1698.txt"} {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(f)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ix, err := Open([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if err := ix.Scan(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	if n := len(ix.Entries()); n != 2 {
		t.Fatalf("%d entries, want 2", n)
	}
	vs := ix.Versions("10tripoli95")
	if len(vs) != 2 || vs[0].Kind() != catalog.KindText || vs[1].Kind() != catalog.KindHTML || filepath.Base(vs[1].Path()) != "10TRIPOLI95.html" {
		t.Errorf("versions %+v", vs)
	}
	if n := ix.VersionCounts(); len(n) != 1 || n["10TRIPOLI95"] != 2 {
		t.Errorf("counts %v", n)
	}
	if vs := ix.Versions("08PARIS1698"); len(vs) != 1 {
		t.Errorf("08PARIS1698: %d versions", len(vs))
	}
}

// Two text files of one cable that differ (here a redaction added) are
// listed once, from the first by path (their dates are the same), and
// Versions returns both; so are two rows of a CSV with one id.
func TestVersionsTwoTexts(t *testing.T) {
	text, err := os.ReadFile("../testdata/versions/2010/10TRIPOLI95.txt")
	if err != nil {
		t.Fatal(err)
	}
	redacted := bytes.Replace(text, []byte("Our contact"), []byte("XXXXXXXXXXXX"), 1)
	if bytes.Equal(text, redacted) {
		t.Fatal("nothing to redact")
	}
	dir := t.TempDir()
	for _, sub := range []string{"a", "b"} {
		if err := os.Mkdir(filepath.Join(dir, sub), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	writeFile(t, filepath.Join(dir, "b", "10TRIPOLI95.txt"), redacted)
	writeFile(t, filepath.Join(dir, "a", "10TRIPOLI95.txt"), text)
	ix := scan(t, dir)
	list := ix.Entries()
	if len(list) != 1 || list[0].ID != "10TRIPOLI95" || list[0].Path() != filepath.Join(dir, "a", "10TRIPOLI95.txt") {
		t.Fatalf("list %+v, want 10TRIPOLI95 once, from a/", list)
	}
	vs := ix.Versions("10TRIPOLI95")
	if len(vs) != 2 || vs[0].Path() != list[0].Path() || vs[1].Path() != filepath.Join(dir, "b", "10TRIPOLI95.txt") {
		t.Fatalf("versions %+v", vs)
	}
	if got, err := ix.Load(vs[1]); err != nil || !bytes.Equal(got, redacted) {
		t.Errorf("the second version loads %d bytes, %v", len(got), err)
	}
	if n := ix.VersionCounts(); len(n) != 1 || n["10TRIPOLI95"] != 2 {
		t.Errorf("counts %v", n)
	}
	if cs := ix.Copies(); len(cs) != 2 || cs[0].Path() != vs[0].Path() || cs[1].Path() != vs[1].Path() {
		t.Errorf("copies %+v", cs)
	}
	if e, ok := ix.Lookup("10tripoli95"); !ok || e.Path() != list[0].Path() {
		t.Errorf("lookup %+v %v", e, ok)
	}

	var data []byte
	rc := loadRealCables(t)[0]
	data = appendRow(appendRow(data, rowFor(1, rc)), rowFor(2, rc))
	csvFile := filepath.Join(t.TempDir(), "cables.csv")
	writeFile(t, csvFile, data)
	ix = scan(t, csvFile)
	if list := ix.Entries(); len(list) != 1 || list[0].Line() != 1 {
		t.Fatalf("CSV list %+v, want the first row once", list)
	}
	if vs := ix.Versions(rc.id); len(vs) != 2 || vs[1].Line() <= vs[0].Line() {
		t.Errorf("CSV versions %+v", vs)
	}
}

// A copy that comes in a later batch than one already listed, and sorts
// before it, takes its place in the list: the listed copy does not depend
// on the order in which files are read.
func TestVersionsAcrossBatches(t *testing.T) {
	ix := &Archive{byID: map[string]entryKey{}}
	b := newBatcher(ix, nil)
	at := time.Date(2010, 2, 2, 0, 0, 0, 0, time.UTC)
	one := func(path string) catalog.Record {
		return catalog.Record{ID: "10TRIPOLI95", Date: at, Loc: catalog.Location{Kind: catalog.KindText, Path: path}}
	}
	b.pending = []catalog.Record{one("c.txt"), {ID: "10OTHER1", Date: at}}
	b.flush(time.Now())
	b.pending = []catalog.Record{one("b.txt"), one("a.txt")}
	b.flush(time.Now())
	var listed []string
	for _, e := range ix.Entries() {
		listed = append(listed, e.ID+" "+e.Path())
	}
	if want := []string{"10OTHER1 ", "10TRIPOLI95 a.txt"}; !slices.Equal(listed, want) {
		t.Errorf("list %q, want %q", listed, want)
	}
	var paths []string
	for _, e := range ix.Versions("10tripoli95") {
		paths = append(paths, e.Path())
	}
	if want := []string{"a.txt", "b.txt", "c.txt"}; !slices.Equal(paths, want) {
		t.Errorf("versions %q, want %q", paths, want)
	}
	if e, ok := ix.Lookup("10TRIPOLI95"); !ok || e.Path() != "a.txt" {
		t.Errorf("lookup %+v %v", e, ok)
	}
}
