package parser

import (
	"regexp"
	"slices"
	"strings"

	"cablereader/glossary"
	"cablereader/model"
)

// field is the front-matter element that a continuation line extends.
type field int

const (
	fieldNone field = iota
	fieldTags
	fieldSubject
	fieldRef
	fieldClassifiedBy
	fieldPassing
)

// front accumulates the caption block while it is read.
type front struct {
	subject, refs, clsBy []string
	tagsOpen             bool // the last TAGS line ended with a comma
}

// splitAnchors cuts a line before each front-matter keyword after the
// first, so that "DEPT FOR WHA/BSC E.O. 12958: DECL: 11/22/2012" reads as
// two elements. Nothing after "Classified By" is cut: its reasons often
// name the E.O.
func splitAnchors(s string) []string {
	if clsBy.MatchString(s) {
		// "(U) Classified by …" whole, but for a REF list run on after
		// its reasons ("… Reason 1.4 (b) and (d) REF: A) STATE 3691,").
		if r := reasons.FindStringIndex(s); r != nil {
			for _, a := range findAnchors(s[r[1]:]) {
				if at := r[1] + a[0]; refLine.MatchString(s[at:]) {
					return []string{strings.TrimSpace(s[:at]), strings.TrimSpace(s[at:])}
				}
			}
		}
		return []string{strings.TrimSpace(s)}
	}
	locs := findAnchors(s)
	var parts []string
	last := 0
	for _, l := range locs {
		if l[0] > 0 && s[l[0]-1] == '(' {
			continue // "(SUBJ: IIR …)" inside a REF item is not a caption
		}
		if l[0] > last && strings.TrimSpace(s[last:l[0]]) != "" {
			parts = append(parts, strings.TrimSpace(s[last:l[0]]))
			last = l[0]
		}
		if clsBy.MatchString(s[last:]) {
			break
		}
	}
	return append(parts, strings.TrimSpace(s[last:]))
}

var (
	tagsMore = regexp.MustCompile(`^\s*[A-Z]{2,6}(?:[,;]?\s+[A-Z]{2,6}){0,8}[,;]?\s*$`)
	// tagsList continues a TAGS line that ended with a comma.
	tagsList = regexp.MustCompile(`^\s*[A-Za-z]{2,8}(?:(?:[,;]\s*|\s+)[A-Za-z]{2,8})*[,;]?\s*$`)
)

// parseFront reads the caption block that starts at lines[i] (the banner,
// or the first line after the header when there is none) and returns the
// index of the first body line, and the block's REF text for the finish
// pass to read (refs.go). With repeat set it reads a caption block
// repeated at a later section start: the lines are kept, fields already
// known are not overwritten.
func (p *parser) parseFront(lines []string, i int, repeat bool) (int, []string) {
	h := &p.c.Header
	var f front
	cur := fieldNone
	blank := false
	passLine := "" // the last line of a passing item, as it wraps
	for ; i < len(lines); i++ {
		line := lines[i]
		t := strings.TrimSpace(line)
		if t == "" {
			blank = true
			if cur != fieldRef && !(cur == fieldClassifiedBy && f.reasonsAhead(lines, i+1)) &&
				!(cur == fieldSubject && subjectOpen(f.subject)) {
				cur = fieldNone
			}
			continue
		}
		if isRule(t) && cur == fieldNone {
			h.Lines = append(h.Lines, line)
			continue
		}
		if cur == fieldRef && blank && (!isBullet(t) || marking.MatchString(t)) && !(refOpen(f.refs) && refRest.MatchString(t)) {
			// After a blank line only a lettered item goes on with the
			// list; a portion marking ("(U) THIS CABLE IS …") is text.
			cur = fieldNone
		}
		blank = false
		if (cur == fieldNone || cur == fieldPassing) && isBodyStart(t) {
			break
		}
		consumed := false
		for _, piece := range splitAnchors(line) {
			var ok bool
			cur, ok = p.frontPiece(piece, cur, &f, repeat)
			consumed = consumed || ok
			if !ok {
				break
			}
		}
		if !consumed && cur == fieldTags && !repeat && len(t) <= 40 && mostlyUpper(t) && subjectFollows(lines, i+1) {
			// The rest of a TAGS line that wrapped with other marks than
			// a TAGS line has ("UNGA/C-6, CS", "AU-I, CD, SU, LY"), right
			// above the subject.
			h.Tags = append(h.Tags, splitTags(t)...)
			consumed = true
		}
		if !consumed && (cur == fieldNone || cur == fieldPassing) && frontFollows(lines, i+1) {
			// A line before more keywords is still front matter: the rest
			// of a wrapped passing line ("nsc for senior" ⏎ "director
			// gavin"), an office or person ("WHA FOR MICHAEL PUCCETTI" ⏎
			// "G/TIP"), or a note such as "Declassified/Released …".
			switch {
			case repeat:
			case cur == fieldPassing && len(h.Passing) > 0 && passingWraps(passLine, t):
				h.Passing[len(h.Passing)-1] += " " + t
			case mostlyUpper(t):
				h.Passing = append(h.Passing, t)
			}
			consumed = true
		}
		if !consumed {
			break
		}
		if cur == fieldPassing {
			passLine = t
		}
		p.headerLine(line)
	}
	return i, p.finishFront(&f)
}

