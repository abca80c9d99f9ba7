//go:build unix

package input

import (
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// A file opened once reads from its first byte after Head has looked at
// the start, be it a regular file, a pipe (/dev/fd/N, as <(…) gives) or a
// named pipe.
func TestFileHeadThenRead(t *testing.T) {
	sample, err := os.ReadFile("../testdata/09TOKYO2531.txt")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	regular := filepath.Join(dir, "cable.txt")
	if err := os.WriteFile(regular, sample, 0o644); err != nil {
		t.Fatal(err)
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	go func() { w.Write(sample); w.Close() }()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	go func() {
		if f, err := os.OpenFile(fifo, os.O_WRONLY, 0); err == nil {
			f.Write(sample)
			f.Close()
		}
	}()
	for _, tc := range []struct {
		path    string
		regular bool
	}{{regular, true}, {fmt.Sprintf("/dev/fd/%d", r.Fd()), false}, {fifo, false}} {
		f, err := Open(tc.path)
		if err != nil {
			t.Fatal(err)
		}
		if head := f.Head(256); string(head) != string(sample[:256]) {
			t.Errorf("%s: head %q", tc.path, head)
		}
		text, format, err := f.Decode(Limits{})
		f.Close()
		if err != nil || format != Text || string(text) != string(sample) || f.Regular() != tc.regular {
			t.Errorf("%s: %d of %d bytes, %q, %v, regular %v", tc.path, len(text), len(sample), format, err, f.Regular())
		}
	}
}
