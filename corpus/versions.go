package corpus

import (
	"slices"
	"strings"

	"cablereader/catalog"
)

// Versions: an archive may hold one cable more than once (two files, two
// CSV rows, a text and a saved page that differ: the releases of 2010 and
// 2011 are not the same). The list shows each id once, and the other
// copies are kept aside here as versions; Versions returns every copy of
// an id.
//
// Which copy is listed: a saved page whose cable came as text is left out
// for the text (walk.go's take). Otherwise the list keeps the copy that
// sorts first by the list's own key (date, then path, then offset in a
// CSV), which is also the one Lookup finds. That key does not depend on
// the order in which the scan's goroutines finish, so the same archive
// lists the same copy every time; the first by modification time would
// change when a file is touched or copied.

// keepVersion keeps a page left out of the list as a version of the text
// listed with its id.
func (ix *Archive) keepVersion(e catalog.Record) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.addVersion(e)
}

// addVersion keeps e as a version, the versions of an id in list order.
// The caller holds mu.
func (ix *Archive) addVersion(e catalog.Record) {
	if ix.versions == nil {
		ix.versions = map[string][]catalog.Record{}
	}
	id := strings.ToUpper(e.ID)
	vs := ix.versions[id]
	k := keyOf(&e)
	i, _ := slices.BinarySearchFunc(vs, k, func(v catalog.Record, k entryKey) int { return compareKeys(keyOf(&v), k) })
	ix.versions[id] = slices.Insert(vs, i, e)
}

// fold is flush's part in listing each id once. Of the pending entries p
// (sorted), it returns those to list (p itself when it keeps them all),
// with the key of each by its id in upper case (for byID), those to keep
// as versions instead, and the keys of entries already listed (in old)
// that a pending copy of their id now comes before: they leave the list
// and are kept as versions too. It runs on Scan's goroutine, the only
// one that writes byID, so it reads byID without the lock.
func (b *batcher) fold(old, p []catalog.Record) (list []catalog.Record, keys map[string]entryKey, folded []catalog.Record, drop map[entryKey]bool) {
	ix := b.ix
	keys = make(map[string]entryKey, len(p))
	listed := 0 // p[:listed] is the list, until a record of p is folded
	for i := range p {
		e := &p[i]
		fold := false
		id := strings.ToUpper(e.ID)
		key := keyOf(e)
		if id != "" {
			_, again := keys[id] // p is sorted: the first of its copies came before
			cur, ok := ix.byID[id]
			switch {
			case again:
				fold = true
			case !ok:
			case compareKeys(cur, key) <= 0:
				fold = true
			default:
				if i, found := slices.BinarySearchFunc(old, cur, func(o catalog.Record, k entryKey) int { return compareKeys(keyOf(&o), k) }); found {
					folded = append(folded, old[i])
					if drop == nil {
						drop = map[entryKey]bool{}
					}
					drop[cur] = true
				}
			}
		}
		switch {
		case fold:
			if list == nil {
				list = make([]catalog.Record, listed, len(p))
				copy(list, p[:listed])
			}
			folded = append(folded, *e)
		case list != nil:
			list = append(list, *e)
		default:
			listed++
		}
		if !fold && id != "" {
			keys[id] = key
		}
	}
	if list == nil {
		list = p
	}
	return list, keys, folded, drop
}

// Versions returns every copy of the cable id the archive holds: the one
// listed, then the others in list order (a page left out for its text
// comes after the text, whatever its date). It reads the
// whole list: call it for one cable, not for each row.
func (ix *Archive) Versions(id string) []catalog.Record {
	id = strings.ToUpper(strings.TrimSpace(id))
	if id == "" {
		return nil
	}
	var out []catalog.Record
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
func (ix *Archive) VersionCounts() map[string]int {
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

// Copies returns every copy the archive holds, those of the list and
// those kept as versions, in list order: what a search index reads, so
// that words found in one copy only are found. The slice must not be
// modified.
func (ix *Archive) Copies() []catalog.Record {
	list := ix.Entries()
	ix.mu.RLock()
	var kept []catalog.Record
	for _, vs := range ix.versions {
		kept = append(kept, vs...)
	}
	ix.mu.RUnlock()
	if len(kept) == 0 {
		return list
	}
	out := append(slices.Clip(list), kept...)
	slices.SortStableFunc(out, func(a, b catalog.Record) int { return compareKeys(keyOf(&a), keyOf(&b)) })
	return out
}
