package parser

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// refsOf lists the references of a record as label:id (label "-" when
// none).
func refsOf(t *testing.T, text, archive string) string {
	t.Helper()
	var out []string
	for _, r := range ParseAs([]byte(text), archive).Header.References {
		l := r.Label
		if l == "" {
			l = "-"
		}
		out = append(out, l+":"+r.ID)
	}
	return strings.Join(out, " ")
}

// refCable is a dated cable from Madrid with the REF list given.
func refCable(ref string) string {
	return "P 271231Z JAN 08\nFM AMEMBASSY MADRID\nTO SECSTATE WASHDC 1766\n\nC O N F I D E N T I A L MADRID 000123\n\n" +
		"E.O. 12958: DECL: 01/26/2020\nTAGS: PREL\nSUBJECT: TALKS\n\n" + ref + "\n\n1. (C) Text.\n\n\n\nSMITH\n"
}

// TestReferenceGrammar: each class of REF form of issue 18, as a fragment
// in a dated 2008 cable.
func TestReferenceGrammar(t *testing.T) {
	for _, tc := range []struct{ class, ref, want string }{
		// Labels.
		{"paren labels glued", "REF: (A)STATE 071143, (B)STATE 073601", "A:08STATE71143 B:08STATE73601"},
		{"label twice", "REF: A. A) SECSTATE 54183 B. B) 07 BRASILIA 1868", "A:08STATE54183 B:07BRASILIA1868"},
		{"bare letters", "REF A WELLINGTON 721 B WELLINGTON 690", "A:08WELLINGTON721 B:08WELLINGTON690"},
		{"REF A repeated", "REF: A. REF A HAVANA 639 B. B HAVANA 772", "A:08HAVANA639 B:08HAVANA772"},
		{"A. A.", "REF: A. A. STATE 56282 B. B. STATE 56666", "A:08STATE56282 B:08STATE56666"},
		{"numbered", "REFS: (1) 2005 RIO DE JANEIRO 1143, (2) 2005 BRASILIA 03242", "1:05RIODEJANEIRO1143 2:05BRASILIA3242"},
		{"REF.", "REF. STATE 184178", "-:08STATE184178"},
		{"REF A:", "REF A: STATE 120288", "A:08STATE120288"},
		{"REF A: lines", "REF A: STATE 120288\nREF B: MADRID 1022", "A:08STATE120288 B:08MADRID1022"},
		{"STATE:", "REF: STATE: 73097", "-:08STATE73097"},
		{"brackets", "Ref: [A] State 188314 [B] Ottawa 2285", "A:08STATE188314 B:08OTTAWA2285"},
		{"text glued to serial", "REF: MANAMA 510Classified By: CDA", "-:08MANAMA510"},
		{"label glued to serial", "REF: A. STATE 021770B. STATE 039585C. STATE 052030", "A:08STATE21770 B:08STATE39585 C:08STATE52030"},
		// Several serials of one post.
		{"AND", "REF: A. BRASILIA 2799 AND 2764 B. PORT AU PRINCE 2325", "A:08BRASILIA2799 A:08BRASILIA2764 B:08PORTAUPRINCE2325"},
		{"post twice", "REF: SECSTATE 113408 AND SECSTATE 113635", "-:08STATE113408 -:08STATE113635"},
		{"mixed", "REF: A. ROME 2543, 03 VAT 4859; 03 ROME 5205", "A:08ROME2543 A:03VATICAN4859 A:03ROME5205"},
		{"slashes", "Refs: A) Kabul 936/935; B) 06 Kabul 5353/5194", "A:08KABUL936 A:08KABUL935 B:06KABUL5353 B:06KABUL5194"},
		// Year and id forms.
		{"'08", "REF: A. '08 BUENOS AIRES 1491", "A:08BUENOSAIRES1491"},
		{"typed year", "REF: QUITO 5; 094 QUITO 841", "-:08QUITO5 -:09QUITO841"},
		{"as an id", "REF: 09CAIRO0561; 09DHAHRAN 201", "-:09CAIRO561 -:09DHAHRAN201"},
		{"hyphens", "REF: 10-OTTAWA-57", "-:10OTTAWA57"},
		{"year after", "REF: A. ASUNCION 701 (08) B. QUITO 4525-91 C. PANAMA 00789/07", "A:08ASUNCION701 B:91QUITO4525 C:07PANAMA789"},
		{"year apart", "REF: I) 0 8 TRIPOLI 227", "I:08TRIPOLI227"},
		// Posts as people write them.
		{"aliases", "REF: A. SECTSTATE 1 B. HAGUE 2 C. MEXICO CITY 3 D. RIO 4 E. VAT 5 F. BRAZIL 6 G. IRPO DUBAI 7 H. DELHI 8 I. USUNESCO PARIS FR 9 J. PARIS FR 10",
			"A:08STATE1 B:08THEHAGUE2 C:08MEXICO3 D:08RIODEJANEIRO4 E:08VATICAN5 F:08BRASILIA6 G:08RPODUBAI7 H:08NEWDELHI8 I:08UNESCOPARISFR9 J:08UNESCOPARISFR10"},
		{"typos", "REF: A. BISHTEK 1 B. BRASILA 2 C. TRIPOLII 3 D. SAO PAUO 4 E. USUN NE YORK 5 F. ASHBABAT 6 G. SECTATE 7",
			"A:08BISHKEK1 B:08BRASILIA2 C:08TRIPOLI3 D:08SAOPAULO4 E:08USUNNEWYORK5 F:08ASHGABAT6 G:08STATE7"},
		{"abbreviations", "REF: A. RIO DE JAN 138 B. PORT A 76 C. PHNOM PEN 333 D. HCMC 196", "A:08RIODEJANEIRO138 B:08PORTAUPRINCE76 C:08PHNOMPENH333 D:08HOCHIMINHCITY196"},
		{"own post short", "REF: A. MAD 12", "A:08MADRID12"},
		{"suffixes", "REF: A. MADRID SP 0307 B. WHITE HOUSE WASHINGTON DC 481", "A:08MADRID307 B:08WHITEHOUSE481"},
		{"zero for O", "REF: A. 05 0TTAWA 3518 B. COTON0U 348 C. LAGOS O1512", "A:05OTTAWA3518 B:08COTONOU348 C:08LAGOS1512"},
		// What is not a cable.
		{"points", "REF: A. PARIS POINTS JULY 15 B. PARIS 1025", "A: B:08PARIS1025"},
		{"daily", "REF: LONDON DAILY - 13 FEBRUARY 2009", "-:"},
		{"svtc, letter", "REF: A. STATE-LONDON SVTC MAY 9 B. MAY 1 GILLARD-TREMONT LETTER", "A: B:"},
		{"e-mail", "REF: A. LAKHDHIR E-MAIL 12/01/09", "A:"},
		{"IIR", "REF: CAIRO IIR 6 899 0149 10; 2009 CAIRO 2394", "-: -:09CAIRO2394"},
		{"SECTO", "REF: SECTO 0008", "-:"},
		{"REFTEL", "REF: REFTEL KABUL 2245", "-:08KABUL2245"},
		{"unknown post", "REF: A. FOOBARIA 12", "A:"},
		{"ambiguous post", "REF: A. PORT 12", "A:"},
		{"DTG", "REF: A. SECDEF R162245Z OCT 08", "A:"},
		// A serial alone: the post cited before it, else the cable's own
		// (not for six digits, which are the Department's).
		{"serial alone", "REF: A) 6307 B) STATE 285773 C) 285774", "A:08MADRID6307 B:08STATE285773 C:08STATE285774"},
		{"six digits alone", "REF: 112981", "-:"},
	} {
		if got := refsOf(t, refCable(tc.ref), ""); got != tc.want {
			t.Errorf("%s: %s\n got %s\nwant %s", tc.class, tc.ref, got, tc.want)
		}
	}
}