// passingWraps reports whether line t is the rest of a passing item whose
// last line is prev: prev is cut mid-phrase (a comma, "for", "and") or runs
// to a wrap width, and t starts nothing of its own: no "for" or "pass" (a
// new item), no number (a message number, a date).
func passingWraps(prev, t string) bool {
	if strings.ContainsAny(t, "0123456789") || len(t) > 80 {
		return false
	}
	for _, w := range strings.Fields(strings.ToUpper(t)) {
		if w == "FOR" || w == "PASS" {
			return false
		}
	}
	if len(prev) >= 50 {
		return true
	}
	low := strings.ToLower(prev)
	for _, end := range []string{",", ";", " for", " and", " to", " pass"} {
		if strings.HasSuffix(low, end) {
			return true
		}
	}
	return false
}

// frontFollows reports whether a front-matter keyword line comes within
// the next few lines, before any paragraph: the block is not over yet.
func frontFollows(lines []string, i int) bool {
	for seen := 0; i < len(lines) && seen < 30; i++ {
		t := strings.TrimSpace(lines[i])
		if t == "" {
			continue
		}
		seen++
		if isBodyStart(t) {
			return false
		}
		if eoLine.MatchString(t) || tagsLine.MatchString(t) || subjLine.MatchString(t) || refLine.MatchString(t) || clsBy.MatchString(t) {
			return true
		}
	}
	return false
}

// subjectFollows reports whether the next line that is not blank is the
// SUBJECT line.
func subjectFollows(lines []string, i int) bool {
	for ; i < len(lines); i++ {
		if t := strings.TrimSpace(lines[i]); t != "" {
			return subjLine.MatchString(t)
		}
	}
	return false
}

// refContinues reports whether a line carries on a REF list: a new item,
// a line in the list's upper-case style, or the rest of an item that
// ended mid-way. Running prose is not part of a REF list.
func refContinues(refs []string, s string) bool {
	if isSectionLine(s) || isRule(s) {
		return false // "------- SUMMARY -------" heads the text
	}
	if strings.HasSuffix(strings.TrimSpace(refs[len(refs)-1]), "...") && !isBullet(s) {
		// "¶B. PRAGUE 356 ...": the page cut the record off there; what
		// follows is not the list's (a copy of the record, a row's
		// fields) unless it is the list's next item.
		return false
	}
	if isBullet(s) || mostlyUpper(s) && (len(s) <= 90 || refItemIn.MatchString(s)) {
		return true
	}
	last := strings.TrimSpace(refs[len(refs)-1])
	if t := strings.TrimSpace(s); allDigits(t) && len(t) <= 6 && last != "" && isLetter(last[len(last)-1]) {
		return true // the serial of "D) 2008 BAKU" ⏎ "917"
	}
	if refRest.MatchString(s) && (refOpen(refs) || isDigit(strings.TrimSpace(s)[0])) {
		return true // "C) RIO" ⏎ "DE JANEIRO 1291", "(SUBJ: IIR 6 832" ⏎ "0617 08)"
	}
	return strings.HasSuffix(last, ",") || strings.HasSuffix(last, ";") || strings.HasSuffix(strings.ToUpper(last), " AND")
}

