package parser

import "testing"

// The hand-written predicates must agree with the patterns of the format
// note that they replace.
func TestLinePredicates(t *testing.T) {
	for _, s := range []string{"-----", "=====", "___", "///", "****", "####", "....", "----- -----",
		"--------------------------------------------- -------------", "--", "...", "- -", "-- text", "a---", "", "ab"} {
		if got, want := isRule(s), ruleLine.MatchString(s); got != want {
			t.Errorf("isRule(%q) = %v, ruleLine says %v", s, got, want)
		}
	}
	for _, s := range []string{"A. item", "a) item", "(A) item", "(a)", "(1) x", "(12) x", "1) x", "12) x", "-- x", "- x", "--x",
		"* x", "o x", "¶B. 05 berlin", "A.B.", "Ab. x", "(abc) x", "1.5 x", "-", "x", "On the", "(U) text", "(SBU) x"} {
		if got, want := isBullet(s), bullet.MatchString(s); got != want {
			t.Errorf("isBullet(%q) = %v, bullet says %v", s, got, want)
		}
	}
}
