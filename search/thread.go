package search

import (
	"context"
	"database/sql"
	"errors"
	"maps"
	"math"
	"slices"
	"strings"
	"sync"

	"cablereader/catalog"
	"cablereader/thread"
)

// The index answers package thread: the refs table and the catalog
// fields of a thread's rows, held in memory (refGraph), a level of the
// thread at a time.
var _ thread.Source = (*Index)(nil)

// Cables returns the cables of the archive among ids, by id in upper
// case: of an id held more than once, the earliest. They come from the
// catalog held with the references (refGraph): a thread of thousands of
// cables asks thousands of them at once.
func (ix *Index) Cables(ctx context.Context, ids []string) (map[string]thread.Cable, error) {
	out := make(map[string]thread.Cable, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	g, err := ix.refGraph(ctx)
	if err != nil {
		return nil, err
	}
	for _, id := range ids {
		id = strings.ToUpper(strings.TrimSpace(id))
		if i, ok := g.cat[id]; ok {
			r := &g.rows[i]
			out[id] = thread.Cable{ID: r.id, Date: g.vals[r.date], Classification: g.vals[r.class],
				Origin: g.vals[r.origin], Subject: r.subject, Path: g.vals[r.path], Line: int(r.line)}
		}
	}
	return out, nil
}

// refGraph is the refs table in memory, both ways, for threads, with the
// catalog fields a thread's rows show: read once (two sequential scans,
// cables then refs) and kept until the index changes, as the search's
// columns are. Following a thread of thousands of cables then costs map
// lookups, not a query a level, nor one of thousands of rows for their
// fields (which took a hub's thread of 4,921 rows over 50 ms).
type refGraph struct {
	from map[string][]thread.Link // by citing id, upper case, in the table's order
	to   map[string][]thread.Link // by cited id
	ids  map[int64]string         // the cables' ids by rowid, upper case
	// The catalog, compact: a cable's row by id in upper case (of an id
	// held twice, the earliest), its values that repeat in vals.
	cat  map[string]int32
	rows []catRow
	vals []string

	// The counts of citers, made the first time they are asked
	// (citedCounts).
	once   sync.Once
	counts map[string]int // by cited id
	byRow  []int32        // by the rowid of the cable cited
}

func (ix *Index) refGraph(ctx context.Context) (*refGraph, error) {
	db, err := ix.conn(ctx)
	if err != nil {
		return nil, err
	}
	ix.gmu.Lock()
	defer ix.gmu.Unlock()
	gen := ix.generation()
	if ix.graph != nil && ix.graphOf == gen {
		return ix.graph, nil
	}
	g := &refGraph{from: map[string][]thread.Link{}, to: map[string][]thread.Link{}}
	if err := g.readCables(ctx, db); err != nil {
		return nil, err
	}
	ids := g.ids
	rows, err := db.QueryContext(ctx, "SELECT cable, cited, label FROM refs")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	cited := map[string]string{} // one string for each id cited
	for rows.Next() {
		var cable int64
		var to, label string
		if err := rows.Scan(&cable, &to, &label); err != nil {
			return nil, err
		}
		from, ok := ids[cable]
		if !ok {
			continue
		}
		to = strings.ToUpper(to)
		if s, ok := cited[to]; ok {
			to = s
		} else {
			cited[to] = to
		}
		l := thread.Link{From: from, To: to, Label: label}
		g.from[from] = append(g.from[from], l)
		g.to[to] = append(g.to[to], l)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	ix.graph, ix.graphOf = g, gen
	return g, nil
}

// catRow is a cable's fields for a thread's row.
type catRow struct {
	id, subject               string
	date, class, origin, path int32 // in refGraph.vals
	line                      int32 // a CSV row's first line; 0 for a file
}

// readCables reads the cables' ids and the fields of thread.Cable. The
// values that repeat (dates, classifications, origins, files) are held
// once each.
func (g *refGraph) readCables(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, "SELECT c.rowid, c.id, c.date, c.classification, c.origin, c.subject, f.path, c.line FROM cables c"+joinFiles)
	if err != nil {
		return err
	}
	defer rows.Close()
	g.ids, g.cat = map[int64]string{}, map[string]int32{}
	num := map[string]int32{}
	one := func(b []byte) int32 {
		if i, ok := num[string(b)]; ok {
			return i
		}
		i := int32(len(g.vals))
		g.vals = append(g.vals, string(b))
		num[g.vals[i]] = i
		return i
	}
	var date, class, origin, path sql.RawBytes
	for rows.Next() {
		var r int64
		var id, subject string
		var line int32
		if err := rows.Scan(&r, &id, &date, &class, &origin, &subject, &path, &line); err != nil {
			return err
		}
		up := strings.ToUpper(id)
		g.ids[r] = up
		c := catRow{id: id, subject: subject, date: one(date), class: one(class), origin: one(origin), path: one(path), line: line}
		// The earliest copy, then the first written (rows come by
		// rowid), as the list takes it; an undated copy sorts first.
		if i, ok := g.cat[up]; ok && g.vals[g.rows[i].date] <= g.vals[c.date] {
			continue
		} else if ok {
			g.rows[i] = c
			continue
		}
		g.cat[up] = int32(len(g.rows))
		g.rows = append(g.rows, c)
	}
	return rows.Err()
}

// RefsFrom returns the references the cables among ids make.
func (ix *Index) RefsFrom(ctx context.Context, ids []string) ([]thread.Link, error) {
	return ix.links(ctx, ids, func(g *refGraph) map[string][]thread.Link { return g.from })
}

// RefsTo returns the references made to the cables among ids.
func (ix *Index) RefsTo(ctx context.Context, ids []string) ([]thread.Link, error) {
	return ix.links(ctx, ids, func(g *refGraph) map[string][]thread.Link { return g.to })
}

func (ix *Index) links(ctx context.Context, ids []string, side func(*refGraph) map[string][]thread.Link) ([]thread.Link, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	g, err := ix.refGraph(ctx)
	if err != nil {
		return nil, err
	}
	m := side(g)
	var out []thread.Link
	for _, id := range ids {
		out = append(out, m[strings.ToUpper(strings.TrimSpace(id))]...)
	}
	return out, nil
}

// CitedByCounts counts, for each id cited in the archive, the cables of
// the archive that cite it (a cable citing it twice counts once). Ids are
// upper case. The counts come from the references in memory, which it
// reads first when needed: the archive view asks them once its index is
// ready, so that a thread is quick from the first.
func (ix *Index) CitedByCounts(ctx context.Context) (map[string]int, error) {
	g, err := ix.refGraph(ctx)
	if err != nil {
		return nil, err
	}
	counts, _ := g.citedCounts()
	return maps.Clone(counts), nil
}

// citedCounts returns the number of cables of the archive citing each id
// (a cable citing it twice counts once), by id and by the rowid of the
// cable cited (0 for none), counted once for the graph.
func (g *refGraph) citedCounts() (byID map[string]int, byRow []int32) {
	g.once.Do(func() {
		g.counts = make(map[string]int, len(g.to))
		for id, links := range g.to {
			g.counts[id] = citers(links)
		}
		var last int64
		for r := range g.ids {
			last = max(last, r)
		}
		if last < 1<<30 {
			g.byRow = make([]int32, last+1)
			for r, id := range g.ids {
				if r >= 0 {
					g.byRow[r] = int32(min(g.counts[id], math.MaxInt32))
				}
			}
		}
	})
	return g.counts, g.byRow
}

// citers counts the distinct citing cables among links.
func citers(links []thread.Link) int {
	if len(links) > 16 { // a much cited cable: a set of its citers
		set := make(map[string]bool, len(links))
		for _, l := range links {
			set[l.From] = true
		}
		return len(set)
	}
	n := 0
	for i, l := range links {
		if !slices.ContainsFunc(links[:i], func(o thread.Link) bool { return o.From == l.From }) {
			n++
		}
	}
	return n
}

// Locate says where the archive keeps the cable id (the earliest, when
// it holds the id more than once); ok is false when it does not hold it.
func (ix *Index) Locate(ctx context.Context, id string) (loc catalog.Location, ok bool, err error) {
	db, err := ix.conn(ctx)
	if err != nil {
		return loc, false, err
	}
	var kind string
	err = db.QueryRowContext(ctx, "SELECT c.kind, f.path, c.offset, c.length FROM cables c"+joinFiles+
		" WHERE c.id = ? COLLATE NOCASE ORDER BY c.date, c.rowid LIMIT 1", strings.ToUpper(strings.TrimSpace(id))).
		Scan(&kind, &loc.Path, &loc.Offset, &loc.Length)
	if errors.Is(err, sql.ErrNoRows) {
		return loc, false, nil
	}
	loc.Kind = catalog.Kind(kind)
	return loc, err == nil, err
}
