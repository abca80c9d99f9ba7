package ui

import "strings"

// match is one search hit: a byte range in a paragraph's display text.
type match struct {
	para int
	r    rng
}

// searchState holds the active search. Matches are found in the cleaned
// display text, case-insensitively for ASCII letters, and painted by the
// body renderer itself (viewport highlights misplace styled text).
type searchState struct {
	query   string
	gen     int // bumped on every new search; part of the paragraph cache key
	matches []match
	cur     int   // current match, -1 before the first jump
	first   []int // per paragraph: index of its first match, -1 if none
	count   []int // per paragraph: number of matches
}

func (s *searchState) active() bool { return s.query != "" }

// countIn returns how many matches paragraph i has and which of them is
// the current match (-1 if the current match is elsewhere).
func (s *searchState) countIn(i int) (n, cur int) {
	if s.query == "" || i >= len(s.first) || s.first[i] < 0 {
		return 0, -1
	}
	f := s.first[i]
	n, cur = s.count[i], -1
	if s.cur >= f && s.cur < f+n {
		cur = s.cur - f
	}
	return n, cur
}

// inPara returns paragraph i's matches.
func (s *searchState) inPara(i int) []rng {
	n, _ := s.countIn(i)
	if n == 0 {
		return nil
	}
	f := s.first[i]
	rs := make([]rng, n)
	for k := range rs {
		rs[k] = s.matches[f+k].r
	}
	return rs
}

// run searches every paragraph for q.
func (s *searchState) run(q string, n int, prep func(int) *prepared) {
	s.clear()
	q = strings.TrimSpace(q)
	if q == "" {
		return
	}
	s.query = q
	s.gen++
	s.cur = -1
	s.first = make([]int, n)
	s.count = make([]int, n)
	lq := lowerASCII(q)
	for i := 0; i < n; i++ {
		s.first[i] = -1
		p := prep(i)
		if p.lower == "" {
			p.lower = lowerASCII(p.text)
		}
		off := 0
		for {
			j := strings.Index(p.lower[off:], lq)
			if j < 0 {
				break
			}
			a := off + j
			if s.first[i] < 0 {
				s.first[i] = len(s.matches)
			}
			s.matches = append(s.matches, match{para: i, r: rng{a, a + len(lq)}})
			s.count[i]++
			off = a + len(lq)
		}
	}
}

func (s *searchState) clear() {
	gen := s.gen
	*s = searchState{gen: gen + 1, cur: -1}
}
