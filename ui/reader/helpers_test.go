package reader

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"cablereader/model"
	"cablereader/parser"
	"cablereader/ui/common"
	"cablereader/ui/internal/uitest"
)

// The sample and three other real cables: a long multi-section one, an old
// one without a routing header, and one with COMMENT blocks.
const sample = "09TOKYO2531"

var realCables = []string{
	sample,
	"08MADRID552",    // 44 KB, 11 sections, 71 blocks, headings
	"02BRASILIA4227", // 2002, no transmission header, partial record
	"10BEIJING263",   // 4 COMMENT blocks, a NOTE, a SUMMARY
}

// loadCable parses a real cable from the repository's testdata.
func loadCable(tb testing.TB, id string) *model.Cable {
	tb.Helper()
	path := filepath.Join("..", "..", "testdata", "cables", id+".txt")
	if id == sample {
		path = filepath.Join("..", "..", "testdata", id+".txt")
	}
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return parser.Parse(b)
}

// openModel returns a reader on c at w×h with the dark theme.
func openModel(c *model.Cable, w, h int) *Model {
	m := New(c, common.Options{Theme: "dark"})
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return m
}

// keyMsg builds the key press for a key name as tea prints it.
func keyMsg(k string) tea.KeyPressMsg { return uitest.Key(k) }

// press sends keys through Update and returns the last command.
func press(m *Model, keys ...string) tea.Cmd {
	var cmd tea.Cmd
	for _, k := range keys {
		_, cmd = m.Update(keyMsg(k))
	}
	return cmd
}

// typeText sends each rune of s as a key press.
func typeText(m *Model, s string) {
	for _, r := range s {
		m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

// screen is the view as plain text.
// whole lays out the whole text (the reader does it only as far as it is
// shown) and returns it.
func whole(m *Model) *doc {
	m.wholeDoc()
	return &m.doc
}

func screen(m *Model) string { return ansi.Strip(m.View().Content) }

// bodyText is the part of the screen between the header and the footer.
func bodyText(m *Model) string {
	lines := strings.Split(screen(m), "\n")
	return strings.Join(lines[len(m.header):len(lines)-1], "\n")
}

// footerText is the last line of the screen.
func footerText(m *Model) string {
	lines := strings.Split(screen(m), "\n")
	return lines[len(lines)-1]
}

// labelOnScreen reports whether paragraph n's "¶n" label is in the body
// part of the screen (at the label column, not in running text).
func labelOnScreen(m *Model, n int) bool {
	want := "¶" + strconv.Itoa(n) + " "
	for _, l := range strings.Split(bodyText(m), "\n") {
		t := strings.TrimLeft(l, " ▌")
		if strings.HasPrefix(t, want) {
			return true
		}
	}
	return false
}

// currentLabel is the ¶ label marked current in the gutter, or "".
func currentLabel(m *Model) string {
	for _, l := range strings.Split(bodyText(m), "\n") {
		t := strings.TrimLeft(l, " ")
		if rest, ok := strings.CutPrefix(t, "▌ "); ok {
			if f := strings.Fields(rest); len(f) > 0 && strings.HasPrefix(f[0], "¶") {
				return f[0]
			}
		}
	}
	return ""
}

// farNumber is a paragraph number for ":N": ¶5 when the cable has one,
// else its last numbered paragraph.
func farNumber(c *model.Cable) int {
	last := 0
	for _, i := range c.Numbered() {
		n := c.Body[i].Number
		if n == 5 {
			return 5
		}
		last = n
	}
	return last
}

// syntheticCable builds a cable of n numbered paragraphs with headings,
// spans and sub-items, for benchmarks and edge cases.
func syntheticCable(n int) *model.Cable {
	c := &model.Cable{
		ID:             "99SYNTHETIC1",
		Origin:         "AMEMBASSY NOWHERE",
		Classification: model.Classification{Level: model.Secret},
		Header:         model.Header{Subject: "A VERY LONG CABLE", Tags: []string{"PGOV", "PREL"}},
		Signature:      "NOBODY",
	}
	sentence := "The ambassador met the minister of foreign affairs on Tuesday to discuss the state of bilateral relations, trade, and the region. "
	for i := 1; i <= n; i++ {
		var b strings.Builder
		var spans []model.Span
		if i%10 == 1 {
			b.WriteString("SUMMARY: ")
		}
		for k := 0; k < 3+i%4; k++ {
			b.WriteString(sentence)
		}
		if i%10 == 1 {
			b.WriteString("END SUMMARY.")
			spans = append(spans, model.Span{Kind: model.Summary, Start: 0, End: b.Len()})
		}
		if i%7 == 0 {
			b.WriteString("\n-- first point of a list\n-- second point of a list")
		}
		if i%5 == 0 {
			start := b.Len() + 1
			b.WriteString(" (NOTE: a note by the drafter about the meeting. END NOTE)")
			spans = append(spans, model.Span{Kind: model.Note, Start: start, End: b.Len(), Text: "a note by the drafter about the meeting."})
		}
		p := model.Paragraph{Number: i, Label: strconv.Itoa(i) + ".", Marking: "C", Text: b.String(), Spans: spans}
		if i%25 == 0 {
			p.Heading = "HEADING NUMBER " + strconv.Itoa(i/25)
		}
		c.Body = append(c.Body, p)
	}
	return c
}

func stripAll(s string) string { return ansi.Strip(s) }
func stringWidth(s string) int { return ansi.StringWidth(s) }

// allCableIDs lists every cable in the repository's testdata.
func allCableIDs(tb testing.TB) []string {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join("..", "..", "testdata", "cables", "*.txt"))
	if err != nil || len(files) == 0 {
		tb.Fatalf("no cables in ../../testdata/cables: %v", err)
	}
	ids := []string{sample}
	for _, f := range files {
		ids = append(ids, strings.TrimSuffix(filepath.Base(f), ".txt"))
	}
	return ids
}

// runCmd runs cmd as the program would, feeding its messages back to m
// until no command is left.
func runCmd(m *Model, cmd tea.Cmd) {
	queue := []tea.Cmd{cmd}
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch msg := c().(type) {
		case tea.BatchMsg:
			queue = append(queue, msg...)
		case nil:
		default:
			_, next := m.Update(msg)
			queue = append(queue, next)
		}
	}
}
