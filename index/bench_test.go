package index

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"cablereader/internal/testcsv"
	"cablereader/parser"
)

// The benchmarks build an index of a generated cables.csv of
// CABLEREADER_BENCH_CABLES cables (default 20000; the Cablegate dump has
// 251287). They are not run by go test; run them with
//
//	go test -run - -bench . -benchtime 1x ./index
//
// The CSV and the index are made in CABLEREADER_BENCH_DIR (default a
// temporary folder, removed afterwards).

func benchCables() int {
	if n, err := strconv.Atoi(os.Getenv("CABLEREADER_BENCH_CABLES")); err == nil && n > 0 {
		return n
	}
	return 20000
}

var benchPosts = []string{
	"TOKYO", "PARIS", "MOSCOW", "BAGHDAD", "KABUL", "ISLAMABAD", "BEIJING", "CAIRO",
	"ANKARA", "BERLIN", "LONDON", "ROME", "MADRID", "BRASILIA", "CARACAS", "BOGOTA",
	"NAIROBI", "PRETORIA", "STATE", "USUNNEWYORK", "TELAVIV", "RIYADH", "SEOUL", "MANILA",
}

// writeBenchCSV writes n cables in the Cablegate form to path: the
// testdata cables over and over, each copy with its own id, date and
// post, and one word in forty altered so that the vocabulary grows as a
// real archive's does. It returns the file's size.
func writeBenchCSV(tb testing.TB, path string, n int) int64 {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join("..", "testdata", "cables", "*.txt"))
	if err != nil || len(files) == 0 {
		tb.Fatalf("no testdata cables: %v", err)
	}
	type src struct {
		header, body []byte
		refs         []string
		class        string
	}
	var srcs []src
	for _, f := range files {
		text, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		c := parser.Parse(text)
		h, b := testcsv.Split(text)
		var refs []string
		for _, r := range c.Header.References {
			if r.ID != "" {
				refs = append(refs, r.ID)
			}
		}
		srcs = append(srcs, src{h, b, refs, c.Classification.String()})
	}
	out, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	w := bufio.NewWriterSize(out, 1<<20)
	start := time.Date(1966, 1, 1, 0, 0, 0, 0, time.UTC)
	span := time.Date(2010, 2, 28, 0, 0, 0, 0, time.UTC).Sub(start)
	var row []byte
	for i := range n {
		s := srcs[i%len(srcs)]
		// dates thicken towards the end, as the dump's do
		f := float64(i) / float64(n)
		date := start.Add(time.Duration((1 - (1-f)*(1-f)) * float64(span)))
		post := benchPosts[(i*7)%len(benchPosts)]
		id := fmt.Sprintf("%02d%s%d", date.Year()%100, post, 1+i%9973)
		row = testcsv.AppendRow(row[:0], testcsv.Row{
			Seq: i + 1, Date: date, RefID: id, Origin: "Embassy " + post, Class: s.class,
			Refs: s.refs, Header: s.header, Body: alter(s.body, i),
		})
		w.Write(row)
	}
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	info, _ := out.Stat()
	out.Close()
	return info.Size()
}

// alter changes one word in forty of text into a word of its own for copy i.
func alter(text []byte, i int) []byte {
	out := make([]byte, 0, len(text)+len(text)/20)
	word := 0
	for j := 0; j < len(text); {
		k := j
		for k < len(text) && isWordByte(text[k]) {
			k++
		}
		if k > j {
			out = append(out, text[j:k]...)
			if word++; word%40 == 0 && k-j >= 4 {
				out = append(out, strconv.FormatInt(int64((i*31+word)%500000), 36)...)
			}
			j = k
			continue
		}
		out = append(out, text[j])
		j++
	}
	return out
}

func isWordByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func benchDir(b *testing.B) string {
	if d := os.Getenv("CABLEREADER_BENCH_DIR"); d != "" {
		return d
	}
	return b.TempDir()
}

func peakRSS() float64 {
	data, _ := os.ReadFile("/proc/self/status")
	for _, l := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(l, "VmHWM:"); ok {
			kb, _ := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")))
			return float64(kb) / 1024
		}
	}
	return 0
}

