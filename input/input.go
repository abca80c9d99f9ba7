// Package input turns what a user hands the reader into cable text: it
// reads a file once, checks it the same way wherever it comes from, and
// takes the cable out of it by what its content is (a plain-text cable, a
// saved WikiLeaks page, …), as image.Decode does for pictures.
// DecodeText (charset.go), the one charset decoder, turns a cable's bytes
// into text for the parser, the CSV reader and the search index's snippets.
package input

import (
	"bytes"
	"errors"
	"io"
	"path/filepath"
	"strconv"
	"strings"
)

// Format names what an input was. Its value is short and stable ("text",
// "html"): the archive shows it and tests compare it.
type Format string

// Text is a plain-text cable, the format of everything no other format
// claims.
const Text Format = "text"

// format is a kind of file the cable text can come in. Each format but
// Text is one file of this package that registers itself from its init
// (html.go is the example): to read a new format, add such a file.
type format struct {
	name Format
	// exts are the file name extensions (".html") under which a folder's
	// files of this format are looked for.
	exts []string
	// match reports whether a file is of this format from its first bytes
	// (at most sniffLen of them).
	match func(head []byte) bool
	// decode takes the cable text out of the whole file.
	decode func(data []byte) ([]byte, error)
}

var formats []format

// register adds a format; it is called from the init of the format's file.
func register(f format) { formats = append(formats, f) }

// sniffLen is how much of a file the formats look at to claim it.
const sniffLen = 4096

// binaryLen is how much of a file may not hold a NUL byte, as git and diff
// decide that a file is binary: a NUL further on is shown in the text like
// any other control character.
const binaryLen = 8192

// DefaultMaxSize bounds an input unless Limits say otherwise: far above
// the longest cable (a few hundred kilobytes), far below what would fill
// memory.
const DefaultMaxSize = 256 << 20

// Limits are the checks every input passes before it is decoded, whether
// it is a single cable, a file in a folder or a cable opened from an
// archive.
type Limits struct {
	MaxSize int64 // the largest input read; 0 means DefaultMaxSize
	Force   bool  // read input that looks binary
}

func (l Limits) maxSize() int64 {
	if l.MaxSize <= 0 {
		return DefaultMaxSize
	}
	return l.MaxSize
}

// The errors of Read and Decode.
var (
	ErrEmpty  = errors.New("empty")
	ErrBinary = errors.New("binary (it holds NUL bytes)")
	// ErrNoCable is returned for a page that holds no cable text.
	ErrNoCable = errors.New("no cable text in this page (no <pre> block with text)")
)

// TooLargeError is returned for an input over the size limit.
type TooLargeError struct{ Limit int64 }

func (e *TooLargeError) Error() string { return "larger than " + FormatSize(e.Limit) }

// FormatSize writes a byte count the way the size limit is given: in GiB,
// MiB or KiB when it is a whole number of them ("256 MiB"), else in bytes.
func FormatSize(n int64) string {
	for _, u := range []struct {
		size int64
		name string
	}{{1 << 30, "GiB"}, {1 << 20, "MiB"}, {1 << 10, "KiB"}} {
		if n >= u.size && n%u.size == 0 {
			return strconv.FormatInt(n/u.size, 10) + " " + u.name
		}
	}
	return strconv.FormatInt(n, 10) + " bytes"
}

// Read reads r to its end, but no more than the size limit, and decodes
// what it read.
func Read(r io.Reader, lim Limits) ([]byte, Format, error) {
	data, err := io.ReadAll(io.LimitReader(r, lim.maxSize()+1))
	if err != nil {
		return nil, "", err
	}
	return Decode(data, lim)
}

// Decode checks data against lim and returns the cable text in it and
// the format it was in. Data that is over the size limit, empty or
// whitespace only, or binary (a NUL in its first 8 KiB, unless lim.Force)
// is refused. The text may be data itself.
func Decode(data []byte, lim Limits) ([]byte, Format, error) {
	switch {
	case int64(len(data)) > lim.maxSize():
		return nil, "", &TooLargeError{lim.maxSize()}
	case len(bytes.TrimSpace(data)) == 0:
		return nil, "", ErrEmpty
	case !lim.Force && bytes.IndexByte(data[:min(len(data), binaryLen)], 0) >= 0:
		return nil, "", ErrBinary
	}
	f := sniff(data)
	if f.decode == nil {
		return data, Text, nil
	}
	text, err := f.decode(data)
	if err == nil && len(bytes.TrimSpace(text)) == 0 {
		err = ErrNoCable
	}
	if err != nil {
		return nil, f.name, err
	}
	return text, f.name, nil
}

// sniff returns the format that claims data, or the zero format for text.
func sniff(data []byte) format {
	head := data[:min(len(data), sniffLen)]
	for _, f := range formats {
		if f.match(head) {
			return f
		}
	}
	return format{name: Text}
}

// ByName returns the format a file is looked for as, from its name's
// extension: Text for ".txt", the format that lists the extension, or ""
// for a file that is none. The content still decides how the file is read.
func ByName(name string) Format {
	ext := strings.ToLower(filepath.Ext(name))
	if ext == ".txt" {
		return Text
	}
	for _, f := range formats {
		for _, e := range f.exts {
			if ext == e {
				return f.name
			}
		}
	}
	return ""
}
