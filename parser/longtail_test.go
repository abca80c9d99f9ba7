package parser

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"cablereader/model"
)

// frag builds a small cable: a banner, the given caption lines, and body.
func frag(caption, body string) []byte {
	return []byte("C O N F I D E N T I A L MADRID 000123\n\nSIPDIS\n\nE.O. 12958: DECL: 01/26/2020\nTAGS: PREL PGOV SP\nSUBJECT: TALKS\n\n" + caption + "\n\n" + body + "\n")
}

// TestClassifiedByWraps: a Classified By line whose reason wraps onto the
// next line is read whole, and nothing of it is left as body text.
func TestClassifiedByWraps(t *testing.T) {
	for _, tc := range []struct {
		name, caption, text string
		reasons             []string
	}{
		{"open parenthesis", "Classified By: DCM Hugo Llorens for Reasons 1.4 (B) and (\nD)",
			"Classified By: DCM Hugo Llorens for Reasons 1.4 (B) and ( D)", []string{"1.4(b)", "1.4(d)"}},
		{"trailing and", "Classified By: Ambassador Eduardo Aguirre, Jr. for Reasons 1.4 (b) and\n(d)",
			"Classified By: Ambassador Eduardo Aguirre, Jr. for Reasons 1.4 (b) and (d)", []string{"1.4(b)", "1.4(d)"}},
		{"comma", "Classified By: Ambassador William B. Wood for reasons 1.4 (b),\n(c), and (d).",
			"Classified By: Ambassador William B. Wood for reasons 1.4 (b), (c), and (d).", []string{"1.4(b)", "1.4(c)", "1.4(d)"}},
		{"word cut", "Classified By: Political Counselor Kathy Fitzpatrick; reasons 1.5 (B) a\nnd (D).",
			"Classified By: Political Counselor Kathy Fitzpatrick; reasons 1.5 (B) and (D).", []string{"1.5(b)", "1.5(d)"}},
		{"complete then and", "Classified By: Charge d'Affaires J. Robert Manzanares; reasons 1.4 (B)\nand (D).",
			"Classified By: Charge d'Affaires J. Robert Manzanares; reasons 1.4 (B) and (D).", []string{"1.4(b)", "1.4(d)"}},
		{"blank before reason", "Classified By: AMBASSADOR JAMES PARDEW, FOR REASON\n\n1.4(C).",
			"Classified By: AMBASSADOR JAMES PARDEW, FOR REASON 1.4(C).", []string{"1.4(c)"}},
		{"E.O. inside", "Classified By: PolCouns Janice G. Weiner, E.O. 12958, reasons\n1.4 (b) and (d).",
			"Classified By: PolCouns Janice G. Weiner, E.O. 12958, reasons 1.4 (b) and (d).", []string{"1.4(b)", "1.4(d)"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := Parse(frag(tc.caption, "1. (C) The minister spoke."))
			if c.Header.ClassifiedBy == nil {
				t.Fatal("no Classified By")
			}
			eq(t, "text", c.Header.ClassifiedBy.Text, tc.text)
			eq(t, "reasons", c.Header.ClassifiedBy.Reasons, tc.reasons)
			eq(t, "paragraphs", len(c.Body), 1)
			eq(t, "first", c.Body[0].Text, "The minister spoke.")
		})
	}
	// In the first paragraph ("1. (U) CLASSIFIED BY …"), wrapped too.
	c := Parse(frag("", "1. (U) CLASSIFIED BY CDA JOSEPH MERANTE FOR REASONS 1.5\n(A) AND (D) .\n\n2. (C) The minister spoke."))
	eq(t, "body cls", c.Header.ClassifiedBy.Text, "CLASSIFIED BY CDA JOSEPH MERANTE FOR REASONS 1.5 (A) AND (D) .")
	eq(t, "body reasons", c.Header.ClassifiedBy.Reasons, []string{"1.5(a)", "1.5(d)"})
}

