package main

import (
	"context"
	"fmt"

	"cablereader/catalog"
	"cablereader/corpus"
	querylang "cablereader/query"
	"cablereader/search"
	"cablereader/ui"
	archiveui "cablereader/ui/archive"
)

// archiveSource is the archive as the view takes it, with full-text
// search through its index, in file or, for "", in the default place (see
// cablereader index):
// the view builds the index, or brings it up to date, in the background
// (BuildIndex), and searches once it is ready. Without an index (the
// cache folder cannot be found, or a file there is not an index of ours)
// the view has no search.
//
// notice says why, when the archive has no search.
func archiveSource(ix *corpus.Archive, paths []string, file string) (src ui.Source, notice string) {
	fts, err := search.Open(paths, file)
	if err != nil {
		return archive{ix}, "no search: " + err.Error()
	}
	fts.ReadFrom(ix)
	return searchable{archive{ix}, fts}, ""
}

// searchable is an archive with its full-text index.
type searchable struct {
	archive
	fts *search.Index
}

// Scan lists the archive, from the catalog kept in its index when that
// is current (resumeCatalog).
func (s searchable) Scan(ctx context.Context, progress func(catalog.Progress)) error {
	resumeCatalog(ctx, s.fts, s.Archive)
	return s.Archive.Scan(ctx, progress)
}

// BuildIndex builds or updates the index (see search.Update) once the
// list's scan is over, from the records it read (search.ReadFrom).
func (s searchable) BuildIndex(ctx context.Context, progress func(catalog.IndexProgress)) error {
	progress(catalog.IndexProgress{Stage: "reading"})
	select {
	case <-s.Scanned():
	case <-ctx.Done():
		return ctx.Err()
	}
	_, err := s.fts.Update(ctx, func(p catalog.IndexProgress) {
		if !p.Done {
			progress(p)
		}
	})
	if search.Unwritable(err) && s.fts.Ready() {
		// A read-only or full index still answers from what it holds.
		return fmt.Errorf("%w; searching it as it is, which may miss changes to the archive", err)
	}
	if err != nil {
		return err
	}
	return s.fts.Warm(ctx)
}

// SearchReady reports whether the index can be searched.
func (s searchable) SearchReady() bool { return s.fts.Ready() }

// fewHits is the number of hits up to which a query is checked for a
// typo of a commoner word.
const fewHits = 20

// snippetsFor is how many hits of a query get a snippet (each reads its
// cable's text).
const snippetsFor = 50

func (s searchable) Search(ctx context.Context, query string, limit int) (archiveui.Results, error) {
	var r archiveui.Results
	q, err := querylang.Parse(query)
	if err != nil {
		return r, err
	}
	hits, total, err := s.fts.Search(ctx, q, limit)
	if err != nil {
		return r, err
	}
	f, err := s.fts.Facets(ctx, q, 5)
	if err != nil {
		return r, err
	}
	r.Total = total
	conv := func(cs []search.Count) []archiveui.Count {
		out := make([]archiveui.Count, len(cs))
		for i, c := range cs {
			out[i] = archiveui.Count{Key: c.Key, N: c.N}
		}
		return out
	}
	r.Years, r.Months, r.Classes, r.Origins, r.Tags = conv(f.Years), conv(f.Months), conv(f.Classifications), conv(f.Origins), conv(f.Tags)
	r.Cited = conv(f.Cited)
	r.Find = q.Find()
	if total <= fewHits {
		// Few hits or none: perhaps a typo, which the index can put right.
		sug, err := s.fts.Suggest(ctx, q)
		if err != nil {
			return r, err
		}
		if total == 0 {
			r.NoHits = search.NoHits(query, sug)
		}
		if sug != nil {
			r.Suggest, r.DidYouMean = sug.Query, sug.String()
		}
	}
	for i, h := range hits {
		if err := ctx.Err(); err != nil {
			return r, err
		}
		e, ok := s.Lookup(h.ID)
		if !ok {
			continue // not yet listed by the scan
		}
		hit := archiveui.Hit{Entry: e}
		if i < snippetsFor {
			if sn, err := s.fts.Snippet(h, q); err == nil {
				hit.Snippet, hit.Marks = sn.Text, sn.Marks
			}
		}
		r.Hits = append(r.Hits, hit)
	}
	return r, nil
}

func (s searchable) CitedBy(ctx context.Context, id string) ([]catalog.Record, error) {
	hits, err := s.fts.CitedBy(ctx, id)
	if err != nil {
		return nil, err
	}
	var out []catalog.Record
	for _, h := range hits {
		if e, ok := s.Lookup(h.ID); ok {
			out = append(out, e)
		}
	}
	return out, nil
}