// refItemIn is a lettered item citing a cable somewhere in a line ("…
// 082030Z  B. ROME 1098  C. ROME 894"): a long line that holds one goes
// on with a REF list.
var refItemIn = regexp.MustCompile(`(?:^|\s)\(?[A-Z][.)]\)?\s+(?:\d{2,4}\s+)?[A-Z][A-Z .'-]{1,30}?\s+0*\d{1,7}\b`)

// refRest is a line that reads as the rest of a cited cable wrapped onto
// it: a serial, or a post (perhaps with its year) and a serial.
var refRest = regexp.MustCompile(`^\s*(?:\d{1,7}\b|(?:'?\d{2,4}\s+)?[A-Za-z][A-Za-z .'-]{1,30}?\s+0*\d{1,7}\b)`)

// refOpen reports whether a REF list's last line stops mid-item: at a
// label ("D)", "(C)"), a comma or "AND", inside parentheses, or after a
// post whose serial has not come yet ("C) 06 Kabul").
func refOpen(refs []string) bool {
	last := strings.TrimSpace(refs[len(refs)-1])
	if last == "" {
		return len(refs) == 1
	}
	if strings.Count(last, "(") > strings.Count(last, ")") {
		return true
	}
	switch last[len(last)-1] {
	case ',', ';', ':', '&', '-', ')', '.':
		return refLabelEnd.MatchString(last) || last[len(last)-1] != ')' && last[len(last)-1] != '.'
	}
	f := strings.Fields(strings.ToUpper(last))
	if n := len(f); n >= 2 && len(f[n-1]) == 2 && allDigits(f[n-1]) && refLabelEnd.MatchString(f[n-2]) {
		return true // "D. 03" ⏎ "HANOI 2323": the year, its post to come
	}
	if !isLetter(last[len(last)-1]) {
		return false
	}
	w := f[len(f)-1]
	if w == "AND" {
		return true
	}
	if w == "PREVIOUS" || w == "NOTAL" {
		return false
	}
	// Back from the end to the item's label: open if no serial comes
	// first ("(C) SECSTATE", "C) 06 Kabul"), shut if one does.
	for k := len(f) - 1; k >= 0; k-- {
		switch x := strings.Trim(f[k], ",;"); {
		case refLabelEnd.MatchString(x):
			return true
		case allDigits(x) && len(x) > 2:
			return false
		}
	}
	return true
}

// refLabelEnd is a REF line that ends with a label, its item on the next
// line: "D)", "C.", "(B)", "D:".
var refLabelEnd = regexp.MustCompile(`(?:^|[\s,;])\(?[A-Za-z][.):]\)?$|\([A-Za-z]\)$`)

// isBodyStart reports whether a line opens the text proper.
func isBodyStart(t string) bool {
	return paraStart.MatchString(t) && !clsBy.MatchString(t) || summaryStart.MatchString(t)
}

