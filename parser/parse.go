package parser

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"cablereader/glossary"
	"cablereader/input"
	"cablereader/model"
)

// parser holds what the passes share for the whole parse: the cable being
// filled, and what more than two passes read. What one pass hands the next
// (the lines as cut, the REF text, the Markdown headings) is passed as a
// value from run instead (see doc.go).
type parser struct {
	c *model.Cable
	// banner is the station and serial the classification line names,
	// read by the banner pass (readBanner) and the front matter; the page,
	// body and finish passes use it.
	banner bannerID
	// caption holds the caption lines cut out of one written line
	// (splitCaption), by their first piece (see headerLine).
	caption map[string]captionCut
	pending []string        // the pieces of a cut caption line still to come
	text    strings.Builder // paragraph texts (textRoom)
	size    int             // the input text's size
	// archive is the id the archive publishes the record under (upper
	// case, "" for none): the year of references that write none when the
	// text has no date.
	archive string
	// laterYear is the year of a date-time group further on in the
	// record, read once (yearRead) when a reference needs it.
	laterYear string
	yearRead  bool
}

// bannerID is what a classification line says of the cable it opens:
// "S E C R E T SECTION 01 OF 02 TOKYO 002531" names station TOKYO and
// serial 002531, and an old telegram's banner may write the year before
// the station ("75" in C O N F I D E N T I A L 75 LIBREVILLE 1895).
type bannerID struct {
	station string // upper case, as written
	serial  string
	year    string
	// efto is set for a banner that writes EFTO between the level and the
	// station with no SECTION between ("UNCLAS E F T O LONDON 002187"):
	// the archive's id takes it in as part of the station
	// (09EFTOLONDON2187).
	efto bool
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
	text, latin1 := input.DecodeText(data)
	defer func() {
		if r := recover(); r != nil {
			c = &model.Cable{Unplaced: splitLines(text), Notices: []string{fmt.Sprintf("internal parser error: %v", r)}}
		}
	}()
	// The lines are held no longer than the parse needs them: on a large
	// input, every copy of the list of lines is a fifth of its size.
	lines := splitLines(text)
	controls := countControls(lines)
	p := &parser{c: &model.Cable{}, size: len(text), archive: strings.ToUpper(strings.TrimSpace(id))}
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

// run is the pipeline: each pass in order, as doc.go lists them.
func (p *parser) run(raw []string) {
	lines, glued, atx := p.cutLines(raw)
	lines = p.takeRecord(lines)
	lines = p.takePreamble(lines)
	head, rest := p.splitAtBanner(lines)
	head = p.removePageMarkers(head)
	head = p.takePartial(head)
	p.parseRouting(head, glued)
	rest = p.removePageMarkers(rest)
	start, refText := p.parseFront(rest, 0, false)
	refText = append(refText, p.readBody(rest[start:], atx)...)
	p.findSpans()
	p.finish(refText)
}

// cutLines is the lines pass: each line cleaned, a Markdown heading undone
// (atx holds the headings written "####"), and lines a dump ran together
// cut apart (appendGlued; glued maps the first part of a cut routing line
// to the line as written).
func (p *parser) cutLines(raw []string) (lines []string, glued map[string]string, atx map[string]bool) {
	lines = make([]string, 0, len(raw))
	glued, atx = map[string]string{}, map[string]bool{}
	for _, l := range raw {
		l = cleanLine(l)
		if m := atxHeading.FindStringSubmatch(l); m != nil && !strings.HasPrefix(strings.TrimSpace(m[1]), "#") {
			atx[strings.TrimSpace(m[1])] = true
			l = m[1]
		}
		lines = p.appendGlued(lines, l, glued)
	}
	lines = splitRunOn(lines)
	return lines, glued, atx
}

// takePreamble moves the five metadata lines some dumps put on top (id,
// subject, date, classification, origin) to the preamble.
func (p *parser) takePreamble(lines []string) []string {
	if len(lines) > 5 && preambleID.MatchString(strings.TrimSpace(lines[0])) && model.ReadLevel(lines[3]) != model.LevelUnknown {
		p.c.Preamble = lines[:5]
		return lines[5:]
	}
	return lines
}

// splitAtBanner is the banner pass: it finds the classification line,
// reads it, and returns the transmission header above it and the cable
// from it on. With no banner, the header ends where its lines do.
func (p *parser) splitAtBanner(lines []string) (head, rest []string) {
	b := findBanner(lines)
	if b < 0 {
		n := headerEnd(lines)
		return lines[:n], lines[n:]
	}
	head, rest = lines[:b], lines[b:]
	p.readBanner(rest[0], banner.FindStringSubmatchIndex(rest[0]))
	return head, rest
}

// appendGlued appends a line to lines, cut where a dump ran two lines
// together: the partial record notice, or a banner glued to the last
// header line ("INFO AMEMBASSY HANOIUNCLAS SECTION 01 OF 03 …").
func (p *parser) appendGlued(lines []string, l string, glued map[string]string) []string {
	if fields, ok := p.takeCableDated(l); ok {
		for _, f := range fields {
			lines = p.appendGlued(lines, f, glued)
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
			return p.appendGlued(append(lines, first), l[cut:], glued)
		}
		if cut := runOnAt(l, len("SUBJECT: ")+1); cut > 0 {
			return p.appendGlued(append(lines, strings.TrimSpace(l[:cut])), strings.TrimSpace(l[cut:]), glued)
		}
	}
	if caveatLead.MatchString(l) { // the guarded test first: most lines fail it at once
		m := caveatLead.FindStringIndex(l)
		// "Sensitive but Unclassified. Please handle accordingly.
		// 1.(SBU)Summary: …": the first paragraph run onto the notice.
		if cut := runOnAt(l, m[1]); cut > 0 {
			return p.appendGlued(append(lines, strings.TrimSpace(l[:cut])), strings.TrimSpace(l[cut:]), glued)
		}
	}
	if k := strings.Index(l, " ----"); k > 0 && strings.TrimSpace(l[:k]) != "" {
		// "… YOUTH RADICALIZATION ------- Summary -------": a ruled
		// heading run onto the line above it.
		if rest := strings.TrimSpace(l[k:]); hasLetter(rest) && isSectionLine(rest) {
			return append(lines, strings.TrimRight(l[:k], " "), rest)
		}
	}
	if strings.HasPrefix(strings.TrimSpace(l), "----") {
		if m := ruleThenPara.FindStringSubmatchIndex(l); m != nil {
			// "-------- 1.  Ambassador visited …": a rule with the first
			// paragraph run onto it.
			return append(lines, strings.TrimSpace(l[:m[2]]), l[m[2]:])
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
			lines = p.appendGlued(lines, s, glued)
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
			glued[l[:loc[0]]] = l
			return append(lines, l[:loc[0]], l[loc[0]:])
		}
	}
	return append(lines, l)
}

// runOnAt returns where the text proper starts inside a caption line that
// a page ran it onto, at or after from, or -1: a first paragraph
// ("… IN EGYPT Sensitive but Unclassified. Please handle accordingly.
// 1.(SBU)Summary: …", "¶1. "), or a rule or a ruled heading ("… REMAINS
// FIRM -------", "… in Mendoza Summary --------").
func runOnAt(l string, from int) int {
	if from >= len(l) {
		return -1
	}
	m := runOn.FindStringSubmatchIndex(l[from:])
	if m == nil {
		return -1
	}
	cut := from + m[0] + 1
	if m[4] >= 0 {
		// A rule: the section word before it heads what follows.
		before := strings.Fields(l[from:cut])
		for k := 1; k <= 2 && k < len(before); k++ {
			if isSectionLine(strings.Join(before[len(before)-k:], " ")) {
				cut = strings.LastIndex(l[:cut], before[len(before)-k])
			}
		}
	}
	return cut
}

// ruleThenPara is a rule with a numbered paragraph run onto it.
var ruleThenPara = regexp.MustCompile(`^\s*-{4,}\s*((?:¶\s*)?\d{1,2}\.\s)`)

// runOn is what runOnAt looks for, each after a space: a first paragraph
// with its marking (or its pilcrow), a rule.
var runOn = regexp.MustCompile(`\s(?:((?:¶\s*)?1\.\s?\((?:SBU|U|C|S|LOU)\)|¶\s*1\.\s)|(-{4,}))`)

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

// finish is the last pass: what comes from several passes at once, one
// derivation each, in this order (the id needs the date; the references
// need the id and the date for their year).
func (p *parser) finish(refText []string) {
	c := p.c
	p.settleLevel()
	p.settleDate()
	c.Header.Tags, c.Header.OtherTags = sortTags(c.Header.Tags)
	if station, serial := p.stationSerial(); station != "" {
		c.ID = p.idOf(station, serial)
	}
	p.addReferences(refText)
	p.classifiedByInText()
	p.markCutOff()
}

// settleLevel derives the classification level of a cable with no banner:
// from the routing's security line, the archive's record, a dump's
// preamble, and last the highest portion marking (with a notice).
func (p *parser) settleLevel() {
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
}

// settleDate derives the date of a cable whose routing gave none: from a
// printout's repeated header, else from the archive's record.
func (p *parser) settleDate() {
	if !p.c.HasDate() {
		p.printoutDate()
	}
	if !p.c.HasDate() {
		if t, ok := p.recordDate(); ok {
			p.c.Date = t
		}
	}
}

// stationSerial derives the station and serial the id is made of: the
// banner's, else a page marker's, else the FM line's post with the DE
// line's serial; a redacted station is read off the FM line.
func (p *parser) stationSerial() (station, serial string) {
	c := p.c
	station, serial = p.banner.station, p.banner.serial
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
	return station, serial
}

// idOf derives the cable id from its station and serial, with the year of
// its date, else the year its banner writes.
func (p *parser) idOf(station, serial string) string {
	n, _ := strconv.Atoi(serial)
	id := stationKey(station) + strconv.Itoa(n)
	if p.banner.efto && station == p.banner.station {
		id = "EFTO" + id
	}
	switch {
	case p.c.HasDate():
		id = p.c.Date.Format("06") + id
	case p.banner.year != "" && station == p.banner.station:
		id = p.banner.year + id
	}
	return id
}

// addReferences derives the references from the REF text the front matter
// gathered (refs.go), leaving out the cable itself and repeats.
func (p *parser) addReferences(refText []string) {
	c := p.c
	for _, t := range refText {
		for _, r := range p.readReferences(t) {
			if r.ID != "" && (r.ID == c.ID || r.ID == p.archive) || slices.ContainsFunc(c.Header.References, func(o model.Reference) bool {
				return o == r || r.ID != "" && o.ID == r.ID && o.Label == r.Label
			}) {
				continue // a cable does not cite itself; a copy of the list is no new item
			}
			c.Header.References = append(c.Header.References, r)
		}
	}
}

// classifiedByInText derives Classified By from the first paragraphs when
// the caption block had none ("1. (U) Classified by …").
func (p *parser) classifiedByInText() {
	c := p.c
	if c.Header.ClassifiedBy != nil {
		return
	}
	for i := 0; i < len(c.Body) && i < 3; i++ {
		t := c.Body[i].Text
		if k := classifiedByAt(t); k >= 0 && k < 40 {
			lines := strings.Split(t[k:], "\n")
			c.Header.ClassifiedBy = readClassifiedBy(clsByTail(lines[0], lines[1:]))
			return
		}
	}
}

// markCutOff derives Partial for a record whose text stops mid-sentence
// ("…") with no signature.
func (p *parser) markCutOff() {
	c := p.c
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
