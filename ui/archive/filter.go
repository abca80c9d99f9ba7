package archive

import (
	"bytes"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"cablereader/catalog"
	"cablereader/model"
)

// The list's filter. Each entry has a search key, built once when its
// batch of the scan arrives: id, subject, origin and TAGS, lowered and
// separated by 0 bytes, all in one arena. A query is words; a row matches
// when every word is in its key, either as a substring (an exact match) or
// as a subsequence inside one field, its letters close together (a fuzzy
// match: "ndelhi" finds NEW DELHI; words of three letters or more). Exact
// matches come first, then fuzzy ones, each in date order: the list stays
// a chronology, with the best matches on top. The rows on screen show
// what matched (highlights).
//
// The matcher is written here rather than taken from a fuzzy-matching
// library (sahilm/fuzzy, lithammer/fuzzysearch): those match a query as
// one run of letters over a whole string and rank by score, where the
// list wants every word matched, a close match held inside one field,
// the date order kept, and a quarter of a million keys filtered on every
// keystroke without an allocation.
//
// The results of the last prefixes of the query are kept: backspace costs
// nothing, and a keystroke filters the rows of a kept prefix when they
// hold all of its matches: when the query gains a word, or its last word
// is shorter than minFuzzy (an exact match only). A longer word is matched
// again over the rows of the words before it, since its close match may
// spread wider than its prefix's: a filter gives one answer for one text,
// however it was typed. Large sets are filtered on every CPU.

// searchKeys is the arena of search keys, in entry order.
type searchKeys struct {
	buf []byte
	off []int32 // len(entries)+1
}

func (k *searchKeys) key(i int32) []byte { return k.buf[k.off[i]:k.off[i+1]] }

// appendKey appends an entry's search key to dst.
func appendKey(dst []byte, e *catalog.Record) []byte {
	dst = appendLower(dst, e.ID)
	dst = append(dst, 0)
	dst = appendLower(dst, e.Subject)
	dst = append(dst, 0)
	dst = appendLower(dst, e.Origin)
	dst = append(dst, 0)
	for i, t := range e.Tags {
		if i > 0 {
			dst = append(dst, ' ')
		}
		dst = appendLower(dst, t)
	}
	return dst
}

// lowerASCIITab lowers ASCII letters and turns 0 (the field separator)
// into a space.
var lowerASCIITab = func() (t [128]byte) {
	for i := range t {
		t[i] = byte(i)
	}
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = byte(c) + 'a' - 'A'
	}
	t[0] = ' '
	return t
}()

// appendLower appends s lowered; 0 bytes (the field separator) become
// spaces.
func appendLower(dst []byte, s string) []byte {
	n := len(dst)
	dst = slices.Grow(dst, len(s))[:n+len(s)]
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return appendLowerRunes(dst[:n+i], s[i:])
		}
		dst[n+i] = lowerASCIITab[c]
	}
	return dst
}

func appendLowerRunes(dst []byte, s string) []byte {
	for _, r := range s {
		if r < utf8.RuneSelf {
			dst = append(dst, lowerASCIITab[r])
		} else {
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
		}
	}
	return dst
}

// query is a parsed filter: lowered words, each with the position of its
// rarest byte.
type query struct {
	words [][]byte
	rare  []int
}

func parseQuery(s string) query {
	var q query
	for _, w := range strings.Fields(s) {
		lw := appendLower(nil, w)
		q.words = append(q.words, lw)
		q.rare = append(q.rare, rarest(lw))
	}
	return q
}

// byteRank orders bytes from rare (0) to common in cable metadata: the
// letters of English by frequency, digits, the space. Bytes not listed
// (punctuation, UTF-8) count as rare.
var byteRank = func() (r [256]uint8) {
	const common = "zqjxkvbpygfwmucldrhsnioat0123456789e " // rare … common
	for i := 0; i < len(common); i++ {
		r[common[i]] = uint8(i + 1)
	}
	return r
}()

