package archive

import (
	"strings"
	"sync/atomic"

	"cablereader/catalog"
	"cablereader/model"
	"cablereader/ui/common"
)

// archiveList is the list's data: the Source's snapshot, the search keys,
// the filters and the rows they leave, the cursor and the scroll offset.
// It knows nothing of styles; the archive model renders the visible rows.
type archiveList struct {
	src   []catalog.Record // the Source's snapshot as it came (shared: never modified)
	all   []catalog.Record // the same entries in the list's order (src itself by date)
	order []int32          // per entry of all, its index in src; nil when all is src
	by    sortKey
	keys  searchKeys
	lv    []uint8                  // per entry: its model.Level
	lvN   [model.TopSecret + 1]int // entries per level

	// widest classification, its code and origin
	classW, codeW, originW int
	codes                  map[string]string // classification → code
	tagN                   map[string]int    // entries per TAG

	// filters
	query  string // fuzzy, "/"
	tag    string // "#"
	origin string // "p"
	level  model.Level

	base  []int32 // entries passing the quick filters (tag, origin, level)
	cache queryCache
	exact []int32 // the rows: exact matches (all of base without a query)
	fuzzy []int32 // then fuzzy matches

	cursor, offset int
	height         int  // rows on screen
	moved          bool // the cursor was moved: it stays on its cable (else on the first row)

	// A query over many rows is matched in the background (a filterJob
	// run by a command); the rows shown meanwhile are the last ones.
	gen     atomic.Int64 // bumped by every new filtering: older jobs stop
	job     *filterJob   // to be started by the archive model
	pending bool         // a job is running; the rows are not yet its
	keepSel bool         // where the cursor goes when it is done
}

// asyncMin is the candidate count from which a typed query is matched in
// the background: below it a keystroke filters in well under a millisecond.
var asyncMin = 32 << 10

// filterJob is a query to match in the background.
type filterJob struct {
	gen   int64
	q     string
	cands []int32
	more  []int32    // rows to merge into cands (a prefix's fuzzy matches)
	keys  searchKeys // the arena is never written once built: safe to share
	live  *atomic.Int64
	keep  bool // a new snapshot: keep the cursor's entry (else: the top)
}

// filteredMsg carries a job's result back.
type filteredMsg struct {
	gen int64
	r   filterResult
	ok  bool
}

// run matches the job's rows; it stops early once the list has moved on.
func (j *filterJob) run() filteredMsg {
	r, ok := compute(j.q, mergeSorted(j.cands, j.more), &j.keys, func() bool { return j.live.Load() != j.gen })
	return filteredMsg{gen: j.gen, r: r, ok: ok}
}

// takeJob hands the job to start, if any.
func (l *archiveList) takeJob() *filterJob {
	j := l.job
	l.job = nil
	return j
}

// finish takes a job's result, unless the list has moved on since.
func (l *archiveList) finish(m filteredMsg) {
	if !m.ok || m.gen != l.gen.Load() || !l.pending {
		return
	}
	keep := l.keepSel
	sel, hasSel := l.selected()
	line := l.cursor - l.offset
	l.pending = false
	l.cache.push(m.r)
	l.exact, l.fuzzy = m.r.exact, m.r.fuzzy
	if keep {
		l.keep(sel, hasSel, line)
		return
	}
	l.cursor, l.offset = 0, 0
	l.clamp()
}

// keep puts the cursor back on sel, at the same line of the screen, once
// the rows have changed under it: new rows, a filter, another order. A
// cursor the user has not moved stays on the first row, so the list opens
// at the same end however its rows arrive.
func (l *archiveList) keep(sel catalog.Record, hasSel bool, line int) {
	l.cursor, l.offset = 0, 0
	if l.moved && hasSel {
		if k := l.find(sel); k >= 0 {
			l.cursor, l.offset = k, k-line
		}
	}
	l.clamp()
}

// sameEntry reports whether two entries are the same cable of the archive:
// what the list shows and where it lives.
func sameEntry(a, b *catalog.Record) bool {
	return a.ID == b.ID && a.Date.Equal(b.Date) && a.Path() == b.Path() && a.Subject == b.Subject
}

