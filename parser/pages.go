package parser

import (
	"strings"

	"cablereader/model"
)

// removePageMarkers takes page markers out of the lines and keeps them in
// the cable. A printout marker takes the classification lines repeated
// around it with it. Where the marker split a sentence, the lines on
// either side are brought together so the paragraph reads on; where it
// fell between paragraphs, one blank line stays.
func (p *parser) removePageMarkers(lines []string) []string {
	// In place: out never has more lines than have been read, so it is
	// written behind the reading; on a large input a second list of lines
	// would cost a fifth of its size.
	out := lines[:0]
	for i := 0; i < len(lines); i++ {
		t := strings.TrimSpace(lines[i])
		mk, ok := pageMarkerOf(t)
		if !ok {
			if t != "" && !strings.HasPrefix(t, "PAGE") {
				lines[i] = p.removeInlineMarkers(lines[i])
			}
			out = append(out, lines[i])
			continue
		}
		// Classification lines just before the marker belong to it.
		var before []string
		for len(out) > 0 {
			last := strings.TrimSpace(out[len(out)-1])
			if last == "" {
				out = out[:len(out)-1]
				continue
			}
			if levelOnly.MatchString(last) && len(before) < 3 {
				before = append([]string{last}, before...)
				out = out[:len(out)-1]
				continue
			}
			break
		}
		// Blank lines and a repeated classification line after it too.
		j := i + 1
		var after []string
		for j < len(lines) {
			next := strings.TrimSpace(lines[j])
			if next == "" {
				j++
				continue
			}
			if levelOnly.MatchString(next) && strings.HasPrefix(t, "PAGE") && len(after) < 2 && j+1 < len(lines) {
				after = append(after, next)
				j++
				continue
			}
			break
		}
		if strings.HasPrefix(t, "PAGE") && len(p.c.PageMarkers) > 0 {
			// A printout's next section repeats its distribution block
			// under the page header: furniture, like the header. (The
			// first one is part of the routing header.)
			n := distribution(lines[j:])
			for _, l := range lines[j : j+n] {
				if l = strings.TrimSpace(l); l != "" {
					after = append(after, l)
				}
			}
			j += n
		}
		mk.Text = strings.Join(append(append(before, t), after...), "\n")
		p.c.PageMarkers = append(p.c.PageMarkers, mk)
		prev := ""
		if len(out) > 0 {
			prev = strings.TrimSpace(out[len(out)-1])
		}
		next := ""
		if j < len(lines) {
			next = strings.TrimSpace(lines[j])
		}
		// "Introduction" ⏎ "-----" after the marker is a heading, not the
		// rest of the sentence.
		underlined := j+1 < len(lines) && next != "" && len(next) <= 60 && next[0] >= 'A' && next[0] <= 'Z' && !strings.HasSuffix(next, ".") &&
			strings.TrimSpace(lines[j+1]) != "" && isRule(strings.TrimSpace(lines[j+1]))
		if prev != "" && next != "" && (!continues(prev, next) || underlined) {
			out = append(out, "")
		}
		i = j - 1
	}
	return out
}

// continues reports whether the text after a page break carries on the
// sentence before it.
func continues(prev, next string) bool {
	if paraStart.MatchString(next) || isRule(next) {
		return false
	}
	r := next[0]
	if r >= 'a' && r <= 'z' {
		return true
	}
	switch prev[len(prev)-1] {
	case '.', '!', '?', ':', ';', '"', ')', ']':
		return false
	}
	return true
}

func pageMarkerOf(t string) (model.PageMarker, bool) {
	if strings.HasPrefix(t, "PAGE") && len(t) <= 72 {
		// A relay's page header names the routing indicator and repeats
		// the banner: PAGE 02 RUEHFRA0170 S E C R E T.
		if m := pageRelay.FindStringSubmatch(t); m != nil && model.ReadLevel(m[2]) != model.LevelUnknown {
			return model.PageMarker{Text: t, Page: atoi(m[1])}, true
		}
	}
	// Markers are short lines that end in a digit (or Z): the cheap test
	// spares the patterns nearly every line of text.
	if t == "" || len(t) > 72 || !isDigit(t[len(t)-1]) && t[len(t)-1] != 'Z' {
		return model.PageMarker{}, false
	}
	if m := pageModern.FindStringSubmatch(t); m != nil {
		return model.PageMarker{Text: t, Page: atoi(m[3]), Total: atoi(m[4])}, true
	}
	if m := pageOld.FindStringSubmatch(t); m != nil {
		return model.PageMarker{Text: t, Page: atoi(m[1])}, true
	}
	return model.PageMarker{}, false
}

// removeInlineMarkers takes modern page markers out of running text, as
// one-line bodies carry them.
func (p *parser) removeInlineMarkers(s string) string {
	if !strings.Contains(s, " OF ") || !hasDigitRun(s, 8) {
		return s
	}
	locs := pageInline.FindAllStringIndex(s, -1)
	if locs == nil {
		return s
	}
	var b strings.Builder
	last := 0
	for _, l := range locs {
		start := l[0]
		// The generic shape may take in upper-case words before the
		// station; when the banner's station is known, cut there.
		seg := s[l[0]:l[1]]
		if st := p.banner.station; st != "" {
			// At a word's start: station O is not the end of "AAO".
			if k := strings.LastIndex(seg, " "+st+" "); k >= 0 {
				start += k + 1
			}
		}
		mk, _ := pageMarkerOf(s[start:l[1]])
		if mk.Text == "" {
			mk = model.PageMarker{Text: s[start:l[1]]}
		}
		p.c.PageMarkers = append(p.c.PageMarkers, mk)
		b.WriteString(strings.TrimRight(s[last:start], " "))
		b.WriteString(" ")
		last = l[1]
	}
	b.WriteString(strings.TrimLeft(s[last:], " "))
	return strings.TrimSpace(b.String())
}

// hasDigitRun reports whether s holds n digits in a row, as a marker's
// zero-padded serial does.
func hasDigitRun(s string, n int) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			if run++; run >= n {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

// distribution is the number of lines of a printout's distribution block
// at the start of lines ("ACTION AF-00" ⏎ "INFO LOG-00 NP-00 …" ⏎ "/006W"
// ⏎ "------8A8E0D 271459Z /38"), 0 when there is none.
func distribution(lines []string) int {
	if len(lines) == 0 || !distAction.MatchString(strings.TrimSpace(lines[0])) {
		return 0
	}
	n := 1
	for n < len(lines) && n < 20 {
		t := strings.TrimSpace(lines[n])
		if t != "" && !distLine.MatchString(lines[n]) && !distCodes.MatchString(t) && !distRule.MatchString(t) {
			break
		}
		n++
	}
	for n > 1 && strings.TrimSpace(lines[n-1]) == "" {
		n--
	}
	return n
}
