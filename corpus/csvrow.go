package corpus

import (
	"bytes"
	"math"
	"strings"
	"time"

	"cablereader/catalog"
	"cablereader/input"
	"cablereader/model"
)

// peekBytes is how much of a row's body is kept for the list fields: the
// caption block (TAGS, SUBJECT) sits in the first lines of the body.
const peekBytes = 3 << 10

// scanKeep are the keep limits while scanning: the short columns whole
// (references can be long), the header not at all, the head of the body.
var scanKeep = [csvFields]int{64, 64, 256, 256, 256, 64 << 10, 0, peekBytes}

// loadKeep reads every field whole, to open a cable.
var loadKeep = [csvFields]int{64, 64, 256, 256, 256, 64 << 10, 1 << 40, 1 << 40}

// interner shares the strings that repeat across an archive (origins,
// classifications, tags), so 250,000 rows cost a few hundred of them.
type interner struct {
	strs    map[string]string
	classes map[string]model.Classification // the column as written → read
}

func newInterner() *interner {
	return &interner{strs: map[string]string{}, classes: map[string]model.Classification{}}
}

func (in *interner) get(b []byte) string {
	if s, ok := in.strs[string(b)]; ok { // no allocation for the lookup
		return s
	}
	s := string(b)
	in.strs[s] = s
	return s
}

// class returns the classification of a column value. Rows that share a
// value share its qualifiers.
func (in *interner) class(raw []byte) model.Classification {
	if c, ok := in.classes[string(raw)]; ok {
		return c
	}
	c := catalog.ClassOf(in.get(normClass(raw)))
	in.classes[string(raw)] = c
	return c
}

// rowEntry turns a row into its record. reason says why a row that is well
// formed cannot be listed.
func rowEntry(row *csvRow, path string, in *interner) (e catalog.Record, reason string) {
	if !allDigits(row.field[colSeq]) {
		return e, "the first field is not a sequence number"
	}
	id := bytes.TrimSpace(row.field[colRefID])
	if len(id) == 0 {
		return e, "the row has no reference id"
	}
	e.ID = string(id)
	e.Date, _ = parseCSVDate(row.field[colDate])
	e.Origin = in.get(bytes.TrimSpace(row.field[colOrigin]))
	e.Classification = in.class(row.field[colClass])
	for _, id := range splitRefs(row.field[colRefs]) {
		e.References = append(e.References, model.Reference{ID: id})
	}
	subj, tags := peekCaption(row.field[colBody])
	e.Subject = subj
	if len(tags) > 0 {
		e.Tags = make([]string, len(tags))
		for i, t := range tags {
			e.Tags[i] = in.get(t)
		}
	}
	e.Loc = catalog.Location{Kind: catalog.KindCSVRow, Path: path, Offset: row.start, Length: int32(row.end - row.start), Line: int32(min(row.line, math.MaxInt32))}
	return e, ""
}

func allDigits(b []byte) bool {
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return len(b) > 0
}

// parseCSVDate reads "M/D/YYYY H:MM" (UTC), by hand: it runs on every row.
func parseCSVDate(b []byte) (time.Time, bool) {
	var v [5]int
	k, digits := 0, 0
	for _, c := range bytes.TrimSpace(b) {
		switch {
		case c >= '0' && c <= '9':
			v[k] = v[k]*10 + int(c-'0')
			digits++
		case k < 4 && digits > 0 && (c == "// :"[k]):
			k, digits = k+1, 0
		default:
			return time.Time{}, false
		}
	}
	if k != 4 || digits == 0 || v[0] < 1 || v[0] > 12 || v[1] < 1 || v[1] > 31 || v[2] < 1900 || v[3] > 23 || v[4] > 59 {
		return time.Time{}, false
	}
	return time.Date(v[2], time.Month(v[0]), v[1], v[3], v[4], 0, 0, time.UTC), true
}

// normClass writes a classification the way the model does: upper case,
// single spaces, qualifiers joined by "//" (SECRET//NOFORN).
func normClass(b []byte) []byte {
	var out []byte
	for _, part := range bytes.Split(b, []byte("/")) {
		part = bytes.Join(bytes.Fields(part), []byte(" "))
		if len(part) == 0 {
			continue
		}
		if out != nil {
			out = append(out, '/', '/')
		}
		out = append(out, bytes.ToUpper(part)...)
	}
	return out
}