// snapshot is the list's data for one snapshot of the archive: the search
// keys and levels of its entries, and what apply merges into the list.
// buildSnapshot only reads the list's earlier snapshot, which is never
// written, so it may run off the UI goroutine.
type snapshot struct {
	src   []catalog.Record // as the Source gave it
	all   []catalog.Record // in the order by
	order []int32          // see archiveList.order
	by    sortKey
	keys  searchKeys
	lv    []uint8
	lvN   [model.TopSecret + 1]int
	remap []int32 // earlier entry index → new; nil when the earlier ones are not all there

	// of the new entries only (all of them when remap is nil)
	tagN                   map[string]int
	codes                  map[string]string
	classW, codeW, originW int
}

// buildSnapshot builds the data of src in the order by. Each snapshot of
// the archive holds the one before in the same order with new entries
// merged in, and every order is stable, so the keys of the earlier
// entries (old, in the order by, with oldKeys and oldLv) are copied, not
// rebuilt.
func buildSnapshot(old []catalog.Record, oldKeys searchKeys, oldLv []uint8, src []catalog.Record, by sortKey) *snapshot {
	entries, order := inOrder(src, by)
	s := &snapshot{src: src, all: entries, order: order, by: by, remap: make([]int32, len(old)), tagN: map[string]int{}, codes: map[string]string{}}
	// Which earlier entry each one is, and the arena's size: the old keys
	// and the new entries' fields (lowering keeps the length, but for a few
	// rare letters).
	from := make([]int32, len(entries)) // new entry index → old, or -1
	size, j := 0, 0
	for i := range entries {
		e := &entries[i]
		if j < len(old) && sameEntry(e, &old[j]) {
			size += int(oldKeys.off[j+1] - oldKeys.off[j])
			from[i] = int32(j)
			j++
			continue
		}
		from[i] = -1
		size += len(e.ID) + len(e.Subject) + len(e.Origin) + 3 + len(e.Tags)
		for _, t := range e.Tags {
			size += len(t)
		}
	}
	if j < len(old) {
		// not the snapshot before with entries added: count everything anew
		s.remap = nil
	}
	keys := searchKeys{buf: make([]byte, 0, size+64), off: make([]int32, 0, len(entries)+1)}
	lv := make([]uint8, len(entries))
	levels := map[string]model.Level{}
	for i := range entries {
		e := &entries[i]
		keys.off = append(keys.off, int32(len(keys.buf)))
		if j := from[i]; j >= 0 {
			keys.buf = append(keys.buf, oldKeys.key(j)...)
			lv[i] = oldLv[j]
			if s.remap != nil {
				s.remap[j] = int32(i)
			}
		} else {
			keys.buf = appendKey(keys.buf, e)
			lvl, ok := levels[e.Class()]
			if !ok {
				lvl = levelOf(e.Class())
				levels[e.Class()] = lvl
				code := classCode(e.Class())
				s.codes[e.Class()] = code
				s.codeW = max(s.codeW, common.Width(code))
				s.classW = max(s.classW, common.Width(e.Class()))
			}
			lv[i] = uint8(lvl)
			s.originW = max(s.originW, common.Width(placeName(e)))
		}
		if from[i] < 0 || s.remap == nil {
			for _, t := range e.Tags {
				s.tagN[t]++
			}
		}
		s.lvN[lv[i]]++
	}
	keys.off = append(keys.off, int32(len(keys.buf)))
	s.keys, s.lv = keys, lv
	return s
}

// setEntries takes a new snapshot of the archive (see apply).
func (l *archiveList) setEntries(entries []catalog.Record) {
	if l.same(entries) {
		return
	}
	l.apply(buildSnapshot(l.all, l.keys, l.lv, entries, l.by))
}

// same reports whether entries is the snapshot the list shows.
func (l *archiveList) same(entries []catalog.Record) bool {
	return len(entries) == len(l.src) && (len(entries) == 0 || &entries[0] == &l.src[0])
}

