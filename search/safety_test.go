//go:build unix

package search

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"cablereader/catalog"
)

// within runs f and fails the test if it has not returned after d (a
// named pipe opened for reading blocks until a writer comes).
func within(t *testing.T, d time.Duration, what string, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { defer close(done); f() }()
	select {
	case <-done:
	case <-time.After(d):
		t.Fatalf("%s: still running after %s", what, d)
	}
}

// Only a regular file that is an index of ours is ever replaced: every
// other thing at the index path is refused, in one line, before any
// work, and is left as it was.
func TestIndexPathThatIsNotAnIndex(t *testing.T) {
	dir := archive(t)
	tmp := t.TempDir()
	kinds := []struct {
		name string
		make func(path string) error
		what string
	}{
		{"folder", func(p string) error { return os.Mkdir(p, 0o755) }, "is a folder"},
		{"fifo", func(p string) error { return syscall.Mkfifo(p, 0o644) }, "is a named pipe"},
		{"chardev", func(p string) error { return syscall.Mknod(p, syscall.S_IFCHR|0o644, 1<<8|3) }, "is a character device"}, // as /dev/null
		{"empty", func(p string) error { return os.WriteFile(p, nil, 0o644) }, "is an empty file"},
		{"notes", func(p string) error { return os.WriteFile(p, []byte("my notes\n"), 0o644) }, "is not an SQLite database"},
		{"other.db", func(p string) error { setMeta(t, p, `CREATE TABLE t (x)`); return nil }, "is an SQLite database of something else"},
	}
	for _, k := range kinds {
		t.Run(k.name, func(t *testing.T) {
			path := filepath.Join(tmp, k.name)
			if err := k.make(path); err != nil {
				if k.name == "chardev" {
					t.Skipf("mknod: %v (needs root)", err)
				}
				t.Fatal(err)
			}
			before, _ := os.Lstat(path)
			var content []byte
			if before.Mode().IsRegular() { // a FIFO is not read: it would block
				content, _ = os.ReadFile(path)
			}
			var err error
			within(t, 5*time.Second, "Open", func() { _, err = Open([]string{dir}, path) })
			if !errors.Is(err, ErrForeign) || !strings.Contains(err.Error(), k.what) || strings.Contains(err.Error(), "\n") {
				t.Errorf("Open: %v", err)
			}
			// Put there after the index was opened: Update refuses it too.
			other := filepath.Join(tmp, k.name+"-late")
			ix, err := Open([]string{dir}, other)
			if err != nil {
				t.Fatal(err)
			}
			defer ix.Close()
			if err := k.make(other); err != nil {
				t.Fatal(err)
			}
			within(t, 5*time.Second, "Update", func() { _, err = ix.Update(context.Background(), nil) })
			if !errors.Is(err, ErrForeign) {
				t.Errorf("Update: %v", err)
			}
			after, err := os.Lstat(path)
			if err != nil || after.Mode() != before.Mode() || !os.SameFile(before, after) {
				t.Errorf("the %s was replaced: %v %v", k.name, after, err)
			}
			if before.Mode().IsRegular() {
				if now, _ := os.ReadFile(path); string(now) != string(content) {
					t.Errorf("the %s was changed", k.name)
				}
			}
			if late, err := os.Lstat(other); err != nil || late.Mode().Type() != before.Mode().Type() {
				t.Errorf("the late %s was replaced: %v", k.name, err)
			}
		})
	}
}

// A build is written under a name of its own, and what is at the index
// path is looked at again just before it is renamed there.
func TestRebuildDoesNotReplaceWhatCameMeanwhile(t *testing.T) {
	dir := archive(t)
	file := filepath.Join(t.TempDir(), "i.db")
	ix, err := Open([]string{dir}, file)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	put := false
	_, err = ix.Update(context.Background(), func(p catalog.IndexProgress) {
		if p.Stage == "indexing" && !put {
			put = true
			if err := os.WriteFile(file, []byte("my notes\n"), 0o644); err != nil {
				t.Error(err)
			}
		}
	})
	if !errors.Is(err, ErrForeign) {
		t.Errorf("Update: %v", err)
	}
	if data, _ := os.ReadFile(file); string(data) != "my notes\n" {
		t.Errorf("the file put at the index path during the build was replaced")
	}
	if left, _ := filepath.Glob(file + ".build*"); len(left) != 0 {
		t.Errorf("temporary files left: %q", left)
	}
}

// The temporary files of builds that were killed are removed by the next
// writer, and only they: a build's own temporary name is one of them.
func TestKilledBuildsLeaveNothingBehind(t *testing.T) {
	dir := archive(t)
	file := filepath.Join(t.TempDir(), "i.db")
	left := []string{file + ".build", file + ".build-123", file + ".build-123-journal"}
	for _, p := range left {
		os.WriteFile(p, []byte("half a build"), 0o644)
	}
	mine := file + ".build-notes"
	os.WriteFile(mine, []byte("mine"), 0o644)
	ix, err := Open([]string{dir}, file)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	var during []string
	_, err = ix.Update(context.Background(), func(p catalog.IndexProgress) {
		if p.Stage == "indexing" && during == nil {
			during, _ = filepath.Glob(file + ".build-*")
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	own := 0
	for _, p := range during {
		if p != mine && isTemp(filepath.Base(p), filepath.Base(file)+tempInfix) {
			own++
		}
	}
	if own != 1 {
		t.Errorf("during the build: %q; want one temporary file that a later writer would know as such", during)
	}
	for _, p := range left {
		if _, err := os.Stat(p); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s left: %v", p, err)
		}
	}
	if data, _ := os.ReadFile(mine); string(data) != "mine" {
		t.Errorf("%s was removed", mine)
	}
}
