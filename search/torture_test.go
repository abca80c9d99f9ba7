package search

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestTorture kills builds with SIGKILL at random points while other
// builders run at once, and checks the index after every round against a
// full rebuild of the archive as it is then: the same cables, the same
// answers. It runs only when asked:
//
//	CABLEREADER_TORTURE=ROUNDS[,BUILDERS] go test ./search -run Torture -v
//
// (default 3 builders a round, one of them killed).
func TestTorture(t *testing.T) {
	spec := os.Getenv("CABLEREADER_TORTURE")
	if spec == "" {
		t.Skip("set CABLEREADER_TORTURE=ROUNDS[,BUILDERS] to run")
	}
	roundsS, buildersS, _ := strings.Cut(spec, ",")
	rounds, _ := strconv.Atoi(roundsS)
	builders, _ := strconv.Atoi(buildersS)
	rounds, builders = max(rounds, 1), max(builders, 2)
	dir := archive(t)
	file := filepath.Join(t.TempDir(), "i.db")
	queries := []string{"trafficking", "nuclear weapons", "tag:PREL", "date:2009 iran", "torturewordzero OR torturewordone OR torturewordtwo", "minister -iran"}
	rng := rand.New(rand.NewPCG(1, uint64(time.Now().UnixNano())))
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	var killedMid, killedDone, finished, checks int
	start := time.Now()
	for round := range rounds {
		// Change the archive a little: a word added to a few files, a
		// file removed or brought back; now and then the index deleted,
		// so that a kill lands in a first build.
		for range rng.IntN(4) {
			f := files[rng.IntN(len(files))]
			data, err := os.ReadFile(f)
			if err == nil {
				os.WriteFile(f, append(data, fmt.Sprintf("\ntortureword%d\n", rng.IntN(3))...), 0o644)
				later := time.Now().Add(time.Duration(round+1) * time.Second)
				os.Chtimes(f, later, later)
			}
		}
		if rng.IntN(4) == 0 {
			os.Remove(file)
		}
		if _, err := os.Stat(file); err == nil && rng.IntN(5) == 0 {
			setMeta(t, file, `PRAGMA user_version = 0`) // a rebuild over an index
		}
		cmds := make([]*exec.Cmd, builders)
		for i := range cmds {
			cmd := exec.Command(os.Args[0], "-test.run", "^TestHelperWriter$")
			cmd.Env = append(os.Environ(), "CABLEREADER_TEST_ARCHIVE="+dir, "CABLEREADER_TEST_INDEX="+file)
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			cmds[i] = cmd
		}
		victim := rng.IntN(builders)
		time.Sleep(time.Duration(rng.IntN(1500)) * time.Millisecond)
		exited := make(chan error, 1)
		go func() { exited <- cmds[victim].Wait() }()
		select {
		case <-exited:
			killedDone++ // it was done before the kill came
		default:
			cmds[victim].Process.Kill()
			<-exited
			killedMid++
		}
		for i, cmd := range cmds {
			if i == victim {
				continue
			}
			if err := cmd.Wait(); err != nil {
				t.Errorf("round %d: builder %d: %v", round, i, err)
			}
			finished++
		}
		// The index left, brought up to date, against a full rebuild.
		ix, err := Open([]string{dir}, file)
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		st, err := ix.Update(context.Background(), nil)
		if err != nil {
			t.Fatalf("round %d: update after the kill: %v", round, err)
		}
		ref, rst := build(t, filepath.Join(t.TempDir(), "ref.db"), dir)
		if st.Cables != rst.Cables {
			t.Errorf("round %d: %d cables, a rebuild has %d", round, st.Cables, rst.Cables)
		}
		for _, q := range queries {
			got, want := ids(t, ix, q), ids(t, ref, q)
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("round %d: %s: %d hits, a rebuild finds %d", round, q, len(got), len(want))
			}
			checks++
		}
		ix.Close()
		ref.Close()
		if left, _ := filepath.Glob(file + ".build*"); len(left) > 0 {
			t.Errorf("round %d: temporary files left after a clean update: %q", round, left)
		}
	}
	t.Logf("%d rounds in %s: %d builders killed mid-work, %d done before their kill, %d finished beside them; %d query checks against a rebuild",
		rounds, time.Since(start).Round(time.Second), killedMid, killedDone, finished, checks)
}
