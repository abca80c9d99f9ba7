package search

import (
	"context"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"cablereader/thread"
)

// benchIndex opens the index of the generated cables.csv (see
// generateCSV), building it first when needed.
func benchIndex(b *testing.B) *Index {
	dir := benchDir(b)
	n := benchSize()
	csv := filepath.Join(dir, benchName(n, ".csv"))
	generateCSV(b, csv, n)
	ix, err := Open([]string{csv}, filepath.Join(dir, benchName(n, ".db")))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { ix.Close() })
	if !ix.Ready() {
		if _, err := ix.Update(context.Background(), nil); err != nil {
			b.Fatal(err)
		}
	}
	return ix
}

// denseIndex is the index of benchIndex with many more references: the
// generated CSV's cables cite one other cable at most, and mostly none
// the archive holds, so that a thread is a few rows. A copy of the index
// gets, for each cable, none to six references (none for half of them),
// nine in ten to one of the 3,000 cables before it (a story), one in ten
// to a "hub" (every 1,000th cable, the earliest the most cited), as a
// widely cited State cable is: at 251,287 cables the most cited has about
// 600 citers, and its thread thousands of rows.
func denseIndex(b *testing.B) *Index {
	base := benchIndex(b)
	src := base.File()
	file := strings.TrimSuffix(src, ".db") + "-dense.db"
	if _, err := os.Stat(file + ".done"); err != nil {
		base.Close()
		if err := copyDB(src, file); err != nil {
			b.Fatal(err)
		}
		if err := addReferences(file, base.Archive()); err != nil {
			b.Fatal(err)
		}
		os.WriteFile(file+".done", nil, 0o644)
	}
	ix, err := Open(base.Archive(), file)
	if err != nil || !ix.Ready() {
		b.Fatal("dense index:", err)
	}
	b.Cleanup(func() { ix.Close() })
	return ix
}

