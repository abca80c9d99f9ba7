package parser

import (
	"bytes"
	"regexp"
	"strings"

	"cablereader/model"
)

// The patterns below are the grammar of a cable, element by element. They
// are written for RE2 (no look-arounds); where a shape needs context the
// code checks it. Alternatives that all start at the start of the text are
// anchored together, ^(?:a|b): Go's regexp reads ^a|^b as unanchored and
// tries it at every byte.

// eoNumbers are the executive orders a cable is classified under.
var eoNumbers = []string{"12958", "13526", "12356", "12065", "11652"}

const levelWords = `C\s?O\s?N\s?F\s?I\s?D\s?E\s?N\s?T\s?I\s?A\s?L|(?:S\s?)?S?\s?E\s?C\s?R\s?E\s?T|T\s?O\s?P\s+S\s?E\s?C\s?R\s?E\s?T|U?UNCLAS(?:SIFIED)?(?:\s+E\s?F\s?T\s?O)?|L\s?I\s?M\s?I\s?T\s?E\s?D\s+O\s?F\s?F\s?I\s?C\s?I\s?A\s?L\s+U\s?S\s?E`

// bannerTail is what follows the level: qualifiers, SECTION n OF m, the
// station and its serial; a 1970s telegram writes the year before the
// station (C O N F I D E N T I A L 75 LIBREVILLE 1895).
const bannerTail = `(?:\s*//\s*([A-Z][A-Z /]*?))?((?:\s+(?:NOFORN|SIPDIS|EXDIS|NODIS|LIMDIS|SENSITIVE|STADIS))*)(?:\s+S\s?E\s?C\s?T\s?I\s?O\s?N\s+(\d{1,2})\s+OF\s+(\d{1,2}))?(?:\s+\d{2})?\s+([A-Z][A-Z .'-]*?)\s+(\d{3,7})\b`

