package parser

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"cablereader/glossary"
	"cablereader/model"
)

// The REF list is read by a small grammar over tokens rather than by one
// pattern: a list is items, each under a label or between semicolons; an
// item cites cables, each a post and a serial with the year written before
// or after or not at all, and more serials of the same post may follow
// ("BRASILIA 2799 AND 2764", "KABUL 936/935"). The post is resolved against
// the gazetteer of real stations (glossary.Post); an item that does not
// read as a cable keeps its text and gets no id.

var (
	// refPageModern is a page marker run into a REF list: "TRIPOLI 00000402
	// 001.2 OF 003".
	refPageModern = regexp.MustCompile(`\b[A-Z][A-Z .'-]{0,30}?\s+0\d{7}\s+\d{3}(?:\.\d)?\s+OF\s+\d{3}\b`)
	// refPageOld is an older printout's page marker: "CONFIDENTIAL PAGE 02
	// ROME 01196 01 OF 02 082030Z".
	refPageOld = regexp.MustCompile(`\b(?:(?:UNCLASSIFIED|UNCLAS|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE)\s+)?PAGE\s+\d{2}\s+[A-Z][A-Z .'-]{0,30}?\s+\d{3,6}\s+(?:\d{2}\s+OF\s+\d{2}\s+)?\d{6}Z\b`)
	// notCable marks words that say an item cites something other than a
	// cable, though it reads like one.
	notCable = regexp.MustCompile(`(?i)\b(?:E-?MAIL|EMAILS?|MEMO|IIR|UNSCR|TD|OSC|FAX|LETTER|TELCON|DIPNOTE|NOTE|REPORT|RESOLUTION|PARA|PARAGRAPH|SVTC|POINTS|DAILY|DTG|SECTO|TOSEC)\b`)
)

type tokKind uint8

const (
	tWord tokKind = iota
	tNum
	tPunct
)

// token is a word, a number or one punctuation character of a REF list.
// s is upper case (a word's zeros read as O, a number's O as zero); start
// and end are its bytes in the list's text.
type token struct {
	kind       tokKind
	s          string
	start, end int
}

// refTokens cuts a REF list into tokens. A run of letters and digits is
// one word ("0TTAWA", "SANTIAG0"), one number ("O1512", "00789") or, mixed,
// its letter and digit runs ("09CAIRO0561" → 09 CAIRO 0561).
func refTokens(s string) []token {
	var toks []token
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ':
			i++
		case isAlnum(c):
			j := i
			for j < len(s) && (isAlnum(s[j]) || s[j] == '\'' && j+1 < len(s) && isLetter(s[j+1]) && j > i && isLetter(s[j-1])) {
				j++
			}
			toks = appendRun(toks, s, i, j)
			i = j
		default:
			_, n := utf8.DecodeRuneInString(s[i:])
			toks = append(toks, token{kind: tPunct, s: s[i : i+n], start: i, end: i + n})
			i += n
		}
	}
	return toks
}

func isAlnum(c byte) bool { return isLetter(c) || c >= '0' && c <= '9' }

func appendRun(toks []token, s string, i, j int) []token {
	run := strings.ToUpper(s[i:j])
	letters, digits, zeros := 0, 0, 0
	for k := 0; k < len(run); k++ {
		switch {
		case run[k] == '0':
			zeros++
		case run[k] >= '1' && run[k] <= '9':
			digits++
		case run[k] != '\'':
			letters++
		}
	}
	switch {
	case letters == 0:
		return append(toks, token{tNum, run, i, j})
	case digits == 0 && letters >= 3:
		return append(toks, token{tWord, strings.ReplaceAll(run, "0", "O"), i, j})
	case run[0] == 'O' && letters == 1 && len(run) > 1:
		return append(toks, token{tNum, "0" + run[1:], i, j}) // "O1512", "O4"
	}
	for k := 0; k < len(run); {
		l := k
		digit := run[k] >= '0' && run[k] <= '9'
		for l < len(run) && (run[l] >= '0' && run[l] <= '9') == digit {
			l++
		}
		kind := tWord
		if digit {
			kind = tNum
		}
		toks = append(toks, token{kind, run[k:l], i + k, i + l})
		k = l
	}
	return toks
}

// refList is the state of reading one REF list.
type refList struct {
	p    *parser
	text string
	toks []token
	// the last cable cited, whose post a serial alone continues
	lastStation, lastYear string
	out                   []model.Reference
}

