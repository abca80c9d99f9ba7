package output

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"

	"cablereader/model"
	"cablereader/sanitize"
)

// ErrNoParagraph is returned by Paragraph when the cable has no paragraph
// of the number asked for.
var ErrNoParagraph = errors.New("no such paragraph")

// Paragraph writes the paragraph numbered n (¶n) alone, for scripts, as
// the whole cable's output in format ("text", "markdown" or "json") shows
// it: text wrapped to 80 columns, a Markdown block, or the paragraph's
// JSON object on one line.
func Paragraph(w io.Writer, c *model.Cable, n int, format string) error {
	i := -1
	for k, p := range c.Body {
		if p.Number == n && n > 0 {
			i = k
			break
		}
	}
	if i < 0 {
		return ErrNoParagraph
	}
	p := c.Body[i]
	switch format {
	case "json":
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(paragraphJSON(p)); err != nil {
			return err
		}
		_, err := w.Write(sanitize.JSON(buf.Bytes()))
		return err
	case "markdown", "md":
		b := bufio.NewWriter(w)
		markdownParagraph(b, p)
		return b.Flush()
	}
	b := bufio.NewWriter(w)
	textParagraph(b, p, 80)
	return b.Flush()
}
