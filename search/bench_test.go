package search

import (
	"bytes"
	"context"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"cablereader/parser"
)

// The benchmarks index a generated Cablegate-form cables.csv of
// INDEX_BENCH_CABLES cables (default 5000) made from the real test
// cables: ids, dates and posts varied, and about one word in six
// replaced from a large made-up vocabulary drawn with a Zipf law, so that
// the index has a realistic number of distinct terms. With
// INDEX_BENCH_DIR set, the CSV and the index are kept there and reused.

var benchPosts = []string{"TOKYO", "PARIS", "KABUL", "BAGHDAD", "MOSCOW", "BEIJING", "ANKARA", "CAIRO", "STATE", "LONDON",
	"BERLIN", "ROME", "MADRID", "NEWDELHI", "ISLAMABAD", "TELAVIV", "RIYADH", "AMMAN", "BOGOTA", "CARACAS",
	"LAGOS", "NAIROBI", "PRETORIA", "SEOUL", "MANILA", "JAKARTA", "HANOI", "BRASILIA", "MEXICO", "OTTAWA"}

var benchClasses = []string{"UNCLASSIFIED", "CONFIDENTIAL", "SECRET", "CONFIDENTIAL//NOFORN", "SECRET//NOFORN", "UNCLASSIFIED//FOR OFFICIAL USE ONLY"}

func benchSize() int {
	if n, err := strconv.Atoi(os.Getenv("INDEX_BENCH_CABLES")); err == nil && n > 0 {
		return n
	}
	return 5000
}

// benchBody is, when INDEX_BENCH_BODY is set, how many bytes of each
// source cable's text a generated cable keeps (cut at a line): the
// catalog, dates and references are those of full cables, the text (and
// so the time to index it) a fraction. The thread benchmarks, which never
// read the text, take 251,287 cables so in minutes rather than an hour.
func benchBody() int {
	n, _ := strconv.Atoi(os.Getenv("INDEX_BENCH_BODY"))
	return max(0, n)
}

// benchName is the name of the generated archive of n cables, or of its
// index (ext ".db"), in benchDir.
func benchName(n int, ext string) string {
	if k := benchBody(); k > 0 {
		return fmt.Sprintf("cables-%d-body%d%s", n, k, ext)
	}
	return fmt.Sprintf("cables-%d%s", n, ext)
}

func benchDir(b *testing.B) string {
	if d := os.Getenv("INDEX_BENCH_DIR"); d != "" {
		os.MkdirAll(d, 0o755)
		return d
	}
	return b.TempDir()
}

// syllables make the made-up words.
var syllables = strings.Fields("ka to ri mu sa ne lo vi da pe zu ho mi ra te no shi ba gu ye fa qui lan dor mek tsa vol ern ist ach")

func madeUpWord(n int) string {
	var b strings.Builder
	for n >= 0 {
		b.WriteString(syllables[n%len(syllables)])
		n = n/len(syllables) - 1
	}
	return b.String()
}