var (
	// banner is the classification line at the head of the body:
	// "C O N F I D E N T I A L SECTION 01 OF 02 TOKYO 002531".
	banner = guard(`(?i)^\s*(`+levelWords+`)`+bannerTail, leadsLevel, hasDigit)
	// bannerInside finds a banner glued to the end of a header line
	// ("INFO AMEMBASSY HANOIUNCLAS SECTION 01 OF 03 …"); upper case only.
	bannerInside = guard(`(`+levelWords+`)`+bannerTail, hasSpaced("CONFIDENTIAL", "ECRET", "UNCLAS", "LIMITED"))

	// levelOnly is a classification word alone on a line, as printouts
	// repeat it around page breaks.
	// A printout stamps its page number after it ("CONFIDENTIAL     PTQ2529").
	levelOnly = guard(`^\s*(UNCLASSIFIED|UNCLAS|CONFIDENTIAL|SECRET|TOP SECRET|LIMITED OFFICIAL USE|C O N F I D E N T I A L|S E C R E T)(?:\s+PTQ\d{4})?\s*$`, leadByte("UCSTL"))

	// Transmission header format lines (ACP-127).
	fl1     = guard(`^\s*VZCZC([A-Z]{2,4})(\d{1,6})\s*$`, leads("VZCZC"))
	fl2     = guard(`^\s*(ZZ|OO|PP|RR)((?:\s+[RQ][A-Z]{3,6})+)\s*$`, leads("ZZ", "OO", "PP", "RR"))
	fl2More = guard(`^\s*(?:[RQ][A-Z]{3,6}\s*)+$`, leadByte("RQ"))
	fl3     = guard(`^\s*DE\s+([RQ][A-Z]{3,6})\s+#(\d{1,5})(?:/(\d{2,3}))?\s+(\d{7})\s*$`, leads("DE"))
	// fl4 is the security line: ZNR or ZNY, the security group, the
	// handling codes ("ZNY SSSSS ZZH ZDK"), and what a relay may have run
	// onto it ("ZNY SSSSS ZZH ZUI RUEHSD 0065W 1252226", "… (CCY …)"),
	// which group 1 leaves out.
	fl4      = guard(`^\s*(ZN[RY]\s+(?:UUUUU|EEEEE|CCCCC|SSSSS|TTTTT)(?:/(?:AAAAA|BBBBB))?(?:\s+Z[A-Z]{2})*)(?:\s+\S.*)?$`, leads("ZN"))
	fl5      = guard(`(?i)^\s*(?:([ZOPR])(?:\s+([ZOPR]))?\s+)?(\d{2})(\d{2})(\d{2})Z\s*(JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)\s*(\d{2})(?:\s+\S.*)?$`, leadByte("0123456789ZOPRzopr"), hasFold("z"))
	fm       = guard(`^\s*FM\s+(.+?)\s*$`, leads("FM"))
	to       = guard(`^\s*TO\s+(.+?)\s*$`, leads("TO"))
	info     = guard(`^\s*INFO\s+(.+?)\s*$`, leads("INFO"))
	xmt      = guard(`^\s*XMT[/ ]\s*(.+?)\s*$`, leads("XMT"))
	distLine = guard(`^(?:\s*(?:ACTION|INFO)\s+(?:[A-Z]{1,6}-\d{2}\b|LOG-)|\s+(?:[A-Z]{1,6}-\d{2}\s+)+|\s*(?:[A-Z]{1,6}-\d{2}\s+)*/\d{3}\s*[A-Z]?\s*$|\s*-{6,}\s*[0-9A-F]{4,}\s)`, anyOf(has("-"), hasSlashDigit))
	// pageInTo is a print-page header spliced into a TO line.
	pageInTo  = guard(`PAGE\s+\d{2}\s+[A-Z][A-Z ]*?\s+\d{5,7}\s+(?:\d{2}\s+OF\s+\d{2}\s+)?\d{6}Z`, has("PAGE"))
	addressee = regexp.MustCompile(`^\s*(?:([RQ][A-Z]{3,6})\s*/\s*)?(.+?)(?:\s+(FLASH|NIACT\s+IMMEDIATE|IMMEDIATE|PRIORITY|PRIOITY|ROUTINE))?(?:\s+(\d{4}))?\s*$`)
	// recordFooter is what some published records add under a printout:
	// "2004VATICA03213 - Classification: CONFIDENTIAL", a lone ">", PlusD's
	// "*** Current Handling Restrictions *** n/a".
	recordFooter = regexp.MustCompile(`^(?:\d{4}[A-Z]{2,}\d{3,6}\s+-\s+Classification:.*|>|\*{3}\s*Current (?:Handling Restrictions|Classification)\s*\*{3}.*)$`)
	// declassStamp is the stamp of a systematic review on an old cable:
	// "Declassified/Released US Department of State EO Systematic Review
	// 30 JUN 2005".
	declassStamp = regexp.MustCompile(`(?i)^declassified/released\b`)
	// groupMark is an old cable's downgrading group, the line above the
	// signer: "GP-3".
	groupMark = regexp.MustCompile(`^GP-?\s?[1-4]\.?$`)
	// terminal is a teletype's end of message, or a word of its noise
	// that runs into the next message's start ("NMAFVVZCZ").
	terminal = regexp.MustCompile(`^\s*(?:BT|(?i:NNN+)|#\d{3,5}|\.\.\.|[A-Z]*VZCZC?)\s*$`)

	// Page markers: modern ("TOKYO 00002531 002.2 OF 002") and printout
	// ("PAGE 02 ROME 01196 01 OF 02 082030Z").
	pageModern = guard(`^\s*([A-Za-z][A-Za-z .'-]*?)\s+(\d{8})\s+(\d{3})(?:\.\d)?\s+(?i:OF)\s+(\d{3})\s*$`, hasFold("of"), hasDigits(8))
	// A printout's distribution block: "ACTION AF-00", then office codes
	// with their counts, a "/006W" total and a rule with the time sent.
	distAction = regexp.MustCompile(`^ACTION\s+[A-Z][A-Z0-9/]*-\d\d(\s+[A-Z][A-Z0-9/]*-\d\d)*$`)
	distCodes  = regexp.MustCompile(`^(INFO\s+)?([A-Z][A-Z0-9/]*-\d\d\s*)*(/\d{3}W)?$`)
	distRule   = regexp.MustCompile(`^-{5,}[0-9A-F]*\s+\d{6}Z\s*/\d+$`)
	// pageOldLead is a printout's page header at the start of a line that
	// goes on with the page's text.
	refThenPara = regexp.MustCompile(`^REF\S*:?\s.*?\d\s+(1\.\s+(?:\([A-Z/ ]{1,12}\)\s+)?[A-Z][a-z])`)
	footBanner  = guard(`\S {2,}(CONFIDENTIAL|SECRET|UNCLASSIFIED|LIMITED OFFICIAL USE) *$`, model.EndsLevel)
	pageOldLead = regexp.MustCompile(`^\s*PAGE\s+\d{2,3}\s+[A-Z][A-Z .]*?\s+\d{3,7}\s+(?:\d{2}\s+OF\s+\d{2}\s+)?\d{6}Z\s`)
	pageRelay   = regexp.MustCompile(`^PAGE\s+(\d{2,3})\s+R[A-Z]{3,6}\d{3,5}\s+([A-Z].*)$`)
	pageOld     = guard(`^\s*PAGE\s+(\d{2,3})\s+([A-Z][A-Z .]*?)\s+(\d{3,7})\s+(?:(\d{2})\s+OF\s+(\d{2})\s+)?(\d{6})Z?\s*$`, leads("PAGE"))
	// pageInline is a modern marker inside running text.
	pageInline = regexp.MustCompile(`\b[A-Z]{3,}(?: [A-Z]+)* \d{8} \d{3}(?:\.\d)? OF \d{3}\b`)

	// Front matter.
	eoLine       = guard(`(?i)\bE\.?\s?O\.?\s*(`+strings.Join(eoNumbers, "|")+`)\b\s*:?\s*(.*)$`, has(eoNumbers...))
	declDate     = regexp.MustCompile(`(?i)^(?:DECL\s*:?\s*)?(?:ON\s+)?(\d{1,2})/(\d{1,2})/(\d{2,4})\b`)
	tagsLine     = guard(`^\s*(?:(?i:tags?|tages?|tgs|tas|tabs)\s*:|TAGS?\b|TAGES\b|TGS\b)\s*(.*)$`, leadByte("Tt"))
	subjLine     = guard(`(?i)^\s*S?UBJ(?:ECT)?\s*:\s*(.*)$`, has(":"))
	refLine      = guard(`(?i)^\s*(?:PROGRAM\s+)?REF(?:S|TELS?)?(?:\s*\(S\))?\s*:\s*(.*)$`, has(":"))
	refItem      = regexp.MustCompile(`^\s*¶?\s*\(?[A-H][.)]\s+(?:(?:19|20)?\d{2}\s+)?[A-Z][A-Z .]*[A-Z]\s+\d{1,6}\s*$`)
	refFirstItem = guard(`^\s*¶?\(?A[.)]\)?\s+REF\s+[A-Z]`, has("REF"))
	refBare      = guard(`^\s*REF(?:S|TELS?)?\.?\s+((?:\(?[A-Z][.):]|[A-Z][A-Z ]+\d).*)$`, leads("REF"))
	// refLabelled is a REF line led by its item's label: "REF B: STATE 12".
	refLabelled    = guard(`^\s*REF(?:S|TELS?)?\s+\(?[A-Z][.):]`, leads("REF"))
	clsBy          = guard(`(?i)^\s*(?:\d{1,2}\.\s*)?(?:\([A-Z/ ]{1,12}\)\s*)?CLASSIFIED\s+BY\s*:?\s*(.*)$`, leadByte("0123456789Cc("), hasFold("by"))
	reasons        = regexp.MustCompile(`(?i)(1\.[45])\s*\(?\s*([a-h](?:\s*(?:[,/&]|and|\)|\()*\s*[a-h]\b)*)`)
	passingAnyCase = regexp.MustCompile(`(?i)^\s*(?:(?:[A-Z][A-Z0-9/&().,'-]*\s+){0,4}(?:ALSO\s+)?FOR\s+\S|PASS(?:\s+TO)?\s+\S|FOR\s+\S)`)
	passing        = guard(`^\s*(?:(?:[A-Z][A-Z0-9/&().,'-]*\s+){0,4}(?:ALSO\s+)?FOR\s+\S|PASS(?:\s+TO)?\s+\S|FOR\s+\S)`, has("FOR", "PASS"))
	// caveat is a line of caveat words (model.Caveats) alone, which
	// caveatWord finds.
	caveat     = guard(`(?i)^\s*(?:(?:`+caveatWords(`\s+`)+`)(?:[\s,/]+|$))+$`, anyOf(leadByte(caveatLeads()), leads("ſ")), lettersAnd(" \t\n\f\r,/"))
	caveatWord = regexp.MustCompile(`(?i)` + caveatWords(" "))
	// levelCaveat is a line of the level and caveat words under the
	// banner: "SECRET NOFORN", "CONFIDENTIAL//NOFORN".
	levelCaveat = regexp.MustCompile(`(?i)^\s*(?:` + levelWords + `)(?:\s*//\s*|[\s,]+)(?:(?:` + caveatWords(`\s+`) + `)(?:[\s,/]+|$))+$`)
	// caveatLead is a distribution notice with words after it, in any
	// case ("Sensitive but Unclassified. Please handle accordingly.").
	caveatLead = guard(`(?i)^\s*(SENSITIVE BUT UNCLASSIFIED|FOR OFFICIAL USE ONLY)\b\s*[-–—:,;.]`, anyOf(leadByte("SsFf"), leads("ſ")))
	// anchors split a line that carries several front-matter elements
	// ("DEPT FOR WHA/BSC E.O. 12958: DECL: 11/22/2012").
	anchors = guard(anchorSource,
		anyOf(has(":", "SIPDIS"), has(eoNumbers...), hasFold("by")))
	partial = guard(`This record is a partial extract of the original cable\.\s*The full text of the original cable is not available\.?`, minLen(len("This record is a partial extract of the original cable.The full text of the original cable is not available")), has("This record is a partial extract"))

	// Body.
	paraStart = guard(`^\s*(¶\s*)?(\d{1,5})\s?\.\.?(\s|\(|$|[A-Z])`, anyOf(leadByte("0123456789"), leads("¶")))
	marking   = guard(`^(?:\s*\(\s*((?:TS|S|C|U|SBU|LOU|FOUO)(?:\s*/{1,2}\s*[A-Z][A-Za-z ,/]{0,30}?)?)\s*\)|\s*(TS|S|C|U|SBU|LOU)\))`, leadByte("(TSCUL"), has(")"))
	ruleLine  = regexp.MustCompile(`^\s*(?:-{3,}|={3,}|_{3,}|/{3,}|\*{3,}|#{3,}|\.{4,})(?:\s+(?:-{3,}|={3,}|_{3,}))*\s*$`)
	ruleTail  = regexp.MustCompile(`\s+-{6,}\s*$`)
	bullet    = regexp.MustCompile(`^\s*(?:\(?[A-Za-z]\)|[A-Za-z]\.\s|¶[A-Z]\.|\(?\d{1,2}\)|-{1,2}\s|--|\*\s|o\s)`)
	signature = regexp.MustCompile(`[.)"'\-?/!]\s+([A-Z][A-Z'\-]+(?:\s+[A-Z][A-Z'\-]+)?)\.?$`)
	sigMixed  = regexp.MustCompile(`^\s*([A-Z][A-Za-z'\-]{1,20}(?:\s+[A-Z][A-Za-z'\-]{1,20})?)\s*$`)
	sigAlone  = regexp.MustCompile(`^\s*([A-Z][A-Z'\-]+(?:\s+[A-Z][A-Z'\-]+)?)\.?\s*$`)
)

