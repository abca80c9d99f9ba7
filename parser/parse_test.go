package parser

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"cablereader/model"
)

const cablesDir = "../testdata/cables"

func parseFile(t testing.TB, path string) *model.Cable {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return Parse(data)
}

func TestSample(t *testing.T) {
	c := parseFile(t, "../testdata/09TOKYO2531.txt")
	eq := func(name string, got, want any) {
		t.Helper()
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s = %#v, want %#v", name, got, want)
		}
	}
	eq("ID", c.ID, "09TOKYO2531")
	eq("classification", c.Classification.String(), "CONFIDENTIAL")
	eq("caveats", c.Caveats, []string{"SIPDIS"})
	eq("origin", c.Origin, "AMEMBASSY TOKYO")
	eq("date", c.Date, time.Date(2009, 11, 2, 7, 23, 0, 0, time.UTC))
	eq("precedence", c.Precedence, model.Immediate)
	eq("subject", c.Header.Subject, "THAILAND AND JAPAN TO INK SOP ON TIP")
	eq("tags", c.Header.Tags, []string{"KTIP", "PGOV", "PHUM", "ELAB", "JA", "TH"})
	eq("passing", c.Header.Passing, []string{"DEPARTMENT FOR G/TIP: CHRIS CHAN-DOWNER"})
	eq("eo", *c.Header.EO, model.EO{Order: "12958", Declassify: "2019-11-02", Text: "E.O. 12958: DECL: 11/02/2019"})
	eq("classified by", *c.Header.ClassifiedBy, model.ClassifiedBy{
		Authority: "DCM James P. Zumwalt", Reasons: []string{"1.4(b)", "1.4(d)"},
		Text: "Classified By: DCM James P. Zumwalt per 1.4 (b, d)"})
	eq("section", c.Section, model.Section{Number: 1, Total: 2})
	eq("signature", c.Signature, "ROOS")
	eq("partial", c.Partial, false)
	eq("unplaced", len(c.Unplaced), 0)
	eq("references", len(c.Header.References), 0)

	r := c.Routing
	eq("transmission id", r.TransmissionID, "VZCZCXRO5973")
	eq("prosign", r.Prosign, "OO")
	eq("indicators", len(r.Indicators), 20)
	eq("first indicator", r.Indicators[0], "RUEHBI")
	eq("station", r.Station, "RUEHKO")
	eq("serial", r.Serial, "2531")
	eq("section", r.SectionNumber, "01")
	eq("julian", r.Julian, "3060723")
	eq("security", r.Security, "ZNY CCCCC ZZH")
	eq("dtg", r.DTG, "020723Z NOV 09")
	eq("to", r.To, []model.Addressee{{RI: "RUEHC", Name: "SECSTATE WASHDC", Precedence: model.Immediate, Serial: "7199"}})
	eq("info count", len(r.Info), 18)
	eq("info[0]", r.Info[0], model.Addressee{RI: "RUCNASE", Name: "ASEAN MEMBER COLLECTIVE", Precedence: model.Priority})
	eq("info[5]", r.Info[5], model.Addressee{RI: "RUEHBK", Name: "AMEMBASSY BANGKOK", Precedence: model.Priority, Serial: "4734"})
	eq("info[17]", r.Info[17], model.Addressee{RI: "RUEAWJA", Name: "JUSTICE DEPT WASHDC", Precedence: model.Priority})

	eq("page markers", c.PageMarkers, []model.PageMarker{
		{Text: "TOKYO 00002531 001.2 OF 002", Page: 1, Total: 2},
		{Text: "TOKYO 00002531 002.2 OF 002", Page: 2, Total: 2}})

	var nums []int
	for _, p := range c.Body {
		nums = append(nums, p.Number)
		if p.Marking != "C" {
			t.Errorf("¶%d marking = %q, want C", p.Number, p.Marking)
		}
	}
	eq("paragraph numbers", nums, []int{1, 2, 3, 4, 5, 6})
	eq("labels", c.Body[0].Label+" "+c.Body[5].Label, "11. 16.")
	eq("heading ¶3", c.Body[2].Heading, "OUTLINE OF THE SOP")
	eq("heading ¶5", c.Body[4].Heading, "THE PRESENT SITUATION")
	for _, i := range []int{0, 1, 3, 5} {
		eq("no heading", c.Body[i].Heading, "")
	}
	if !strings.Contains(c.Body[4].Text, "the total number of Thais in Japan is about 40,000") {
		t.Errorf("¶5 not rejoined across the page break: %q", c.Body[4].Text[:200])
	}
	if strings.Contains(c.Body[5].Text, "ROOS") {
		t.Errorf("signature left in ¶6: …%q", c.Body[5].Text[len(c.Body[5].Text)-40:])
	}
	kinds := func(p model.Paragraph) (ks []model.SpanKind) {
		for _, s := range p.Spans {
			ks = append(ks, s.Kind)
		}
		return ks
	}
	eq("¶1 spans", kinds(c.Body[0]), []model.SpanKind{model.Summary})
	eq("¶2 spans", kinds(c.Body[1]), []model.SpanKind(nil))
	eq("¶3 spans", kinds(c.Body[2]), []model.SpanKind{model.Note})
	eq("¶5 spans", kinds(c.Body[4]), []model.SpanKind{model.Note})
	eq("¶6 spans", kinds(c.Body[5]), []model.SpanKind{model.Note})
	s := c.Body[0].Spans[0]
	eq("summary start", s.Start, 0)
	eq("summary covers END SUMMARY.", c.Body[0].Text[s.End-12:s.End], "END SUMMARY.")
	if !strings.HasPrefix(s.Text, "First Secretary Rapipongs") || !strings.HasSuffix(s.Text, "remained to be negotiated.") {
		t.Errorf("summary text = %q", s.Text)
	}
	n := c.Body[5].Spans[0]
	eq("¶6 note block", c.Body[5].Text[n.Start:n.End], "(NOTE: Of the 230 TIP victims identified in Japan between 2005 and 2008, 43, or about 19%, were from Thailand. END NOTE)")
	eq("¶6 note text", n.Text, "Of the 230 TIP victims identified in Japan between 2005 and 2008, 43, or about 19%, were from Thailand.")
}

