package parser

import (
	"regexp"
	"strconv"
)

// runOnPara is a numbered paragraph with its portion mark inside a line:
// " 3. (SBU) ", " 12. (C/NF) ".
var runOnPara = regexp.MustCompile(`\s(\d{1,3})\.\s{1,3}\((?:TS|S|C|U|SBU|LOU|FOUO)(?:/{1,2}[A-Z]{1,8})?\)[\s,]`)

// splitRunOn splits the numbered paragraphs a page ran together onto one
// line ("…convergence. 2. (SBU) … 3. (SBU) …", 09LONDON2121) back onto
// lines of their own. It is careful: a paragraph is split off only when
// its number follows the last paragraph's (one that opened a line, or
// one split off before it) and a portion mark follows the number, so a
// "para 3. (C)" in prose or a list of the cable's own is left alone.
func splitRunOn(lines []string) []string {
	last := 0 // the number of the last paragraph seen
	var out []string
	for _, l := range lines {
		if m := paraStart.FindStringSubmatch(l); m != nil {
			if n, err := strconv.Atoi(m[2]); err == nil && n < 1000 {
				last = n
			}
		}
		if last == 0 || len(l) < 80 {
			out = append(out, l)
			continue
		}
		for {
			cut := -1
			for _, m := range runOnPara.FindAllStringSubmatchIndex(l, -1) {
				if n, _ := strconv.Atoi(l[m[2]:m[3]]); n == last+1 {
					cut, last = m[0]+1, n
					break
				}
			}
			if cut < 0 {
				break
			}
			out = append(out, l[:cut-1], "")
			l = l[cut:]
		}
		out = append(out, l)
	}
	return out
}
