//go:build !unix

package search

import "os"

// tryLock takes no lock where flock is not to be had: builds of one index
// at once are then the user's to avoid.
func tryLock(f *os.File) (busy bool, err error) { return false, nil }

func openNonBlocking(path string) (*os.File, error) { return os.Open(path) }