// TestCommentHeading: a COMMENT heading marks the paragraphs under it up
// to the next heading or END COMMENT.
func TestCommentHeading(t *testing.T) {
	type sp struct {
		para       int
		start, end int
	}
	for _, tc := range []struct {
		name, body string
		want       []sp
	}{
		{"word", "1. (C) Talks went well.\n\nComment\n-------\n\n2. (C) We think so.\n\n3. (C) We hope so.\n\nNext Steps\n----------\n\n4. (C) More talks.",
			[]sp{{1, 0, 12}, {2, 0, 11}}},
		{"ruled", "1. (C) Talks went well.\n\n-------\nCOMMENT\n-------\n\n2. (C) We think so.",
			[]sp{{1, 0, 12}}},
		{"titled", "1. (C) Talks went well.\n\nComment: A Stormy Session\n-------------------------\n\n2. (C) We think so.",
			[]sp{{1, 0, 12}}},
		{"end label", "1. (C) Talks went well.\n\nComment\n-------\n\n2. (C) We think so.\n\n3. (C) We hope so. End Comment.\n\n4. (C) Other matters.",
			[]sp{{1, 0, 12}, {2, 0, 24}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := Parse(frag("", tc.body))
			var got []sp
			for i, p := range c.Body {
				for _, s := range p.Spans {
					if s.Kind == model.Comment {
						got = append(got, sp{i, s.Start, s.End})
					}
				}
			}
			eq(t, "spans", got, tc.want)
		})
	}
}

// TestParenthesisedNote: a NOTE or COMMENT opened in parentheses with no
// END label ends at the matching parenthesis, and what follows is read on.
func TestParenthesisedNote(t *testing.T) {
	text := "He agreed (NOTE: the law (passed in 2007) does not apply to software). Sales rose. (COMMENT: Take that with care). Next."
	c := Parse(frag("", "1. (C) "+text))
	p := c.Body[0]
	eq(t, "spans", p.Spans, []model.Span{
		{Kind: model.Note, Start: 10, End: 70, Text: "the law (passed in 2007) does not apply to software"},
		{Kind: model.Comment, Start: 83, End: 114, Text: "Take that with care"},
	})
	eq(t, "note text", p.Text[10:70], "(NOTE: the law (passed in 2007) does not apply to software).")
	// An END label before the closing parenthesis still ends it.
	c = Parse(frag("", "1. (C) He agreed (Note: it was late. End Note) and left."))
	eq(t, "end label", c.Body[0].Spans, []model.Span{{Kind: model.Note, Start: 10, End: 39, Text: "it was late."}})
}

// TestTagsFreeText: words that are no TAGS code are kept together as one
// item, never split into fake codes, and set apart from the codes; a
// repeated item is listed once.
func TestTagsFreeText(t *testing.T) {
	for _, tc := range []struct{ line, codes, other string }{
		{"TAGS: MASS MOPS OVIP PARM PINR PREL PTER YM COUNTER TERRORISM", "MASS|MOPS|OVIP|PARM|PINR|PREL|PTER|YM", "COUNTER TERRORISM"},
		{"TAGS: OVIP STEINBERG JAMES PREL MNUC SN CH KN", "OVIP|PREL|MNUC|SN|CH|KN", "STEINBERG JAMES"},
		{"TAGS PREL, PGOV, PINR, PBTS, EUN, USEU BRUSSELS", "PREL|PGOV|PINR|PBTS|EUN", "USEU BRUSSELS"},
		{"TAGS: PINR, KCRM, PGOV, EINV, ECON, KCOR, BU, Organized Crime", "PINR|KCRM|PGOV|EINV|ECON|KCOR|BU", "ORGANIZED CRIME"},
		{"tAgs: PREL PREL PGOV PREL", "PREL|PGOV", ""},
		{"TAGS: PREL, PGOV KDEM, IZ", "PREL|PGOV|KDEM|IZ", ""},
		{"TAGS: PREL PGOV TU ADANA", "PREL|PGOV|TU", "ADANA"},
		{"TAGS: PREL PGOF ECON VTPREL", "PREL|PGOF|ECON", "VTPREL"},
		{"TAGS: OVIP (CLINTON, HILLARY) PREL", "OVIP|CLINTON, HILLARY|PREL", ""},
	} {
		c := Parse([]byte("C O N F I D E N T I A L MADRID 000123\n\nE.O. 12958: DECL: 01/26/2020\n" + tc.line + "\nSUBJECT: TALKS\n\n1. (C) Text.\n"))
		eq(t, tc.line, strings.Join(c.Header.Tags, "|"), tc.codes)
		eq(t, tc.line+" (other)", strings.Join(c.Header.OtherTags, "|"), tc.other)
	}
}

