package common

import "cablereader/ui/state"

// MarkLine is one line of a marks page, cut to w cells: the cable's id,
// the paragraph and the paragraph's first words, made terminal-safe. The
// reader's marks page and the archive's both list marks with it.
func MarkLine(mk state.Mark, w int) string {
	return Fit(PadRight(OrDash(CleanLine(mk.ID)), 20)+" "+PadRight(CleanLine(mk.Name), 10)+" "+CleanLine(mk.Words), w)
}