func addReferences(file string, archive []string) error {
	ix, err := Open(archive, file)
	if err != nil {
		return err
	}
	defer ix.Close()
	db := ix.DB()
	rows, err := db.Query(`SELECT rowid, id FROM cables ORDER BY rowid`)
	if err != nil {
		return err
	}
	var rowids []int64
	var ids []string
	for rows.Next() {
		var r int64
		var id string
		rows.Scan(&r, &id)
		rowids, ids = append(rowids, r), append(ids, id)
	}
	rows.Close()
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	st, err := tx.Prepare(`INSERT INTO refs (cable, citing, cited, label) VALUES (?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	r := rand.New(rand.NewPCG(3, 4))
	for i := 1; i < len(ids); i++ {
		k := 0
		switch u := r.IntN(100); {
		case u < 50:
		case u < 75:
			k = 1
		case u < 90:
			k = 2
		default:
			k = 3 + r.IntN(4)
		}
		for j := range k {
			t := max(0, i-1-r.IntN(min(i, 3000)))
			if r.IntN(10) == 0 && i >= 1000 {
				t = int(math.Pow(r.Float64(), 1.5)*float64(i/1000)) * 1000
			}
			if _, err := st.Exec(rowids[i], ids[i], strings.ToUpper(ids[t]), string(rune('A'+j))); err != nil {
				tx.Rollback()
				return err
			}
		}
	}
	return tx.Commit()
}

// BenchmarkThread follows the thread of 100 cables, three hops each way,
// and lays out its timeline: the 50 most cited of the generated archive
// and 50 that cite another one, from the index (with INDEX_BENCH_DENSE set, of
// denseIndex). It reports the median and the slowest, and the most rows
// a thread had.
func BenchmarkThread(b *testing.B) {
	ix := benchIndex(b)
	if os.Getenv("INDEX_BENCH_DENSE") != "" {
		ix = denseIndex(b)
	}
	ctx := context.Background()
	// The references are read into memory once (CitedByCounts does it
	// when the archive view opens); that load is reported apart.
	t := time.Now()
	if _, err := ix.refGraph(ctx); err != nil {
		b.Fatal(err)
	}
	load := time.Since(t)
	var mem runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&mem)
	counts, err := ix.CitedByCounts(ctx)
	if err != nil {
		b.Fatal(err)
	}
	type idN struct {
		id string
		n  int
	}
	var cited []idN
	for id, n := range counts {
		cited = append(cited, idN{id, n})
	}
	slices.SortFunc(cited, func(x, y idN) int {
		if y.n != x.n {
			return y.n - x.n
		}
		return strings.Compare(x.id, y.id)
	})
	var ids []string
	for _, c := range cited {
		if len(ids) == 50 {
			break
		}
		if _, ok, _ := ix.Locate(ctx, c.id); ok {
			ids = append(ids, c.id)
		}
	}
	rows, err := ix.DB().Query(`SELECT DISTINCT citing FROM refs ORDER BY cable LIMIT 50 OFFSET 1000`)
	if err != nil {
		b.Fatal(err)
	}
	for rows.Next() {
		var id string
		rows.Scan(&id)
		ids = append(ids, id)
	}
	rows.Close()
	if len(ids) < 50 {
		b.Fatalf("only %d cables with a thread", len(ids))
	}
	var times, cpus []time.Duration
	most := 0
	var hub string                         // the id of the thread with the most rows
	hubCPU := map[string][]time.Duration{} // each thread's times, by id
	b.ResetTimer()
	for b.Loop() {
		for _, id := range ids {
			t, c := time.Now(), cpuTime()
			th, held, err := thread.Follow(ctx, ix, id, thread.DefaultDepth)
			if err != nil || !held {
				b.Fatal(id, err, held)
			}
			tl := th.Timeline()
			d := time.Since(t)
			cpu := cpuTime() - c
			times, cpus = append(times, d), append(cpus, cpu)
			hubCPU[id] = append(hubCPU[id], cpu)
			if n := max(len(th.Rows()), len(tl)); n > most {
				most, hub = n, id
			}
			if os.Getenv("INDEX_BENCH_VERBOSE") != "" && d > 20*time.Millisecond {
				fmt.Fprintf(os.Stderr, "%s: %v, %d rows, timeline %d\n", id, d, len(th.Rows()), len(tl))
			}
		}
	}
	b.StopTimer()
	slices.Sort(times)
	slices.Sort(cpus)
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "median-ms")
	b.ReportMetric(float64(times[len(times)-1].Microseconds())/1000, "max-ms")
	// The processor time the program spent meanwhile: on a busy machine
	// the time that passes says more of the others than of the thread.
	b.ReportMetric(float64(cpus[len(cpus)/2].Microseconds())/1000, "median-cpu-ms")
	b.ReportMetric(float64(cpus[len(cpus)-1].Microseconds())/1000, "max-cpu-ms")
	b.ReportMetric(float64(most), "most-rows")
	// The biggest thread's own median: the maximum above may hold a
	// garbage collection of the whole heap that fell during one thread.
	slices.Sort(hubCPU[hub])
	b.ReportMetric(float64(hubCPU[hub][len(hubCPU[hub])/2].Microseconds())/1000, "biggest-median-cpu-ms")
	b.ReportMetric(float64(load.Milliseconds()), "load-refs-ms")
	b.ReportMetric(float64(mem.HeapAlloc>>20), "heap-MB") // with the references loaded
	if os.Getenv("INDEX_BENCH_VERBOSE") != "" {
		fmt.Fprintf(os.Stderr, "most cited: %v\n", cited[:min(5, len(cited))])
	}
}

// BenchmarkCitedByCounts counts the citers of every cited id of the
// archive (of denseIndex with INDEX_BENCH_DENSE), as the list's Cited
// column takes them.
func BenchmarkCitedByCounts(b *testing.B) {
	ix := benchIndex(b)
	if os.Getenv("INDEX_BENCH_DENSE") != "" {
		ix = denseIndex(b)
	}
	var n int
	for b.Loop() {
		counts, err := ix.CitedByCounts(context.Background())
		if err != nil {
			b.Fatal(err)
		}
		n = len(counts)
	}
	b.ReportMetric(float64(n), "ids-cited")
}

// copyDB copies the index file src to dst, streaming.
func copyDB(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
