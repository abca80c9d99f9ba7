package parser

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"cablereader/model"
)

// "Summary and comment:" is one label that opens both a SUMMARY and a
// COMMENT over the same text, to its END label or its paragraph's end.
func TestSummaryAndComment(t *testing.T) {
	for _, tt := range []struct{ name, in, content string }{
		{"paragraph", "SUBJECT: X\n\n1. (C) Summary and comment: The court ruled. It matters.\n\n2. (C) More.\n", "The court ruled. It matters."},
		{"end label", "SUBJECT: X\n\n¶1. (C) Summary and comment:  Groups are committed.\nEnd summary and comment.\n\n2. (C) More.\n", "Groups are committed."},
		{"upper case", "SUBJECT: X\n\n1. (C) SUMMARY AND COMMENT: The court ruled.\n\n2. (C) More.\n", "The court ruled."},
	} {
		c := Parse([]byte(tt.in))
		var kinds []model.SpanKind
		for _, s := range c.Body[0].Spans {
			kinds = append(kinds, s.Kind)
			if s.Text != tt.content || s.Start != 0 {
				t.Errorf("%s: span %+v, want the content %q", tt.name, s, tt.content)
			}
		}
		if len(kinds) != 2 || kinds[0] != model.Summary || kinds[1] != model.Comment {
			t.Errorf("%s: spans %v, want SUMMARY and COMMENT", tt.name, kinds)
		}
		if len(c.Body) > 1 && len(c.Body[1].Spans) != 0 {
			t.Errorf("%s: the next paragraph has spans %+v", tt.name, c.Body[1].Spans)
		}
	}
	// A summary alone opens no comment.
	c := Parse([]byte("SUBJECT: X\n\n1. (C) Summary: The court ruled.\n"))
	if len(c.Body[0].Spans) != 1 || c.Body[0].Spans[0].Kind != model.Summary {
		t.Errorf("summary alone: %+v", c.Body[0].Spans)
	}
	raw, err := os.ReadFile(filepath.Join(pagesDir, "08CAIRO2122.txt"))
	if err != nil {
		t.Fatal(err)
	}
	c = Parse(raw)
	if sp := c.Body[0].Spans; len(sp) != 2 || sp[0].Kind != model.Summary || sp[1].Kind != model.Comment || sp[1].End != len(c.Body[0].Text) {
		t.Errorf("08CAIRO2122 ¶1 spans %+v", sp)
	}
}

// A 1970s telegram's banner writes the year before the station: it is the
// classification and the id, the year taken from it when the text has no
// date-time group.
func TestOldBannerWithYear(t *testing.T) {
	in := "C O N F I D E N T I A L 75 LIBREVILLE 1895\n\nE.O. 11652: GDS\nTAGS: PFOR, GB\nSUBJECT: PRESIDENT BONGO\n\n1. TEXT OF THE CABLE.\nSMITH\n\nCONFIDENTIAL\n\nNNN\n"
	c := Parse([]byte(in))
	if c.ID != "75LIBREVILLE1895" || c.Classification.Level != model.Confidential || c.Header.Subject != "PRESIDENT BONGO" || c.Signature != "SMITH" {
		t.Errorf("id %q classification %v subject %q signature %q", c.ID, c.Classification, c.Header.Subject, c.Signature)
	}
	if c.Routing != nil && len(c.Routing.To) > 0 {
		t.Errorf("the banner read as an addressee: %+v", c.Routing.To)
	}
	// With a date-time group, the id's year is the date's.
	c = Parse([]byte("R 171600Z MAY 74\nFM AMEMBASSY LIBREVILLE\nTO SECSTATE WASHDC 3410\n\nS E C R E T 74 LIBREVILLE 0812\n\nSUBJECT: X\n\n1. TEXT.\n"))
	if c.ID != "74LIBREVILLE812" || c.Classification.Level != model.Secret {
		t.Errorf("dated: id %q classification %v", c.ID, c.Classification)
	}
}

