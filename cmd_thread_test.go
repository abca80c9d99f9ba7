package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// threadArchive is a folder with the real cables and the crafted story
// of testdata/thread, and an index file for it.
func threadArchive(t *testing.T) (dir, db string) {
	t.Helper()
	dir = t.TempDir()
	files, _ := filepath.Glob("testdata/cables/*.txt")
	story, _ := filepath.Glob("testdata/thread/*.txt")
	if len(files) < 100 || len(story) != 7 {
		t.Fatalf("found %d real cables and %d of the story", len(files), len(story))
	}
	for _, f := range append(files, story...) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(f)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir, filepath.Join(t.TempDir(), "index.db")
}

func TestThreadCommand(t *testing.T) {
	dir, db := threadArchive(t)
	code, out, errs := runArgs("thread", "--index", db, "10tokyo3", dir)
	out = strings.ReplaceAll(out, dir+string(filepath.Separator), "")
	// Depth 3 each way: back through 10TOKYO2 and 10TOKYO1 to the real
	// 09TOKYO2531 and 09STATE63812; the loop through 10TOKYO4 drawn once,
	// with the absent 10 BANGKOK 77 it cites; forward three generations.
	want := "1\tcites\t10TOKYO2\t2010-02-01\tAMEMBASSY TOKYO\tTRAFFICKING MEMORANDUM: THE MINISTRY'S TIMETABLE\t10TOKYO2.txt\n" +
		"2\tcites\t10TOKYO1\t2010-01-15\tAMEMBASSY TOKYO\tFOLLOW-UP ON THE THAI-JAPANESE MEMORANDUM ON TRAFFICKING\t10TOKYO1.txt\n" +
		"3\tcites\t09TOKYO2531\t2009-11-02\tAMEMBASSY TOKYO\tTHAILAND AND JAPAN TO INK SOP ON TIP\t09TOKYO2531.txt\n" +
		"3\tcites\t09STATE63812\t2009-06-19\tSECSTATE WASHDC\tKUDOS FOR IRANIAN ELECTION REPORTING\t09STATE63812.txt\n" +
		"1\tcites\t10TOKYO4\t2010-03-15\tAMEMBASSY TOKYO\tTRAFFICKING MEMORANDUM: THE THAI VIEW\t10TOKYO4.txt\n" +
		"2\tcites\t10BANGKOK77\t\t\t\t\n" +
		"0\tcentre\t10TOKYO3\t2010-03-01\tAMEMBASSY TOKYO\tTRAFFICKING MEMORANDUM SIGNED\t10TOKYO3.txt\n" +
		"1\tcited-by\t10TOKYO4\t2010-03-15\tAMEMBASSY TOKYO\tTRAFFICKING MEMORANDUM: THE THAI VIEW\t10TOKYO4.txt\n" +
		"1\tcited-by\t10TOKYO5\t2010-04-01\tAMEMBASSY TOKYO\tTRAFFICKING MEMORANDUM: FIRST REPATRIATIONS\t10TOKYO5.txt\n" +
		"2\tcited-by\t10TOKYO6\t2010-05-01\tAMEMBASSY TOKYO\tTRAFFICKING MEMORANDUM: NGO CRITICISM\t10TOKYO6.txt\n" +
		"3\tcited-by\t10TOKYO7\t2010-06-01\tAMEMBASSY TOKYO\tTRAFFICKING MEMORANDUM: THE MINISTRY ANSWERS\t10TOKYO7.txt\n"
	if code != 0 || out != want || errs != "" {
		t.Errorf("tsv: %d %q\n%s\nwant\n%s", code, errs, out, want)
	}

	// The timeline: the same cables once, by date, with their distance.
	code, out, _ = runArgs("thread", "10TOKYO3", dir, "--timeline", "--index", db)
	var got []string
	for _, l := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		f := strings.Split(l, "\t")
		got = append(got, f[0]+" "+f[1]+" "+f[2]+" "+f[3])
	}
	wantTL := []string{"3 cites 09STATE63812 2009-06-19", "3 cites 09TOKYO2531 2009-11-02", "2 cites 10TOKYO1 2010-01-15", "1 cites 10TOKYO2 2010-02-01", "0 centre 10TOKYO3 2010-03-01",
		"1 cites 10TOKYO4 2010-03-15", "1 cited-by 10TOKYO5 2010-04-01", "2 cited-by 10TOKYO6 2010-05-01", "3 cited-by 10TOKYO7 2010-06-01"}
	if code != 0 || strings.Join(got, "\n") != strings.Join(wantTL, "\n") {
		t.Errorf("timeline: %d\n%s", code, strings.Join(got, "\n"))
	}

	// JSON Lines: the tree, with the loop's row marked again and the
	// absent cable's reference as written (read from 10TOKYO1).
	code, out, _ = runArgs("thread", "--index", db, "--format", "json", "--depth", "2", "10TOKYO2", dir)
	var rows []map[string]any
	for _, l := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		var r map[string]any
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatalf("%v: %s", err, l)
		}
		delete(r, "path")
		rows = append(rows, r)
	}
	b, _ := json.Marshal(rows)
	wantJSON := `[{"date":"2010-01-15","direction":"cites","distance":1,"held":true,"id":"10TOKYO1","label":"A","origin":"AMEMBASSY TOKYO","subject":"FOLLOW-UP ON THE THAI-JAPANESE MEMORANDUM ON TRAFFICKING","classification":"UNCLASSIFIED","via":"10TOKYO2"},` +
		`{"classification":"CONFIDENTIAL","date":"2009-11-02","direction":"cites","distance":2,"held":true,"id":"09TOKYO2531","label":"A","origin":"AMEMBASSY TOKYO","subject":"THAILAND AND JAPAN TO INK SOP ON TIP","via":"10TOKYO1"},` +
		`{"classification":"UNCLASSIFIED","date":"2009-06-19","direction":"cites","distance":2,"held":true,"id":"09STATE63812","label":"B","origin":"SECSTATE WASHDC","subject":"KUDOS FOR IRANIAN ELECTION REPORTING","via":"10TOKYO1"},` +
		`{"classification":"UNCLASSIFIED","date":"2010-02-01","direction":"centre","distance":0,"held":true,"id":"10TOKYO2","origin":"AMEMBASSY TOKYO","subject":"TRAFFICKING MEMORANDUM: THE MINISTRY'S TIMETABLE"},` +
		`{"classification":"UNCLASSIFIED","date":"2010-03-01","direction":"cited-by","distance":1,"held":true,"id":"10TOKYO3","label":"A","origin":"AMEMBASSY TOKYO","subject":"TRAFFICKING MEMORANDUM SIGNED","via":"10TOKYO2"},` +
		`{"classification":"UNCLASSIFIED","date":"2010-03-15","direction":"cited-by","distance":2,"held":true,"id":"10TOKYO4","label":"A","origin":"AMEMBASSY TOKYO","subject":"TRAFFICKING MEMORANDUM: THE THAI VIEW","via":"10TOKYO3"},` +
		`{"classification":"UNCLASSIFIED","date":"2010-04-01","direction":"cited-by","distance":2,"held":true,"id":"10TOKYO5","label":"A","origin":"AMEMBASSY TOKYO","subject":"TRAFFICKING MEMORANDUM: FIRST REPATRIATIONS","via":"10TOKYO3"}]`
	var a, w any
	json.Unmarshal(b, &a)
	json.Unmarshal([]byte(wantJSON), &w)
	if code != 0 || !jsonEqual(a, w) {
		t.Errorf("json: %d\n%s", code, b)
	}

	// DOT, read back: every node labelled by id and date (or as absent),
	// every edge from the citing cable to the cited, by REF label, once.
	code, out, _ = runArgs("thread", "--index", db, "-f", "dot", "10TOKYO3", dir)
	nodes, edges := parseDOT(t, out)
	wantNodes := map[string]string{
		"10TOKYO3": `10TOKYO3\n2010-03-01`, "10TOKYO2": `10TOKYO2\n2010-02-01`, "10TOKYO1": `10TOKYO1\n2010-01-15`,
		"09TOKYO2531": `09TOKYO2531\n2009-11-02`, "09STATE63812": `09STATE63812\n2009-06-19`, "10BANGKOK77": `10BANGKOK77\nnot in the archive`, "10TOKYO4": `10TOKYO4\n2010-03-15`,
		"10TOKYO5": `10TOKYO5\n2010-04-01`, "10TOKYO6": `10TOKYO6\n2010-05-01`, "10TOKYO7": `10TOKYO7\n2010-06-01`,
	}
	wantEdges := []string{"10TOKYO3>10TOKYO2 A", "10TOKYO2>10TOKYO1 A", "10TOKYO1>09TOKYO2531 A", "10TOKYO1>09STATE63812 B",
		"10TOKYO3>10TOKYO4 B", "10TOKYO4>10TOKYO3 A", "10TOKYO4>10BANGKOK77 B", "10TOKYO5>10TOKYO3 A", "10TOKYO6>10TOKYO5 A", "10TOKYO7>10TOKYO6 A"}
	if code != 0 || !jsonEqual(nodes, wantNodes) || strings.Join(edges, ",") != strings.Join(wantEdges, ",") {
		t.Errorf("dot: %d %v\n%v\n%s", code, nodes, edges, out)
	}
}

