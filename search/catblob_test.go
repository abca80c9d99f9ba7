package search

import (
	"context"
	"encoding/binary"
	"hash/crc32"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"cablereader/catalog"
	"cablereader/model"
)

// keptRecords are records in the form the index keeps them
// (storedRecord), between them setting every field of catalog.Record.
var keptRecords = []struct {
	name string
	rec  catalog.Record
}{
	{"a text cable", catalog.Record{
		ID: "09TOKYO2531", Date: time.Date(2009, 11, 5, 7, 12, 0, 0, time.UTC),
		Classification: catalog.ClassOf("CONFIDENTIAL"), Caveats: []string{"SIPDIS"},
		Origin: "AMEMBASSY TOKYO", Subject: "JAPAN'S NEW GOVERNMENT AND THE BASES",
		Tags:       []string{"PREL", "PGOV", "JA"},
		References: []model.Reference{{ID: "09TOKYO2400", Label: "A"}, {ID: "09STATE1234", Label: "B"}},
		Loc:        catalog.Location{Kind: catalog.KindText, Path: "/a/cable/09TOKYO2531.txt"},
	}},
	{"a CSV row", catalog.Record{
		ID: "05CAIRO5924", Date: time.Date(2005, 8, 1, 0, 0, 0, 0, time.UTC),
		// A control among the caveats (EXDIS) is part of the marking the
		// index keeps (Record.Class), so it comes back as a qualifier.
		Classification: catalog.ClassOf("SECRET//NOFORN//EXDIS"), Caveats: []string{"SIPDIS"},
		Origin: "Embassy Cairo", Subject: "EGYPT: ELECTIONS",
		Tags:       []string{"PGOV", "EG"},
		References: []model.Reference{{ID: "05STATE1"}},
		Loc:        catalog.Location{Kind: catalog.KindCSVRow, Path: "/a/cables.csv", Offset: 1 << 33, Length: 12345, Line: 6789},
	}},
	{"TAGS with spaces, an unknown marking", catalog.Record{
		ID: "00HARARE5461", Classification: catalog.ClassOf("SECRET NOFORN EYES"),
		Origin: "AMEMBASSY HARARE", Subject: "",
		Tags: []string{"PGOV", "ZANU PF", "MORGAN TSVANGIRAI"},
		Loc:  catalog.Location{Kind: catalog.KindHTML, Path: "/a/cable/2000/09/00HARARE5461.html"},
	}},
	{"undated, no id, a plusd page", catalog.Record{
		Classification: catalog.ClassOf("UNCLASSIFIED//FOR OFFICIAL USE ONLY"),
		Subject:        "ÜBER ALLES — ПРИВЕТ", Loc: catalog.Location{Kind: "plusd", Path: "/a/x.html"},
	}},
	{"before 1970", catalog.Record{
		ID: "66STATE1", Date: time.Date(1966, 1, 1, 23, 59, 59, 0, time.UTC),
		Classification: catalog.ClassOf("UNCLASSIFIED"),
		Loc:            catalog.Location{Kind: catalog.KindText, Path: "/a/66STATE1.txt"},
	}},
}

// encodeKept is the blob of recs, each from a file of its own.
func encodeKept(recs []catalog.Record) []byte {
	c := newCatEncoder()
	for i, r := range recs {
		c.file(catFile{id: int64(i + 1), path: r.Loc.Path, st: catalog.Stamp{Size: int64(100 + i), MTime: int64(i) << 40}})
		c.cables(int64(i+1), 1)
		c.add(&r, int64(i+1))
	}
	blob, err := c.bytes()
	if err != nil {
		panic(err)
	}
	return blob
}