// frontPiece reads one element of the caption block. It reports false when
// the piece is not front matter, which ends the block.
func (p *parser) frontPiece(s string, cur field, f *front, repeat bool) (field, bool) {
	h := &p.c.Header
	c := p.c
	switch {
	case banner.MatchString(s):
		m := banner.FindStringSubmatchIndex(s)
		if !repeat {
			p.readBanner(s, m)
		}
		if rest := strings.TrimSpace(s[m[1]:]); rest != "" {
			// What follows the banner on its line (a one-line caption
			// block) is read too; the line is kept whole either way.
			cur, _ := p.frontPiece(rest, fieldNone, f, repeat)
			return cur, true
		}
		return fieldNone, true
	case partial.MatchString(s):
		c.Partial = true
		return fieldNone, true
	case caveat.MatchString(s), levelCaveat.MatchString(s):
		// "SIPDIS"; "SECRET NOFORN" under the banner.
		c.Caveats = append(c.Caveats, caveatWord.FindAllString(s, -1)...)
		return fieldNone, true
	case caveatLead.MatchString(s):
		// "SENSITIVE BUT UNCLASSIFIED - PLEASE PROTECT ACCORDINGLY."
		c.Caveats = append(c.Caveats, strings.ToUpper(caveatLead.FindStringSubmatch(s)[1]))
		return fieldNone, true
	case clsBy.MatchString(s): // before the E.O.: its reasons may name it
		f.clsBy = append(f.clsBy, s)
		return fieldClassifiedBy, true
	case cur == fieldClassifiedBy && f.reasonTail(s):
		return fieldClassifiedBy, true
	case eoLine.MatchString(s):
		if h.EO == nil {
			h.EO = readEO(s)
		}
		return fieldNone, true
	case subjLine.MatchString(s):
		if strings.TrimSpace(strings.Join(f.subject, "")) != "" {
			return fieldNone, true // a second SUBJECT is kept as written only
		}
		f.subject = []string{subjLine.FindStringSubmatch(s)[1]} // "SUBJECT: SUBJECT: …" takes the second
		return fieldSubject, true
	case refLine.MatchString(s):
		f.refs = append(f.refs, refLine.FindStringSubmatch(s)[1])
		return fieldRef, true
	case (cur == fieldNone || cur == fieldTags || cur == fieldRef && refLabelled.MatchString(s)) && refBare.MatchString(s):
		// "REF A: STATE 120288", and its "REF B:" line after it.
		f.refs = append(f.refs, refBare.FindStringSubmatch(s)[1])
		return fieldRef, true
	case cur == fieldNone && refFirstItem.MatchString(s):
		// "A. REF AMMAN 222": the list's label lost, its first item says REF.
		f.refs = append(f.refs, s)
		return fieldRef, true
	case tagsLine.MatchString(s) && (len(h.Tags) == 0 || repeat):
		if len(h.Tags) == 0 {
			h.Tags = splitTags(tagsLine.FindStringSubmatch(s)[1])
		}
		f.tagsOpen = strings.HasSuffix(s, ",")
		return fieldTags, true
	case cur == fieldTags && (tagsMore.MatchString(s) || (f.tagsOpen || strings.Contains(s, ",")) && tagsList.MatchString(s)):
		if !repeat {
			h.Tags = append(h.Tags, splitTags(s)...)
		}
		f.tagsOpen = strings.HasSuffix(s, ",")
		return fieldTags, true
	case cur == fieldSubject && refItem.MatchString(s):
		// A lettered reference under the subject whose REF label was
		// lost ("B. SANTO DOMINGO 21"): the subject has ended.
		f.refs = append(f.refs, s)
		return fieldRef, true
	case cur == fieldSubject && !paraStart.MatchString(s) && !isRule(strings.TrimSpace(s)) && !isSectionLine(strings.TrimSpace(s)) && len(f.subject) < 4 &&
		(!repeat || subjectGoesOn(h.Subject, f.subject, s)):
		f.subject = append(f.subject, s)
		return fieldSubject, true
	case cur == fieldRef && !paraStart.MatchString(s) && refContinues(f.refs, s):
		f.refs = append(f.refs, s)
		return fieldRef, true
	case cur == fieldClassifiedBy && len(f.clsBy) < 4 && !paraStart.MatchString(s) && !reasons.MatchString(strings.Join(f.clsBy, " ")):
		f.clsBy = append(f.clsBy, s)
		return fieldClassifiedBy, true
	// A passing line; before the E.O. line one in any case ("State for
	// EAP/CM - SFlatt", "nsc for mgavin"). A later section's front ends at
	// its subject: a line after it is the section's text, whatever it says.
	case passing.MatchString(s) && mostlyUpper(s) && !(repeat && f.subject != nil),
		h.EO == nil && len(h.Tags) == 0 && f.subject == nil && passingAnyCase.MatchString(s):
		if !repeat {
			h.Passing = append(h.Passing, s)
		}
		return fieldPassing, true
	case levelOnly.MatchString(s) && !repeat && c.Classification.Level == model.LevelUnknown:
		c.Classification = model.Classification{Level: model.ReadLevel(s), Text: strings.TrimSpace(s)}
		return fieldNone, true
	}
	return cur, false
}

