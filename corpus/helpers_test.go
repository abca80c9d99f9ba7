package corpus

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"cablereader/catalog"
	"cablereader/internal/testcsv"
	"cablereader/model"
	"cablereader/parser"
)

const cablesDir = "../testdata/cables"

// realCable is one of the real cables in testdata, with what the parser
// reads from it and the metadata its source published (manifest.tsv).
type realCable struct {
	id     string // the file name, which is the WikiLeaks refid
	path   string
	text   []byte
	parsed *model.Cable
	origin string // manifest: "Embassy Tokyo"
	class  string // manifest: "SECRET//NOFORN"
}

var (
	realOnce   sync.Once
	realCached []realCable
)

// loadRealCables reads and parses the real cables once for all tests.
func loadRealCables(tb testing.TB) []realCable {
	tb.Helper()
	realOnce.Do(func() { realCached = readRealCables(tb) })
	if len(realCached) < 100 {
		tb.Fatalf("only %d cables in %s", len(realCached), cablesDir)
	}
	return realCached
}

func readRealCables(tb testing.TB) []realCable {
	manifest, err := os.ReadFile(filepath.Join(cablesDir, "manifest.tsv"))
	if err != nil {
		tb.Fatal(err)
	}
	meta := map[string][]string{}
	for _, l := range strings.Split(strings.TrimSpace(string(manifest)), "\n")[1:] {
		f := strings.Split(l, "\t")
		meta[f[0]] = f
	}
	paths, _ := filepath.Glob(filepath.Join(cablesDir, "*.txt"))
	var out []realCable
	for _, p := range paths {
		id := strings.TrimSuffix(filepath.Base(p), ".txt")
		m, ok := meta[id]
		if !ok {
			tb.Fatalf("%s is not in manifest.tsv", id)
		}
		text, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, realCable{id: id, path: p, text: text, parsed: parser.Parse(text), origin: m[3], class: m[2]})
	}
	return out
}

// csvCable is one row of a generated cables.csv.
type csvCable struct {
	seq          int
	date         time.Time
	refid        string
	origin       string
	class        string
	refs         []string
	header, body []byte
}

// appendRow writes c the way the Cablegate dump does.
func appendRow(dst []byte, c csvCable) []byte {
	return testcsv.AppendRow(dst, testcsv.Row{Seq: c.seq, Date: c.date, RefID: c.refid, Origin: c.origin,
		Class: c.class, Refs: c.refs, Header: c.header, Body: c.body})
}

// compareEntries is the order the archive keeps its entries in.
func compareEntries(a, b catalog.Record) int { return compareKeys(keyOf(&a), keyOf(&b)) }

func refIDs(c *model.Cable) []string {
	var ids []string
	seen := map[string]bool{c.ID: true}
	for _, r := range c.Header.References {
		if r.ID != "" && !seen[r.ID] {
			seen[r.ID] = true
			ids = append(ids, r.ID)
		}
	}
	return ids
}

func rowFor(seq int, rc realCable) csvCable {
	h, b := testcsv.Split(rc.text)
	return csvCable{seq: seq, date: testcsv.Date(rc.parsed.Date, rc.id), refid: rc.id, origin: rc.origin, class: rc.class,
		refs: refIDs(rc.parsed), header: h, body: b}
}

func writeFile(tb testing.TB, path string, data []byte) {
	tb.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		tb.Fatal(err)
	}
}