// Classified By glued to the subject's last word starts a field of its
// own.
func TestSubjectRunOnClassifiedBy(t *testing.T) {
	line := "SUBJECT: SCENESETTER FOR GENERAL PETRAEUS’ VISIT TO BAHRAINClassified By: Charge d’Affaires a.i. Christopher Henzel for reasons 1.4 (b) and (d)"
	c := Parse([]byte(line + "\n\n1. (C) Text.\n"))
	if len(c.Header.Lines) != 1 || c.Header.Lines[0] != line {
		t.Errorf("header lines %q, want the line as written", c.Header.Lines)
	}
	if c.Header.Subject != "SCENESETTER FOR GENERAL PETRAEUS’ VISIT TO BAHRAIN" || c.Header.ClassifiedBy == nil || c.Header.ClassifiedBy.Authority != "Charge d’Affaires a.i. Christopher Henzel" {
		t.Errorf("subject %q, classified by %+v", c.Header.Subject, c.Header.ClassifiedBy)
	}
}

// A "SUBJECT:" alone on its line takes the line below the blank one as the
// subject, and the "1.(SBU) Summary:" under it opens ¶1 and its summary.
func TestSubjectBelowBlank(t *testing.T) {
	in := "UNCLAS CAIRO 000207\n\nE.O. 12958: N/A\nTAGS: KFRD CVIS EG\n\nSUBJECT:\n\nFRAUD TOOLS CONTINUE TO DISMANTLE NETWORK REFS: (A) CAIRO 2483 (B) CAIRO 2562\n1.(SBU) Summary: The unit found fraud. End Summary.\n\n2.(SBU) To date the unit has found 21 cases.\n"
	c := Parse([]byte(in))
	if got, want := c.Header.Subject, "FRAUD TOOLS CONTINUE TO DISMANTLE NETWORK"; got != want {
		t.Fatalf("subject %q, want %q", got, want)
	}
	if len(c.Body) == 0 || c.Body[0].Number != 1 {
		t.Fatalf("first paragraph %+v, want ¶1", c.Body)
	}
	found := false
	for _, s := range c.Body[0].Spans {
		found = found || s.Kind == model.Summary
	}
	if !found {
		t.Errorf("¶1 spans %+v, want a summary", c.Body[0].Spans)
	}
}

