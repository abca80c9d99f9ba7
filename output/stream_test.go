package output

import (
	"bufio"
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"cablereader/model"
)

// bigCable is a cable of n paragraphs of about 2 KB each.
func bigCable(n int) *model.Cable {
	c := &model.Cable{ID: "09TOKYO2531", Header: model.Header{Subject: "BIG"}}
	text := strings.Repeat("The SOP sets forth a number of best practices to be observed. ", 32)
	for i := range n {
		c.Body = append(c.Body, model.Paragraph{Number: i + 1, Label: "1.", Marking: "C", Text: text,
			Spans: []model.Span{{Kind: model.Note, Start: 0, End: 7, Text: "The SOP"}}})
	}
	return c
}

// writeLog records how much each Write hands on.
type writeLog struct {
	n, largest, total int
}

func (w *writeLog) Write(p []byte) (int, error) {
	w.n++
	w.largest = max(w.largest, len(p))
	w.total += len(p)
	return len(p), nil
}

// The outputs are written as they go: a 4 MB cable reaches the writer in
// pieces no bigger than the buffer, never as one whole.
func TestOutputsStream(t *testing.T) {
	c := bigCable(2000)
	for name, write := range map[string]func(io.Writer) error{
		"json":     func(w io.Writer) error { return JSON(w, c) },
		"text":     func(w io.Writer) error { return Text(w, c, TextOptions{}) },
		"markdown": func(w io.Writer) error { return Markdown(w, c, MarkdownOptions{}) },
	} {
		var log writeLog
		if err := write(&log); err != nil {
			t.Fatal(err)
		}
		if log.total < 4_000_000 || log.largest > 64<<10 || log.n < 60 {
			t.Errorf("%s: %d bytes in %d writes, the largest %d: not written as it goes", name, log.total, log.n, log.largest)
		}
	}
}

// failWriter fails every write.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, io.ErrClosedPipe }

// A failing writer's error is returned, and the rest is not attempted.
func TestOutputsReportWriteErrors(t *testing.T) {
	c := bigCable(200)
	if err := JSON(failWriter{}, c); err != io.ErrClosedPipe {
		t.Errorf("JSON: %v", err)
	}
	if err := Text(failWriter{}, c, TextOptions{}); err != io.ErrClosedPipe {
		t.Errorf("Text: %v", err)
	}
	if err := Markdown(failWriter{}, c, MarkdownOptions{}); err != io.ErrClosedPipe {
		t.Errorf("Markdown: %v", err)
	}
}

// Benchmarks (not part of the test run: go test ./output -run XXX -bench .).

func BenchmarkJSON(b *testing.B) {
	benchOutput(b, func(w io.Writer, c *model.Cable) error { return JSON(w, c) })
}
func BenchmarkText(b *testing.B) {
	benchOutput(b, func(w io.Writer, c *model.Cable) error { return Text(w, c, TextOptions{}) })
}
func BenchmarkMarkdown(b *testing.B) {
	benchOutput(b, func(w io.Writer, c *model.Cable) error { return Markdown(w, c, MarkdownOptions{}) })
}

// benchOutput writes a 4 MB cable; bytes per op show how much the output
// allocates beyond the model.
func benchOutput(b *testing.B, write func(io.Writer, *model.Cable) error) {
	c := bigCable(2000)
	var buf bytes.Buffer
	write(&buf, c)
	b.SetBytes(int64(buf.Len()))
	b.ReportAllocs()
	for b.Loop() {
		if err := write(io.Discard, c); err != nil {
			b.Fatal(err)
		}
	}
}

// A paragraph longer than a piece is encoded a piece at a time, to the
// same bytes as encoded whole: the pieces are cut between characters,
// whatever their length, and what is escaped (quotes, controls, invalid
// UTF-8, bidi controls) is escaped the same on either side of a cut.
func TestJSONLongParagraphInPieces(t *testing.T) {
	unit := "\U0001F600 Caf\u00e9 \u20ac \"q\" \\ \u0085\u202e\x7f\t\n\xff\u2028 <&> x"
	var texts []string
	for k := 1; k <= 4; k++ { // the first cut inside the four bytes of 😀 and after
		texts = append(texts, "BEGIN "+strings.Repeat("a", textPiece-6-k)+strings.Repeat(unit, 3))
	}
	texts = append(texts, "BEGIN "+strings.Repeat(unit, 3*textPiece/len(unit)+7))
	for _, text := range texts {
		p := model.Paragraph{Number: 1, Label: "1.", Marking: "C", Heading: `"text": ""`,
			Text:  text,
			Spans: []model.Span{{Kind: model.Note, Start: 0, End: 5, Text: "BEGIN"}}}
		var whole, pieces bytes.Buffer
		w := newJSONWriter(&whole)
		w.value(paragraphJSON(p), "    ")
		if err := w.flush(); err != nil {
			t.Fatal(err)
		}
		w = newJSONWriter(&pieces)
		w.paragraph(p, "    ")
		if err := w.flush(); err != nil {
			t.Fatal(err)
		}
		if len(p.Text) <= textPiece || !bytes.Equal(whole.Bytes(), pieces.Bytes()) {
			t.Errorf("%d bytes of text: %d bytes encoded whole, %d in pieces; want the same bytes", len(p.Text), whole.Len(), pieces.Len())
		}
	}
}

// A long line is folded a piece at a time to the same lines as folded
// whole: words of every length (longer than the width too), hyphens, runs
// of spaces, leading spaces, wide and accented characters, at several
// widths and pieces small enough to cut it hundreds of times.
func TestTextFoldsLongLineInPieces(t *testing.T) {
	words := []string{"a", "the", "MINISTER", "co-operation", "well-known-and-long", "é", "Café", "世界", "日本語のテキスト",
		"-", "--", "x-", "1.4(b)", strings.Repeat("w", 90), "END.", "(C)", "¶12"}
	seps := []string{" ", " ", " ", "  ", "   "}
	var sb strings.Builder
	sb.WriteString("  The ")
	seed := uint32(1)
	for sb.Len() < 200_000 {
		seed = seed*1664525 + 1013904223
		sb.WriteString(words[seed>>8%uint32(len(words))])
		sb.WriteString(seps[seed>>20%uint32(len(seps))])
	}
	line := sb.String()
	for _, width := range []int{20, 72, 100} {
		for _, piece := range []int{300, 1000, 4096} {
			var got bytes.Buffer
			w := bufio.NewWriter(&got)
			writeFolded(w, line, width, piece)
			w.Flush()
			if want := ansi.Wordwrap(line, width, ""); got.String() != want {
				t.Errorf("width %d, pieces of %d: folded in pieces differs from folded whole", width, piece)
			}
		}
	}
}