// TestReferenceForms: real REF forms resolve to canonical ids; an item
// that cites no cable has no id.
func TestReferenceForms(t *testing.T) {
	for _, tc := range []struct{ ref, want string }{
		{"REF: A. A) BAKU 897  B. B) BAKU 883", "A:08BAKU897|B:08BAKU883"},
		{"REF: A. (A) PARIS 7682 AND PREVIOUS", "A:08PARIS7682"},
		{"REF: A. A: OSLO 629 B. B: OSLO 585", "A:08OSLO629|B:08OSLO585"},
		{"REF: A. (08) SAO PAULO 497", "A:08SAOPAULO497"},
		{"REF: A. 07 BRASILIA 1868 B. 2009 CAIRO 2394", "A:07BRASILIA1868|B:09CAIRO2394"},
		{"REF: STATE 81957: REPORT OF U.S.- RUSSIA MANPADS EXPERTS MEETING", "A:08STATE81957"}, // the title is the item's
		{"REF: A. OSD REPORT DTG 251847Z MAR 08", "A:"},
	} {
		c := Parse([]byte("P 271231Z JAN 08\nFM AMEMBASSY MADRID\nTO SECSTATE WASHDC 1766\n\nC O N F I D E N T I A L MADRID 000123\n\nE.O. 12958: DECL: 01/26/2020\nTAGS: PREL\nSUBJECT: TALKS\n\n" + tc.ref + "\n\n1. (C) Text.\n\n\n\nSMITH\n"))
		var got []string
		for _, r := range c.Header.References {
			l := r.Label
			if l == "" {
				l = "A"
			}
			got = append(got, l+":"+r.ID)
		}
		eq(t, tc.ref, strings.Join(got, "|"), tc.want)
	}
}

// TestPrintoutDate: a telegram printout whose first page gives only the
// day and time takes its date from a later section's repeated header, and
// its id's year with it.
func TestPrintoutDate(t *testing.T) {
	c := parseFile(t, cablesDir+"/00HARARE5461.txt")
	eq(t, "id", c.ID, "00HARARE5461")
	eq(t, "date", c.Date, time.Date(2000, 9, 27, 14, 59, 0, 0, time.UTC))
	eq(t, "precedence", c.Precedence, model.Immediate)
	eq(t, "reference", c.Header.References[0].ID, "00HARARE5346")

	// The repeated header in the page furniture, run into one line, with a
	// blank line after it (which once made the page-marker pass panic).
	c = Parse([]byte("CONFIDENTIAL\n\nPAGE 01 ROME 01196 01 OF 02 071013Z\nFM AMEMBASSY ROME\n\nC O N F I D E N T I A L SECTION 01 OF 02 ROME 001196\n\nSUBJECT: TALKS\n\n1. (C) One.\n\nPAGE 01 ROME 01196 02 OF 02 071013Z\nACTION EUR-00\nINFO LOG-00 /008W ------------------70C954 071049Z /38 O 071013Z MAR 02 ZDK FM AMEMBASSY ROME TO SECSTATE WASHDC IMMEDIATE 2620\n\n2. (C) Two.\n"))
	eq(t, "fragment id", c.ID, "02ROME1196")
	eq(t, "fragment date", c.Date, time.Date(2002, 3, 7, 10, 13, 0, 0, time.UTC))
}

// TestRelayPageHeader: a relay's page header names the routing indicator
// and repeats the banner; it is a page marker, and the sentence it broke
// reads on.
func TestRelayPageHeader(t *testing.T) {
	c := parseFile(t, cablesDir+"/07PARIS2440.txt")
	eq(t, "markers", len(c.PageMarkers), 4)
	eq(t, "marker", c.PageMarkers[0], model.PageMarker{Text: "PAGE 02 RUEHFRA2440 C O N F I D E N T I A L PARIS 002440", Page: 2})
	eq(t, "¶1 start", c.Body[0].Text[:119], "SUMMARY: FRANCK GELLET, FRENCH DAS-EQUIVALENT FOR THE PERSIAN GULF, SHARED HIS VIEWS ON IRAN AND IRAQ ON JUNE 7. GELLET")

	c = Parse([]byte("S E C R E T PARIS 000170\n\nSUBJECT: TALKS\n\nCLASSIFIED BY: POLITICAL MINISTER-COUNSELOR JOSIAH ROSENBLATT, REASONS\n\n\nPAGE 02 RUEHFRA0170 S E C R E T\n1.4 (B) AND (D).\n\n1. (S) Text.\n"))
	eq(t, "reasons across the page break", c.Header.ClassifiedBy.Reasons, []string{"1.4(b)", "1.4(d)"})
	eq(t, "not a marker without a banner", len(Parse([]byte("SUBJECT: X\n\n1. (U) Text\nPAGE 02 RUEHFRA0170 OF THE REPORT\n")).PageMarkers), 0)
}

