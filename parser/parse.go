package parser

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"cablereader/glossary"
	"cablereader/model"
)

type parser struct {
	c       *model.Cable
	atx     map[string]bool // headings written as Markdown "####"
	station string          // from the banner, as written
	serial  string
	// bannerYear is the year an old telegram's banner writes before its
	// station ("75" in C O N F I D E N T I A L 75 LIBREVILLE 1895).
	bannerYear string
	refText    []string
	glued      map[string]string // first part of a split line → the line as written
	// caption holds the caption lines cut out of one written line
	// (splitCaption), by their first piece (see headerLine).
	caption map[string]captionCut
	pending []string // the pieces of a cut caption line still to come
	// tagsOpen is set while a TAGS line ends with a comma.
	tagsOpen bool
	text     strings.Builder // paragraph texts (textRoom)
	size     int             // the input text's size
	// archive is the id the archive publishes the record under (upper
	// case, "" for none): the year of references that write none when the
	// text has no date.
	archive string
	// laterYear is the year of a date-time group further on in the
	// record, read once (yearRead) when a reference needs it.
	laterYear string
	yearRead  bool
}

// Parse reads a cable. It never returns nil and never panics: should a
// bug slip through, the input comes back whole in Unplaced with a notice.
func Parse(data []byte) *model.Cable { return ParseAs(data, "") }

// ParseAs reads a cable that an archive publishes as id (its file name, its
// CSV row; "" for none). The archive's id is taken over the text's when
// the text gives none or only part of one (a record with no date-time
// group has no year), and when the two name different cables, which a
// notice then says: some records join one cable's header to another's
// text.
func ParseAs(data []byte, id string) (c *model.Cable) {
	text, latin1 := decode(data)
	defer func() {
		if r := recover(); r != nil {
			c = &model.Cable{Unplaced: splitLines(text), Notices: []string{fmt.Sprintf("internal parser error: %v", r)}}
		}
	}()
	// The lines are held no longer than the parse needs them: on a large
	// input, every copy of the list of lines is a fifth of its size.
	lines := splitLines(text)
	controls := countControls(lines)
	p := &parser{c: &model.Cable{}, atx: map[string]bool{}, glued: map[string]string{}, size: len(text),
		archive: strings.ToUpper(strings.TrimSpace(id))}
	if latin1 {
		p.c.Notices = append(p.c.Notices, "input is not UTF-8: read as Latin-1")
	}
	p.run(lines)
	p.archiveID(p.recordID())
	p.archiveID(id)
	p.c.Notices = append(p.c.Notices, notices(p.c, controls)...)
	own(p.c)
	return p.c
}

var preambleID = regexp.MustCompile(`^\d{2}[A-Z][A-Z0-9]{2,40}\d$`)

func (p *parser) run(raw []string) {
	lines := make([]string, 0, len(raw))
	for _, l := range raw {
		l = cleanLine(l)
		if m := atxHeading.FindStringSubmatch(l); m != nil && !strings.HasPrefix(strings.TrimSpace(m[1]), "#") {
			p.atx[strings.TrimSpace(m[1])] = true
			l = m[1]
		}
		lines = p.appendGlued(lines, l)
	}
	lines = splitRunOn(lines)
	lines = p.takeRecord(lines)
	// Some dumps put five metadata lines on top: id, subject, date,
	// classification, origin.
	if len(lines) > 5 && preambleID.MatchString(strings.TrimSpace(lines[0])) && model.ReadLevel(lines[3]) != model.LevelUnknown {
		p.c.Preamble = lines[:5]
		lines = lines[5:]
	}
	b := findBanner(lines)
	head, rest := lines, []string(nil)
	if b >= 0 {
		head, rest = lines[:b], lines[b:]
		m := banner.FindStringSubmatchIndex(rest[0])
		p.readBanner(rest[0], m)
	} else {
		n := headerEnd(lines)
		head, rest = lines[:n], lines[n:]
	}
	head = p.removePageMarkers(head)
	head = p.takePartial(head)
	p.parseRouting(head)
	rest = p.removePageMarkers(rest)
	start := p.parseFront(rest, 0, false)
	p.readBody(rest[start:])
	p.findSpans()
	p.finish()
}