// splitRefs splits the references column (72MOSCOW1603|72TEHRAN1091).
// The ids share one allocation.
func splitRefs(b []byte) []string {
	b = bytes.TrimSpace(b)
	if len(b) == 0 {
		return nil
	}
	all := strings.ToUpper(string(b))
	var refs []string
	for r := range strings.SplitSeq(all, "|") {
		if r = strings.TrimSpace(r); r != "" {
			refs = append(refs, r)
		}
	}
	return refs
}

// peekCaption finds the subject (with its wrapped lines) and the tags in
// the head of a body, without parsing the cable: the list needs them for
// every row, and a full parse of 250,000 cables would take minutes.
func peekCaption(head []byte) (subject string, tags [][]byte) {
	var subj []byte
	inSubj, inTags, tagsOpen := false, false, false
	wraps := 0 // the subject's continuation lines
	for len(head) > 0 && !(subj != nil && tags != nil && !inSubj && !inTags) {
		var line []byte
		if i := bytes.IndexByte(head, '\n'); i >= 0 {
			line, head = head[:i], head[i+1:]
		} else {
			line, head = head, nil
		}
		t := bytes.TrimSpace(line)
		if len(t) == 0 {
			inSubj, inTags = false, false
			continue
		}
		if isPageMarker(t) {
			continue // a page break can fall inside the caption block
		}
		key, rest := captionKey(t)
		switch {
		case key == "SUBJECT" && subj == nil:
			subj = append([]byte{}, rest...)
			inSubj, inTags, wraps = true, false, 0
			continue
		case key == "TAGS" && tags == nil:
			tags = appendTags(tags, rest)
			inSubj, inTags, tagsOpen = false, true, bytes.HasSuffix(rest, []byte(","))
			if tags == nil {
				tags = [][]byte{} // found, even if empty: do not take a later one
			}
			continue
		case key != "":
			inSubj, inTags = false, false
		case inSubj && wraps < 3 && !isParaStart(t) && !isRefItem(t):
			subj = append(append(subj, ' '), t...)
			wraps++
			continue
		case inTags && (tagsOpen || tagLine(t)):
			tags = appendTags(tags, t)
			tagsOpen = bytes.HasSuffix(t, []byte(","))
			continue
		case isParaStart(t):
			head = nil // the text proper: the caption block is over
		default:
			inSubj, inTags = false, false
		}
	}
	return cleanSubject(subj), tags
}

// captionKey recognises the caption keywords that end a wrapped subject
// or tags list, and returns the text after "SUBJECT:" or "TAGS:".
func captionKey(t []byte) (key string, rest []byte) {
	switch t[0] | 0x20 { // most lines start otherwise: no keyword
	case 's', 't', 'r', 'e', 'c', 'n':
	default:
		return "", nil
	}
	if r, w := afterWord(t, "SUBJECT", "SUBJ"); w != "" && len(r) > 0 && r[0] == ':' {
		return "SUBJECT", bytes.TrimSpace(r[1:])
	}
	if r, w := afterWord(t, "TAGS", "TAG"); w != "" && len(r) > 0 {
		if r[0] == ':' {
			return "TAGS", bytes.TrimSpace(r[1:])
		}
		if t[len(w)] == ' ' || t[len(w)] == '\t' {
			return "TAGS", r // "TAGS PREL PGOV": the colon is sometimes left out
		}
	}
	if r, w := afterWord(t, "REFTELS", "REFTEL", "REFS", "REF"); w != "" && len(r) > 0 && r[0] == ':' {
		return "OTHER", nil
	}
	if _, w := afterWord(t, "E.O.", "EO", "CLASSIFIED BY", "SIPDIS", "NOFORN", "SUMMARY"); w != "" {
		return "OTHER", nil
	}
	return "", nil
}

// afterWord returns the first of words that t starts with
// (case-insensitively) and what follows it, leading blanks trimmed. word
// is "" when t starts with none of them, or the word runs on into letters
// (TAGALOG).
func afterWord(t []byte, words ...string) (rest []byte, word string) {
	for _, w := range words {
		if len(t) < len(w) || !bytes.EqualFold(t[:len(w)], []byte(w)) {
			continue
		}
		if len(t) > len(w) && isLetter(t[len(w)]) && isLetter(w[len(w)-1]) {
			continue
		}
		return bytes.TrimLeft(t[len(w):], " \t"), w
	}
	return nil, ""
}

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// tagLine reports whether a line goes on with a tags list: only words of
// two to six capitals.
func tagLine(t []byte) bool {
	n := 0
	for _, w := range bytes.FieldsFunc(t, isTagSep) {
		if len(w) < 2 || len(w) > 6 || bytes.ContainsFunc(w, func(r rune) bool { return r < 'A' || r > 'Z' }) {
			return false
		}
		n++
	}
	return n > 0
}