// TestReferencesWithoutLabel: lettered references right under a subject
// whose REF label was lost end the subject and are read as references.
func TestReferencesWithoutLabel(t *testing.T) {
	c := parseFile(t, cablesDir+"/10MADRID87.txt")
	eq(t, "subject", c.Header.Subject, "SCENESETTER FOR WHA A/S VALENZUELA'S JANUARY 31 FEBRUARY 3 VISIT TO SPAIN")
	var ids []string
	for _, r := range c.Header.References {
		ids = append(ids, r.Label+":"+r.ID)
	}
	eq(t, "references", ids, []string{"B:10SANTODOMINGO21", "C:09MADRID1146", "D:09HAVANA683"})
	eq(t, "classified by", c.Header.ClassifiedBy.Text, "Classified By: DCM Arnold A. Chacon, for reasons 1.4(b) and (d).")
	eq(t, "¶5", c.Body[1].Number, 5)
}

// TestOldSignature: an old cable's signer is the name line above its
// downgrading group, its closing banner and a declassification stamp;
// those go to the trailer (the group stands for a missing E.O. line).
func TestOldSignature(t *testing.T) {
	c := parseFile(t, cablesDir+"/73TEHRAN7005.txt")
	eq(t, "signature", c.Signature, "HELMS")
	eq(t, "trailer", c.Trailer, []string{"Declassified/Released US Department of State EO Systematic Review 30 JUN 2005", "NNN"})

	c = parseFile(t, cablesDir+"/66BUENOSAIRES2481.txt")
	eq(t, "signature", c.Signature, "SACCIO")
	eq(t, "trailer", c.Trailer, []string{"GP-3"})
	if last := c.Body[len(c.Body)-1].Text; strings.Contains(last, "GP-3") {
		t.Errorf("the group mark is left in the text: %q", last)
	}

	c = Parse([]byte("C O N F I D E N T I A L\n\nSUBJECT: TALKS\n\n1. WE MET.\n\nGP-3\nROUNTREE\n\nCONFIDENTIAL\n\nNNN\n"))
	eq(t, "signature (fragment)", c.Signature, "ROUNTREE")
	eq(t, "group as E.O.", c.Header.EO, &model.EO{Declassify: "GP-3", Text: "GP-3"})
	eq(t, "trailer (fragment)", c.Trailer, []string{"CONFIDENTIAL", "NNN"})
	eq(t, "text", c.Body[len(c.Body)-1].Text, "WE MET.")
}

// TestUnnumberedMarking: a paragraph with no number still has its portion
// marking read, in any of the release forms; a lettered list and a level
// above the cable's are not markings.
func TestUnnumberedMarking(t *testing.T) {
	c := Parse(frag("Classified By: Ambassador, reasons 1.4 (b) and (d).", "(SBU) On January 5 the committee met.\n\n(C/Rel Aus) The Prime Minister said so.\n\n4. (S/Rel to Russia, Latvia) For Embassy Moscow.\n\n(A) first item\n\n(B) second item\n\n(C) third item\n\n(S) A level above the cable's."))
	var got []string
	for _, b := range c.Body {
		got = append(got, b.Marking+"|"+b.Text)
	}
	eq(t, "paragraphs", got, []string{
		"SBU|On January 5 the committee met.",
		"C/REL AUS|The Prime Minister said so.",
		"S/REL TO RUSSIA, LATVIA|For Embassy Moscow.\n\n(A) first item\n\n(B) second item\n\n(C) third item\n\n(S) A level above the cable's.",
	})
	c = Parse(frag("", "(A) first item\n\n(B) second item\n\n(C) third item\n\n(S) not in a confidential cable."))
	got = nil
	for _, b := range c.Body {
		got = append(got, b.Marking+"|"+b.Text)
	}
	eq(t, "lists", got, []string{"|(A) first item", "|(B) second item", "|(C) third item", "|(S) not in a confidential cable."})
}

