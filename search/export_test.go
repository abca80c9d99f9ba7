package search

import (
	"database/sql"

	"cablereader/query"
)

// The index's tests read queries (package query) by these names.
type QueryError = query.Error

var (
	Parse       = query.Parse
	isTokenRune = query.IsWordRune
)

// DB returns the open database, for tests that read it directly, or nil
// when the index is not ready.
func (ix *Index) DB() *sql.DB {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.db
}