// manifestRow is one cable's published metadata.
type manifestRow struct{ id, created, classification string }

func readManifest(t *testing.T) []manifestRow {
	data, err := os.ReadFile(filepath.Join(cablesDir, "manifest.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	var rows []manifestRow
	for i, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		f := strings.Split(line, "\t")
		if i == 0 || len(f) < 3 {
			continue
		}
		rows = append(rows, manifestRow{f[0], f[1], f[2]})
	}
	return rows
}

// known lists where the published metadata and the text disagree, and why.
// The parser follows the text.
var known = map[string]string{
	// The record pairs a 1988 Baghdad header with the body of a 2008 State
	// cable (S e c r e t state 068250): the id and SECRET come from the body.
	"88BAGHDAD28": "id classification",
	// The text carries no NOFORN anywhere (banner, caveats or portion
	// marks); the published classification adds it.
	"06SEOUL2238": "classification",
	// No SUBJECT line in the text: the front matter goes from TAGS straight
	// to Classified By.
	"02BRASILIA4227": "subject",
	// A partial record cut off in the passing lines, before its SUBJECT.
	"06KABUL3934": "subject",
}

var dtg = regexp.MustCompile(`(?i)\b\d{6}Z\s*(JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)\s*\d{2}\b`)

// TestRealCables checks each cable against its published metadata: id,
// date (to the minute where the manifest gives it), classification level
// and NOFORN, and a subject. A cable dropped into the folder is tested too.
func TestRealCables(t *testing.T) {
	rows := readManifest(t)
	if len(rows) < 100 {
		t.Fatalf("manifest has %d rows", len(rows))
	}
	agree := 0
	for _, row := range rows {
		path := filepath.Join(cablesDir, row.id+".txt")
		if _, err := os.Stat(path); err != nil {
			continue
		}
		t.Run(row.id, func(t *testing.T) {
			raw, _ := os.ReadFile(path)
			c := Parse(raw)
			dated := dtg.Match(raw)
			var bad []string
			if c.ID != row.id && (dated || c.ID != row.id[2:]) {
				bad = append(bad, "id "+c.ID)
			}
			want := strings.Replace(row.created, " ", "T", 1)
			got := ""
			if c.HasDate() {
				got = c.Date.Format("2006-01-02T15:04")
			}
			if !strings.HasPrefix(got, want) && (dated || got != "") {
				bad = append(bad, "date "+got)
			}
			level, _, _ := strings.Cut(row.classification, "//")
			if c.Classification.Level.String() != level && !(level == "UNCLASSIFIED" && c.Classification.Level == model.Unclassified) {
				bad = append(bad, "classification "+c.Classification.String())
			} else if strings.Contains(row.classification, "NOFORN") && !c.NoForn() {
				bad = append(bad, "classification without NOFORN")
			}
			if strings.TrimSpace(c.Header.Subject) == "" {
				bad = append(bad, "subject")
			}
			if why, ok := known[row.id]; ok {
				if len(bad) == 0 {
					t.Errorf("listed as a known disagreement (%s) but agrees now: update the list", why)
				}
				return
			}
			if len(bad) > 0 {
				t.Errorf("disagrees with the manifest: %s", strings.Join(bad, "; "))
				return
			}
			agree++
		})
	}
	if total := len(rows); agree*100 < total*95 {
		t.Errorf("%d of %d cables agree with the manifest, want at least 95%%", agree, total)
	}
}

var word = regexp.MustCompile(`[A-Za-z0-9]{2,}`)

// strings collects every string held anywhere in v.
func allStrings(v reflect.Value, out *[]string) {
	switch v.Kind() {
	case reflect.String:
		*out = append(*out, v.String())
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			allStrings(v.Elem(), out)
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			allStrings(v.Field(i), out)
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			allStrings(v.Index(i), out)
		}
	}
}