func isTagSep(r rune) bool { return r == ' ' || r == ',' || r == ';' || r == '\t' }

func appendTags(tags [][]byte, s []byte) [][]byte {
	for _, w := range bytes.FieldsFunc(s, isTagSep) {
		// Markdown dumps write a tag as a link: [KTIP](#).
		w = bytes.TrimSuffix(w, []byte("(#)"))
		w = bytes.Trim(w, "[].")
		if bytes.ContainsFunc(w, func(r rune) bool { return r >= 'a' && r <= 'z' }) {
			w = bytes.ToUpper(w)
		}
		if len(w) > 0 {
			tags = append(tags, w)
		}
	}
	return tags
}

// isParaStart reports whether a line opens the text: "1.", "¶1.", "(C)".
func isParaStart(t []byte) bool {
	t = bytes.TrimPrefix(t, []byte("¶"))
	t = bytes.TrimPrefix(t, []byte{0xB6}) // the pilcrow in Latin-1
	i := 0
	for i < len(t) && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	if i > 0 && i < len(t) && (t[i] == '.' || t[i] == ')') {
		return true
	}
	return len(t) > 2 && t[0] == '(' && (t[2] == ')' || len(t) > 3 && t[3] == ')') && t[1] >= 'A' && t[1] <= 'Z'
}

// isRefItem reports whether a line starts as a lettered reference does
// ("B. SANTO DOMINGO 21", "¶C. 2009 MADRID 1146"): under a subject whose
// REF label was lost, it ends the subject.
func isRefItem(t []byte) bool {
	t = bytes.TrimPrefix(t, []byte("¶"))
	t = bytes.TrimPrefix(t, []byte{0xB6})
	t = bytes.TrimPrefix(t, []byte("("))
	return len(t) > 3 && t[0] >= 'A' && t[0] <= 'H' && (t[1] == '.' || t[1] == ')') && t[2] == ' ' && isDigit(t[len(t)-1])
}

// isPageMarker reports whether a line is a printout's page header:
// "BELGRADE 00001222 001.2 OF 003".
func isPageMarker(t []byte) bool {
	if n := len(t); n < 20 || !isDigit(t[n-1]) || !bytes.Contains(t[n-8:], []byte(" OF ")) {
		return false // most lines: no allocation
	}
	f := bytes.Fields(t)
	n := len(f)
	if n < 4 || !bytes.Equal(f[n-2], []byte("OF")) || len(f[n-1]) != 3 || !allDigits(f[n-1]) || len(f[n-4]) != 8 || !allDigits(f[n-4]) {
		return false
	}
	page, frac, _ := bytes.Cut(f[n-3], []byte("."))
	return len(page) == 3 && allDigits(page) && (frac == nil || allDigits(frac))
}

// cleanSubject joins the subject's lines, drops a portion marking such as
// "(C)" or "(SBU)" at either end, and reads a non-UTF-8 subject as Latin-1.
func cleanSubject(b []byte) string {
	// Collapse the blanks in place (b is the peek's own copy).
	n := 0
	for _, f := range bytes.Fields(b) {
		if n > 0 {
			b[n] = ' '
			n++
		}
		n += copy(b[n:], f)
	}
	s, _ := input.DecodeText(b[:n])
	if strings.HasPrefix(s, "(") {
		if i := strings.IndexByte(s, ')'); i > 0 && i <= 12 && isMarking(s[1:i]) {
			s = strings.TrimSpace(s[i+1:])
		}
	}
	if strings.HasSuffix(s, ")") {
		if i := strings.LastIndexByte(s, '('); i >= 0 && len(s)-i <= 4 && isMarking(s[i+1:len(s)-1]) {
			s = strings.TrimSpace(s[:i])
		}
	}
	return s
}

// isMarking reports whether s is a portion marking: a level's code (C,
// S, U, TS, SBU, LOU), perhaps with qualifiers (S/NF).
func isMarking(s string) bool {
	level, _, _ := strings.Cut(s, "/")
	return model.CodeLevel(strings.TrimSpace(level)) != model.LevelUnknown
}
