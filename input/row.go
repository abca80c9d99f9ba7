package input

import (
	"bytes"
	"regexp"
)

// Row is a page that holds an archive's raw row of the cable, as the
// cables.csv dump writes it in MySQL's text form: the fields split by
// tabs (an optional number, the date, the id, the origin, the
// classification, the destination, the header, the text) and each line
// break inside a field escaped with a backslash, so that every line of
// the header and the text ends in "\". Some of the 2011 site's pages show
// such a row below the routing header.
const Row Format = "row"

func init() {
	register(format{name: Row, match: isRow, decode: fromRow})
}

// rowStart is the start of a row: the number, the date, the id.
var rowStart = regexp.MustCompile(`(?m)^(?:(\d+)\t)?((?:` + rowDate + `\t(?:\d+\t)?)*)(` + rowDate + `)\t(\d\d[A-Z][A-Z0-9]*\d)\t`)

// rowDate is a row's date; rowRepeat is a number and date some rows give
// twice (167757 ⇥ 2008-08-28 15:09:00 ⇥ 167757 ⇥ 2008-08-28 15:09:00 ⇥ id);
// some give the date twice alone (2009-06-23 10:45:00 ⇥ 2009-06-23
// 10:45:00 ⇥ id).
const rowDate = `(?:\d{4}-\d\d-\d\d|\d\d?/\d\d?/\d{4}) \d\d?:\d\d(?::\d\d)?`

var rowRepeat = regexp.MustCompile(rowDate + `\t(\d+)\t`)

func isRow(head []byte) bool {
	return !htmlHint.Match(head) && rowStart.Match(head)
}

// rowNames are the names of a row's fields after the number, as the
// archive's record on the 2011 site writes them.
var rowNames = []string{"date", "refid", "origin", "classification", "destination"}

// fromRow writes the row as the archive's record the parser reads (see
// parser/record.go): its fields one a line, "header:", the header, the
// closing line, then the text; line breaks unescaped. What the page holds
// above the row (the routing header the site shows again) is kept above
// the record.
func fromRow(data []byte) ([]byte, error) {
	m := rowStart.FindSubmatchIndex(data)
	if m == nil {
		return data, nil
	}
	var out bytes.Buffer
	out.Write(data[:m[0]])
	if out.Len() > 0 && !bytes.HasSuffix(out.Bytes(), []byte("\n")) {
		out.WriteByte('\n')
	}
	if m[2] >= 0 {
		out.WriteString("id: ")
		out.Write(data[m[2]:m[3]])
		out.WriteByte('\n')
	}
	for _, r := range rowRepeat.FindAllSubmatch(data[m[4]:m[5]], -1) {
		// The number and date given once more are kept, as the record's.
		out.WriteString("date: ")
		out.Write(bytes.TrimSuffix(r[0][:len(r[0])-len(r[1])-1], []byte("\t")))
		out.WriteString("\nid: ")
		out.Write(r[1])
		out.WriteByte('\n')
	}
	rest := data[m[6]:]
	for _, name := range rowNames {
		v := rest
		i := bytes.IndexByte(rest, '\t')
		if i >= 0 {
			v, rest = rest[:i], rest[i+1:]
		} else {
			rest = nil
		}
		out.WriteString(name + ": ")
		out.Write(bytes.TrimSpace(unescapeRow(v)))
		out.WriteByte('\n')
	}
	header, body := rest, []byte(nil)
	if i := bytes.IndexByte(rest, '\t'); i >= 0 {
		header, body = rest[:i], rest[i+1:]
	}
	out.WriteString("header:\n")
	out.Write(unescapeRow(header))
	out.WriteString("\n----------------- header ends ----------------\n")
	out.Write(unescapeRow(body))
	return out.Bytes(), nil
}

// unescapeRow undoes the dump's escaping of line breaks: a backslash that
// ends a line (or the field) is dropped.
func unescapeRow(b []byte) []byte {
	lines := bytes.Split(b, []byte("\n"))
	for i, l := range lines {
		l = bytes.TrimSuffix(l, []byte("\r"))
		if bytes.HasSuffix(l, []byte(`\`)) {
			l = l[:len(l)-1]
		}
		lines[i] = l
	}
	return bytes.Join(lines, []byte("\n"))
}