func jsonEqual(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return string(x) == string(y)
}

// parseDOT reads the graph writeThreadDOT writes, failing on any line
// that is neither a node, an edge nor the graph's frame.
func parseDOT(t *testing.T, s string) (nodes map[string]string, edges []string) {
	t.Helper()
	str := `"((?:[^"\\]|\\.)*)"`
	node := regexp.MustCompile(`^\t` + str + ` \[label=` + str + `(?:, style=\w+)?\];$`)
	edge := regexp.MustCompile(`^\t` + str + ` -> ` + str + ` \[label=` + str + `\];$`)
	lines := strings.Split(strings.TrimSuffix(s, "\n"), "\n")
	if len(lines) < 4 || !regexp.MustCompile(`^digraph `+str+` \{$`).MatchString(lines[0]) || lines[len(lines)-1] != "}" {
		t.Fatalf("not a digraph:\n%s", s)
	}
	nodes = map[string]string{}
	for _, l := range lines[1 : len(lines)-1] {
		switch {
		case l == "\trankdir=BT;" || l == "\tnode [shape=box];":
		case node.MatchString(l):
			m := node.FindStringSubmatch(l)
			nodes[m[1]] = m[2]
		case edge.MatchString(l):
			m := edge.FindStringSubmatch(l)
			if _, ok := nodes[m[1]]; !ok {
				t.Errorf("edge from an unknown node: %s", l)
			}
			if _, ok := nodes[m[2]]; !ok {
				t.Errorf("edge to an unknown node: %s", l)
			}
			edges = append(edges, m[1]+">"+m[2]+" "+m[3])
		default:
			t.Errorf("DOT line not understood: %q", l)
		}
	}
	return nodes, edges
}

