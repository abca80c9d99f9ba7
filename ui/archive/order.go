package archive

import (
	"cmp"
	"slices"
	"strings"

	"cablereader/catalog"
	"cablereader/model"
)

// The list's order: by date (the archive's own order, oldest first, as
// --list prints it), by id, by origin (the post as the column names it) or
// by classification (the most secret first). Every order is stable over
// the archive's: rows that tie stay by date, then id.

// sortKey is an order of the list.
type sortKey int

const (
	byDate sortKey = iota
	byID
	byOrigin
	byClass
	nSortKeys
)

// sortNames are the orders as the status line and the state file name
// them.
var sortNames = [nSortKeys]string{"date", "id", "origin", "classification"}

func (k sortKey) String() string { return sortNames[k] }

// sortKeyNamed is the order called name; false for none.
func sortKeyNamed(name string) (sortKey, bool) {
	i := slices.Index(sortNames[:], name)
	return sortKey(max(i, 0)), i >= 0
}

// next is the order after k, cycling.
func (k sortKey) next() sortKey { return (k + 1) % nSortKeys }

func lastIfEmpty(s string) int {
	if s == "" {
		return 1
	}
	return 0
}

// inOrder returns entries (in the archive's order) in the order by, and
// for each row the index of its entry in entries: the same slice and nil
// for byDate, else a sorted copy.
func inOrder(entries []catalog.Record, by sortKey) ([]catalog.Record, []int32) {
	if by == byDate {
		return entries, nil
	}
	perm := orderOf(entries, by)
	out := make([]catalog.Record, len(entries))
	for k, i := range perm {
		out[k] = entries[i]
	}
	return out, perm
}

// orderOf is the indexes of entries in the order by, stable: ties keep
// the order of entries (the index breaks them, which lets an unstable
// sort, much the faster, do).
func orderOf(entries []catalog.Record, by sortKey) []int32 {
	perm := make([]int32, len(entries))
	for i := range perm {
		perm[i] = int32(i)
	}
	switch by {
	case byID:
		slices.SortFunc(perm, func(i, j int32) int { return cmp.Or(strings.Compare(entries[i].ID, entries[j].ID), cmp.Compare(i, j)) })
	case byOrigin:
		// the column's name of the post, worked out once an origin
		names := map[string]string{}
		keys := make([]string, len(entries))
		for i := range entries {
			e := &entries[i]
			if e.Origin == "" {
				keys[i] = strings.ToLower(placeName(e))
				continue
			}
			n, ok := names[e.Origin]
			if !ok {
				n = strings.ToLower(placeName(e))
				names[e.Origin] = n
			}
			keys[i] = n
		}
		slices.SortFunc(perm, func(i, j int32) int {
			// a row without an origin goes last
			return cmp.Or(cmp.Compare(lastIfEmpty(keys[i]), lastIfEmpty(keys[j])), strings.Compare(keys[i], keys[j]), cmp.Compare(i, j))
		})
	case byClass:
		type rank struct {
			level model.Level
			code  string
		}
		ranks := map[string]rank{}
		keys := make([]rank, len(entries))
		for i := range entries {
			c := entries[i].Class()
			r, ok := ranks[c]
			if !ok {
				r = rank{levelOf(c), classCode(c)}
				ranks[c] = r
			}
			keys[i] = r
		}
		slices.SortFunc(perm, func(i, j int32) int {
			return cmp.Or(cmp.Compare(keys[j].level, keys[i].level), strings.Compare(keys[i].code, keys[j].code), cmp.Compare(i, j))
		})
	}
	return perm
}