// rarest is the index of w's rarest byte.
func rarest(w []byte) int {
	best := 0
	for i := range w {
		if byteRank[w[i]] < byteRank[w[best]] {
			best = i
		}
	}
	return best
}

// contains reports whether w is in s. It looks for w's rarest byte (r is
// its index) with IndexByte and compares around each hit: most keys hold
// a common first letter many times over, and a rare one seldom.
func contains(s, w []byte, r int) bool {
	c := w[r]
	for off := r; off < len(s); {
		i := bytes.IndexByte(s[off:], c)
		if i < 0 {
			return false
		}
		start := off + i - r
		if start+len(w) > len(s) {
			return false
		}
		if bytes.Equal(s[start:start+len(w)], w) {
			return true
		}
		off += i + 1
	}
	return false
}

// minFuzzy is the shortest word matched fuzzily: one or two letters
// scattered in a field say nothing.
const minFuzzy = 3

// match reports whether a key matches every word, and whether every word
// is a substring (exact) rather than only a subsequence.
func (q *query) match(key []byte) (ok, exact bool) {
	exact = true
	for k, w := range q.words {
		if contains(key, w, q.rare[k]) {
			continue
		}
		if len(w) < minFuzzy || !subsequence(key, w) || !fieldSubsequence(key, w, q.rare[k]) {
			return false, false
		}
		exact = false
	}
	return true, exact
}

// subsequence reports whether the bytes of w appear in s in order.
func subsequence(s, w []byte) bool {
	for _, c := range w {
		i := bytes.IndexByte(s, c)
		if i < 0 {
			return false
		}
		s = s[i+1:]
	}
	return true
}

// fieldSubsequence reports whether w is a subsequence of one field of
// key, its letters close together: the match spans at most about twice
// the word ("ndelhi" in "new delhi", "thrn" in "tehran"), so that letters
// strewn over a long subject do not count. It starts from each occurrence
// of w's rarest byte (r): the letters before it are taken as late as
// possible, those after as early, which gives the narrowest match there.
func fieldSubsequence(key, w []byte, r int) bool {
	span := 2*len(w) + 1
	c := w[r]
	for len(key) > 0 {
		f := key
		if i := bytes.IndexByte(key, 0); i >= 0 {
			f, key = key[:i], key[i+1:]
		} else {
			key = nil
		}
	next:
		for off := 0; off < len(f); {
			i := bytes.IndexByte(f[off:], c)
			if i < 0 {
				break
			}
			p := off + i
			off = p + 1
			floor := max(0, p-span+1)
			lo := p
			for k := r - 1; k >= 0; k-- {
				j := bytes.LastIndexByte(f[floor:lo], w[k])
				if j < 0 {
					continue next
				}
				lo = floor + j
			}
			hi, end := p, min(len(f), lo+span)
			for k := r + 1; k < len(w); k++ {
				if hi+1 >= end {
					continue next
				}
				j := bytes.IndexByte(f[hi+1:end], w[k])
				if j < 0 {
					continue next
				}
				hi += 1 + j
			}
			return true
		}
	}
	return false
}

// matchChunk sorts candidates into exact and fuzzy matches. It gives up
// (ok false) as soon as stop says so, checked every few thousand rows.
func matchChunk(cands []int32, keys *searchKeys, q *query, stop func() bool) (exact, fuzzy []int32, ok bool) {
	for k, i := range cands {
		if k&4095 == 4095 && stop != nil && stop() {
			return nil, nil, false
		}
		if ok, ex := q.match(keys.key(i)); ok {
			if ex {
				exact = append(exact, i)
			} else {
				fuzzy = append(fuzzy, i)
			}
		}
	}
	return exact, fuzzy, true
}

// parallelMin is the candidate count from which filtering is split across
// the CPUs.
const parallelMin = 16 << 10