// appendGlued appends a line to lines, cut where a dump ran two lines
// together: the partial record notice, or a banner glued to the last
// header line ("INFO AMEMBASSY HANOIUNCLAS SECTION 01 OF 03 …").
func (p *parser) appendGlued(lines []string, l string) []string {
	if fields, ok := p.takeCableDated(l); ok {
		for _, f := range fields {
			lines = p.appendGlued(lines, f)
		}
		return lines
	}
	if fields := gluedCaption(l); fields != nil {
		p.keepCaption(fields, l)
		return append(lines, fields...)
	}
	if strings.HasPrefix(l, "SUBJ") {
		// "SUBJECT: … BAHRAINClassified By: …": the next field run onto
		// the subject line.
		if loc := subjectRunOn.FindStringIndex(l); loc != nil && loc[0] > len("SUBJECT: ") {
			cut := loc[0]
			for cut < len(l) && l[cut] == ' ' {
				cut++
			}
			first := strings.TrimRight(l[:cut], " ")
			p.keepCaption([]string{first, l[cut:]}, l) // the header keeps the line as written
			return p.appendGlued(append(lines, first), l[cut:])
		}
	}
	if strings.HasPrefix(l, "REF") {
		// "REF: SECSTATE 165115 1. Post grants …": the first paragraph
		// run onto the REF line.
		if loc := refThenPara.FindStringSubmatchIndex(l); loc != nil {
			return append(lines, strings.TrimSpace(l[:loc[2]]), l[loc[2]:])
		}
	}
	if loc := partial.FindStringIndex(l); loc != nil && (loc[0] > 0 || loc[1] < len(l)) && !splitsWord(l, loc[0]) && !splitsWord(l, loc[1]) {
		if s := strings.TrimSpace(l[:loc[0]]); s != "" {
			lines = append(lines, s)
		}
		lines = append(lines, l[loc[0]:loc[1]])
		if s := strings.TrimSpace(l[loc[1]:]); s != "" {
			lines = p.appendGlued(lines, s)
		}
		return lines
	}
	if m := footBanner.FindStringSubmatchIndex(l); m != nil {
		// A printout's banner at the foot of a page run onto the page's
		// last line: "… THEY REALIZE  CONFIDENTIAL". The page break takes
		// it with it.
		return append(lines, l[:m[0]+1], l[m[2]:m[3]])
	}
	if strings.HasPrefix(strings.TrimSpace(l), "PAGE ") {
		// A printout's page header run into the first line of the page:
		// "PAGE 03 HARARE 05461 01 OF 02 271458Z THAT THE MDC IS …".
		if loc := pageOldLead.FindStringIndex(l); loc != nil && strings.TrimSpace(l[loc[1]:]) != "" {
			return append(lines, strings.TrimSpace(l[:loc[1]]), strings.TrimSpace(l[loc[1]:]))
		}
	}
	if (strings.HasPrefix(l, "TO ") || strings.HasPrefix(l, "INFO ") || strings.HasPrefix(l, "FM ") || strings.HasPrefix(l, "XMT")) &&
		strings.ContainsAny(l, "0123456789") && strings.ContainsAny(l, "CSUL") {
		if loc := bannerInside.FindStringIndex(l); loc != nil && loc[0] > 3 {
			// The header keeps the line as written, glued word included.
			p.glued[l[:loc[0]]] = l
			return append(lines, l[:loc[0]], l[loc[0]:])
		}
	}
	return append(lines, l)
}

// splitsWord reports whether cutting s at i would cut a word in two.
func splitsWord(s string, i int) bool {
	return i > 0 && i < len(s) && isWordByte(s[i-1]) && isWordByte(s[i])
}