// readReferences splits the REF text into items and reads the cables each
// cites. Items are labelled (A. / A) / (A) / [A] / A: / a bare letter /
// (1)) or separated by semicolons; an item citing several cables gives one
// reference for each, under the same label.
func (p *parser) readReferences(text string) []model.Reference {
	text = strings.Join(strings.Fields(strings.ReplaceAll(text, "¶", " ")), " ")
	if strings.Contains(text, " OF ") {
		text = refPageModern.ReplaceAllString(text, " ")
		text = refPageOld.ReplaceAllString(text, " ")
		text = strings.Join(strings.Fields(text), " ")
	}
	var out []model.Reference
	// A page that cut a line ("REF: TBILIS...") and gives it whole
	// further on: each part is a list of its own, and the cut item goes.
	for part := range strings.SplitSeq(strings.ReplaceAll(text, "... ", "…"), "…") {
		refs := p.readList(strings.TrimSpace(part))
		if strings.HasSuffix(text, part) || len(refs) == 0 {
			out = append(out, refs...)
			continue
		}
		if last := refs[len(refs)-1]; last.ID == "" {
			refs = refs[:len(refs)-1]
		}
		out = append(out, refs...)
	}
	return out
}

// readList reads one REF list.
func (p *parser) readList(text string) []model.Reference {
	l := &refList{p: p, text: text, toks: refTokens(text)}
	labels := l.labels()
	first := len(l.toks)
	if len(labels) > 0 {
		first = labels[0].at
	}
	// What comes before the first label is unlabelled: items between
	// semicolons.
	from := 0
	for k := 0; k <= first; k++ {
		if k == first || l.toks[k].s == ";" {
			l.item("", from, k)
			from = k + 1
		}
	}
	for k, lb := range labels {
		end := len(l.toks)
		if k+1 < len(labels) {
			end = labels[k+1].at
		}
		l.item(lb.name, lb.body, end)
	}
	return l.out
}

// label is a list label: its name, the token it starts at, and the token
// its item's text starts at (past the label written again: "A. A)").
type label struct {
	name     string
	at, body int
}

// labels finds the labels of the list. A label counts only in sequence
// (A, B, C… or 1, 2, 3…, each letter once, but for one written again after
// an item of its own); the first must open the list or follow a
// semicolon, and may be other than A where the list lost its head. A bare
// letter counts only in a list that opens with a bare A, and after a
// serial.
func (l *refList) labels() []label {
	var out []label
	bare := false
	for i := 0; i < len(l.toks); i++ {
		name, next, isBare := l.labelAt(i)
		if name == "" {
			continue
		}
		if len(out) == 0 {
			if !l.opens(i) || isBare && name != "A" || isDigit(name[0]) && name != "1" {
				continue
			}
			bare = isBare
		} else {
			prev := out[len(out)-1]
			switch {
			case isBare && (!bare || i == 0 || l.toks[i-1].kind != tNum && !strings.Contains("),;", l.toks[i-1].s)):
				continue
			case name == succ(prev.name):
			case name == prev.name && !isBare && i > prev.body:
			default:
				continue
			}
		}
		body := l.skipRepeat(name, next)
		out = append(out, label{name: name, at: i, body: body})
		i = body - 1
	}
	return out
}

// opens reports whether token i opens the list: nothing before it but the
// words REF/REFS and punctuation, or a semicolon just before it.
func (l *refList) opens(i int) bool {
	if i > 0 && l.toks[i-1].s == ";" {
		return true
	}
	for _, t := range l.toks[:i] {
		if t.kind == tNum || t.kind == tWord && !isRefWord(t.s) {
			return false
		}
	}
	return true
}

func isRefWord(s string) bool {
	switch s {
	case "REF", "REFS", "REFTEL", "REFTELS", "REFERENCE", "REFERENCES":
		return true
	}
	return false
}