// A page runs the text proper onto a caption line: the first paragraph
// onto the subject (after a distribution notice the page keeps in the
// subject it publishes), a rule or a ruled heading onto the subject or
// onto a paragraph's last line, a paragraph onto a rule. Each is cut
// where the text starts; nothing of the line is lost.
func TestRunOnText(t *testing.T) {
	for _, tt := range []struct {
		name, in, subject string
		first             model.Paragraph // the first paragraph's number, marking, heading and text start
	}{
		{"paragraph after a notice (09CAIRO1215)",
			"UNCLAS CAIRO 001215\n\nSUBJECT: INFUENZA CONFERENCE IN EGYPT Sensitive but Unclassified. Please handle accordingly. 1.(SBU)Summary: At the workshop. End Summary.\n2.(SBU) USAID agreed.\n",
			"INFUENZA CONFERENCE IN EGYPT Sensitive but Unclassified. Please handle accordingly.",
			model.Paragraph{Number: 1, Marking: "SBU", Text: "Summary: At the workshop."}},
		{"a rule (07MANAMA1089)",
			"CONFIDENTIAL MANAMA 001089\n\nSUBJECT: CENTRAL BANK GOVERNOR UNDERSCORES COMMITMENT TO DOLLAR REMAINS FIRM ---------------------------------\n\n1.(C) Central Bank of Bahrain Governor spoke.\n",
			"CENTRAL BANK GOVERNOR UNDERSCORES COMMITMENT TO DOLLAR REMAINS FIRM",
			model.Paragraph{Number: 1, Marking: "C", Text: "Central Bank"}},
		{"a ruled heading with its word (08BUENOSAIRES879)",
			"UNCLAS BUENOS AIRES 000879\n\nSUBJECT:  More than Malbec:  Ambassador Talks Development in Mendoza  Summary -------- \n\n¶1. Ambassador visited the Binational Center.\n",
			"More than Malbec: Ambassador Talks Development in Mendoza",
			model.Paragraph{Number: 1, Heading: "Summary", Text: "Ambassador visited"}},
		{"a ruled heading on the subject's second line (08MANAMA472)",
			"UNCLAS MANAMA 000472\n\nSUBJECT: UNESCO CONFERENCE HIGHLIGHTS PROACTIVE APPROACHES\nTO COUNTERING YOUTH RADICALIZATION ------- Summary -------\n\n1.(U) Bahrain hosted a conference.\n",
			"UNESCO CONFERENCE HIGHLIGHTS PROACTIVE APPROACHES TO COUNTERING YOUTH RADICALIZATION",
			model.Paragraph{Number: 1, Marking: "U", Heading: "Summary", Text: "Bahrain hosted"}},
		{"a paragraph run onto a rule (08BUENOSAIRES858)",
			"UNCLAS BUENOS AIRES 000858\n\nSUBJECT:  More than Malbec\n\n-------- 1.  Ambassador visited the Binational Center.\n\n2. More.\n",
			"More than Malbec",
			model.Paragraph{Number: 1, Text: "Ambassador visited"}},
		{"a mixed-case notice under the subject (06PARIS7251)",
			"UNCLAS PARIS 007251\n\nSUBJECT: DAILY NEWSPAPERS: FIRST IN A SERIES ON THE FRENCH MEDIA\nSensitive but unclassified. Please protect accordingly.\n\n1. (SBU) Summary: Le Monde.\n",
			"DAILY NEWSPAPERS: FIRST IN A SERIES ON THE FRENCH MEDIA",
			model.Paragraph{Number: 1, Marking: "SBU", Text: "Summary: Le Monde."}},
	} {
		c := Parse([]byte(tt.in))
		if c.Header.Subject != tt.subject {
			t.Errorf("%s: subject %q, want %q", tt.name, c.Header.Subject, tt.subject)
		}
		if len(c.Body) == 0 {
			t.Errorf("%s: no paragraphs", tt.name)
			continue
		}
		p := c.Body[0]
		if p.Number != tt.first.Number || p.Marking != tt.first.Marking || p.Heading != tt.first.Heading || !strings.HasPrefix(p.Text, tt.first.Text) {
			t.Errorf("%s: first paragraph %d (%s) heading %q %q, want %d (%s) %q %q…", tt.name, p.Number, p.Marking, p.Heading, p.Text, tt.first.Number, tt.first.Marking, tt.first.Heading, tt.first.Text)
		}
	}
	// The real pages: the subject ends where the page's text starts, and a
	// ruled heading run onto ¶1 heads ¶2.
	for _, tt := range []struct{ file, subject, heading string }{
		{"09CAIRO1215.txt", "INFUENZA CONFERENCE REVIEWS VIRUS SITUATION IN EGYPT Sensitive but Unclassified. Please handle accordingly.", ""},
		{"08MANAMA472.txt", "UNESCO CONFERENCE HIGHLIGHTS PROACTIVE APPROACHES TO COUNTERING YOUTH RADICALIZATION", "Conference Agenda & Background"},
		{"09TELAVIV2188.txt", "ISRAEL MEDIA REACTION", ""},
	} {
		raw, err := os.ReadFile(filepath.Join(pagesDir, tt.file))
		if err != nil {
			t.Fatal(err)
		}
		c := Parse(raw)
		if c.Header.Subject != tt.subject {
			t.Errorf("%s: subject %q, want %q", tt.file, c.Header.Subject, tt.subject)
		}
		if len(c.Body) < 2 || c.Body[0].Number != 1 || !slices.ContainsFunc(c.Body[0].Spans, func(s model.Span) bool { return s.Kind == model.Summary }) && tt.file != "09TELAVIV2188.txt" {
			t.Errorf("%s: the text does not open with ¶1 and its summary: %+v", tt.file, c.Body[0])
		}
		if tt.heading != "" && (len(c.Body) < 2 || c.Body[1].Heading != tt.heading) {
			t.Errorf("%s: ¶2 heading %q, want %q", tt.file, c.Body[1].Heading, tt.heading)
		}
		if strings.Contains(c.Body[0].Text, "-----") {
			t.Errorf("%s: a rule left in ¶1: %q", tt.file, c.Body[0].Text)
		}
	}
}

