package input

import (
	"bufio"
	"bytes"
	"io"
	"io/fs"
	"os"
)

// File is a path opened once. Its first bytes can be looked at before it
// is read, and it reads from its first byte whatever it is: a regular
// file, a named pipe, /dev/stdin or a process substitution, which give
// their bytes only once, read as a regular file would.
type File struct {
	Name string
	info fs.FileInfo
	f    *os.File
	r    *bufio.Reader
}

// Open opens name for reading. A folder is opened too; its files are not
// read.
func Open(name string) (*File, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	return &File{Name: name, info: info, f: f, r: bufio.NewReaderSize(f, binaryLen)}, nil
}

// IsDir reports whether the file is a folder.
func (f *File) IsDir() bool { return f.info.IsDir() }

// Regular reports whether the file is a regular file: one that can be
// read again, at any offset, with ReadAt.
func (f *File) Regular() bool { return f.info.Mode().IsRegular() }

// Size is the size of a regular file, and 0 for others.
func (f *File) Size() int64 {
	if !f.Regular() {
		return 0
	}
	return f.info.Size()
}

// Head returns up to n of the file's first bytes (n at most 8192), fewer
// when the file is shorter. It waits for them on a pipe; a read error
// shows as fewer bytes, and Read or Reader return it.
func (f *File) Head(n int) []byte {
	if f.IsDir() {
		return nil
	}
	b, _ := f.r.Peek(min(n, binaryLen))
	return b
}

// Reader returns the file's bytes from the first, the ones Head looked at
// included. It is to be read once.
func (f *File) Reader() io.Reader { return f.r }

// OS returns the open file, for ReadAt on a regular file.
func (f *File) OS() *os.File { return f.f }

// Bytes reads the whole file, but no more than one byte over the size
// limit: Decode then refuses it. A regular file over the limit is refused
// from its size, unread. A file that is binary by its head is
// refused with ErrBinary before the rest is read (/dev/zero is not read
// up to the limit). A regular file is read into one buffer of its size,
// not one that grows by doubling (which holds twice a large cable for a
// moment).
func (f *File) Bytes(lim Limits) ([]byte, error) {
	if f.Size() > lim.maxSize() {
		// Refused from its size, before a byte of it is read.
		return nil, &TooLargeError{lim.maxSize()}
	}
	if !lim.Force && bytes.IndexByte(f.Head(binaryLen), 0) >= 0 {
		return nil, ErrBinary
	}
	r := io.LimitReader(f.r, lim.maxSize()+1)
	if n := f.Size(); n > 0 && n <= lim.maxSize() {
		buf := bytes.NewBuffer(make([]byte, 0, n+bytes.MinRead))
		_, err := buf.ReadFrom(r)
		return buf.Bytes(), err
	}
	return io.ReadAll(r)
}

// Decode reads the whole file within lim and decodes it, as Read does.
func (f *File) Decode(lim Limits) ([]byte, Format, error) {
	data, err := f.Bytes(lim)
	if err != nil {
		return nil, "", err
	}
	return Decode(data, lim)
}

// Close closes the file.
func (f *File) Close() error { return f.f.Close() }