// labelAt reads a label at token i: "(A)", "[A]", "A.)", "A)", "A.", "A:",
// "A -", "(1)", or a bare letter before a word or number. It returns the
// label's name, the token after it, and whether it is a bare letter.
func (l *refList) labelAt(i int) (name string, next int, bare bool) {
	t := l.toks
	at := func(k int, s string) bool { return k < len(t) && t[k].s == s }
	letter := func(k int) bool {
		return k < len(t) && t[k].kind == tWord && len(t[k].s) == 1
	}
	if i >= len(t) {
		return "", 0, false
	}
	if i > 0 && t[i-1].end == t[i].start && t[i-1].kind != tPunct {
		// Glued to a word, "U.S." is no label; glued to a serial and
		// punctuated, "STATE 021770B. STATE 039585", it is.
		if t[i-1].kind != tNum || !(at(i+1, ".") || at(i+1, ")")) || !letter(i) {
			return "", 0, false
		}
	}
	switch {
	case (at(i, "(") && at(i+2, ")") || at(i, "[") && at(i+2, "]")) && i+1 < len(t) &&
		(letter(i+1) || t[i+1].kind == tNum && len(t[i+1].s) <= 2 && t[i+1].s[0] != '0' && at(i, "(")):
		return t[i+1].s, i + 3, false
	case !letter(i):
		return "", 0, false
	case at(i+1, ".") && at(i+2, ")"):
		return t[i].s, i + 3, false
	case at(i+1, ")") || at(i+1, ".") || at(i+1, ":"):
		return t[i].s, i + 2, false
	case at(i+1, "-") && i+2 < len(t) && t[i+2].start > t[i+1].end:
		return t[i].s, i + 2, false
	case i+1 < len(t) && t[i+1].kind != tPunct && t[i+1].start > t[i].end:
		return t[i].s, i + 1, true
	}
	return "", 0, false
}

// skipRepeat passes over the label written a second time at the start of
// its item: "A. A)", "A. (A)", "A. REF A", "A. REF A:", "A. A:".
func (l *refList) skipRepeat(name string, i int) int {
	j := i
	if j < len(l.toks) && isRefWord(l.toks[j].s) {
		j++
	}
	if n, next, _ := l.labelAt(j); n == name {
		return next
	}
	return i
}

func succ(name string) string {
	if n, err := strconv.Atoi(name); err == nil {
		return strconv.Itoa(n + 1)
	}
	if name == "Z" {
		return ""
	}
	return string(name[0] + 1)
}

// cite is one cable an item cites, read from tokens [start, end).
type cite struct {
	station, year string
	serial        int
	start, end    int
}

// item reads the item of tokens [from, to) under label name.
func (l *refList) item(name string, from, to int) {
	for from < to && isSep(l.toks[from]) {
		from++
	}
	for to > from && isSep(l.toks[to-1]) {
		to--
	}
	if from >= to || l.onlyRefWords(from, to) {
		return
	}
	cites := l.cites(from, to)
	if len(cites) == 0 {
		// "TEHRAN'S A-077 OF MAY 15, 1972: TEHRAN 3312": what cites no
		// cable, then after a colon or semicolon what does.
		for k := from + 1; k+1 < to; k++ {
			if s := l.toks[k].s; s == ":" || s == ";" {
				if _, ok := l.cable(l.toks[:to], k+1); ok {
					l.out = append(l.out, model.Reference{Label: name, Text: strings.Trim(l.text[l.toks[from].start:l.toks[k].start], " ,;:")})
					l.item(name, k+1, to)
					return
				}
			}
		}
	}
	text := func(a, b int) string {
		return strings.Trim(l.text[l.toks[a].start:l.toks[b-1].end], " ,;:&/")
	}
	if len(cites) <= 1 {
		r := model.Reference{Label: name, Text: text(from, to)}
		if len(cites) == 1 {
			r.ID = l.id(cites[0])
		}
		l.out = append(l.out, r)
		return
	}
	for k, c := range cites {
		a, b := c.start, to
		if k == 0 {
			a = from
		}
		if k+1 < len(cites) {
			b = cites[k+1].start
		}
		for b > a+1 && (isSep(l.toks[b-1]) || l.toks[b-1].s == "AND") {
			b--
		}
		l.out = append(l.out, model.Reference{Label: name, Text: text(a, b), ID: l.id(c)})
	}
}

// onlyRefWords reports whether tokens [from, to) are nothing but the
// words REF, REFTEL… ("REF: REF (A) MADRID 3785").
func (l *refList) onlyRefWords(from, to int) bool {
	for _, t := range l.toks[from:to] {
		if t.kind != tPunct && !isRefWord(t.s) {
			return false
		}
	}
	return true
}

func isSep(t token) bool {
	if t.kind != tPunct {
		return false
	}
	switch t.s {
	case ",", ";", ":", "&", "/", ".", "-":
		return true
	}
	return false
}