// A relay runs its own text onto the security line ("ZNY SSSSS ZZH ZUI
// RUEHSD 0065W 1252226", "ZNY SSSSS ZZH (CCY …)"): the line is still the
// security line, and the header goes on to the date-time group below it.
func TestGarbledSecurityLine(t *testing.T) {
	for _, line := range []string{"ZNY SSSSS ZZH ZUI RUEHSD 0065W 1252226", "ZNY SSSSS ZZH (CCY TEXT ADX: 767D28 MSI6994 600)", "ZNY SSSSS ZZH ZDK"} {
		in := "VZCZCXYZ0003\nPP RUEHWEB\n\nDE RUEHSD #0065/01 1252226\n" + line + "\nP 051259Z MAY 06\nFM AMEMBASSY SANTO DOMINGO\nTO RUEHC/SECSTATE WASHDC PRIORITY 1092\n\nE.O. 12958: DECL: 05/05/2016\nSUBJECT: X\n\n1. (S) Text.\n"
		c := Parse([]byte(in))
		if c.Routing == nil || c.Routing.Security != strings.Join(strings.Fields(line)[:4], " ") && c.Routing.Security != "ZNY SSSSS ZZH" {
			t.Errorf("%q: security %+v", line, c.Routing)
		}
		if c.Date.Format("2006-01-02T15:04") != "2006-05-05T12:59" || c.Origin != "AMEMBASSY SANTO DOMINGO" || c.Classification.Level != model.Secret {
			t.Errorf("%q: date %v origin %q level %v", line, c.Date, c.Origin, c.Classification.Level)
		}
	}
	raw, err := os.ReadFile(filepath.Join(pagesDir, "08MEXICO886.txt"))
	if err != nil {
		t.Fatal(err)
	}
	c := Parse(raw)
	if c.ID != "08MEXICO886" || c.Date.Format("2006-01-02T15:04") != "2008-03-28T19:50" || c.Origin != "AMEMBASSY MEXICO" {
		t.Errorf("08MEXICO886: id %q date %v origin %q", c.ID, c.Date, c.Origin)
	}
}

// The archive names a cable whose banner writes EFTO before the station
// (and no SECTION between) with EFTO in the station: UNCLAS E F T O
// LONDON 002187 is 09EFTOLONDON2187, a sectioned one is 09LONDON2622.
func TestEFTOId(t *testing.T) {
	for _, tt := range []struct{ banner, id string }{
		{"UNCLAS E F T O LONDON 002187", "09EFTOLONDON2187"},
		{"UNCLAS E F T O SECTION 01 OF 02 LONDON 002622", "09LONDON2622"},
		{"UNCLAS LONDON 002187", "09LONDON2187"},
	} {
		c := Parse([]byte("P 141614Z DEC 09\nFM AMEMBASSY LONDON\n\n" + tt.banner + "\n\nSUBJECT: X\n\n1. Text.\n"))
		if c.ID != tt.id {
			t.Errorf("%s: id %q, want %q", tt.banner, c.ID, tt.id)
		}
	}
}

// A Classified By line that runs into the REF list after its reasons, or
// goes on past a blank line with its reasons, is read whole, the REF list
// apart (09BRASILIA193, 09TRIPOLI260).
func TestClassifiedByAcross(t *testing.T) {
	c := Parse([]byte("O 091516Z FEB 09\nFM AMEMBASSY BRASILIA\n\nCONFIDENTIAL BRASILIA 000193\n\nClassified By: Deputy Chief of Mission Lisa Kubiske, Reason 1.4 (b) and (d) REF: A) STATE 3691,\nB) 2008 BRASILIA 1652\n\n1. (C) On February 6, 2009, text.\n"))
	if cb := c.Header.ClassifiedBy; cb == nil || cb.Authority != "Deputy Chief of Mission Lisa Kubiske" || len(cb.Reasons) != 2 || strings.Contains(cb.Text, "REF") {
		t.Errorf("09BRASILIA193: classified by %+v", c.Header.ClassifiedBy)
	}
	if refs := c.Header.References; len(refs) != 2 || refs[0].ID != "09STATE3691" || refs[1].ID != "08BRASILIA1652" {
		t.Errorf("09BRASILIA193: references %+v", refs)
	}
	c = Parse([]byte("CONFIDENTIAL TRIPOLI 000260\n\nCLASSIFIED BY: Gene A. Cretz, Ambassador, Embassy Tripoli,\n\nDepartment of State. REASON: 1.4 (b), (d)\n\n1. (C) Summary: text.\n"))
	if cb := c.Header.ClassifiedBy; cb == nil || cb.Authority != "Gene A. Cretz, Ambassador, Embassy Tripoli, Department of State" || len(cb.Reasons) != 2 {
		t.Errorf("09TRIPOLI260: classified by %+v", c.Header.ClassifiedBy)
	}
	if len(c.Body) == 0 || c.Body[0].Number != 1 {
		t.Errorf("09TRIPOLI260: body %+v", c.Body)
	}
}

