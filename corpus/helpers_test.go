package corpus

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

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

// appendRow writes c the way the Cablegate dump does: every field in
// double quotes, MySQL backslash escapes, a record per line.
func appendRow(dst []byte, c csvCable) []byte {
	date := fmt.Sprintf("%d/%d/%d %d:%02d", c.date.Month(), c.date.Day(), c.date.Year(), c.date.Hour(), c.date.Minute())
	fields := [][]byte{[]byte(strconv.Itoa(c.seq)), []byte(date), []byte(c.refid), []byte(c.origin),
		[]byte(c.class), []byte(strings.Join(c.refs, "|")), c.header, c.body}
	for i, f := range fields {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, '"')
		dst = mysqlEscape(dst, f)
		dst = append(dst, '"')
	}
	return append(dst, '\n')
}

func mysqlEscape(dst, b []byte) []byte {
	for _, c := range b {
		switch c {
		case '\\', '"', '\'', '\n':
			dst = append(dst, '\\')
		}
		dst = append(dst, c)
	}
	return dst
}

// splitCable cuts a cable's text where a cables.csv row would: the
// routing header (up to the line before the classification banner) goes
// to column 7, the rest to column 8, so that header+"\n"+body is the text
// again. Without an FM line before a banner, all of it is body.
func splitCable(text []byte) (header, body []byte) {
	seenFM := false
	for start := 0; start < len(text); {
		end := bytes.IndexByte(text[start:], '\n')
		if end < 0 {
			break
		}
		line := bytes.TrimSpace(text[start : start+end])
		if bytes.HasPrefix(line, []byte("TAGS")) || bytes.HasPrefix(line, []byte("SUBJECT")) {
			break // a caption before any banner: no header to split off
		}
		if bytes.HasPrefix(line, []byte("FM ")) {
			seenFM = true
		} else if seenFM && start > 0 && isBannerLine(line) {
			return text[:start-1], text[start:]
		}
		start += end + 1
	}
	return nil, text
}

func isBannerLine(l []byte) bool {
	for _, w := range []string{"UNCLAS", "CONFIDENTIAL", "SECRET", "TOP SECRET", "LIMITED OFFICIAL", "C O N F", "S E C R E T", "U N C L"} {
		if bytes.HasPrefix(l, []byte(w)) {
			return true
		}
	}
	return false
}

// rowDate is the date column for a cable: its DTG, or 1 January of the
// year its id gives when the text has none.
func rowDate(rc realCable) time.Time {
	if !rc.parsed.Date.IsZero() {
		return rc.parsed.Date
	}
	yy, _ := strconv.Atoi(rc.id[:2])
	year := 2000 + yy
	if yy > 60 {
		year = 1900 + yy
	}
	return time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC)
}

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
	h, b := splitCable(rc.text)
	return csvCable{seq: seq, date: rowDate(rc), refid: rc.id, origin: rc.origin, class: rc.class,
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
