package search

import (
	"bytes"

	"cablereader/model"
)

// reportText is the part of a cable's text that the index holds and cuts
// snippets from: all of it but a transmission header on top (VZCZC…, the
// routing indicators, FM, and the TO and INFO addressees). The header
// names stations and offices, not what the cable reports: "nuclear" should
// find a cable about nuclear matters, not every cable sent to a NUCLEAR
// REGULATORY COMMISSION. Its fields are searched as fields (from:,
// date:). The header ends at a blank line, at the banner, or at a line in
// lower case (a date a dump wrote there); where none of these comes, the
// text is kept whole.
func reportText(text []byte) []byte {
	rest := bytes.TrimLeft(text, " \t\r\n")
	if !bytes.HasPrefix(rest, []byte("VZCZC")) {
		return text
	}
	head := rest[:min(len(rest), 64<<10)]
	i := bytes.Index(head, []byte("\nFM "))
	if i < 0 {
		return text
	}
	for i++; i < len(head); {
		end := bytes.IndexByte(head[i:], '\n')
		if end < 0 {
			break
		}
		if line := bytes.TrimSpace(head[i : i+end]); len(line) == 0 || model.StartsLevel(line) || hasLower(line) {
			return rest[i:]
		}
		i += end + 1
	}
	return text
}

func hasLower(b []byte) bool {
	for _, c := range b {
		if c >= 'a' && c <= 'z' {
			return true
		}
	}
	return false
}
