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
		if !IsHTML(data) {
			t.Errorf("%s: not detected as a page", filepath.Base(page))
			continue
		}
		got, err := FromHTML(data)
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
	if IsHTML(txt) {
		t.Error("the sample cable was taken for a page")
	}
	if _, err := FromHTML([]byte("<html><body>nothing</body></html>")); err != ErrNoCable {
		t.Errorf("page without <pre>: err = %v", err)
	}
}
