package parser

import (
	"regexp"
	"strings"

	"cablereader/model"
)

var (
	// spanStart finds an opening label. The word must start with a capital
	// ("Comment:", "COMMENT:"): "declined to comment:" is reporting.
	spanStart = regexp.MustCompile(`\b(?:BEGIN\s+|Begin\s+)?(S(?:UMMAR?Y|ummar?y)(?:\s+(?:AND|and)\s+(?:COMMENT|Comment|ACTION\s+REQUEST|Action\s+Request|INTRODUCTION|Introduction))?|C(?:OMMENT|omment)|N(?:OTE|ote))(?:\s*[:.\-]|\s*$|\s+(?:BY|by)\b)`)
	spanEnd   = regexp.MustCompile(`(?i)\bEND\s+(?:OF\s+)?(SUMMARY|COMMENT|NOTE)\b\s*[.:]?`)
	// summaryStart ends the caption block as a numbered paragraph does.
	summaryStart = regexp.MustCompile(`^\s*(?:BEGIN\s+)?SUMMAR?Y\b\s*[:.\-]?|^\s*Summary\s*[:.\-]`)
	// spanWord keeps marker lines from being read as headings.
	spanWord = regexp.MustCompile(`(?i)^(?:BEGIN|END)\b|^(?:SUMMARY|COMMENT|NOTE)\s*$`)
)

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
		for _, m := range spanEnd.FindAllStringSubmatch(body[i].Text, -1) {
			hasEndFrom[model.SpanKind(strings.ToUpper(m[1]))][i] = true
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
					if m := spanEnd.FindStringSubmatchIndex(text[pos:]); m != nil && pos == 0 {
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
func nextStart(text string, pos int) (start, content int, kind model.SpanKind, ok bool) {
	for pos < len(text) {
		m := spanStart.FindStringSubmatchIndex(text[pos:])
		if m == nil {
			return 0, 0, "", false
		}
		s, e := pos+m[0], pos+m[1]
		word := text[pos+m[2] : pos+m[3]]
		if precededByEnd(text, s) || !labelPlace(text, s) || (strings.HasPrefix(strings.ToUpper(word), "NOTE") && !noteOK(text, s, e)) {
			pos = e
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
	for _, m := range spanEnd.FindAllStringSubmatchIndex(text[pos:], -1) {
		if model.SpanKind(strings.ToUpper(text[pos+m[2]:pos+m[3]])) == k {
			return []int{pos + m[0], pos + m[1]}
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