// lost returns the words of the input that the model holds fewer times
// than the input does.
func lost(input []byte, c *model.Cable) []string {
	text := decoded(input)
	need := map[string]int{}
	for _, w := range word.FindAllString(text, -1) {
		need[strings.ToUpper(w)]++
	}
	var ss []string
	allStrings(reflect.ValueOf(c), &ss)
	have := map[string]int{}
	for _, s := range ss {
		for _, w := range word.FindAllString(s, -1) {
			have[strings.ToUpper(w)]++
		}
	}
	var missing []string
	for w, n := range need {
		if have[w] < n {
			missing = append(missing, w)
		}
	}
	return missing
}

func cableFiles(t testing.TB) []string {
	files, err := filepath.Glob(filepath.Join(cablesDir, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no cables in %s", cablesDir)
	}
	return files
}

// TestNothingLost: every word of the input is in the model at least as
// often; no page marker is left in any paragraph; nothing is unplaced
// that a field could hold.
func TestNothingLost(t *testing.T) {
	for _, f := range cableFiles(t) {
		raw, _ := os.ReadFile(f)
		c := Parse(raw)
		if m := lost(raw, c); len(m) > 0 {
			t.Errorf("%s: lost %d words, e.g. %v", filepath.Base(f), len(m), m[:min(5, len(m))])
		}
		for _, p := range c.Body {
			if loc := pageInline.FindString(p.Text); loc != "" {
				t.Errorf("%s: page marker %q left in ¶%d", filepath.Base(f), loc, p.Number)
			}
		}
		for _, n := range c.Notices {
			if strings.HasPrefix(n, "internal") {
				t.Errorf("%s: %s", filepath.Base(f), n)
			}
		}
	}
}
