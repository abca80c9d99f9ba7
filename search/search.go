package search

import (
	"context"
	"database/sql"
	"encoding/json"
	"slices"
	"strconv"
	"strings"

	"cablereader/catalog"
)

// rankWindow is the most hits a query ranks: one with more ranks the
// most recent rankWindow of them (the highest rowids, which follow the
// dates), as bm25 costs a few microseconds a hit. A variable for tests.
var rankWindow = 2000

// Hit is one cable found.
type Hit struct {
	Row            int64 // the cable's rowid in the index
	ID             string
	Date           string // YYYY-MM-DD, or "" when unknown
	Classification string
	Origin         string
	Subject        string
	Tags           []string
	// Score is bm25 (lower is better; 0 when the query has no words).
	Score    float64
	Location catalog.Location
}

// compiled is a query as FTS5 syntax and field terms.
type compiled struct {
	// match is the FTS5 expression of the words that must occur (and
	// those that must not); "" when no word must occur.
	match string
	// neg is, when no word must occur, the expression of the words that
	// must not.
	neg    string
	fields [][]Term // the clauses of field terms
}

func compile(q *Query) compiled {
	var c compiled
	var pos, neg []string
	for _, clause := range q.Clauses {
		if !clause[0].IsText() {
			c.fields = append(c.fields, clause)
			continue
		}
		parts := make([]string, len(clause))
		for i, t := range clause {
			parts[i] = fts(t)
		}
		expr := strings.Join(parts, " OR ")
		if len(parts) > 1 {
			expr = "(" + expr + ")"
		}
		if clause[0].Neg {
			neg = append(neg, expr)
		} else {
			pos = append(pos, expr)
		}
	}
	switch {
	case len(pos) > 0 && len(neg) > 0:
		c.match = strings.Join(pos, " AND ") + " NOT (" + strings.Join(neg, " OR ") + ")"
	case len(pos) > 0:
		c.match = strings.Join(pos, " AND ")
	case len(neg) > 0:
		c.neg = strings.Join(neg, " OR ")
	}
	return c
}

const hitColumns = "c.rowid, c.id, c.date, c.classification, c.origin, c.subject, c.tags, c.kind, f.path, c.offset, c.length, c.line"

// joinFiles names the file of each cable c.
const joinFiles = " JOIN files f ON f.id = c.file"

// plan is a compiled query made ready to run: keep tests a row against
// the field terms (nil: all rows are kept). cols is nil for a query of
// words only on an index without orphans (no field is needed).
type plan struct {
	compiled
	cols *columns
	keep func(int64) bool
}

func (ix *Index) plan(ctx context.Context, db *sql.DB, q *Query, needCols bool) (*plan, error) {
	p := &plan{compiled: compile(q)}
	if !needCols && len(p.fields) == 0 && p.match != "" && ix.orphanCount() == 0 {
		return p, nil // words only: SQLite alone
	}
	cols, err := ix.columns(ctx, db)
	if err != nil {
		return nil, err
	}
	p.cols = cols
	test, err := cols.predicate(ctx, db, p.fields)
	if err != nil {
		return nil, err
	}
	switch {
	case test != nil:
		p.keep = func(r int64) bool {
			row := cols.row(r)
			return row != nil && test(row, r)
		}
	case ix.orphanCount() > 0 || p.match == "":
		// FTS rows of removed cables (orphans) are no hits.
		p.keep = func(r int64) bool { return cols.row(r) != nil }
	}
	if p.neg != "" {
		// Words left out of a query of fields only: drop the rows kept
		// that have them.
		drop := map[int64]bool{}
		keep := p.keep
		h, done := visit(func(r int64) bool {
			if keep(r) {
				drop[r] = true
			}
			return false
		})
		defer done()
		if _, err := db.ExecContext(ctx, "SELECT count(*) FROM fts WHERE fts MATCH ? AND "+visitFunc+"(?, fts.rowid)", p.neg, h); err != nil {
			return nil, err
		}
		p.keep = func(r int64) bool { return !drop[r] && keep(r) }
	}
	return p, nil
}