// The caption lines between TAGS and SUBJECT: a TAGS line wrapped with
// marks a TAGS line has not ("UNGA/C-6, CS"), a bare REF right under TAGS;
// and a subject written with a second colon. None of them ends the
// caption block before its subject (09SANJOSE124, 09TRIPOLI401,
// 06BRASILIA1963, 08MEXICO3108).
func TestCaptionBeforeSubject(t *testing.T) {
	for _, tt := range []struct {
		name, caption, subject string
		tags                   []string
		ref                    string
	}{
		{"TAGS wrapped (09SANJOSE124)", "TAGS: AORC APER KAWC PREL UNGA\nUNGA/C-6, CS\nSUBJECT: COSTA RICA: MFA STUDYING UN APPEALS TRIBUNAL\nCANDIDATES, NO DECISION YET\n",
			"COSTA RICA: MFA STUDYING UN APPEALS TRIBUNAL CANDIDATES, NO DECISION YET", []string{"AORC", "APER", "KAWC", "PREL", "UNGA", "UNGA/C-6", "CS"}, ""},
		{"TAGS wrapped, REF on the subject (09TRIPOLI401)", "TAGS: OVIP PREL PGOV MARR\nAU-I, CD, SU, LY\nSUBJECT: SCENESETTER FOR THE VISIT OF GENERAL WARD TO LIBYA, MAY 21 REF: TRIPOLI 202\n",
			"SCENESETTER FOR THE VISIT OF GENERAL WARD TO LIBYA, MAY 21", []string{"OVIP", "PREL", "PGOV", "MARR", "CD", "SU", "LY"}, "09TRIPOLI202"},
		{"REF under TAGS (06BRASILIA1963)", "TAGS: PGOV PREL ECON BR\nREF BRASILIA 1837\n\nSUBJECT: BRAZILIAN OPPOSITION SAYS ALCKMIN CAMPAIGN IS ON THE RISE\n",
			"BRAZILIAN OPPOSITION SAYS ALCKMIN CAMPAIGN IS ON THE RISE", []string{"PGOV", "PREL", "ECON", "BR"}, "09BRASILIA1837"},
		{"a second colon (08MEXICO3108)", "TAGS: ELAB ECON MX\nSUBJECT: : MEXICANS DIFFER ON THE EFFECTS OF FINANCIAL\nCRISIS ON EMPLOYMENT\n",
			"MEXICANS DIFFER ON THE EFFECTS OF FINANCIAL CRISIS ON EMPLOYMENT", []string{"ELAB", "ECON", "MX"}, ""},
	} {
		c := Parse([]byte("R 221712Z APR 09\nFM AMEMBASSY X\n\nCONFIDENTIAL X 000124\n\nE.O. 12958: N/A\n" + tt.caption + "\n1.(C) Summary: text.\n"))
		if c.Header.Subject != tt.subject || !slices.Equal(c.Header.Tags, tt.tags) {
			t.Errorf("%s: subject %q tags %q", tt.name, c.Header.Subject, c.Header.Tags)
		}
		if tt.ref != "" && (len(c.Header.References) != 1 || c.Header.References[0].ID != tt.ref) {
			t.Errorf("%s: references %+v", tt.name, c.Header.References)
		}
		if len(c.Body) == 0 || c.Body[0].Number != 1 {
			t.Errorf("%s: body %+v", tt.name, c.Body)
		}
	}
}

// An old telegram sets its signer apart after the last sentence, before
// the closing banner, the teletype's noise and a record's footer
// (1973STATE097844's text as PlusD publishes it): the name is the
// signature, the rest the trailer. In all-caps text a word one space
// after the last sentence is no signer.
func TestSignerSetApart(t *testing.T) {
	const head = "LIMITED OFFICIAL USE\nPAGE 01 STATE 097844\n\nR 221712Z MAY 73\nFM SECSTATE WASHDC\nTO AMEMBASSY PORT LOUIS\n\nLIMITED OFFICIAL USE STATE 097844\n\nE.O. 11652: N/A\nTAGS: OVIP\nSUBJECT: FATHER MCCORMACK\n\n1. ALSO INFORM HIM APPOINTMENT MADE.\n\n2. IF UNREACHABLE HOTEL HE HAS ELEVEN A. M.  APPOINTMENT\n"
	c := Parse([]byte(head + "WEDNESDAY WITH MINISTER FOREIGN AFFAIRS.    PORTER\n\n\nLIMITED OFFICIAL USE\nNMAFVVZCZ\n\n\n*** Current Handling Restrictions ***   n/a\n***  Current Classification ***   LIMITED OFFICIAL USE\n"))
	last := c.Body[len(c.Body)-1].Text
	if c.Signature != "PORTER" || !strings.HasSuffix(last, "MINISTER FOREIGN AFFAIRS.") {
		t.Errorf("signature %q, last paragraph %q", c.Signature, last)
	}
	if !slices.Contains(c.Trailer, "NMAFVVZCZ") || !slices.Contains(c.Trailer, "*** Current Handling Restrictions ***   n/a") {
		t.Errorf("trailer %q", c.Trailer)
	}
	c = Parse([]byte(head + "WEDNESDAY WITH MINISTER FOREIGN AFFAIRS. PORTER\n\nLIMITED OFFICIAL USE\n"))
	if c.Signature != "" {
		t.Errorf("one space: signature %q", c.Signature)
	}
}

