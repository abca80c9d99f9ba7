package index

import "database/sql"

// DB returns the open database, for tests that read it directly, or nil
// when the index is not ready.
func (ix *Index) DB() *sql.DB {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.db
}
