package input

import (
	"bytes"
	"regexp"
)

// Page is a saved WikiLeaks cable page.
const Page Format = "html"

func init() {
	register(format{name: Page, exts: []string{".html", ".htm"}, match: isHTML, decode: fromHTML})
}

var (
	tag      = regexp.MustCompile(`<[a-zA-Z/!][^<>]*>`)
	htmlHint = regexp.MustCompile(`(?i)<!doctype html|<html[\s>]|<pre[\s>]`)
)

// isHTML reports whether data is a web page rather than cable text. It
// looks at the content, not the file name.
func isHTML(data []byte) bool {
	head := data[:min(len(data), sniffLen)]
	return htmlHint.Match(head)
}

// fromHTML takes the cable out of a saved WikiLeaks cable page. The page
// carries the routing header and the body in two <pre> blocks (only the
// body when the record has no header); some pages add a third block with
// the raw archive row, so the body is the last block. Tags are dropped and
// their text kept (a TAG link reads as its code, a paragraph anchor as ¶),
// and character references are decoded.
func fromHTML(page []byte) ([]byte, error) {
	blocks := preBlocks(page)
	if len(blocks) == 0 {
		return nil, ErrNoCable
	}
	text := pageText
	if len(blocks) == 1 {
		return text(blocks[0]), nil
	}
	var out bytes.Buffer
	out.Write(text(blocks[0]))
	out.WriteByte('\n')
	out.Write(text(blocks[len(blocks)-1]))
	return out.Bytes(), nil
}

// preBlocks returns the contents of the page's <pre> blocks. It searches
// with bytes.IndexByte rather than a regexp: pages run to hundreds of KB
// and an archive holds thousands of them. The tag names are matched in the
// page itself, ASCII letters case-insensitively, so a position found is a
// position in the page whatever its encoding: lower-casing a copy would
// move them (an invalid byte becomes three, a Kelvin sign one).
func preBlocks(page []byte) [][]byte {
	var blocks [][]byte
	for at := 0; ; {
		i := indexTag(page, at, "<pre")
		if i < 0 {
			return blocks
		}
		open := bytes.IndexByte(page[i:], '>')
		if open < 0 {
			return blocks
		}
		start := i + open + 1
		end := indexFold(page, start, "</pre>")
		if end < 0 {
			return blocks
		}
		blocks = append(blocks, page[start:end])
		at = end + len("</pre>")
	}
}

// indexTag returns the position of the first opening tag named by open
// ("<pre") at or after from: the name followed by '>', '/' or a blank.
func indexTag(s []byte, from int, open string) int {
	for {
		i := indexFold(s, from, open)
		if i < 0 {
			return -1
		}
		j := i + len(open)
		if j == len(s) {
			return -1
		}
		switch s[j] {
		case '>', '/', ' ', '\t', '\n', '\r', '\f':
			return i
		}
		from = i + 1
	}
}

// indexFold returns the position of the first occurrence of pat at or
// after from in s, or -1. pat is lower case and starts with a byte that is
// not a letter ('<'); ASCII letters in s match either case, every other
// byte only itself.
func indexFold(s []byte, from int, pat string) int {
	for from < len(s) {
		i := bytes.IndexByte(s[from:], pat[0])
		if i < 0 {
			return -1
		}
		i += from
		if len(s)-i < len(pat) {
			return -1
		}
		if equalFoldASCII(s[i:i+len(pat)], pat) {
			return i
		}
		from = i + 1
	}
	return -1
}

// equalFoldASCII reports whether b is lower, an all-lower-case pattern, with
// any ASCII capitals in b taken as their small letters.
func equalFoldASCII(b []byte, lower string) bool {
	for k := range len(lower) {
		c := b[k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[k] {
			return false
		}
	}
	return true
}
