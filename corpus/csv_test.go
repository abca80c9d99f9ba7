package corpus

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"cablereader/catalog"
	"cablereader/parser"
)

// peekDiffers lists the cables whose caption the list peek reads
// otherwise than the parser does, and what the peek gives.
var peekDiffers = map[string]struct {
	subject string
	tags    []string
}{
	// Two captions: one in the mangled routing header, which the peek
	// reads first, and one (lower case, one more tag) after the banner.
	"09KHARTOUM881": {subject: "GOK/GOSS AGREE ON TIMETABLE FOR SECOND TANK",
		tags: []string{"ASEC", "PINS", "PREL", "PINR", "EFIN", "KE", "MARR", "SU", "UNSC", "UG"}},
	// Free-text TAGS items: the parser keeps "USEU BRUSSELS" and
	// "ORGANIZED CRIME" as one item each, the peek splits on spaces.
	"04BRUSSELS1868": {subject: "DINING WITH CHRIS: RANDOM THOUGHTS FROM RELEX COMMISSIONER PATTEN",
		tags: []string{"PREL", "PGOV", "PINR", "PBTS", "EUN", "USEU", "BRUSSELS"}},
	"05SOFIA1207": {subject: "BULGARIAN ORGANIZED CRIME (C-CN5-00054)",
		tags: []string{"PINR", "KCRM", "PGOV", "EINV", "ECON", "KCOR", "BU", "ORGANIZED", "CRIME"}},
}

func scan(t *testing.T, paths ...string) *Archive {
	t.Helper()
	ix, err := Open(paths)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	if err := ix.Scan(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	return ix
}

// TestCSVRealCables scans a cables.csv made from every real cable in
// testdata and checks each row against the cable it came from.
func TestCSVRealCables(t *testing.T) {
	cables := loadRealCables(t)
	var data []byte
	rows := map[string]csvCable{}
	for i, rc := range cables {
		row := rowFor(i+1, rc)
		rows[rc.id] = row
		data = appendRow(data, row)
	}
	path := filepath.Join(t.TempDir(), "cables.csv")
	writeFile(t, path, data)

	var reports []catalog.Progress
	var times []time.Time
	// The scan's clock moves 7 ms each time it is read, so that the pace
	// of the reports is checked whatever the machine's load (the time a
	// report is made is the last one the scan read).
	var fake atomic.Int64
	defer func(old func() time.Time) { clock = old }(clock)
	start := time.Now()
	clock = func() time.Time { return start.Add(time.Duration(fake.Add(int64(7 * time.Millisecond)))) }
	ix, err := Open([]string{path})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	// A reader polls the archive while it is being scanned.
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		last := 0
		for {
			list := ix.Entries()
			if len(list) < last || !slices.IsSortedFunc(list, compareEntries) {
				t.Errorf("snapshot of %d entries after %d, sorted %v", len(list), last, slices.IsSortedFunc(list, compareEntries))
				return
			}
			last = len(list)
			ix.Lookup("66BUENOSAIRES2481")
			select {
			case <-stop:
				return
			default:
			}
		}
	}()
	err = ix.Scan(context.Background(), func(p catalog.Progress) {
		reports, times = append(reports, p), append(times, start.Add(time.Duration(fake.Load())))
	})
	close(stop)
	wg.Wait()
	if err != nil {
		t.Fatal(err)
	}

	entries := ix.Entries()
	if len(entries) != len(cables) || len(ix.Errors()) != 0 {
		t.Fatalf("%d entries, errors %v; want %d and none", len(entries), ix.Errors(), len(cables))
	}
	if len(reports) < 5 {
		t.Errorf("%d progress reports", len(reports))
	}
	for i := 1; i < len(reports)-1; i++ {
		if d := times[i].Sub(times[i-1]); d < reportInterval || reports[i].Done {
			t.Errorf("report %d came %v after the one before (done %v)", i, d, reports[i].Done)
		}
	}
	last := reports[len(reports)-1]
	if want := (catalog.Progress{Records: len(cables), Bytes: int64(len(data)), Total: int64(len(data)), Done: true}); last != want {
		t.Errorf("last progress %+v, want %+v", last, want)
	}
	for _, rc := range cables {
		e, ok := ix.Lookup(strings.ToLower(rc.id))
		if !ok {
			t.Errorf("%s not found", rc.id)
			continue
		}
		row := rows[rc.id]
		if e.ID != rc.id || !e.Date.Equal(row.date) || e.Origin != rc.origin || e.Class() != rc.class || e.Kind() != catalog.KindCSVRow {
			t.Errorf("%s: got %s %v %q %q %v", rc.id, e.ID, e.Date, e.Origin, e.Class(), e.Kind())
		}
		if !slices.Equal(e.RefIDs(), row.refs) {
			t.Errorf("%s: references %v, want %v", rc.id, e.References, row.refs)
		}
		// The peek at the body agrees with a full parse of the cable,
		// except where the two read an odd caption differently.
		subject, tags := rc.parsed.Header.Subject, slices.Concat(rc.parsed.Header.Tags, rc.parsed.Header.OtherTags)
		if p, ok := peekDiffers[rc.id]; ok {
			subject = p.subject
			if p.tags != nil {
				tags = p.tags
			}
		}
		if e.Subject != subject {
			t.Errorf("%s: subject %q, want %q", rc.id, e.Subject, subject)
		}
		if !slices.Equal(e.Tags, tags) {
			t.Errorf("%s: tags %q, want %q", rc.id, e.Tags, tags)
		}
		text, err := ix.Load(e)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(text, rc.text) {
			t.Errorf("%s: Load gives %d bytes, not the %d of the cable", rc.id, len(text), len(rc.text))
			continue
		}
		c := parser.Parse(text)
		if c.Header.Subject != rc.parsed.Header.Subject || len(c.Body) != len(rc.parsed.Body) {
			t.Errorf("%s: loaded cable parses to %q with %d paragraphs, want %q with %d", rc.id,
				c.Header.Subject, len(c.Body), rc.parsed.Header.Subject, len(rc.parsed.Body))
		}
	}
}

