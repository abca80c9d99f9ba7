package parser

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"cablereader/model"
)

var (
	// spanStart finds an opening label. The word must start with a capital
	// ("Comment:", "COMMENT:"): "declined to comment:" is reporting.
	spanStart = regexp.MustCompile(`^(?:BEGIN\s+|Begin\s+)?(S(?:UMMAR?Y|ummar?y)(?:\s+(?:AND|and|&)\s+(?:COMMENT|[Cc]omment|ACTION\s+REQUEST|[Aa]ction\s+[Rr]equest|INTRODUCTION|[Ii]ntroduction))?|C(?:OMMENT|omment)|N(?:OTE|ote))(?:\s*[:.\-]|[ \t]*(?:$|\n)|\s+(?:BY|by)\b)`)
	// spanEnd reads "END COMMENT", "End of Note", and "END SUMMARY AND
	// COMMENT", which closes both; "End Key Points and Comments" closes a
	// comment (ends reads it as an END label whose second kind, group 2,
	// is COMMENT, and whose first, group 1, is none).
	spanEnd = regexp.MustCompile(`(?i)^END\s+(?:OF\s+)?(?:(SUMMARY|COMMENT|NOTE)\b(?:\s*(?:AND|&)\s+(COMMENT)\b)?|[A-Z]+(?:\s+[A-Z]+){0,2}?\s+(?:AND|&)\s+(COMMENT)S?\b)\s*[.:]?`)
	// summaryStart ends the caption block as a numbered paragraph does.
	summaryStart = guard(`^(?:\s*(?:BEGIN\s+)?SUMMAR?Y\b\s*[:.\-]?|\s*Summary\s*[:.\-])`, leads("BEGIN", "SUMM", "Summary"))
)

// isSpanWord keeps marker lines ("BEGIN SUMMARY", "END COMMENT", "NOTE")
// from being read as headings.
func isSpanWord(t string) bool {
	if t != "" && t[0] < utf8.RuneSelf && strings.IndexByte("BbEeSsCcNn \t\n\v\f\r", t[0]) < 0 {
		return false // the quick answer: no marker word starts so
	}
	f := strings.Fields(strings.ToUpper(t))
	if len(f) == 0 {
		return false
	}
	switch f[0] {
	case "BEGIN", "END":
		return true
	case "SUMMARY", "COMMENT", "NOTE":
		return len(f) == 1
	}
	return false
}

func kindOf(word string) model.SpanKind {
	switch strings.ToUpper(word[:1]) {
	case "S":
		return model.Summary
	case "C":
		return model.Comment
	}
	return model.Note
}

// open is a block whose opening label has been read.
type open struct {
	kind    model.SpanKind
	start   int // in the paragraph where it opened; 0 in later ones
	content int
	section bool // opened by a heading: runs on to the next heading
	// inSummary: a comment opened inside a summary, which the summary's
	// END label closes too ("Summary: … Comment: … End Summary.").
	inSummary bool
}

