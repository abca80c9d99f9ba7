// Package thread follows a cable's references through an archive: what
// it cites, followed back to a depth, what cites it, followed forward, and
// the same cables as one story in date order.
//
// It knows the archive only through a Source (the search index answers
// one), asks it a level at a time, and holds no text: rows carry the
// catalog's fields and the label the reference was made under.
package thread

import (
	"cmp"
	"context"
	"slices"
	"strings"
)

// DefaultDepth is how many reference hops a thread follows unless told.
const DefaultDepth = 3

// Cable is what the archive's catalog says of one cable.
type Cable struct {
	ID             string
	Date           string // YYYY-MM-DD, "" when unknown
	Classification string
	Origin         string
	Subject        string
	Path           string // the file it lives in (the CSV for a row)
	Line           int    // the line of the CSV a row starts on; 0 for a file
}

// Link is one reference: From cites To under Label (A, B, …; "" when
// unlettered). Text is the reference as written when the Source knows it.
type Link struct {
	From, To, Label, Text string
}

// Source is an archive's catalog and its resolved references. Ids are
// canonical (09TOKYO2531) and compared without regard to case.
type Source interface {
	// Cables returns the cables of the archive among ids, keyed by their
	// id in upper case; ids the archive does not hold are left out.
	Cables(ctx context.Context, ids []string) (map[string]Cable, error)
	// RefsFrom returns the references made by the cables among ids.
	RefsFrom(ctx context.Context, ids []string) ([]Link, error)
	// RefsTo returns the references to the cables among ids (made by cables it holds).
	RefsTo(ctx context.Context, ids []string) ([]Link, error)
}

// Direction says on which side of the centre a row stands.
type Direction int

const (
	Centre  Direction = iota
	Back              // cited by the row it hangs from (what the centre cites, and so on)
	Forward           // citing the row it hangs from (what cites the centre, and so on)
)

func (d Direction) String() string {
	switch d {
	case Back:
		return "cites"
	case Forward:
		return "cited-by"
	}
	return "centre"
}

// Row is one line of a thread drawn as a tree.
type Row struct {
	Distance int // reference hops from the centre along this branch
	Dir      Direction
	ID       string // upper case
	Via      string // the row it hangs from ("" for the centre)
	Label    string // the REF label of the link from Via (for Back) or to Via (for Forward)
	Text     string // the reference as written, when known
	Held     bool   // the archive holds the cable; Cable is then filled
	Cable    Cable
	// Again is set on a cable shown in full on another row of the same
	// side (a loop, or an ancestor shared by two branches): its branch is
	// not drawn twice. Above says whether that row comes earlier.
	Again, Above bool
}

// Thread is a cable's references followed both ways.
type Thread struct {
	Centre Row
	Back   []Row // what the centre cites, in tree order (depth first, REF order)
	Fwd    []Row // what cites it, in tree order (depth first, by date)
	Depth  int
}

// Rows returns the thread in reading order: the cited side, the centre,
// then the citing side, each side depth first.
func (t *Thread) Rows() []Row {
	out := make([]Row, 0, len(t.Back)+1+len(t.Fwd))
	out = append(out, t.Back...)
	out = append(out, t.Centre)
	return append(out, t.Fwd...)
}

// Follow builds the thread of id, depth hops each way (DefaultDepth when
// depth < 1). held is false when the archive does not hold id.
func Follow(ctx context.Context, src Source, id string, depth int) (t *Thread, held bool, err error) {
	if depth < 1 {
		depth = DefaultDepth
	}
	id = strings.ToUpper(strings.TrimSpace(id))
	t = &Thread{Depth: depth, Centre: Row{Dir: Centre, ID: id}}
	back, err := walk(ctx, src, id, depth, Back)
	if err != nil {
		return nil, false, err
	}
	fwd, err := walk(ctx, src, id, depth, Forward)
	if err != nil {
		return nil, false, err
	}
	ids := []string{id}
	ids = append(ids, back.ids...)
	ids = append(ids, fwd.ids...)
	cables, err := src.Cables(ctx, ids)
	if err != nil {
		return nil, false, err
	}
	c, held := cables[id]
	t.Centre.Held, t.Centre.Cable = held, c
	if !held {
		t.Centre.Cable.ID = id
	}
	t.Back = back.tree(id, cables)
	t.Fwd = fwd.tree(id, cables)
	return t, held, nil
}

// side is one direction walked breadth first: the shortest distance of
// each cable and the links out of each cable expanded.
type side struct {
	dir   Direction
	depth int
	dist  map[string]int
	out   map[string][]Link // by the cable expanded: the links to its children
	ids   []string          // every cable reached, in order
}

func walk(ctx context.Context, src Source, id string, depth int, dir Direction) (*side, error) {
	s := &side{dir: dir, depth: depth, dist: map[string]int{id: 0}, out: map[string][]Link{}}
	linked := map[[2]string]bool{} // parent, child: a cable cited twice under two labels is one row, the first label
	level := []string{id}
	for d := 1; d <= depth && len(level) > 0; d++ {
		var links []Link
		var err error
		if dir == Back {
			links, err = src.RefsFrom(ctx, level)
		} else {
			links, err = src.RefsTo(ctx, level)
		}
		if err != nil {
			return nil, err
		}
		var next []string
		for _, l := range links {
			l.From, l.To = strings.ToUpper(l.From), strings.ToUpper(l.To)
			parent, child := l.From, l.To
			if dir == Forward {
				parent, child = l.To, l.From
			}
			if linked[[2]string{parent, child}] {
				continue
			}
			linked[[2]string{parent, child}] = true
			s.out[parent] = append(s.out[parent], l)
			if _, seen := s.dist[child]; !seen {
				s.dist[child] = d
				s.ids = append(s.ids, child)
				next = append(next, child)
			}
		}
		level = next
	}
	return s, nil
}

