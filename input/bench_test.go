package input

import (
	"os"
	"testing"
)

func BenchmarkFromHTML(b *testing.B) {
	page, err := os.ReadFile("../testdata/cables/html/09KYIV1942.html")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		if _, err := fromHTML(page); err != nil {
			b.Fatal(err)
		}
	}
}
