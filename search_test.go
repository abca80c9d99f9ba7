package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cablereader/corpus"
	archiveui "cablereader/ui/archive"
)

// searchArchive is a folder of three real cables from testdata/cables and
// one fragment whose subject carries terminal escapes; it returns the
// folder and an index file beside it.
func searchArchive(t *testing.T) (dir, db string) {
	t.Helper()
	root := t.TempDir()
	dir = filepath.Join(root, "cables")
	os.Mkdir(dir, 0o755)
	for _, id := range []string{"09TOKYO2531", "10SHENYANG4", "09PARIS848"} {
		data, err := os.ReadFile(filepath.Join("testdata", "cables", id+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, id+".txt"), data, 0o644)
	}
	evil := "R 101200Z NOV 09\nFM AMEMBASSY TOKYO\n\nUNCLAS TOKYO 002600\n\nTAGS: KTIP\nSUBJECT: ESCAPE \x1b[2J\x1b]0;owned\x07 TEST\n\n1. Zebrafish \x1b[31mred\x1b[0m here.\n"
	os.WriteFile(filepath.Join(dir, "09TOKYO2600.txt"), []byte(evil), 0o644)
	return dir, filepath.Join(root, "index.db")
}

func TestIndexAndSearchCommands(t *testing.T) {
	dir, db := searchArchive(t)
	out, errs, code := cli(t, "", "index", "--index", db, dir)
	if code != exitOK || out != "" || !strings.Contains(errs, "index built") || !strings.Contains(errs, ": 4 cables (4 files added") {
		t.Fatalf("index: code %d, stdout %q, stderr %q", code, out, errs)
	}

	out, errs, code = cli(t, "", "search", "--index", db, "trafficking sop", dir)
	want := "09TOKYO2531\t2009-11-02\tCONFIDENTIAL\tAMEMBASSY TOKYO\tTHAILAND AND JAPAN TO INK SOP ON TIP\t" +
		"…a Standard Operating Procedure ([SOP]) agreement regarding the rescuing, repatriating and social integration of human [trafficking] victims. The [SOP] is designed to be in…\n"
	if code != exitOK || out != want || errs != "" {
		t.Errorf("search: code %d, stderr %q\n got %q\nwant %q", code, errs, out, want)
	}

	// fields only: by date; --limit; flags after the query
	out, _, code = cli(t, "", "search", "tag:KTIP OR noforn", dir, "--index", db, "--limit", "2")
	var got []string
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		got = append(got, strings.Split(line, "\t")[0])
	}
	if code != exitOK || strings.Join(got, " ") != "09PARIS848 09TOKYO2531" {
		t.Errorf("limit 2: code %d, ids %q", code, got)
	}

	// JSON Lines with TAGS and score
	out, _, code = cli(t, "", "search", "-f", "json", "--index", db, "trafficking", dir)
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if code != exitOK || len(lines) != 1 {
		t.Fatalf("json: code %d, %q", code, out)
	}
	var hit struct {
		ID      string
		Tags    []string
		Score   float64
		Snippet string
	}
	if err := json.Unmarshal([]byte(lines[0]), &hit); err != nil {
		t.Fatal(err)
	}
	if hit.ID != "09TOKYO2531" || strings.Join(hit.Tags, " ") != "KTIP PGOV PHUM ELAB JA TH" || hit.Score >= 0 || !strings.Contains(hit.Snippet, "[trafficking]") {
		t.Errorf("json hit %+v", hit)
	}

	// input-derived text is made safe for the terminal
	out, _, code = cli(t, "", "search", "--index", db, "zebrafish", dir)
	if code != exitOK || strings.ContainsAny(out, "\x1b\x07") || !strings.HasPrefix(out, "09TOKYO2600\t") {
		t.Errorf("escapes: code %d, %q", code, out)
	}

	// no hits: status 1, nothing printed
	out, errs, code = cli(t, "", "search", "--index", db, "nosuchwordanywhere", dir)
	if code != exitInput || out != "" || errs != "" {
		t.Errorf("no hits: code %d, %q, %q", code, out, errs)
	}
}

func TestSearchUsageErrors(t *testing.T) {
	dir, db := searchArchive(t)
	for _, tc := range []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"search", "--index", db, `"unclosed`, dir}, exitUsage, `cablereader: bad query: at column 1: the quote "\"unclosed" is not closed`},
		{[]string{"search", "--index", db, "colour:red", dir}, exitUsage, `cablereader: bad query: at column 1: unknown field "colour:"`},
		{[]string{"search", "--index", db, "date:2009-13", dir}, exitUsage, `no month 13`},
		{[]string{"search", "trafficking"}, exitUsage, "search: give a query and an archive"},
		{[]string{"search", "--limit", "0", "x", dir}, exitUsage, "--limit must be at least 1"},
		{[]string{"search", "--format", "xml", "x", dir}, exitUsage, `unknown --format "xml"`},
		{[]string{"index"}, exitUsage, "index: no archive given"},
		{[]string{"index", "--index", filepath.Join(dir, "09TOKYO2531.txt"), dir}, exitInput, "not a cablereader index"},
	} {
		out, errs, code := cli(t, "", tc.args...)
		if code != tc.code || out != "" || !strings.Contains(errs, tc.err) {
			t.Errorf("%q: code %d, stdout %q, stderr %q; want code %d and %q", tc.args, code, out, errs, tc.code, tc.err)
		}
	}
	// the bad query was refused before any index was made
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Errorf("index made for a bad query: %v", err)
	}
	if out, _, code := cli(t, "", "search", "--help"); code != exitOK || !strings.Contains(out, "cites:09TOKYO2531") {
		t.Errorf("search --help: %d %q", code, out)
	}
}

func TestArchiveViewSearch(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	t.Setenv("HOME", t.TempDir())
	dir, _ := searchArchive(t)
	ix, err := corpus.Open([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if err := ix.Scan(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	// No index yet: the view gets no search.
	if _, ok := archiveSource(ix, []string{dir}).(archiveui.Searcher); ok {
		t.Fatal("a search without an index")
	}
	if _, _, code := cli(t, "", "index", dir); code != exitOK {
		t.Fatalf("index: %d", code)
	}
	src, ok := archiveSource(ix, []string{dir}).(archiveui.Searcher)
	if !ok {
		t.Fatal("no search with an index in the default place")
	}
	defer src.(searchable).fts.Close()
	r, err := src.Search(context.Background(), `"human trafficking" tag:KTIP`, 10)
	if err != nil {
		t.Fatal(err)
	}
	if r.Total != 1 || len(r.Hits) != 1 || r.Hits[0].Entry.ID != "09TOKYO2531" || r.Find != "human trafficking" {
		t.Fatalf("results %+v", r)
	}
	h := r.Hits[0]
	if len(h.Marks) != 1 || h.Snippet[h.Marks[0][0]:h.Marks[0][1]] != "human trafficking" {
		t.Errorf("snippet %q marks %v", h.Snippet, h.Marks)
	}
	if len(r.Years) != 1 || r.Years[0] != (archiveui.Count{Key: "2009", N: 1}) {
		t.Errorf("years %v", r.Years)
	}
	if _, err := src.Search(context.Background(), "colour:red", 10); err == nil || !strings.Contains(err.Error(), "unknown field") {
		t.Errorf("bad query: %v", err)
	}
	cited, err := src.CitedBy(context.Background(), "09TOKYO2531")
	if err != nil || len(cited) != 0 {
		t.Errorf("cited by: %v %v", cited, err)
	}
}