// Search runs a query and returns up to limit hits in rank order and the
// number of all hits. Queries with words are ranked by bm25, with the
// subject weighted above the body, ties by date then id; a query with
// more than rankWindow hits ranks the most recent rankWindow of them.
// Queries of fields only come by date then id.
func (ix *Index) Search(ctx context.Context, q *Query, limit int) (_ []Hit, _ int, err error) {
	defer ix.explain(&err)
	db, err := ix.conn(ctx)
	if err != nil {
		return nil, 0, err
	}
	p, err := ix.plan(ctx, db, q, false)
	if err != nil {
		return nil, 0, err
	}
	if p.match == "" {
		// Fields only: the first rows in date order that pass.
		var top []int64
		n := 0
		for _, r := range p.cols.order {
			if p.keep(int64(r)) {
				if n < limit {
					top = append(top, int64(r))
				}
				n++
			}
		}
		hits, err := ix.fetch(ctx, db, top)
		return hits, n, err
	}
	// One pass ranks the most recent rankWindow hits, counting them on
	// the way (the hits the field terms keep, through cablereader_visit);
	// when there are more, the older ones are counted from where it
	// stopped.
	n, last := 0, int64(0)
	count := func(r int64) bool {
		if p.keep != nil && !p.keep(r) {
			return false
		}
		n++
		last = r
		return true
	}
	h, done := visit(count)
	defer done()
	query := "SELECT " + hitColumns + ", h.score FROM (SELECT fts.rowid AS r, fts.rank AS score FROM fts WHERE fts MATCH ? AND " + visitFunc + "(?, fts.rowid)" +
		" ORDER BY fts.rowid DESC LIMIT ?) h JOIN cables c ON c.rowid = h.r" + joinFiles + " ORDER BY h.score, c.date, c.id LIMIT ?"
	rows, err := db.QueryContext(ctx, query, p.match, h, rankWindow, limit)
	if err != nil {
		return nil, 0, err
	}
	hits, err := scanHits(rows, true)
	if err != nil {
		return nil, 0, err
	}
	if n >= rankWindow {
		q, args := "SELECT count(*) FROM fts WHERE fts MATCH ? AND fts.rowid < ?", []any{p.match, last}
		if p.keep != nil {
			h2, done2 := visit(p.keep)
			defer done2()
			q, args = q+" AND "+visitFunc+"(?, fts.rowid)", append(args, h2)
		}
		var more int
		if err := db.QueryRowContext(ctx, q, args...).Scan(&more); err != nil {
			return nil, 0, err
		}
		n += more
	}
	return hits, n, nil
}

// Warm reads what searches need into memory (the cables' fields), so
// that the first search does not wait for it.
func (ix *Index) Warm(ctx context.Context) (err error) {
	defer ix.explain(&err)
	db, err := ix.conn(ctx)
	if err != nil {
		return err
	}
	if _, err = ix.columns(ctx, db); err != nil {
		return err
	}
	// The references too: the facets name the most cited hits.
	_, err = ix.refGraph(ctx)
	return err
}

// fetch reads the hits of rowids, in their order.
func (ix *Index) fetch(ctx context.Context, db *sql.DB, rowids []int64) ([]Hit, error) {
	if len(rowids) == 0 {
		return nil, nil
	}
	list, _ := json.Marshal(rowids)
	rows, err := db.QueryContext(ctx, "SELECT "+hitColumns+", 0 FROM cables c"+joinFiles+" WHERE c.rowid IN (SELECT value FROM json_each(?))", string(list))
	if err != nil {
		return nil, err
	}
	hits, err := scanHits(rows, true)
	if err != nil {
		return nil, err
	}
	at := make(map[int64]int, len(rowids))
	for i, r := range rowids {
		at[r] = i
	}
	slices.SortFunc(hits, func(a, b Hit) int { return at[a.Row] - at[b.Row] })
	return hits, nil
}

func scanHits(rows *sql.Rows, withScore bool) ([]Hit, error) {
	defer rows.Close()
	var hits []Hit
	for rows.Next() {
		var h Hit
		var tags, kind string
		dst := []any{&h.Row, &h.ID, &h.Date, &h.Classification, &h.Origin, &h.Subject, &tags, &kind,
			&h.Location.Path, &h.Location.Offset, &h.Location.Length, &h.Location.Line}
		if withScore {
			dst = append(dst, &h.Score)
		}
		if err := rows.Scan(dst...); err != nil {
			return nil, err
		}
		h.Tags = strings.Fields(tags)
		h.Location.Kind = catalog.Kind(kind)
		hits = append(hits, h)
	}
	return hits, rows.Err()
}

// Count is one bar of a facet.
type Count struct {
	Key string
	N   int
}

// Facets are counts over all the hits of a query.
type Facets struct {
	// Years and Months count the hits in date order. An undated cable
	// is counted under its id's year (under "" when its id gives none)
	// and in no month; Undated says how many hits have no date.
	Years, Months   []Count
	Undated         int
	Classifications []Count // most first
	Origins, Tags   []Count // the most frequent, most first
	// Cited are the hits most cited in the archive, with the number of
	// cables citing each, most first (ties by id); hits no cable cites
	// are left out.
	Cited []Count
}