// findSpans marks SUMMARY, COMMENT and NOTE blocks. A block with an END
// label runs to it, across paragraphs if need be; one without runs to the
// end of its paragraph. An END with no opening marks its paragraph from
// the start. A "SUMMARY" heading opens a summary at the next paragraph.
func (p *parser) findSpans() {
	body := p.c.Body
	// nextEnd[k][i]: is there an END label of kind k in paragraph i or later?
	hasEndFrom := map[model.SpanKind][]bool{}
	for _, k := range []model.SpanKind{model.Summary, model.Comment, model.Note} {
		hasEndFrom[k] = make([]bool, len(body)+1)
	}
	// The END labels of each paragraph, found once.
	paraEnds := make([][][]int, len(body))
	for i := len(body) - 1; i >= 0; i-- {
		for _, v := range hasEndFrom {
			v[i] = v[i+1]
		}
		paraEnds[i] = ends(body[i].Text)
		for _, m := range paraEnds[i] {
			hasEndFrom[endKind(body[i].Text, m)][i] = true
			if m[4] >= 0 {
				hasEndFrom[model.Comment][i] = true
			}
		}
	}
	// headingFrom[i]: does a paragraph at i or later stand under a heading?
	headingFrom := make([]bool, len(body)+1)
	for i := len(body) - 1; i >= 0; i-- {
		headingFrom[i] = headingFrom[i+1] || body[i].Heading != ""
	}
	var cur *open
	for i := range body {
		para := &body[i]
		text := para.Text
		if para.Heading != "" && cur != nil && cur.section {
			// The next heading closes a section opened by a heading.
			cur = nil
		}
		if cur == nil {
			if k, ok := headingKind(para.Heading); ok {
				cur = &open{kind: k, section: true}
			}
		}
		if text == "" {
			continue
		}
		if cur != nil && !cur.section {
			// A block carried over from the paragraph before gives way to
			// a paragraph that opens with a label of another kind:
			// "¶1. Summary: … ¶2. Comment: … End Summary and Comment."
			if s, _, k, ok := nextStart(window(text, 0), 0); ok && s == 0 && k != cur.kind && k != model.Note {
				cur = nil
			}
		}
		pos := 0
		for pos <= len(text) {
			if cur == nil {
				s, e, kind, ok := nextStart(text, pos)
				if !ok {
					if e := paraEnds[i]; e != nil && pos == 0 {
						m := e[0]
						// An END with no opening: the block is the paragraph so far.
						k := endKind(text, m)
						end := closeParen(text, m[1])
						para.Spans = append(para.Spans, model.Span{Kind: k, Start: 0, End: end, Text: strings.TrimSpace(text[:m[0]])})
						pos = end
						continue
					}
					break
				}
				cur = &open{kind: kind, start: s, content: e}
				pos = e
			}
			m := spanEndOf(text, endsFrom(paraEnds[i], pos), cur.kind)
			if cur.inSummary {
				if ms := spanEndOf(text, endsFrom(paraEnds[i], pos), model.Summary); ms != nil && (m == nil || ms[0] < m[0]) {
					m = ms
				}
			}
			if cur.kind == model.Summary {
				// A COMMENT label inside a summary ends the summary there.
				if s, e, k, ok := nextStart(text, pos); ok && k == model.Comment && (m == nil || s < m[0]) {
					para.Spans = append(para.Spans, model.Span{Kind: cur.kind, Start: cur.start, End: s,
						Text: strings.TrimSpace(text[cur.content:s])})
					cur, pos = &open{kind: model.Comment, start: s, content: e, inSummary: true}, e
					continue
				}
			}
			if inParen(text, cur.start) {
				// A block opened inside parentheses ends at the matching
				// one unless its END label comes first.
				if c := matchParen(text, cur.start); c >= 0 && (m == nil || m[0] > c) {
					end := c + 1
					if end < len(text) && text[end] == '.' {
						end++
					}
					para.Spans = append(para.Spans, model.Span{Kind: cur.kind, Start: cur.start, End: end,
						Text: strings.TrimSpace(text[cur.content:c])})
					cur, pos = nil, end
					continue
				}
			}
			if m != nil {
				end := m[1]
				if inParen(text, cur.start) {
					end = closeParen(text, end)
				}
				para.Spans = append(para.Spans, model.Span{Kind: cur.kind, Start: cur.start, End: end,
					Text: strings.TrimSpace(text[cur.content:m[0]])})
				cur, pos = nil, end
				continue
			}
			end := len(text)
			para.Spans = append(para.Spans, model.Span{Kind: cur.kind, Start: cur.start, End: end,
				Text: strings.TrimSpace(text[cur.content:])})
			switch {
			case cur.section && i+1 < len(body) && body[i+1].Heading == "" &&
				(cur.kind == model.Comment || headingFrom[i+1] || hasEndFrom[cur.kind][i+1]):
				// A section under a heading runs on to the next heading or
				// its END label. A summary with neither after it is taken
				// to be its first paragraph only.
				cur = &open{kind: cur.kind, section: true}
			case cur.kind != model.Note && hasEndFrom[cur.kind][i+1]:
				cur = &open{kind: cur.kind}
			default:
				cur = nil
			}
			break
		}
	}
	bothSpans(body)
}

// summaryAndComment is the one label that opens a summary and a comment
// together ("¶1. Summary and comment: …").
var summaryAndComment = regexp.MustCompile(`^(?:BEGIN\s+|Begin\s+)?(?i:summar?y\s+(?:and|&)\s+comments?)\b`)

// bothSpans gives a block opened by "Summary and comment:" a COMMENT span
// beside its SUMMARY one, over the same text, in each paragraph it runs
// through.
func bothSpans(body []model.Paragraph) {
	carry := false
	for i := range body {
		para := &body[i]
		n := len(para.Spans)
		for k := 0; k < n; k++ {
			sp := para.Spans[k]
			if sp.Kind != model.Summary {
				continue
			}
			at := sp.Start
			if at < len(para.Text) && (para.Text[at] == '(' || para.Text[at] == '[') {
				at++
			}
			opens := summaryAndComment.MatchString(window(para.Text, at))
			if opens || carry && k == 0 && sp.Start == 0 {
				para.Spans = append(para.Spans, model.Span{Kind: model.Comment, Start: sp.Start, End: sp.End, Text: sp.Text})
				carry = sp.End == len(para.Text)
			} else {
				carry = false
			}
		}
		if n == 0 {
			carry = false
		}
	}
}

