package input

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// FuzzDecode feeds the door arbitrary bytes, seeded with every real cable
// and saved page in testdata and the page that once made it panic. Nothing
// panics; plain text comes back as it went in; every <pre> block found is
// a piece of the page itself, opened by a tag named pre and closed by
// </pre> in any case (positions are never taken from a converted copy).
// `go test` runs only the seeds.
func FuzzDecode(f *testing.F) {
	for _, pattern := range []string{"../testdata/*.txt", "../testdata/cables/*.txt", "../testdata/cables/html/*.html"} {
		paths, _ := filepath.Glob(pattern)
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
	f.Add([]byte("<pre>" + string(bytes.Repeat([]byte{0xe9}, 3000)) + "</pre><pre>x</pre>"))
	f.Add([]byte("<html><title>\u212a\u212a\u212a</title><PRE class=x>UNCLAS</Pre>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, lim := range []Limits{{}, {Force: true}} {
			text, format, err := Decode(data, lim)
			if err != nil {
				continue
			}
			if len(bytes.TrimSpace(text)) == 0 {
				t.Fatalf("%s: no error and no text", format)
			}
			if format == Text && !bytes.Equal(text, data) {
				t.Fatal("plain text changed on the way")
			}
		}
		for _, b := range preBlocks(data) {
			start := int(cap(data) - cap(b)) // b is a sub-slice of data
			if start < 0 || start+len(b) > len(data) || !bytes.Equal(data[start:start+len(b)], b) {
				t.Fatalf("block at %d is not a piece of the page", start)
			}
			if start == 0 || data[start-1] != '>' {
				t.Fatalf("block at %d does not follow a tag", start)
			}
			if end := data[start+len(b):]; len(end) < 6 || !bytes.EqualFold(end[:6], []byte("</pre>")) {
				t.Fatalf("block at %d does not end at </pre>", start)
			}
			// The tag that opens the block, from the '>' before it.
			tag := data[bytes.LastIndexByte(data[:start-1], '>')+1 : start-1]
			if !bytes.Contains(bytes.ToLower(tag), []byte("<pre")) {
				t.Fatalf("block at %d is not opened by <pre", start)
			}
		}
	})
}
