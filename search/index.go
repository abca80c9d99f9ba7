// Package search keeps an archive's full-text index in an SQLite database
// (FTS5), builds it and brings it up to date, and answers search queries.
package search

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"cablereader/corpus"
)

// SchemaVersion is PRAGMA user_version of an index this package writes.
// An index of another version is rebuilt.
//
// 4: words are no longer split at a zero-width space or another joiner
// (see query.IsJoiner), and the caveats column holds every caveat the reader
// shows (SIPDIS, SENSITIVE, …; parser.Caveats); an index of 3 is rebuilt.
// 5: the cables table keeps the archive's catalog, every field of its
// list (Catalog): the date's time of day (time), a CSV row's line, and
// the TAGS items as written (tagitems); an index of 4 is rebuilt.
// 6: the classification column carries the controls among the cable's
// caveats (SECRET//NOFORN for a banner SECRET with NOFORN on a line of its
// own; catalog.Record.Class), as a CSV's column does; an index of 5 is
// rebuilt.
// 7: the catalog table keeps the whole catalog as one blob (catblob.go),
// so that an archive reopens at once; an index of 5 or 6 is rebuilt.
const SchemaVersion = 7

const appName = "cablereader"

// ErrForeign is returned when the index path holds a file that is not an
// index of this program. It is left alone.
var ErrForeign = errors.New("not a cablereader index")

// The schema. The FTS table is contentless: the text stays in the
// archive, and snippets are made from it (Index.Snippet). The body is
// its first column because FTS5 writes a column number before every
// position list of any other column: most words occur only in the body,
// and the index is a fifth smaller this way. Its rank is bm25 with a
// word of the subject counted as ten of the body. Cables are numbered
// (rowid) in date order when an index is built, so that a query with
// very many hits can rank the most recent of them (see Search). It is written
// for SQLite 3.9 and later, so that older sqlite3 shells and Python's
// module can query it: without contentless_delete (3.43), rows of a
// contentless table cannot be deleted, so a removed or changed cable
// leaves its FTS row behind, joined to no cable (rowids are never reused:
// AUTOINCREMENT), and counted in meta 'orphans'; a rebuild clears them
// once they are many.
const schema = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE files (
	id     INTEGER PRIMARY KEY,
	path   TEXT NOT NULL UNIQUE,
	size   INTEGER NOT NULL,
	mtime  INTEGER NOT NULL,
	cables INTEGER NOT NULL
);
CREATE TABLE cables (
	rowid          INTEGER PRIMARY KEY AUTOINCREMENT,
	id             TEXT NOT NULL,
	date           TEXT NOT NULL,
	classification TEXT NOT NULL,
	level          TEXT NOT NULL,
	caveats        TEXT NOT NULL,
	origin         TEXT NOT NULL,
	subject        TEXT NOT NULL,
	tags           TEXT NOT NULL,
	kind           TEXT NOT NULL,
	file           INTEGER NOT NULL,
	offset         INTEGER NOT NULL,
	length         INTEGER NOT NULL,
	time           INTEGER NOT NULL, -- the date in Unix seconds; 0 when date is ''
	line           INTEGER NOT NULL, -- a CSV row's first line; 0 for a file
	tagitems       TEXT NOT NULL     -- the TAGS items as written, joined by U+001F
);
CREATE INDEX cables_id ON cables (id COLLATE NOCASE);
CREATE INDEX cables_file ON cables (file);
CREATE VIEW cable_paths AS
	SELECT c.rowid AS rowid, c.id AS id, f.path AS path, c.kind AS kind, c.offset AS offset, c.length AS length
	FROM cables c JOIN files f ON f.id = c.file;
