package search

import (
	"bytes"
	"context"
	"database/sql"
	"database/sql/driver"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"modernc.org/sqlite"

	"cablereader/model"
)

// The fields a query filters on and the facets count (date, class,
// caveats, origin, TAGS, id) are read once from the cables table into
// memory: some 15 MB for 251,287 cables. A query's field terms are then
// a test of a row in Go, handed to SQLite as the function
// cablereader_visit(handle, rowid), so that an FTS query filters its hits
// without a join per hit, and a query of fields only is a pass over the
// rows in date order.

// columns are the cables' fields by rowid.
type columns struct {
	rows                                            []colRow
	order                                           []int32 // rowids by date, then id
	rowTags                                         []int32 // the TAGS of each row: a range of this
	months, classes, origins, levels, caveats, tags []string
	tagNum                                          map[string]int32
}

type colRow struct {
	ok                                   bool  // a cable (not a gap, nor a removed one)
	date                                 int32 // YYYYMMDD; 0 when unknown
	year                                 int32 // the id's year, for an undated cable (model.IDYear)
	month, class, origin, level, caveats int32 // numbers in the tables of columns
	tags                                 [2]int32
	id                                   string
}

func (cs *columns) row(r int64) *colRow {
	if r < 0 || r >= int64(len(cs.rows)) || !cs.rows[r].ok {
		return nil
	}
	return &cs.rows[r]
}

// columns returns the cables' fields, read once for each state of the
// index.
func (ix *Index) columns(ctx context.Context, db *sql.DB) (*columns, error) {
	ix.fmu.Lock()
	defer ix.fmu.Unlock()
	gen := ix.generation()
	if ix.cols != nil && ix.colsOf == gen {
		return ix.cols, nil
	}
	rows, err := db.QueryContext(ctx, "SELECT rowid, id, date, classification, level, caveats, origin, tags FROM cables")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	cs := &columns{tagNum: map[string]int32{}}
	tables := make([]map[string]int32, 5)
	for i := range tables {
		tables[i] = map[string]int32{}
	}
	// The values are read as bytes and made strings once each.
	num := func(m map[string]int32, list *[]string, b []byte) int32 {
		if i, ok := m[string(b)]; ok {
			return i
		}
		s := string(b)
		i := int32(len(*list))
		m[s] = i
		*list = append(*list, s)
		return i
	}
	var date, class, level, caveats, origin, tagList sql.RawBytes
	for rows.Next() {
		var r int64
		var id string
		if err := rows.Scan(&r, &id, &date, &class, &level, &caveats, &origin, &tagList); err != nil {
			return nil, err
		}
		if r < 0 || r > 1<<30 {
			continue
		}
		if n := int(r) + 1; n > len(cs.rows) {
			cs.rows = slices.Grow(cs.rows, n-len(cs.rows))[:n]
		}
		row := colRow{ok: true, date: dateNum(string(date)), id: id,
			month:   num(tables[0], &cs.months, date[:min(7, len(date))]),
			class:   num(tables[1], &cs.classes, class),
			origin:  num(tables[2], &cs.origins, origin),
			level:   num(tables[3], &cs.levels, level),
			caveats: num(tables[4], &cs.caveats, caveats),
		}
		if row.date == 0 {
			row.year = int32(model.IDYear(id))
		}
		row.tags[0] = int32(len(cs.rowTags))
		for _, t := range bytes.Fields(bytes.ToUpper(tagList)) {
			i := num(cs.tagNum, &cs.tags, t)
			if !slices.Contains(cs.rowTags[row.tags[0]:], i) {
				cs.rowTags = append(cs.rowTags, i)
			}
		}
		row.tags[1] = int32(len(cs.rowTags))
		cs.rows[r] = row
		cs.order = append(cs.order, int32(r))
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	slices.SortStableFunc(cs.order, func(a, b int32) int {
		ra, rb := &cs.rows[a], &cs.rows[b]
		if ra.date != rb.date {
			return int(ra.date - rb.date)
		}
		return strings.Compare(ra.id, rb.id)
	})
	ix.cols, ix.colsOf = cs, gen
	return cs, nil
}

// dateNum reads YYYY-MM-DD as YYYYMMDD; 0 when it is not a date.
func dateNum(s string) int32 {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return 0
	}
	var n int32
	for i := range len(s) {
		if i == 4 || i == 7 {
			continue
		}
		c := s[i]
		if c < '0' || c > '9' {
			return 0
		}
		n = n*10 + int32(c-'0')
	}
	return n
}

