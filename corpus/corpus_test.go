package corpus

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"cablereader/catalog"
	"cablereader/model"
	"cablereader/parser"
)

// buildFolder copies the real cables into a fresh folder: the .txt files
// at the top, the WikiLeaks pages under html/, and the clutter an archive
// carries.
func buildFolder(t *testing.T) (dir string, nText, nHTML int) {
	t.Helper()
	dir = t.TempDir()
	copyAll := func(pattern, to string) int {
		paths, _ := filepath.Glob(filepath.Join(cablesDir, pattern))
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			writeFile(t, filepath.Join(dir, to, filepath.Base(p)), data)
		}
		return len(paths)
	}
	nText = copyAll("*.txt", "")
	nHTML = copyAll("html/*.html", "html")
	copyAll("README.md", "")
	copyAll("manifest.tsv", "")
	writeFile(t, filepath.Join(dir, "junk.txt"), []byte("\x7fELF\x02\x01\x01\x00\x00\x00binary"))
	writeFile(t, filepath.Join(dir, "notes", "todo.txt"), []byte("Remember to read the Tehran cables first.\nThen the Paris ones.\n"))
	writeFile(t, filepath.Join(dir, "html", "index.html"), []byte("<!DOCTYPE html><html><body><p>Cablegate mirror</p></body></html>"))
	writeFile(t, filepath.Join(dir, "logo.png"), []byte("\x89PNG\r\n\x1a\n\x00\x00"))
	writeFile(t, filepath.Join(dir, ".cache", "09TOKYO2531.txt"), []byte("hidden: never read"))
	return dir, nText, nHTML
}