// id is the canonical id of a cited cable: the year as written, else the
// citing cable's own year.
func (l *refList) id(c cite) string {
	year := c.year
	if year == "" {
		year = l.p.refYear()
	}
	if year == "" || c.station == "" || c.serial <= 0 {
		return ""
	}
	return year + c.station + strconv.Itoa(c.serial)
}

// cites reads the cables cited in tokens [from, to): a cable, then more
// cables or more serials of the same post, each after a separator, and
// perhaps a title in parentheses. The first thing that reads as neither
// ends the item.
func (l *refList) cites(from, to int) []cite {
	t := l.toks[:to]
	first, ok := l.cable(t, from)
	if !ok {
		first, ok = l.serialFirst(t, from)
	}
	if !ok {
		// A serial alone ("B. 2962 AND PREVIOUS"): the post of the cable
		// cited before, or the cable's own.
		if from < len(t) && t[from].kind == tNum && t[from].s[0] != '0' && (from+1 == len(t) || t[from+1].s == "AND") {
			st := l.lastStation
			if st == "" && len(t[from].s) <= 5 {
				st = l.p.ownStation() // six digits are the Department's: no guess
			}
			if n := atoi(t[from].s); st != "" && n > 0 && len(t[from].s) <= 7 {
				first, ok = cite{station: st, year: l.lastYear, serial: n, start: from, end: from + 1}, true
			}
		}
	}
	if !ok {
		return nil
	}
	out := []cite{first}
	for j := first.end; j < len(t); {
		last := out[len(out)-1]
		j = skipParen(t, j)
		k := j
		for k < len(t) && (isSep(t[k]) || t[k].s == "AND" || t[k].s == "#") {
			k++
		}
		if k >= len(t) {
			break
		}
		if isSerial(t[k]) && (k+1 >= len(t) || t[k+1].kind != tWord || t[k+1].s == "AND") {
			if n := atoi(t[k].s); n > 0 {
				c := cite{station: last.station, year: last.year, serial: n, start: k, end: k + 1}
				c.end, c.year = yearAfterSerial(t, c.end, c.year, last.year != "")
				out = append(out, c)
				j = c.end
				continue
			}
		}
		c, ok := l.cable(t, k)
		if !ok {
			break
		}
		out = append(out, c)
		j = c.end
	}
	l.lastStation, l.lastYear = out[len(out)-1].station, out[len(out)-1].year
	return out
}

// isSerial reports whether a number can be a cable's serial: seven
// digits at most, not counting zeros in front ("STATE 00218123").
func isSerial(t token) bool {
	return t.kind == tNum && len(strings.TrimLeft(t.s, "0")) <= 7 && len(t.s) <= 8
}

// skipParen passes over a title or note in parentheses after a serial:
// "(NOTAL)", "(A SPLENDID LITTLE VISIT)".
func skipParen(t []token, j int) int {
	if j >= len(t) || t[j].s != "(" {
		return j
	}
	for k := j + 1; k < len(t) && k < j+60; k++ {
		if t[k].s == ")" {
			return k + 1
		}
	}
	return j
}

