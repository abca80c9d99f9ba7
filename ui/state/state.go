// Package state keeps what the reader remembers between runs (where each cable was left, the marked paragraphs, where each archive was left) in one small JSON file in the user's state directory.
//
// The file is read once when the program starts (Open) and written whole,
// atomically (a temporary file renamed over it), from a command: Snapshot
// takes the bytes in Update, Write puts them on disk off the Update loop.
// A file that cannot be read, or that is not this program's, is left as
// it is and ignored for the run, with a notice.
package state

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"
)

// format names the file's contents; a file without it is not ours.
const format = "cablereader-state/1"

// maxPositions bounds how many cables' positions are kept (the oldest go).
const maxPositions = 2000

// maxArchives bounds how many archives' places are kept (the oldest go).
const maxArchives = 200

// Position is where a cable was left: the current paragraph (an index
// into the body) and the folded paragraphs.
type Position struct {
	Para   int       `json:"para"`
	Folded []int     `json:"folded,omitempty"`
	Time   time.Time `json:"time"`
}

// Mark is a marked paragraph.
type Mark struct {
	ID    string    `json:"id"`             // the cable's id
	Path  string    `json:"path,omitempty"` // the file it was read from, when one
	Para  int       `json:"para"`           // index into the body
	Name  string    `json:"name"`           // "¶5", "before ¶1"
	Words string    `json:"words"`          // the paragraph's first words
	Time  time.Time `json:"time"`
}

// ArchivePlace is where an archive was left: the cable selected in the
// list or in the search results, or open in the reader (Open), and the
// list's filters, order and search. The names are the list's: Filter is
// the "/" query, Post the origin kept with "p", Level a classification
// level in words, Sort an order's name.
type ArchivePlace struct {
	Cable  string    `json:"cable,omitempty"` // the cable's id
	Path   string    `json:"path,omitempty"`  // the file it was read from, to tell copies apart
	Open   bool      `json:"open,omitempty"`
	Filter string    `json:"filter,omitempty"`
	Tag    string    `json:"tag,omitempty"`
	Post   string    `json:"post,omitempty"`
	Level  string    `json:"level,omitempty"`
	Sort   string    `json:"sort,omitempty"`
	Search string    `json:"search,omitempty"` // the full-text query whose results were shown
	Time   time.Time `json:"time"`
}

type file struct {
	Format    string                  `json:"format"`
	Positions map[string]Position     `json:"positions"`
	Marks     []Mark                  `json:"marks"`
	Archives  map[string]ArchivePlace `json:"archives,omitempty"`
}

// Store is the state of one run. Its methods are called from the Update
// loop only; Write may run on another goroutine.
type Store struct {
	path     string
	readOnly bool // the file was not ours: never written
	f        file
	seq      int

	mu      sync.Mutex // serialises Write
	written int        // seq of the last snapshot written
}

// DefaultPath is $XDG_STATE_HOME/cablereader/state.json, or
// ~/.local/state/cablereader/state.json.
func DefaultPath() (string, error) {
	dir := os.Getenv("XDG_STATE_HOME")
	if dir == "" || !filepath.IsAbs(dir) {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", err
		}
		dir = filepath.Join(home, ".local", "state")
	}
	return filepath.Join(dir, "cablereader", "state.json"), nil
}

// Open reads the state file at path. A missing file is an empty state. A
// file that cannot be read or is not this program's gives an empty state
// that is never written, and a notice saying so; Open never fails.
func Open(path string) (s *Store, notice string) {
	s = &Store{path: path, f: file{Format: format, Positions: map[string]Position{}}}
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return s, ""
	}
	var f file
	if err == nil {
		err = json.Unmarshal(b, &f)
		if err == nil && f.Format != format {
			err = errors.New("not a cablereader state file")
		}
	}
	if err != nil {
		s.readOnly = true
		return s, fmt.Sprintf("places and marks not kept, %v: %s", short(err), path)
	}
	if f.Positions == nil {
		f.Positions = map[string]Position{}
	}
	s.f = f
	return s, ""
}

func short(err error) string {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se), errors.As(err, &te):
		return "not valid JSON"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	}
	return err.Error()
}

// Path is the file the store reads and writes.
func (s *Store) Path() string { return s.path }

// Position is where the cable called key was left.
func (s *Store) Position(key string) (Position, bool) {
	if s == nil || key == "" {
		return Position{}, false
	}
	p, ok := s.f.Positions[key]
	return p, ok
}