// generateCSV writes n cables to path and returns its size.
func generateCSV(b *testing.B, path string, n int) int64 {
	if st, err := os.Stat(path + ".done"); err == nil && st.Size() > 0 {
		data, _ := os.ReadFile(path + ".done")
		if string(data) == strconv.Itoa(n) {
			st, _ := os.Stat(path)
			return st.Size()
		}
	}
	files, _ := filepath.Glob(filepath.Join(realCables, "*.txt"))
	type src struct {
		text    string
		subject string
	}
	var srcs []src
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		c := parser.Parse(data)
		if k := benchBody(); k > 0 && len(data) > k {
			if i := bytes.LastIndexByte(data[:k], '\n'); i > 0 {
				data = data[:i+1]
			}
		}
		srcs = append(srcs, src{string(data), c.Header.Subject})
	}
	r := rand.New(rand.NewPCG(1, 2))
	zipf := rand.NewZipf(r, 1.1, 2, 2_000_000)
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	var row []byte
	var size int64
	var words strings.Builder
	for i := range n {
		s := srcs[i%len(srcs)]
		post := benchPosts[r.IntN(len(benchPosts))]
		date := time.Date(1966, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(r.Int64N(int64(44 * 365 * 24 * time.Hour)))).Truncate(time.Minute)
		if r.IntN(4) > 0 { // most cables are from 2003 to 2010
			date = time.Date(2003, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(r.Int64N(int64(8 * 365 * 24 * time.Hour)))).Truncate(time.Minute)
		}
		id := fmt.Sprintf("%02d%s%d", date.Year()%100, post, i+1)
		words.Reset()
		start := 0
		text := s.text
		for j := 0; j <= len(text); j++ {
			if j < len(text) && isTokenRune(rune(text[j])) {
				continue
			}
			if j > start {
				w := text[start:j]
				if len(w) >= 4 && r.IntN(6) == 0 {
					w = madeUpWord(int(zipf.Uint64()))
					if text[start] >= 'A' && text[start] <= 'Z' {
						w = strings.ToUpper(w)
					}
				}
				words.WriteString(w)
			}
			if j < len(text) {
				words.WriteByte(text[j])
			}
			start = j + 1
		}
		var refs []string
		if i > 0 && r.IntN(3) == 0 {
			refs = append(refs, fmt.Sprintf("%02d%s%d", date.Year()%100, benchPosts[r.IntN(len(benchPosts))], r.IntN(i)+1))
		}
		dateCol := fmt.Sprintf("%d/%d/%d %d:%02d", date.Month(), date.Day(), date.Year(), date.Hour(), date.Minute())
		row = appendRow(row[:0], []string{strconv.Itoa(i + 1), dateCol, id, "Embassy " + strings.ToLower(post),
			benchClasses[r.IntN(len(benchClasses))], strings.Join(refs, "|"), "", words.String()})
		if _, err := f.Write(row); err != nil {
			b.Fatal(err)
		}
		size += int64(len(row))
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	os.WriteFile(path+".done", []byte(strconv.Itoa(n)), 0o644)
	return size
}

func BenchmarkBuild(b *testing.B) {
	dir := benchDir(b)
	n := benchSize()
	csv := filepath.Join(dir, benchName(n, ".csv"))
	size := generateCSV(b, csv, n)
	file := filepath.Join(dir, benchName(n, ".db"))
	b.SetBytes(size)
	b.ResetTimer()
	for b.Loop() {
		os.Remove(file)
		ix, err := Open([]string{csv}, file)
		if err != nil {
			b.Fatal(err)
		}
		st, err := ix.Update(context.Background(), nil)
		if err != nil || st.Cables != n {
			b.Fatalf("%v %+v", err, st)
		}
		ix.Close()
	}
	b.StopTimer()
	st, _ := os.Stat(file)
	b.ReportMetric(float64(st.Size())/float64(size)*100, "index-%-of-csv")
	ix, _ := Open([]string{csv}, file)
	defer ix.Close()
	var terms int
	ix.DB().Exec(`CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, fts, 'row')`)
	ix.DB().QueryRow(`SELECT count(*) FROM temp.vocab`).Scan(&terms)
	b.ReportMetric(float64(terms), "distinct-terms")
	b.ReportMetric(float64(n), "cables")
}

// benchQueries are 50 fixed queries: rare and common words, phrases,
// prefixes, each field, date ranges and combinations.
var benchQueries = []string{
	"the", "government", "minister", "trafficking", "nuclear", "iran", "whaling", "corruption", "election", "oil",
	`"nuclear weapons"`, `"human rights"`, `"prime minister"`, `"foreign minister"`, `"standard operating procedures"`,
	"nucl*", "terror*", "elect*", "econ*", "kab*",
	"tag:KTIP", "tag:PREL", "from:tokyo", "from:paris", "class:secret", "noforn", "date:2009", "date:2009-11..2010-02",
	"id:09TOKYO2531", "cites:09TOKYO5", "subject:iran", `subject:"nuclear"`,
	"iran nuclear", "iran -nuclear", "tehran OR kabul", "trafficking tag:KTIP", "nuclear date:2009", "nuclear from:tokyo",
	"class:secret noforn date:2008", "minister date:2006..2007", `"human rights" from:beijing`, "oil OR gas date:2010",
	"corruption -election", "tag:PREL tag:PGOV", "president visit", "kato*", "KATORI", "security council resolution",
	"-the date:2009-01", "military OR army OR navy",
}

