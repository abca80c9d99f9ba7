package index

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"cablereader/corpus"
)

// Weights of the bm25 ranking: a word in the subject counts as much as
// ten in the body.
const subjectWeight, bodyWeight = 10.0, 1.0

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

func compile(q *Query) compiled {
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
			cond, args := fieldSQL(t)
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
func fieldSQL(t Term) (string, []any) {
	switch t.Field {
	case "tag":
		return "EXISTS (SELECT 1 FROM tags t WHERE t.cable = c.rowid AND t.tag = ?)", []any{t.Value}
	case "from":
		return `c.origin LIKE ? ESCAPE '\'`, []any{"%" + likeEscape(t.Value) + "%"}
	case "class":
		return "c.level = ?", []any{t.Value}
	case "caveat":
		return "instr(c.caveats, ?) > 0", []any{t.Value}
	case "date":
		return "(c.date >= ? AND c.date < ?)", []any{t.From, t.Until}
	case "id":
		return "c.id = ? COLLATE NOCASE", []any{t.Value}
	case "cites":
		return "EXISTS (SELECT 1 FROM refs r WHERE r.cable = c.rowid AND r.cited = ? COLLATE NOCASE)", []any{t.Value}
	}
	return "0", nil // not reached: Parse knows every field
}

func likeEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// from writes the FROM and WHERE of a query over its hits.
func (c compiled) from() (string, []any) {
	var b strings.Builder
	var args []any
	where := c.where
	if c.match != "" {
		b.WriteString(" FROM fts JOIN cables c ON c.rowid = fts.rowid WHERE fts MATCH ?")
		args = append(args, c.match)
	} else {
		b.WriteString(" FROM cables c WHERE 1")
	}
	for _, w := range where {
		b.WriteString(" AND ")
		b.WriteString(w)
	}
	return b.String(), append(args, c.args...)
}

const hitColumns = "c.rowid, c.id, c.date, c.classification, c.origin, c.subject, c.tags, c.kind, c.path, c.offset, c.length"

// Search runs a query and returns up to limit hits in rank order (bm25
// with the subject weighted above the body; ties, and queries of fields
// only, by date then id) and the number of all hits.
func (ix *Index) Search(ctx context.Context, q *Query, limit int) ([]Hit, int, error) {
	db, err := ix.conn()
	if err != nil {
		return nil, 0, err
	}
	c := compile(q)
	from, args := c.from()
	score, order := "0", "c.date, c.id"
	if c.match != "" {
		score = fmt.Sprintf("bm25(fts, %.1f, %.1f)", subjectWeight, bodyWeight)
		order = "score, c.date, c.id"
	}
	rows, err := db.QueryContext(ctx, "SELECT "+hitColumns+", "+score+" AS score"+from+" ORDER BY "+order+" LIMIT ?", append(args, limit)...)
	if err != nil {
		return nil, 0, err
	}
	hits, err := scanHits(rows, true)
	if err != nil {
		return nil, 0, err
	}
	var n int
	if err := db.QueryRowContext(ctx, "SELECT count(*)"+from, args...).Scan(&n); err != nil {
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
// top origins and TAGS (up to top of each).
func (ix *Index) Facets(ctx context.Context, q *Query, top int) (Facets, error) {
	var f Facets
	db, err := ix.conn()
	if err != nil {
		return f, err
	}
	from, args := compile(q).from()
	hits := "WITH hits(r) AS (SELECT c.rowid" + from + ") "
	counts := func(dst *[]Count, q string, extra ...any) error {
		rows, err := db.QueryContext(ctx, hits+q, append(append([]any{}, args...), extra...)...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var c Count
			if err := rows.Scan(&c.Key, &c.N); err != nil {
				return err
			}
			*dst = append(*dst, c)
		}
		return rows.Err()
	}
	for _, s := range []struct {
		dst *[]Count
		q   string
	}{
		{&f.Years, "SELECT substr(c.date, 1, 4) AS k, count(*) FROM hits JOIN cables c ON c.rowid = hits.r GROUP BY k ORDER BY k"},
		{&f.Months, "SELECT substr(c.date, 1, 7) AS k, count(*) FROM hits JOIN cables c ON c.rowid = hits.r GROUP BY k ORDER BY k"},
		{&f.Classifications, "SELECT c.classification AS k, count(*) AS n FROM hits JOIN cables c ON c.rowid = hits.r GROUP BY k ORDER BY n DESC, k"},
		{&f.Origins, "SELECT c.origin AS k, count(*) AS n FROM hits JOIN cables c ON c.rowid = hits.r GROUP BY k ORDER BY n DESC, k LIMIT ?"},
		{&f.Tags, "SELECT t.tag AS k, count(*) AS n FROM hits JOIN tags t ON t.cable = hits.r GROUP BY k ORDER BY n DESC, k LIMIT ?"},
	} {
		var extra []any
		if strings.HasSuffix(s.q, "?") {
			extra = []any{top}
		}
		if err := counts(s.dst, s.q, extra...); err != nil {
			return f, err
		}
	}
	return f, nil
}

// CitedBy returns the cables of the archive that cite id, by date.
func (ix *Index) CitedBy(ctx context.Context, id string) ([]Hit, error) {
	db, err := ix.conn()
	if err != nil {
		return nil, err
	}
	rows, err := db.QueryContext(ctx, "SELECT DISTINCT "+hitColumns+" FROM refs r JOIN cables c ON c.rowid = r.cable WHERE r.cited = ? COLLATE NOCASE ORDER BY c.date, c.id",
		strings.ToUpper(strings.TrimSpace(id)))
	if err != nil {
		return nil, err
	}
	return scanHits(rows, false)
}
