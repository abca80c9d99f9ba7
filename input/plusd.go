package input

import (
	"bytes"
	"html"
	"regexp"
	"strings"
)

// PlusD is a record page of WikiLeaks' PlusD library (the State
// Department's telegrams of 1973–79 and later): a metadata table
// (table#synopsis: Canonical ID, Date, Original Classification, TAGS,
// From, To, …), then the telegram's header in div.text-header and its
// text in div#tagged-text, with no <pre> block.
const PlusD Format = "plusd"

func init() {
	// A PlusD page is a web page too: it is looked at before Page, and a
	// folder's .html files (Page's extensions) are looked for either way.
	formats = append([]format{{name: PlusD, match: isPlusD, decode: fromPlusD}}, formats...)
}

var (
	plusdHint = regexp.MustCompile(`(?i)/plusd/`)
	// synopsisKey and synopsisVal are a field of the metadata table: its
	// name in div.s_key, its value in the div.s_val that follows.
	synopsisField = regexp.MustCompile(`(?s)<div class="s_key">(.*?)</div>\s*<div class="s_val"[^>]*>(.*?)</div>`)
	// synopsisTitle is the table's first row, the record's subject.
	synopsisTitle = regexp.MustCompile(`(?s)<table id="synopsis">\s*<tr[^>]*>\s*<td colspan="2"[^>]*>(.*?)</td>`)
	textHeader    = regexp.MustCompile(`(?s)<div class="text-header[^"]*">(.*?)</div>`)
	taggedText    = regexp.MustCompile(`(?s)<div id="tagged-text">(.*?)</div>`)
)

func isPlusD(head []byte) bool {
	return htmlHint.Match(head) && plusdHint.Match(head)
}

// fromPlusD writes the page as the parser reads an archive's record (see
// parser/record.go): the table's fields one a line in the library's own
// names ("Canonical ID: 1974ATHENS02959_b"), then the subject the table
// is headed with, a blank line, then the telegram's header and text. A page without the
// telegram's divisions is read as any other web page.
func fromPlusD(page []byte) ([]byte, error) {
	body := taggedText.FindSubmatch(page)
	if body == nil {
		return fromHTML(page)
	}
	var out bytes.Buffer
	for _, m := range synopsisField.FindAllSubmatch(page, -1) {
		name := strings.TrimSuffix(plainText(m[1]), ":")
		if name == "" {
			continue
		}
		out.WriteString(name + ": " + plainText(m[2]) + "\n")
	}
	if m := synopsisTitle.FindSubmatch(page); m != nil {
		if s := plainText(m[1]); s != "" {
			out.WriteString("Subject: " + s + "\n")
		}
	}
	out.WriteByte('\n')
	if h := textHeader.FindSubmatch(page); h != nil {
		out.Write(pageText(h[1]))
		out.WriteByte('\n')
	}
	out.Write(pageText(body[1]))
	return out.Bytes(), nil
}

// plainText is a table cell's text on one line: tags dropped, character
// references decoded, spacing collapsed.
func plainText(b []byte) string {
	return strings.Join(strings.Fields(html.UnescapeString(string(tag.ReplaceAll(b, nil)))), " ")
}

// pageText is a division's text as the page shows it: tags dropped,
// character references decoded, the lines kept.
func pageText(b []byte) []byte {
	return []byte(html.UnescapeString(string(tag.ReplaceAll(b, nil))))
}