// cable reads one cited cable at token i: [year] post [(year)] serial
// [year], the year written as 08, 2008, '08, (08) or a typed 094, after
// the serial as (08), -08 or /08, and the post in as many words as it
// takes ("RIO DE JANEIRO", "PORT-OF-SPAIN").
func (l *refList) cable(t []token, i int) (cite, bool) {
	c := cite{start: i}
	j := i
	hyphens := false // "10-OTTAWA-57"
	for j < len(t) && (t[j].kind == tWord && isRefWord(t[j].s) || t[j].s == ":") {
		j++ // "REF: KATHMANDU 2282", "REFTEL KABUL 2245"
	}
	j = skipMarking(t, j)
	if j < len(t) && (t[j].s == "UNCLASS" || t[j].s == "UNCLASSIFIED") {
		j++
	}
	// The year before the post.
	switch {
	case j+1 < len(t) && t[j].kind == tNum && t[j+1].kind == tWord || j+2 < len(t) && t[j].kind == tNum && t[j+1].s == "-" && t[j+2].kind == tWord:
		y, ok := yearOf(t[j].s, true)
		if !ok {
			return c, false
		}
		c.year = y
		j++
		if t[j].s == "-" {
			j++
			hyphens = true
		}
	case j+2 < len(t) && t[j].kind == tNum && t[j+1].kind == tNum && len(t[j].s) == 1 && len(t[j+1].s) == 1 && t[j+2].kind == tWord:
		c.year = t[j].s + t[j+1].s // "0 8 TRIPOLI 227"
		j += 2
	case j+2 < len(t) && t[j].s == "'" && t[j+1].kind == tNum && len(t[j+1].s) == 2 && t[j+2].kind == tWord:
		c.year = t[j+1].s
		j += 2
	case j+3 < len(t) && t[j].s == "(" && t[j+1].kind == tNum && t[j+2].s == ")" && t[j+3].kind == tWord:
		y, ok := yearOf(t[j+1].s, false)
		if !ok {
			return c, false
		}
		c.year = y
		j += 3
	}
	// The post: words, perhaps joined by hyphens or dots.
	ws := j
	for j < len(t) && j-ws < 10 {
		if t[j].kind == tWord {
			j++
			continue
		}
		if (t[j].s == "-" || t[j].s == ".") && j > ws && j+1 < len(t) && t[j+1].kind == tWord {
			j++
			continue
		}
		break
	}
	we := j
	for we > ws && t[we-1].kind == tWord && isCableWord(t[we-1].s) {
		we-- // "COLOMBO CABLES 0266"
	}
	if we == ws || we-ws > 9 {
		return c, false
	}
	post := l.text[t[ws].start:t[we-1].end]
	if notCable.MatchString(l.text[t[i].start:t[we-1].end]) {
		return c, false
	}
	// Between post and serial: "STATE: 73097", "PRAGUE, 1228",
	// "10-OTTAWA-57", "BAGHDAD #3565", "STATE (01) 201265", "KUWAIT (C)02293".
	if j < len(t) && (t[j].s == ":" || t[j].s == "," || t[j].s == "-" && hyphens || t[j].s == "#") {
		j++
	}
	if j+2 < len(t) && t[j].s == "(" && t[j+1].kind == tNum && t[j+2].s == ")" {
		if y, ok := yearOf(t[j+1].s, false); ok && c.year == "" {
			c.year = y
			j += 3
		}
	}
	j = skipMarking(t, j)
	if j >= len(t) || !isSerial(t[j]) {
		return c, false
	}
	if j+1 < len(t) && t[j+1].s == "Z" && t[j+1].start == t[j].end {
		return c, false // "301601Z": a date-time group
	}
	c.serial = atoi(t[j].s)
	if c.serial <= 0 {
		return c, false
	}
	station, ok := glossary.Post(post, l.p.ownStation())
	if !ok {
		return c, false
	}
	c.station = station
	c.end, c.year = yearAfterSerial(t, j+1, c.year, false)
	return c, true
}

// serialFirst reads "870 ULAANBAATAR": the serial before the post, the
// whole item.
func (l *refList) serialFirst(t []token, i int) (cite, bool) {
	if i+1 >= len(t) || t[i].kind != tNum || len(t[i].s) > 6 || t[i].s[0] == '0' || t[i+1].kind != tWord {
		return cite{}, false
	}
	j := i + 1
	for j < len(t) && t[j].kind == tWord && j-i <= 4 {
		j++
	}
	if j < len(t) && !isSep(t[j]) {
		return cite{}, false
	}
	station, ok := glossary.Post(l.text[t[i+1].start:t[j-1].end], l.p.ownStation())
	if !ok || atoi(t[i].s) <= 0 {
		return cite{}, false
	}
	return cite{station: station, serial: atoi(t[i].s), start: i, end: j}, true
}

// yearAfterSerial reads a year written after the serial at token j: "(08)",
// "(2002)", "-91", "/08", or a bare "99" that ends the item or its part.
// With known set the year is already written before and only a
// parenthesised one is passed over.
func yearAfterSerial(t []token, j int, year string, known bool) (int, string) {
	switch {
	case j+2 < len(t) && t[j].s == "(" && t[j+1].kind == tNum && t[j+2].s == ")":
		if y, ok := yearOf(t[j+1].s, false); ok {
			if year == "" || known {
				year = y
			}
			return j + 3, year
		}
	case year != "" && !known:
	case j+1 < len(t) && (t[j].s == "-" || t[j].s == "/") && t[j+1].kind == tNum && len(t[j+1].s) == 2 &&
		t[j].start == t[j-1].end && (j+2 >= len(t) || t[j+2].kind != tNum):
		return j + 2, t[j+1].s
	case j < len(t) && t[j].kind == tNum && len(t[j].s) == 2 && (j+1 == len(t) || t[j+1].s == "," || t[j+1].s == ";"):
		return j + 1, t[j].s
	}
	return j, year
}