// apply takes a snapshot built from the one the list shows. The filters
// apply to it; the cursor stays on its entry, at the same line of the
// screen.
func (l *archiveList) apply(s *snapshot) {
	sel, hasSel := l.selected()
	line := l.cursor - l.offset
	if l.codes == nil || s.remap == nil {
		l.codes, l.tagN = map[string]string{}, map[string]int{}
	}
	for c, code := range s.codes {
		l.codes[c] = code
	}
	for t, n := range s.tagN {
		l.tagN[t] += n
	}
	l.classW = max(l.classW, s.classW)
	l.codeW, l.originW = max(l.codeW, s.codeW), max(l.originW, s.originW)
	l.lvN = s.lvN

	prevExact, prevFuzzy := l.exact, l.fuzzy
	l.src, l.all, l.order, l.by, l.keys, l.lv = s.src, s.all, s.order, s.by, s.keys, s.lv
	l.refilter(true)
	if l.pending {
		// the rows shown while the new match runs: the last ones, renumbered
		l.exact, l.fuzzy = renumber(prevExact, s.remap), renumber(prevFuzzy, s.remap)
	}
	l.keep(sel, hasSel, line)
}

// setSort puts the rows in the order by at once (the archive model sorts
// a large list in a command: sortJob, applySort).
func (l *archiveList) setSort(by sortKey) {
	if by != l.by {
		l.applySort(l.sortJob(by)())
	}
}

// reordered is the list's snapshot in another order, built by a sortJob.
type reordered struct {
	src   []catalog.Record // the snapshot it orders
	all   []catalog.Record
	order []int32
	by    sortKey
	keys  searchKeys
	lv    []uint8
	remap []int32 // row of the old order → row of this one
}

// sortJob returns the work of putting the rows in the order by. It reads
// only the list's snapshot, whose slices are never written, so it may run
// off the UI goroutine. The search keys are moved, not rebuilt.
func (l *archiveList) sortJob(by sortKey) func() *reordered {
	src, old, oldKeys, oldLv := l.src, l.order, l.keys, l.lv
	return func() *reordered {
		all, order := inOrder(src, by)
		at := make([]int32, len(src)) // index in src → row of the old all
		if old == nil {
			for i := range at {
				at[i] = int32(i)
			}
		}
		for k, i := range old {
			at[i] = int32(k)
		}
		keys := searchKeys{buf: make([]byte, 0, len(oldKeys.buf)), off: make([]int32, 0, len(all)+1)}
		lv := make([]uint8, len(all))
		remap := make([]int32, len(all))
		for k := range all {
			j := int32(k)
			if order != nil {
				j = order[k]
			}
			j = at[j]
			keys.off = append(keys.off, int32(len(keys.buf)))
			keys.buf = append(keys.buf, oldKeys.key(j)...)
			lv[k] = oldLv[j]
			remap[j] = int32(k)
		}
		keys.off = append(keys.off, int32(len(keys.buf)))
		return &reordered{src: src, all: all, order: order, by: by, keys: keys, lv: lv, remap: remap}
	}
}

// applySort takes the rows in their new order, unless the list has taken
// another snapshot of the archive since (false). The filters apply to them
// (a query over many rows is matched in the background, as after a new
// snapshot: meanwhile the rows are the last ones); the cursor stays on its
// cable, at the same line of the screen.
func (l *archiveList) applySort(s *reordered) bool {
	if !l.same(s.src) {
		return false
	}
	sel, hasSel := l.selected()
	line := l.cursor - l.offset
	prevExact, prevFuzzy := l.exact, l.fuzzy
	l.all, l.order, l.by, l.keys, l.lv = s.all, s.order, s.by, s.keys, s.lv
	l.refilter(true)
	if l.pending {
		l.exact, l.fuzzy = renumber(prevExact, s.remap), renumber(prevFuzzy, s.remap)
	}
	l.keep(sel, hasSel, line)
	return true
}

