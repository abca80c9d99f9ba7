//go:build unix

package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// pipePath hands data to the command as a shell's <(…) does: the path
// /dev/fd/N of a pipe, whose bytes can be read only once.
func pipePath(t *testing.T, data []byte) string {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	go func() { w.Write(data); w.Close() }()
	t.Cleanup(func() { r.Close() })
	return fmt.Sprintf("/dev/fd/%d", r.Fd())
}

// fifoPath hands data to the command through a named pipe (mkfifo).
func fifoPath(t *testing.T, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "fifo")
	if err := syscall.Mkfifo(p, 0o600); err != nil {
		t.Skip("no named pipes here:", err)
	}
	go func() {
		f, err := os.OpenFile(p, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		f.Write(data)
		f.Close()
	}()
	return p
}

// A cable, a short cable and a cables.csv read from a pipe or a named pipe
// give what the same bytes give from a regular file: the first bytes,
// which once went to telling a CSV from a cable, are not lost.
func TestPipesReadLikeFiles(t *testing.T) {
	dir := t.TempDir()
	sample, err := os.ReadFile("testdata/09TOKYO2531.txt")
	if err != nil {
		t.Fatal(err)
	}
	short := []byte("UNCLAS STATE 000001\nSUBJECT: SHORT\n\n1. (U) Text.\n")
	csv := []byte(brokenCSV)
	for _, tc := range []struct {
		name string
		data []byte
		args []string
	}{
		{"cable", sample, []string{"--format", "json"}},
		{"short cable", short, []string{"--format", "json"}},
		{"cables.csv", csv, []string{"--list"}},
		{"cables.csv, no flag", csv, nil},
	} {
		file := filepath.Join(dir, "file")
		if err := os.WriteFile(file, tc.data, 0o644); err != nil {
			t.Fatal(err)
		}
		want, wantErr, code := cli(t, "", append(tc.args, file)...)
		if code != 0 || want == "" {
			t.Fatalf("%s from a file: exit %d %s", tc.name, code, wantErr)
		}
		for kind, path := range map[string]func(*testing.T, []byte) string{"pipe": pipePath, "named pipe": fifoPath} {
			p := path(t, tc.data)
			got, gotErr, code := cliWithin(t, 10*time.Second, append(tc.args, p)...)
			// the list's last column is the path, as given
			if code != 0 || got != strings.ReplaceAll(want, file, p) {
				t.Errorf("%s from a %s: exit %d %s\n%.300s\nwant\n%.300s", tc.name, kind, code, gotErr, got, want)
			}
			if exp := strings.ReplaceAll(wantErr, file, p); gotErr != exp {
				t.Errorf("%s from a %s: stderr %q, want %q", tc.name, kind, gotErr, exp)
			}
		}
	}
}

// cliWithin is cli that fails, rather than hangs, when the command waits
// for bytes that will not come (a named pipe opened twice).
func cliWithin(t *testing.T, d time.Duration, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	type result struct {
		out, err string
		code     int
	}
	done := make(chan result, 1)
	go func() {
		var r result
		r.out, r.err, r.code = cli(t, "", args...)
		done <- r
	}()
	select {
	case r := <-done:
		return r.out, r.err, r.code
	case <-time.After(d):
		t.Fatalf("%v: no answer after %v", args, d)
		return
	}
}

// An endless device is refused by its first bytes, not read up to the
// size limit.
func TestEndlessBinaryDevice(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip(err)
	}
	_, stderr, code := cliWithin(t, 10*time.Second, "/dev/zero")
	if code != 2 || stderr != "cablereader: /dev/zero looks like a binary file, not a cable (use --force to read it anyway)\n" {
		t.Errorf("exit %d, %q", code, stderr)
	}
	_, stderr, code = cliWithin(t, 10*time.Second, "--max-size", "1M", "--force", "/dev/zero")
	if code != 2 || stderr != "cablereader: /dev/zero is larger than 1 MiB (see --max-size)\n" {
		t.Errorf("forced: exit %d, %q", code, stderr)
	}
}