// TestPrintoutSections: a printout's banner run onto a page's last line
// goes with the page break, and the sentence reads on; a later section's
// front matter ends at its subject, so the text right under it stays text.
func TestPrintoutSections(t *testing.T) {
	c := parseFile(t, cablesDir+"/00HARARE5461.txt")
	if !strings.Contains(c.Body[1].Text, "AT THE SAME TIME, THEY REALIZE THAT THE MDC IS GAINING STRENGTH") {
		t.Errorf("¶2 is not joined across the page break: %q", c.Body[1].Text)
	}
	eq(t, "marker", c.PageMarkers[2].Text, "CONFIDENTIAL\nPAGE 03 HARARE 05461 01 OF 02 271458Z")

	c = Parse([]byte("C O N F I D E N T I A L SECTION 01 OF 02 VATICAN 003507\n\nSIPDIS\n\nE.O. 12958: DECL: 07/02/11\nTAGS: PREL\nSUBJECT: THE VATICAN-- THE SUPRANATIONAL POWER\n\n1. (C) THE VATICAN KNOWS THAT IT MUST\n CONFIDENTIAL\n CONFIDENTIAL PTQ8384\nPAGE 01 VATICA 03507 02 OF 04 031715Z\nC O N F I D E N T I A L SECTION 02 OF 02 VATICAN 003507\nSIPDIS\nE.O. 12958: DECL: 07/02/11\nTAGS: PREL\nSUBJECT: THE VATICAN-- THE SUPRANATIONAL POWER\nCONTINUALLY REFRESH ITS MESSAGE FOR CHANGING TIMES.\n\n2. (C) NEXT.\n"))
	var got []string
	for _, b := range c.Body {
		got = append(got, b.Text)
	}
	eq(t, "text", got, []string{"THE VATICAN KNOWS THAT IT MUST", "CONTINUALLY REFRESH ITS MESSAGE FOR CHANGING TIMES.", "NEXT."})
	eq(t, "subject", c.Header.Subject, "THE VATICAN-- THE SUPRANATIONAL POWER")
}

// TestPassingAnyCase: before the E.O. line, a passing line is one in any
// case; after the subject of a later section, no line is.
func TestPassingAnyCase(t *testing.T) {
	c := Parse([]byte("C O N F I D E N T I A L SECTION 01 OF 03 BEIJING 001336\n\nSIPDIS\n\nState for EAP/CM - SFlatt, PPark, AGoodman\nnsc for mgavin\nUSTR FOR AWINTER\n\nE.O. 12958: DECL: 07/02/19\nTAGS: ETRD\nSUBJECT: TRADE\n\n1. (C) Text for the record.\n"))
	eq(t, "passing", c.Header.Passing, []string{"State for EAP/CM - SFlatt, PPark, AGoodman", "nsc for mgavin", "USTR FOR AWINTER"})
	eq(t, "text", c.Body[0].Text, "Text for the record.")
}

// TestPassingWraps: a passing line that wraps is one item; a line that
// starts an item of its own ("… PASS TO …", a message number) is not the
// rest of the one above it.
func TestPassingWraps(t *testing.T) {
	c := Parse([]byte("S E C R E T NAIROBI 001938\n\nSIPDIS\n\nDept for af a/s carson, inl/c/cp jane becker, nsc for\nsenior director gavin\nDEPARTMENT FOR EUR/WE (ALEX MCKNIGHT, STACIE ZERDECKI),\nEUR/ERA (ALESSANDRO NARDI)\nAMEMBASSY ANKARA PASS TO AMCONSUL ADANA\nEMBASSY VATICAN MESSAGE NO. 107/01\n\nE.O. 12958: DECL: 09/09/2019\nTAGS: CVIS\nSUBJECT: VISAS\n\n1. (S) Text.\n"))
	eq(t, "passing", c.Header.Passing, []string{
		"Dept for af a/s carson, inl/c/cp jane becker, nsc for senior director gavin",
		"DEPARTMENT FOR EUR/WE (ALEX MCKNIGHT, STACIE ZERDECKI), EUR/ERA (ALESSANDRO NARDI)",
		"AMEMBASSY ANKARA PASS TO AMCONSUL ADANA",
		"EMBASSY VATICAN MESSAGE NO. 107/01",
	})
}

