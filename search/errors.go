package search

import (
	"errors"
	"fmt"
	"io/fs"
	"syscall"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// FileError is a problem with the index file, said in words: what is
// wrong with it and what to do. Err is the error underneath.
type FileError struct {
	File string
	What string // "is damaged (…)", "cannot be written (…)"
	Do   string // "delete it and it is built anew", …
	Err  error
}

func (e *FileError) Error() string {
	s := "the index " + e.File + " " + e.What
	if e.Do != "" {
		s += "; " + e.Do
	}
	return s
}

func (e *FileError) Unwrap() error { return e.Err }

// ErrBusy is a database another process holds locked for longer than a
// search waits.
var ErrBusy = errors.New("busy")

// sqliteCode is the primary SQLite result code of err, or 0.
func sqliteCode(err error) int {
	var se *sqlite.Error
	if errors.As(err, &se) {
		return se.Code() & 0xff
	}
	return 0
}

// damaged reports whether err says the database file is not readable as
// one (rather than that a table is missing).
func damaged(err error) bool {
	switch sqliteCode(err) {
	case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_IOERR, sqlite3.SQLITE_BUSY, sqlite3.SQLITE_FULL, sqlite3.SQLITE_PERM:
		return true
	}
	return false
}

// dbError says what an SQLite error means for the index file and what to
// do about it. Errors that are not SQLite's or the system's, and a
// cancelled context, are returned as they are.
func dbError(file string, err error) error {
	if err == nil {
		return nil
	}
	var fe *FileError
	if errors.As(err, &fe) {
		return err
	}
	e := &FileError{File: file, Err: err}
	switch sqliteCode(err) {
	case sqlite3.SQLITE_CORRUPT:
		e.What, e.Do = "is damaged (the database disk image is malformed)", "delete it and it is built anew"
	case sqlite3.SQLITE_NOTADB:
		e.What, e.Do = "is not a database (an SQLite header, then something else)", "delete it if it is the index, and it is built anew, or choose another --index"
	case sqlite3.SQLITE_FULL:
		e.What, e.Do = "cannot grow: the disk is full", "free some space, or choose another --index on another disk"
	case sqlite3.SQLITE_READONLY:
		e.What, e.Do = "cannot be written (read-only)", "make it and its folder writable, or choose another --index"
	case sqlite3.SQLITE_PERM:
		e.What, e.Do = "cannot be written (permission denied)", "make it and its folder writable, or choose another --index"
	case sqlite3.SQLITE_CANTOPEN:
		e.What, e.Do = "cannot be opened", "check that its folder exists and can be written, or choose another --index"
	case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
		e.What, e.Do = "is busy: another program holds it locked", "try again when it is done"
		e.Err = fmt.Errorf("%w: %w", ErrBusy, err)
	case sqlite3.SQLITE_IOERR:
		e.What, e.Do = "cannot be read or written (an I/O error)", "check the disk, or delete the index and it is built anew"
	default:
		return fileError(file, err)
	}
	return e
}

// fileError says what a system error on the index file (or its folder,
// its lock, its temporary file) means.
func fileError(file string, err error) error {
	if err == nil {
		return nil
	}
	var fe *FileError
	if errors.As(err, &fe) {
		return err
	}
	e := &FileError{File: file, Err: err}
	switch {
	case errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EDQUOT):
		e.What, e.Do = "cannot be written: the disk is full", "free some space, or choose another --index on another disk"
	case errors.Is(err, syscall.EROFS):
		e.What, e.Do = "cannot be written: its file system is read-only", "choose another --index"
	case errors.Is(err, fs.ErrPermission):
		e.What, e.Do = "cannot be written (permission denied)", "make it and its folder writable, or choose another --index"
	case sqliteCode(err) != 0:
		e.What = "cannot be used (" + err.Error() + ")"
	default:
		return err
	}
	return e
}

// Unwritable reports whether err says the index cannot be written (a
// read-only file or folder, a full disk): the index it holds can still
// be read, if stale.
func Unwritable(err error) bool {
	switch sqliteCode(err) {
	case sqlite3.SQLITE_READONLY, sqlite3.SQLITE_FULL, sqlite3.SQLITE_PERM, sqlite3.SQLITE_CANTOPEN:
		return true
	}
	return errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT) || errors.Is(err, syscall.EROFS) || errors.Is(err, fs.ErrPermission)
}