// guarded is a pattern with quick tests in front of it: the pattern runs
// only on text that passes them all. Each test must hold for every text
// the pattern matches, and be plain from the pattern: the words or letters
// a match must start with or contain. TestGuards checks them on the test
// cables.
type guarded struct {
	*regexp.Regexp
	tests []func(string) bool
}

// guardedPatterns lists every guarded pattern, for TestGuards.
var guardedPatterns []guarded

func guard(pattern string, tests ...func(string) bool) guarded {
	g := guarded{regexp.MustCompile(pattern), tests}
	guardedPatterns = append(guardedPatterns, g)
	return g
}

func (g guarded) passes(s string) bool {
	for _, test := range g.tests {
		if !test(s) {
			return false
		}
	}
	return true
}

func (g guarded) MatchString(s string) bool {
	return g.passes(s) && g.Regexp.MatchString(s)
}

// Submatch reports whether the pattern matches s and keeps the submatches
// in *m: a switch case that reads them runs the pattern once.
func (g guarded) Submatch(s string, m *[]string) bool {
	*m = g.FindStringSubmatch(s)
	return *m != nil
}

func (g guarded) FindStringSubmatch(s string) []string {
	if !g.passes(s) {
		return nil
	}
	return g.Regexp.FindStringSubmatch(s)
}