// TestReferenceYear: a reference that writes no year takes the cable's
// date, else a date-time group further on in the record, else the year of
// the id the archive publishes it under.
func TestReferenceYear(t *testing.T) {
	extract := "This record is a partial extract of the original cable. The full text of the original cable is not available.\n\n" +
		"UNCLAS SECTION 01 OF 05 BRASILIA 003122\n\nSUBJECT: DECREE REF: SAO PAULO 1467\n\n1. (U) Text.\n"
	if got := refsOf(t, extract, ""); got != "-:" {
		t.Errorf("no year anywhere: %s", got)
	}
	if got := refsOf(t, extract, "03BRASILIA3122"); got != "-:03SAOPAULO1467" {
		t.Errorf("year of the archive's id: %s", got)
	}
	later := extract + "\n2. (U) More.\nO 231625Z JUL 02\nFM AMEMBASSY BRASILIA\n"
	if got := refsOf(t, later, "03BRASILIA3122"); got != "-:02SAOPAULO1467" {
		t.Errorf("year of a later date-time group: %s", got)
	}
}

// TestReferencesWrapped: a REF list wrapped over lines keeps its tail and
// the items after it, and nothing of it leaks into the text.
func TestReferencesWrapped(t *testing.T) {
	for _, tc := range []struct{ ref, want string }{
		{"REF: A. PARIS 1501\nB. PARIS 1568\nC. HOTR WASHINGTON DC//USDAO PARIS (SUBJ: IIR 6 832\n0617 08)\nD. PARIS 1600", "A:08PARIS1501 B:08PARIS1568 C: D:08PARIS1600"},
		{"REF: A) BRASILIA 2605, B) RIO\n\nDE JANEIRO 1291", "A:08BRASILIA2605 B:08RIODEJANEIRO1291"},
		{"REFS: A. STATE 7869 B. 03 HANOI 3232 C. 03\n\nHANOI 2323 D. HANOI 336", "A:08STATE7869 B:03HANOI3232 C:03HANOI2323 D:08HANOI336"},
		{"REF: A. STATE 1\nB. 06 STATE 2\nC. 06 STATE 3\nD.\n05 state 220738", "A:08STATE1 B:06STATE2 C:06STATE3 D:05STATE220738"},
		{"REF: (C) LAGOS\n01583, (D) Lagos 1678", "C:08LAGOS1583 D:08LAGOS1678"},
		{"REF: REF (A) MADRID 3785 (B) MADRID 3566 (C) SECSTATE\n\n36633", "A:08MADRID3785 B:08MADRID3566 C:08STATE36633"},
	} {
		c := Parse([]byte(refCable(tc.ref)))
		var got []string
		for _, r := range c.Header.References {
			got = append(got, r.Label+":"+r.ID)
		}
		if g := strings.Join(got, " "); g != tc.want {
			t.Errorf("%q\n got %s\nwant %s", tc.ref, g, tc.want)
		}
		if len(c.Body) != 1 || c.Body[0].Number != 1 {
			t.Errorf("%q: the text is %d paragraphs, first %+v", tc.ref, len(c.Body), c.Body)
		}
	}
}

