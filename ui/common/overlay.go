package common

// Overlay is the one page a screen shows over its content (the keys, the
// marks, the skipped rows…): its kind K, whose zero value is "none", the
// page's scroll, and the selected line of a page that selects. A screen
// holds one Overlay rather than a flag a page, so two pages open at once,
// or a selection on a closed page, cannot be written.
type Overlay[K comparable] struct {
	Kind K
	Page Page
	Sel  int
}

// Open shows page k from its top, drawn anew.
func (o *Overlay[K]) Open(k K) { *o = Overlay[K]{Kind: k} }

// Close shows the screen's content again.
func (o *Overlay[K]) Close() { *o = Overlay[K]{} }

// Toggle opens page k, or closes it when it is the one open.
func (o *Overlay[K]) Toggle(k K) {
	if o.Kind == k {
		o.Close()
		return
	}
	o.Open(k)
}

// Is reports whether page k is open.
func (o *Overlay[K]) Is(k K) bool { return o.Kind == k }

// On reports whether any page is open.
func (o *Overlay[K]) On() bool {
	var none K
	return o.Kind != none
}