func TestFolder(t *testing.T) {
	dir, nText, nHTML := buildFolder(t)
	var last catalog.Progress
	ix, err := Open([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if err := ix.Scan(context.Background(), func(p catalog.Progress) { last = p }); err != nil {
		t.Fatal(err)
	}
	entries := ix.Entries()
	// Every page's cable is there as text too: each is listed once.
	if len(entries) != nText || nText != 115 || nHTML != 88 {
		t.Fatalf("%d entries from %d text files and %d pages", len(entries), nText, nHTML)
	}
	for _, e := range entries {
		if e.Kind() != catalog.KindText {
			t.Fatalf("%s listed from its page %s", e.ID, e.Path())
		}
	}
	wantSkipped := []catalog.SkippedFile{
		{Path: filepath.Join(dir, "html", "index.html"), Reason: "web page with no cable in it"},
		{Path: filepath.Join(dir, "junk.txt"), Reason: "binary file"},
		{Path: filepath.Join(dir, "notes", "todo.txt"), Reason: "no cable in the text (no id, header, subject or tags)"},
	}
	skipped := ix.Skipped()
	slices.SortFunc(skipped, func(a, b catalog.SkippedFile) int { return strings.Compare(a.Path, b.Path) })
	if !slices.Equal(skipped, wantSkipped) {
		t.Errorf("skipped\n got %v\nwant %v", skipped, wantSkipped)
	}
	if !last.Done || last.Records != len(entries) || last.Skipped != 3 || last.Bytes != last.Total || last.Total == 0 {
		t.Errorf("last progress %+v", last)
	}
	if !slices.IsSortedFunc(entries, compareEntries) {
		t.Error("entries are not sorted")
	}
	// Undated cables come first; the oldest dated one is from 1966.
	i := slices.IndexFunc(entries, func(e catalog.Record) bool { return !e.Date.IsZero() })
	if first := entries[i]; first.ID != "66BUENOSAIRES2481" || !first.Date.Equal(time.Date(1966, 12, 28, 18, 48, 0, 0, time.UTC)) {
		t.Errorf("first dated entry %s %v", first.ID, first.Date)
	}
	if lastE := entries[len(entries)-1]; lastE.ID != "10LUANDA84" {
		t.Errorf("last entry %s %v", lastE.ID, lastE.Date)
	}

	tokyo, ok := ix.Lookup("09tokyo2531")
	if !ok {
		t.Fatal("09TOKYO2531 not found")
	}
	if tokyo.Subject != "THAILAND AND JAPAN TO INK SOP ON TIP" || !tokyo.Date.Equal(time.Date(2009, 11, 2, 7, 23, 0, 0, time.UTC)) ||
		tokyo.Class() != "CONFIDENTIAL" || tokyo.Origin != "AMEMBASSY TOKYO" || tokyo.Kind() != catalog.KindText ||
		!slices.Equal(tokyo.Tags, []string{"KTIP", "PGOV", "PHUM", "ELAB", "JA", "TH"}) {
		t.Errorf("09TOKYO2531: %+v", tokyo)
	}
	tehran, _ := ix.Lookup("72TEHRAN1164")
	if tehran.Path() != filepath.Join(dir, "72TEHRAN1164.txt") ||
		!slices.Equal(tehran.RefIDs(), []string{"72TEHRAN1091", "72TEHRAN263", "72MOSCOW1603"}) {
		t.Errorf("72TEHRAN1164: %s %v", tehran.Path(), tehran.References)
	}
	// Without a date-time group the text gives no year; the file name does.
	if br, ok := ix.Lookup("02BRASILIA4227"); !ok || !br.Date.IsZero() || br.Class() != "CONFIDENTIAL" {
		t.Errorf("02BRASILIA4227: %v %+v", ok, br)
	}
	// Neighbours pass over the second copy of a cable, and undated cables.
	e, _ := ix.Lookup("72TEHRAN1381")
	if prev, next, okP, okN := ix.Neighbours(e); !okP || !okN || prev.ID != "72TEHRAN1164" || next.ID != "72TEHRAN4789" {
		t.Errorf("neighbours of 72TEHRAN1381: %s %v, %s %v", prev.ID, okP, next.ID, okN)
	}
	if prev, _, okP, _ := ix.Neighbours(tehran); okP {
		t.Errorf("72TEHRAN1164 has an earlier neighbour: %s %v", prev.ID, prev.Date)
	}
	if _, ok := ix.Lookup("09XANADU1"); ok {
		t.Error("found a cable that is not there")
	}

	// Load gives the file, which parses to what the list shows. A page
	// loads to the cable in it, which is the text file of the same cable
	// (testdata's .txt files were made from the pages that way).
	for _, e := range entries {
		text, err := ix.Load(e)
		if err != nil {
			t.Fatalf("%s: %v", e.Path(), err)
		}
		switch e.Kind() {
		case catalog.KindText:
			file, _ := os.ReadFile(e.Path())
			if !bytes.Equal(text, file) {
				t.Errorf("%s: Load differs from the file", e.Path())
			}
			c := parser.Parse(text)
			if c.Header.Subject != e.Subject || !c.Date.Equal(e.Date) || c.Classification.WithControls(c.Caveats) != e.Class() {
				t.Errorf("%s: parses to %q %v %s, listed as %q %v %s", e.Path(), c.Header.Subject, c.Date,
					c.Classification.WithControls(c.Caveats), e.Subject, e.Date, e.Class())
			}
		case catalog.KindHTML:
			name := strings.TrimSuffix(filepath.Base(e.Path()), ".html") + ".txt"
			txt, _ := os.ReadFile(filepath.Join(dir, name))
			if !bytes.Equal(text, txt) {
				t.Errorf("%s loads to %d bytes, not those of %s (%d)", e.Path(), len(text), name, len(txt))
			}
		default:
			t.Errorf("%s: kind %v", e.Path(), e.Kind())
		}
	}
}

// TestOpenKinds gives files by name: a cable, a page, a CSV whatever its
// name, a folder; and a path that does not exist.
func TestOpenKinds(t *testing.T) {
	dir := t.TempDir()
	txt, _ := os.ReadFile(filepath.Join(cablesDir, "09TOKYO2531.txt"))
	page, _ := os.ReadFile(filepath.Join(cablesDir, "html", "86MADRID5480.html"))
	writeFile(t, filepath.Join(dir, "a cable"), txt)
	writeFile(t, filepath.Join(dir, "page.dat"), page)
	rc := loadRealCables(t)[0]
	writeFile(t, filepath.Join(dir, "export.txt"), appendRow(nil, rowFor(1, rc)))
	sub := filepath.Join(dir, "sub")
	writeFile(t, filepath.Join(sub, "cables.csv"), appendRow(nil, rowFor(7, loadRealCables(t)[1])))
	writeFile(t, filepath.Join(sub, "other.csv"), []byte("id,name\n1,x\n"))

	ix := scan(t, filepath.Join(dir, "a cable"), filepath.Join(dir, "page.dat"), filepath.Join(dir, "export.txt"), sub)
	var got []string
	for _, e := range ix.Entries() {
		got = append(got, e.ID+" "+e.Kind().String()+" "+filepath.Base(e.Path()))
	}
	want := []string{"86MADRID5480 html page.dat", "00HOCHIMINHCITY838 csv cables.csv", "00HARARE5461 csv export.txt", "09TOKYO2531 text a cable"}
	if !slices.Equal(got, want) {
		t.Errorf("entries\n got %q\nwant %q", got, want)
	}
	if _, err := Open([]string{filepath.Join(dir, "missing")}); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Open of a missing path: %v", err)
	}
	if _, err := Open(nil); err == nil {
		t.Error("Open of nothing succeeded")
	}
}

func TestScanCancelled(t *testing.T) {
	dir, _, _ := buildFolder(t)
	ix, err := Open([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := ix.Scan(ctx, nil); !errors.Is(err, context.Canceled) {
		t.Errorf("Scan: %v, want context.Canceled", err)
	}
	if err := ix.Scan(context.Background(), nil); err == nil {
		t.Error("a second Scan succeeded")
	}
}

func TestNeighbours(t *testing.T) {
	cables := loadRealCables(t)
	var data []byte
	for i, rc := range cables {
		data = appendRow(data, rowFor(i+1, rc))
	}
	// An undated Tehran cable is listed first, but is no neighbour of a
	// dated one.
	data = appendRow(data, csvCable{seq: 999, refid: "TEHRAN1", origin: "Embassy Tehran", class: "SECRET"})
	path := filepath.Join(t.TempDir(), "cables.csv")
	writeFile(t, path, data)
	ix := scan(t, path)
	if first := ix.Entries()[0]; first.ID != "TEHRAN1" || !first.Date.IsZero() {
		t.Errorf("first entry %s %v", first.ID, first.Date)
	}
	// Embassy Tehran, in date order: 72TEHRAN1164, 72TEHRAN1381,
	// 72TEHRAN4789, 72TEHRAN5055, 73TEHRAN7005, 73TEHRAN8233, 79TEHRAN8980.
	for _, c := range []struct{ id, prev, next string }{
		{"72TEHRAN1164", "", "72TEHRAN1381"},
		{"72TEHRAN4789", "72TEHRAN1381", "72TEHRAN5055"},
		{"79TEHRAN8980", "73TEHRAN8233", ""},
		// Other origins between Paris cables are passed over.
		{"08PARIS957", "07PARIS4357", "08PARIS1698"},
	} {
		e, _ := ix.Lookup(c.id)
		prev, next, okPrev, okNext := ix.Neighbours(e)
		if prev.ID != c.prev || next.ID != c.next || okPrev != (c.prev != "") || okNext != (c.next != "") {
			t.Errorf("%s: neighbours %q %v, %q %v; want %q, %q", c.id, prev.ID, okPrev, next.ID, okNext, c.prev, c.next)
		}
	}
}

// Pages whose cable is not there as text are listed, from the page.
func TestFolderOfPages(t *testing.T) {
	dir := t.TempDir()
	pages, _ := filepath.Glob(filepath.Join(cablesDir, "html", "*.html"))
	for _, p := range pages {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(dir, filepath.Base(p)), data)
	}
	// and one cable as text, whose page is then left out
	data, err := os.ReadFile(filepath.Join(cablesDir, "72TEHRAN1164.txt"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "text", "72TEHRAN1164.txt"), data)
	ix, err := Open([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if err := ix.Scan(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	html := 0
	for _, e := range ix.Entries() {
		if e.Kind() == catalog.KindHTML {
			html++
		}
	}
	if n := len(ix.Entries()); n != len(pages) || html != len(pages)-1 {
		t.Errorf("%d entries, %d from pages, for %d pages and one text", n, html, len(pages))
	}
	if e, _ := ix.Lookup("72TEHRAN1164"); e.Kind() != catalog.KindText {
		t.Errorf("72TEHRAN1164 comes from %s", e.Path())
	}
}

// A folder of pages only: the scan ends every time (the walker once waited
// on a channel the reading loop had already dropped).
func TestPagesOnlyScanEnds(t *testing.T) {
	dir := t.TempDir()
	pages, _ := filepath.Glob(filepath.Join(cablesDir, "html", "*.html"))
	data, err := os.ReadFile(pages[0])
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, filepath.Base(pages[0])), data)
	for i := range 300 {
		ix, err := Open([]string{dir})
		if err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- ix.Scan(context.Background(), nil) }()
		select {
		case err := <-done:
			if err != nil || len(ix.Entries()) != 1 {
				t.Fatalf("scan %d: %v, %d entries", i, err, len(ix.Entries()))
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("scan %d did not end", i)
		}
		ix.Close()
	}
}

// A folder holding pages that are not UTF-8: the one that made the scan
// panic is skipped, and a real page with Latin-1 bytes and Kelvin signs
// before its <pre> blocks is listed and loads as its text.
func TestFolderPagesNotUTF8(t *testing.T) {
	dir := t.TempDir()
	page, err := os.ReadFile(filepath.Join(cablesDir, "html", "09KYIV1942.html"))
	if err != nil {
		t.Fatal(err)
	}
	title := "<title>Caf\xe9 " + strings.Repeat("\xe9", 2000) + strings.Repeat("\u212a", 300) + "</title>"
	writeFile(t, filepath.Join(dir, "09KYIV1942.html"), bytes.Replace(page, []byte("<title>Cable Viewer</title>"), []byte(title), 1))
	writeFile(t, filepath.Join(dir, "crash.html"), []byte("<pre>"+strings.Repeat("\xe9", 3000)+"</pre><pre>x</pre>"))
	ix := scan(t, dir)
	list := ix.Entries()
	if len(list) != 1 || list[0].ID != "09KYIV1942" || list[0].Subject != "U.S.-UKRAINE NONPROLIFERATION MEETINGS SEPTEMBER 23-24, 2009" {
		t.Fatalf("entries %+v", list)
	}
	got, err := ix.Load(list[0])
	if err != nil {
		t.Fatal(err)
	}
	want, _ := os.ReadFile(filepath.Join(cablesDir, "09KYIV1942.txt"))
	if !bytes.Equal(bytes.TrimSpace(got), bytes.TrimSpace(want)) {
		t.Errorf("the page loads as %.200q", got)
	}
	if sk := ix.Skipped(); len(sk) != 1 || filepath.Base(sk[0].Path) != "crash.html" {
		t.Errorf("skipped %+v", sk)
	}
}

// A panic on a goroutine the scan starts would end the program with the
// terminal left raw: a file that makes the parser panic is skipped with
// the reason, a panic on Scan's own goroutine (here in the progress
// callback) is returned as an error.
func TestScanRecovers(t *testing.T) {
	dir := t.TempDir()
	sample, err := os.ReadFile("../testdata/09TOKYO2531.txt")
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "09TOKYO2531.txt"), sample)
	writeFile(t, filepath.Join(dir, "boom.txt"), []byte("UNCLAS STATE 000001\nSUBJECT: BOOM\n"))
	defer func(p func([]byte, string) *model.Cable) { parse = p }(parse)
	parse = func(b []byte, id string) *model.Cable {
		if bytes.Contains(b, []byte("BOOM")) {
			panic("boom")
		}
		return parser.ParseAs(b, id)
	}
	ix := scan(t, dir)
	if list := ix.Entries(); len(list) != 1 || list[0].ID != "09TOKYO2531" {
		t.Errorf("entries %+v", list)
	}
	want := []catalog.SkippedFile{{Path: filepath.Join(dir, "boom.txt"), Reason: "could not be read (internal error: boom)"}}
	if got := ix.Skipped(); !slices.Equal(got, want) {
		t.Errorf("skipped %v, want %v", got, want)
	}

	ix, err = Open([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	err = ix.Scan(context.Background(), func(catalog.Progress) { panic("in the callback") })
	if err == nil || err.Error() != "corpus: the scan failed: in the callback" {
		t.Errorf("Scan: %v", err)
	}
}

// Member is the one rule by which a folder's files are read, by the scan
// and by the search index.
func TestMember(t *testing.T) {
	for name, want := range map[string]bool{
		"09TOKYO2531.txt": true, "page.HTML": true, "page.htm": true, "cables.csv": true,
		"README.md": false, "readme.txt": false, "manifest.tsv": false, "Manifest.txt": false,
		"notes.pdf": false, "cable": false,
	} {
		if got := Member(name); got != want {
			t.Errorf("Member(%q) = %v", name, got)
		}
	}
}
