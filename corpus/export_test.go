package corpus

import (
	"sync/atomic"

	"cablereader/model"
)

// CountParses counts the cables parsed from now on, by the scan and by
// Complete, until restore is called.
func CountParses() (count func() int64, restore func()) {
	var n atomic.Int64
	old := parse
	parse = func(text []byte, id string) *model.Cable {
		n.Add(1)
		return old(text, id)
	}
	return n.Load, func() { parse = old }
}
