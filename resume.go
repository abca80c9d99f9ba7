package main

import (
	"context"

	"cablereader/corpus"
	"cablereader/search"
)

// resumeCatalog has the archive's scan start from the catalog kept in its
// search index (fts), when the index is current: the list is then
// complete at once, and the scan reads only the files that changed, were
// added or went since the index was brought up to date. An index that
// cannot be read is passed over: the scan reads everything.
func resumeCatalog(ctx context.Context, fts *search.Index, ix *corpus.Archive) {
	if !fts.Ready() {
		return
	}
	recs, files, err := fts.Catalog(ctx)
	if err != nil {
		return
	}
	ix.Resume(recs, files)
}

// listCatalog is resumeCatalog for --list and --format json: the index
// at file (or in its default place) is only read.
func listCatalog(ctx context.Context, ix *corpus.Archive, paths []string, file string) {
	fts, err := search.Open(paths, file)
	if err != nil {
		return
	}
	defer fts.Close()
	resumeCatalog(ctx, fts, ix)
}