// predicate is the test of the query's field terms on a row; nil when
// the query has none.
func (cs *columns) predicate(ctx context.Context, db *sql.DB, clauses [][]Term) (func(*colRow, int64) bool, error) {
	var all []func(*colRow, int64) bool
	for _, clause := range clauses {
		var any []func(*colRow, int64) bool
		for _, t := range clause {
			f, err := cs.test(ctx, db, t)
			if err != nil {
				return nil, err
			}
			if t.Neg {
				g := f
				f = func(r *colRow, id int64) bool { return !g(r, id) }
			}
			any = append(any, f)
		}
		if len(any) == 1 {
			all = append(all, any[0])
			continue
		}
		all = append(all, func(r *colRow, id int64) bool {
			for _, f := range any {
				if f(r, id) {
					return true
				}
			}
			return false
		})
	}
	if len(all) == 0 {
		return nil, nil
	}
	return func(r *colRow, id int64) bool {
		for _, f := range all {
			if !f(r, id) {
				return false
			}
		}
		return true
	}, nil
}

// test is one field term's test (without its minus).
func (cs *columns) test(ctx context.Context, db *sql.DB, t Term) (func(*colRow, int64) bool, error) {
	some := func(list []string, keep func(string) bool) []bool {
		ok := make([]bool, len(list))
		for i, v := range list {
			ok[i] = keep(v)
		}
		return ok
	}
	switch t.Field {
	case "tag":
		n, ok := cs.tagNum[t.Value]
		if !ok {
			return func(*colRow, int64) bool { return false }, nil
		}
		return func(r *colRow, _ int64) bool { return slices.Contains(cs.rowTags[r.tags[0]:r.tags[1]], n) }, nil
	case "from":
		// A cable with no origin is from its id's post, as the list
		// shows it.
		v := strings.ToLower(t.Value)
		ok := some(cs.origins, func(s string) bool { return strings.Contains(strings.ToLower(s), v) })
		return func(r *colRow, _ int64) bool {
			if cs.origins[r.origin] == "" {
				return strings.Contains(strings.ToLower(model.IDPost(r.id)), v)
			}
			return ok[r.origin]
		}, nil
	case "class":
		ok := some(cs.levels, func(s string) bool { return s == t.Value })
		return func(r *colRow, _ int64) bool { return ok[r.level] }, nil
	case "caveat":
		ok := some(cs.caveats, func(s string) bool { return strings.Contains(s, t.Value) })
		return func(r *colRow, _ int64) bool { return ok[r.caveats] }, nil
	case "date":
		from, until := dateNum(t.From), dateNum(t.Until)
		if t.Until == "9999-12-31" {
			until = 1 << 30
		}
		// An undated cable is of its id's year, to the year only: it
		// matches a span that holds the whole year.
		return func(r *colRow, _ int64) bool {
			if r.date == 0 {
				return r.year != 0 && r.year*10000+101 >= from && (r.year+1)*10000+101 <= until
			}
			return r.date >= from && r.date < until
		}, nil
	case "id":
		return func(r *colRow, _ int64) bool { return strings.EqualFold(r.id, t.Value) }, nil
	case "cites":
		rows, err := db.QueryContext(ctx, "SELECT cable FROM refs WHERE cited = ? COLLATE NOCASE", t.Value)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		set := map[int64]bool{}
		for rows.Next() {
			var c int64
			if err := rows.Scan(&c); err != nil {
				return nil, err
			}
			set[c] = true
		}
		return func(_ *colRow, id int64) bool { return set[id] }, rows.Err()
	}
	return func(*colRow, int64) bool { return false }, nil // not reached: Parse knows every field
}

// visitFunc is the SQL function through which SQLite hands rowids to a
// Go test: cablereader_visit(handle, rowid) is 1 when the test registered
// under handle keeps the row.
const visitFunc = "cablereader_visit"

var (
	visitors  sync.Map // handle → func(int64) bool
	visitSeq  atomic.Int64
	visitOnce sync.Once
)

func registerVisit() {
	visitOnce.Do(func() {
		sqlite.MustRegisterScalarFunction(visitFunc, 2, func(ctx *sqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
			h, _ := args[0].(int64)
			r, _ := args[1].(int64)
			if f, ok := visitors.Load(h); ok && f.(func(int64) bool)(r) {
				return int64(1), nil
			}
			return int64(0), nil
		})
	})
}

func init() { registerVisit() }

// visit registers keep for cablereader_visit and returns its handle and
// the function that unregisters it.
func visit(keep func(int64) bool) (int64, func()) {
	h := visitSeq.Add(1)
	visitors.Store(h, keep)
	return h, func() { visitors.Delete(h) }
}
