// Package input turns what a user hands the reader into cable text: a
// plain-text cable as it is, or the cable inside a saved WikiLeaks page.
package input

import (
	"bytes"
	"errors"
	"html"
	"regexp"
)

var (
	tag      = regexp.MustCompile(`<[a-zA-Z/!][^<>]*>`)
	htmlHint = regexp.MustCompile(`(?i)<!doctype html|<html[\s>]|<pre[\s>]`)
)

// ErrNoCable is returned for a page that holds no cable text.
var ErrNoCable = errors.New("no cable text in this page (no <pre> block)")

// IsHTML reports whether data is a web page rather than cable text. It
// looks at the content, not the file name.
func IsHTML(data []byte) bool {
	head := data[:min(len(data), 4096)]
	return htmlHint.Match(head)
}

// FromHTML takes the cable out of a saved WikiLeaks cable page. The page
// carries the routing header and the body in two <pre> blocks (only the
// body when the record has no header); some pages add a third block with
// the raw archive row, so the body is the last block. Tags are dropped and
// their text kept (a TAG link reads as its code, a paragraph anchor as ¶),
// and character references are decoded.
func FromHTML(page []byte) ([]byte, error) {
	blocks := preBlocks(page)
	if len(blocks) == 0 {
		return nil, ErrNoCable
	}
	text := func(b []byte) []byte {
		return []byte(html.UnescapeString(string(tag.ReplaceAll(b, nil))))
	}
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
// with bytes.Index rather than a regexp: pages run to hundreds of KB and an
// archive holds thousands of them.
func preBlocks(page []byte) [][]byte {
	var blocks [][]byte
	lower := bytes.ToLower(page)
	for at := 0; ; {
		i := bytes.Index(lower[at:], []byte("<pre"))
		if i < 0 {
			return blocks
		}
		i += at
		open := bytes.IndexByte(lower[i:], '>')
		if open < 0 {
			return blocks
		}
		start := i + open + 1
		end := bytes.Index(lower[start:], []byte("</pre>"))
		if end < 0 {
			return blocks
		}
		blocks = append(blocks, page[start:start+end])
		at = start + end + len("</pre>")
	}
}
