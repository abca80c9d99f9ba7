package corpus_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"cablereader/corpus"
	"cablereader/search"
)

// The first scan of a folder laid out as the Cablegate site is,
// cable/YYYY/MM/ID.html, with plain-text cables beside the pages: the
// real test cables and pages, copied under made-up ids, CORPUS_BENCH_FILES
// files in all (default 1000), kept in CORPUS_BENCH_DIR when it is set.

func benchFolder(b *testing.B) (dir string, files int, size int64) {
	n := 1000
	if v, err := strconv.Atoi(os.Getenv("CORPUS_BENCH_FILES")); err == nil && v > 0 {
		n = v
	}
	dir = os.Getenv("CORPUS_BENCH_DIR")
	if dir == "" {
		dir = b.TempDir()
	}
	dir = filepath.Join(dir, fmt.Sprintf("folder-%d", n))
	texts, _ := filepath.Glob("../testdata/cables/*.txt")
	pages, _ := filepath.Glob("../testdata/cables/html/*.html")
	if len(texts) < 100 || len(pages) < 10 {
		b.Fatalf("%d cables and %d pages in testdata", len(texts), len(pages))
	}
	srcs := append(pages, texts...)
	data := make([][]byte, len(srcs))
	for i, p := range srcs {
		var err error
		if data[i], err = os.ReadFile(p); err != nil {
			b.Fatal(err)
		}
	}
	_, err := os.Stat(filepath.Join(dir, "done"))
	for i := range n {
		k := i % len(srcs)
		day := time.Date(1966, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i*16000/n)
		ext := filepath.Ext(srcs[k])
		path := filepath.Join(dir, "cable", day.Format("2006"), day.Format("01"),
			fmt.Sprintf("%02dPOST%d%s", day.Year()%100, i+1, ext))
		if err != nil {
			os.MkdirAll(filepath.Dir(path), 0o755)
			if err := os.WriteFile(path, data[k], 0o644); err != nil {
				b.Fatal(err)
			}
		}
		size += int64(len(data[k]))
	}
	if err != nil {
		os.WriteFile(filepath.Join(dir, "done"), nil, 0o644)
	}
	return dir, n, size
}

// BenchmarkFirstScan is the scan that lists a new folder (files/s,
// MB/s); with /index, the index built after it as well: "twice" as it
// was (the build scanned the files again), "once" from the list's
// records (search.ReadFrom).
func BenchmarkFirstScan(b *testing.B) {
	dir, files, size := benchFolder(b)
	run := func(b *testing.B, build, once bool) {
		var parsed int64
		b.SetBytes(size)
		for b.Loop() {
			count, restore := corpus.CountParses()
			arch, err := corpus.Open([]string{dir})
			if err != nil {
				b.Fatal(err)
			}
			if err := arch.Scan(context.Background(), nil); err != nil || len(arch.Entries()) == 0 {
				b.Fatal(err)
			}
			if build {
				fts, err := search.Open([]string{dir}, filepath.Join(b.TempDir(), "index.db"))
				if err != nil {
					b.Fatal(err)
				}
				if once {
					fts.ReadFrom(arch)
				}
				if _, err := fts.Update(context.Background(), nil); err != nil {
					b.Fatal(err)
				}
				fts.Close()
			}
			arch.Close()
			parsed += count()
			restore()
		}
		b.ReportMetric(float64(files*b.N)/b.Elapsed().Seconds(), "files/s")
		b.ReportMetric(float64(parsed)/float64(files*b.N), "parses/file")
	}
	b.Run("list", func(b *testing.B) { run(b, false, false) })
	b.Run("index/twice", func(b *testing.B) { run(b, true, false) })
	b.Run("index/once", func(b *testing.B) { run(b, true, true) })
}
