package reader

import (
	"strings"
	"sync/atomic"

	tea "charm.land/bubbletea/v2"

	"cablereader/model"

	"cablereader/sanitize"
	"cablereader/ui/common"
)

// match is one search hit: a byte range in a paragraph's display text,
// or in its heading. A paragraph's heading matches come before its text's.
type match struct {
	para int
	r    common.Range
	head bool
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
	heads   []int // per paragraph: how many of them are in its heading
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

// headsIn is how many of paragraph i's matches are in its heading: the
// first ones inPara returns.
func (s *searchState) headsIn(i int) int {
	if n, _ := s.countIn(i); n == 0 {
		return 0
	}
	return s.heads[i]
}

// inPara returns paragraph i's matches: those in its heading (ranges of
// the heading), then those in its text.
func (s *searchState) inPara(i int) []common.Range {
	n, _ := s.countIn(i)
	if n == 0 {
		return nil
	}
	f := s.first[i]
	rs := make([]common.Range, n)
	for k := range rs {
		rs[k] = s.matches[f+k].r
	}
	return rs
}

// run searches every paragraph for q (see find).
func (s *searchState) run(q string, n int, para func(int) *model.Paragraph, prep func(int) *prepared) {
	gen := s.gen
	*s, _ = find(q, n, para, prep, nil)
	s.gen = gen + 1
}

// find searches every paragraph, its heading and its text, for q and
// returns the search's state (gen left to the caller). para(i) is
// paragraph i as parsed: a paragraph shown as it is written (no control
// character, no tab) whose raw heading and text lack the query is skipped
// unprepared, so searching a long cable prepares only the paragraphs that
// match. stop, if not nil, is asked
// between paragraphs and every few thousand matches; when it says so find
// gives up and ok is false. It takes time linear in the text.
func find(q string, n int, para func(int) *model.Paragraph, prep func(int) *prepared, stop func() bool) (s searchState, ok bool) {
	s.cur = -1
	q = strings.TrimSpace(q)
	if q == "" {
		return s, true
	}
	s.query = q
	s.first = make([]int, n)
	s.count = make([]int, n)
	s.heads = make([]int, n)
	lq := lowerASCII(q)
	for i := 0; i < n; i++ {
		if stop != nil && stop() {
			return searchState{cur: -1}, false
		}
		s.first[i] = -1
		pa := para(i)
		if r, h := pa.Text, pa.Heading; !showsOtherwise(r) && !hasFold(r, lq) && !showsOtherwise(h) && !hasFold(h, lq) {
			continue
		}
		p := prep(i)
		if p.lower == "" {
			p.lower = lowerASCII(p.text)
		}
		if p.heading != "" {
			lh := lowerASCII(p.heading)
			for off := 0; ; {
				j := strings.Index(lh[off:], lq)
				if j < 0 {
					break
				}
				a := off + j
				if s.first[i] < 0 {
					s.first[i] = len(s.matches)
				}
				s.matches = append(s.matches, match{para: i, r: common.Range{A: a, B: a + len(lq)}, head: true})
				s.count[i]++
				s.heads[i]++
				off = a + len(lq)
			}
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
			s.matches = append(s.matches, match{para: i, r: common.Range{A: a, B: a + len(lq)}})
			s.count[i]++
			off = a + len(lq)
			if stop != nil && s.count[i]%4096 == 0 && stop() {
				return searchState{cur: -1}, false
			}
		}
	}
	return s, true
}

// asyncSearchAbove is the size of text (bytes) above which a search runs
// in a command, off the Update loop, and any key stops it.
var asyncSearchAbove = 1 << 20

// searchJob is a search running in a command.
type searchJob struct {
	query string
	stop  atomic.Bool
}

// searchedMsg is a search's result; ok is false if it was stopped.
type searchedMsg struct {
	job *searchJob
	s   searchState
	ok  bool
}

// searchCmd runs a search of the cable for q off the Update loop. It
// prepares paragraphs afresh rather than through the model's cache, which
// only the Update loop touches.
func searchCmd(job *searchJob, body []model.Paragraph) tea.Cmd {
	return common.Guard("searching", func() tea.Msg {
		s, ok := find(job.query, len(body), func(i int) *model.Paragraph { return &body[i] },
			func(i int) *prepared { return prepare(&body[i]) }, job.stop.Load)
		return searchedMsg{job: job, s: s, ok: ok}
	})
}

func (s *searchState) clear() {
	gen := s.gen
	*s = searchState{gen: gen + 1, cur: -1}
}

// showsOtherwise reports whether raw text is shown changed: its controls
// as symbols, its tabs as spaces. Only then can the screen hold a match
// the raw text does not.
func showsOtherwise(raw string) bool {
	return strings.IndexByte(raw, '\t') >= 0 || sanitize.Has(raw)
}

// hasFold reports whether s holds lq, a lower-cased query, ignoring
// the case of ASCII letters as the search does.
func hasFold(s, lq string) bool {
	if lq == "" {
		return true
	}
	c0, u0 := lq[0], lq[0]
	if c0 >= 'a' && c0 <= 'z' {
		u0 = c0 - 'a' + 'A'
	}
	for i := 0; i+len(lq) <= len(s); i++ {
		if c := s[i]; c != c0 && c != u0 {
			continue
		}
		k := 1
		for k < len(lq) {
			c := s[i+k]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != lq[k] {
				break
			}
			k++
		}
		if k == len(lq) {
			return true
		}
	}
	return false
}
