package parser

import "strings"

// These small predicates run on every body line. They are written out by
// hand because a regexp call per line made them the bulk of a parse.

// isRule reports whether a trimmed line is decoration: runs of one of
// - = _ / * # (three or more) or dots (four or more), perhaps several
// runs separated by spaces ("----- -----").
func isRule(t string) bool {
	if len(t) < 3 {
		return false
	}
	c := t[0]
	if strings.IndexByte("-=_/*#.", c) < 0 {
		return false
	}
	run, count, short := 0, 0, 0
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case c:
			run++
			count++
		case ' ', '\t':
			if run > 0 && run < 3 {
				short++
			}
			run = 0
		default:
			return false
		}
	}
	if run > 0 && run < 3 {
		short++
	}
	if short > 0 {
		// Spaced ("- - - -") or broken ("------- --") rules: enough of
		// the character in all.
		return c != '.' && count >= 4
	}
	if c == '.' {
		return run == 0 || run >= 4
	}
	return true
}

// isBullet reports whether a trimmed line starts a sub-item: "A. ", "a) ",
// "(A)", "(1)", "1)", "-- ", "- ", "* ", "o ", "¶B.".
func isBullet(t string) bool {
	if strings.HasPrefix(t, "¶") {
		r := t[len("¶"):]
		return len(r) >= 2 && isUpper(r[0]) && r[1] == '.'
	}
	if len(t) < 2 {
		return false
	}
	switch {
	case strings.HasPrefix(t, "--"), t[0] == '-' && t[1] == ' ', t[0] == '*' && t[1] == ' ', t[0] == 'o' && t[1] == ' ':
		return true
	case t[0] == '(':
		j := 1
		for j < len(t) && j < 3 && (isLetter(t[j]) || isDigit(t[j])) {
			j++
		}
		return j > 1 && j < len(t) && t[j] == ')' && (j == 2 || isDigit(t[1]))
	case isLetter(t[0]):
		return t[1] == ')' || t[1] == '.' && len(t) > 2 && t[2] == ' '
	case isDigit(t[0]):
		j := 1
		if isDigit(t[1]) {
			j = 2
		}
		return j < len(t) && t[j] == ')'
	}
	return false
}

func isUpper(c byte) bool  { return c >= 'A' && c <= 'Z' }
func isLetter(c byte) bool { return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' }
func isDigit(c byte) bool  { return c >= '0' && c <= '9' }

// allDigits reports whether s is a run of one or more digits.
func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}
