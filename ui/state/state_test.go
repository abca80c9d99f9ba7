package state

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestDefaultPath(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", "/x/state")
	if p, _ := DefaultPath(); p != "/x/state/cablereader/state.json" {
		t.Errorf("with XDG_STATE_HOME: %s", p)
	}
	t.Setenv("XDG_STATE_HOME", "relative") // not absolute: ignored, as the spec says
	t.Setenv("HOME", "/home/u")
	if p, _ := DefaultPath(); p != "/home/u/.local/state/cablereader/state.json" {
		t.Errorf("without: %s", p)
	}
}

// Written, read back; another program's JSON is ignored with a notice and
// never overwritten.
func TestRoundTripAndForeign(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "state.json")
	s, notice := Open(path)
	if notice != "" {
		t.Fatalf("a missing file gives a notice: %q", notice)
	}
	s.SetPosition("09TOKYO2531", Position{Para: 4, Folded: []int{1, 4}})
	if !s.ToggleMark(Mark{ID: "09TOKYO2531", Para: 2, Name: "¶3", Words: "The SOP"}) {
		t.Fatal("mark not added")
	}
	if err := s.Snapshot().Write(); err != nil {
		t.Fatal(err)
	}
	r, notice := Open(path)
	p, ok := r.Position("09TOKYO2531")
	if notice != "" || !ok || p.Para != 4 || len(p.Folded) != 2 || len(r.Marks()) != 1 || r.Marks()[0].Name != "¶3" {
		t.Fatalf("read back: %q %+v %+v", notice, p, r.Marks())
	}
	if r.ToggleMark(Mark{ID: "09TOKYO2531", Para: 2}) || len(r.Marks()) != 0 {
		t.Error("toggling a mark again does not remove it")
	}
	// an old snapshot does not overwrite a newer one
	old := r.Snapshot()
	r.SetPosition("X", Position{Para: 1})
	if err := r.Snapshot().Write(); err != nil {
		t.Fatal(err)
	}
	old.Write()
	if x, _ := Open(path); len(x.f.Positions) != 2 {
		t.Errorf("an older snapshot was written over a newer one")
	}

	foreign := []byte(`{"theme": "dark"}`)
	os.WriteFile(path, foreign, 0o600)
	f, notice := Open(path)
	if !strings.Contains(notice, "not a cablereader state file") {
		t.Errorf("foreign notice %q", notice)
	}
	f.SetPosition("A", Position{})
	if f.Snapshot() != nil {
		t.Error("a foreign file would be written over")
	}
	if b, _ := os.ReadFile(path); string(b) != string(foreign) {
		t.Errorf("foreign file changed: %s", b)
	}
	var nilStore *Store
	nilStore.SetPosition("A", Position{}) // --no-state: every method is a no-op
	if nilStore.Marks() != nil || nilStore.Snapshot() != nil {
		t.Error("a nil store holds something")
	}
}

// Recent lists the marks newest first.
func TestRecent(t *testing.T) {
	s, _ := Open(filepath.Join(t.TempDir(), "state.json"))
	s.ToggleMark(Mark{ID: "A", Para: 1})
	s.ToggleMark(Mark{ID: "B", Para: 2})
	if r := s.Recent(); len(r) != 2 || r[0].ID != "B" || r[1].ID != "A" {
		t.Errorf("recent %+v", r)
	}
	var none *Store
	if len(none.Recent()) != 0 {
		t.Errorf("nil store: %+v", none.Recent())
	}
}

// An archive's place is written and read back under its key; a place
// that has not moved leaves the state as it was; the oldest places go
// once there are more than maxArchives; the key is the paths made
// absolute, so a relative path and its absolute form are one archive.
func TestArchivePlace(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	s, _ := Open(path)
	key := ArchiveKey([]string{"cables", "/data/cables.csv"})
	if abs, _ := filepath.Abs("cables"); key != abs+"\n/data/cables.csv" || ArchiveKey([]string{abs, "/data/cables.csv"}) != key {
		t.Errorf("key %q", key)
	}
	want := ArchivePlace{Cable: "09TOKYO2531", Open: true, Filter: "tokyo", Level: "CONFIDENTIAL", Sort: "id", Search: "sop"}
	s.SetArchivePlace(key, want)
	seq := s.seq
	s.SetArchivePlace(key, want)
	if s.seq != seq {
		t.Error("the same place again changed the state")
	}
	if err := s.Snapshot().Write(); err != nil {
		t.Fatal(err)
	}
	r, _ := Open(path)
	got, ok := r.ArchivePlace(key)
	got.Time = time.Time{}
	if !ok || got != want {
		t.Errorf("read back %+v, want %+v", got, want)
	}
	if _, ok := r.ArchivePlace("elsewhere"); ok {
		t.Error("a place for an archive never opened")
	}
	for i := range maxArchives + 5 {
		r.SetArchivePlace(strconv.Itoa(i), ArchivePlace{Cable: "x"})
		r.f.Archives[strconv.Itoa(i)] = ArchivePlace{Cable: "x", Time: time.Unix(int64(1000+i), 0)}
	}
	_, oldest := r.ArchivePlace("0")
	_, newest := r.ArchivePlace(key)
	if oldest || !newest || len(r.f.Archives) != maxArchives {
		t.Errorf("%d places kept; the oldest there %v, the newest %v", len(r.f.Archives), oldest, newest)
	}
}
