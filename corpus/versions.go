package corpus

import (
	"strings"
)

// Versions: an archive may hold one cable more than once (two files, two
// CSV rows, a text and a saved page that differ: the releases of 2010 and
// 2011 are not the same). The list shows a saved page whose cable came as
// text only once, from the text; the page is kept aside here as another
// version, and Versions returns every copy of an id.

// keepVersion keeps a page left out of the list as a version of the text
// listed with its id.
func (ix *Index) keepVersion(e Entry) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.versions == nil {
		ix.versions = map[string][]Entry{}
	}
	id := strings.ToUpper(e.ID)
	ix.versions[id] = append(ix.versions[id], e)
}

// Versions returns every copy of the cable id the archive holds: those of
// the list, in its order, then the pages left out of it. It reads the
// whole list: call it for one cable, not for each row.
func (ix *Index) Versions(id string) []Entry {
	id = strings.ToUpper(strings.TrimSpace(id))
	if id == "" {
		return nil
	}
	var out []Entry
	for _, e := range ix.Entries() {
		if strings.EqualFold(e.ID, id) {
			out = append(out, e)
		}
	}
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return append(out, ix.versions[id]...)
}

// VersionCounts counts the copies of each id held more than once, by id
// in upper case.
func (ix *Index) VersionCounts() map[string]int {
	n := map[string]int{}
	for _, e := range ix.Entries() {
		if e.ID != "" {
			n[strings.ToUpper(e.ID)]++
		}
	}
	ix.mu.RLock()
	for id, vs := range ix.versions {
		n[id] += len(vs)
	}
	ix.mu.RUnlock()
	for id, c := range n {
		if c < 2 {
			delete(n, id)
		}
	}
	return n
}