// TestCaptionTails: the serial of a reference wrapped alone onto the next
// line, the full stop of a Classified By line, and a Classified By line
// written as a marked paragraph all belong to the caption, not the text.
func TestCaptionTails(t *testing.T) {
	c := Parse([]byte("C O N F I D E N T I A L BAKU 000575\n\nE.O. 12958: DECL: 06/05/2019\nTAGS: PREL\nSUBJECT: IRAN\n\nREF: A) BAKU 508 B) BAKU 474 C) BAKU 464 D) 2008 BAKU\n1018\n\nClassified By: Charge d'Affaires Donald Lu, for reasons 1.4 (B) and (D)\n.\n\n1. (C) Text.\n"))
	eq(t, "reference", c.Header.References[3], model.Reference{Label: "D", Text: "2008 BAKU 1018", ID: "08BAKU1018"})
	eq(t, "classified by", c.Header.ClassifiedBy.Text, "Classified By: Charge d'Affaires Donald Lu, for reasons 1.4 (B) and (D).")
	eq(t, "text", len(c.Body), 1)

	c = parseFile(t, cablesDir+"/04ANKARA7211.txt")
	eq(t, "classified by", c.Header.ClassifiedBy.Authority, "Ambassador Eric Edelman")
	eq(t, "first paragraph", c.Body[0].Number, 1)
	eq(t, "kept as written", c.Header.Lines[len(c.Header.Lines)-2:], []string{"(U) Classified by Ambassador Eric Edelman; reasons: E.O.", "12958 1.4 (a,b,c,d)."})
	eq(t, "text from the label", c.Header.ClassifiedBy.Text, "Classified by Ambassador Eric Edelman; reasons: E.O. 12958 1.4 (a,b,c,d).")

	// With a paragraph number too, and a label written twice.
	c = Parse(frag("1.(U) Classified by Bureau Assistant Secretary Jeffrey Feltman. Reasons: 1.4 (b) and (d)", "2. (U) April 7, 2009."))
	eq(t, "numbered", c.Header.ClassifiedBy.Authority+"|"+c.Header.ClassifiedBy.Text, "Bureau Assistant Secretary Jeffrey Feltman|Classified by Bureau Assistant Secretary Jeffrey Feltman. Reasons: 1.4 (b) and (d)")
	eq(t, "numbered, text", c.Body[0].Number, 2)
	c = Parse(frag("Classified By: (U) CLASSIFIED BY EAP DAS DAVID SHEAR, REASON: 1.4 (C).", "1. (U) Text."))
	eq(t, "twice", c.Header.ClassifiedBy.Authority, "EAP DAS DAVID SHEAR")
}

// TestMarkedHeading: a heading may carry a portion marking; a marked
// SUMMARY or COMMENTS heading opens its section as a bare one does.
func TestMarkedHeading(t *testing.T) {
	c := Parse(frag("Classified By: Ambassador, reasons 1.4 (b) and (d).", "(C) SUMMARY\n\n1. (C) The visit went well. END SUMMARY\n\n(U) Opening remarks\n\n2. (C) He opened.\n\n------------\n(C) COMMENTS\n------------\n\n3. (C) We think so."))
	var got []string
	for _, b := range c.Body {
		var kinds []string
		for _, s := range b.Spans {
			kinds = append(kinds, string(s.Kind))
		}
		got = append(got, b.Heading+"|"+strings.Join(kinds, ","))
	}
	eq(t, "headings and spans", got, []string{"(C) SUMMARY|SUMMARY", "(U) Opening remarks|", "(C) COMMENTS|COMMENT"})
}

// TestEndLabels: an END label closes the block it names and no other (an
// END NOTE inside a comment leaves the comment open); a comment opened
// inside a summary closes with END SUMMARY; "End Key Points and Comments"
// closes a comment section.
func TestEndLabels(t *testing.T) {
	spans := func(c *model.Cable) []string {
		var out []string
		for _, b := range c.Body {
			for _, s := range b.Spans {
				out = append(out, strconv.Itoa(b.Number)+" "+string(s.Kind)+" "+b.Text[s.Start:s.End])
			}
		}
		return out
	}
	c := Parse(frag("", "5. (C) Comment: He will stay (Note: he said so. End Note.) for now. End Comment.\n\n6. (C) Reporting."))
	eq(t, "note in a comment", spans(c), []string{
		"5 COMMENT Comment: He will stay (Note: he said so. End Note.) for now. End Comment.",
	})
	c = Parse(frag("", "1. (C) Summary: They met. Comment: A good sign. End Summary.\n\n2. (C) Reporting."))
	eq(t, "comment in a summary", spans(c), []string{
		"1 SUMMARY Summary: They met. ",
		"1 COMMENT Comment: A good sign. End Summary.",
	})
	c = Parse(frag("", "------------\n(C) COMMENTS\n------------\n\n-- The Amir has a history of mercy.\nEnd Key Points and Comments.\n\n1. (C) Reporting."))
	eq(t, "key points and comments", spans(c), []string{
		"0 COMMENT -- The Amir has a history of mercy. End Key Points and Comments.",
	})
}

