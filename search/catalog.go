package search

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
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
// modification time when it was read; the catalog table holds all of it
// again as one blob, quick to read (catblob.go). An archive whose index is current
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
// them again. It reads the catalog kept whole (catblob.go) when that is
// of the index's generation and sound, the rows otherwise. It fails when
// the index is not ready.
func (ix *Index) Catalog(ctx context.Context) (recs []catalog.Record, files map[string]catalog.Stamp, err error) {
	defer ix.explain(&err)
	db, err := ix.conn(ctx)
	if err != nil {
		return nil, nil, err
	}
	// One snapshot of the tables: an update may commit meanwhile.
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, nil, err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `BEGIN`); err != nil {
		return nil, nil, err
	}
	defer conn.ExecContext(context.Background(), `ROLLBACK`)
	var img *catImage
	if !ix.rowsOnly {
		img, _ = keptCatalog(ctx, conn) // damaged: the rows are read
	}
	if img == nil {
		if img, err = catalogRows(ctx, conn); err != nil {
			return nil, nil, err
		}
	}
	return img.given(ix.givenPath)
}

// given is the catalog with its paths as the archive was given (path
// maps each file's path), and the stamps of the files that hold cables.
func (img *catImage) given(path func(string) string) ([]catalog.Record, map[string]catalog.Stamp, error) {
	paths := make([]string, len(img.files))
	files := make(map[string]catalog.Stamp, len(img.files))
	for i, f := range img.files {
		paths[i] = path(f.path)
		if f.cables > 0 {
			files[paths[i]] = f.st
		}
	}
	for i := range img.recs {
		img.recs[i].Loc.Path = paths[img.fileOf[i]]
	}
	return img.recs, files, nil
}

// querier is a connection or a transaction.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// keptCatalog reads the catalog kept whole, if it is of the index's
// generation; nil and no error when there is none of it.
func keptCatalog(ctx context.Context, q querier) (*catImage, error) {
	var r blobReader
	parts, current := 0, true
	// Each part as the driver read it, not copied again but into the
	// string decoded.
	err := eachRow(ctx, q, `SELECT c.generation = coalesce((SELECT value FROM meta WHERE key = 'generation'), ''), c.data, (SELECT sum(length(data)) FROM catalog) FROM catalog c ORDER BY c.part`, func(rows *sql.Rows) error {
		var now bool
		var part sql.RawBytes
		var size int
		if err := rows.Scan(&now, &part, &size); err != nil {
			return err
		}
		if current = current && now; current {
			if parts == 0 {
				r.b.Grow(size)
			}
			r.write(part)
		}
		parts++
		return nil
	})
	if err != nil || parts == 0 || !current {
		return nil, err
	}
	return r.decode()
}

// catalogRows reads the catalog from its rows, one by one.
func catalogRows(ctx context.Context, q querier) (*catImage, error) {
	var nFiles int
	if err := q.QueryRowContext(ctx, `SELECT count(*) FROM files`).Scan(&nFiles); err != nil {
		return nil, err
	}
	img := &catImage{files: make([]catFile, 0, nFiles)}
	at := make(map[int64]int32, nFiles)
	err := eachRow(ctx, q, `SELECT id, path, size, mtime, cables FROM files`, func(rows *sql.Rows) error {
		var f catFile
		if err := rows.Scan(&f.id, &f.path, &f.st.Size, &f.st.MTime, &f.cables); err != nil {
			return err
		}
		at[f.id] = int32(len(img.files))
		img.files = append(img.files, f)
		return nil
	})
	if err != nil {
		return nil, err
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
	if err := q.QueryRowContext(ctx, `SELECT count(*) FROM cables`).Scan(&n); err != nil {
		return nil, err
	}
	img.recs = make([]catalog.Record, 0, n) // a record is large: grown, it would be copied many times
	img.fileOf = make([]int32, 0, n)
	byRow := make(map[int64]int, n)
	var date, class, caveats, origin, tags, kind sql.RawBytes
	err = eachRow(ctx, q, `SELECT rowid, id, date, time, classification, caveats, origin, subject, tagitems, kind, file, offset, length, line FROM cables ORDER BY rowid`, func(rows *sql.Rows) error {
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
		f, ok := at[file]
		if !ok {
			return fmt.Errorf("cable %s of file %d, which is not among the files", r.ID, file)
		}
		r.Loc.Path = img.files[f].path
		byRow[row] = len(img.recs)
		img.recs = append(img.recs, r)
		img.fileOf = append(img.fileOf, f)
		return nil
	})
	if err != nil {
		return nil, err
	}
	var label sql.RawBytes
	err = eachRow(ctx, q, `SELECT cable, cited, label FROM refs ORDER BY rowid`, func(rows *sql.Rows) error {
		var row int64
		var cited string
		if err := rows.Scan(&row, &cited, &label); err != nil {
			return err
		}
		if i, ok := byRow[row]; ok {
			img.recs[i].References = append(img.recs[i].References, model.Reference{ID: cited, Label: intern(label)})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return img, nil
}

// ReadFrom has Update take the records of the files it reads from arch,
// the archive's list, rather than scan them itself, when arch's Scan has
// read the whole archive before Update is called (Update scans the files
// itself otherwise). One scan then both lists and indexes the archive,
// and no file is parsed twice. Call it before Update.
func (ix *Index) ReadFrom(arch *corpus.Archive) { ix.from = arch }

// givenPath writes a path of the index (absolute) as the archive was
// given to Open, as a scan of it names its files: a file below a folder
// given as "m2010" is "m2010/…".
func (ix *Index) givenPath(path string) string {
	for i, root := range ix.archive {
		switch {
		case path == root:
			return ix.given[i]
		case len(path) > len(root) && path[len(root)] == filepath.Separator && strings.HasPrefix(path, root):
			given := ix.given[i]
			if given == root {
				return path
			}
			if joinable(given) {
				// (Join would give the same, cleaning the whole path.)
				return given + path[len(root):]
			}
			return filepath.Join(given, path[len(root)+1:])
		}
	}
	return path
}

// joinable reports whether a path below the folder given is the two
// joined by a separator, as filepath.Join would write it.
func joinable(given string) bool {
	return len(given) > 1 && given != "." && !strings.HasSuffix(given, string(filepath.Separator)) && filepath.Clean(given) == given
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

// eachRow runs query on q and calls each for every row.
func eachRow(ctx context.Context, q querier, query string, each func(*sql.Rows) error) error {
	rows, err := q.QueryContext(ctx, query)
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
