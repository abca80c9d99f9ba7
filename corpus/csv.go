package corpus

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
)

// The Cablegate cables.csv is not RFC 4180: every field is double-quoted,
// and inside a field MySQL's escaping applies (\" is a quote, \' an
// apostrophe, \\ a backslash, and a backslash before a line break keeps
// the break in the field). encoding/csv expects doubled quotes, so the
// file is read by the small streaming reader below.

const csvFields = 8

// Column numbers (0-based) of the cables.csv fields.
const (
	colSeq = iota
	colDate
	colRefID
	colOrigin
	colClass
	colRefs
	colHeader
	colBody
)

// csvRow is one record as the reader hands it over. The values are
// unescaped and cut to the reader's keep limits; the buffers are reused
// from row to row.
type csvRow struct {
	start int64 // offset of the opening quote of field 1
	end   int64 // offset just past the closing quote of field 8
	line  int   // 1-based line on which the row starts
	field [csvFields][]byte
}

// rowError is a record that could not be read. The reader has already
// moved on to the next line that starts like a row; every line up to
// last was skipped with it.
type rowError struct {
	line, last int
	reason     string
}

func (e *rowError) Error() string { return fmt.Sprintf("line %d: %s", e.line, e.reason) }

// finder remembers where the next occurrence of one byte is, so that a
// field full of escapes (one per line: every line break is escaped) does
// not search again, at each escape, for a quote kilobytes away.
type finder struct {
	c    byte
	at   int64 // absolute offset of the next c, valid while at >= the read offset
	done int64 // no c in [read offset, done) when at is stale
}

func (f *finder) reset() { f.at, f.done = -1, -1 }

// index returns the position of the next c in w (which starts at absolute
// offset off), or -1.
func (f *finder) index(w []byte, off int64) int {
	if f.at >= off {
		return int(f.at - off)
	}
	from := max(f.done, off)
	end := off + int64(len(w))
	if from >= end {
		return -1
	}
	if i := bytes.IndexByte(w[from-off:], f.c); i >= 0 {
		f.at = from + int64(i)
		return int(f.at - off)
	}
	f.done = end
	return -1
}

// csvReader streams rows of a cables.csv. It works on bufio's buffer
// directly (Peek and Discard): the long header and body fields are stepped
// over at memchr speed and never copied, beyond what keep asks for.
type csvReader struct {
	src   *stickyReader
	br    *bufio.Reader
	off   int64 // absolute offset of the next unread byte
	line  int   // line of the next unread byte
	keep  [csvFields]int
	quote finder
}

func newCSVReader(src io.ReadSeeker, bufSize int, keep [csvFields]int) *csvReader {
	sticky := &stickyReader{ReadSeeker: src}
	r := &csvReader{src: sticky, br: bufio.NewReaderSize(sticky, bufSize), line: 1, keep: keep}
	r.quote.c = '"'
	r.quote.reset()
	return r
}

// stickyReader keeps the first read error other than io.EOF. The reader
// sees any error as the end of its window; next then returns this one, so
// a failing disk or spool is not taken for the end of the file.
type stickyReader struct {
	io.ReadSeeker
	err error
}

func (s *stickyReader) Read(p []byte) (int, error) {
	if s.err != nil {
		return 0, s.err
	}
	n, err := s.ReadSeeker.Read(p)
	if err != nil && err != io.EOF {
		s.err = err
	}
	return n, err
}

// window returns the buffered bytes, reading more when none are left.
func (r *csvReader) window() []byte {
	if r.br.Buffered() == 0 {
		r.br.Peek(1) // fills the buffer; an error shows as an empty window
	}
	w, _ := r.br.Peek(r.br.Buffered())
	return w
}

// advance consumes n buffered bytes, counting the lines they end.
func (r *csvReader) advance(n int) {
	w, _ := r.br.Peek(n)
	r.line += bytes.Count(w, []byte{'\n'})
	r.br.Discard(n)
	r.off += int64(n)
}

// peekByte returns the next byte without consuming it; ok is false at the
// end of the input.
func (r *csvReader) peekByte() (byte, bool) {
	w, err := r.br.Peek(1)
	if err != nil || len(w) == 0 {
		return 0, false
	}
	return w[0], true
}

var errUnterminated = errors.New("unterminated field")

// field reads a field's value after its opening quote and consumes the
// closing quote. At most keep bytes of the value are appended to dst; the
// rest is stepped over by skipField.
func (r *csvReader) field(dst []byte, keep int) ([]byte, error) {
	add := func(b []byte) { dst = append(dst, b[:min(keep-len(dst), len(b))]...) }
	for len(dst) < keep {
		w := r.window()
		if len(w) == 0 {
			return dst, errUnterminated
		}
		// Work through the window with a cursor; consume it at the end.
		pos := 0
		for {
			end := len(w)
			q := r.quote.index(w[pos:], r.off+int64(pos))
			if q >= 0 {
				end = pos + q
			}
			e := bytes.IndexByte(w[pos:end], '\\')
			if e < 0 {
				add(w[pos:end])
				if q >= 0 {
					r.advance(end + 1)
					return dst, nil
				}
				r.advance(len(w))
				break
			}
			e += pos
			add(w[pos:e])
			if e+1 == len(w) {
				// The escaped byte is not buffered yet.
				r.advance(e)
				w2, _ := r.br.Peek(2)
				if len(w2) < 2 {
					r.advance(len(w2))
					return dst, errUnterminated
				}
				add(w2[1:2])
				r.advance(2)
				break
			}
			add(w[e+1 : e+2])
			pos = e + 2
			if len(dst) >= keep {
				r.advance(pos)
				break
			}
		}
	}
	return dst, r.skipField()
}

