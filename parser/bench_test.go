package parser

import (
	"bytes"
	"os"
	"regexp"
	"testing"
)

// BenchmarkParse parses every real cable in testdata; MB/s is over their
// total size.
func BenchmarkParse(b *testing.B) {
	var cables [][]byte
	total := 0
	for _, f := range cableFiles(b) {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		cables = append(cables, data)
		total += len(data)
	}
	b.SetBytes(int64(total))
	b.ReportAllocs()
	for b.Loop() {
		for _, data := range cables {
			Parse(data)
		}
	}
}

// bigCable builds a cable of about size bytes from a real one: its header,
// then its body repeated with paragraph numbers running on.
func bigCable(b *testing.B, size int) []byte {
	data, err := os.ReadFile("../testdata/cables/08MADRID552.txt")
	if err != nil {
		b.Fatal(err)
	}
	head, body, _ := bytes.Cut(data, []byte("¶1."))
	var out bytes.Buffer
	out.Write(head)
	n := 0
	para := regexp.MustCompile(`¶\d+\.`)
	for out.Len() < size {
		out.Write(para.ReplaceAllFunc(append([]byte("¶1."), body...), func([]byte) []byte {
			n++
			return []byte("¶" + itoa(n) + ".")
		}))
	}
	return out.Bytes()
}

func itoa(n int) string {
	return string(appendInt(nil, n))
}

func appendInt(b []byte, n int) []byte {
	if n >= 10 {
		b = appendInt(b, n/10)
	}
	return append(b, byte('0'+n%10))
}

func benchLarge(b *testing.B, size int) {
	data := bigCable(b, size)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		Parse(data)
	}
}

// The large-cable benchmarks at 1×, 2× and 4× show that the parse grows
// linearly with the input.
func BenchmarkParseLarge2MB(b *testing.B) { benchLarge(b, 2<<20) }
func BenchmarkParseLarge4MB(b *testing.B) { benchLarge(b, 4<<20) }
func BenchmarkParseLarge8MB(b *testing.B) { benchLarge(b, 8<<20) }

// BenchmarkSplitBaseline4MB is the floor to compare with: a plain line and
// word split of the same 4 MB.
func BenchmarkSplitBaseline4MB(b *testing.B) {
	data := bigCable(b, 4<<20)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		words := 0
		for _, line := range bytes.Split(data, []byte("\n")) {
			words += len(bytes.Fields(line))
		}
		_ = words
	}
}
