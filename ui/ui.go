// Package ui starts cablereader's full-screen programs: one cable in the reader behind a loading screen, or an archive's list with a reader on the cable opened.
//
// The work is done below: ui/reader (one cable: panes, navigation, search
// in the text), ui/archive (the list, its filters, the scan, the history
// between cables), ui/theme (styles) and ui/common (options, the program
// runner and its safety net, text helpers).
package ui

import (
	"cablereader/ui/archive"
	"cablereader/ui/common"
)

// Options configure the reader and the archive.
type Options = common.Options

// Source is an archive as the list takes it (see archive.Source).
type Source = archive.Source

// RunArchive scans src in the background and shows it in the list until
// the user quits; see archive.Run.
func RunArchive(src Source, opt Options) error { return archive.Run(src, opt) }