func (g guarded) FindStringSubmatchIndex(s string) []int {
	if !g.passes(s) {
		return nil
	}
	return g.Regexp.FindStringSubmatchIndex(s)
}

func (g guarded) FindStringIndex(s string) []int {
	if !g.passes(s) {
		return nil
	}
	return g.Regexp.FindStringIndex(s)
}

func (g guarded) ReplaceAllString(src, repl string) string {
	if !g.passes(src) {
		return src
	}
	return g.Regexp.ReplaceAllString(src, repl)
}

func (g guarded) FindAllStringIndex(s string, n int) [][]int {
	if !g.passes(s) {
		return nil
	}
	return g.Regexp.FindAllStringIndex(s, n)
}

// lead is s after the white space (\s: tab, newline, form feed, carriage
// return, space) that a pattern's leading \s* takes.
func lead(s string) string {
	i := 0
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\f' || s[i] == '\r') {
		i++
	}
	return s[i:]
}

// leads is the test for a pattern that starts, after white space, with
// one of the words.
func leads(words ...string) func(string) bool {
	return func(s string) bool {
		l := lead(s)
		for _, w := range words {
			if strings.HasPrefix(l, w) {
				return true
			}
		}
		return false
	}
}

// leadByte is the test for a pattern that starts, after white space, with
// one of the bytes.
func leadByte(bytes string) func(string) bool {
	return func(s string) bool {
		l := lead(s)
		return l != "" && strings.IndexByte(bytes, l[0]) >= 0
	}
}

