package index

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"cablereader/corpus"
)

// rank is the FTS table's rank (see the schema): bm25 with a word in
// the subject counted as ten in the body.
const rank = "bm25(fts, 1.0, 10.0)"

// rankWindow is the most hits a query ranks: one with more ranks the
// most recent rankWindow of them (the highest rowids, which follow the
// dates), as bm25 costs a few microseconds a hit. A variable for tests.
var rankWindow = 4000

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
	Location corpus.Location
}

// compiled is a query as SQL: an FTS5 expression (may be empty) and
// conditions on the cables table c, with their arguments.
type compiled struct {
	match string
	where []string
	args  []any
}

// compile writes q as SQL. values, when not nil, lists the distinct
// values of a column of cables (origin, caveats), so that from: and
// caveat: become lists of values an index finds.
func compile(q *Query, values func(column string) []string) compiled {
	var c compiled
	var pos, neg []string
	for _, clause := range q.Clauses {
		if isText(clause[0]) {
			parts := make([]string, len(clause))
			for i, t := range clause {
				parts[i] = t.fts()
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
			continue
		}
		var ors []string
		for _, t := range clause {
			cond, args := fieldSQL(t, values)
			if t.Neg {
				cond = "NOT " + cond
			}
			ors = append(ors, cond)
			c.args = append(c.args, args...)
		}
		if len(ors) == 1 {
			c.where = append(c.where, ors[0])
		} else {
			c.where = append(c.where, "("+strings.Join(ors, " OR ")+")")
		}
	}
	switch {
	case len(pos) > 0 && len(neg) > 0:
		c.match = strings.Join(pos, " AND ") + " NOT (" + strings.Join(neg, " OR ") + ")"
	case len(pos) > 0:
		c.match = strings.Join(pos, " AND ")
	case len(neg) > 0:
		c.where = append(c.where, "c.rowid NOT IN (SELECT rowid FROM fts WHERE fts MATCH ?)")
		c.args = append(c.args, strings.Join(neg, " OR "))
	}
	return c
}

// fieldSQL is a field term's condition on the cables table c.
func fieldSQL(t Term, values func(string) []string) (string, []any) {
	switch t.Field {
	case "tag":
		return "c.rowid IN (SELECT cable FROM tags WHERE tag = ?)", []any{t.Value}
	case "from":
		if values != nil {
			if list := values("origin"); list != nil {
				v := strings.ToLower(t.Value)
				return inList("c.origin", list, func(s string) bool { return strings.Contains(strings.ToLower(s), v) })
			}
		}
		return `c.origin LIKE ? ESCAPE '\'`, []any{"%" + likeEscape(t.Value) + "%"}
	case "class":
		return "c.level = ?", []any{t.Value}
	case "caveat":
		if values != nil {
			if list := values("caveats"); list != nil {
				return inList("c.caveats", list, func(s string) bool { return strings.Contains(s, t.Value) })
			}
		}
		return "instr(c.caveats, ?) > 0", []any{t.Value}
	case "date":
		return "(c.date >= ? AND c.date < ?)", []any{t.From, t.Until}
	case "id":
		return "c.id = ? COLLATE NOCASE", []any{t.Value}
	case "cites":
		return "c.rowid IN (SELECT cable FROM refs WHERE cited = ? COLLATE NOCASE)", []any{t.Value}
	}
	return "0", nil // not reached: Parse knows every field
}

// inList is the condition that column holds one of the values that keep.
func inList(column string, values []string, keep func(string) bool) (string, []any) {
	var args []any
	for _, v := range values {
		if keep(v) {
			args = append(args, v)
		}
	}
	if len(args) == 0 {
		return "0", nil
	}
	return column + " IN (" + strings.Repeat("?, ", len(args)-1) + "?)", args
}

// values lists the distinct values of a column of cables (origin or
// caveats, both indexed), read once for each database.
func (ix *Index) values(ctx context.Context, db *sql.DB) func(string) []string {
	return func(column string) []string {
		if column != "origin" && column != "caveats" {
			return nil
		}
		ix.fmu.Lock()
		defer ix.fmu.Unlock()
		if gen := ix.generation(); ix.valueLists == nil || ix.valuesOf != gen {
			ix.valueLists, ix.valuesOf = map[string][]string{}, gen
		}
		if list, ok := ix.valueLists[column]; ok {
			return list
		}
		rows, err := db.QueryContext(ctx, "SELECT DISTINCT "+column+" FROM cables")
		if err != nil {
			return nil
		}
		defer rows.Close()
		list := []string{}
		for rows.Next() {
			var v string
			if rows.Scan(&v) != nil {
				return nil
			}
			list = append(list, v)
		}
		if rows.Err() != nil {
			return nil
		}
		ix.valueLists[column] = list
		return list
	}
}

func likeEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// from writes the FROM and WHERE of a query over its hits: FTS rows
// joined to their cables c.
func (c compiled) from() (string, []any) {
	if c.match == "" {
		return c.fromCables(), c.args
	}
	return " FROM fts JOIN cables c ON c.rowid = fts.rowid WHERE fts MATCH ?" + c.conds(), append([]any{c.match}, c.args...)
}

// fromCables is the FROM and WHERE of a query of fields only.
func (c compiled) fromCables() string { return " FROM cables c WHERE 1" + c.conds() }

func (c compiled) conds() string {
	var b strings.Builder
	for _, w := range c.where {
		b.WriteString(" AND ")
		b.WriteString(w)
	}
	return b.String()
}

const hitColumns = "c.rowid, c.id, c.date, c.classification, c.origin, c.subject, c.tags, c.kind, f.path, c.offset, c.length"

// joinFiles names the file of each cable c.
const joinFiles = " JOIN files f ON f.id = c.file"

// Search runs a query and returns up to limit hits in rank order and the
// number of all hits. Queries with words are ranked by bm25, with the
// subject weighted above the body, ties by date then id; a query with
// more than rankWindow hits ranks the most recent rankWindow of them.
// Queries of fields only come by date then id.
func (ix *Index) Search(ctx context.Context, q *Query, limit int) ([]Hit, int, error) {
	db, err := ix.conn()
	if err != nil {
		return nil, 0, err
	}
	c := compile(q, ix.values(ctx, db))
	from, args := c.from()
	if c.match == "" {
		rows, err := db.QueryContext(ctx, "SELECT "+hitColumns+", 0 FROM cables c"+joinFiles+" WHERE 1"+c.conds()+" ORDER BY c.date, c.id LIMIT ?", append(args, limit)...)
		if err != nil {
			return nil, 0, err
		}
		hits, err := scanHits(rows, true)
		if err != nil {
			return nil, 0, err
		}
		n := len(hits)
		if n == limit {
			err = db.QueryRowContext(ctx, "SELECT count(*)"+c.fromCables(), args...).Scan(&n)
		}
		return hits, n, err
	}
	// FTS rows of removed cables (orphans) are joined to no cable, so
	// counting them needs the join.
	countFrom := " FROM fts WHERE fts MATCH ?"
	if len(c.where) > 0 || ix.orphanCount() > 0 {
		countFrom = from
	}
	// Count first: it says whether to rank all hits or a window.
	var n int
	if err := db.QueryRowContext(ctx, "SELECT count(*)"+countFrom, args...).Scan(&n); err != nil {
		return nil, 0, err
	}
	window := ""
	if n > rankWindow {
		window = fmt.Sprintf(" ORDER BY fts.rowid DESC LIMIT %d", rankWindow)
	}
	// Rank the hits (or the window), then join the columns of the few kept.
	query := "SELECT " + hitColumns + ", h.score FROM (SELECT fts.rowid AS r, fts.rank AS score" + from + window +
		") h JOIN cables c ON c.rowid = h.r" + joinFiles + " ORDER BY h.score, c.date, c.id LIMIT ?"
	rows, err := db.QueryContext(ctx, query, append(args, limit)...)
	if err != nil {
		return nil, 0, err
	}
	hits, err := scanHits(rows, true)
	if err != nil {
		return nil, 0, err
	}
	return hits, n, nil
}

func scanHits(rows *sql.Rows, withScore bool) ([]Hit, error) {
	defer rows.Close()
	var hits []Hit
	for rows.Next() {
		var h Hit
		var tags, kind string
		dst := []any{&h.Row, &h.ID, &h.Date, &h.Classification, &h.Origin, &h.Subject, &tags, &kind,
			&h.Location.Path, &h.Location.Offset, &h.Location.Length}
		if withScore {
			dst = append(dst, &h.Score)
		}
		if err := rows.Scan(dst...); err != nil {
			return nil, err
		}
		h.Tags = strings.Fields(tags)
		h.Location.Kind = kindOf(kind)
		hits = append(hits, h)
	}
	return hits, rows.Err()
}

func kindOf(s string) corpus.Kind {
	for _, k := range []corpus.Kind{corpus.KindText, corpus.KindHTML, corpus.KindCSVRow} {
		if k.String() == s {
			return k
		}
	}
	return ""
}

// Count is one bar of a facet.
type Count struct {
	Key string
	N   int
}

// Facets are counts over all the hits of a query.
type Facets struct {
	Years, Months   []Count // in date order; undated cables under ""
	Classifications []Count // most first
	Origins, Tags   []Count // the most frequent, most first
}

// Facets counts a query's hits by year, month, classification, and the
// top origins and TAGS (up to top of each). The cables' fields are read
// once into memory (a few MB for 251,287 cables), so that counting is a
// pass over the hits' rowids.
func (ix *Index) Facets(ctx context.Context, q *Query, top int) (Facets, error) {
	var f Facets
	db, err := ix.conn()
	if err != nil {
		return f, err
	}
	fc, err := ix.facetCache(ctx, db)
	if err != nil {
		return f, err
	}
	c := compile(q, ix.values(ctx, db))
	from, args := c.from()
	sel := "SELECT c.rowid" + from
	if c.match != "" && len(c.where) == 0 && ix.orphanCount() == 0 {
		sel = "SELECT rowid FROM fts WHERE fts MATCH ?"
	}
	rows, err := db.QueryContext(ctx, sel, args...)
	if err != nil {
		return f, err
	}
	defer rows.Close()
	months := make([]int, len(fc.months))
	classes := make([]int, len(fc.classes))
	origins := make([]int, len(fc.origins))
	tags := make([]int, len(fc.tags))
	for rows.Next() {
		var r int64
		if err := rows.Scan(&r); err != nil {
			return f, err
		}
		if r < 0 || r >= int64(len(fc.rows)) || !fc.rows[r].ok {
			continue // an FTS row of a removed cable
		}
		row := fc.rows[r]
		months[row.month]++
		classes[row.class]++
		origins[row.origin]++
		for _, t := range fc.rowTags[row.tags[0]:row.tags[1]] {
			tags[t]++
		}
	}
	if err := rows.Err(); err != nil {
		return f, err
	}
	years := map[string]int{}
	for i, n := range months {
		if n > 0 {
			f.Months = append(f.Months, Count{fc.months[i], n})
			years[fc.months[i][:min(4, len(fc.months[i]))]] += n
		}
	}
	slices.SortFunc(f.Months, func(a, b Count) int { return strings.Compare(a.Key, b.Key) })
	for y, n := range years {
		f.Years = append(f.Years, Count{y, n})
	}
	slices.SortFunc(f.Years, func(a, b Count) int { return strings.Compare(a.Key, b.Key) })
	f.Classifications = mostFirst(fc.classes, classes, -1)
	f.Origins = mostFirst(fc.origins, origins, top)
	f.Tags = mostFirst(fc.tags, tags, top)
	return f, nil
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

// facets holds the fields the facets count, by rowid, each as a number
// in a table of the distinct values.
type facets struct {
	rows                           []facetRow
	rowTags                        []int32
	months, classes, origins, tags []string
}

type facetRow struct {
	ok                   bool
	month, class, origin int32
	tags                 [2]int32 // range of rowTags
}

// facetCache reads the cables' fields once for db.
func (ix *Index) facetCache(ctx context.Context, db *sql.DB) (*facets, error) {
	ix.fmu.Lock()
	defer ix.fmu.Unlock()
	gen := ix.generation()
	if ix.facets != nil && ix.facetsOf == gen {
		return ix.facets, nil
	}
	rows, err := db.QueryContext(ctx, "SELECT rowid, substr(date, 1, 7), classification, origin, tags FROM cables")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	fc := &facets{}
	num := func(m map[string]int32, list *[]string, s string) int32 {
		if i, ok := m[s]; ok {
			return i
		}
		i := int32(len(*list))
		m[s] = i
		*list = append(*list, s)
		return i
	}
	months, classes, origins, tags := map[string]int32{}, map[string]int32{}, map[string]int32{}, map[string]int32{}
	for rows.Next() {
		var r int64
		var month, class, origin, tagList string
		if err := rows.Scan(&r, &month, &class, &origin, &tagList); err != nil {
			return nil, err
		}
		if r < 0 || r > 1<<31 {
			continue
		}
		for int64(len(fc.rows)) <= r {
			fc.rows = append(fc.rows, facetRow{})
		}
		row := facetRow{ok: true, month: num(months, &fc.months, month), class: num(classes, &fc.classes, class), origin: num(origins, &fc.origins, origin)}
		row.tags[0] = int32(len(fc.rowTags))
		for _, t := range strings.Fields(strings.ToUpper(tagList)) {
			i := num(tags, &fc.tags, t)
			if !slices.Contains(fc.rowTags[row.tags[0]:], i) {
				fc.rowTags = append(fc.rowTags, i)
			}
		}
		row.tags[1] = int32(len(fc.rowTags))
		fc.rows[r] = row
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	ix.facets, ix.facetsOf = fc, gen
	return fc, nil
}

// CitedBy returns the cables of the archive that cite id, by date.
func (ix *Index) CitedBy(ctx context.Context, id string) ([]Hit, error) {
	db, err := ix.conn()
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