// findBanner returns the index of the classification line that opens the
// body, or -1. It looks no further than the first paragraph. When a
// transmission header comes after an earlier banner (a printout of a mail
// client's view, with the cable's own header inside), the banner after the
// header is the cable's.
func findBanner(lines []string) int {
	first, lastHeader := -1, -1
	for i, l := range lines {
		if i > 400 {
			break
		}
		switch {
		case banner.MatchString(l):
			if first < 0 {
				first = i
			}
			if lastHeader > first {
				return i
			}
		case fl1.MatchString(l), fl3.MatchString(l), fm.MatchString(l):
			lastHeader = i
		}
		if m := paraStart.FindStringSubmatch(l); m != nil && (m[1] != "" || m[2] == "1") {
			break
		}
	}
	return first
}

// headerEnd returns where a header ends in a cable that has no banner.
func headerEnd(lines []string) int {
	st := inNothing
	end := 0
	for i, l := range lines {
		if !isHeaderLine(l, st) && !partial.MatchString(l) && !levelOnly.MatchString(l) && !pageOld.MatchString(l) {
			break
		}
		switch {
		case fl2.MatchString(l):
			st = inIndicators
		case to.MatchString(l):
			st = inTo
		case info.MatchString(l) && !distLine.MatchString(l):
			st = inInfo
		case fl1.MatchString(l), fl3.MatchString(l), fl4.MatchString(l), fl5.MatchString(l), fm.MatchString(l):
			st = inNothing
		}
		end = i + 1
	}
	return end
}

// takePartial moves the partial-record notice out of the header lines.
func (p *parser) takePartial(lines []string) []string {
	out := make([]string, 0, len(lines))
	for _, l := range lines {
		if partial.MatchString(l) {
			p.c.Partial = true
			p.c.Header.Lines = append(p.c.Header.Lines, l)
			continue
		}
		out = append(out, l)
	}
	return out
}

// finish derives what comes from several places: the id, fallbacks for
// the classification, the references, a Classified By given as text.
func (p *parser) finish() {
	c := p.c
	if c.Classification.Level == model.LevelUnknown && c.Routing != nil {
		if f := strings.Fields(c.Routing.Security); len(f) > 1 {
			c.Classification.Level = glossary.SecurityLevel(f[1])
		}
	}
	if c.Classification.Level == model.LevelUnknown {
		c.Classification.Level = p.recordLevel()
	}
	if c.Classification.Level == model.LevelUnknown && len(c.Preamble) > 3 && c.Record == nil {
		c.Classification.Level = model.ReadLevel(c.Preamble[3])
	}
	if c.Classification.Level == model.LevelUnknown {
		// No banner: a document is classified at least as its most
		// restricted portion.
		for _, b := range c.Body {
			c.Classification.Level = max(c.Classification.Level, model.PortionLevel(b.Marking))
		}
		if c.Classification.Level != model.LevelUnknown {
			c.Notices = append(c.Notices, "no classification banner: the level is the highest of the paragraphs' portion markings")
		}
	}
	if !c.HasDate() {
		p.printoutDate()
	}
	if !c.HasDate() {
		// The archive's record dates the cable when the text does not.
		if t, ok := p.recordDate(); ok {
			c.Date = t
		}
	}
	c.Header.Tags, c.Header.OtherTags = sortTags(c.Header.Tags)
	station, serial := p.station, p.serial
	if station == "" {
		for _, mk := range c.PageMarkers {
			if m := pageModern.FindStringSubmatch(strings.TrimSpace(mk.Text)); m != nil {
				station, serial = m[1], m[2]
				break
			}
		}
	}
	if redacted.MatchString(station) || station == "" && serial != "" {
		// The media partners redacted some stations; the FM line names it.
		station = stationFromPLA(c.Origin)
	}
	if station == "" && c.Routing != nil && c.Routing.Serial != "" {
		// No banner and no page marker: a post's serial is its station
		// serial number from the DE line (four digits, as a post's serials
		// are). STATE's six-digit serials do not fit in it, so not there.
		if s := stationFromPLA(c.Origin); s != "" && stationKey(s) != "STATE" {
			station, serial = s, c.Routing.Serial
		}
	}
	if station != "" {
		n, _ := strconv.Atoi(serial)
		id := stationKey(station) + strconv.Itoa(n)
		switch {
		case c.HasDate():
			id = c.Date.Format("06") + id
		case p.bannerYear != "" && station == p.station:
			id = p.bannerYear + id
		}
		c.ID = id
	}
	for _, t := range p.refText {
		for _, r := range p.readReferences(t) {
			if r.ID != "" && (r.ID == c.ID || r.ID == p.archive) || slices.ContainsFunc(c.Header.References, func(o model.Reference) bool {
				return o == r || r.ID != "" && o.ID == r.ID && o.Label == r.Label
			}) {
				continue // a cable does not cite itself; a copy of the list is no new item
			}
			c.Header.References = append(c.Header.References, r)
		}
	}
	if c.Header.ClassifiedBy == nil {
		for i := 0; i < len(c.Body) && i < 3; i++ {
			t := c.Body[i].Text
			if k := classifiedByAt(t); k >= 0 && k < 40 {
				lines := strings.Split(t[k:], "\n")
				c.Header.ClassifiedBy = readClassifiedBy(clsByTail(lines[0], lines[1:]))
				break
			}
		}
	}
	if n := len(c.Body); n > 0 && truncated.MatchString(c.Body[n-1].Text) && c.Signature == "" {
		c.Partial = true
	}
}