// skipField consumes the rest of a field whose value is not wanted. It
// only looks for quotes: a quote closes the field when an even number of
// backslashes stands before it (\\" is a backslash, then the end). It
// starts where no escape is half read.
func (r *csvReader) skipField() error {
	run := 0 // backslashes that end what was consumed so far
	for {
		w := r.window()
		if len(w) == 0 {
			return errUnterminated
		}
		q := bytes.IndexByte(w, '"')
		if q < 0 {
			run = trailingBackslashes(w, run)
			r.advance(len(w))
			continue
		}
		escaped := trailingBackslashes(w[:q], run)%2 == 1
		r.advance(q + 1)
		if !escaped {
			return nil
		}
		run = 0
	}
}

// trailingBackslashes counts the backslashes that end b; when all of b is
// backslashes, those before it (before) count too.
func trailingBackslashes(b []byte, before int) int {
	n := 0
	for n < len(b) && b[len(b)-1-n] == '\\' {
		n++
	}
	if n == len(b) {
		n += before
	}
	return n
}

// next reads the next row into row. It returns io.EOF at the end, or a
// *rowError for a record it skipped; after a *rowError the reader stands
// at the next line that starts like a row, and next can be called again.
func (r *csvReader) next(row *csvRow) error {
	if r.src.err != nil {
		return r.src.err
	}
	for {
		b, ok := r.peekByte()
		if !ok {
			if r.src.err != nil {
				return r.src.err
			}
			return io.EOF
		}
		if b != '\n' && b != '\r' {
			break
		}
		r.advance(1) // blank lines between rows are harmless
	}
	row.start, row.line = r.off, r.line
	bad := func(format string, a ...any) error {
		if r.src.err != nil {
			return r.src.err // the row is cut by the error, not broken
		}
		err := &rowError{line: row.line, reason: fmt.Sprintf(format, a...)}
		return r.resync(row.start, row.line, err)
	}
	for i := 0; i < csvFields; i++ {
		b, ok := r.peekByte()
		switch {
		case !ok:
			return bad("the row ends after %d of %d fields", i, csvFields)
		case b != '"' && i == 0:
			return bad("not a row: the line does not start with a quoted field")
		case b != '"':
			return bad("field %d does not start with a quote", i+1)
		}
		r.advance(1)
		var err error
		if row.field[i], err = r.field(row.field[i][:0], r.keep[i]); err != nil {
			return bad("field %d has no closing quote", i+1)
		}
		b, ok = r.peekByte()
		if i < csvFields-1 {
			switch {
			case !ok || b == '\n' || b == '\r':
				return bad("the row has %d fields, want %d", i+1, csvFields)
			case b != ',':
				return bad("unescaped quote in field %d", i+1)
			}
			r.advance(1)
			continue
		}
		row.end = r.off
		switch {
		case !ok:
		case b == '\n':
			r.advance(1)
		case b == '\r':
			if w, _ := r.br.Peek(2); len(w) == 2 && w[1] == '\n' {
				r.advance(2)
			} else {
				r.advance(1)
			}
		case b == ',':
			return bad("the row has more than %d fields", csvFields)
		default:
			return bad("unescaped quote in field %d", i+1)
		}
	}
	return nil
}

// resync moves to the first line after the bad row's first line that
// starts like a row, and returns err. When the error was found on a later
// line (a broken quote can swallow the rows that follow), it seeks back so
// that those rows are read again.
func (r *csvReader) resync(start int64, line int, err *rowError) error {
	if r.line != line {
		if _, serr := r.src.Seek(start, io.SeekStart); serr != nil {
			return serr
		}
		r.br.Reset(r.src)
		r.off, r.line = start, line
		r.quote.reset()
	}
	r.skipLine()
	for {
		w, _ := r.br.Peek(rowStartLen)
		if len(w) == 0 || looksLikeRow(w) {
			if r.line-1 > line {
				err.last = r.line - 1
			}
			return err
		}
		r.skipLine()
	}
}

// skipLine consumes the rest of the line and its line break.
func (r *csvReader) skipLine() {
	for {
		w := r.window()
		if len(w) == 0 {
			return
		}
		if i := bytes.IndexByte(w, '\n'); i >= 0 {
			r.advance(i + 1)
			return
		}
		r.advance(len(w))
	}
}

// maxSeqDigits bounds the sequence number that starts a record (cables.csv
// has six digits), so that a record's start is told from its first
// rowStartLen bytes: no more than bufio's smallest buffer holds, so the
// answer never depends on the size of the reader's buffer.
const (
	maxSeqDigits = 12
	rowStartLen  = 1 + maxSeqDigits + 3
)

// looksLikeRow reports whether b starts like a cables.csv record:
// "<digits>"," (the sequence number, then the opening quote of the date).
func looksLikeRow(b []byte) bool {
	if len(b) < 5 || b[0] != '"' {
		return false
	}
	i := 1
	for i < len(b) && i <= maxSeqDigits && b[i] >= '0' && b[i] <= '9' {
		i++
	}
	return i > 1 && bytes.HasPrefix(b[i:], []byte(`","`))
}

// looksLikeCSV reports whether a file's first bytes are a cables.csv row:
// "<digits>","<M/D/YYYY H:MM>",". A UTF-8 byte order mark is allowed.
func looksLikeCSV(head []byte) bool {
	head = bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF"))
	if !looksLikeRow(head) {
		return false
	}
	i := bytes.Index(head, []byte(`","`)) + 3
	end := bytes.IndexByte(head[i:], '"')
	if end < 0 {
		return false
	}
	_, ok := parseCSVDate(head[i : i+end])
	return ok
}