func BenchmarkQuery(b *testing.B) {
	dir := benchDir(b)
	n := benchSize()
	csv := filepath.Join(dir, benchName(n, ".csv"))
	generateCSV(b, csv, n)
	file := filepath.Join(dir, benchName(n, ".db"))
	start := time.Now()
	ix, err := Open([]string{csv}, file)
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	if !ix.Ready() {
		if _, err := ix.Update(context.Background(), nil); err != nil {
			b.Fatal(err)
		}
		ix.Close()
		start = time.Now()
		if ix, err = Open([]string{csv}, file); err != nil {
			b.Fatal(err)
		}
	}
	qs := make([]*Query, len(benchQueries))
	for i, s := range benchQueries {
		if qs[i], err = Parse(s); err != nil {
			b.Fatal(s, err)
		}
	}
	// Reopening: open, bring up to date (nothing changed) and answer one query.
	ix.Update(context.Background(), nil)
	ix.Search(context.Background(), qs[0], 100)
	reopen := time.Since(start)
	var times, facetTimes []time.Duration
	per := make([]time.Duration, len(qs))
	perFacets := make([]time.Duration, len(qs))
	b.ResetTimer()
	for b.Loop() {
		for i, q := range qs {
			t := time.Now()
			if _, _, err := ix.Search(context.Background(), q, 100); err != nil {
				b.Fatal(benchQueries[i], err)
			}
			d := time.Since(t)
			times = append(times, d)
			per[i] = max(per[i], d)
			t = time.Now()
			if _, err := ix.Facets(context.Background(), q, 5); err != nil {
				b.Fatal(benchQueries[i], err)
			}
			d = time.Since(t)
			facetTimes = append(facetTimes, d)
			perFacets[i] = max(perFacets[i], d)
		}
	}
	b.StopTimer()
	slices.Sort(times)
	slices.Sort(facetTimes)
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "median-ms")
	b.ReportMetric(float64(times[len(times)-1].Microseconds())/1000, "max-ms")
	b.ReportMetric(float64(facetTimes[len(facetTimes)/2].Microseconds())/1000, "facets-median-ms")
	b.ReportMetric(float64(facetTimes[len(facetTimes)-1].Microseconds())/1000, "facets-max-ms")
	b.ReportMetric(float64(reopen.Microseconds())/1000, "reopen-ms")
	if os.Getenv("INDEX_BENCH_VERBOSE") != "" {
		for i, d := range per {
			fmt.Fprintf(os.Stderr, "%-40s %-14v facets %v\n", benchQueries[i], d, perFacets[i])
		}
	}
}

