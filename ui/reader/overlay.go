package reader

import "cablereader/ui/common"

// At most one page covers the cable: the keys, the TAGS glossary or the
// marks, held as one common.Overlay.

// overlayKind names the page over the cable.
type overlayKind int

const (
	noOverlay    overlayKind = iota
	overlayKeys              // "?": the keys
	overlayTags              // "t": the TAGS glossary
	overlayMarks             // "'": the marks of every cable; Sel is the mark selected
)

type overlay = common.Overlay[overlayKind]
