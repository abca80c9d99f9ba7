package parser

import "strings"

// IsFurniture reports whether a line of a cable's text is furniture the
// reader hides: a page marker (PARIS 00003956 002 OF 002, PAGE 02 …) or
// a rule (-----). Views that show raw text, as search snippets do, leave
// such lines out by it.
func IsFurniture(line string) bool {
	t := strings.TrimSpace(line)
	if isRule(t) {
		return true
	}
	_, ok := pageMarkerOf(t)
	return ok
}
