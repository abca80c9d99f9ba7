package corpus

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

const benchRows = 100_000

// writeBenchCSV writes a cables.csv of n rows made from the real cables,
// each with a new id and date, and returns its size.
func writeBenchCSV(tb testing.TB, path string, n int) int64 {
	cables := loadRealCables(tb)
	rows := make([]csvCable, len(cables))
	for i, rc := range cables {
		rows[i] = rowFor(0, rc)
		rows[i].refid = strings.TrimRight(rc.id[2:], "0123456789") // the station
	}
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	start := time.Date(1966, 1, 1, 0, 0, 0, 0, time.UTC)
	step := time.Date(2010, 2, 28, 0, 0, 0, 0, time.UTC).Sub(start) / time.Duration(n)
	var buf []byte
	for i := range n {
		row := rows[i%len(rows)]
		row.seq = i + 1
		row.date = start.Add(time.Duration(i) * step)
		row.refid = row.date.Format("06") + row.refid + strconv.Itoa(1000+i)
		buf = appendRow(buf[:0], row)
		w.Write(buf)
	}
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	st, _ := f.Stat()
	f.Close()
	return st.Size()
}

// BenchmarkScanCSV scans a 100,000-row cables.csv. Besides the time
// per scan it reports when a reader first sees entries, the peak heap
// while scanning, and the heap the finished archive keeps.
func BenchmarkScanCSV(b *testing.B) {
	path := filepath.Join(b.TempDir(), "cables.csv")
	size := writeBenchCSV(b, path, benchRows)
	b.SetBytes(size)
	b.ReportAllocs()
	var firstNS, peakHeap atomic.Int64
	var ms0, ms1 runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms0)
	b.ResetTimer()
	for range b.N {
		ix, err := Open([]string{path})
		if err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		stop := make(chan struct{})
		watched := make(chan struct{})
		go watch(ix, start, &firstNS, &peakHeap, stop, watched)
		if err := ix.Scan(context.Background(), nil); err != nil {
			b.Fatal(err)
		}
		close(stop)
		<-watched
		if n := len(ix.Entries()); n != benchRows || len(ix.Errors()) != 0 {
			b.Fatalf("%d entries, %d errors", n, len(ix.Errors()))
		}
		b.StopTimer()
		runtime.GC()
		runtime.ReadMemStats(&ms1)
		runtime.KeepAlive(ix)
		ix.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(firstNS.Load())/1e6, "ms-to-first-batch")
	b.ReportMetric(float64(peakHeap.Load())/(1<<20), "MB-peak-heap")
	b.ReportMetric(float64(ms1.HeapInuse)/(1<<20), "MB-heap-inuse-after")
	b.ReportMetric(float64(ms1.TotalAlloc-ms0.TotalAlloc)/float64(b.N)/(1<<20), "MB-alloc/op")
	b.ReportMetric(float64(size)/(1<<20), "MB-csv")
}

// watch polls the archive as a list view would: it notes when the first
// entries show, and samples the heap (runtime/metrics does not stop the
// world, unlike ReadMemStats).
func watch(ix *Archive, start time.Time, firstNS, peak *atomic.Int64, stop, done chan struct{}) {
	defer close(done)
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	seen := false
	for i := 0; ; i++ {
		if !seen && len(ix.Entries()) > 0 {
			seen = true
			firstNS.Store(int64(time.Since(start)))
		}
		if i%20 == 0 {
			metrics.Read(sample)
			if v := int64(sample[0].Value.Uint64()); v > peak.Load() {
				peak.Store(v)
			}
		}
		select {
		case <-stop:
			return
		case <-time.After(500 * time.Microsecond):
		}
	}
}
