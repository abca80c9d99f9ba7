package parser

import "regexp"

// The patterns below are the grammar of a cable, element by element. They
// are written for RE2 (no look-arounds); where a shape needs context the
// code checks it.

const levelWords = `C\s?O\s?N\s?F\s?I\s?D\s?E\s?N\s?T\s?I\s?A\s?L|(?:S\s?)?S?\s?E\s?C\s?R\s?E\s?T|T\s?O\s?P\s+S\s?E\s?C\s?R\s?E\s?T|U?UNCLAS(?:SIFIED)?(?:\s+E\s?F\s?T\s?O)?|L\s?I\s?M\s?I\s?T\s?E\s?D\s+O\s?F\s?F\s?I\s?C\s?I\s?A\s?L\s+U\s?S\s?E`

// bannerTail is what follows the level: qualifiers, SECTION n OF m, the
// station and its serial.
const bannerTail = `(?:\s*//\s*([A-Z][A-Z /]*?))?((?:\s+(?:NOFORN|SIPDIS|EXDIS|NODIS|LIMDIS|SENSITIVE|STADIS))*)(?:\s+S\s?E\s?C\s?T\s?I\s?O\s?N\s+(\d{1,2})\s+OF\s+(\d{1,2}))?\s+([A-Z][A-Z .'-]*?)\s+(\d{3,7})\b`

