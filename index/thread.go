package index

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"slices"
	"strings"

	"cablereader/corpus"
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
	db, err := ix.conn()
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

// RefsFrom returns the references the cables among ids make.
func (ix *Index) RefsFrom(ctx context.Context, ids []string) ([]thread.Link, error) {
	return ix.links(ctx, "SELECT c.id, r.cited, r.label FROM cables c JOIN refs r ON r.cable = c.rowid"+
		" WHERE c.id COLLATE NOCASE IN (SELECT value FROM json_each(?)) ORDER BY r.rowid", ids)
}

// RefsTo returns the references made to the cables among ids.
func (ix *Index) RefsTo(ctx context.Context, ids []string) ([]thread.Link, error) {
	return ix.links(ctx, "SELECT c.id, r.cited, r.label FROM refs r JOIN cables c ON c.rowid = r.cable"+
		" WHERE r.cited COLLATE NOCASE IN (SELECT value FROM json_each(?)) ORDER BY r.rowid", ids)
}

func (ix *Index) links(ctx context.Context, query string, ids []string) ([]thread.Link, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	db, err := ix.conn()
	if err != nil {
		return nil, err
	}
	rows, err := db.QueryContext(ctx, query, idList(ids))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []thread.Link
	for rows.Next() {
		var l thread.Link
		if err := rows.Scan(&l.From, &l.To, &l.Label); err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, rows.Err()
}

// CitedByCounts counts, for each id cited in the archive, the cables of
// the archive that cite it (a cable citing it twice counts once). Ids are
// upper case. It reads the refs table in its order, where the references
// of a cable stand together: a sequential scan, several times faster
// than SQLite's grouping, which reads the table in the order of an index.
func (ix *Index) CitedByCounts(ctx context.Context) (map[string]int, error) {
	db, err := ix.conn()
	if err != nil {
		return nil, err
	}
	rows, err := db.QueryContext(ctx, "SELECT cable, cited FROM refs")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]int{}
	var cur int64 = -1
	var seen []string // the ids the cable at hand cites, so far
	for rows.Next() {
		var cable int64
		var cited string
		if err := rows.Scan(&cable, &cited); err != nil {
			return nil, err
		}
		cited = strings.ToUpper(cited)
		if cable != cur {
			cur, seen = cable, seen[:0]
		} else if slices.Contains(seen, cited) {
			continue
		}
		seen = append(seen, cited)
		out[cited]++
	}
	return out, rows.Err()
}

// Locate says where the archive keeps the cable id (the earliest, when
// it holds the id more than once); ok is false when it does not hold it.
func (ix *Index) Locate(ctx context.Context, id string) (loc corpus.Location, ok bool, err error) {
	db, err := ix.conn()
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