// matchRows filters candidates (in entry order) with q, on as many CPUs as
// the set is worth; the results keep the candidates' order.
func matchRows(cands []int32, keys *searchKeys, q *query, stop func() bool) (exact, fuzzy []int32, ok bool) {
	n := min(runtime.GOMAXPROCS(0), len(cands)/parallelMin)
	if n <= 1 {
		return matchChunk(cands, keys, q, stop)
	}
	type part struct {
		ex, fz []int32
		ok     bool
	}
	parts := make([]part, n)
	size := (len(cands) + n - 1) / n
	var wg sync.WaitGroup
	for p := range n {
		lo, hi := p*size, min((p+1)*size, len(cands))
		wg.Go(func() { parts[p].ex, parts[p].fz, parts[p].ok = matchChunk(cands[lo:hi], keys, q, stop) })
	}
	wg.Wait()
	ne, nf := 0, 0
	for _, p := range parts {
		if !p.ok {
			return nil, nil, false
		}
		ne, nf = ne+len(p.ex), nf+len(p.fz)
	}
	exact, fuzzy = make([]int32, 0, ne), make([]int32, 0, nf)
	for _, p := range parts {
		exact, fuzzy = append(exact, p.ex...), append(fuzzy, p.fz...)
	}
	return exact, fuzzy, true
}

// mergeSorted merges two ascending index lists.
func mergeSorted(a, b []int32) []int32 {
	if len(b) == 0 {
		return a
	}
	if len(a) == 0 {
		return b
	}
	out := make([]int32, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		if a[i] <= b[j] {
			out = append(out, a[i])
			i++
		} else {
			out = append(out, b[j])
			j++
		}
	}
	return append(append(out, a[i:]...), b[j:]...)
}

// filterResult is the rows matching one query.
type filterResult struct {
	q            string
	exact, fuzzy []int32
}

// compute filters cands with q. A query of blanks keeps them all.
func compute(q string, cands []int32, keys *searchKeys, stop func() bool) (filterResult, bool) {
	r := filterResult{q: q}
	pq := parseQuery(q)
	if len(pq.words) == 0 {
		r.exact = cands
		return r, true
	}
	var ok bool
	r.exact, r.fuzzy, ok = matchRows(cands, keys, &pq, stop)
	return r, ok
}

// maxPrefixes is how many results of the query's prefixes are kept.
const maxPrefixes = 32

// queryCache keeps the results of the prefixes of the query being typed.
type queryCache struct {
	stack []filterResult
}

func (c *queryCache) reset() { c.stack = c.stack[:0] }

// plan drops the results that are no prefix of q, and returns either q's
// own result (hit) or the rows to filter for it: those of the longest
// usable prefix kept (its exact and fuzzy rows, to merge), or base.
func (c *queryCache) plan(q string, base []int32) (hit *filterResult, cands, more []int32) {
	for len(c.stack) > 0 && !strings.HasPrefix(q, c.stack[len(c.stack)-1].q) {
		c.stack = c.stack[:len(c.stack)-1]
	}
	if n := len(c.stack); n > 0 && c.stack[n-1].q == q {
		return &c.stack[n-1], nil, nil
	}
	for k := len(c.stack) - 1; k >= 0; k-- {
		if narrows(c.stack[k].q, q) {
			return nil, c.stack[k].exact, c.stack[k].fuzzy
		}
	}
	return nil, base, nil
}

// narrows reports whether q's matches are among prev's, q being prev with
// more typed: when prev's words are all whole words of q (q adds words),
// or the word being typed is still too short to match fuzzily (an exact
// match of "ab" is one of "a"). A word of minFuzzy letters or more that
// grows may match where it did not: its letters may spread wider ("syria"
// matches "embassy pretoria", "syri" does not), and the word that reaches
// minFuzzy letters starts matching fuzzily ("th" → "thr"); its rows are
// matched from those of the words before it.
func narrows(prev, q string) bool {
	pw, qw := strings.Fields(prev), strings.Fields(q)
	if len(pw) == 0 {
		return true
	}
	last := len(pw) - 1
	return pw[last] == qw[last] || len(qw[last]) < minFuzzy
}

