package input

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const pagesDir = "../testdata/pages"

// A page showing the cable's raw cables.csv row: the row becomes the
// archive's record, one field a line, and the header and text lose the
// backslashes that escaped their line breaks.
func TestRowFragment(t *testing.T) {
	in := "VZCZCXRO4324\nO 101451Z JUL 06\n\n" +
		"2006-07-10 14:51:00\t06BERN1280\tEmbassy Bern\tCONFIDENTIAL\t\tVZCZCXRO4324\\\nO 101451Z JUL 06\t" +
		"C O N F I D E N T I A L BERN 001280 \\\n \\\nSUBJECT: IRAN \\\n \\\n1.(C) Summary: text \\\nURBAN \\\n"
	text, f, err := Decode([]byte(in), Limits{})
	if err != nil || f != Row {
		t.Fatalf("format %q, err %v", f, err)
	}
	want := "VZCZCXRO4324\nO 101451Z JUL 06\n\n" +
		"date: 2006-07-10 14:51:00\nrefid: 06BERN1280\norigin: Embassy Bern\nclassification: CONFIDENTIAL\ndestination: \n" +
		"header:\nVZCZCXRO4324\nO 101451Z JUL 06\n----------------- header ends ----------------\n" +
		"C O N F I D E N T I A L BERN 001280 \n \nSUBJECT: IRAN \n \n1.(C) Summary: text \nURBAN \n"
	if string(text) != want {
		t.Errorf("got\n%s\nwant\n%s", text, want)
	}
}

func TestRowRealPages(t *testing.T) {
	for _, name := range []string{"06BERN1280.txt", "05BOGOTA9257.txt"} {
		data, err := os.ReadFile(filepath.Join(pagesDir, name))
		if err != nil {
			t.Fatal(err)
		}
		text, f, err := Decode(data, Limits{})
		if err != nil || f != Row {
			t.Fatalf("%s: format %q, err %v", name, f, err)
		}
		for _, l := range strings.Split(string(text), "\n") {
			if strings.HasSuffix(strings.TrimSpace(l), `\`) || strings.Contains(l, "\t") {
				t.Errorf("%s: line %q keeps the row's escaping", name, l)
			}
		}
		if !bytes.Contains(text, []byte("\nrefid: "+strings.TrimSuffix(name, ".txt")+"\n")) {
			t.Errorf("%s: no refid line", name)
		}
	}
}

// A PlusD record page: its metadata table becomes the record's fields (the
// subject last), then the telegram's header and text.
func TestPlusDPages(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(pagesDir, "*_b.html"))
	if len(files) != 3 {
		t.Fatalf("found %d PlusD pages", len(files))
	}
	for _, path := range files {
		data, _ := os.ReadFile(path)
		text, f, err := Decode(data, Limits{})
		if err != nil || f != PlusD {
			t.Fatalf("%s: format %q, err %v", path, f, err)
		}
		id := strings.TrimSuffix(filepath.Base(path), ".html")
		s := string(text)
		if !strings.Contains(s, "\nCanonical ID: "+id+"\n") || !strings.HasPrefix(s, "Date: ") || !strings.Contains(s, "\nSubject: ") || strings.Contains(s, "<") {
			t.Errorf("%s: decoded to\n%s", id, s[:min(len(s), 800)])
		}
	}
	data, _ := os.ReadFile(filepath.Join(pagesDir, "1974ATHENS02959_b.html"))
	text, _, _ := Decode(data, Limits{})
	head := strings.SplitN(string(text), "\n", 5)
	want := []string{"Date: 1974 May 17, 16:00 (Friday)", "Canonical ID: 1974ATHENS02959_b", "Original Classification: LIMITED OFFICIAL USE"}
	for i, w := range want {
		if head[i] != w {
			t.Errorf("line %d: %q, want %q", i, head[i], w)
		}
	}
	for _, l := range []string{"\nTAGS: AMBATIELOS, ANTHONY | GR - Greece; Crete | KALOUDIS, NICK | PINS - Political Affairs--Internal Security\n",
		"\nFrom: Greece Athens\n", "\nSubject: ARRESTS OF KALOUDIS AND AMBATIELOS\n\n", "\nR 171600Z MAY 74\n", "\nTASCA\n", `OF AMBATIELOS. GOG STATEMENT EMPHASIZED ITS "DEVOTION`} {
		if !strings.Contains(string(text), l) {
			t.Errorf("no %q", l)
		}
	}
}

// A page of the PlusD site without the telegram's divisions is read as
// any other web page.
func TestPlusDFallsBackToPre(t *testing.T) {
	page := `<!DOCTYPE html><html><script src="/plusd/js/x.js"></script><pre>UNCLAS STATE 000001
SUBJECT: TEST</pre></html>`
	text, f, err := Decode([]byte(page), Limits{})
	if err != nil || f != PlusD || string(text) != "UNCLAS STATE 000001\nSUBJECT: TEST" {
		t.Errorf("%q %q %v", text, f, err)
	}
}

// 09BERN260's row gives its date twice, with no number between, before
// the id: it is read as a row, its record and its text unescaped.
func TestRowDateTwice(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(pagesDir, "09BERN260.txt"))
	if err != nil {
		t.Fatal(err)
	}
	text, f, err := Decode(data, Limits{})
	if err != nil || f != Row {
		t.Fatalf("format %q, err %v", f, err)
	}
	for _, want := range []string{"\ndate: 2009-06-23 10:45:00\nrefid: 09BERN260\norigin: Embassy Bern\nclassification: SECRET\n",
		"\nSUBJECT: GUANTANAMO CLOSURE:  SWISS EAGER TO MOVE ON \nRESETTLEMENT CASES", "Closure Dan \nFried"} {
		if !bytes.Contains(text, []byte(want)) {
			t.Errorf("no %q in\n%.1500s", want, text)
		}
	}
}

// Some rows give the number and date twice before the id: both copies are
// kept in the record.
func TestRowRepeatedStart(t *testing.T) {
	in := "167757\t2008-08-28 15:09:00\t167757\t2008-08-28 15:09:00\t08BERN443\tEmbassy Bern\tCONFIDENTIAL\t\tVZCZCXRO4059\\\nO 281509Z AUG 08\tC O N F I D E N T I A L BERN 000443 \\\n"
	text, f, err := Decode([]byte(in), Limits{})
	want := "id: 167757\ndate: 2008-08-28 15:09:00\nid: 167757\ndate: 2008-08-28 15:09:00\nrefid: 08BERN443\norigin: Embassy Bern\nclassification: CONFIDENTIAL\ndestination: \n" +
		"header:\nVZCZCXRO4059\nO 281509Z AUG 08\n----------------- header ends ----------------\nC O N F I D E N T I A L BERN 000443 \n"
	if err != nil || f != Row || string(text) != want {
		t.Errorf("format %q err %v, got\n%s\nwant\n%s", f, err, text, want)
	}
}