// Facets counts a query's hits by year, month, classification, and the
// top origins and TAGS, and names the most cited hits (up to top of
// each): a pass over all the hits in Go (see columns), whatever number
// of them Search returns.
func (ix *Index) Facets(ctx context.Context, q *Query, top int) (_ Facets, err error) {
	defer ix.explain(&err)
	var f Facets
	db, err := ix.conn(ctx)
	if err != nil {
		return f, err
	}
	p, err := ix.plan(ctx, db, q, true)
	if err != nil {
		return f, err
	}
	cs := p.cols
	g, err := ix.refGraph(ctx)
	if err != nil {
		return f, err
	}
	_, citedRow := g.citedCounts()
	var cited []int64 // the hits some cable cites
	months := make([]int, len(cs.months))
	undated := map[int32]int{} // undated hits by their id's year
	classes := make([]int, len(cs.classes))
	origins := make([]int, len(cs.origins))
	tags := make([]int, len(cs.tags))
	count := func(r int64) bool {
		if row := cs.row(r); row != nil {
			if row.date == 0 {
				undated[row.year]++
			} else {
				months[row.month]++
			}
			classes[row.class]++
			origins[row.origin]++
			for _, t := range cs.rowTags[row.tags[0]:row.tags[1]] {
				tags[t]++
			}
			if r < int64(len(citedRow)) && citedRow[r] > 0 {
				cited = append(cited, r)
			}
		}
		return false
	}
	if p.match == "" {
		for _, r := range cs.order {
			if p.keep(int64(r)) {
				count(int64(r))
			}
		}
	} else {
		keep := p.keep
		h, done := visit(func(r int64) bool { return (keep == nil || keep(r)) && count(r) })
		defer done()
		if _, err := db.ExecContext(ctx, "SELECT count(*) FROM fts WHERE fts MATCH ? AND "+visitFunc+"(?, fts.rowid)", p.match, h); err != nil {
			return f, err
		}
	}
	years := map[string]int{}
	for i, n := range months {
		if n > 0 {
			f.Months = append(f.Months, Count{cs.months[i], n})
			years[cs.months[i][:min(4, len(cs.months[i]))]] += n
		}
	}
	slices.SortFunc(f.Months, func(a, b Count) int { return strings.Compare(a.Key, b.Key) })
	for y, n := range undated {
		f.Undated += n
		if y == 0 {
			years[""] += n
		} else {
			years[strconv.Itoa(int(y))] += n
		}
	}
	for y, n := range years {
		f.Years = append(f.Years, Count{y, n})
	}
	slices.SortFunc(f.Years, func(a, b Count) int { return strings.Compare(a.Key, b.Key) })
	f.Classifications = mostFirst(cs.classes, classes, -1)
	f.Origins = mostFirst(cs.origins, origins, top)
	f.Tags = mostFirst(cs.tags, tags, top)
	f.Cited = mostCited(cs, citedRow, cited, top)
	return f, nil
}

// mostCited names the top rows most cited (n their counts of citers,
// by rowid), most first, ties by id; an id held twice is named once.
func mostCited(cs *columns, n []int32, rows []int64, top int) []Count {
	out := make([]Count, 0, len(rows))
	for _, r := range rows {
		out = append(out, Count{strings.ToUpper(cs.rows[r].id), int(n[r])})
	}
	slices.SortFunc(out, func(a, b Count) int {
		if a.N != b.N {
			return b.N - a.N
		}
		return strings.Compare(a.Key, b.Key)
	})
	out = slices.CompactFunc(out, func(a, b Count) bool { return a.Key == b.Key })
	if top >= 0 && len(out) > top {
		out = out[:top]
	}
	return out
}

// mostFirst lists the keys counted, the most frequent first (ties by
// key), at most top of them (all when top < 0).
func mostFirst(keys []string, n []int, top int) []Count {
	var out []Count
	for i, c := range n {
		if c > 0 {
			out = append(out, Count{keys[i], c})
		}
	}
	slices.SortFunc(out, func(a, b Count) int {
		if a.N != b.N {
			return b.N - a.N
		}
		return strings.Compare(a.Key, b.Key)
	})
	if top >= 0 && len(out) > top {
		out = out[:top]
	}
	return out
}

// CitedBy returns the cables of the archive that cite id, by date.
func (ix *Index) CitedBy(ctx context.Context, id string) (_ []Hit, err error) {
	defer ix.explain(&err)
	db, err := ix.conn(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := db.QueryContext(ctx, "SELECT DISTINCT "+hitColumns+" FROM refs r JOIN cables c ON c.rowid = r.cable"+joinFiles+" WHERE r.cited = ? COLLATE NOCASE ORDER BY c.date, c.id",
		strings.ToUpper(strings.TrimSpace(id)))
	if err != nil {
		return nil, err
	}
	return scanHits(rows, false)
}

func (ix *Index) orphanCount() int {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.orphans
}

// explain turns an SQLite error of a query into one that names the index
// file and says what to do.
func (ix *Index) explain(err *error) {
	if *err != nil && sqliteCode(*err) != 0 {
		*err = dbError(ix.file, *err)
	}
}

// SetRankWindow sets the most hits a query ranks, for tests of other
// packages, and returns a function that puts it back.
func SetRankWindow(n int) (restore func()) {
	old := rankWindow
	rankWindow = n
	return func() { rankWindow = old }
}
