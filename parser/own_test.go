package parser

import (
	"bytes"
	"os"
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"cablereader/model"
)

// padLines gives every line of data a long run of trailing blanks, which
// the parser drops: the cable parsed from it is the same, and a small part
// of its size.
func padLines(data []byte) []byte {
	pad := bytes.Repeat([]byte(" "), 2000)
	var out []byte
	for line := range bytes.Lines(data) {
		body := bytes.TrimRight(line, "\r\n")
		out = append(out, body...)
		out = append(out, pad...)
		out = append(out, line[len(body):]...)
	}
	return out
}

// liveHeap is the heap in use once everything unreachable is collected.
func liveHeap() int64 {
	runtime.GC()
	runtime.GC() // the second empties the pools the first moved aside
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int64(m.HeapAlloc)
}

// TestCableLetsInputGo: a parsed cable holds none of the input text. One
// label or header line cut from the text would keep all of it alive,
// which on a 200 MB cable is 200 MB more for as long as it is read. The
// real cables, each line padded with blanks the parser drops, are parsed
// and kept: the heap grows by their models only, a small part of the
// input. Every field is reached: the cables have routing, references,
// page markers, preambles, trailers and lines left unplaced.
func TestCableLetsInputGo(t *testing.T) {
	files := cableFiles(t)
	var texts [][]byte
	var plain []*model.Cable
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, data)
		plain = append(plain, Parse(data))
	}
	// One Latin-1 cable, decoded into a text of its own.
	texts = append(texts, []byte("UNCLASSIFIED\nSUBJECT: CAF\xc9\n\n1. TEXT.\n"))

	cables := make([]*model.Cable, len(texts))
	size := 0
	before := liveHeap()
	for i, data := range texts {
		in := padLines(data)
		size += len(in)
		cables[i] = Parse(in) // the input goes; only the model stays
	}
	grown := liveHeap() - before
	if grown > int64(size/10) {
		t.Errorf("%d cables of %d KB in all: the heap grew by %d KB once they were parsed; want their models only, under %d KB",
			len(texts), size>>10, grown>>10, size/10>>10)
	}
	for i, c := range plain {
		if !reflect.DeepEqual(cables[i], c) {
			t.Errorf("%s: padding the lines changed the parse", files[i])
		}
	}
	runtime.KeepAlive(cables)
}

// TestEachStringVisitsEveryField fills every string of a cable, through
// reflection, and checks that eachString visits each one but the
// paragraphs' texts and spans: a string field added to the model and
// forgotten in eachString would keep the whole input alive.
func TestEachStringVisitsEveryField(t *testing.T) {
	c := &model.Cable{}
	n := 0
	skipped := 0
	var fill func(v reflect.Value, path string)
	fill = func(v reflect.Value, path string) {
		switch v.Kind() {
		case reflect.String:
			n++
			v.SetString("s" + strconv.Itoa(n))
			if path == "Body.Text" || strings.HasPrefix(path, "Body.Spans.") {
				skipped++
			}
		case reflect.Pointer:
			v.Set(reflect.New(v.Type().Elem()))
			fill(v.Elem(), path)
		case reflect.Slice:
			v.Set(reflect.MakeSlice(v.Type(), 1, 1))
			fill(v.Index(0), path)
		case reflect.Struct:
			for i := range v.NumField() {
				if f := v.Type().Field(i); f.IsExported() {
					p := f.Name
					if path != "" {
						p = path + "." + f.Name
					}
					fill(v.Field(i), p)
				}
			}
		}
	}
	fill(reflect.ValueOf(c).Elem(), "")
	seen := map[string]bool{}
	eachString(c, func(s *string) { seen[*s] = true })
	if want := n - skipped; len(seen) != want {
		t.Errorf("eachString visits %d of the %d strings it should", len(seen), want)
	}
}
