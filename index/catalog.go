package index

import (
	"bytes"
	"context"
	"database/sql"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"cablereader/catalog"
	"cablereader/corpus"
	"cablereader/model"
)

// The archive's catalog is kept in the index: the cables table holds
// every field of a cable's catalog.Record, the refs table its references
// with their labels, and the files table each file's size and
// modification time when it was read. An archive whose index is current
// lists its cables from here at once (Catalog), and reads again only the
// files that changed since.

// tagSep joins a record's TAGS items in the tagitems column: an item may
// hold a space (a name), never this.
const tagSep = "\x1f"

// Catalog reads the archive's catalog from the index: the record of
// every cable indexed (every copy of an id, in the index's order; a saved
// page whose cable came as text is not among them), and the files they
// were read from with their stamps. Files that hold no indexed cable (a
// page left out, a file that is no cable) are not listed: a scan reads
// them again. It fails when the index is not ready.
func (ix *Index) Catalog(ctx context.Context) (recs []catalog.Record, files map[string]catalog.Stamp, err error) {
	defer ix.explain(&err)
	db, err := ix.conn(ctx)
	if err != nil {
		return nil, nil, err
	}
	// One snapshot of the three tables: an update may commit meanwhile.
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, nil, err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `BEGIN`); err != nil {
		return nil, nil, err
	}
	defer conn.ExecContext(context.Background(), `ROLLBACK`)

	var nFiles int
	if err := conn.QueryRowContext(ctx, `SELECT count(*) FROM files`).Scan(&nFiles); err != nil {
		return nil, nil, err
	}
	paths := make(map[int64]string, nFiles)
	files = make(map[string]catalog.Stamp, nFiles)
	err = eachRow(ctx, conn, `SELECT id, path, size, mtime, cables FROM files`, func(rows *sql.Rows) error {
		var id, n int64
		var path string
		var st catalog.Stamp
		if err := rows.Scan(&id, &path, &st.Size, &st.MTime, &n); err != nil {
			return err
		}
		path = ix.givenPath(path)
		paths[id] = path
		if n > 0 {
			files[path] = st
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	in := map[string]string{} // the strings cables share: origins, markings, tags
	intern := func(b []byte) string {
		if s, ok := in[string(b)]; ok {
			return s
		}
		s := string(b)
		in[s] = s
		return s
	}
	classes := map[string]model.Classification{}
	var n int
	if err := conn.QueryRowContext(ctx, `SELECT count(*) FROM cables`).Scan(&n); err != nil {
		return nil, nil, err
	}
	recs = make([]catalog.Record, 0, n) // a record is large: grown, it would be copied many times
	byRow := make(map[int64]int, n)
	var date, class, caveats, origin, tags, kind sql.RawBytes
	err = eachRow(ctx, conn, `SELECT rowid, id, date, time, classification, caveats, origin, subject, tagitems, kind, file, offset, length, line FROM cables ORDER BY rowid`, func(rows *sql.Rows) error {
		var row, unix, file int64
		var r catalog.Record
		if err := rows.Scan(&row, &r.ID, &date, &unix, &class, &caveats, &origin, &r.Subject, &tags, &kind, &file, &r.Loc.Offset, &r.Loc.Length, &r.Loc.Line); err != nil {
			return err
		}
		if len(date) > 0 {
			r.Date = time.Unix(unix, 0).UTC()
		}
		c, ok := classes[string(class)]
		if !ok {
			c = catalog.ClassOf(intern(class))
			classes[string(class)] = c
		}
		r.Classification = c
		r.Caveats = extraCaveats(string(caveats), c.Qualifiers)
		r.Origin = intern(origin)
		if len(tags) > 0 {
			for t := range bytes.SplitSeq(tags, []byte(tagSep)) {
				r.Tags = append(r.Tags, intern(t))
			}
		}
		r.Loc.Kind = catalog.Kind(intern(kind))
		r.Loc.Path = paths[file]
		byRow[row] = len(recs)
		recs = append(recs, r)
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	var label sql.RawBytes
	err = eachRow(ctx, conn, `SELECT cable, cited, label FROM refs ORDER BY rowid`, func(rows *sql.Rows) error {
		var row int64
		var cited string
		if err := rows.Scan(&row, &cited, &label); err != nil {
			return err
		}
		if i, ok := byRow[row]; ok {
			recs[i].References = append(recs[i].References, model.Reference{ID: cited, Label: intern(label)})
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	return recs, files, nil
}

// ReadFrom has Update take the records of the files it reads from arch,
// the archive's list, rather than scan them itself, when arch's Scan has
// read the whole archive before Update is called (Update scans the files
// itself otherwise). One scan then both lists and indexes the archive,
// and no file is parsed twice. Call it before Update.
func (ix *Index) ReadFrom(arch *corpus.Index) { ix.from = arch }

// givenPath writes a path of the index (absolute) as the archive was
// given to Open, as a scan of it names its files: a file below a folder
// given as "m2010" is "m2010/…".
func (ix *Index) givenPath(path string) string {
	for i, root := range ix.archive {
		switch {
		case path == root:
			return ix.given[i]
		case strings.HasPrefix(path, root+string(filepath.Separator)):
			return filepath.Join(ix.given[i], path[len(root)+1:])
		}
	}
	return path
}

// absPath is path made absolute, as the index keeps it.
func absPath(path string) string {
	if a, err := filepath.Abs(path); err == nil {
		return a
	}
	return path
}

// extraCaveats are the words of a caveats column beyond the marking's
// qualifiers (the column holds both).
func extraCaveats(column string, quals []string) []string {
	if column == "" {
		return nil
	}
	var out []string
	for c := range strings.SplitSeq(column, "//") {
		if !slices.Contains(quals, c) {
			out = append(out, c)
		}
	}
	return out
}

// eachRow runs q on conn and calls each for every row.
func eachRow(ctx context.Context, conn *sql.Conn, q string, each func(*sql.Rows) error) error {
	rows, err := conn.QueryContext(ctx, q)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := each(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}
