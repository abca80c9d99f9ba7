package parser

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"cablereader/model"
)

// TestVariants checks exact fields on real cables that each carry a
// variant of the format the sample does not.
func TestVariants(t *testing.T) {
	refIDs := func(c *model.Cable) (ids []string) {
		for _, r := range c.Header.References {
			ids = append(ids, r.Label+":"+r.ID)
		}
		return ids
	}
	numbers := func(c *model.Cable) (ns []int) {
		for _, p := range c.Body {
			if p.Number > 0 {
				ns = append(ns, p.Number)
			}
		}
		return ns
	}
	seq := func(n int) (s []int) {
		for i := 1; i <= n; i++ {
			s = append(s, i)
		}
		return s
	}
	for _, tc := range []struct {
		file  string
		check func(t *testing.T, c *model.Cable)
	}{
		{"07BOGOTA1165", func(t *testing.T, c *model.Cable) { // Latin-1, CRLF, pilcrow as byte 0xB6
			eq(t, "id", c.ID, "07BOGOTA1165")
			eq(t, "date", c.Date, time.Date(2007, 2, 16, 19, 2, 0, 0, time.UTC))
			eq(t, "classification", c.Classification.String(), "UNCLASSIFIED")
			eq(t, "caveats", c.Caveats, []string{"SIPDIS", "SIPDIS"})
			eq(t, "subject", c.Header.Subject, "COLOMBIA REQUESTS SUPPORT FOR CANDIDATE FOR INTERAMERICAN JUDICIAL COMMITTEE")
			eq(t, "passing", c.Header.Passing, []string{"FOR WHA/AND, WHA/USOAS"})
			eq(t, "numbers", numbers(c), seq(4))
			eq(t, "label", c.Body[0].Label, "¶1.")
			eq(t, "signature", c.Signature, "DRUCKER")
			eq(t, "notice", c.Notices, []string{"input is not UTF-8: read as Latin-1"})
		}},
		{"00HOCHIMINHCITY838", func(t *testing.T, c *model.Cable) { // metadata lines on top, header glued to the body, printout pages
			eq(t, "preamble", c.Preamble[0], "00HOCHIMINHCITY838")
			eq(t, "partial", c.Partial, true)
			eq(t, "id", c.ID, "00HOCHIMINHCITY838")
			eq(t, "to", c.Routing.To, []model.Addressee{{Name: "SECSTATE WASHDC", Serial: "2952"}})
			eq(t, "info", c.Routing.Info, []model.Addressee{{Name: "AMEMBASSY HANOI"}})
			eq(t, "section", c.Section, model.Section{Number: 1, Total: 3})
			eq(t, "page markers", len(c.PageMarkers), 9)
			eq(t, "page 2", c.PageMarkers[1], model.PageMarker{Text: "UNCLASSIFIED\nPAGE 02        HO CHI  00838  01 OF 03  170856Z", Page: 2})
			eq(t, "¶1 spans", c.Body[0].Spans[0].Kind, model.Summary)
			if !strings.Contains(c.Body[0].Text, "NO DIFFERENTLY THAN OTHER VIETNAMESE. END SUMMARY.") {
				t.Error("¶1 not rejoined across the printout page break")
			}
			eq(t, "heading ¶2", c.Body[1].Heading, `"CON LAI MY"`)
			eq(t, "signature", c.Signature, "RAY")
		}},
		{"90CAPETOWN97", func(t *testing.T, c *model.Cable) { // 1990 printout, SUMMARY as a heading
			eq(t, "eo", *c.Header.EO, model.EO{Order: "12356", Declassify: "OADR", Text: "E.O. 12356:  DECL:  OADR"})
			eq(t, "subject", c.Header.Subject, "ESSA MOOSA TALKS ABOUT MANDELA AND OTHER TOPICS")
			eq(t, "numbers", numbers(c), seq(17))
			eq(t, "heading ¶2", c.Body[1].Heading, "SUMMARY")
			for i := 1; i <= 4; i++ {
				eq(t, "summary ¶"+c.Body[i].Label, len(c.Body[i].Spans) > 0 && c.Body[i].Spans[0].Kind == model.Summary, true)
			}
			eq(t, "¶6 spans", len(c.Body[5].Spans), 0)
			eq(t, "repeated banner kept", strings.Count(strings.Join(c.Header.Lines, "\n"), "SECTION 02 OF 03 CAPE TOWN"), 1)
			eq(t, "passing once", c.Header.Passing, []string{"LONDON FOR KOLKER, PARIS FOR FENDRICK"})
			eq(t, "signature", c.Signature, "BAQUET")
		}},
		{"08STATE15220", func(t *testing.T, c *model.Cable) { // caption block in lower case, 18 lettered refs
			eq(t, "classification", c.Classification.String(), "SECRET")
			eq(t, "tags", c.Header.Tags, []string{"PARM", "PREL", "ETTC", "MTCRE", "KSCA", "GM", "IR"})
			eq(t, "subject", c.Header.Subject, "further scheming by german firm to export test chamber to iranian ballistic missile program")
			eq(t, "eo", c.Header.EO.Declassify, "2033-02-14")
			eq(t, "classified by", *c.Header.ClassifiedBy, model.ClassifiedBy{Authority: "ISN/MTR DIRECTOR PAM DURHAM",
				Reasons: []string{"1.4(b)", "1.4(d)"}, Text: "Classified By: ISN/MTR DIRECTOR PAM DURHAM for reasons 1.4 (b), (d)."})
			refs := refIDs(c)
			eq(t, "refs", len(refs), 18)
			eq(t, "ref A", refs[0], "A:05STATE201650")
			eq(t, "ref L (not a cable)", refs[11], "L:")
			eq(t, "ref P", refs[15], "P:07BERLIN2163")
		}},
		{"72TEHRAN1164", func(t *testing.T, c *model.Cable) { // 1972, no VZCZC header, refs without year
			eq(t, "routing lines", c.Routing.Lines[0], "R 250930Z FEB 72")
			eq(t, "precedence", c.Precedence, model.Routine)
			eq(t, "to", c.Routing.To, []model.Addressee{{Name: "SECSTATE WASHDC", Serial: "7561"}})
			eq(t, "info", len(c.Routing.Info), 3)
			eq(t, "refs", refIDs(c), []string{":72TEHRAN1091", ":72TEHRAN263", ":72MOSCOW1603"})
			eq(t, "eo", c.Header.EO.Declassify, "AS AMENDED; DECLASSIFIED JUNE 21, 2006")
			eq(t, "numbers", numbers(c), seq(8))
			eq(t, "lead-in kept unnumbered", c.Body[0].Text, "COUNTRY TEAM. MESSAGE")
			eq(t, "signature", c.Signature, "HECK")
		}},
		{"07KUWAIT808", func(t *testing.T, c *model.Cable) { // lower-case page markers, stray Sipdis, signature in its own case
			eq(t, "page markers", len(c.PageMarkers), 6)
			eq(t, "marker", c.PageMarkers[0], model.PageMarker{Text: "Kuwait 00000808 002 of 007", Page: 2, Total: 7})
			eq(t, "caveats", c.Caveats, []string{"SIPDIS", "NOFORN", "SIPDIS", "Sipdis"})
			eq(t, "noforn", c.NoForn(), true)
			eq(t, "signature", c.Signature, "LeBaron")
		}},
		{"01PRETORIA1173", func(t *testing.T, c *model.Cable) { // refs with two-digit years and without
			eq(t, "refs", refIDs(c), []string{"A:99PRETORIA12315", "B:99PRETORIA12316", "C:00PRETORIA9150", "D:00CAPETOWN2150",
				"E:01PRETORIA425", "F:01PRETORIA533", "G:01CAPETOWN179", "H:01PRETORIA619"})
			eq(t, "reasons", c.Header.ClassifiedBy.Reasons, []string{"1.5(b)", "1.5(d)"})
			eq(t, "authority", c.Header.ClassifiedBy.Authority, "AMBASSADOR DELANO E. LEWIS")
		}},
		{"10SHENYANG4", func(t *testing.T, c *model.Cable) { // station redacted in the banner and the REF
			eq(t, "id", c.ID, "10SHENYANG4")
			eq(t, "ref id", refIDs(c), []string{":"})
		}},
		{"09DOHA214", func(t *testing.T, c *model.Cable) { // a mail client's printout, the cable's header inside it
			eq(t, "id", c.ID, "09DOHA214")
			eq(t, "date", c.Date, time.Date(2009, 3, 26, 13, 41, 0, 0, time.UTC))
			eq(t, "station", c.Routing.Station, "RUEHDO")
			eq(t, "printout kept", c.Routing.Lines[0], "Stephen H Rogerson  12/02/2009 11:08:08 AM  From  DB/Inbox:  Search")
			eq(t, "info", len(c.Routing.Info), 7)
			eq(t, "noforn", c.NoForn(), true)
			eq(t, "subject", c.Header.Subject, "QATAR: 2009 CI/KR RESPONSE FOR S/CT")
			eq(t, "tags", len(c.Header.Tags), 12)
			eq(t, "refs (year after the serial)", refIDs(c), []string{"A:09STATE15113", "B:08DOHA152", "C:08DOHA75", "D:07DOHA311"})
			eq(t, "numbers", numbers(c), seq(20))
		}},
		{"09KHARTOUM881", func(t *testing.T, c *model.Cable) { // truncated: ends "..."
			eq(t, "partial", c.Partial, true)
			eq(t, "trailer", c.Trailer, []string{"..."})
			eq(t, "signature", c.Signature, "Whitehead")
		}},
	} {
		t.Run(tc.file, func(t *testing.T) {
			tc.check(t, parseFile(t, filepath.Join(cablesDir, tc.file+".txt")))
		})
	}
}

func eq(t *testing.T, name string, got, want any) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s = %#v, want %#v", name, got, want)
	}
}
