package parser

import (
	"strconv"
	"strings"

	"cablereader/model"
)

// readBody turns the lines after the caption block into paragraphs. atx
// holds the lines written as Markdown headings. It returns the REF text of
// caption blocks repeated at later section starts.
func (p *parser) readBody(lines []string, atx map[string]bool) (refText []string) {
	lines = p.takeTrailer(lines)
	lines = p.takeSignature(lines)
	lines = p.takeGroupMark(lines)
	starts := p.numbering(lines)
	allCaps := isAllCaps(lines)

	var cur *model.Paragraph
	var blocks [][]string // blank-separated blocks of the current paragraph
	heading := ""
	flush := func() {
		if cur == nil {
			return
		}
		cur.Text = p.joinBlocks(blocks)
		p.c.Body = append(p.c.Body, *cur)
		cur, blocks = nil, blocks[:0] // the text is copied: the next paragraph reuses blocks
	}
	blank := true
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		t := strings.TrimSpace(line)
		switch {
		case t == "":
			blank = true
			continue
		case isRule(t):
			blank = true
			continue
		case len(t) <= 40 && caveat.MatchString(t):
			// A stray distribution line ("SIPDIS") inside the text is a
			// caveat, not reporting.
			p.c.Caveats = append(p.c.Caveats, caveatWord.FindAllString(t, -1)...)
			continue
		case p.isRepeatedFront(t):
			if end, refs := p.parseFront(lines, i, true); end > i {
				refText = append(refText, refs...)
				flush()
				i = end - 1
				blank = true
				continue
			}
		}
		if n, ok := starts[i]; ok {
			flush()
			cur = p.newParagraph(t, n)
			cur.Heading, heading = heading, ""
			rest := strings.TrimSpace(t[len(cur.Label):])
			if mk := marking.FindStringSubmatchIndex(rest); mk != nil {
				cur.Marking = normMarking(rest, mk)
				rest = strings.TrimSpace(rest[mk[1]:])
			}
			blocks = appendBlock(blocks[:0], rest)
			blank = false
			continue
		}
		if h, ok := headingAt(lines, i, allCaps, starts, atx); ok {
			flush()
			if heading != "" {
				p.c.Body = append(p.c.Body, model.Paragraph{Heading: heading})
			}
			heading = h
			blank = true
			continue
		}
		switch {
		case cur != nil && !blank:
			blocks[len(blocks)-1] = append(blocks[len(blocks)-1], line)
		case cur != nil && cur.Number > 0:
			blocks = appendBlock(blocks, line)
		default:
			flush()
			cur = &model.Paragraph{Heading: heading}
			heading = ""
			if mk, rest, ok := p.unnumberedMarking(t); ok {
				cur.Marking, line = mk, rest
			}
			blocks = appendBlock(blocks[:0], line)
		}
		blank = false
	}
	flush()
	if heading != "" {
		p.c.Body = append(p.c.Body, model.Paragraph{Heading: heading})
	}
	return refText
}

// appendBlock starts a new block with line, in the storage a block of a
// paragraph joined before left, if there is one.
func appendBlock(blocks [][]string, line string) [][]string {
	if len(blocks) < cap(blocks) {
		blocks = blocks[:len(blocks)+1]
		blocks[len(blocks)-1] = append(blocks[len(blocks)-1][:0], line)
		return blocks
	}
	return append(blocks, []string{line})
}

func (p *parser) newParagraph(t string, n int) *model.Paragraph {
	m := paraStart.FindStringSubmatchIndex(t)
	// The label runs to the dot after the number (two if typed twice).
	end := strings.IndexByte(t[m[4]:], '.') + m[4] + 1
	if end < len(t) && t[end] == '.' {
		end++
	}
	return &model.Paragraph{Number: n, Label: t[:end]}
}