// yearOf reads a written year: 08, 2008, 1996, or a typed 094 whose last
// digit slipped in (read as 09). Only before the post (before set) is a
// three-digit year read.
func yearOf(s string, before bool) (string, bool) {
	switch {
	case len(s) == 2:
		return s, true
	case len(s) == 4 && (strings.HasPrefix(s, "19") || strings.HasPrefix(s, "20")):
		return s[2:], true
	case len(s) == 3 && before && s[0] == '0':
		return s[:2], true
	}
	return "", false
}

// skipMarking passes over a portion marking: "(C)", "(S/NF)", "(SBU)".
func skipMarking(t []token, j int) int {
	if j+2 < len(t) && t[j].s == "(" && t[j+1].kind == tWord && len(t[j+1].s) <= 3 {
		k := j + 2
		for k < len(t) && k < j+6 && t[k].s != ")" {
			k++
		}
		if k < len(t) && t[k].s == ")" && levelOfMarking(l2s(t[j+1:k])) {
			return k + 1
		}
	}
	return j
}

func l2s(t []token) string {
	var b strings.Builder
	for _, x := range t {
		b.WriteString(x.s)
	}
	return b.String()
}

func levelOfMarking(s string) bool {
	return model.PortionLevel(s) != model.LevelUnknown
}

func isCableWord(s string) bool {
	switch s {
	case "CABLE", "CABLES", "TEL", "TELS", "TELEGRAM", "REFTEL", "MSG":
		return true
	}
	return false
}

// refYear is the year of a reference that writes none: the cable's own,
// else that of a date-time group further on in the record (a partial
// extract repeating its transmission line), else that of the id the
// archive publishes the record under.
func (p *parser) refYear() string {
	if !p.c.Date.IsZero() {
		return p.c.Date.Format("06")
	}
	if !p.yearRead {
		p.yearRead = true
		p.laterYear = p.dtgYear()
	}
	if p.laterYear != "" {
		return p.laterYear
	}
	if model.IsCableID(p.archive) {
		return p.archive[:2]
	}
	return ""
}

// dtgYearRe is a date-time group with its month and year: "P 231625Z JUL
// 02".
var dtgYearRe = regexp.MustCompile(`\b[ZOPR]{1,2}\s+\d{6}Z\s*(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)\s*(\d{2})\b`)

// dtgYear is the year of the first date-time group in the record's text.
func (p *parser) dtgYear() string {
	look := func(s string) string {
		if !strings.Contains(s, "Z") {
			return ""
		}
		if m := dtgYearRe.FindStringSubmatch(s); m != nil {
			return m[1]
		}
		return ""
	}
	for _, mk := range p.c.PageMarkers {
		if y := look(mk.Text); y != "" {
			return y
		}
	}
	for _, b := range p.c.Body {
		if y := look(b.Text); y != "" {
			return y
		}
	}
	for _, u := range p.c.Unplaced {
		if y := look(u); y != "" {
			return y
		}
	}
	return ""
}

// ownStation is the station of the cable's own id, or of the id the
// archive publishes it under.
func (p *parser) ownStation() string {
	for _, id := range []string{p.c.ID, p.archive} {
		if m := idStation.FindStringSubmatch(id); m != nil {
			return m[1]
		}
	}
	return ""
}

var idStation = regexp.MustCompile(`^(?:\d{2})?([A-Z]+?)\d+$`)

// stationKey turns a station as written ("SAO PAULO", "SECSTATE") into the
// form used in reference ids ("SAOPAULO", "STATE").
func stationKey(s string) string {
	var b strings.Builder
	for _, r := range strings.ToUpper(s) {
		if r >= 'A' && r <= 'Z' {
			b.WriteRune(r)
		}
	}
	k := b.String()
	if k == "SECSTATE" || k == "SECSTATEWASHDC" {
		return "STATE"
	}
	if canon, ok := glossary.CanonicalStation(k); ok {
		return canon
	}
	return k
}

func atoi(s string) int {
	n, _ := strconv.Atoi(strings.TrimSpace(s))
	return n
}