// TestReferencesOfRealCables: real cables of the 2010 and 2011 mirrors in
// testdata/refs (see its README), read as the archive publishes them.
func TestReferencesOfRealCables(t *testing.T) {
	want := map[string]string{
		// A partial extract, undated, its REF run onto the subject line.
		"03BRASILIA3122": "-:03SAOPAULO1467",
		"04BRASILIA445":  "A:04STATE29549 B:04SAOPAULO276 C:04RIODEJANEIRO128 D:04BRASILIA313 E:04BRASILIA222 F:04BRASILIA202 G:03SAOPAULO2199 H:03BRASILIA3868 I:03BRASILIA3138 J:03BRASILIA3122 K:03BRASILIA2943 L:03SAOPAULO1186",
		"08BAKU671":      "A:08BAKU494 B:08ASHGABAT817 C:08ANKARA1172",
		"08LONDON1350":   "A: B:08LONDON1159 C: D:08LONDON1115 E:08LONDON1064 F:",
		"08PARIS1698":    "A:08PARIS1501 B:08PARIS1568 C: D:",
		// The page gives a cut copy of the REF line (STATE 85678 alone)
		// and the whole list further on.
		"08USNATO281":  "A:08STATE85678 B:08USNATO279 C:08USNATO278 D:08USNATO277 E:08USNATO274 F:08USNATO275 G:08USNATO276",
		"09ISTANBUL83": "-:09RPODUBAI95",
		// Its one reference written "REF A: STATE 120288".
		"10STATE9124":  "A:10STATE120288",
		"09TRIPOLI208": "A:08TRIPOLI564 B:08TRIPOLI592 C:09TRIPOLI198 D:08TRIPOLI870 E:08TRIPOLI679 F:08TRIPOLI494 G:09TRIPOLI196 H:09TRIPOLI134 I:08TRIPOLI227",
	}
	files, _ := filepath.Glob("testdata/refs/*.txt")
	if len(files) != len(want) {
		t.Fatalf("testdata/refs holds %d cables, want %d", len(files), len(want))
	}
	for _, f := range files {
		id := strings.TrimSuffix(filepath.Base(f), ".txt")
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if got := refsOf(t, string(data), id); got != want[id] {
			t.Errorf("%s:\n got %s\nwant %s", id, got, want[id])
		}
	}
	// 08PARIS1698's wrapped items leave nothing in its text.
	data, _ := os.ReadFile("testdata/refs/08PARIS1698.txt")
	c := ParseAs(data, "08PARIS1698")
	if c.Body[0].Number != 1 || strings.Contains(c.Body[0].Text, "0626 08") {
		t.Errorf("08PARIS1698 ¶1: %d %.60q", c.Body[0].Number, c.Body[0].Text)
	}
}
