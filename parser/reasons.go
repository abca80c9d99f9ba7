package parser

import "strings"

// A Classified By line often wraps, and what wraps is the end of its
// reasons: "… for reasons 1.4 (b)," ⏎ "(c), and (d)." or "… 1.5 (B) a" ⏎
// "nd (D)". Such a tail is made only of reason words, so it is read by what
// it is made of rather than by what it looks like as a whole.

// reasonWords are the words a tail of reasons may hold besides the
// reason letters themselves.
var reasonWords = map[string]bool{
	"and": true, "or": true, "&": true, "reason": true, "reasons": true,
	"section": true, "sections": true, "e.o.": true, "eo": true, "12958": true,
	"13526": true, "12356": true, "per": true, "for": true,
}

// reasonTail reports whether s (one trimmed line) is the rest of the
// Classified By text prev, and whether its first word carries on prev's
// last word ("a" ⏎ "nd") rather than starting a new one.
func reasonTail(prev, s string) (ok, glued bool) {
	if s == "" || len(s) > 40 {
		return false, false
	}
	if strings.Trim(s, ".") == "" {
		return true, true // the full stop of "… (B) and (D)" ⏎ "."
	}
	words := strings.Fields(s)
	last := prev
	if i := strings.LastIndexAny(prev, " \t("); i >= 0 {
		last = prev[i+1:]
	}
	first := strings.ToLower(strings.TrimRight(words[0], "(),.;"))
	if allLetters(last) && allLetters(first) && reasonWords[strings.ToLower(last)+first] &&
		(!isReasonWord(last) || !isReasonWord(first)) {
		glued = true // a word cut at the line end: "a" ⏎ "nd (D)"
		words[0] = words[0][len(first):]
	}
	if strings.ContainsRune(")/,.;", rune(s[0])) {
		glued = true // "1.4 (b" ⏎ "/d)." is one word cut at the line end
	}
	letters := 0
	for _, w := range words {
		if !isReasonWord(w) {
			return false, false
		}
		letters += countReasonLetters(w)
	}
	if letters == 0 && !strings.Contains(s, ")") {
		return false, false
	}
	if letters == 0 && strings.Count(prev, "(") <= strings.Count(prev, ")") {
		return false, false // a lone ")" closes only an open "("
	}
	return true, glued
}

// isReasonWord reports whether w, stripped of the punctuation around it,
// is a reason letter ("(b)", "d)", "c,"), a section ("1.4", "1.4(C)."), a
// joining word, or punctuation alone.
func isReasonWord(w string) bool {
	core := strings.ToLower(strings.Trim(w, "()[],.;:/&-"))
	if core == "" {
		return true
	}
	if reasonWords[core] {
		return true
	}
	for _, part := range strings.FieldsFunc(core, func(r rune) bool { return strings.ContainsRune("()[],;:/&-", r) }) {
		p := strings.Trim(part, ".")
		switch {
		case p == "":
		case len(p) == 1 && p[0] >= 'a' && p[0] <= 'h':
		case p == "1.4" || p == "1.5" || p == "1.6":
		case reasonWords[p]:
		default:
			return false
		}
	}
	return true
}

// countReasonLetters counts the reason letters a to h in a reason word.
func countReasonLetters(w string) int {
	n := 0
	for _, part := range strings.FieldsFunc(strings.ToLower(w), func(r rune) bool { return strings.ContainsRune("()[],.;:/&- ", r) }) {
		if len(part) == 1 && part[0] >= 'a' && part[0] <= 'h' {
			n++
		}
	}
	return n
}

func allLetters(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return false
		}
	}
	return true
}

// clsByTail is the Classified By text line with the reason tails that
// follow it in lines: the form of a Classified By given inside a paragraph.
func clsByTail(first string, lines []string) string {
	s := strings.TrimSpace(first)
	for _, l := range lines {
		t := strings.TrimSpace(l)
		ok, glued := reasonTail(s, t)
		if !ok {
			break
		}
		if glued {
			s += t
		} else {
			s += " " + t
		}
	}
	return s
}

// reasonTail takes s into the Classified By text when it is a tail of
// its reasons.
func (f *front) reasonTail(s string) bool {
	t := strings.TrimSpace(s)
	ok, glued := reasonTail(strings.Join(f.clsBy, " "), t)
	switch {
	case !ok:
		return false
	case glued:
		f.clsBy[len(f.clsBy)-1] = strings.TrimRight(f.clsBy[len(f.clsBy)-1], " \t") + t
	default:
		f.clsBy = append(f.clsBy, t)
	}
	return true
}

// reasonsAhead reports whether the Classified By text, still without its
// reasons ("… FOR REASON"), goes on past a blank line: the next line holds
// only reasons ("1.4(C)."), or the text stops mid-phrase and the next
// line ends it with the reasons ("… Embassy Tripoli," ⏎ ⏎ "Department of
// State. REASON: 1.4 (b), (d)").
func (f *front) reasonsAhead(lines []string, i int) bool {
	cls := strings.Join(f.clsBy, " ")
	if reasons.MatchString(cls) {
		return false
	}
	for ; i < len(lines); i++ {
		if t := strings.TrimSpace(lines[i]); t != "" {
			ok, _ := reasonTail(cls, t)
			return ok || clsOpen(cls) && len(t) <= 80 && reasons.MatchString(t) && !paraStart.MatchString(t) && findAnchors(t) == nil
		}
	}
	return false
}

// clsOpen reports whether a Classified By text stops mid-phrase: on a
// comma, or on a word that needs more after it.
func clsOpen(cls string) bool {
	t := strings.ToLower(strings.TrimSpace(cls))
	for _, end := range []string{",", " and", " for", " of", " per"} {
		if strings.HasSuffix(t, end) {
			return true
		}
	}
	return false
}
