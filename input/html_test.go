package input

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Every saved page gives exactly the text of the same cable's .txt, which
// was made from the page by the same rule; so the two parse alike.
func TestFromHTMLMatchesText(t *testing.T) {
	pages, _ := filepath.Glob("../testdata/cables/html/*.html")
	if len(pages) == 0 {
		t.Fatal("no pages")
	}
	for _, page := range pages {
		data, err := os.ReadFile(page)
		if err != nil {
			t.Fatal(err)
		}
		if !isHTML(data) {
			t.Errorf("%s: not detected as a page", filepath.Base(page))
			continue
		}
		got, err := fromHTML(data)
		if err != nil {
			t.Fatalf("%s: %v", page, err)
		}
		want, err := os.ReadFile(strings.Replace(strings.TrimSuffix(page, ".html")+".txt", "/html/", "/", 1))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(bytes.TrimSpace(got), bytes.TrimSpace(want)) {
			t.Errorf("%s: page text differs from the .txt", filepath.Base(page))
		}
	}
}

func TestIsHTML(t *testing.T) {
	txt, _ := os.ReadFile("../testdata/09TOKYO2531.txt")
	if isHTML(txt) {
		t.Error("the sample cable was taken for a page")
	}
	if _, err := fromHTML([]byte("<html><body>nothing</body></html>")); err != ErrNoCable {
		t.Errorf("page without <pre>: err = %v", err)
	}
}

// A page that is not UTF-8 is read at the positions of its own bytes:
// lower-casing a copy to search in turns an invalid byte into three bytes
// and a Kelvin sign into one, and slicing the page with the copy's
// positions panicked or cut the text in the wrong places.
func TestFromHTMLNotUTF8(t *testing.T) {
	latin1 := strings.Repeat("\xe9", 3000)
	kelvin := strings.Repeat("\u212a", 500)
	for _, tc := range []struct {
		name, page, want string
	}{
		{"invalid bytes in the first block", "<pre>" + latin1 + "</pre><pre>x</pre>", latin1 + "\nx"},
		{"Latin-1 before the blocks", "<html><title>Caf\xe9 " + latin1 + "</title><PRE>UNCLAS STATE 000001</PRE>\n<Pre class=x>1. (U) Caf\xe9.</pRE>", "UNCLAS STATE 000001\n1. (U) Caf\xe9."},
		{"Kelvin signs before the blocks", "<html><title>" + kelvin + "</title><pre>UNCLAS STATE 000001\n\n1. (U) Body.</pre>", "UNCLAS STATE 000001\n\n1. (U) Body."},
		{"Kelvin signs in a block", "<pre>" + kelvin + "</pre><pre>" + kelvin + "K</pre>", kelvin + "\n" + kelvin + "K"},
		{"a tag that only starts like pre", "<prefix>no</prefix><pre>yes</pre>", "yes"},
		{"unclosed block", "<pre>a</pre><pre>b", "a"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := fromHTML([]byte(tc.page))
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tc.want {
				t.Errorf("got %.80q (%d bytes), want %.80q (%d bytes)", got, len(got), tc.want, len(tc.want))
			}
		})
	}
}