// renumber maps rows of an old snapshot to the new one (nil: none).
func renumber(rows []int32, remap []int32) []int32 {
	if remap == nil {
		return nil
	}
	out := make([]int32, len(rows))
	for k, i := range rows {
		out[k] = remap[i]
	}
	return out
}

// refilter recomputes the base set and the rows (after a new snapshot or
// a change of a quick filter). The query is matched in the background
// after a new snapshot (async), at once after a quick filter.
func (l *archiveList) refilter(async bool) {
	l.base = l.base[:0:0]
	tag := strings.TrimSpace(l.tag)
	for i := range l.all {
		e := &l.all[i]
		if l.level != model.LevelUnknown && model.Level(l.lv[i]) != l.level {
			continue
		}
		if l.origin != "" && e.Origin != l.origin {
			continue
		}
		if tag != "" && !hasTag(e, tag) {
			continue
		}
		l.base = append(l.base, int32(i))
	}
	l.cache.reset()
	l.runQuery(async, true)
}

func hasTag(e *catalog.Record, tag string) bool {
	for _, t := range e.Tags {
		if strings.EqualFold(t, tag) {
			return true
		}
	}
	return false
}

// runQuery filters the base set with the query: from the cache, at once
// when the rows to filter are few or async is false, else by a job (the
// rows stay as they are until it is done; keep says where the cursor goes
// then).
func (l *archiveList) runQuery(async, keep bool) {
	l.gen.Add(1) // whatever job runs is stale now
	l.job, l.pending = nil, false
	if strings.TrimSpace(l.query) == "" {
		l.exact, l.fuzzy = l.base, nil
		return
	}
	hit, cands, more := l.cache.plan(l.query, l.base)
	switch {
	case hit != nil:
		l.exact, l.fuzzy = hit.exact, hit.fuzzy
	case async && len(cands)+len(more) >= asyncMin:
		l.job = &filterJob{gen: l.gen.Load(), q: l.query, cands: cands, more: more, keys: l.keys, live: &l.gen, keep: keep}
		l.pending, l.keepSel = true, keep
	default:
		r, _ := compute(l.query, mergeSorted(cands, more), &l.keys, nil)
		l.cache.push(r)
		l.exact, l.fuzzy = r.exact, r.fuzzy
	}
}

// setQuery changes the fuzzy query as it is typed; the cursor goes to the
// best match.
func (l *archiveList) setQuery(q string) {
	if q == l.query {
		return
	}
	l.query = q
	l.runQuery(true, false)
	if !l.pending {
		l.cursor, l.offset = 0, 0
	}
	l.clamp()
}

// setQuick changes the quick filters; the cursor stays on its entry when
// the entry is still listed, else goes to the top.
func (l *archiveList) setQuick(tag, origin string, level model.Level) {
	sel, hasSel := l.selected()
	line := l.cursor - l.offset
	l.tag, l.origin, l.level = tag, origin, level
	l.refilter(false)
	l.keep(sel, hasSel, line)
}

// filtered reports whether any filter is on.
func (l *archiveList) filtered() bool {
	return strings.TrimSpace(l.query) != "" || strings.TrimSpace(l.tag) != "" || l.origin != "" || l.level != model.LevelUnknown
}

// len is the number of rows.
func (l *archiveList) len() int { return len(l.exact) + len(l.fuzzy) }

// at is the entry index of row i.
func (l *archiveList) at(i int) int32 {
	if i < len(l.exact) {
		return l.exact[i]
	}
	return l.fuzzy[i-len(l.exact)]
}

// selected is the entry under the cursor.
func (l *archiveList) selected() (catalog.Record, bool) {
	if l.cursor < 0 || l.cursor >= l.len() {
		return catalog.Record{}, false
	}
	return l.all[l.at(l.cursor)], true
}

// find returns the row of an entry, or -1. It looks the entry up by what
// it is, not by where the order would put it: the archive orders an undated
// cable by the year of its id, and the list may be in another order.
func (l *archiveList) find(e catalog.Record) int {
	idx := -1
	for i := range l.all {
		if sameEntry(&l.all[i], &e) {
			idx = i
			break
		}
	}
	if idx < 0 {
		return -1
	}
	i32 := int32(idx)
	for r, x := range l.exact {
		if x == i32 {
			return r
		}
	}
	for r, x := range l.fuzzy {
		if x == i32 {
			return len(l.exact) + r
		}
	}
	return -1
}