// longQueries are queries pasted by mistake or made to hurt: a word
// repeated a thousand times, the commonest words, many different ones, a
// long phrase, and ones over the length bound (refused at once).
func longQueries() map[string]string {
	common := strings.Fields("the of and to in a is that for on with as by at from this be was are it an have has will which were their said would its also but been there they other government minister president")
	words := strings.Fields("nuclear iran tehran kabul oil gas election corruption military army navy trafficking whaling minister embassy security council resolution president visit police court judge prison human rights terror border trade bank energy water school health refugee")
	return map[string]string{
		"nuclear x1000":     strings.Repeat("nuclear ", 1000),
		"nuclear x2000":     strings.Repeat("nuclear ", 2000),
		"of x300":           strings.Repeat("of ", 300),
		"of x1000":          strings.Repeat("of ", 1000),
		"nuclear OR x10000": strings.Repeat("nuclear OR ", 10000) + "nuclear",
		"43 common words":   strings.Join(common, " "),
		"43 common OR":      strings.Join(common, " OR "),
		"phrase of 256 of":  `"` + strings.Repeat("of ", 256) + `"`,
		"48 words OR":       strings.Join(words, " OR "),
		"48 words":          strings.Join(words, " "),
		"99 KB of text":     strings.Repeat("the nuclear weapons programme of iran ", 99<<10/38),
		"64 prefixes OR":    strings.Repeat("gov* OR ", 63) + "gov*",
		"common -of":        strings.Join(common[2:], " ") + " -of",
		"16 common words":   strings.Join(common[:16], " "),
		"8 common words":    strings.Join(common[:8], " "),
		"phrase of 32 of":   `"` + strings.Repeat("of ", 32) + `"`,
		"phrase of 16 of":   `"` + strings.Repeat("of ", 16) + `"`,
		"phrase 32 common":  `"` + strings.Join(common[:32], " ") + `"`,
	}
}

// BenchmarkLongQuery times each of longQueries (parse, search and facets)
// over the generated archive, or over the index INDEX_BENCH_INDEX of the
// archive INDEX_BENCH_ARCHIVE (paths separated by commas) when set;
// INDEX_BENCH_QUERY names the one query to time.
func BenchmarkLongQuery(b *testing.B) {
	var ix *Index
	var err error
	if file := os.Getenv("INDEX_BENCH_INDEX"); file != "" {
		ix, err = Open(strings.Split(os.Getenv("INDEX_BENCH_ARCHIVE"), ","), file)
	} else {
		dir := benchDir(b)
		n := benchSize()
		csv := filepath.Join(dir, benchName(n, ".csv"))
		generateCSV(b, csv, n)
		ix, err = Open([]string{csv}, filepath.Join(dir, benchName(n, ".db")))
	}
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	if _, err := ix.Update(context.Background(), nil); err != nil {
		b.Fatal(err)
	}
	ix.Warm(context.Background())
	qs := longQueries()
	names := slices.Sorted(maps.Keys(qs))
	if only := os.Getenv("INDEX_BENCH_QUERY"); only != "" {
		// One query's name (for a profile of it alone).
		names = slices.DeleteFunc(names, func(n string) bool { return n != only })
	}
	worst := map[string]time.Duration{}
	cpus := map[string][]time.Duration{} // each query's processor time, run by run
	outcome := map[string]string{}
	b.ResetTimer()
	for b.Loop() {
		for _, name := range names {
			t, c := time.Now(), cpuTime()
			q, err := Parse(qs[name])
			if err == nil {
				var n int
				_, n, err = ix.Search(context.Background(), q, 100)
				if err == nil {
					_, err = ix.Facets(context.Background(), q, 5)
				}
				outcome[name] = fmt.Sprintf("%d hits", n)
			}
			if err != nil {
				outcome[name] = err.Error()
			}
			worst[name] = max(worst[name], time.Since(t))
			cpus[name] = append(cpus[name], cpuTime()-c)
		}
	}
	b.StopTimer()
	// Beside the slowest time, each query's median processor time: on a
	// busy machine the time that passes says more of the others.
	var all, allCPU time.Duration
	for _, name := range names {
		all = max(all, worst[name])
		slices.Sort(cpus[name])
		cpu := cpus[name][len(cpus[name])/2]
		allCPU = max(allCPU, cpu)
		fmt.Fprintf(os.Stderr, "%-20s %7d bytes %10.1f ms %10.1f ms cpu  %s\n", name, len(qs[name]), float64(worst[name].Microseconds())/1000,
			float64(cpu.Microseconds())/1000, outcome[name])
	}
	b.ReportMetric(float64(all.Microseconds())/1000, "max-ms")
	b.ReportMetric(float64(allCPU.Microseconds())/1000, "max-median-cpu-ms")
}