// TestSubjectAcrossBlank: a subject that stops on a word needing more
// ("… VISIT TO") goes on past a blank line; one that does not, does not.
func TestSubjectAcrossBlank(t *testing.T) {
	c := Parse([]byte("C O N F I D E N T I A L TRIPOLI 000680\n\nDEPARTMENT FOR S, AF/SPG, NEA/MAG\n\nE.O. 12958: DECL: 8/26/2018\nTAGS OVIP, PGOV\nSUBJECT: SCENESETTER FOR SECRETARY RICE'S VISIT TO\n\nLIBYA\n\nCLASSIFIED BY: Chris Stevens, CDA, reasons 1.4 (b) and (d).\n\n1. (C) Text.\n"))
	eq(t, "subject", c.Header.Subject, "SCENESETTER FOR SECRETARY RICE'S VISIT TO LIBYA")
	eq(t, "passing", c.Header.Passing, []string{"DEPARTMENT FOR S, AF/SPG, NEA/MAG"})
	c = Parse([]byte("C O N F I D E N T I A L MADRID 000123\n\nE.O. 12958: DECL: 01/26/2020\nTAGS: PREL\nSUBJECT: TALKS IN MADRID\n\nSUMMARY\n\n1. (C) Text.\n"))
	eq(t, "closed subject", c.Header.Subject, "TALKS IN MADRID")
}

// TestReferenceEnds: the REF list ends where the text starts, whether ¶1
// runs on from the REF line or a marked line follows a blank one.
func TestReferenceEnds(t *testing.T) {
	c := Parse([]byte("UNCLAS BRASILIA 002094\n\nSIPDIS\n\nE.O. 12958: N/A\nTAGS: ASEC\nSUBJECT: COUNTRY CLEARANCE\n\nREF: SECSTATE 165115 1. Post grants country clearance for the visit.\n\n2. Visitors are reminded.\n"))
	eq(t, "references", c.Header.References, []model.Reference{{Text: "SECSTATE 165115"}}) // no date: no year for the id
	eq(t, "¶1", c.Body[0].Text, "Post grants country clearance for the visit.")
	c = Parse([]byte("UNCLAS BRASILIA 000136\n\nSENSITIVE\nSIPDIS\n\nE.O. 12958: N/A\nTAGS: TSPL\nSUBJECT: SCIENCE\n\nREF: 2010 STATE 6668\n\n(U) THIS CABLE IS SENSITIVE BUT UNCLASSIFIED.\n\n1. (SBU) Per REFTEL, we briefed.\n"))
	eq(t, "reference", c.Header.References[0].Text, "2010 STATE 6668")
	eq(t, "marked line", c.Body[0].Marking+"|"+c.Body[0].Text, "U|THIS CABLE IS SENSITIVE BUT UNCLASSIFIED.")
}

// TestRecordFooter: a published record's footer under a printout (">",
// "2004VATICA03213 - Classification: CONFIDENTIAL") goes to the trailer,
// so the signer above it is read.
func TestRecordFooter(t *testing.T) {
	c := Parse([]byte("C O N F I D E N T I A L VATICAN 003213\n\nSUBJECT: TALKS\n\n1. (C) Parolin acknowledged U.S. concerns.\nHARDT\nNNNN\n 2004VATICA03213 - Classification: CONFIDENTIAL\n"))
	eq(t, "signature", c.Signature, "HARDT")
	eq(t, "trailer", c.Trailer, []string{"NNNN", "2004VATICA03213 - Classification: CONFIDENTIAL"})
	eq(t, "text", c.Body[len(c.Body)-1].Text, "Parolin acknowledged U.S. concerns.")
}