func TestCatalogKeptRoundTrip(t *testing.T) {
	// Between them, the records set every field of a Record and its
	// Location: one added to Record must be kept too.
	set := map[string]bool{}
	for _, tc := range keptRecords {
		for _, v := range []reflect.Value{reflect.ValueOf(tc.rec), reflect.ValueOf(tc.rec.Loc)} {
			for i := range v.NumField() {
				if !v.Field(i).IsZero() {
					set[v.Type().Field(i).Name] = true
				}
			}
		}
	}
	for _, v := range []reflect.Type{reflect.TypeFor[catalog.Record](), reflect.TypeFor[catalog.Location]()} {
		for i := range v.NumField() {
			if !set[v.Field(i).Name] {
				t.Errorf("no record sets %s", v.Field(i).Name)
			}
		}
	}
	for _, tc := range keptRecords {
		t.Run(tc.name, func(t *testing.T) {
			s := storedRecord(tc.rec)
			s.Loc.Path = tc.rec.Loc.Path
			if !reflect.DeepEqual(s, tc.rec) {
				t.Fatalf("not in the form kept:\n%#v\n%#v", s, tc.rec)
			}
			img, err := decodeCatalog(encodeKept([]catalog.Record{tc.rec}))
			if err != nil {
				t.Fatal(err)
			}
			if len(img.recs) != 1 || !reflect.DeepEqual(img.recs[0], tc.rec) {
				t.Errorf("read back\n%#v\nwant\n%#v", img.recs, tc.rec)
			}
			want := catFile{id: 1, path: tc.rec.Loc.Path, st: catalog.Stamp{Size: 100}, cables: 1}
			if len(img.files) != 1 || img.files[0] != want || img.fileOf[0] != 0 {
				t.Errorf("files %+v %v", img.files, img.fileOf)
			}
		})
	}
	// All at once: their slices do not run into each other.
	var all []catalog.Record
	for _, tc := range keptRecords {
		all = append(all, tc.rec)
	}
	img, err := decodeCatalog(encodeKept(all))
	if err != nil || !reflect.DeepEqual(img.recs, all) {
		t.Errorf("all at once: %v\n%#v", err, img)
	}
	// Read in parts of any size.
	blob := encodeKept(all)
	for _, size := range []int{1, 3, 4, 5, 100, len(blob) - 1, len(blob)} {
		var r blobReader
		for i := 0; i < len(blob); i += size {
			r.write(blob[i:min(i+size, len(blob))])
		}
		if got, err := r.decode(); err != nil || !reflect.DeepEqual(got.recs, all) {
			t.Errorf("in parts of %d bytes: %v", size, err)
		}
	}
	img.recs[0].Tags = append(img.recs[0].Tags, "MORE")
	if img.recs[1].Tags[0] != "PGOV" {
		t.Error("appending to one record's tags changed the next one's")
	}
}

// A stored record is what the rows give back: the references' ids in
// upper case without their text, whole seconds, caveats beyond the
// marking's qualifiers.
func TestStoredRecord(t *testing.T) {
	e := catalog.Record{
		ID: "09TOKYO2531", Date: time.Date(2009, 11, 5, 7, 12, 0, 5e8, time.FixedZone("JST", 9*3600)),
		Classification: model.Classification{Level: model.Secret, Qualifiers: []string{"NOFORN"}, Text: "S E C R E T"},
		Caveats:        []string{"NOFORN", "SIPDIS"},
		References:     []model.Reference{{ID: "09tokyo1", Label: "A", Text: "A. TOKYO 1"}},
		Loc:            catalog.Location{Kind: catalog.KindText, Path: "/x"},
	}
	got := storedRecord(e)
	want := catalog.Record{
		ID: "09TOKYO2531", Date: time.Date(2009, 11, 4, 22, 12, 0, 0, time.UTC),
		Classification: catalog.ClassOf("SECRET//NOFORN"), Caveats: []string{"SIPDIS"},
		References: []model.Reference{{ID: "09TOKYO1", Label: "A"}},
		Loc:        catalog.Location{Kind: catalog.KindText},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("stored\n%#v\nwant\n%#v", got, want)
	}
}

// keptAndRows reads the index's catalog both ways.
func keptAndRows(t *testing.T, ix *Index) (kept, rows *catImage) {
	t.Helper()
	ctx := context.Background()
	kept, err := keptCatalog(ctx, ix.DB())
	if err != nil || kept == nil {
		t.Fatalf("no catalog kept whole: %v", err)
	}
	rows, err = catalogRows(ctx, ix.DB())
	if err != nil {
		t.Fatal(err)
	}
	return kept, rows
}

