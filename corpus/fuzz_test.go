package corpus

import (
	"bytes"
	"context"
	"errors"
	"io"
	"path/filepath"
	"slices"
	"testing"

	"cablereader/catalog"
)

// csvSeeds adds cables.csv dumps made from the real cables in testdata
// (a row each, and twenty in one file), the hand-written dump and rows
// broken the ways real dumps break.
func csvSeeds(f *testing.F) {
	var all []byte
	for i, rc := range loadRealCables(f) {
		row := appendRow(nil, rowFor(i+1, rc))
		f.Add(row)
		if i < 20 {
			all = append(all, row...)
		}
	}
	f.Add(all)
	f.Add([]byte(handDump))
	f.Add([]byte("\xef\xbb\xbf\"1\",\"1/2/2003 4:05\",\"03X1\",\"x\",\"SECRET\",\"\",\"\",\"\\"))
	f.Add([]byte("\"1\",\"1/2/2003 4:05\",\"03X1\",\"x\",\"SECRET\",\"\n\"2\",\"1/2/2003 4:05\",\"03X2\",\"x\",\"SECRET\",\"\",\"\",\"b\"\r\n"))
}

// FuzzCSVReader reads random dumps: nothing panics or loops, every row is
// read or reported with the line it starts on, and the byte range of a
// row read alone gives the same row again (which is what Load does). A
// small buffer, which puts escapes and quotes on window edges, reads the
// same rows. `go test` runs only the seeds.
func FuzzCSVReader(f *testing.F) {
	csvSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		type result struct {
			start, end int64
			line       int
			fields     [csvFields]string
			err        string
		}
		read := func(size int) []result {
			r := newCSVReader(bytes.NewReader(data), size, loadKeep)
			var out []result
			var row csvRow
			for {
				before := r.off
				err := r.next(&row)
				if err == io.EOF {
					return out
				}
				if r.off <= before {
					t.Fatalf("the reader stands still at byte %d", before)
				}
				var res result
				var re *rowError
				switch {
				case errors.As(err, &re):
					res.line, res.err = re.line, re.reason
					if re.line < 1 || re.line > bytes.Count(data, []byte("\n"))+1 {
						t.Fatalf("error on line %d of a dump of %d lines", re.line, bytes.Count(data, []byte("\n"))+1)
					}
				case err != nil:
					t.Fatalf("next: %v", err)
				default:
					res.start, res.end, res.line = row.start, row.end, row.line
					for i, f := range row.field {
						res.fields[i] = string(f)
					}
				}
				out = append(out, res)
			}
		}
		rows := read(4096)
		if !slices.Equal(read(16), rows) {
			t.Fatal("a 16-byte buffer reads other rows")
		}
		for _, r := range rows {
			if r.err != "" {
				continue
			}
			if r.start < 0 || r.end > int64(len(data)) || r.start >= r.end || data[r.start] != '"' || data[r.end-1] != '"' {
				t.Fatalf("row on line %d at bytes %d to %d", r.line, r.start, r.end)
			}
			if want := bytes.Count(data[:r.start], []byte("\n")) + 1; r.line != want {
				t.Fatalf("row at byte %d said to be on line %d, not %d", r.start, r.line, want)
			}
			again := newCSVReader(bytes.NewReader(data[r.start:r.end]), 4096, loadKeep)
			var row csvRow
			if err := again.next(&row); err != nil {
				t.Fatalf("the row at bytes %d to %d does not read alone: %v", r.start, r.end, err)
			}
			for i, f := range row.field {
				if string(f) != r.fields[i] {
					t.Fatalf("the row at bytes %d to %d reads alone with field %d %q, not %q", r.start, r.end, i+1, f, r.fields[i])
				}
			}
			if err := again.next(&row); err != io.EOF {
				t.Fatalf("more after the row at bytes %d to %d: %v", r.start, r.end, err)
			}
		}
	})
}

// FuzzScan scans random dumps as an archive: the scan ends without an
// error, every row is listed or reported, the list is sorted, and every
// entry loads and is found by its id. `go test` runs only the seeds.
func FuzzScan(f *testing.F) {
	csvSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "cables.csv")
		writeFile(t, path, data)
		ix, err := Open([]string{path})
		if err != nil {
			t.Fatal(err)
		}
		defer ix.Close()
		if err := ix.Scan(context.Background(), nil); err != nil {
			t.Fatal(err)
		}
		list := ix.Entries()
		if !slices.IsSortedFunc(list, compareEntries) {
			t.Fatal("the list is not sorted")
		}
		if looksLikeCSV(data) {
			rows := 0
			r := newCSVReader(bytes.NewReader(data), 4096, scanKeep)
			var row csvRow
			for r.next(&row) != io.EOF {
				rows++
			}
			if got := len(list) + len(ix.Errors()); got != rows {
				t.Fatalf("%d entries and %d errors for %d rows", len(list), len(ix.Errors()), rows)
			}
		} else if len(list)+len(ix.Skipped()) != 1 {
			t.Fatalf("a file that is no CSV: %d entries, %d skipped", len(list), len(ix.Skipped()))
		}
		for _, e := range list {
			text, err := ix.Load(e)
			if err != nil {
				t.Fatalf("%s does not load: %v", e.ID, err)
			}
			// Unescaping and joining the header to the body only shrink
			// the row's bytes.
			if e.Kind() == catalog.KindCSVRow && len(text) > int(e.Loc.Length) {
				t.Fatalf("%s loads %d bytes from a row of %d", e.ID, len(text), e.Loc.Length)
			}
			if _, ok := ix.Lookup(e.ID); !ok && e.ID != "" {
				t.Fatalf("%q is listed but not found", e.ID)
			}
		}
	})
}