// unnumberedMarking reads the portion marking that opens a paragraph
// without a number ("(SBU) On January 5, …"), as some cables mark their
// paragraphs and number none. A letter that carries on a lettered list
// ("(B) …" then "(C) …") or a level above the cable's is no marking.
func (p *parser) unnumberedMarking(t string) (mk, rest string, ok bool) {
	m := marking.FindStringSubmatchIndex(t)
	if m == nil || m[2] < 0 || m[1] >= len(t) || t[m[1]] != ' ' {
		return "", "", false
	}
	mk = normMarking(t, m)
	if lv := p.c.Classification.Level; lv != model.LevelUnknown && model.PortionLevel(mk) > lv {
		return "", "", false
	}
	if len(mk) == 1 && len(p.c.Body) > 0 {
		prev := p.c.Body[len(p.c.Body)-1]
		if prev.Marking == "" && strings.HasPrefix(prev.Text, "("+string(mk[0]-1)+")") {
			return "", "", false
		}
	}
	return mk, strings.TrimSpace(t[m[1]:]), true
}

func normMarking(s string, m []int) string {
	k := 2
	if m[2] < 0 {
		k = 4
	}
	return strings.Join(strings.Fields(strings.ToUpper(s[m[k]:m[k+1]])), " ")
}

// joinBlocks reflows a paragraph: hard-wrapped lines are joined with a
// space, sub-items and table rows keep their own line, blocks are
// separated by a blank line.
func (p *parser) joinBlocks(blocks [][]string) string {
	n := 0
	for _, block := range blocks {
		n += 2
		for _, line := range block {
			n += len(line) + 1
		}
	}
	b := p.textRoom(n)
	start := b.Len()
	for k, block := range blocks {
		if k > 0 {
			b.WriteString("\n\n")
		}
		prevTable := false
		for j, line := range block {
			isTable := isTableRow(line)
			t := strings.TrimSpace(line)
			switch {
			case j == 0:
			case isTable || prevTable || isBullet(t):
				b.WriteByte('\n')
			default:
				b.WriteByte(' ')
			}
			if isTable {
				b.WriteString(strings.TrimRight(line, " "))
			} else {
				b.WriteString(t)
			}
			prevTable = isTable
		}
	}
	return strings.TrimSpace(b.String()[start:])
}

// textRoom returns the builder that paragraph texts are written into, one
// after another, with room for n more bytes. A text written there never
// changes (a builder only appends), so the paragraphs share a few large
// allocations instead of one each, rounded up, or one grown by doubling,
// which holds up to a quarter more than its text.
func (p *parser) textRoom(n int) *strings.Builder {
	if p.text.Cap()-p.text.Len() < n {
		p.text = strings.Builder{}
		// A 64th of the input, up to a megabyte: what is left
		// unwritten in the last one stays small next to the cable.
		p.text.Grow(max(n, min(1<<20, p.size/64)))
	}
	return &p.text
}

// mayStartParagraph is the cheap test before paraStart: a digit or a
// pilcrow first.
func mayStartParagraph(t string) bool {
	return t != "" && (isDigit(t[0]) || strings.HasPrefix(t, "¶"))
}

// isTableRow reports whether a line is a row of a column-aligned table:
// at least two gaps of three or more spaces between words.
func isTableRow(line string) bool {
	if !strings.Contains(line, "   ") {
		return false // no gap at all: the quick test for most lines
	}
	gaps, run, seen := 0, 0, false
	for i := 0; i < len(line); i++ {
		if line[i] == ' ' {
			run++
			continue
		}
		if seen && run >= 3 {
			gaps++
		}
		seen, run = true, 0
	}
	return gaps >= 2
}