var (
	// banner is the classification line at the head of the body:
	// "C O N F I D E N T I A L SECTION 01 OF 02 TOKYO 002531".
	banner = regexp.MustCompile(`(?i)^\s*(` + levelWords + `)` + bannerTail)
	// bannerInside finds a banner glued to the end of a header line
	// ("INFO AMEMBASSY HANOIUNCLAS SECTION 01 OF 03 …"); upper case only.
	bannerInside = regexp.MustCompile(`(` + levelWords + `)` + bannerTail)

	// levelOnly is a classification word alone on a line, as printouts
	// repeat it around page breaks.
	// levelOnly is a classification line alone; a printout stamps its
	// page number after it ("CONFIDENTIAL     PTQ2529").
	levelOnly = regexp.MustCompile(`^\s*(UNCLASSIFIED|UNCLAS|CONFIDENTIAL|SECRET|TOP SECRET|LIMITED OFFICIAL USE|C O N F I D E N T I A L|S E C R E T)(?:\s+PTQ\d{4})?\s*$`)

	// Transmission header format lines (ACP-127).
	fl1      = regexp.MustCompile(`^\s*VZCZC([A-Z]{2,4})(\d{1,6})\s*$`)
	fl2      = regexp.MustCompile(`^\s*(ZZ|OO|PP|RR)((?:\s+[RQ][A-Z]{3,6})+)\s*$`)
	fl2More  = regexp.MustCompile(`^\s*(?:[RQ][A-Z]{3,6}\s*)+$`)
	fl3      = regexp.MustCompile(`^\s*DE\s+([RQ][A-Z]{3,6})\s+#(\d{1,5})(?:/(\d{2,3}))?\s+(\d{7})\s*$`)
	fl4      = regexp.MustCompile(`^\s*(ZN[RY])\s+(UUUUU|EEEEE|CCCCC|SSSSS|TTTTT)(?:/(AAAAA|BBBBB))?(?:\s+(Z[A-Z]{2}))?\s*$`)
	fl5      = regexp.MustCompile(`(?i)^\s*(?:([ZOPR])(?:\s+([ZOPR]))?\s+)?(\d{2})(\d{2})(\d{2})Z\s*(JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)\s*(\d{2})(?:\s+\S.*)?$`)
	fm       = regexp.MustCompile(`^\s*FM\s+(.+?)\s*$`)
	to       = regexp.MustCompile(`^\s*TO\s+(.+?)\s*$`)
	info     = regexp.MustCompile(`^\s*INFO\s+(.+?)\s*$`)
	xmt      = regexp.MustCompile(`^\s*XMT[/ ]\s*(.+?)\s*$`)
	distLine = regexp.MustCompile(`^\s*(?:ACTION|INFO)\s+(?:[A-Z]{1,6}-\d{2}\b|LOG-)|^\s+(?:[A-Z]{1,6}-\d{2}\s+)+|^\s*(?:[A-Z]{1,6}-\d{2}\s+)*/\d{3}\s*[A-Z]?\s*$|^\s*-{6,}\s*[0-9A-F]{4,}\s`)
	// pageInTo is a print-page header spliced into a TO line.
	pageInTo  = regexp.MustCompile(`PAGE\s+\d{2}\s+[A-Z][A-Z ]*?\s+\d{5,7}\s+(?:\d{2}\s+OF\s+\d{2}\s+)?\d{6}Z`)
	addressee = regexp.MustCompile(`^\s*(?:([RQ][A-Z]{3,6})\s*/\s*)?(.+?)(?:\s+(FLASH|NIACT\s+IMMEDIATE|IMMEDIATE|PRIORITY|PRIOITY|ROUTINE))?(?:\s+(\d{4}))?\s*$`)
	// declassStamp is the stamp of a systematic review on an old cable:
	// "Declassified/Released US Department of State EO Systematic Review
	// 30 JUN 2005".
	declassStamp = regexp.MustCompile(`(?i)^declassified/released\b`)
	// groupMark is an old cable's downgrading group, the line above the
	// signer: "GP-3".
	groupMark = regexp.MustCompile(`^GP-?\s?[1-4]\.?$`)
	terminal  = regexp.MustCompile(`^\s*(?:BT|(?i:NNN+)|#\d{3,5}|\.\.\.)\s*$`)

	// Page markers: modern ("TOKYO 00002531 002.2 OF 002") and printout
	// ("PAGE 02 ROME 01196 01 OF 02 082030Z").
	pageModern = regexp.MustCompile(`^\s*([A-Za-z][A-Za-z .'-]*?)\s+(\d{8})\s+(\d{3})(?:\.\d)?\s+(?i:OF)\s+(\d{3})\s*$`)
	// A printout's distribution block: "ACTION AF-00", then office codes
	// with their counts, a "/006W" total and a rule with the time sent.
	distAction = regexp.MustCompile(`^ACTION\s+[A-Z][A-Z0-9/]*-\d\d(\s+[A-Z][A-Z0-9/]*-\d\d)*$`)
	distCodes  = regexp.MustCompile(`^(INFO\s+)?([A-Z][A-Z0-9/]*-\d\d\s*)*(/\d{3}W)?$`)
	distRule   = regexp.MustCompile(`^-{5,}[0-9A-F]*\s+\d{6}Z\s*/\d+$`)
	// pageOldLead is a printout's page header at the start of a line that
	// goes on with the page's text.
	footBanner  = regexp.MustCompile(`\S {2,}(CONFIDENTIAL|SECRET|UNCLASSIFIED|LIMITED OFFICIAL USE) *$`)
	pageOldLead = regexp.MustCompile(`^\s*PAGE\s+\d{2,3}\s+[A-Z][A-Z .]*?\s+\d{3,7}\s+(?:\d{2}\s+OF\s+\d{2}\s+)?\d{6}Z\s`)
	pageRelay   = regexp.MustCompile(`^PAGE\s+(\d{2,3})\s+R[A-Z]{3,6}\d{3,5}\s+([A-Z].*)$`)
	pageOld     = regexp.MustCompile(`^\s*PAGE\s+(\d{2,3})\s+([A-Z][A-Z .]*?)\s+(\d{3,7})\s+(?:(\d{2})\s+OF\s+(\d{2})\s+)?(\d{6})Z?\s*$`)
	// pageInline is a modern marker inside running text.
	pageInline = regexp.MustCompile(`\b[A-Z]{3,}(?: [A-Z]+)* \d{8} \d{3}(?:\.\d)? OF \d{3}\b`)

	// Front matter.
	eoLine         = regexp.MustCompile(`(?i)\bE\.?\s?O\.?\s*(12958|13526|12356|12065|11652)\b\s*:?\s*(.*)$`)
	declDate       = regexp.MustCompile(`(?i)^(?:DECL\s*:?\s*)?(?:ON\s+)?(\d{1,2})/(\d{1,2})/(\d{2,4})\b`)
	tagsLine       = regexp.MustCompile(`^\s*(?:(?i:tags?|tages?|tgs|tas|tabs)\s*:|TAGS?\b|TAGES\b|TGS\b)\s*(.*)$`)
	subjLine       = regexp.MustCompile(`(?i)^\s*S?UBJ(?:ECT)?\s*:\s*(.*)$`)
	refLine        = regexp.MustCompile(`(?i)^\s*(?:PROGRAM\s+)?REF(?:S|TELS?)?(?:\s*\(S\))?\s*:\s*(.*)$`)
	refItem        = regexp.MustCompile(`^\s*¶?\s*\(?[A-H][.)]\s+(?:(?:19|20)?\d{2}\s+)?[A-Z][A-Z .]*[A-Z]\s+\d{1,6}\s*$`)
	refBare        = regexp.MustCompile(`^\s*REF(?:S|TELS?)?\s+((?:\(?[A-Z][.)]|[A-Z][A-Z ]+\d).*)$`)
	clsBy          = regexp.MustCompile(`(?i)^\s*(?:\d{1,2}\.\s*(?:\([A-Z/ ]{1,12}\)\s*)?)?CLASSIFIED\s+BY\s*:?\s*(.*)$`)
	reasons        = regexp.MustCompile(`(?i)(1\.[45])\s*\(?\s*([a-h](?:\s*(?:[,/&]|and|\)|\()*\s*[a-h]\b)*)`)
	passingAnyCase = regexp.MustCompile(`(?i)^\s*(?:(?:[A-Z][A-Z0-9/&().,'-]*\s+){0,4}(?:ALSO\s+)?FOR\s+\S|PASS(?:\s+TO)?\s+\S|FOR\s+\S)`)
	passing        = regexp.MustCompile(`^\s*(?:(?:[A-Z][A-Z0-9/&().,'-]*\s+){0,4}(?:ALSO\s+)?FOR\s+\S|PASS(?:\s+TO)?\s+\S|FOR\s+\S)`)
	caveat         = regexp.MustCompile(`(?i)^\s*(?:(?:SIPDIS|NOFORN|NOFOR|SENSITIVE(?:\s+BUT\s+UNCLASSIFIED)?|EXDIS|NODIS|LIMDIS|STADIS|FOR OFFICIAL USE ONLY|NOCONTRACT|ORCON|PROPIN|CXHAVANA|NOT FOR INTERNET DISTRIBUTION)(?:[\s,/]+|$))+$`)
	caveatWord     = regexp.MustCompile(`(?i)SIPDIS|NOFORN|NOFOR|SENSITIVE BUT UNCLASSIFIED|SENSITIVE|EXDIS|NODIS|LIMDIS|STADIS|FOR OFFICIAL USE ONLY|NOCONTRACT|ORCON|PROPIN|CXHAVANA|NOT FOR INTERNET DISTRIBUTION`)
	// caveatLead is a distribution notice with words after it.
	caveatLead = regexp.MustCompile(`^\s*(SENSITIVE BUT UNCLASSIFIED|FOR OFFICIAL USE ONLY)\b\s*[-–—:,;.]`)
	// anchors split a line that carries several front-matter elements
	// ("DEPT FOR WHA/BSC E.O. 12958: DECL: 11/22/2012").
	anchors = regexp.MustCompile(`\bSIPDIS\b|\bE\.?\s?O\.?\s*(?:12958|13526|12356|12065|11652)\b|(?i:\btags?\s*:|subj(?:ect)?\s*:|ref(?:s|tels?|\(s\))?\s*:)|(?i:\bclassified\s+by\b)`)
	partial = regexp.MustCompile(`This record is a partial extract of the original cable\.\s*The full text of the original cable is not available\.?`)

	// Body.
	paraStart = regexp.MustCompile(`^\s*(¶\s*)?(\d{1,5})\s?\.\.?(\s|\(|$|[A-Z])`)
	marking   = regexp.MustCompile(`^\s*\(\s*((?:TS|S|C|U|SBU|LOU|FOUO)(?:\s*/{1,2}\s*[A-Z][A-Za-z ,/]{0,30}?)?)\s*\)|^\s*(TS|S|C|U|SBU|LOU)\)`)
	ruleLine  = regexp.MustCompile(`^\s*(?:-{3,}|={3,}|_{3,}|/{3,}|\*{3,}|#{3,}|\.{4,})(?:\s+(?:-{3,}|={3,}|_{3,}))*\s*$`)
	ruleTail  = regexp.MustCompile(`\s+-{6,}\s*$`)
	bullet    = regexp.MustCompile(`^\s*(?:\(?[A-Za-z]\)|[A-Za-z]\.\s|¶[A-Z]\.|\(?\d{1,2}\)|-{1,2}\s|--|\*\s|o\s)`)
	signature = regexp.MustCompile(`[.)"'\-?/!]\s+([A-Z][A-Z'\-]+(?:\s+[A-Z][A-Z'\-]+)?)\.?$`)
	sigMixed  = regexp.MustCompile(`^\s*([A-Z][A-Za-z'\-]{1,20}(?:\s+[A-Z][A-Za-z'\-]{1,20})?)\s*$`)
	sigAlone  = regexp.MustCompile(`^\s*([A-Z][A-Z'\-]+(?:\s+[A-Z][A-Z'\-]+)?)\.?\s*$`)
)
