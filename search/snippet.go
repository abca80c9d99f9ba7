package search

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"cablereader/corpus"
	"cablereader/input"
	"cablereader/parser"
	"cablereader/query"
	"cablereader/sanitize"
)

// snippetWords is the length of a snippet in words.
const snippetWords = 24

// Snippet is a short piece of a cable's text around the words a query
// matched. Marks are the byte ranges of Text that matched, in order.
type Snippet struct {
	Text  string
	Marks [][2]int
}

// Marked writes the snippet with each match between open and close and
// the text made safe for a terminal (sanitize.Text).
func (s Snippet) Marked(open, close string) string {
	var b strings.Builder
	at := 0
	for _, m := range s.Marks {
		b.WriteString(sanitize.Text(s.Text[at:m[0]]))
		b.WriteString(open)
		b.WriteString(sanitize.Text(s.Text[m[0]:m[1]]))
		b.WriteString(close)
		at = m[1]
	}
	b.WriteString(sanitize.Text(s.Text[at:]))
	return b.String()
}

// Snippet reads the hit's text from the archive and cuts from it the
// piece where the query's words are thickest, marking them. The index
// keeps no text, so this reads one file or CSV row.
func (ix *Index) Snippet(h Hit, q *Query) (Snippet, error) {
	text, err := corpus.ReadLocation(h.Location)
	if err != nil {
		return Snippet{}, err
	}
	return snippetOf(reportText(text), q), nil
}

// Bounds of the work of a snippet: a text up to wholeText bytes is cut
// as a whole; in a longer one the query's first words are looked for in
// the bytes as they are (no copy of the text, at most maxPlaces places
// kept), and only a window around the best place is decoded and cut, so
// that a snippet of a 200 MB cable costs little beyond reading it.
const (
	wholeText    = 64 << 10
	windowBefore = 2 << 10
	windowAfter  = 6 << 10
	maxPlaces    = 1 << 14
	placeSpan    = 200 // bytes: about a snippet's words
)

// snippetOf cuts the snippet for q out of text, raw bytes as read.
func snippetOf(text []byte, q *Query) Snippet {
	if len(text) <= wholeText {
		s, _ := input.DecodeText(text) // Latin-1 as the parser reads it
		return MakeSnippet(s, q)
	}
	from, to := 0, wholeText
	if at := bestPlace(text, q); at >= 0 {
		from, to = max(0, at-windowBefore), min(len(text), at+windowAfter)
	}
	// Whole lines, so that a page marker is seen as one.
	if i := bytes.IndexByte(text[from:to], '\n'); from > 0 && i >= 0 && from+i+1 < to {
		from += i + 1
	}
	if i := bytes.LastIndexByte(text[from:to], '\n'); to < len(text) && i > 0 {
		to = from + i
	}
	s, _ := input.DecodeText(text[from:to])
	sn := MakeSnippet(s, q)
	if from > 0 && !strings.HasPrefix(sn.Text, "…") {
		sn.Text = "…" + sn.Text
		for i := range sn.Marks {
			sn.Marks[i][0] += len("…")
			sn.Marks[i][1] += len("…")
		}
	}
	if to < len(text) && !strings.HasSuffix(sn.Text, "…") {
		sn.Text += "…"
	}
	return sn
}

// bestPlace is the byte offset in text of the place where the most of
// q's terms start within placeSpan bytes, of equals the first in the
// reporting (past the caption); -1 when none occurs. Words are compared
// folded as the index folds them; a text not in UTF-8 is read byte by
// byte, which finds its ASCII words.
func bestPlace(text []byte, q *Query) int {
	type want struct {
		words  [][]byte
		prefix bool
	}
	var terms []want
	for _, c := range q.Clauses {
		for _, t := range c {
			if !t.Neg && len(t.Words) > 0 {
				ws := make([][]byte, len(t.Words))
				for i, w := range t.Words {
					ws[i] = []byte(fold(w))
				}
				terms = append(terms, want{ws, t.Prefix})
			}
		}
	}
	if len(terms) == 0 {
		return -1
	}
	type place struct{ at, term int }
	var places []place
	var buf []byte
	// word is b folded, in buf (valid until the next call): no copy of
	// the text is made, word by word.
	word := func(b []byte) []byte {
		buf = buf[:0]
		for _, c := range b {
			if c >= utf8.RuneSelf {
				return append(buf[:0], fold(string(b))...)
			}
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf = append(buf, c)
		}
		return buf
	}
	matches := func(ws [][]byte, prefix bool, at int) bool {
		i := at
		for j, w := range ws {
			s, e := nextToken(text, i)
			if s < 0 || s-i > 64 && j > 0 {
				return false
			}
			got := word(text[s:e])
			if prefix && j == len(ws)-1 {
				if !bytes.HasPrefix(got, w) {
					return false
				}
			} else if !bytes.Equal(got, w) {
				return false
			}
			i = e
		}
		return true
	}
	for i := 0; i < len(text) && len(places) < maxPlaces; {
		s, e := nextToken(text, i)
		if s < 0 {
			break
		}
		first := word(text[s:e])
		for k, t := range terms {
			ok := bytes.Equal(first, t.words[0]) || len(t.words) == 1 && t.prefix && bytes.HasPrefix(first, t.words[0])
			if ok && (len(t.words) == 1 || matches(t.words, t.prefix, s)) {
				places = append(places, place{s, k})
				break
			}
		}
		i = e
	}
	if len(places) == 0 {
		return -1
	}
	body := bodyStart(string(text[:min(len(text), wholeText)]))
	if body == min(len(text), wholeText) {
		body = len(text)
	}
	best, bestN, bestInBody := -1, 0, false
	for a, p := range places {
		seen := map[int]bool{}
		for _, g := range places[a:] {
			if g.at > p.at+placeSpan {
				break
			}
			seen[g.term] = true
		}
		inBody := p.at >= body
		if len(seen) > bestN || len(seen) == bestN && inBody && !bestInBody {
			best, bestN, bestInBody = p.at, len(seen), inBody
		}
	}
	return best
}