// headingKind reads a heading that opens a SUMMARY or COMMENT section:
// "Summary", "SUMMARY AND COMMENT", "Comment", "------- Comment -------",
// "Comment: A Stormy Session", "Embassy Comment". "Comment on the
// elections" is an ordinary heading.
func headingKind(h string) (model.SpanKind, bool) {
	if mk := marking.FindStringSubmatchIndex(h); mk != nil && mk[2] >= 0 {
		h = h[mk[1]:] // "(C) SUMMARY"
	}
	h = strings.ToUpper(strings.Trim(h, " -–—=_*:."))
	f := strings.FieldsFunc(h, func(r rune) bool { return r == ' ' || r == '-' || r == ':' || r == '.' || r == '/' })
	if len(f) == 0 {
		return "", false
	}
	switch {
	case f[0] == "SUMMARY" || f[0] == "EXECUTIVE" && len(f) > 1 && f[1] == "SUMMARY":
		if len(f) == 1 || f[0] == "EXECUTIVE" || f[1] == "AND" || headingTitled(h, "SUMMARY") {
			return model.Summary, true
		}
	case f[0] == "COMMENT" || f[0] == "COMMENTS":
		if len(f) == 1 || f[1] == "AND" || headingTitled(h, f[0]) {
			return model.Comment, true
		}
	case len(f) == 2 && f[1] == "COMMENT":
		switch f[0] {
		case "EMBASSY", "POST", "MISSION", "CONSULATE", "CONGEN", "USDEL", "DELEGATION", "FINAL", "CLOSING":
			return model.Comment, true
		}
	}
	return "", false
}

// headingTitled reports whether the label word is followed by a colon or
// a dash and a title: "COMMENT: A STORMY SESSION".
func headingTitled(h, word string) bool {
	rest := strings.TrimLeft(h[len(word):], " ")
	return strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "-") || strings.HasPrefix(rest, "–") || strings.HasPrefix(rest, "—")
}

// nextStart finds the next opening label at or after pos and returns the
// block's start (its parenthesis if it has one) and its content's start.
// The label pattern is tried only where a word starts as a label does
// (SUMMARY or Summary, COMMENT, NOTE, BEGIN: their first three letters),
// so a long paragraph costs one pass over its bytes.
func nextStart(text string, pos int) (start, content int, kind model.SpanKind, ok bool) {
	for i := pos; i < len(text); i++ {
		if !labelInitial[text[i]] || i+3 > len(text) {
			continue
		}
		switch text[i : i+3] {
		case "SUM", "Sum", "COM", "Com", "NOT", "Not", "BEG", "Beg":
		default:
			continue
		}
		if i > 0 && isWordByte(text[i-1]) {
			continue
		}
		m := spanStart.FindStringSubmatchIndex(window(text, i))
		if m == nil {
			continue
		}
		s, e := i, i+m[1]
		word := text[i+m[2] : i+m[3]]
		s = labelOwner(text, s)
		if precededByEnd(text, s) || !labelPlace(text, s) || (strings.HasPrefix(strings.ToUpper(word), "NOTE") && !noteOK(text, s, e)) {
			continue
		}
		start = s
		if b := strings.TrimRight(text[:s], " "); len(b) > 0 && (b[len(b)-1] == '(' || b[len(b)-1] == '[') {
			start = len(b) - 1
		}
		for e < len(text) && text[e] == ' ' {
			e++
		}
		return start, e, kindOf(word), true
	}
	return 0, 0, "", false
}

// labelInitial holds the letters an opening label starts with.
var labelInitial = [256]bool{'S': true, 'C': true, 'N': true, 'B': true}