// numbering finds the lines that start numbered paragraphs. It decides
// from the whole sequence of labels, never from one line: a number counts
// when it continues the sequence, which keeps years ("¶1987.") and list
// items out. When the cable marks paragraphs with a pilcrow, only marked
// lines count. The "¶1." rendered as "11." artefact is undone when every
// label starts with 1 and dropping that 1 gives exactly 1, 2, 3 …
func (p *parser) numbering(lines []string) map[int]int {
	pilcrow := false
	for _, l := range lines {
		// A marked label has its pilcrow: only such lines need the pattern.
		if !strings.Contains(l, "¶") {
			continue
		}
		if m := paraStart.FindStringSubmatch(l); m != nil && m[1] != "" {
			pilcrow = true
			break
		}
	}
	type cand struct {
		line   int
		label  string
		blank  bool
		marked bool // has a pilcrow
		tight  bool // "3.(C)": the marking right after the dot
		after  bool // the line before ends a sentence
	}
	var cands []cand
	prevBlank := true
	prevEnd := true
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if t == "" || isRule(t) || isSectionLine(t) {
			// A rule, a ruled heading ("----- Talks -----") or a lone
			// "COMMENT" line parts paragraphs as a blank line does.
			prevBlank = true
			continue
		}
		if !mayStartParagraph(t) {
			// not a numbered line: skip the pattern
		} else if m := paraStart.FindStringSubmatch(t); m != nil {
			marked := m[1] != ""
			tight := m[3] == "("
			if marked || prevBlank || prevEnd && (!pilcrow || tight) {
				cands = append(cands, cand{i, m[2], prevBlank, marked, tight, prevEnd})
			}
		}
		prevBlank = false
		last := t[len(t)-1]
		// A redaction ("XXXXXXXXXXXX") ends what it replaced.
		prevEnd = last == '.' || last == ':' || last == '"' || last == ')' || strings.HasSuffix(t, "XXXXXX")
	}
	accept := func(strip bool) map[int]int {
		starts := map[int]int{}
		last := 0
		for _, c := range cands {
			label := c.label
			if strip {
				label = label[1:]
			}
			n, _ := strconv.Atoi(label)
			var ok bool
			if len(label) == 4 && n != last+1 {
				continue // a year ("¶1987."), unless the count has got that far
			}
			if pilcrow && !c.marked {
				// In a cable that marks its paragraphs, an unmarked
				// number counts only where it is the very next one, on a
				// line of its own or with its marking right after the dot.
				ok = n == last+1 && (c.blank || c.tight)
			} else {
				// A gap of a number or two, or a number typed twice, is
				// the drafter's slip, not the end of the sequence.
				ok = n == last+1 || (last == 0 && n > 0 && len(starts) == 0) ||
					(c.blank && n > last && n <= last+3) || (c.marked && c.blank && n >= last-2 && n > 0) ||
					// Pages that mark paragraphs with a pilcrow often drop
					// the blank lines; a marked number a little ahead still
					// counts there after a finished sentence ("by March
					// ¶15." is a date).
					(c.marked && c.after && n > last && n <= last+4)
			}
			if ok {
				starts[c.line] = n
				last = max(last, n)
			}
		}
		return starts
	}
	starts := accept(false)
	if !pilcrow && len(cands) > 0 && p.c.Section.Number <= 1 {
		artefact := true
		for k, c := range cands {
			if len(c.label) < 2 || c.label[0] != '1' || atoi(c.label[1:]) != k+1 {
				artefact = false
				break
			}
		}
		if artefact {
			starts = accept(true)
		}
	}
	return starts
}

// headingAt reports whether lines[i] is a heading between paragraphs.
func headingAt(lines []string, i int, allCaps bool, starts map[int]int, atx map[string]bool) (string, bool) {
	t := strings.TrimSpace(lines[i])
	ruled := false
	if strings.HasSuffix(t, "------") {
		if loc := ruleTail.FindStringIndex(t); loc != nil {
			t, ruled = strings.TrimSpace(t[:loc[0]]), true
		}
	}
	if len(atx) > 0 && atx[t] {
		return t, true
	}
	if len(t) > 80 && !ruled || len(t) < 3 || !hasLetter(t) {
		return "", false
	}
	next := i + 1
	for next < len(lines) && isBlankOrRule(lines[next]) {
		next++
	}
	if next == len(lines) {
		// A heading has something under it.
		return "", false
	}
	if full := strings.TrimSpace(lines[i]); strings.HasPrefix(full, "---") && strings.HasSuffix(full, "---") && hasLetter(full) {
		// A heading between rules: "------- Next Steps -------".
		if h := strings.Trim(full, " -"); len(h) <= 80 {
			return h, true
		}
	}
	// A heading may carry a portion marking: "(C) SUMMARY", "(U) Comments".
	core := t
	if mk := marking.FindStringSubmatchIndex(t); mk != nil && mk[2] >= 0 && mk[1] < len(t) {
		core = strings.TrimSpace(t[mk[1]:])
	}
	if isSectionLine(core) && (i == 0 || isBlankOrRule(lines[i-1])) {
		// A lone "COMMENT" or "Summary" line over the section it opens.
		return strings.Trim(t, " -:"), true
	}
	if isBullet(core) {
		return "", false
	}
	switch t[len(t)-1] {
	case '.', ',', ';', ':':
		return "", false
	}
	prevBlank := i == 0 || strings.TrimSpace(lines[i-1]) == ""
	prevRule := i > 0 && isRule(strings.TrimSpace(lines[i-1]))
	nextBlank := i+1 >= len(lines) || strings.TrimSpace(lines[i+1]) == ""
	nextRule := i+1 < len(lines) && isRule(strings.TrimSpace(lines[i+1]))
	if ruled || nextRule || (prevRule && (nextBlank || nextRule)) {
		return t, true
	}
	if allCaps || !(prevBlank || prevRule) || len(t) > 70 || isSpanWord(t) {
		return "", false
	}
	if strings.ToUpper(t) == t && nextBlank {
		return t, true
	}
	// A short title-case line stands alone right before a numbered
	// paragraph.
	if len(t) <= 60 && core != "" && core[0] >= 'A' && core[0] <= 'Z' && len(strings.Fields(t)) <= 8 {
		for j := i + 1; j < len(lines); j++ {
			if strings.TrimSpace(lines[j]) == "" {
				continue
			}
			_, ok := starts[j]
			return t, ok && j > i+1
		}
	}
	return "", false
}