// TestCSVBadRows mixes broken records into real rows: each is reported
// with the line it starts on and skipped, and every good row around it
// is listed.
func TestCSVBadRows(t *testing.T) {
	cables := loadRealCables(t)[:12]
	var data []byte
	type bad struct {
		before int // index of the good row that follows
		raw    func(row csvCable) []byte
		reason string
	}
	withQuote := func(row csvCable) []byte {
		// An unescaped quote on the fourth line of the body.
		lines := bytes.SplitN(row.body, []byte("\n"), 5)
		lines[3] = append([]byte(`HE SAID "NO" TODAY `), lines[3]...)
		row.body = bytes.Join(lines, []byte("\n"))
		raw := appendRow(nil, row)
		return bytes.Replace(raw, []byte(`\"NO\"`), []byte(`"NO"`), 1)
	}
	garbage := func(csvCable) []byte { return []byte("this line is no row at all\nnor is this one\n") }
	short := func(csvCable) []byte {
		return []byte(`"900","2/3/2004 5:06","04SHORT1","Embassy Nowhere","SECRET"` + "\n")
	}
	// No closing quote: the body runs on into the next row.
	unclosed := func(row csvCable) []byte {
		return append(bytes.TrimSuffix(appendRow(nil, row), []byte("\"\n")), '\n')
	}
	bads := []bad{
		{2, garbage, "not a row: the line does not start with a quoted field"},
		{5, withQuote, "unescaped quote in field 8"},
		{8, short, "the row has 5 fields, want 8"},
		{10, unclosed, "unescaped quote in field 8"},
	}
	var want []catalog.RowError
	good := 0
	lines := map[string]int{} // id → the line its row starts on
	for i, rc := range cables {
		row := rowFor(i+1, rc)
		for _, b := range bads {
			if b.before == i {
				want = append(want, catalog.RowError{Line: bytes.Count(data, []byte("\n")) + 1, Reason: b.reason})
				broken := row
				broken.seq, broken.refid = 1000+i, "99BROKEN"+rc.id[2:]
				data = append(data, b.raw(broken)...)
			}
		}
		lines[rc.id] = bytes.Count(data, []byte("\n")) + 1
		data = appendRow(data, row)
		good++
	}
	data = bytes.TrimSuffix(data, []byte("\n")) // the last row may end the file
	path := filepath.Join(t.TempDir(), "cables.csv")
	writeFile(t, path, data)
	ix := scan(t, path)

	var got []catalog.RowError
	for _, e := range ix.Errors() {
		if e.Path != path {
			t.Errorf("error path %q", e.Path)
		}
		got = append(got, catalog.RowError{Line: e.Line, Reason: e.Reason})
	}
	if !slices.Equal(got, want) {
		t.Errorf("errors\n got %v\nwant %v", got, want)
	}
	if len(ix.Entries()) != good {
		t.Errorf("%d entries, want %d", len(ix.Entries()), good)
	}
	for _, rc := range cables {
		e, ok := ix.Lookup(rc.id)
		if !ok {
			t.Errorf("%s was lost", rc.id)
			continue
		}
		if text, err := ix.Load(e); err != nil || !bytes.Equal(text, rc.text) {
			t.Errorf("%s: Load gives %d bytes (%v), want the cable's %d", rc.id, len(text), err, len(rc.text))
		}
		if e.Line() != lines[rc.id] {
			t.Errorf("%s: Line %d, want %d", rc.id, e.Line(), lines[rc.id])
		}
	}
}