// leadsLevel is the test for a banner: after white space, the first two
// letters of a level word (levelWords), in any case and perhaps spaced
// apart: CO, SS, SE, EC, TO, UU, UN or LI.
func leadsLevel(s string) bool {
	a, rest := foldedLetter(lead(s))
	b, _ := foldedLetter(lead(rest))
	switch string([]byte{a, b}) {
	case "co", "ss", "se", "ec", "to", "uu", "un", "li":
		return true
	}
	return false
}

// foldedLetter returns the first byte of s folded to lower case if it is
// an ASCII letter (ſ, which (?i) folds to s, gives s), and the rest of s.
func foldedLetter(s string) (byte, string) {
	if strings.HasPrefix(s, "ſ") {
		return 's', s[len("ſ"):]
	}
	if s == "" {
		return 0, s
	}
	return s[0] | 0x20, s[1:] // a byte other than a letter folds to no letter
}

// has is the test for a pattern whose every match holds one of the words.
// caveatWords is the alternation of the caveat words (model.Caveats), in
// their order, the spaces inside a word written as space.
func caveatWords(space string) string {
	ws := make([]string, len(model.Caveats))
	for i, c := range model.Caveats {
		ws[i] = strings.ReplaceAll(regexp.QuoteMeta(c.Word), " ", space)
	}
	return strings.Join(ws, "|")
}

