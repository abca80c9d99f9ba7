package input

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// A regular file over the limit is refused from its size, before it is
// read: refusing a big file costs nothing like its size.
func TestTooLargeRefusedUnread(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.txt")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("UNCLAS SECTION 01 OF 02 STATE 000001\n")
	if err := f.Truncate(64 << 20); err != nil { // sparse: no disk used
		t.Fatal(err)
	}
	f.Close()
	in, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, _, err = in.Decode(Limits{MaxSize: 32 << 20, Force: true})
	runtime.ReadMemStats(&after)
	var tl *TooLargeError
	if !errors.As(err, &tl) || tl.Limit != 32<<20 {
		t.Errorf("%v", err)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 1<<20 {
		t.Errorf("refusing a 64 MB file allocated %d MB", alloc>>20)
	}
}