// shownIDW is the width of the widest id on screen.
func (l *archiveList) shownIDW() int {
	w := 0
	for i := l.offset; i < min(l.len(), l.offset+l.height); i++ {
		w = max(w, common.Width(l.all[l.at(i)].ID))
	}
	return w
}

// move moves the cursor by n rows.
func (l *archiveList) move(n int) {
	l.cursor += n
	l.moved = true
	l.clamp()
}

// moveTo puts the cursor on row i.
func (l *archiveList) moveTo(i int) {
	l.cursor = i
	l.moved = true
	l.clamp()
}

// scroll moves the window and the cursor by n rows (a page).
func (l *archiveList) scroll(n int) {
	l.cursor += n
	l.offset += n
	l.moved = true
	l.clamp()
}

// sepRow is the row the separator of the fuzzy matches stands above, -1
// when there are none.
func (l *archiveList) sepRow() int {
	if len(l.fuzzy) == 0 {
		return -1
	}
	return len(l.exact)
}

// clamp keeps the cursor in the rows and on screen. The separator above
// the fuzzy matches takes a line of the screen when it is on it.
func (l *archiveList) clamp() {
	n := l.len()
	h := max(1, l.height)
	s := l.sepRow()
	sepIn := func(first, last int) bool { return h > 1 && s >= 0 && first <= s && s <= last }
	l.cursor = max(0, min(l.cursor, n-1))
	top := max(0, n-h) // the last rows fill the screen, no further
	if sepIn(top, n-1) && n-top+1 > h {
		top++
	}
	l.offset = max(0, min(l.offset, top))
	if l.cursor < l.offset {
		l.offset = l.cursor
	}
	if l.cursor >= l.offset+h {
		l.offset = l.cursor - h + 1
	}
	if sepIn(l.offset, l.cursor) && l.cursor-l.offset+2 > h {
		l.offset++
	}
}

// levels lists the levels that some entry has, in order.
func (l *archiveList) levels() []model.Level {
	var out []model.Level
	for lv := model.Unclassified; lv <= model.TopSecret; lv++ {
		if l.lvN[lv] > 0 {
			out = append(out, lv)
		}
	}
	return out
}

// cycleLevel moves the classification filter to the next (dir > 0) or
// previous level that has rows under the other filters, through "all":
// with a filter on, a level with no row left is stepped over.
func (l *archiveList) cycleLevel(dir int) {
	n := l.rowsByLevel()
	const levels = int(model.TopSecret) + 1
	lv := l.level
	for {
		lv = model.Level(((int(lv)+dir)%levels + levels) % levels)
		if lv == model.LevelUnknown || n[lv] > 0 {
			break
		}
	}
	l.setQuick(l.tag, l.origin, lv)
}

// rowsByLevel counts by level the rows that the filters other than the
// classification leave.
func (l *archiveList) rowsByLevel() (n [model.TopSecret + 1]int) {
	if l.level == model.LevelUnknown && !l.pending {
		for i := range l.len() {
			n[l.lv[l.at(i)]]++
		}
		return n
	}
	if !l.filtered() || l.level != model.LevelUnknown && strings.TrimSpace(l.query) == "" && strings.TrimSpace(l.tag) == "" && l.origin == "" {
		return l.lvN
	}
	tag := strings.TrimSpace(l.tag)
	var rows []int32
	for i := range l.all {
		e := &l.all[i]
		if l.origin != "" && e.Origin != l.origin || tag != "" && !hasTag(e, tag) {
			continue
		}
		rows = append(rows, int32(i))
	}
	if strings.TrimSpace(l.query) != "" {
		r, _ := compute(l.query, rows, &l.keys, nil)
		rows = append(r.exact, r.fuzzy...)
	}
	for _, i := range rows {
		n[l.lv[i]]++
	}
	return n
}