// isSectionLine reports whether a line is a ruled heading ("----- Talks
// -----") or a lone section word ("COMMENT", "-- Summary --", "Comment:").
func isSectionLine(t string) bool {
	if len(t) > 100 {
		return false
	}
	if strings.HasPrefix(t, "---") && strings.HasSuffix(t, "---") && hasLetter(t) {
		return true
	}
	if len(t) > 20 && !isSectionTrim(t[0]) && !isSectionTrim(t[len(t)-1]) {
		return false // nothing to trim and too long: most lines
	}
	w := strings.Trim(t, " -:")
	if len(w) > 20 {
		return false
	}
	for _, s := range sectionWords {
		if strings.EqualFold(w, s) {
			return true
		}
	}
	return false
}

func isSectionTrim(c byte) bool { return c == ' ' || c == '-' || c == ':' }

var sectionWords = []string{"COMMENT", "COMMENTS", "SUMMARY", "SUMMARY AND COMMENT", "EMBASSY COMMENT", "POST COMMENT", "EXECUTIVE SUMMARY"}

func isBlankOrRule(l string) bool {
	t := strings.TrimSpace(l)
	return t == "" || isRule(t)
}

func hasLetter(s string) bool {
	for _, r := range s {
		if r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' {
			return true
		}
	}
	return false
}

// isAllCaps reports whether the text is in the old telegraphic all-caps
// style, where a short upper-case line is no sign of a heading.
func isAllCaps(lines []string) bool {
	rest := 0 // bytes not yet counted
	for _, l := range lines {
		rest += len(l)
	}
	lower, upper := 0, 0
	for _, l := range lines {
		if lower*50 >= upper+rest {
			return false // even if all the rest were upper case
		}
		rest -= len(l)
		for i := 0; i < len(l); i++ {
			// Table look-ups, not branches: the letters come in no order
			// a branch predictor could follow.
			lower += int(isLowerASCII[l[i]])
			upper += int(isUpperASCII[l[i]])
		}
	}
	return lower*50 < upper
}

// isLowerASCII and isUpperASCII are 1 for the ASCII letters of each case.
var isLowerASCII, isUpperASCII = asciiRange('a', 'z'), asciiRange('A', 'Z')

func asciiRange(from, to byte) (t [256]uint8) {
	for c := from; c <= to; c++ {
		t[c] = 1
	}
	return t
}

// isRepeatedFront reports whether a body line repeats the banner, as a
// later section of a merged cable does.
func (p *parser) isRepeatedFront(t string) bool {
	serial := p.banner.serial
	if serial == "" || !strings.Contains(t, strings.TrimLeft(serial, "0")) {
		return false
	}
	m := banner.FindStringSubmatch(t)
	return m != nil && atoi(m[7]) == atoi(serial)
}

