package main

import (
	"flag"
	"os"
	"regexp"
	"strings"
	"testing"
)

var updateReadme = flag.Bool("update-readme", false, "rewrite the README's screens from the golden files")

// screenBlock is a README screen: the golden file it shows, then the
// screen in a fenced block.
var screenBlock = regexp.MustCompile("(?s)<!-- screen: (\\S+) -->\n```\n(.*?)```\n")

// The README's screens are the reader's golden screens, so they cannot
// drift from what the reader draws: after go test ./ui/reader -update,
// go test -run TestReadmeScreens -update-readme . rewrites them.
func TestReadmeScreens(t *testing.T) {
	b, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(b)
	found := 0
	out := screenBlock.ReplaceAllStringFunc(readme, func(m string) string {
		sub := screenBlock.FindStringSubmatch(m)
		found++
		g, err := os.ReadFile(sub[1])
		if err != nil {
			t.Errorf("README screen %s: %v", sub[1], err)
			return m
		}
		want := screenText(string(g))
		if sub[2] != want && !*updateReadme {
			t.Errorf("README screen %s differs from the golden file; run go test -run TestReadmeScreens -update-readme .\nREADME:\n%s\ngolden:\n%s", sub[1], sub[2], want)
		}
		return "<!-- screen: " + sub[1] + " -->\n```\n" + want + "```\n"
	})
	if found < 2 {
		t.Errorf("the README shows %d golden screens, want at least 2", found)
	}
	if *updateReadme && out != readme {
		if err := os.WriteFile("README.md", []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// screenText is a golden screen as Markdown holds it: no spaces at the
// ends of lines, no blank lines at the end.
func screenText(g string) string {
	lines := strings.Split(g, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.TrimRight(strings.Join(lines, "\n"), "\n") + "\n"
}

// The README names the Go version go.mod asks for.
func TestReadmeGoVersion(t *testing.T) {
	mod, err := os.ReadFile("go.mod")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^go (\S+)$`).FindSubmatch(mod)
	if m == nil {
		t.Fatal("go.mod has no go line")
	}
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(readme), "Go "+string(m[1])+" or later") {
		t.Errorf("the README does not say Go %s, the version of go.mod", m[1])
	}
}
