package search

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"cablereader/catalog"
)

// A snippet of a big cable costs about the cable's size, not many times
// it: only a window around the match is decoded and cut.
func TestSnippetOfABigCable(t *testing.T) {
	data, err := os.ReadFile("testdata/10TOKYO1.txt")
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.Write(data)
	para := strings.Repeat("The delegation discussed fisheries and trade with the ministry at length. ", 20) + "\n\n"
	for i := 0; b.Len() < 8<<20; i++ {
		if i == 3000 {
			b.WriteString("99. The zyzzyva question came up again.\n\n")
		}
		b.WriteString(para)
	}
	path := filepath.Join(t.TempDir(), "10TOKYO1.txt")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	size := b.Len()
	b = strings.Builder{}
	ix := &Index{}
	q, _ := Parse("zyzzyva question")
	h := Hit{Location: catalog.Location{Kind: catalog.KindText, Path: path}}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	sn, err := ix.Snippet(h, q)
	runtime.ReadMemStats(&after)
	if err != nil || sn.Marked("[", "]") != "…at length. 99. The [zyzzyva question] came up again. The delegation discussed fisheries and trade with the ministry at length. The delegation discussed fisheries…" {
		t.Errorf("%q %v", sn.Marked("[", "]"), err)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > uint64(2*size) {
		t.Errorf("a snippet of a %d MB cable allocated %d MB", size>>20, alloc>>20)
	}
}

// Page markers and rules, which the reader hides, are not in snippets.
func TestSnippetHidesFurniture(t *testing.T) {
	text := "1. (C) The minister spoke of the\n\nPARIS 00003956  002 OF 002\n\n\nnuclear programme at length.\n--------------------------------------\n2. (C) Nothing else."
	q, _ := Parse("nuclear")
	got := MakeSnippet(text, q).Marked("[", "]")
	if want := "…minister spoke of the [nuclear] programme at length. 2. (C) Nothing else"; got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}