// SetPosition records where the cable called key is left.
func (s *Store) SetPosition(key string, p Position) {
	if s == nil || key == "" {
		return
	}
	p.Time = time.Now().UTC()
	s.f.Positions[key] = p
	if len(s.f.Positions) > maxPositions {
		s.dropOldest()
	}
	s.seq++
}

func (s *Store) dropOldest() {
	keys := make([]string, 0, len(s.f.Positions))
	for k := range s.f.Positions {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return s.f.Positions[keys[i]].Time.Before(s.f.Positions[keys[j]].Time) })
	for _, k := range keys[:len(keys)-maxPositions] {
		delete(s.f.Positions, k)
	}
}

// ArchiveKey names an archive in the state: its paths, made absolute, one
// a line.
func ArchiveKey(paths []string) string {
	abs := make([]string, len(paths))
	for i, p := range paths {
		abs[i] = p
		if a, err := filepath.Abs(p); err == nil {
			abs[i] = a
		}
	}
	return strings.Join(abs, "\n")
}

// ArchivePlace is where the archive called key was left.
func (s *Store) ArchivePlace(key string) (ArchivePlace, bool) {
	if s == nil || key == "" {
		return ArchivePlace{}, false
	}
	p, ok := s.f.Archives[key]
	return p, ok
}

// SetArchivePlace records where the archive called key is left.
func (s *Store) SetArchivePlace(key string, p ArchivePlace) {
	if s == nil || key == "" {
		return
	}
	if old, ok := s.f.Archives[key]; ok {
		p.Time = old.Time
		if old == p {
			return // nothing moved: the file need not change
		}
	}
	p.Time = time.Now().UTC()
	if s.f.Archives == nil {
		s.f.Archives = map[string]ArchivePlace{}
	}
	s.f.Archives[key] = p
	if len(s.f.Archives) > maxArchives {
		oldest := ""
		for k, x := range s.f.Archives {
			if oldest == "" || x.Time.Before(s.f.Archives[oldest].Time) {
				oldest = k
			}
		}
		delete(s.f.Archives, oldest)
	}
	s.seq++
}

// Marks are the marks, oldest first.
func (s *Store) Marks() []Mark {
	if s == nil {
		return nil
	}
	return s.f.Marks
}

// Recent are the marks newest first, as the marks pages list them.
func (s *Store) Recent() []Mark {
	all := s.Marks()
	out := make([]Mark, len(all))
	for i, mk := range all {
		out[len(all)-1-i] = mk
	}
	return out
}

// ToggleMark adds m, or removes the mark of the same cable and paragraph;
// it reports whether m is now marked.
func (s *Store) ToggleMark(m Mark) bool {
	if s == nil {
		return false
	}
	s.seq++
	for i, x := range s.f.Marks {
		if x.ID == m.ID && x.Path == m.Path && x.Para == m.Para {
			s.f.Marks = append(s.f.Marks[:i:i], s.f.Marks[i+1:]...)
			return false
		}
	}
	m.Time = time.Now().UTC()
	s.f.Marks = append(s.f.Marks, m)
	return true
}

// Marked reports whether paragraph para of the cable id (read from path)
// is marked.
func (s *Store) Marked(id, path string, para int) bool {
	if s == nil {
		return false
	}
	for _, x := range s.f.Marks {
		if x.ID == id && x.Path == path && x.Para == para {
			return true
		}
	}
	return false
}

// Snapshot is the state as it stands, to be written by Write; nil when
// there is nothing to write (a read-only store).
func (s *Store) Snapshot() *Snapshot {
	if s == nil || s.readOnly {
		return nil
	}
	b, err := json.MarshalIndent(s.f, "", " ")
	if err != nil {
		return nil
	}
	return &Snapshot{s: s, seq: s.seq, data: append(b, '\n')}
}

// Snapshot is the state's bytes at one moment.
type Snapshot struct {
	s    *Store
	seq  int
	data []byte
}

// Write puts the snapshot on disk atomically: a temporary file in the same
// folder, synced, then renamed over the state file. A snapshot older than
// one already written is dropped. It is safe to call from a command.
func (sn *Snapshot) Write() error {
	if sn == nil {
		return nil
	}
	s := sn.s
	s.mu.Lock()
	defer s.mu.Unlock()
	if sn.seq < s.written {
		return nil
	}
	dir := filepath.Dir(s.path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, ".state-*.json")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // gone after the rename; else the leftover
	if _, err := tmp.Write(sn.data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), s.path); err != nil {
		return err
	}
	s.written = sn.seq
	return nil
}