// handDump is a small hand-written cables.csv: every escape MySQL writes,
// CRLF record ends, a blank line, and bad records whose lines are known.
const handDump = `"1","12/28/1966 18:48","66BUENOSAIRES2481","Embassy Buenos Aires","UNCLASSIFIED","66STATE106206","P R 281848Z DEC 66\
FM AMEMBASSY BUENOS AIRES","UNCLASSIFIED BUENOS AIRES 2481\
TAGS: EFIS PBTS AR\
SUBJECT: EXTENDED NATIONAL JURISDICTIONS\
 OVER HIGH SEAS\
\
1. THE \"PREFERENTIAL\" ZONE ISN\'T NEW: SEE C:\\SEAS\\\
END"` + "\r\n" + `
this is garbage between rows
"","looks like a row but has no sequence number"
"2","2/25/1972 9:30","72TEHRAN1164","Embassy Tehran","Unclassified","72MOSCOW1603|72TEHRAN1091","","he said "no" today"
"3","1/1/1973 0:00","73X1","Embassy X","SECRET"
"4","2/25/1972 9:30","72TEHRAN1165","Embassy Tehran","secret // noforn","","","SUBJ:  (C) SHAH ON CORRUPTION\
TAGS PINT, IR"
"5","3/1/1973 1:02","73TEHRAN1","Embassy Tehran","SECRET","","ZNY \"SSSSS\" C:\\","BODY \\"`