func TestThreadCommandRealAndErrors(t *testing.T) {
	dir, db := threadArchive(t)
	// A real cable of seventeen references, none of them in the archive:
	// each listed with its label and the reference as written (Ref: a.
	// 05 state 201650).
	code, out, _ := runArgs("thread", "--index", db, "--format", "json", "--depth", "1", "08STATE15220", dir)
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if code != 0 || len(lines) != 18 {
		t.Fatalf("%d %d lines\n%s", code, len(lines), out)
	}
	var first, last map[string]any
	json.Unmarshal([]byte(lines[0]), &first)
	json.Unmarshal([]byte(lines[16]), &last)
	if first["id"] != "05STATE201650" || first["label"] != "A" || first["held"] != false || first["reference"] != "05 state 201650" ||
		last["id"] != "07BERLIN2216" || last["label"] != "R" || last["reference"] != "07 berlin 2216" {
		t.Errorf("first %v\nlast %v", first, last)
	}
	// Not in the archive: 1, with a line saying so. Bad usage: 2.
	if code, _, errs := runArgs("thread", "--index", db, "10TOKYO3", filepath.Join(dir, "nosuchdir")); code != 2 || !strings.Contains(errs, "there is no file or folder of that name") {
		t.Errorf("missing archive: %d %q", code, errs)
	}
	if code, out, errs := runArgs("thread", "--index", db, "10bangkok77", dir); code != 1 || out != "" || errs != "cablereader: 10bangkok77: not in the archive\n" {
		t.Errorf("absent: %d %q %q", code, out, errs)
	}
	for _, args := range [][]string{{"thread", dir}, {"thread", "--depth", "0", "10TOKYO3", dir}, {"thread", "-f", "xml", "10TOKYO3", dir},
		{"thread", "-t", "-f", "dot", "10TOKYO3", dir}} {
		if code, _, errs := runArgs(args...); code != 2 || !strings.Contains(errs, "Try 'cablereader thread --help'.") {
			t.Errorf("%q: %d %q", args, code, errs)
		}
	}
	if code, out, _ := runArgs("thread", "--help"); code != 0 || !strings.HasPrefix(out, "Usage: cablereader thread") {
		t.Errorf("help: %d %q", code, out)
	}
}