func BenchmarkBuild(b *testing.B) {
	dir := benchDir(b)
	csv := filepath.Join(dir, "cables.csv")
	size := writeBenchCSV(b, csv, benchCables())
	b.SetBytes(size)
	b.ResetTimer()
	for i := range b.N {
		file := filepath.Join(dir, fmt.Sprintf("index-%d.db", i))
		ix, err := Open([]string{csv}, file)
		if err != nil {
			b.Fatal(err)
		}
		st, err := ix.Update(context.Background(), nil)
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		info, _ := os.Stat(file)
		b.ReportMetric(float64(st.Cables), "cables")
		b.ReportMetric(float64(info.Size())/float64(size)*100, "index%ofCSV")
		var terms int
		db := ix.DB()
		db.Exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab USING fts5vocab(main, fts, 'row')`)
		db.QueryRow(`SELECT count(*) FROM temp.vocab`).Scan(&terms)
		b.ReportMetric(float64(terms), "terms")
		ix.Close()
		os.Remove(file)
		b.StartTimer()
	}
	b.StopTimer()
	b.ReportMetric(peakRSS(), "peakMB")
}

// benchQueries are 50 fixed queries: words, phrases, prefixes, fields,
// dates, and mixes.
var benchQueries = []string{
	"trafficking", "nuclear", "iran", "election", "corruption", "oil", "president", "minister",
	"embassy", "military", "\"human rights\"", "\"prime minister\"", "\"foreign minister\"", "\"nuclear program\"",
	"terror*", "econom*", "sanction*", "negotiat*", "tag:PREL", "tag:KTIP", "tag:PTER", "tag:MNUC",
	"from:paris", "from:tokyo", "from:state", "class:secret", "noforn", "date:2009", "date:2006-07",
	"date:2008..2009", "iran nuclear", "iran tag:MNUC", "election date:2009", "oil from:baghdad",
	"corruption -tag:PGOV", "president OR minister", "trafficking OR smuggling", "secret noforn iran",
	"cites:09TOKYO2531", "id:09TOKYO2531", "subject:election", "subject:nuclear date:2007..",
	"\"trafficking in persons\" tag:KTIP", "weapons class:secret date:2008", "talks -iran", "china economy",
	"russia georgia", "afghanistan taliban", "refugees date:..2005", "visit from:paris tag:FR",
}

func BenchmarkQuery(b *testing.B) {
	dir := benchDir(b)
	csv := filepath.Join(dir, "cables.csv")
	if _, err := os.Stat(csv); err != nil {
		writeBenchCSV(b, csv, benchCables())
	}
	file := filepath.Join(dir, "query.db")
	ix, err := Open([]string{csv}, file)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := ix.Update(context.Background(), nil); err != nil {
		b.Fatal(err)
	}
	ix.Close()
	t0 := time.Now()
	ix, err = Open([]string{csv}, file)
	if err != nil || !ix.Ready() {
		b.Fatal("reopen", err)
	}
	if _, err := ix.Update(context.Background(), nil); err != nil {
		b.Fatal(err)
	}
	reopen := time.Since(t0)
	defer ix.Close()
	qs := make([]*Query, len(benchQueries))
	for i, s := range benchQueries {
		if qs[i], err = Parse(s); err != nil {
			b.Fatal(s, err)
		}
	}
	var times []time.Duration
	b.ResetTimer()
	for range b.N {
		times = times[:0]
		for _, q := range qs {
			t := time.Now()
			hits, _, err := ix.Search(context.Background(), q, 100)
			if err != nil {
				b.Fatal(err)
			}
			for _, h := range hits[:min(len(hits), 20)] {
				ix.Snippet(h, q)
			}
			times = append(times, time.Since(t))
		}
	}
	b.StopTimer()
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "median-ms")
	b.ReportMetric(float64(times[len(times)-1].Microseconds())/1000, "slowest-ms")
	b.ReportMetric(float64(reopen.Microseconds())/1000, "reopen-ms")
}