// takeTrailer moves teletype leftovers, a closing classification line and
// a declassification stamp off the end of the body, so that an old cable's
// signer, the name line above them, is the last line of the text.
func (p *parser) takeTrailer(lines []string) []string {
	var trailer []string
	for len(lines) > 0 {
		t := strings.TrimSpace(lines[len(lines)-1])
		if t != "" && !terminal.MatchString(t) && !levelOnly.MatchString(t) && !declassStamp.MatchString(t) && !recordFooter.MatchString(t) {
			break
		}
		if t != "" {
			trailer = append([]string{t}, trailer...)
		}
		lines = lines[:len(lines)-1]
	}
	for _, t := range trailer {
		if t == "..." {
			p.c.Partial = true // the record was cut off
		}
	}
	p.c.Trailer = append(p.c.Trailer, trailer...)
	return lines
}

// takeGroupMark takes an old cable's downgrading group ("GP-3"), the line
// above its signer, off the end of the text. It is what the E.O. line
// became later, and stands for it when the cable has none.
func (p *parser) takeGroupMark(lines []string) []string {
	i := len(lines) - 1
	for i >= 0 && strings.TrimSpace(lines[i]) == "" {
		i--
	}
	if i < 1 {
		return lines
	}
	t := strings.TrimSpace(lines[i])
	if !groupMark.MatchString(t) {
		return lines
	}
	if p.c.Header.EO == nil {
		p.c.Header.EO = &model.EO{Declassify: t, Text: t}
	} else {
		p.c.Trailer = append([]string{t}, p.c.Trailer...)
	}
	return lines[:i]
}

// endsSentence reports whether the text before a last line ends where a
// signature can follow: a blank line or a finished sentence.
func endsSentence(lines []string) bool {
	prev := strings.TrimSpace(lines[len(lines)-1])
	if prev == "" {
		return true
	}
	switch prev[len(prev)-1] {
	case '.', '!', '?', '"', ')', ':', '/':
		return true
	}
	return strings.HasPrefix(prev, "http") || strings.Contains(prev, "://")
}

var notSigner = map[string]bool{
	"END": true, "NOTE": true, "COMMENT": true, "SUMMARY": true, "TEXT": true, "QUOTE": true,
	"UNQUOTE": true, "CONFIDENTIAL": true, "SECRET": true, "UNCLASSIFIED": true, "UNCLAS": true,
	"SIPDIS": true, "NOFORN": true, "BT": true, "NNNN": true, "ENDS": true, "PARA": true,
}

func signerOK(name string) bool {
	for _, w := range strings.Fields(name) {
		if notSigner[w] || len(w) < 2 {
			return false
		}
	}
	return true
}

// takeSignature takes the releasing officer's name off the end: a last
// line of one or two upper-case words, or a name glued to the last
// sentence ("… END NOTE) ROOS").
func (p *parser) takeSignature(lines []string) []string {
	i := len(lines) - 1
	for i >= 0 && strings.TrimSpace(lines[i]) == "" {
		i--
	}
	if i < 0 {
		return lines
	}
	t := strings.TrimSpace(lines[i])
	if m := sigAlone.FindStringSubmatch(t); m != nil && signerOK(m[1]) && i > 0 {
		p.c.Signature = m[1]
		return lines[:i]
	}
	// A name in its own case ("LeBaron") counts when it stands apart:
	// after a blank line or a finished sentence, not as a wrapped word.
	if m := sigMixed.FindStringSubmatch(t); m != nil && signerOK(strings.ToUpper(m[1])) && i > 0 && endsSentence(lines[:i]) {
		p.c.Signature = m[1]
		return lines[:i]
	}
	if m := signature.FindStringSubmatchIndex(t); m != nil {
		name := t[m[2]:m[3]]
		before := t[:m[2]]
		// In mixed-case text an upper-case name after the last sentence is
		// the signer; in all-caps text it could be the sentence's end,
		// unless it is set apart by more than a space, as a telegram
		// sets its signer ("… FOREIGN AFFAIRS.    PORTER").
		if signerOK(name) && (strings.ToUpper(before) != before || strings.HasSuffix(before, "  ")) {
			p.c.Signature = name
			lines[i] = strings.TrimSpace(before)
		}
	}
	return lines
}