// window is the few bytes after i in which a label must fit.
func window(text string, i int) string {
	return text[i:min(len(text), i+64)]
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

// ends finds every END label in text, trying the pattern only where a word
// starts with "end", in any case, and more follows.
func ends(text string) [][]int {
	var out [][]int
	for i := 0; i+4 <= len(text); i++ {
		// The first two bytes in one test, which a branch predictor
		// follows better than a test per byte. |0x20 folds an ASCII
		// letter to lower case; no other byte folds to e, n or d.
		if uint16(text[i])|uint16(text[i+1])<<8|0x2020 != 'e'|'n'<<8 || text[i+2]|0x20 != 'd' || i > 0 && isWordByte(text[i-1]) {
			continue
		}
		if m := spanEnd.FindStringSubmatchIndex(window(text, i)); m != nil {
			if m[6] >= 0 { // "End Key Points and Comments": as the second of two
				m[4], m[5] = m[6], m[7]
			}
			m = m[:6]
			for k := range m {
				if m[k] >= 0 { // -1 stays: the group took no part
					m[k] += i
				}
			}
			out = append(out, m)
			i = m[1] - 1
		}
	}
	return out
}

// labelOwner takes in the word that says whose comment or note a label
// is ("(Post Comment:", "Embassy note:") and returns where the label
// then starts.
func labelOwner(text string, s int) int {
	b := strings.TrimRight(text[:s], " \n")
	k := strings.LastIndexAny(b, " \n([")
	switch strings.ToUpper(b[k+1:]) {
	case "POST", "EMBASSY", "MISSION", "CONSULATE", "USDEL", "DELEGATION", "DEPARTMENT", "EMBOFF":
		return k + 1
	}
	return s
}

// labelPlace reports whether an opening label stands where a label can:
// at the start of the text or of a line, after a sentence, or after an
// opening parenthesis.
func labelPlace(text string, s int) bool {
	b := strings.TrimRight(text[:s], " ")
	if b == "" {
		return true
	}
	switch b[len(b)-1] {
	case '.', '(', '[', '\n', ':', '!', '?', '"', ')', '-':
		return true
	}
	return false
}

// noteOK keeps "Note that …" in running text from opening a NOTE: a note
// label has a colon, or stands in parentheses, or is closed by END NOTE.
func noteOK(text string, s, e int) bool {
	if strings.Contains(text[s:e], ":") {
		return true
	}
	b := strings.TrimRight(text[:s], " ")
	return len(b) > 0 && (b[len(b)-1] == '(' || b[len(b)-1] == '[')
}

// precededByEnd reports whether "END" or "END OF", in any case, stands
// before s. Only the last bytes are compared: no other letter upper-cases
// to E, N, D, O or F.
func precededByEnd(text string, s int) bool {
	b := strings.TrimRight(text[:s], " ")
	return hasSuffixFold(b, "END") || hasSuffixFold(b, "END OF")
}

func hasSuffixFold(s, suffix string) bool {
	return len(s) >= len(suffix) && strings.EqualFold(s[len(s)-len(suffix):], suffix)
}

// endsFrom returns the END labels (from ends) that start at or after pos.
// No word inside a label starts with "end", so these are the labels a
// search from pos would find.
func endsFrom(all [][]int, pos int) [][]int {
	for k, m := range all {
		if m[0] >= pos {
			return all[k:]
		}
	}
	return nil
}

// endKind is the kind an END label (a spanEnd match) names first: "END
// NOTE" a note, "End Key Points and Comments" a comment.
func endKind(text string, m []int) model.SpanKind {
	if m[2] < 0 {
		return model.Comment
	}
	return model.SpanKind(strings.ToUpper(text[m[2]:m[3]]))
}

// spanEndOf finds the END label of kind k among labels.
func spanEndOf(text string, labels [][]int, k model.SpanKind) []int {
	for _, m := range labels {
		if endKind(text, m) == k || m[4] >= 0 && k == model.Comment {
			return []int{m[0], m[1]}
		}
	}
	return nil
}

// inParen reports whether the block starting at s opens with a
// parenthesis or bracket.
func inParen(text string, s int) bool {
	return s < len(text) && (text[s] == '(' || text[s] == '[')
}

// matchParen finds the parenthesis or bracket that closes the one at
// open, counting nested pairs of the same kind; -1 if the text ends first.
func matchParen(text string, open int) int {
	o, c := text[open], byte(')')
	if o == '[' {
		c = ']'
	}
	depth := 0
	for i := open; i < len(text); i++ {
		switch text[i] {
		case o:
			depth++
		case c:
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// closeParen extends a block over the parenthesis or bracket that closes it.
func closeParen(text string, end int) int {
	j := end
	for j < len(text) && text[j] == ' ' {
		j++
	}
	if j < len(text) && (text[j] == ')' || text[j] == ']') {
		j++
		if j < len(text) && text[j] == '.' {
			j++
		}
		return j
	}
	return end
}