// finishFront sets the subject and Classified By the block read (unless
// known) and returns its REF text, one string for the list.
func (p *parser) finishFront(f *front) []string {
	h := &p.c.Header
	if len(f.subject) > 0 && h.Subject == "" {
		h.Subject = cleanSubject(strings.Join(f.subject, " "))
	}
	if len(f.clsBy) > 0 && h.ClassifiedBy == nil {
		h.ClassifiedBy = readClassifiedBy(strings.Join(f.clsBy, " "))
	}
	if len(f.refs) > 0 {
		return []string{strings.Join(f.refs, " ")}
	}
	return nil
}

// readBanner takes level, qualifiers, section, station and serial from the
// classification line.
func (p *parser) readBanner(s string, m []int) {
	c := p.c
	get := func(k int) string {
		if m[2*k] < 0 {
			return ""
		}
		return s[m[2*k]:m[2*k+1]]
	}
	cl := model.Classification{Level: model.ReadLevel(get(1)), Text: strings.TrimSpace(s[:m[1]])}
	for _, q := range strings.Split(get(2), "/") {
		if q = strings.Join(strings.Fields(strings.ToUpper(q)), " "); q != "" {
			cl.Qualifiers = append(cl.Qualifiers, q)
		}
	}
	for _, w := range strings.Fields(strings.ToUpper(get(3))) {
		if w == "NOFORN" {
			cl.Qualifiers = append(cl.Qualifiers, w)
		} else {
			c.Caveats = append(c.Caveats, w)
		}
	}
	efto := strings.Contains(strings.ToUpper(strings.ReplaceAll(get(1), " ", "")), "EFTO")
	if efto {
		cl.Qualifiers = append(cl.Qualifiers, "EFTO")
	}
	c.Classification = cl
	c.Section = model.Section{Number: atoi(get(4)), Total: atoi(get(5))}
	if c.Section.Number == 0 {
		c.Section = model.Section{Number: 1, Total: 1}
	}
	p.banner = bannerID{station: strings.ToUpper(strings.TrimSpace(get(6))), serial: get(7), efto: efto && get(4) == ""}
	// The year, where the banner has one, stands between what comes
	// before the station (the level, qualifiers, caveats, SECTION n OF m)
	// and the station.
	from := 0
	for _, k := range []int{3, 5, 7, 11} {
		from = max(from, m[k])
	}
	if y := strings.TrimSpace(s[from:m[12]]); len(y) == 2 && allDigits(y) {
		p.banner.year = y
	}
}

func mostlyUpper(s string) bool {
	lower, letters := 0, 0
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z':
			lower++
			letters++
		case r >= 'A' && r <= 'Z':
			letters++
		}
	}
	return letters > 0 && lower*4 < letters
}

