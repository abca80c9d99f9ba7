package archive

import (
	"cmp"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"

	"cablereader/catalog"
	"cablereader/model"
	"cablereader/ui/common"
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
// the order of entries. Each entry's key is worked out once, not at each
// comparison: the ids are sorted as a compact slice of their own (the
// index breaks ties, which lets an unstable sort, much the faster, do);
// the origins and classifications, a few hundred distinct keys at most,
// are sorted among themselves and the entries bucketed by their key's
// rank, which keeps them in order within a bucket.
func orderOf(entries []catalog.Record, by sortKey) []int32 {
	switch by {
	case byID:
		type row struct {
			id string
			i  int32
		}
		rows := make([]row, len(entries))
		for i := range entries {
			rows[i] = row{entries[i].ID, int32(i)}
		}
		slices.SortFunc(rows, func(x, y row) int { return cmp.Or(strings.Compare(x.id, y.id), cmp.Compare(x.i, y.i)) })
		perm := make([]int32, len(rows))
		for k, r := range rows {
			perm[k] = r.i
		}
		return perm
	case byOrigin:
		// the column's name of the post, worked out once an origin; a row
		// without one goes last
		names := map[string]string{}
		return ranked(entries, func(e *catalog.Record) string {
			if e.Origin == "" {
				return strings.ToLower(placeName(e))
			}
			n, ok := names[e.Origin]
			if !ok {
				n = strings.ToLower(placeName(e))
				names[e.Origin] = n
			}
			return n
		}, func(x, y string) int {
			return cmp.Or(cmp.Compare(lastIfEmpty(x), lastIfEmpty(y)), strings.Compare(x, y))
		})
	case byClass:
		type rank struct {
			level model.Level
			code  string
		}
		ranks := map[string]rank{}
		return ranked(entries, func(e *catalog.Record) rank {
			c := e.Class()
			r, ok := ranks[c]
			if !ok {
				r = rank{levelOf(c), classCode(c)}
				ranks[c] = r
			}
			return r
		}, func(x, y rank) int {
			return cmp.Or(cmp.Compare(y.level, x.level), strings.Compare(x.code, y.code))
		})
	}
	perm := make([]int32, len(entries))
	for i := range perm {
		perm[i] = int32(i)
	}
	return perm
}

// ranked orders entries by key (comparable keys, compared by cmpKey),
// stable: the distinct keys are sorted, then the entries counted into a
// bucket per key in one pass and placed in a second.
func ranked[K comparable](entries []catalog.Record, key func(*catalog.Record) K, cmpKey func(x, y K) int) []int32 {
	slot := map[K]int32{} // key → its bucket, in the order first seen
	var distinct []K
	of := make([]int32, len(entries))
	for i := range entries {
		k := key(&entries[i])
		b, ok := slot[k]
		if !ok {
			b = int32(len(distinct))
			slot[k] = b
			distinct = append(distinct, k)
		}
		of[i] = b
	}
	// each bucket's rank; keys that compare equal share one
	byKey := make([]int32, len(distinct))
	for i := range byKey {
		byKey[i] = int32(i)
	}
	slices.SortFunc(byKey, func(x, y int32) int { return cmpKey(distinct[x], distinct[y]) })
	rank := make([]int32, len(distinct))
	r := int32(0)
	for k, b := range byKey {
		if k > 0 && cmpKey(distinct[byKey[k-1]], distinct[b]) != 0 {
			r++
		}
		rank[b] = r
	}
	start := make([]int32, len(distinct)+1)
	for _, b := range of {
		start[rank[b]+1]++
	}
	for k := 1; k < len(start); k++ {
		start[k] += start[k-1]
	}
	perm := make([]int32, len(entries))
	for i, b := range of {
		r := rank[b]
		perm[start[r]] = int32(i)
		start[r]++
	}
	return perm
}

// sortedMsg carries the rows of a re-sort back.
type sortedMsg struct {
	seq int // the sort's number (Archive.sortSeq)
	s   *reordered
}

// nextOrder is the o key: the order after the one asked for last. A list
// of many rows is sorted by a command, as a snapshot is built: one sort
// runs at a time; o pressed meanwhile moves on the order the list will
// end in, and the status line says it is sorting until it is done. A
// snapshot the scan brings meanwhile is built in the order asked for,
// which ends the sort (the rows of the older snapshot are dropped).
func (a *Archive) nextOrder() tea.Cmd {
	a.sortTo = a.order().next()
	if a.sorting {
		return nil // taken when the running sort is done
	}
	return a.startSort()
}

// order is the order the list is in, or is being put in.
func (a *Archive) order() sortKey {
	if a.sorting {
		return a.sortTo
	}
	return a.list.by
}

// startSort puts the list in the order asked for: at once when its rows
// are few, else by a command.
func (a *Archive) startSort() tea.Cmd {
	l := &a.list
	a.sorting = false
	switch {
	case a.sortTo == l.by:
	case len(l.src) < asyncMin:
		l.setSort(a.sortTo)
	default:
		a.sorting = true
		a.sortSeq++
		seq, job := a.sortSeq, l.sortJob(a.sortTo)
		return common.Guard("sorting", func() tea.Msg { return sortedMsg{seq, job()} })
	}
	a.sayOrder()
	return nil
}

// sorted takes the rows of the sort last started, if they are still the
// ones asked for: else (o was pressed again, or the scan brought a new
// snapshot meanwhile) it sorts again.
func (a *Archive) sorted(m sortedMsg) tea.Cmd {
	if !a.sorting || m.seq != a.sortSeq {
		return nil
	}
	if m.s.by == a.sortTo && a.list.applySort(m.s) {
		a.sorting = false
		a.sayOrder()
		return nil
	}
	return a.startSort()
}

// sortDone ends the sort running when a snapshot built in the order it
// puts the list in has been taken.
func (a *Archive) sortDone() {
	if a.sorting && a.list.by == a.sortTo {
		a.sorting = false
		a.sortSeq++ // its rows are of an older snapshot
		a.sayOrder()
	}
}

// sayOrder says the list's order on the status line.
func (a *Archive) sayOrder() {
	l := &a.list
	a.msg = "sorted by " + l.by.String() + sortHow[l.by] + " (o: next order)"
}