// caveatLeads are the letters a caveat word starts with, in both cases.
func caveatLeads() string {
	var b []byte
	for _, c := range model.Caveats {
		if l := c.Word[0]; !bytes.ContainsRune(b, rune(l)) {
			b = append(b, l, l|0x20)
		}
	}
	return string(b)
}

func has(words ...string) func(string) bool {
	return func(s string) bool {
		for _, w := range words {
			if strings.Contains(s, w) {
				return true
			}
		}
		return false
	}
}

// hasFold is the test for a pattern whose every match holds word, a few
// lower-case ASCII letters, in any case. (?i) folds none of its letters to
// a letter outside ASCII (as it folds k to the Kelvin sign and s to ſ), so
// comparing bytes is enough.
func hasFold(word string) func(string) bool {
	return func(s string) bool {
		for i := 0; i+len(word) <= len(s); i++ {
			j := 0
			for j < len(word) && s[i+j]|0x20 == word[j] {
				j++
			}
			if j == len(word) {
				return true
			}
		}
		return false
	}
}

// hasDigit is the test for a pattern whose every match holds a digit.
func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			return true
		}
	}
	return false
}

// lettersAnd is the test for a pattern that matches only letters and the
// bytes in extra. A byte outside ASCII passes: (?i) folds s to ſ.
func lettersAnd(extra string) func(string) bool {
	return func(s string) bool {
		for i := 0; i < len(s); i++ {
			c := s[i]
			if !(c|0x20 >= 'a' && c|0x20 <= 'z' || c >= 0x80 || strings.IndexByte(extra, c) >= 0) {
				return false
			}
		}
		return true
	}
}

// hasDigits is the test for a pattern whose every match holds a run of n
// digits.
func hasDigits(n int) func(string) bool {
	return func(s string) bool { return hasDigitRun(s, n) }
}

// hasSpaced is the test for a pattern whose every match holds one of the
// words, its letters perhaps spread out with white space ("S E C R E T").
func hasSpaced(words ...string) func(string) bool {
	return func(s string) bool {
		for _, w := range words {
			for i := range len(s) {
				if spacedAt(s, i, w) {
					return true
				}
			}
		}
		return false
	}
}

// spacedAt reports whether word starts at s[i], its letters perhaps
// spread out with white space.
func spacedAt(s string, i int, word string) bool {
	for k := 0; k < len(word); i++ {
		switch {
		case i == len(s):
			return false
		case s[i] == word[k]:
			k++
		case k > 0 && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\f' || s[i] == '\r'):
		default:
			return false
		}
	}
	return true
}

// hasSlashDigit is the test for a pattern whose every match holds a slash
// and a digit after it.
func hasSlashDigit(s string) bool {
	for {
		i := strings.IndexByte(s, '/')
		if i < 0 || i+1 == len(s) {
			return false
		}
		if isDigit(s[i+1]) {
			return true
		}
		s = s[i+1:]
	}
}

// minLen is the test for a pattern whose every match is at least n bytes
// long.
func minLen(n int) func(string) bool {
	return func(s string) bool { return len(s) >= n }
}

// anyOf passes what one of the tests passes.
func anyOf(tests ...func(string) bool) func(string) bool {
	return func(s string) bool {
		for _, test := range tests {
			if test(s) {
				return true
			}
		}
		return false
	}
}

// suffix is the test for a pattern that matches only at the end of the
// text, after the word.
func suffix(word string) func(string) bool {
	return func(s string) bool { return strings.HasSuffix(s, word) }
}