// splitTags splits a TAGS line on spaces, commas and semicolons. A person
// tag in parentheses ("OVIP (CLINTON, HILLARY)") stays one tag.
func splitTags(s string) []string {
	var toks []tagToken
	comma := false
	add := func(t string, paren bool) {
		if t = strings.ToUpper(strings.Trim(strings.TrimSpace(t), ".")); t != "" {
			toks = append(toks, tagToken{t, comma, paren})
			comma = false
		}
	}
	start := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			if end := strings.IndexByte(s[i:], ')'); end > 0 {
				add(s[start:i], false)
				add(s[i+1:i+end], true)
				i += end
				start = i + 1
			}
		case ' ', '\t':
			add(s[start:i], false)
			start = i + 1
		case ',', ';':
			add(s[start:i], false)
			start = i + 1
			comma = true
		}
	}
	add(s[start:], false)
	// Words that are no TAGS code and stand next to each other with no
	// comma between them are one free-text item: "COUNTER TERRORISM",
	// "BIDEN JOSEPH", "USEU BRUSSELS" in a list written with commas.
	commas := strings.ContainsAny(s, ",;")
	var tags []string
	for i := 0; i < len(toks); {
		j := i + 1
		if !toks[i].paren {
			if commas {
				for j < len(toks) && !toks[j].comma && !toks[j].paren {
					j++
				}
				if j-i > 1 && allCodes(toks[i:j]) {
					j = i + 1
				}
			} else if !isTagCode(toks[i].text) {
				for j < len(toks) && !toks[j].paren && !isTagCode(toks[j].text) {
					j++
				}
			}
		}
		words := make([]string, 0, j-i)
		for _, t := range toks[i:j] {
			words = append(words, t.text)
		}
		if tag := strings.Join(words, " "); !slices.Contains(tags, tag) {
			tags = append(tags, tag)
		}
		i = j
	}
	return tags
}

// sortTags parts a TAGS line's items into codes and the rest (names,
// places, topics written out), each once and in order. A word of two to
// four capitals stays a code though the glossary lacks it: it has a
// code's form (a rare code, a typist's slip: PGOF).
func sortTags(items []string) (codes, other []string) {
	for _, t := range items {
		switch {
		case isTagCode(t), codeShape(t):
			if !slices.Contains(codes, t) {
				codes = append(codes, t)
			}
		case !slices.Contains(other, t):
			other = append(other, t)
		}
	}
	return codes, other
}

func codeShape(w string) bool {
	if len(w) < 2 || len(w) > 4 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return true
}

// subjectOpen reports whether a subject stops on a word that needs more
// after it ("… VISIT TO" ⏎ ⏎ "LIBYA"): its end is across the blank line.
// A "SUBJECT:" with nothing after it is open too: its subject is the next
// line, below a blank one.
func subjectOpen(lines []string) bool {
	if len(lines) == 0 {
		return false
	}
	if strings.TrimSpace(strings.Join(lines, "")) == "" {
		return true
	}
	f := strings.Fields(lines[len(lines)-1])
	if len(f) == 0 {
		return false
	}
	switch strings.ToUpper(f[len(f)-1]) {
	case "TO", "THE", "OF", "AND", "FOR", "IN", "ON", "WITH", "A", "AN", "AT", "BY", "FROM", "INTO", "ABOUT", "AS", "ITS", "OVER", "-", "--", ":":
		return true
	}
	return false
}

// subjectGoesOn reports whether line s carries on a repeated subject (a
// later section's front matter): only as far as the subject first read
// goes. Past it, the line is the section's text, which may follow the
// subject with no blank line.
func subjectGoesOn(first string, lines []string, s string) bool {
	sofar := cleanSubject(strings.Join(append(slices.Clone(lines), s), " "))
	return first != "" && strings.HasPrefix(strings.ToUpper(first), strings.ToUpper(sofar))
}

// tagToken is one word of a TAGS line.
type tagToken struct {
	text  string
	comma bool // a comma or semicolon comes before it
	paren bool // written in parentheses
}

func allCodes(ts []tagToken) bool {
	for _, t := range ts {
		if !isTagCode(t.text) {
			return false
		}
	}
	return true
}