// tree lays the side out depth first from id. A cable's branch is drawn
// at the first row where it stands at its shortest distance; elsewhere it
// is one row marked Again.
func (s *side) tree(id string, cables map[string]Cable) []Row {
	var rows []Row
	drawn := map[string]int{id: -1} // the row index of the full row; -1 the centre
	var visit func(parent string, d int)
	visit = func(parent string, d int) {
		links := slices.Clone(s.out[parent])
		s.order(links, cables)
		for _, l := range links {
			child := l.To
			if s.dir == Forward {
				child = l.From
			}
			c, held := cables[child]
			r := Row{Distance: d, Dir: s.dir, ID: child, Via: parent, Label: l.Label, Text: l.Text, Held: held, Cable: c}
			if !held {
				r.Cable.ID = child
			}
			if at, done := drawn[child]; done || s.dist[child] < d {
				r.Again = true
				r.Above = done && at < len(rows)
				rows = append(rows, r)
				continue
			}
			drawn[child] = len(rows)
			rows = append(rows, r)
			if d < s.depth {
				visit(child, d+1)
			}
		}
	}
	visit(id, 1)
	// A row marked Again before its cable's full row was drawn points
	// below it.
	for i := range rows {
		if rows[i].Again && !rows[i].Above {
			if at, ok := drawn[rows[i].ID]; ok && at < i {
				rows[i].Above = true
			}
		}
	}
	return rows
}

// order sorts a cable's links: the references it makes by label (REF
// order, unlettered last, then by id); the cables citing it by date.
func (s *side) order(links []Link, cables map[string]Cable) {
	if s.dir == Back {
		slices.SortStableFunc(links, func(a, b Link) int {
			if (a.Label == "") != (b.Label == "") {
				if a.Label == "" {
					return 1
				}
				return -1
			}
			if c := cmp.Compare(len(a.Label), len(b.Label)); c != 0 {
				return c
			}
			return cmp.Or(strings.Compare(a.Label, b.Label), strings.Compare(a.To, b.To))
		})
		return
	}
	slices.SortStableFunc(links, func(a, b Link) int {
		return cmp.Or(strings.Compare(cables[a.From].Date, cables[b.From].Date), strings.Compare(a.From, b.From))
	})
}

// Timeline is every cable of the thread the archive holds, once, in date
// order (undated last, then by id), each at its shortest distance; a
// cable on both sides is listed with the side where it stands nearer
// (the cited side on a tie).
func (t *Thread) Timeline() []Row {
	rows := t.Rows()
	at := make(map[string]int, len(rows)) // a cable's place in out
	out := make([]Row, 0, len(rows))
	for _, r := range rows {
		if !r.Held || r.Again {
			continue
		}
		if i, ok := at[r.ID]; ok {
			if r.Distance < out[i].Distance {
				out[i] = r
			}
			continue
		}
		at[r.ID] = len(out)
		out = append(out, r)
	}
	slices.SortStableFunc(out, func(a, b Row) int {
		if (a.Cable.Date == "") != (b.Cable.Date == "") {
			if a.Cable.Date == "" {
				return 1
			}
			return -1
		}
		return cmp.Or(strings.Compare(a.Cable.Date, b.Cable.Date), strings.Compare(a.ID, b.ID))
	})
	return out
}

// Memory is a Source held in memory: a catalog and its links.
type Memory struct {
	cables map[string]Cable
	cites  map[string][]Link // by citing cable
	citing map[string][]Link // by cited cable
}

// NewMemory makes a Source of cables and the references among them (and
// to cables it does not hold).
func NewMemory(cables []Cable, links []Link) *Memory {
	m := &Memory{cables: map[string]Cable{}, cites: map[string][]Link{}, citing: map[string][]Link{}}
	for _, c := range cables {
		m.cables[strings.ToUpper(c.ID)] = c
	}
	for _, l := range links {
		l.From, l.To = strings.ToUpper(l.From), strings.ToUpper(l.To)
		m.cites[l.From] = append(m.cites[l.From], l)
		m.citing[l.To] = append(m.citing[l.To], l)
	}
	return m
}

func (m *Memory) Cables(_ context.Context, ids []string) (map[string]Cable, error) {
	out := map[string]Cable{}
	for _, id := range ids {
		id = strings.ToUpper(id)
		if c, ok := m.cables[id]; ok {
			out[id] = c
		}
	}
	return out, nil
}

func (m *Memory) RefsFrom(_ context.Context, ids []string) ([]Link, error) {
	var out []Link
	for _, id := range ids {
		out = append(out, m.cites[strings.ToUpper(id)]...)
	}
	return out, nil
}

func (m *Memory) RefsTo(_ context.Context, ids []string) ([]Link, error) {
	var out []Link
	for _, id := range ids {
		for _, l := range m.citing[strings.ToUpper(id)] {
			if _, held := m.cables[l.From]; held {
				out = append(out, l)
			}
		}
	}
	return out, nil
}