// nextToken finds the next word (see query.Tokens) in text from i: its start
// and end, or -1, -1.
func nextToken(text []byte, i int) (start, end int) {
	start = -1
	for i < len(text) {
		r, n := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRune(text[i:])
		}
		if query.IsWordRune(r) {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			return start, i
		}
		i += n
	}
	if start >= 0 {
		return start, len(text)
	}
	return -1, -1
}

// hideFurniture blanks the page markers and rules of text (see
// parser.IsFurniture), which the reader hides and a snippet should not
// show.
func hideFurniture(text string) string {
	var b []byte // a copy, made at the first line blanked
	for at := 0; at < len(text); {
		end := strings.IndexByte(text[at:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += at
		}
		if line := text[at:end]; len(line) <= 256 && parser.IsFurniture(line) {
			if b == nil {
				b = []byte(text)
			}
			for i := at; i < end; i++ {
				b[i] = ' '
			}
		}
		at = end + 1
	}
	if b == nil {
		return text
	}
	return string(b)
}

// fold lowers a word and drops the commonest Latin diacritics, near
// enough to what the index does to find the words it matched.
func fold(w string) string {
	w = query.StripJoiners(strings.ToLower(w))
	for _, r := range w {
		if r >= utf8.RuneSelf {
			return strings.Map(func(r rune) rune {
				if i := strings.IndexRune(accented, r); i >= 0 {
					return rune(plain[utf8.RuneCountInString(accented[:i])])
				}
				if unicode.Is(unicode.Mn, r) {
					return -1
				}
				return r
			}, w)
		}
	}
	return w
}

const (
	accented = "àáâãäåçèéêëìíîïñòóôõöùúûüýÿ"
	plain    = "aaaaaaceeeeiiiinooooouuuuyy"
)

// bodyStart is where the numbered paragraphs begin in text (the first
// "1." or "¶1" at the start of a line), or len(text) when none does.
func bodyStart(text string) int {
	at := len(text)
	for _, mark := range []string{"\n1. ", "\n1.(", "\n¶1", "\n 1. ", "\n\xb61"} {
		if i := strings.Index(text, mark); i >= 0 && i < at {
			at = i
		}
	}
	return at
}

// MakeSnippet cuts a snippet for q out of text.
func MakeSnippet(text string, q *Query) Snippet {
	text = hideFurniture(text)
	toks := query.Scan(text, fold)
	var terms [][]string
	var prefix []bool
	for _, c := range q.Clauses {
		for _, t := range c {
			if t.Neg || len(t.Words) == 0 {
				continue
			}
			ws := make([]string, len(t.Words))
			for i, w := range t.Words {
				ws[i] = fold(w)
			}
			terms = append(terms, ws)
			prefix = append(prefix, t.Prefix)
		}
	}
	// match[i] is the term matched at token i and its length, or -1.
	type hit struct{ at, term, n int }
	var hits []hit
	for i := range toks {
		for k, ws := range terms {
			if matchAt(toks, i, ws, prefix[k]) {
				hits = append(hits, hit{i, k, len(ws)})
				break
			}
		}
	}
	first := 0
	if len(hits) == 0 {
		// Nothing to show around: start at the subject, past the routing.
		for i, t := range toks {
			if t.Word == "subject" && i+1 < len(toks) {
				first = i + 1
				break
			}
		}
	} else {
		// The window with the most of the query's terms; of equals, the
		// first in the reporting rather than in the caption (the subject
		// is on the row already).
		body := bodyStart(text)
		best, bestInBody := -1, false
		for a, h := range hits {
			seen := map[int]bool{}
			for _, g := range hits[a:] {
				if g.at+g.n > h.at+snippetWords-4 {
					break
				}
				seen[g.term] = true
			}
			inBody := toks[h.at].Start >= body
			if len(seen) > best || len(seen) == best && inBody && !bestInBody {
				best, bestInBody, first = len(seen), inBody, max(0, h.at-4)
			}
		}
	}
	last := min(len(toks), first+snippetWords)
	marked := make([]bool, len(toks))
	for _, h := range hits {
		if h.at >= first && h.at < last {
			for j := h.at; j < h.at+h.n && j < len(toks); j++ {
				marked[j] = true
			}
		}
	}
	var sn Snippet
	var b strings.Builder
	if first > 0 {
		b.WriteString("…")
	}
	for i := first; i < last; i++ {
		if i > first {
			b.WriteString(gap(text[toks[i-1].End:toks[i].Start]))
		}
		s := b.Len()
		b.WriteString(text[toks[i].Start:toks[i].End])
		if marked[i] {
			if n := len(sn.Marks); i > first && marked[i-1] && n > 0 {
				sn.Marks[n-1][1] = b.Len() // words in a row are one mark
			} else {
				sn.Marks = append(sn.Marks, [2]int{s, b.Len()})
			}
		}
	}
	if last < len(toks) {
		b.WriteString("…")
	}
	sn.Text = b.String()
	return sn
}

// gap is the text between two words with each run of spaces and line
// breaks made one space.
func gap(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

func matchAt(toks []query.Token, i int, ws []string, prefix bool) bool {
	if i+len(ws) > len(toks) {
		return false
	}
	for j, w := range ws {
		t := toks[i+j].Word
		if prefix && j == len(ws)-1 {
			if !strings.HasPrefix(t, w) {
				return false
			}
		} else if t != w {
			return false
		}
	}
	return true
}
