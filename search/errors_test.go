package search

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// An index that cannot be written still answers from what it holds: the
// error says so (Unwritable), names the file and what to do.
func TestReadOnlyIndexStillAnswers(t *testing.T) {
	dir := archive(t)
	file := filepath.Join(t.TempDir(), "i.db")
	ix, _ := build(t, file, dir)
	ix.Close()
	changed := filepath.Join(dir, "10TOKYO1.txt")
	later := time.Now().Add(time.Minute)
	os.Chtimes(changed, later, later)
	defer func(old func(string) (*sql.DB, error)) { openForUpdate = old }(openForUpdate)
	openForUpdate = func(path string) (*sql.DB, error) { return openDB(path, true) }
	ix, err := Open([]string{dir}, file)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	_, err = ix.Update(context.Background(), nil)
	var fe *FileError
	if !Unwritable(err) || !errors.As(err, &fe) || !strings.Contains(err.Error(), file) || !strings.Contains(err.Error(), "cannot be written (read-only); make it and its folder writable, or choose another --index") {
		t.Fatalf("%v", err)
	}
	if got := ids(t, ix, "trafficking"); !ix.Ready() || len(got) == 0 {
		t.Errorf("the read-only index does not answer: %q", got)
	}
}

// A damaged index is named as such, with what to do.
func TestDamagedIndexIsNamed(t *testing.T) {
	dir := archive(t)
	file := filepath.Join(t.TempDir(), "i.db")
	ix, _ := build(t, file, dir)
	ix.Close()
	data, _ := os.ReadFile(file)
	os.WriteFile(file, data[:len(data)/2], 0o644)
	ix, err := Open([]string{dir}, file)
	if err == nil {
		defer ix.Close()
		_, err = ix.Update(context.Background(), nil)
		if err == nil {
			q, _ := Parse("trafficking")
			_, _, err = ix.Search(context.Background(), q, 10)
		}
	}
	if err == nil || !strings.Contains(err.Error(), "the index "+file+" is damaged") || !strings.Contains(err.Error(), "delete it and it is built anew") {
		t.Errorf("%v", err)
	}
}
