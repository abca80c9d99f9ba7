package search

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"cablereader/catalog"
)

// Two builds of one index in one process: the second waits for the
// first, says so, and finds the index complete; both end with the same
// full index, and no temporary file is left.
func TestTwoWritersInOneProcess(t *testing.T) {
	dir := archive(t)
	file := filepath.Join(t.TempDir(), "i.db")
	var wg sync.WaitGroup
	stats := make([]Stats, 3)
	errs := make([]error, 3)
	waited := make([]bool, 3)
	for i := range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ix, err := Open([]string{dir}, file)
			if err != nil {
				errs[i] = err
				return
			}
			defer ix.Close()
			stats[i], errs[i] = ix.Update(context.Background(), func(p catalog.IndexProgress) {
				if p.Stage == "waiting" {
					waited[i] = true
				}
			})
			if errs[i] == nil {
				if got := ids(t, ix, "whaling OR trafficking"); len(got) == 0 {
					errs[i] = fmt.Errorf("no hits after the build")
				}
			}
		}()
	}
	wg.Wait()
	rebuilt, waits := 0, 0
	for i := range 3 {
		if errs[i] != nil || stats[i].Cables != testCount(t) {
			t.Errorf("writer %d: %v %+v", i, errs[i], stats[i])
		}
		if stats[i].Rebuilt {
			rebuilt++
		}
		if waited[i] {
			waits++
		}
	}
	if rebuilt != 1 || waits == 0 {
		t.Errorf("%d builds, %d waits: want one build, the others waiting for it", rebuilt, waits)
	}
	if left, _ := filepath.Glob(file + ".build*"); len(left) != 0 {
		t.Errorf("temporary files left: %q", left)
	}
}

// TestHelperWriter is a writer run as a process of its own by
// TestWritersInProcesses.
func TestHelperWriter(t *testing.T) {
	dir, file := os.Getenv("CABLEREADER_TEST_ARCHIVE"), os.Getenv("CABLEREADER_TEST_INDEX")
	if dir == "" || file == "" {
		t.Skip("run by TestWritersInProcesses")
	}
	ix, err := Open([]string{dir}, file)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	st, err := ix.Update(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	got := ids(t, ix, "trafficking")
	fmt.Printf("cables %d hits %d\n", st.Cables, len(got))
}

// Builders in several processes at once, and a reader searching all the
// while: every builder ends with the whole index, and the reader never
// sees a half-built one.
func TestWritersInProcesses(t *testing.T) {
	dir := archive(t)
	file := filepath.Join(t.TempDir(), "i.db")
	want := func() int {
		ix, _ := build(t, filepath.Join(t.TempDir(), "ref.db"), dir)
		defer ix.Close()
		return len(ids(t, ix, "trafficking"))
	}()
	stop := make(chan struct{})
	readerDone := make(chan error)
	go func() {
		var bad error
		for {
			select {
			case <-stop:
				readerDone <- bad
				return
			default:
			}
			ix, err := Open([]string{dir}, file)
			if err != nil {
				bad = err
				continue
			}
			if ix.Ready() {
				q, _ := Parse("trafficking")
				hits, n, err := ix.Search(context.Background(), q, 1000)
				if err != nil || len(hits) != want || n != want {
					bad = fmt.Errorf("a reader found %d (%d) hits of %d: %v", len(hits), n, want, err)
				}
			}
			ix.Close()
			time.Sleep(5 * time.Millisecond)
		}
	}()
	var cmds []*exec.Cmd
	outs := make([]*strings.Builder, 3)
	for i := range outs {
		cmd := exec.Command(os.Args[0], "-test.run", "^TestHelperWriter$", "-test.v")
		cmd.Env = append(os.Environ(), "CABLEREADER_TEST_ARCHIVE="+dir, "CABLEREADER_TEST_INDEX="+file)
		outs[i] = &strings.Builder{}
		cmd.Stdout, cmd.Stderr = outs[i], outs[i]
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds = append(cmds, cmd)
	}
	for i, cmd := range cmds {
		err := cmd.Wait()
		line := fmt.Sprintf("cables %d hits %d\n", testCount(t), want)
		if err != nil || !strings.Contains(outs[i].String(), line) {
			t.Errorf("writer %d: %v\n%s", i, err, outs[i])
		}
	}
	close(stop)
	if err := <-readerDone; err != nil {
		t.Error(err)
	}
	if left, _ := filepath.Glob(file + ".build*"); len(left) != 0 {
		t.Errorf("temporary files left: %q", left)
	}
}

// An index kept open (as the archive view keeps it) sees what another
// process wrote: an update in place, and a rebuild renamed over it.
func TestLongLivedReaderSeesOtherWriters(t *testing.T) {
	dir := archive(t)
	file := filepath.Join(t.TempDir(), "i.db")
	view, _ := build(t, file, dir)
	q, _ := Parse("whaling")
	if f, err := view.Facets(context.Background(), q, 5); err != nil || len(f.Years) != 0 {
		t.Fatalf("before: %v %v", f.Years, err)
	}
	// Another process changes ten files and updates the index.
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	later := time.Now().Add(time.Minute)
	for _, f := range files[:10] {
		data, _ := os.ReadFile(f)
		os.WriteFile(f, append(data, "\nwhaling\n"...), 0o644)
		os.Chtimes(f, later, later)
	}
	other, st := build(t, file, dir)
	if st.Rebuilt || st.Changed != 10 {
		t.Fatalf("the other's update: %+v", st)
	}
	other.Close()
	hits, n, err := view.Search(context.Background(), q, 100)
	if err != nil || len(hits) != 10 || n != 10 {
		t.Errorf("after an update elsewhere: %d hits, count %d, %v", len(hits), n, err)
	}
	f, err := view.Facets(context.Background(), q, 5)
	total := 0
	for _, y := range f.Years {
		total += y.N
	}
	if err != nil || total != 10 {
		t.Errorf("facets after an update elsewhere: %v %v", f.Years, err)
	}
	// Another process rebuilds it (an older schema).
	setMeta(t, file, `PRAGMA user_version = 0`)
	copyFile(t, files[0], filepath.Join(dir, "10TOKYO9999.txt"))
	data, _ := os.ReadFile(filepath.Join(dir, "10TOKYO9999.txt"))
	os.WriteFile(filepath.Join(dir, "10TOKYO9999.txt"), append(data, "\nnarwhals\n"...), 0o644)
	other, st = build(t, file, dir)
	if !st.Rebuilt {
		t.Fatalf("the other's rebuild: %+v", st)
	}
	other.Close()
	if got := ids(t, view, "narwhals"); len(got) != 1 {
		t.Errorf("after a rebuild elsewhere: %q", got)
	}
	if got := ids(t, view, "whaling"); len(got) != 11 {
		t.Errorf("whaling after the rebuild: %d", len(got))
	}
}
