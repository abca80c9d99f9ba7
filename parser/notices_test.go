package parser

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestNotices checks that each oddity of a broken or hostile input is
// named, and nothing else is.
func TestNotices(t *testing.T) {
	sample, err := os.ReadFile("../testdata/09TOKYO2531.txt")
	if err != nil {
		t.Fatal(err)
	}
	s := strings.ReplaceAll(string(sample), "\r\n", "\n")
	header, _, _ := strings.Cut(s, "C O N F I D E N T I A L")
	for _, tt := range []struct {
		name, in string
		want     []string
	}{
		{"sample", s, nil},
		{"escape sequences", strings.Replace(s, "Thais", "Thais\x1b]0;pwned\x07 \x1b[2J\u202e", 1), []string{
			"the text holds 3 control characters or escape sequences"}},
		{"one bell", strings.Replace(s, "Thais", "Thais\a", 1), []string{
			"the text holds a control character or escape sequence"}},
		{"Latin-1", strings.Replace(s, "Thais", "Tha\xefs", 1), []string{"input is not UTF-8: read as Latin-1"}},
		{"header only", header, []string{"the cable has a header but no text"}},
		{"no header", "Some notes on a meeting.\n\nThe minister spoke first.\n", []string{
			"no cable header (routing, classification, subject or TAGS): the text is read as the body"}},
		{"no cable at all", "\n\n  \n", []string{"nothing in the text reads as a cable: it is kept as written"}},
		{"cut mid-sentence", s[:strings.Index(s, "Thais in Japan")+8], []string{
			"the text stops mid-sentence: the cable may be cut off"}},
		{"cut after a comma", "UNCLAS STATE 000001\nSUBJECT: TEST\n\n1. (U) The minister said that the talks, which began in May,", []string{
			"the text stops mid-sentence: the cable may be cut off"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := Parse([]byte(tt.in)).Notices; !reflect.DeepEqual(got, tt.want) {
				t.Errorf("notices %q, want %q", got, tt.want)
			}
		})
	}
}

// TestNoNoticesOnRealCables: a real cable that is whole gives no notice
// but the Latin-1 one; the one cable published without its text says so.
func TestNoNoticesOnRealCables(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(cablesDir, "*.txt"))
	if len(files) == 0 {
		t.Fatalf("no cables in %s", cablesDir)
	}
	for _, f := range files {
		for _, n := range parseFile(t, f).Notices {
			switch {
			case n == "input is not UTF-8: read as Latin-1":
			case n == "the cable has a header but no text" && strings.HasSuffix(f, "06KABUL3934.txt"):
			default:
				t.Errorf("%s: notice %q", filepath.Base(f), n)
			}
		}
	}
}

func TestEndsMidSentence(t *testing.T) {
	for text, want := range map[string]bool{
		"The embassy will report septel.":                              false,
		"the fact that this visit does not have unanimous support":     true,
		"the talks, which began in May,":                               true,
		"with the government. END COMMENT THORNE":                      false,
		"Best, Jeff clinton":                                           false,
		"visit: http://www.state.sgov.gov/p/nea/kuwait/ * misenheimer": false,
		"this policy will be aired in the Spanish media Aguirre":       false,
		"He said “stop.”the cat sat down and":                          true,
		"He said “stop.” The cat sat.":                                 false,
	} {
		if got := endsMidSentence(text); got != want {
			t.Errorf("endsMidSentence(%q) = %v", text, got)
		}
	}
}

// Paragraph numbers run past 9,999 in very long (synthetic) cables.
func TestManyParagraphs(t *testing.T) {
	var b strings.Builder
	b.WriteString("UNCLAS STATE 000001\nSUBJECT: MANY PARAGRAPHS\n\n")
	for i := 1; i <= 12000; i++ {
		fmt.Fprintf(&b, "%d. (U) Paragraph number %d.\n\n", i, i)
	}
	c := Parse([]byte(b.String()))
	if n := len(c.Body); n != 12000 || c.Body[n-1].Number != 12000 || c.Body[9999].Number != 10000 {
		t.Fatalf("%d paragraphs, last ¶%d", n, c.Body[n-1].Number)
	}
}
