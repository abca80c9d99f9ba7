package archive

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"cablereader/catalog"
	"cablereader/corpus"
	"cablereader/internal/testcsv"
	"cablereader/ui/common"
)

// writeListCSV writes a cables.csv of n rows made from the real cables'
// list fields (origin, classification, TAGS, subject), each row with a new
// id and date and a one-paragraph body: the list reads nothing else, and
// the file stays small (about 250 bytes a row).
func writeListCSV(b *testing.B, path string, n int) {
	b.Helper()
	fx := loadFixture(b)
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	start := time.Date(1966, 1, 1, 0, 0, 0, 0, time.UTC)
	step := time.Date(2010, 2, 28, 0, 0, 0, 0, time.UTC).Sub(start) / time.Duration(n)
	var buf []byte
	for i := range n {
		c := &fx.cables[i%len(fx.cables)]
		date := start.Add(time.Duration(i) * step)
		station := strings.TrimLeft(strings.TrimRight(c.id, "0123456789"), "0123456789")
		body := "TAGS: " + strings.Join(c.parsed.Header.Tags, ", ") + "\nSUBJECT: " + c.parsed.Header.Subject +
			"\n\n1. (C) The text of the cable.\n"
		buf = testcsv.AppendRow(buf[:0], testcsv.Row{Seq: i + 1, Date: date, RefID: date.Format("06") + station + strconv.Itoa(1000+i),
			Origin: c.origin, Class: c.class, Body: []byte(body)})
		w.Write(buf)
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	f.Close()
}

// benchArchive scans a synthetic archive of n cables.
func benchArchive(b *testing.B, n int) *corpus.Archive {
	b.Helper()
	path := filepath.Join(b.TempDir(), "cables.csv")
	writeListCSV(b, path, n)
	ix := scanArchive(b, path)
	if got := len(ix.Entries()); got != n {
		b.Fatalf("%d entries, want %d", got, n)
	}
	return ix
}

// BenchmarkArchiveListKey is the cost of one key press in the list of a
// large archive: Update, then View (one frame).
//
//   - key=j: the cursor moves;
//   - filter-first-key: the first letter of a "/" query (a different
//     letter each time, so nothing is cached): the keystroke, which hands
//     the match over 100,000 rows to a command;
//   - filter-first-result: the same, up to the frame with the rows: the
//     keystroke, the match (on every CPU) and the frame after it;
//   - filter-next-key, filter-next-result: one more letter of a word of
//     three, matched again over every row (a longer word may match where
//     its prefix does not);
//   - filter-backspace: back to the query before (kept, not recomputed);
//   - class: "c", the classification quick filter over every row.
//
// index is the cost of the search keys of a whole snapshot, built when a
// batch of the scan arrives (old entries' keys are copied; from 32,768
// entries in a command), and apply what taking a built snapshot costs the
// UI goroutine (with a classification filter on).
func BenchmarkArchiveListKey(b *testing.B) {
	for _, n := range []int{100_000, 250_000} {
		ix := benchArchive(b, n)
		name := strconv.Itoa(n/1000) + "k"
		open := func(b *testing.B) *Archive {
			a := newArchive(parsed{ix}, common.Options{Theme: "dark"})
			a.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
			return a
		}
		// up is one keystroke and its frame; all also waits for the rows.
		up := func(a *Archive, m tea.Msg) {
			a.Update(m)
			_ = a.View()
		}
		all := func(b *testing.B, a *Archive, m tea.Msg) {
			_, cmd := a.Update(m)
			runCmds(b, a, cmd)
			_ = a.View()
		}
		letter := func(r byte) tea.Msg { return tea.KeyPressMsg{Code: rune(r), Text: string(r)} }
		bs := keyMsg("backspace")
		b.Run(name+"/key=j", func(b *testing.B) {
			a := open(b)
			j, k := keyMsg("j"), keyMsg("k")
			i := 0
			for b.Loop() {
				if i%200 < 100 {
					up(a, j)
				} else {
					up(a, k)
				}
				i++
			}
		})
		for _, wait := range []bool{false, true} {
			what := "key"
			step := up
			if wait {
				what = "result"
				step = func(a *Archive, m tea.Msg) { all(b, a, m) }
			}
			b.Run(name+"/filter-first-"+what, func(b *testing.B) {
				a := open(b)
				up(a, keyMsg("/"))
				letters := "etaoinshrdlucmfwypvbgk"
				i := 0
				b.ReportAllocs()
				for b.Loop() {
					step(a, letter(letters[i%len(letters)]))
					b.StopTimer()
					all(b, a, bs)
					b.StartTimer()
					i++
				}
			})
			b.Run(name+"/filter-next-"+what, func(b *testing.B) {
				a := open(b)
				up(a, keyMsg("/"))
				for _, r := range []byte("emb") {
					all(b, a, letter(r))
				}
				letters := "aeiou"
				i := 0
				b.ReportAllocs()
				for b.Loop() {
					step(a, letter(letters[i%len(letters)]))
					b.StopTimer()
					all(b, a, bs)
					b.StartTimer()
					i++
				}
			})
		}
		b.Run(name+"/filter-backspace", func(b *testing.B) {
			a := open(b)
			up(a, keyMsg("/"))
			for _, r := range []byte("emba") {
				all(b, a, letter(r))
			}
			for b.Loop() {
				up(a, bs)
				b.StopTimer()
				all(b, a, letter('a'))
				b.StartTimer()
			}
		})
		b.Run(name+"/class", func(b *testing.B) {
			a := open(b)
			c := keyMsg("c")
			for b.Loop() {
				up(a, c)
			}
		})
		b.Run(name+"/apply", func(b *testing.B) {
			// what a batch costs the UI goroutine once its snapshot is
			// built: a list of 3/4 of the entries takes them all, and back
			all := ix.Entries()
			var part []catalog.Record
			for i, e := range all {
				if i%4 != 0 {
					part = append(part, e)
				}
			}
			s1 := buildSnapshot(nil, searchKeys{}, nil, part, byDate)
			s2 := buildSnapshot(part, s1.keys, s1.lv, all, byDate)
			var l archiveList
			l.height = 37
			l.apply(s1)
			l.setQuick("", "", l.levels()[0])
			b.ReportAllocs()
			for b.Loop() {
				l.apply(s2)
				b.StopTimer()
				l.all, l.keys, l.lv = part, s1.keys, s1.lv
				b.StartTimer()
			}
		})
		b.Run(name+"/index", func(b *testing.B) {
			entries := ix.Entries()
			b.ReportAllocs()
			for b.Loop() {
				var l archiveList
				l.height = 37
				l.setEntries(entries)
			}
		})
	}
}

// BenchmarkListSort is the o key on a list of the whole release's size:
// the rows put in the next order (their search keys moved, not rebuilt).
func BenchmarkListSort(b *testing.B) {
	ix := benchArchive(b, 251287)
	for _, by := range []sortKey{byID, byOrigin, byClass} {
		b.Run(by.String(), func(b *testing.B) {
			var l archiveList
			l.height = 40
			l.setEntries(ix.Entries())
			l.moveTo(125000)
			b.ResetTimer()
			cpu := cpuTime()
			for b.Loop() {
				l.setSort(by)
				l.setSort(byDate)
			}
			// the processor time: on a busy machine the time that passes
			// says more of the other programs than of the sort
			b.ReportMetric(float64((cpuTime()-cpu).Microseconds())/1000/float64(b.N), "cpu-ms/op")
		})
	}
}

// BenchmarkListOrder is the sort alone of BenchmarkListSort: the order of
// the whole release's rows by each key (without moving the rows and their
// search keys into it).
func BenchmarkListOrder(b *testing.B) {
	ix := benchArchive(b, 251287)
	entries := ix.Entries()
	for _, by := range []sortKey{byID, byOrigin, byClass} {
		b.Run(by.String(), func(b *testing.B) {
			cpu := cpuTime()
			for b.Loop() {
				orderOf(entries, by)
			}
			b.ReportMetric(float64((cpuTime()-cpu).Microseconds())/1000/float64(b.N), "cpu-ms/op")
		})
	}
}