// TestCSVEscapes reads a small hand-written dump: every escape MySQL
// writes, CRLF record ends, a blank line, and bad records whose lines are
// known.
func TestCSVEscapes(t *testing.T) {
	path := filepath.Join(t.TempDir(), "dump.dat") // found by its content, not its name
	writeFile(t, path, []byte(handDump))
	ix := scan(t, path)

	wantErrs := []catalog.RowError{
		{Path: path, Line: 10, Reason: "not a row: the line does not start with a quoted field", Last: 11}, // line 11 goes with it, and is said to
		{Path: path, Line: 12, Reason: "unescaped quote in field 8", Last: 0},
		{Path: path, Line: 13, Reason: "the row has 5 fields, want 8", Last: 0},
	}
	if got := ix.Errors(); !slices.Equal(got, wantErrs) {
		t.Errorf("errors\n got %v\nwant %v", got, wantErrs)
	}
	list := ix.Entries()
	if len(list) != 3 {
		t.Fatalf("%d entries, want 3", len(list))
	}
	ba, teh := list[0], list[1]
	if ba.ID != "66BUENOSAIRES2481" || !ba.Date.Equal(time.Date(1966, 12, 28, 18, 48, 0, 0, time.UTC)) ||
		ba.Origin != "Embassy Buenos Aires" || ba.Class() != "UNCLASSIFIED" ||
		ba.Subject != "EXTENDED NATIONAL JURISDICTIONS OVER HIGH SEAS" ||
		!slices.Equal(ba.Tags, []string{"EFIS", "PBTS", "AR"}) || !slices.Equal(ba.RefIDs(), []string{"66STATE106206"}) {
		t.Errorf("first row: %+v", ba)
	}
	if teh.ID != "72TEHRAN1165" || teh.Class() != "SECRET//NOFORN" || teh.Subject != "SHAH ON CORRUPTION" ||
		!slices.Equal(teh.Tags, []string{"PINT", "IR"}) || teh.References != nil {
		t.Errorf("last row: %+v", teh)
	}
	text, err := ix.Load(ba)
	if err != nil {
		t.Fatal(err)
	}
	wantText := "P R 281848Z DEC 66\nFM AMEMBASSY BUENOS AIRES\nUNCLASSIFIED BUENOS AIRES 2481\nTAGS: EFIS PBTS AR\n" +
		"SUBJECT: EXTENDED NATIONAL JURISDICTIONS\n OVER HIGH SEAS\n\n" +
		`1. THE "PREFERENTIAL" ZONE ISN'T NEW: SEE C:\SEAS\` + "\nEND"
	if string(text) != wantText {
		t.Errorf("Load:\n%s\nwant:\n%s", text, wantText)
	}
	// A row without a header loads as its body alone.
	if text, _ := ix.Load(teh); string(text) != "SUBJ:  (C) SHAH ON CORRUPTION\nTAGS PINT, IR" {
		t.Errorf("Load: %q", text)
	}
	// A backslash ends both fields, before the closing quote.
	if text, _ := ix.Load(list[2]); string(text) != `ZNY "SSSSS" C:\`+"\n"+`BODY \` {
		t.Errorf("Load: %q", text)
	}
}

// TestCSVReaderWindows reads the same dumps through buffers of every size
// down to bufio's smallest, so that escapes, quotes and line breaks fall
// on window edges, and with the keep limits of scanning: rows, values and
// errors must not change.
func TestCSVReaderWindows(t *testing.T) {
	var real []byte
	for i, rc := range loadRealCables(t)[:20] {
		real = appendRow(real, rowFor(i+1, rc))
	}
	type result struct {
		start, end int64
		line       int
		fields     [csvFields]string
		err        string
	}
	read := func(data []byte, size int, keep [csvFields]int) []result {
		r := newCSVReader(bytes.NewReader(data), size, keep)
		var out []result
		var row csvRow
		for {
			err := r.next(&row)
			if err == io.EOF {
				return out
			}
			var res result
			if err != nil {
				res.err = err.Error()
			} else {
				res.start, res.end, res.line = row.start, row.end, row.line
				for i, f := range row.field {
					res.fields[i] = string(f)
				}
			}
			out = append(out, res)
		}
	}
	for name, data := range map[string][]byte{"hand": []byte(handDump), "real": real} {
		want := read(data, 1<<20, loadKeep)
		for _, size := range []int{16, 17, 31, 100, 4096} {
			for _, keep := range [][csvFields]int{loadKeep, scanKeep, {}} {
				got := read(data, size, keep)
				for i := range want {
					w := want[i]
					for f := range w.fields {
						w.fields[f] = w.fields[f][:min(len(w.fields[f]), keep[f])]
					}
					if i >= len(got) || got[i] != w {
						t.Fatalf("%s, buffer %d, keep %v: row %d differs", name, size, keep, i)
					}
				}
				if len(got) != len(want) {
					t.Fatalf("%s, buffer %d: %d rows, want %d", name, size, len(got), len(want))
				}
			}
		}
	}
}

// failingReader gives n bytes of data, then an error.
type failingReader struct {
	*bytes.Reader
	n int64
}

var errDiskGone = errors.New("disk gone")

func (f *failingReader) Read(p []byte) (int, error) {
	off, _ := f.Seek(0, io.SeekCurrent)
	if off >= f.n {
		return 0, errDiskGone
	}
	return f.Reader.Read(p[:min(int64(len(p)), f.n-off)])
}

// A read error is returned as it is, after the rows read before it: it is
// not the end of the file, nor a broken row.
func TestCSVReadError(t *testing.T) {
	data := []byte(handDump)
	cut := int64(bytes.Index(data, []byte(`"2","2/25/1972`)) + 20) // inside the fourth record
	r := newCSVReader(&failingReader{bytes.NewReader(data), cut}, 16, loadKeep)
	var row csvRow
	var got []string
	for {
		err := r.next(&row)
		if err == nil {
			got = append(got, string(row.field[colRefID]))
			continue
		}
		var re *rowError
		if errors.As(err, &re) {
			got = append(got, fmt.Sprintf("line %d", re.line))
			continue
		}
		if err != errDiskGone {
			t.Fatalf("after %q: %v, want the read error", got, err)
		}
		break
	}
	if want := []string{"66BUENOSAIRES2481", "line 10"}; !slices.Equal(got, want) {
		t.Errorf("read %q before the error, want %q", got, want)
	}
}
