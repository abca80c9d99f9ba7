package corpus

import (
	"cmp"
	"slices"
	"strings"
	"sync"

	"cablereader/model"
)

// The stations the archive has learnt: the names its cables give routing
// indicators (model.Cable.Stations), from every cable the scan parses (the
// files of a folder) and every cable Learn is handed (a row of a CSV when
// it is opened). A reader names with them the indicators its glossary
// does not know.

// stationBook counts the names cables give each routing indicator.
type stationBook struct {
	mu    sync.Mutex
	names map[string]map[string]int // indicator → name → cables
}

// Learn records the indicator-station pairs of a parsed cable.
func (ix *Archive) Learn(st []model.Station) {
	if len(st) == 0 {
		return
	}
	b := &ix.stations
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.names == nil {
		b.names = map[string]map[string]int{}
	}
	for _, s := range st {
		ri, name := strings.TrimSpace(s.RI), strings.Join(strings.Fields(s.Name), " ")
		if ri == "" || name == "" {
			continue
		}
		m := b.names[ri]
		if m == nil {
			m = map[string]int{}
			b.names[ri] = m
		}
		m[name]++
	}
}

// StationName is the name the archive's cables give a routing indicator:
// the name most of them give, with the runner-up after a slash when they
// disagree ("DEPT OF LABOR WASHDC / SECSTATE WASHDC"), and an ellipsis when
// there are more; false when no cable read so far names it.
func (ix *Archive) StationName(ri string) (string, bool) {
	b := &ix.stations
	b.mu.Lock()
	m := b.names[strings.TrimSpace(ri)]
	names := make([]string, 0, len(m))
	for n := range m {
		names = append(names, n)
	}
	slices.SortFunc(names, func(x, y string) int { return cmp.Or(cmp.Compare(m[y], m[x]), strings.Compare(x, y)) })
	b.mu.Unlock()
	switch len(names) {
	case 0:
		return "", false
	case 1, 2:
		return strings.Join(names, " / "), true
	}
	return names[0] + " / " + names[1] + " / …", true
}
