package reader

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"cablereader/model"
	"cablereader/ui/common"
)

// benchCables are the largest real cable in testdata and a synthetic cable
// of 1,000 paragraphs.
func benchCables(b *testing.B) []struct {
	name string
	c    *model.Cable
} {
	b.Helper()
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "cables", "*.txt"))
	biggest, size := "", int64(0)
	for _, f := range files {
		if st, err := os.Stat(f); err == nil && st.Size() > size {
			biggest, size = strings.TrimSuffix(filepath.Base(f), ".txt"), st.Size()
		}
	}
	if biggest == "" {
		b.Fatal("no cables in ../../testdata/cables")
	}
	return []struct {
		name string
		c    *model.Cable
	}{
		{biggest, loadCable(b, biggest)},
		{"synthetic1000", syntheticCable(1000)},
	}
}

// BenchmarkRender is the cost of rendering the whole cable: "cold" from a
// new model (cleaning, span mapping, wrapping, header), "resize" for a
// width change with the cleaned text kept.
func BenchmarkRender(b *testing.B) {
	for _, bc := range benchCables(b) {
		b.Run(bc.name+"/cold", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				m := New(bc.c, common.Options{Theme: "dark"})
				m.Update(tea.WindowSizeMsg{Width: 100, Height: 40})
			}
		})
		b.Run(bc.name+"/foldall-first", func(b *testing.B) {
			// the first "c": every collapsed preview rendered from scratch
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				m := openModel(bc.c, 100, 40)
				b.StartTimer()
				press(m, "c")
				_ = m.View()
			}
		})
		b.Run(bc.name+"/resize", func(b *testing.B) {
			m := openModel(bc.c, 100, 40)
			w := []int{99, 100}
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				m.Update(tea.WindowSizeMsg{Width: w[i%2], Height: 40})
				i++
			}
		})
	}
}

// BenchmarkView is the cost of one frame: View alone, and a key press
// (Update + View) for the keys that do the most work.
func BenchmarkView(b *testing.B) {
	for _, bc := range benchCables(b) {
		b.Run(bc.name+"/view", func(b *testing.B) {
			m := openModel(bc.c, 100, 40)
			press(m, "G", "k", "k")
			b.ReportAllocs()
			for b.Loop() {
				_ = m.View()
			}
		})
		for _, keys := range [][]string{
			{"j", "k"},          // scroll
			{"]", "["},          // next/previous paragraph
			{"ctrl+d", "g"},     // half page, top
			{"enter"},           // fold/unfold the current paragraph
			{"c", "e"},          // fold all, unfold all
			{"n"},               // next search match
			{"r"},               // routing pane
			{":", "5", "enter"}, // go to paragraph
		} {
			b.Run(bc.name+"/key="+strings.Join(keys, ""), func(b *testing.B) {
				m := openModel(bc.c, 100, 40)
				press(m, "/")
				typeText(m, "the")
				press(m, "enter", "g")
				msgs := make([]tea.KeyPressMsg, len(keys))
				for i, k := range keys {
					msgs[i] = keyMsg(k)
				}
				b.ReportAllocs()
				i := 0
				for b.Loop() {
					m.Update(msgs[i%len(msgs)])
					_ = m.View()
					i++
				}
			})
		}
	}
}

// benchLong opens a reader over synthetic cables of each size, does f and
// draws the screen.
func benchLong(b *testing.B, sizes []int, f func(m *Model)) {
	for _, n := range sizes {
		c := syntheticCable(n)
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				m := New(c, common.Options{Theme: "dark"})
				m.Update(tea.WindowSizeMsg{Width: 100, Height: 40})
				f(m)
				_ = m.View()
			}
		})
	}
}

// BenchmarkRenderScaling lays out the whole of synthetic cables of 1,000,
// 2,000 and 4,000 paragraphs (what scrolling through all of it does): the
// cost must grow linearly with the cable.
func BenchmarkRenderScaling(b *testing.B) {
	benchLong(b, []int{1000, 2000, 4000}, (*Model).wholeDoc)
}

// BenchmarkOpen is the first screen of cables of 1,000 to 64,000
// paragraphs: the text is laid out only as far as it is shown, so what
// grows with the cable is only a few bytes of bookkeeping per paragraph.
func BenchmarkOpen(b *testing.B) {
	benchLong(b, []int{1000, 4000, 16000, 64000}, func(*Model) {})
}

// BenchmarkEnd opens cables of 1,000 to 64,000 paragraphs and presses G:
// the end is laid out in a window of its own, not after all the rest.
func BenchmarkEnd(b *testing.B) {
	benchLong(b, []int{1000, 4000, 16000, 64000}, func(m *Model) { m.Update(keyMsg("G")) })
}

// longParagraph is a cable of one paragraph of about n bytes: words with
// an "x" every 24 bytes, as the worst case of a search that matches often.
func longParagraph(n int) *model.Cable {
	const unit = "alpha bravo x-ray delta "
	text := strings.Repeat(unit, n/len(unit))
	return &model.Cable{Body: []model.Paragraph{{Number: 1, Text: text}}}
}

// BenchmarkSearchLongParagraph searches a single paragraph of 1 to 8 MB
// for a letter that matches every 24 bytes and shows the first match:
// the time should grow with the size, not with its square.
func BenchmarkSearchLongParagraph(b *testing.B) {
	for _, mb := range []int{1, 2, 4, 8} {
		c := longParagraph(mb << 20)
		b.Run(strconv.Itoa(mb)+"MB", func(b *testing.B) {
			for b.Loop() {
				m := New(c, common.Options{Theme: "dark"})
				m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
				runCmd(m, press(m, "/", "x", "enter"))
				if len(m.search.matches) == 0 {
					b.Fatal("no match")
				}
			}
		})
	}
}