// sameImage fails unless the catalog kept whole is its rows.
func sameImage(t *testing.T, what string, kept, rows *catImage) {
	t.Helper()
	if len(kept.recs) != len(rows.recs) {
		t.Fatalf("%s: %d records kept, %d in the rows", what, len(kept.recs), len(rows.recs))
	}
	for i := range kept.recs {
		if !reflect.DeepEqual(kept.recs[i], rows.recs[i]) {
			t.Errorf("%s: record %d kept\n%#v\nrows\n%#v", what, i, kept.recs[i], rows.recs[i])
		}
	}
	byPath := map[string]catFile{}
	for _, f := range rows.files {
		byPath[f.path] = f
	}
	for _, f := range kept.files {
		if byPath[f.path] != f {
			t.Errorf("%s: file kept %+v, rows %+v", what, f, byPath[f.path])
		}
		delete(byPath, f.path)
	}
	if len(byPath) != 0 {
		t.Errorf("%s: files not kept: %v", what, byPath)
	}
}

// The catalog kept whole is the catalog of the rows, after a build of
// real cables (text files, a saved page, CSV rows) and after updates:
// one from the catalog kept before, one when it was missing.
func TestCatalogKeptAsTheRows(t *testing.T) {
	defer func(n int) { partSize = n }(partSize)
	partSize = 4096 // kept in many parts
	dir := archive(t)
	pages, _ := filepath.Glob("../testdata/pages/*.html")
	if len(pages) == 0 {
		t.Fatal("no pages in testdata")
	}
	for _, p := range pages {
		copyFile(t, p, filepath.Join(dir, filepath.Base(p)))
	}
	texts, _ := filepath.Glob(filepath.Join(realCables, "*.txt"))
	csvDir := t.TempDir()
	writeCSV(t, filepath.Join(csvDir, "cables.csv"), texts[:4])
	file := filepath.Join(t.TempDir(), "index.db")
	ix, st := build(t, file, dir, csvDir)
	kept, rows := keptAndRows(t, ix)
	sameImage(t, "built", kept, rows)
	var parts int
	ix.DB().QueryRow(`SELECT count(*) FROM catalog`).Scan(&parts)
	if parts < 3 {
		t.Errorf("the catalog is kept in %d parts", parts)
	}
	var csvRows, html, labelled, spaced, undated int
	for _, r := range kept.recs {
		switch r.Loc.Kind {
		case catalog.KindCSVRow:
			csvRows++
		case catalog.KindText:
		default:
			html++
		}
		for _, ref := range r.References {
			if ref.Label != "" {
				labelled++
			}
		}
		for _, tag := range r.Tags {
			if strings.Contains(tag, " ") {
				spaced++
			}
		}
		if r.Date.IsZero() {
			undated++
		}
	}
	if len(kept.recs) != st.Cables || csvRows != 4 || html == 0 || labelled == 0 || spaced == 0 || undated == 0 {
		t.Errorf("%d records of %d cables: %d CSV rows, %d pages, %d labelled references, %d TAGS with a space, %d undated",
			len(kept.recs), st.Cables, csvRows, html, labelled, spaced, undated)
	}

	// One file changes, one goes, one comes.
	names, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	text, _ := os.ReadFile(names[0])
	os.WriteFile(names[0], append(text, "\nA LINE MORE\n"...), 0o644)
	os.Remove(names[1])
	copyFile(t, names[2], filepath.Join(dir, "COPY"+filepath.Base(names[2])))
	if st, err := ix.Update(context.Background(), nil); err != nil || st.Rebuilt || st.Changed != 1 || st.Gone != 1 || st.Added != 1 {
		t.Fatalf("update: %+v %v", st, err)
	}
	kept, rows = keptAndRows(t, ix)
	sameImage(t, "updated", kept, rows)

	// Without the catalog kept whole, an update writes it from the rows.
	if _, err := ix.DB().Exec(`DELETE FROM catalog`); err != nil {
		t.Fatal(err)
	}
	os.Remove(names[3])
	if _, err := ix.Update(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	kept, rows = keptAndRows(t, ix)
	sameImage(t, "updated without one", kept, rows)

	// Nor does an update that finds nothing changed leave it missing or
	// stale.
	for _, q := range []string{`DELETE FROM catalog`, `UPDATE catalog SET generation = 'x'`} {
		if _, err := ix.DB().Exec(q); err != nil {
			t.Fatal(err)
		}
		if st, err := ix.Update(context.Background(), nil); err != nil || st.Unchanged == 0 || st.Added+st.Changed+st.Gone != 0 {
			t.Fatalf("update: %+v %v", st, err)
		}
		kept, rows = keptAndRows(t, ix)
		sameImage(t, "nothing changed, after "+q, kept, rows)
	}
}

// Catalog reads the rows when the catalog kept whole is missing, of
// another generation, or damaged, and lists the same.
func TestCatalogKeptFallsBack(t *testing.T) {
	file := filepath.Join(t.TempDir(), "index.db")
	ix, _ := build(t, file, archive(t))
	ctx := context.Background()
	ix.rowsOnly = true
	want, wantFiles, err := ix.Catalog(ctx)
	if err != nil {
		t.Fatal(err)
	}
	ix.rowsOnly = false
	for _, tc := range []struct{ name, sql string }{
		{"as written", ``},
		{"damaged", `UPDATE catalog SET data = substr(data, 1, 1000) || x'00' || substr(data, 1002)`},
		{"cut short", `UPDATE catalog SET data = substr(data, 1, 1000)`},
		{"of another generation", `UPDATE catalog SET data = x'00', generation = 'x'`},
		{"missing", `DELETE FROM catalog`},
	} {
		if tc.sql != "" {
			if _, err := ix.DB().Exec(tc.sql); err != nil {
				t.Fatal(err)
			}
		}
		kept, err := keptCatalog(ctx, ix.DB())
		bad := tc.name == "damaged" || tc.name == "cut short"
		if (kept != nil) != (tc.sql == "") || (err != nil) != bad {
			t.Errorf("%s: read as %v, %v", tc.name, kept != nil, err)
		}
		recs, files, err := ix.Catalog(ctx)
		if err != nil || !reflect.DeepEqual(recs, want) || !reflect.DeepEqual(files, wantFiles) {
			t.Errorf("%s: Catalog gives another list (%d records, %v)", tc.name, len(recs), err)
		}
	}
}

// A damaged blob is an error, never a panic, however it is damaged: its
// bytes changed with a checksum that still agrees.
func TestCatalogKeptDamagedNoPanic(t *testing.T) {
	var all []catalog.Record
	for _, tc := range keptRecords {
		all = append(all, tc.rec)
	}
	blob := encodeKept(all)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 5000 {
		b := append([]byte(nil), blob[:len(blob)-4]...)
		switch i % 3 {
		case 0:
			b[len(catMagic)+rng.IntN(len(b)-len(catMagic))] = byte(rng.Uint32())
		case 1:
			b = b[:len(catMagic)+rng.IntN(len(b)-len(catMagic))]
		case 2:
			at := len(catMagic) + rng.IntN(len(b)-len(catMagic))
			b = append(b[:at], append([]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f}, b[at:]...)...)
		}
		b = binary.LittleEndian.AppendUint32(b, crc32.Checksum(b, castagnoli))
		decodeCatalog(b) // must not panic
	}
	for _, b := range [][]byte{nil, []byte(catMagic), blob[:len(blob)-1], append([]byte("xx"), blob[2:]...)} {
		if _, err := decodeCatalog(b); err == nil {
			t.Errorf("%q… read", b[:min(len(b), 8)])
		}
	}
}

// A path of the index is written below the folder as it was given, as
// filepath.Join writes it.
func TestGivenPath(t *testing.T) {
	for _, given := range []string{"m2010", "./m2010", "m2010/", "../m2010", "a//m2010", "/tmp/m2010", "."} {
		abs, _ := filepath.Abs(given)
		ix := &Index{archive: []string{abs}, given: []string{given}}
		for _, rest := range []string{"cable/2010/01/10TOKYO1.html", "x.txt"} {
			if got, want := ix.givenPath(filepath.Join(abs, rest)), filepath.Join(given, rest); got != want {
				t.Errorf("%q below %q: %q, want %q", rest, given, got, want)
			}
		}
		if got := ix.givenPath(abs); got != given {
			t.Errorf("the folder %q itself: %q", given, got)
		}
	}
}
