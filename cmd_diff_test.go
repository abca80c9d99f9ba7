package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// The word diffs of two cables between the 2010 and the 2011 release:
// 10TRIPOLI95 redacts "Our contact", 08PARIS1698 restores a section the
// 2010 page showed as XXXXXXXXXXXX, 08CAIRO2091 redacts its sources
// paragraph by paragraph. Exact, in golden files.
func TestDiffCommand(t *testing.T) {
	for _, id := range []string{"10TRIPOLI95", "08PARIS1698", "08CAIRO2091"} {
		t.Run(id, func(t *testing.T) {
			code, out, errs := runArgs("diff", "testdata/versions/2010/"+id+".txt", "testdata/versions/2011/"+id+".html")
			if code != 0 || errs != "" {
				t.Fatalf("%d %q", code, errs)
			}
			golden.RequireEqual(t, []byte(out))
		})
	}
	_, out, _ := runArgs("diff", "testdata/versions/2010/10TRIPOLI95.txt", "testdata/versions/2011/10TRIPOLI95.html")
	if !strings.Contains(out, "\nredaction added in ¶3: \"Our contact\"\n") ||
		!strings.Contains(out, "hotel room over Christmas. [-Our contact-]{+XXXXXXXXXXXX+} told us that Aline") {
		t.Errorf("10TRIPOLI95:\n%s", out)
	}
	_, out, _ = runArgs("diff", "testdata/versions/2010/08PARIS1698.txt", "testdata/versions/2011/08PARIS1698.html")
	if !strings.Contains(out, "\nredaction lifted after ¶2: \"The Bases (C) France has long maintained five permanent military bases with … (3793 words)\"\n") {
		t.Errorf("08PARIS1698:\n%s", out)
	}
	// Each paragraph is compared with the paragraph of its number: ¶4
	// redacts two phrases and ¶5–¶7 are found in both versions.
	_, out, _ = runArgs("diff", "testdata/versions/2010/08CAIRO2091.txt", "testdata/versions/2011/08CAIRO2091.html")
	for _, want := range []string{
		"\n147 words deleted, 29 inserted · 7 of 10 blocks changed · redactions: 18 added, 0 lifted\n",
		"\nredaction added in ¶4: \"A political-military analyst with an academic background at the GOE-funded Al-Ahram Center\"\n",
		"\nredaction added in ¶4: \"and in 2006 refused to allow the Al-Ahram Center to pursue a … (27 words)\"\n",
		"\nredaction added in ¶6: \"One of the Al-Ahram Center political-military analysts\"\n",
		"\n¶4\n(C) [-A political-military analyst",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("08CAIRO2091: no %q in\n%s", want, out)
		}
	}
	if strings.Contains(out, "only in the") {
		t.Errorf("08CAIRO2091: a paragraph left unpaired:\n%s", out)
	}
}

func TestDiffCommandJSONAndArchive(t *testing.T) {
	// An id and an archive: a folder holding the text of 2010 and the
	// page of 2011 lists the cable once and keeps the page as a version.
	dir := t.TempDir()
	for _, f := range []string{"testdata/versions/2010/10TRIPOLI95.txt", "testdata/versions/2011/10TRIPOLI95.html", "testdata/cables/09TOKYO2531.txt"} {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(f)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, out, errs := runArgs("diff", "--format", "json", "10tripoli95", dir)
	var d struct {
		A, B       map[string]string
		DeletedW   int `json:"deleted_words"`
		InsertedW  int `json:"inserted_words"`
		Redactions []map[string]string
		Blocks     []struct {
			Name    string
			Changed bool
			Spans   []map[string]string
		}
	}
	if code != 0 || errs != "" || json.Unmarshal([]byte(out), &d) != nil {
		t.Fatalf("%d %q\n%s", code, errs, out)
	}
	if filepath.Base(d.A["source"]) != "10TRIPOLI95.txt" || filepath.Base(d.B["source"]) != "10TRIPOLI95.html" || d.A["date"] != "2010-02-02" {
		t.Errorf("versions %v %v", d.A, d.B)
	}
	if d.DeletedW != 2 || d.InsertedW != 1 || len(d.Redactions) != 1 || d.Redactions[0]["kind"] != "added" || d.Redactions[0]["words"] != "Our contact" || d.Redactions[0]["block"] != "¶3" {
		t.Errorf("counts %d %d, redactions %v", d.DeletedW, d.InsertedW, d.Redactions)
	}
	var changed []string
	for _, b := range d.Blocks {
		if b.Changed {
			changed = append(changed, b.Name)
			got, _ := json.Marshal(b.Spans[1:3])
			if string(got) != `[{"op":"-","text":"Our contact"},{"op":"+","text":"XXXXXXXXXXXX"}]` {
				t.Errorf("spans %s", got)
			}
		}
	}
	if strings.Join(changed, ",") != "¶3" || len(d.Blocks) != 7 {
		t.Errorf("changed %v of %d blocks", changed, len(d.Blocks))
	}
	// The same file twice: no change, exit 1 as diff. An id held once: 1.
	if code, out, _ := runArgs("diff", "testdata/cables/09TOKYO2531.txt", "testdata/cables/09TOKYO2531.txt"); code != 1 || !strings.Contains(out, "the same words") {
		t.Errorf("same: %d %q", code, out)
	}
	if code, _, errs := runArgs("diff", "09TOKYO2531", dir); code != 1 || errs != "cablereader: 09TOKYO2531: the archive holds 1 copy of it; diff needs two\n" {
		t.Errorf("one copy: %d %q", code, errs)
	}
	if code, _, errs := runArgs("diff", "testdata/cables/09TOKYO2531.txt"); code != 2 || !strings.Contains(errs, "Try 'cablereader diff --help'.") {
		t.Errorf("usage: %d %q", code, errs)
	}
}