// isTagCode reports whether a word is a TAGS code the glossary knows, or
// has the shape of one (two letters, a K-program).
func isTagCode(w string) bool {
	return glossary.LookupTag(w).Kind != glossary.TagUnknown
}

var subjectMark = guard(`(?i)^\((?:TS|S|C|U|SBU|LOU)(?:\s*/+\s*[A-Z ]+)?\)\s*|\s*\([SCU]\)$`, anyOf(leads("("), suffix(")")))

// cleanSubject joins a wrapped subject and strips its portion marking.
func cleanSubject(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	s = strings.TrimSpace(subjectMark.ReplaceAllString(s, ""))
	return strings.TrimSpace(strings.TrimLeft(s, ":")) // "SUBJECT: : MEXICANS DIFFER …"
}

func readEO(s string) *model.EO {
	m := eoLine.FindStringSubmatch(s)
	eo := &model.EO{Order: m[1], Text: strings.TrimSpace(s)}
	rest := strings.TrimSpace(m[2])
	up := strings.ToUpper(rest)
	switch {
	case strings.HasPrefix(up, "N/A"), up == "NA", strings.HasPrefix(up, "NA "):
	case declDate.MatchString(rest):
		d := declDate.FindStringSubmatch(rest)
		if iso, ok := declISO(d[1], d[2], d[3]); ok {
			eo.Declassify = iso
		} else {
			eo.Declassify = rest
		}
	default:
		rest = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(rest, "DECL"), ":"))
		eo.Declassify = rest
	}
	return eo
}

var (
	reasonAt     = regexp.MustCompile(`(?i)[,;.]?\s*(?:\b(?:for|per|under)\s+)?(?:\breasons?\b\s*:?\s*)?(?:E\.?\s?O\.?\s*\d{5}\s*,?\s*)?(?:sec(?:tion|\.)?\s*)?\b1\.[45]\b`)
	reasonLetter = regexp.MustCompile(`(?i)\b[a-h]\b`)
	reasonEnd    = regexp.MustCompile(`[a-hA-H]\s*\)?\s*\.(?:\s|$)`)
)

// readClassifiedBy splits "DCM James P. Zumwalt per 1.4 (b, d)" into the
// authority and the reasons 1.4(b), 1.4(d).
func readClassifiedBy(s string) *model.ClassifiedBy {
	s = strings.Join(strings.Fields(s), " ")
	// The text starts at its label: a paragraph number or a portion
	// marking before it ("1. (U) Classified by …") is not part of it.
	for i := 1; i < 16 && i+10 <= len(s); i++ {
		if strings.EqualFold(s[i:i+10], "CLASSIFIED") {
			lead := strings.TrimLeft(s[:i], "0123456789. ")
			if m := marking.FindStringIndex(lead); lead == "" || m != nil && strings.TrimSpace(lead[m[1]:]) == "" {
				s = s[i:]
			}
			break
		}
	}
	cb := &model.ClassifiedBy{Text: s}
	body := clsBy.FindStringSubmatch(s)[1]
	loc := reasonAt.FindStringIndex(body)
	if loc == nil {
		cb.Authority = strings.TrimRight(strings.TrimSpace(body), ".,;")
		return cb
	}
	cb.Authority = strings.TrimRight(strings.TrimSpace(body[:loc[0]]), ".,;:")
	if m := clsBy.FindStringSubmatch(cb.Authority); m != nil {
		cb.Authority = m[1] // "Classified By: Classified by Ambassador …"
	}
	tail := body[loc[1]-3:]
	section := tail[:3]
	letters := tail[3:]
	if e := reasonEnd.FindStringIndex(letters); e != nil {
		letters = letters[:e[1]]
	}
	if len(letters) > 60 {
		letters = letters[:60]
	}
	for _, l := range reasonLetter.FindAllString(letters, -1) {
		cb.Reasons = append(cb.Reasons, section+"("+strings.ToLower(l)+")")
	}
	return cb
}