// printoutDate dates a printout whose first page gives only the day and
// time (PAGE 01 HARARE 05461 01 OF 02 271458Z): a later section repeats
// the transmission's header, "O 271459Z SEP 00 FM AMEMBASSY HARARE", and
// its date-time group has the month and year.
func (p *parser) printoutDate() {
	for _, mk := range p.c.PageMarkers {
		if m := printoutDTG.FindStringSubmatch(mk.Text); m != nil {
			if t, ok := dtgTime(m[2], m[3], m[4], m[5], m[6]); ok {
				p.c.Date = t
				p.c.Precedence = model.PrecedenceFromLetter(strings.ToUpper(m[1]))
				return
			}
		}
	}
}

// printoutDTG is a precedence and date-time group followed by the FM line,
// as a printout's repeated header runs them together.
var printoutDTG = regexp.MustCompile(`(?i)\b([ZOPR])\s+(\d{2})(\d{2})(\d{2})Z\s*(JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)\s*(\d{2})\s+(?:[A-Z]{3}\s+)?FM\s`)

// classifiedByAt returns strings.Index(strings.ToUpper(t), "CLASSIFIED BY")
// where that is below 40, and some other answer of 40 or more or -1 where it
// is not. An ASCII head of t upper-cases to the same bytes alone, so the
// rest of a long text is left as it is.
func classifiedByAt(t string) int {
	const head = 40 + len("CLASSIFIED BY")
	if len(t) > head && isASCII(t[:head]) {
		t = t[:head]
	}
	return strings.Index(strings.ToUpper(t), "CLASSIFIED BY")
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

var redacted = guard(`(?i)X{4,}`, hasFold("xxxx"))

// stationFromPLA takes the post's name from a plain-language address
// ("AMCONSUL SHENYANG" gives SHENYANG).
func stationFromPLA(pla string) string {
	f := strings.Fields(pla)
	if len(f) > 1 {
		switch f[0] {
		case "AMEMBASSY", "AMCONSUL", "USMISSION", "AMMBASSY", "AMCONSULATE":
			f = f[1:]
		}
	}
	return strings.Join(f, " ")
}

var truncated = guard(`[A-Za-z]\.\.\.$`, suffix("..."))

// archiveID takes the id an archive publishes the cable as (see ParseAs).
func (p *parser) archiveID(id string) {
	c := p.c
	id = strings.ToUpper(strings.TrimSpace(id))
	if !model.IsCableID(id) || id == c.ID {
		return
	}
	if c.ID != "" && !strings.HasSuffix(id, c.ID) {
		c.Notices = append(c.Notices, fmt.Sprintf("the header is of cable %s, but the archive publishes this record as %s: header and text may come from different cables", c.ID, id))
	}
	c.ID = id
}