// push keeps r, the result of a query longer than those kept.
func (c *queryCache) push(r filterResult) {
	if n := len(c.stack); n > 0 && !strings.HasPrefix(r.q, c.stack[n-1].q) {
		return // the query moved on meanwhile
	}
	if len(c.stack) == maxPrefixes {
		c.stack = append(c.stack[:0], c.stack[1:]...)
	}
	c.stack = append(c.stack, r)
}

// levelOf is the level of a normalised classification (SECRET//NOFORN).
func levelOf(class string) model.Level { return model.ClassLevel(class) }

// classCode is a classification's short form: S//NF, U//FOUO, C.
func classCode(class string) string { return model.ClassCode(class) }

// highlights marks the bytes of s that the query's words match, for the
// list to paint: each word wherever it is in s, else, for a word of
// minFuzzy letters or more, the letters of its narrowest close match in
// s, when that match is as close as match wants one. Whole characters are
// marked. nil when no word matches.
func (q *query) highlights(s string) []bool {
	if len(q.words) == 0 || s == "" {
		return nil
	}
	low := lowerInPlace([]byte(s))
	var mask []bool
	mark := func(i int) {
		if mask == nil {
			mask = make([]bool, len(s))
		}
		mask[i] = true
	}
	for _, w := range q.words {
		found := false
		for off := 0; off+len(w) <= len(low); {
			i := bytes.Index(low[off:], w)
			if i < 0 {
				break
			}
			found = true
			for k := range w {
				mark(off + i + k)
			}
			off += i + len(w)
		}
		if found || len(w) < minFuzzy {
			continue
		}
		for _, p := range closeMatch(low, w) {
			mark(p)
		}
	}
	if mask != nil {
		// a character is marked whole
		for i := 0; i < len(s); {
			_, n := utf8.DecodeRuneInString(s[i:])
			if slices.Contains(mask[i:i+n], true) {
				for k := i; k < i+n; k++ {
					mask[k] = true
				}
			}
			i += n
		}
	}
	return mask
}

// lowerInPlace lowers b without changing its length: a letter whose lower
// case is written with more or fewer bytes is left as it is, so that
// positions in b are positions in the text it came from.
func lowerInPlace(b []byte) []byte {
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			b[i] = lowerASCIITab[c]
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if lr := unicode.ToLower(r); lr != r && utf8.RuneLen(lr) == n {
			utf8.EncodeRune(b[i:], lr)
		}
		i += n
	}
	return b
}

// closeMatch is where the letters of w are in f, in order, in the
// narrowest stretch of f that holds them all; nil when there is none or
// it is wider than a close match may be (fieldSubsequence's span).
func closeMatch(f, w []byte) []int {
	span := 2*len(w) + 1
	pos := make([]int, len(w))
	var best []int
	for start := bytes.IndexByte(f, w[0]); start >= 0; {
		// the earliest end from start, then the latest start for that end
		k := 0
		for j := start; j < len(f) && k < len(w); j++ {
			if f[j] == w[k] {
				pos[k] = j
				k++
			}
		}
		if k < len(w) {
			break // no later start can match either
		}
		j := pos[len(w)-1]
		for k = len(w) - 1; k >= 0; k-- {
			for f[j] != w[k] {
				j--
			}
			pos[k] = j
			j--
		}
		if width := pos[len(w)-1] - pos[0] + 1; width <= span && (best == nil || width < best[len(w)-1]-best[0]+1) {
			best = slices.Clone(pos)
		}
		next := bytes.IndexByte(f[pos[0]+1:], w[0])
		if next < 0 {
			break
		}
		start = pos[0] + 1 + next
	}
	return best
}
