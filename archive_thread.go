package main

import (
	"context"
	"io"

	"cablereader/thread"
)

// Thread follows a cable's references through the archive's index (see
// package thread), for the archive view's thread.
func (s searchable) Thread(ctx context.Context, id string, depth int) (*thread.Thread, error) {
	th, _, err := thread.Follow(ctx, s.fts, id, depth)
	if err == nil {
		referenceTexts(ctx, s.fts, th, io.Discard)
	}
	return th, err
}

// CitedByCounts counts the citing cables of each id, for the list's
// Cited column.
func (s searchable) CitedByCounts(ctx context.Context) (map[string]int, error) {
	return s.fts.CitedByCounts(ctx)
}
