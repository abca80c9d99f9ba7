package corpus

import (
	"context"
	"os"
	"path/filepath"
	"testing"
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
	if len(vs) != 2 || vs[0].Kind() != KindText || vs[1].Kind() != KindHTML || filepath.Base(vs[1].Path()) != "10TRIPOLI95.html" {
		t.Errorf("versions %+v", vs)
	}
	if n := ix.VersionCounts(); len(n) != 1 || n["10TRIPOLI95"] != 2 {
		t.Errorf("counts %v", n)
	}
	if vs := ix.Versions("08PARIS1698"); len(vs) != 1 {
		t.Errorf("08PARIS1698: %d versions", len(vs))
	}
}