CREATE TABLE refs (
	cable  INTEGER NOT NULL,
	citing TEXT NOT NULL,
	cited  TEXT NOT NULL,
	label  TEXT NOT NULL
);
CREATE INDEX refs_cited ON refs (cited COLLATE NOCASE);
CREATE INDEX refs_cable ON refs (cable);
CREATE VIRTUAL TABLE fts USING fts5 (
	body, subject,
	content = '',
	tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO fts (fts, rank) VALUES ('rank', 'bm25(1.0, 10.0)');
CREATE TABLE catalog (
	part       INTEGER PRIMARY KEY, -- the blob in parts, read in this order
	generation TEXT NOT NULL,       -- meta 'generation' when it was written
	data       BLOB NOT NULL
);
`

// Index is the search index of one archive.
type Index struct {
	file    string          // the database
	archive []string        // absolute paths of the archive, in the order given
	given   []string        // the same as given to Open
	key     string          // the archive paths joined, as kept in meta
	from    *corpus.Archive // the scan Update takes records from (ReadFrom)
	// rowsOnly has Catalog read the rows, not the catalog kept whole
	// (for tests and benchmarks).
	rowsOnly bool

	mu      sync.RWMutex
	db      *sql.DB // nil until the index is complete
	orphans int     // FTS rows of removed cables

	ident os.FileInfo // the file db was opened on, to see it replaced
	seen  string      // meta 'generation' as last read: another writer changes it

	fmu    sync.Mutex
	gen    int      // counts the changes to the index, under mu
	cols   *columns // the cables' fields, as of colsOf
	colsOf int

	gmu     sync.Mutex
	graph   *refGraph // the references, as of graphOf (thread.go)
	graphOf int
}

// DefaultFile is where the index of an archive lives unless told
// otherwise: the user cache folder, a file named after the archive's
// absolute paths.
func DefaultFile(paths []string) (string, error) {
	abs, err := absPaths(paths)
	if err != nil {
		return "", err
	}
	dir, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256([]byte(strings.Join(abs, "\n")))
	base := strings.Map(func(r rune) rune {
		if r < 0x80 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return r
		}
		return '_'
	}, filepath.Base(abs[0]))
	if len(base) > 40 {
		base = base[:40]
	}
	return filepath.Join(dir, appName, base+"-"+hex.EncodeToString(sum[:8])+".db"), nil
}

func absPaths(paths []string) ([]string, error) {
	if len(paths) == 0 {
		return nil, errors.New("no archive given")
	}
	abs := make([]string, len(paths))
	for i, p := range paths {
		a, err := filepath.Abs(p)
		if err != nil {
			return nil, err
		}
		abs[i] = a
	}
	return abs, nil
}

// Open opens the index of the archive at paths, kept in file (or
// DefaultFile when file is ""). A complete index of this schema and this
// archive can be searched at once; otherwise Ready is false until Update
// has built it. A file at that path that is not an index of this program
// gives ErrForeign and is left alone.
func Open(paths []string, file string) (*Index, error) {
	abs, err := absPaths(paths)
	if err != nil {
		return nil, err
	}
	if file == "" {
		if file, err = DefaultFile(paths); err != nil {
			return nil, err
		}
	}
	ix := &Index{file: file, archive: abs, given: paths, key: strings.Join(abs, "\n")}
	st, err := ix.check()
	if err != nil {
		return nil, err
	}
	if st == stateCurrent {
		if err := ix.reopen(); err != nil {
			return nil, err
		}
	}
	return ix, nil
}

// File is the path of the index database.
func (ix *Index) File() string { return ix.file }

// Ready reports whether the index can be searched.
func (ix *Index) Ready() bool {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.db != nil
}

// Close closes the database.
func (ix *Index) Close() error {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.db == nil {
		return nil
	}
	err := ix.db.Close()
	ix.db = nil
	return err
}

type state int

const (
	stateMissing state = iota // no file: build it
	stateStale                // ours, but another version, archive, or unfinished: rebuild
	stateCurrent              // ours and complete
)

// check looks at the file at the index path without changing it. Only a
// regular file is opened (a named pipe would block the open, a device
// read as empty): anything else at the path, an empty file, a file of
// something else, is refused with ErrForeign, and never written.
func (ix *Index) check() (state, error) {
	info, err := os.Stat(ix.file)
	if errors.Is(err, os.ErrNotExist) {
		return stateMissing, nil
	} else if err != nil {
		return 0, fileError(ix.file, err)
	}
	if what := notAFile(info); what != "" {
		return 0, foreign(ix.file, what)
	}
	if info.Size() == 0 {
		// No build of ours leaves an empty file at the index path: a
		// build is written beside it and renamed into place whole.
		return 0, foreign(ix.file, "an empty file")
	}
	f, err := openNonBlocking(ix.file)
	if err != nil {
		return 0, fileError(ix.file, err)
	}
	head := make([]byte, 16)
	n, _ := io.ReadFull(f, head)
	f.Close()
	if string(head[:n]) != "SQLite format 3\x00" {
		return 0, foreign(ix.file, "not an SQLite database")
	}
	db, err := openDB(ix.file, true)
	if err != nil {
		return 0, dbError(ix.file, err)
	}
	defer db.Close()
	meta := map[string]string{}
	rows, err := db.Query(`SELECT key, value FROM meta`)
	if err != nil {
		if damaged(err) {
			return 0, dbError(ix.file, err)
		}
		return 0, foreign(ix.file, "an SQLite database of something else")
	}
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			rows.Close()
			return 0, dbError(ix.file, err)
		}
		meta[k] = v
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, dbError(ix.file, err)
	}
	if meta["app"] != appName {
		return 0, foreign(ix.file, "an SQLite database of something else")
	}
	var version int
	if err := db.QueryRow(`PRAGMA user_version`).Scan(&version); err != nil {
		return 0, dbError(ix.file, err)
	}
	if version != SchemaVersion || meta["archive"] != ix.key || meta["complete"] != "1" {
		return stateStale, nil
	}
	return stateCurrent, nil
}

// notAFile names what info is when it is not a regular file ("" when it
// is one).
func notAFile(info os.FileInfo) string {
	m := info.Mode()
	switch {
	case m.IsRegular():
		return ""
	case m.IsDir():
		return "a folder"
	case m&os.ModeNamedPipe != 0:
		return "a named pipe"
	case m&os.ModeSocket != 0:
		return "a socket"
	case m&os.ModeCharDevice != 0:
		return "a character device"
	case m&os.ModeDevice != 0:
		return "a device"
	}
	return "not a regular file"
}

// foreign is the error for a path that holds something not an index of
// ours.
func foreign(file, what string) error {
	return fmt.Errorf("%s is %s, %w; it is left alone (choose another --index)", file, what, ErrForeign)
}

// openDB opens the database at path. A build connection is one
// connection with no journal (the file is renamed into place when done).
func openDB(path string, readOnly bool, pragmas ...string) (*sql.DB, error) {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(30000)")
	for _, p := range pragmas {
		q.Add("_pragma", p)
	}
	if readOnly {
		q.Add("mode", "ro")
	}
	dsn := "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, err
	}
	if err := db.Ping(); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// orphans reads the count of FTS rows left by removed cables.
func orphans(db *sql.DB) int {
	var n int
	db.QueryRow(`SELECT value FROM meta WHERE key = 'orphans'`).Scan(&n)
	return n
}

// swap replaces the open database with db (nil to close it).
func (ix *Index) swap(db *sql.DB) {
	n, g, id := 0, "", os.FileInfo(nil)
	if db != nil {
		n, g, id = orphans(db), generationOf(db), identity(ix.file)
	}
	ix.mu.Lock()
	old := ix.db
	ix.db, ix.orphans, ix.seen, ix.ident = db, n, g, id
	ix.gen++
	ix.mu.Unlock()
	if old != nil {
		old.Close()
	}
}

// updated takes db, a connection to the index file just brought up to
// date. A connection already open sees the changes and stays, so that
// searches running on it go on; db is then closed.
func (ix *Index) updated(db *sql.DB) {
	n, g, id := orphans(db), generationOf(db), identity(ix.file)
	ix.mu.Lock()
	keep := ix.db != nil && ix.ident != nil && id != nil && os.SameFile(ix.ident, id)
	old := ix.db
	if !keep {
		ix.db, ix.ident = db, id
	}
	ix.orphans, ix.seen = n, g
	ix.gen++
	ix.mu.Unlock()
	if keep {
		db.Close()
	} else if old != nil {
		old.Close()
	}
}

// generationOf reads meta 'generation', which every write of the index
// changes.
func generationOf(db *sql.DB) string {
	var g string
	db.QueryRow(`SELECT value FROM meta WHERE key = 'generation'`).Scan(&g)
	return g
}

// identity is the file at path as it is now, or nil.
func identity(path string) os.FileInfo {
	info, err := os.Stat(path)
	if err != nil {
		return nil
	}
	return info
}

// reopen opens the index file, complete and current (checked by the
// caller), unless the connection open is to that very file.
func (ix *Index) reopen() error {
	id := identity(ix.file)
	ix.mu.RLock()
	same := ix.db != nil && ix.ident != nil && id != nil && os.SameFile(ix.ident, id)
	ix.mu.RUnlock()
	if same {
		return nil
	}
	db, err := openDB(ix.file, false)
	if err != nil {
		return dbError(ix.file, err)
	}
	ix.swap(db)
	return nil
}

// refresh makes a long-lived Index see what other processes wrote before
// a query: a rebuild renamed over the file (another file now) is opened
// in place of the old one, and an update in place (another generation)
// drops what was read of the index into memory. It costs a stat and one
// row of meta.
func (ix *Index) refresh(ctx context.Context) {
	ix.mu.RLock()
	db, ident, seen := ix.db, ix.ident, ix.seen
	ix.mu.RUnlock()
	if db == nil {
		return
	}
	if id := identity(ix.file); id != nil && ident != nil && !os.SameFile(id, ident) {
		if st, err := ix.check(); err == nil && st == stateCurrent {
			if ndb, err := openDB(ix.file, false); err == nil {
				ix.swap(ndb)
			}
		}
		return
	}
	var g string
	if err := db.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'generation'`).Scan(&g); err != nil || g == seen {
		return
	}
	n := orphans(db)
	ix.mu.Lock()
	if ix.db == db {
		ix.seen, ix.orphans = g, n
		ix.gen++
	}
	ix.mu.Unlock()
}

// generation counts the changes to the index, for caches of its content.
func (ix *Index) generation() int {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.gen
}

// conn is the database to query, as of now (see refresh).
func (ix *Index) conn(ctx context.Context) (*sql.DB, error) {
	ix.refresh(ctx)
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if ix.db == nil {
		return nil, errors.New("the index is not built yet")
	}
	return ix.db, nil
}

// Archive returns the absolute paths of the indexed archive.
func (ix *Index) Archive() []string { return slices.Clone(ix.archive) }