// A REF item the page cut off ("¶B. PRAGUE 356 ...") ends the list: the
// record's fields or a second copy after it are not more items
// (05PRAGUE470, 06THEHAGUE2654); a lettered item after it still is
// (05THEHAGUE2651).
func TestRefListCutOff(t *testing.T) {
	const head = "P 011450Z APR 05\nFM AMEMBASSY PRAGUE\n\nC O N F I D E N T I A L PRAGUE 000470\n\nSUBJECT: NO SALE\n\n"
	for _, tt := range []struct {
		name, refs string
		want       []string
	}{
		{"a row's fields (05PRAGUE470)", "REF: A. PRAGUE 337 \n \n     ¶B. PRAGUE 356 ...\n4/1/2005 14:50 C O N F I D E N T I A L PRAGUE 000470 SIPDIS E.O. 12958: DECL: 04/01/2015\n", []string{"05PRAGUE337", "05PRAGUE356"}},
		{"a record number (06THEHAGUE2654)", "REF: A. STATE 194960 ...\n90574\n\n2006-12-21\n", []string{"05STATE194960"}},
		{"the next item (05THEHAGUE2651)", "REF: A. STATE ...\n\n\n¶B. THE HAGUE 2599 \n", []string{"05THEHAGUE2599"}},
	} {
		c := Parse([]byte(head + tt.refs + "\n1. (C) Text.\n"))
		var got []string
		for _, r := range c.Header.References {
			got = append(got, r.ID)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: references %+v", tt.name, c.Header.References)
		}
	}
}

// A backslash that ends a line is the dump's escaped line break, not
// text: 07BERN151's subject runs over a line ending in one, 09TRIPOLI417's
// whole text (a row without its date and id) ends its lines in one.
func TestLineEndBackslash(t *testing.T) {
	read := func(id string) *model.Cable {
		raw, err := os.ReadFile(filepath.Join(pagesDir, id+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		return ParseAs(raw, id)
	}
	c := read("07BERN151")
	if want := `SWISS CABINET AUTHORIZES A CRIMINAL INVESTIGATION ON "RENDITION OVERFLIGHT:" ENDS INVESTIGATION OF "AGENT TOM"`; c.Header.Subject != want {
		t.Errorf("07BERN151 subject %q, want %q", c.Header.Subject, want)
	}
	c = read("09TRIPOLI417")
	if c.Origin != "AMEMBASSY TRIPOLI" || c.Header.Subject != "AL-QADHAFI: NO LONGER RELUCTANT TO ENGAGE WITH AFRICOM" {
		t.Errorf("09TRIPOLI417: origin %q subject %q", c.Origin, c.Header.Subject)
	}
	n := 0
	for _, p := range c.Body {
		n++
		if strings.Contains(p.Text, `\`) {
			t.Errorf("09TRIPOLI417 %s keeps a backslash: %.80q", p.Label, p.Text)
		}
	}
	if n < 5 {
		t.Errorf("09TRIPOLI417: %d paragraphs", n)
	}
	// A backslash inside a line, one doubled at its end, and one after
	// ESC (a string terminator) are text.
	if got := splitLines("C:\\DOCS \\\nA \\\\\nB \\ \nST \x1b\\"); !slices.Equal(got, []string{`C:\DOCS`, `A \\`, "B", "ST \x1b\\"}) {
		t.Errorf("splitLines %q", got)
	}
}
