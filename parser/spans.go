package parser

import (
	"regexp"
	"strings"

	"cablereader/model"
)

var (
	// spanStart finds an opening label. The word must start with a capital
	// ("Comment:", "COMMENT:"): "declined to comment:" is reporting.
	spanStart = regexp.MustCompile(`^(?:BEGIN\s+|Begin\s+)?(S(?:UMMAR?Y|ummar?y)(?:\s+(?:AND|and)\s+(?:COMMENT|Comment|ACTION\s+REQUEST|Action\s+Request|INTRODUCTION|Introduction))?|C(?:OMMENT|omment)|N(?:OTE|ote))(?:\s*[:.\-]|\s*$|\s+(?:BY|by)\b)`)
	spanEnd   = regexp.MustCompile(`(?i)^END\s+(?:OF\s+)?(SUMMARY|COMMENT|NOTE)\b\s*[.:]?`)
	// summaryStart ends the caption block as a numbered paragraph does.
	summaryStart = regexp.MustCompile(`^\s*(?:BEGIN\s+)?SUMMAR?Y\b\s*[:.\-]?|^\s*Summary\s*[:.\-]`)
)

// isSpanWord keeps marker lines ("BEGIN SUMMARY", "END COMMENT", "NOTE")
// from being read as headings.
func isSpanWord(t string) bool {
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
	for i := len(body) - 1; i >= 0; i-- {
		for _, v := range hasEndFrom {
			v[i] = v[i+1]
		}
		for _, m := range ends(body[i].Text, 0) {
			hasEndFrom[model.SpanKind(strings.ToUpper(body[i].Text[m[2]:m[3]]))][i] = true
		}
	}
	var cur *open
	for i := range body {
		para := &body[i]
		text := para.Text
		if cur == nil && isSummaryHeading(para.Heading) {
			cur = &open{kind: model.Summary}
		}
		pos := 0
		for pos <= len(text) {
			if cur == nil {
				s, e, kind, ok := nextStart(text, pos)
				if !ok {
					if e := ends(text, pos); e != nil && pos == 0 {
						m := e[0]
						// An END with no opening: the block is the paragraph so far.
						k := model.SpanKind(strings.ToUpper(text[m[2]:m[3]]))
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
			m := spanEndOf(text, pos, cur.kind)
			if m != nil {
				end := m[1]
				if cur.start < len(text) && (text[cur.start] == '(' || text[cur.start] == '[') {
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
			if cur.kind != model.Note && hasEndFrom[cur.kind][i+1] {
				cur = &open{kind: cur.kind}
			} else {
				cur = nil
			}
			break
		}
	}
}

func isSummaryHeading(h string) bool {
	h = strings.ToUpper(strings.TrimSpace(h))
	return h == "SUMMARY" || strings.HasPrefix(h, "SUMMARY AND")
}

// nextStart finds the next opening label at or after pos and returns the
// block's start (its parenthesis if it has one) and its content's start.
// The label pattern is tried only where a capital S, C, N or B starts a
// word, so a long paragraph costs one pass over its bytes.
func nextStart(text string, pos int) (start, content int, kind model.SpanKind, ok bool) {
	for i := pos; i < len(text); i++ {
		switch text[i] {
		case 'S', 'C', 'N', 'B':
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

// window is the few bytes after i in which a label must fit.
func window(text string, i int) string {
	return text[i:min(len(text), i+64)]
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

// ends finds every END label in text, trying the pattern only where a word
// starts with E or e.
func ends(text string, pos int) [][]int {
	var out [][]int
	for i := pos; i < len(text); i++ {
		if c := text[i]; c != 'E' && c != 'e' || i > 0 && isWordByte(text[i-1]) {
			continue
		}
		if m := spanEnd.FindStringSubmatchIndex(window(text, i)); m != nil {
			for k := range m {
				m[k] += i
			}
			out = append(out, m)
			i = m[1] - 1
		}
	}
	return out
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

func precededByEnd(text string, s int) bool {
	b := strings.ToUpper(strings.TrimRight(text[:s], " "))
	return strings.HasSuffix(b, "END") || strings.HasSuffix(b, "END OF")
}

// spanEndOf finds the END label of kind k at or after pos.
func spanEndOf(text string, pos int, k model.SpanKind) []int {
	for _, m := range ends(text, pos) {
		if model.SpanKind(strings.ToUpper(text[m[2]:m[3]])) == k {
			return []int{m[0], m[1]}
		}
	}
	return nil
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
