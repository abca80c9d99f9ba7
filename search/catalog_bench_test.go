package search

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"cablereader/catalog"
	"cablereader/corpus"
	"cablereader/model"
)

// BenchmarkReopen is the reopening of an archive whose catalog is
// current: the catalog read from the index (Catalog) and handed to a scan
// (corpus.Archive.Resume) until the whole list is published. The index
// holds INDEX_BENCH_CABLES cables (default 5000) as the pages of a folder
// cable/YYYY/MM/ID.html, one a file, with two references each; it is
// written directly (a short text each), kept in INDEX_BENCH_DIR when set.
// "kept" reads the catalog kept whole, "rows" the rows it is kept in too.
func BenchmarkReopen(b *testing.B) {
	b.Run("kept", func(b *testing.B) { benchReopen(b, false) })
	b.Run("rows", func(b *testing.B) { benchReopen(b, true) })
}

func benchReopen(b *testing.B, rows bool) {
	dir := benchDir(b)
	n := benchSize()
	root := filepath.Join(dir, "reopen-archive")
	if err := os.MkdirAll(root, 0o755); err != nil {
		b.Fatal(err)
	}
	file := filepath.Join(dir, fmt.Sprintf("reopen-%d.db", n))
	writeCatalog(b, file, root, n)
	var tOpen, tCat, tList, cCat, cList time.Duration
	b.ResetTimer()
	for b.Loop() {
		t0 := time.Now()
		ix, err := Open([]string{root}, file)
		if err != nil || !ix.Ready() {
			b.Fatal(err, ix.Ready())
		}
		ix.rowsOnly = rows
		t1, c1 := time.Now(), cpuTime()
		recs, files, err := ix.Catalog(context.Background())
		if err != nil || len(recs) != n {
			b.Fatal(err, len(recs))
		}
		t2, c2 := time.Now(), cpuTime()
		arch, err := corpus.Open([]string{root})
		if err != nil {
			b.Fatal(err)
		}
		arch.Resume(recs, files)
		ctx, cancel := context.WithCancel(context.Background())
		listed := false
		arch.Scan(ctx, func(catalog.Progress) {
			if !listed && len(arch.Entries()) == n {
				listed = true
				tOpen, tCat, tList = tOpen+t1.Sub(t0), tCat+t2.Sub(t1), tList+time.Since(t2)
				cCat, cList = cCat+c2-c1, cList+cpuTime()-c2
				cancel() // the freshness walk is not measured
			}
		})
		cancel()
		if !listed {
			b.Fatal("the list was never whole")
		}
		arch.Close()
		ix.Close()
	}
	b.ReportMetric(float64(n), "cables")
	b.ReportMetric(float64(tOpen.Milliseconds())/float64(b.N), "open-ms")
	b.ReportMetric(float64(tCat.Milliseconds())/float64(b.N), "catalog-ms")
	b.ReportMetric(float64(tList.Milliseconds())/float64(b.N), "list-ms")
	b.ReportMetric(float64(cCat.Milliseconds())/float64(b.N), "catalog-cpu-ms")
	b.ReportMetric(float64(cList.Milliseconds())/float64(b.N), "list-cpu-ms")
}

// writeCatalog writes an index of n generated cables of the folder root
// to file, unless it is there.
func writeCatalog(b *testing.B, file, root string, n int) {
	if _, err := os.Stat(file); err == nil {
		return
	}
	ctx := context.Background()
	abs, _ := filepath.Abs(root)
	tmp := file + ".tmp"
	os.Remove(tmp)
	db, err := openDB(tmp, false, "journal_mode(OFF)", "synchronous(OFF)")
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	for _, q := range []string{schema, fmt.Sprintf(`PRAGMA user_version = %d`, SchemaVersion)} {
		if _, err := db.Exec(q); err != nil {
			b.Fatal(err)
		}
	}
	if _, err := db.Exec(`INSERT INTO meta (key, value) VALUES ('app', ?), ('archive', ?), ('complete', '1'), ('schema', ?), ('orphans', '0'), ('generation', '1')`,
		appName, abs, strconv.Itoa(SchemaVersion)); err != nil {
		b.Fatal(err)
	}
	tx, err := db.Begin()
	if err != nil {
		b.Fatal(err)
	}
	w, err := newWriter(ctx, tx)
	if err != nil {
		b.Fatal(err)
	}
	start := time.Date(1966, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		post := benchPosts[i%len(benchPosts)]
		date := start.Add(time.Duration(i) * 2 * time.Hour)
		id := fmt.Sprintf("%02d%s%d", date.Year()%100, post, i+1)
		path := filepath.Join(abs, "cable", date.Format("2006"), date.Format("01"), id+".html")
		rec := catalog.Record{
			ID: id, Date: date, Classification: catalog.ClassOf(benchClasses[i%len(benchClasses)]),
			Origin: "Embassy " + post, Subject: fmt.Sprintf("SUBJECT OF CABLE %d ON %s AND ITS NEIGHBOURS", i, post),
			Tags: []string{"PREL", "PGOV", benchPosts[(i+3)%len(benchPosts)][:2]},
			References: []model.Reference{{ID: fmt.Sprintf("%02d%s%d", date.Year()%100, post, i), Label: "A"},
				{ID: fmt.Sprintf("%02dSTATE%d", date.Year()%100, i*7), Label: "B"}},
			Loc: catalog.Location{Kind: catalog.KindHTML, Path: path},
		}
		f, err := w.file(unit{path, 70 << 10, date.UnixNano()})
		if err != nil {
			b.Fatal(err)
		}
		if err := w.add(rec, f, []byte(rec.Subject)); err != nil {
			b.Fatal(err)
		}
		if err := w.count(f, 1); err != nil {
			b.Fatal(err)
		}
	}
	if err := w.keep(); err != nil {
		b.Fatal(err)
	}
	w.close()
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	if err := db.Close(); err != nil {
		b.Fatal(err)
	}
	if err := os.Rename(tmp, file); err != nil {
		b.Fatal(err)
	}
}
