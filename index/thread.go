package index

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"slices"
	"strings"

	"cablereader/catalog"
	"cablereader/thread"
)

// The index answers package thread: the catalog and the refs table, a
// level of the thread at a time (one query for all the cables of a level).
var _ thread.Source = (*Index)(nil)

// idList is ids in upper case as a JSON array, for json_each.
func idList(ids []string) string {
	up := make([]string, len(ids))
	for i, id := range ids {
		up[i] = strings.ToUpper(strings.TrimSpace(id))
	}
	b, _ := json.Marshal(up)
	return string(b)
}

// Cables returns the cables of the archive among ids, by id in upper
// case: of an id held more than once, the earliest.
func (ix *Index) Cables(ctx context.Context, ids []string) (map[string]thread.Cable, error) {
	out := map[string]thread.Cable{}
	if len(ids) == 0 {
		return out, nil
	}
	db, err := ix.conn(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := db.QueryContext(ctx, "SELECT c.id, c.date, c.classification, c.origin, c.subject, f.path FROM cables c"+joinFiles+
		" WHERE c.id COLLATE NOCASE IN (SELECT value FROM json_each(?)) ORDER BY c.date DESC, c.rowid DESC", idList(ids))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var c thread.Cable
		if err := rows.Scan(&c.ID, &c.Date, &c.Classification, &c.Origin, &c.Subject, &c.Path); err != nil {
			return nil, err
		}
		out[strings.ToUpper(c.ID)] = c // the earliest comes last
	}
	return out, rows.Err()
}

// refGraph is the refs table in memory, both ways, for threads: read
// once (two sequential scans, cables then refs) and kept until the index
// changes, as the search's columns are. Following a thread of thousands
// of cables then costs map lookups, not a query a level.
type refGraph struct {
	from map[string][]thread.Link // by citing id, upper case, in the table's order
	to   map[string][]thread.Link // by cited id
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
	rows, err := db.QueryContext(ctx, "SELECT rowid, id FROM cables")
	if err != nil {
		return nil, err
	}
	ids := map[int64]string{}
	for rows.Next() {
		var r int64
		var id string
		if err := rows.Scan(&r, &id); err != nil {
			rows.Close()
			return nil, err
		}
		ids[r] = strings.ToUpper(id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if rows, err = db.QueryContext(ctx, "SELECT cable, cited, label FROM refs"); err != nil {
		return nil, err
	}
	defer rows.Close()
	g := &refGraph{from: map[string][]thread.Link{}, to: map[string][]thread.Link{}}
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
	out := make(map[string]int, len(g.to))
	for id, links := range g.to {
		if len(links) > 16 { // a much cited cable: a set of its citers
			set := make(map[string]bool, len(links))
			for _, l := range links {
				set[l.From] = true
			}
			out[id] = len(set)
			continue
		}
		n := 0
		for i, l := range links {
			if !slices.ContainsFunc(links[:i], func(o thread.Link) bool { return o.From == l.From }) {
				n++
			}
		}
		out[id] = n
	}
	return out, nil
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
	loc.Kind = kindOf(kind)
	return loc, err == nil, err
}
