package search

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/dustin/go-humanize"
)

// Suggestion is a query with its misspelt words put right, from the
// index's own vocabulary, and how many cables it finds.
type Suggestion struct {
	Query string // in the query language, as a reader would type it
	Hits  int
}

// NoHits is what to say when a query finds nothing: "no hits for
// nuclaer; did you mean nuclear (1,310)?" when a suggestion is known.
func NoHits(query string, s *Suggestion) string {
	msg := "no hits for " + strings.Join(strings.Fields(query), " ")
	if s != nil {
		msg += "; " + s.String()
	}
	return msg
}

// String is "did you mean nuclear (1,310)?".
func (s *Suggestion) String() string {
	return fmt.Sprintf("did you mean %s (%s)?", s.Query, humanize.Comma(int64(s.Hits)))
}

// A word held by at most rareDocs cables is put right when a word one
// edit away is held by commoner times as many.
const (
	rareDocs = 5
	commoner = 50
)

// maxSuggestWord is the longest word a suggestion is looked for: a longer
// one is not a typo of a word.
const maxSuggestWord = 40

// Suggest puts right the words of q that no cable holds, or so few that
// they are likely a typo of a common word (goverment, in 3 cables, next
// to government, in 1,200): each is replaced by the word one edit away (a
// letter left out, added, changed, or two swapped) that the most cables
// hold, and a word some cables hold only by one that many times more do.
// It returns nil when no word is put right, or the query put right finds
// nothing.
func (ix *Index) Suggest(ctx context.Context, q *Query) (*Suggestion, error) {
	db, err := ix.conn(ctx)
	if err != nil {
		return nil, err
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	// fts5vocab reads the terms of the FTS table; a temp table is the
	// connection's own, so it is made on the connection it is read on.
	if _, err := conn.ExecContext(ctx, `CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab USING fts5vocab(main, fts, row)`); err != nil {
		return nil, err
	}
	docs := func(words []string) (map[string]int, error) {
		out := map[string]int{}
		for len(words) > 0 {
			n := min(len(words), 500)
			args := make([]any, n)
			for i, w := range words[:n] {
				args[i] = w
			}
			rows, err := conn.QueryContext(ctx, `SELECT term, doc FROM temp.vocab WHERE term IN (?`+strings.Repeat(",?", n-1)+`)`, args...)
			if err != nil {
				return nil, err
			}
			for rows.Next() {
				var t string
				var d int
				if err := rows.Scan(&t, &d); err != nil {
					rows.Close()
					return nil, err
				}
				out[t] = d
			}
			if err := rows.Close(); err != nil {
				return nil, err
			}
			words = words[n:]
		}
		return out, nil
	}
	fixed := &Query{Clauses: make([][]Term, len(q.Clauses))}
	changed := false
	for i, c := range q.Clauses {
		fixed.Clauses[i] = slices.Clone(c)
		for j := range c {
			t := &fixed.Clauses[i][j]
			if t.Neg || !t.IsText() {
				continue
			}
			t.Words = slices.Clone(t.Words)
			for k, w := range t.Words {
				if t.Prefix && k == len(t.Words)-1 || utf8.RuneCountInString(w) > maxSuggestWord {
					continue
				}
				have, err := docs([]string{w})
				if err != nil {
					return nil, err
				}
				d := have[w]
				if d > rareDocs {
					continue
				}
				near, err := docs(Edits(w))
				if err != nil {
					return nil, err
				}
				best, bestN := "", 0
				for cand, n := range near {
					if n > bestN || n == bestN && cand < best {
						best, bestN = cand, n
					}
				}
				if best != "" && bestN >= commoner*d {
					t.Words[k], changed = best, true
				}
			}
		}
	}
	if !changed {
		return nil, nil
	}
	_, n, err := ix.Search(ctx, fixed, 1) // not 0: a LIMIT 0 counts nothing
	if err != nil || n == 0 {
		return nil, err
	}
	return &Suggestion{Query: fixed.Typed(), Hits: n}, nil
}

// Edits are the words one edit away from w: a rune left out, two
// neighbours swapped, a rune changed or added (letters a to z, digits,
// and the word's own runes).
func Edits(w string) []string {
	r := []rune(w)
	alpha := []rune("abcdefghijklmnopqrstuvwxyz0123456789")
	for _, c := range r {
		if !slices.Contains(alpha, c) {
			alpha = append(alpha, c)
		}
	}
	seen := map[string]bool{w: true}
	var out []string
	add := func(s []rune) {
		if k := string(s); len(s) > 0 && !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	for i := range r {
		add(slices.Concat(r[:i], r[i+1:]))
		if i+1 < len(r) {
			s := slices.Clone(r)
			s[i], s[i+1] = s[i+1], s[i]
			add(s)
		}
		for _, c := range alpha {
			s := slices.Clone(r)
			s[i] = c
			add(s)
		}
	}
	for i := 0; i <= len(r); i++ {
		for _, c := range alpha {
			add(slices.Concat(r[:i], []rune{c}, r[i:]))
		}
	}
	return out
}
