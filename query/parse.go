package query

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"cablereader/model"
)

// The query language is read by the small hand-written lexer and parser
// below; user text reaches SQLite only as bound parameters and as FTS5
// strings the index writes, every term quoted.

// Error is a query that cannot be read. Pos is the 0-based byte offset in
// the query where the problem is.
type Error struct {
	Pos int
	Msg string
}

func (e *Error) Error() string {
	return fmt.Sprintf("at column %d: %s", e.Pos+1, e.Msg)
}

// Bounds of a query. Every term costs a pass over its list of cables and
// a share of each ranked hit's bm25, so a query pasted by mistake (a page
// of text, a word repeated a thousand times) must not run for minutes:
// repeated terms are folded into one, and a query longer than MaxBytes,
// or of more than MaxTerms terms or MaxWords words once folded, is
// refused with a message that says so.
const (
	MaxBytes = 16 << 10
	MaxTerms = 32
	MaxWords = 64
)

// Parse reads a query.
func Parse(s string) (*Query, error) {
	if len(s) > MaxBytes {
		return nil, &Error{MaxBytes, fmt.Sprintf("the query is %d bytes long; the most is %d: shorten it", len(s), MaxBytes)}
	}
	q, err := parse(s)
	if err != nil {
		return nil, err
	}
	q.fold()
	terms, words := 0, 0
	for _, c := range q.Clauses {
		for _, t := range c {
			terms++
			words += len(t.Words)
			if terms > MaxTerms {
				return nil, &Error{t.Pos, fmt.Sprintf("the query has more than %d different terms: leave some out", MaxTerms)}
			}
			if words > MaxWords {
				return nil, &Error{t.Pos, fmt.Sprintf("the query has more than %d words: leave some out", MaxWords)}
			}
		}
	}
	return q, nil
}

// parse reads a query with each term as typed, none folded, and no bound
// but the grammar's.
func parse(s string) (*Query, error) {
	if !utf8.ValidString(s) {
		return nil, &Error{0, "the query is not valid UTF-8"}
	}
	p := &parser{s: s}
	return p.parse()
}

type parser struct {
	s   string
	pos int
}

func (p *parser) skipSpace() {
	for p.pos < len(p.s) {
		r, n := utf8.DecodeRuneInString(p.s[p.pos:])
		if !unicode.IsSpace(r) {
			return
		}
		p.pos += n
	}
}

func (p *parser) errf(pos int, format string, a ...any) error {
	return &Error{pos, fmt.Sprintf(format, a...)}
}

// quoted reads a phrase from the opening quote at p.pos.
func (p *parser) quoted() (string, error) {
	start := p.pos
	end := strings.IndexByte(p.s[start+1:], '"')
	if end < 0 {
		return "", p.errf(start, "the quote %s is not closed", excerpt(p.s[start:]))
	}
	p.pos = start + 1 + end + 1
	return p.s[start+1 : start+1+end], nil
}

// bare reads a run of characters up to a space or a quote.
func (p *parser) bare() string {
	start := p.pos
	for p.pos < len(p.s) {
		r, n := utf8.DecodeRuneInString(p.s[p.pos:])
		if unicode.IsSpace(r) || r == '"' {
			break
		}
		p.pos += n
	}
	return p.s[start:p.pos]
}

func (p *parser) parse() (*Query, error) {
	q := &Query{}
	orNext, notNext, andNext := false, false, false
	orPos, notPos, andPos := 0, 0, 0
	for {
		p.skipSpace()
		if p.pos >= len(p.s) {
			break
		}
		start := p.pos
		if p.s[p.pos] != '"' {
			save := p.pos
			w := p.bare()
			if w == "OR" || w == "or" || w == "Or" || w == "oR" {
				if len(q.Clauses) == 0 || orNext || notNext {
					return nil, p.errf(start, "OR needs a word on each side")
				}
				orNext, orPos = true, start
				continue
			}
			if w == "AND" {
				// AND in capitals is the operator other search boxes
				// write: words are all required anyway, so it joins
				// nothing more; "and" in lower case is a word.
				if len(q.Clauses) == 0 || orNext || notNext || andNext {
					return nil, p.errf(start, "AND needs a word on each side")
				}
				andNext, andPos = true, start
				continue
			}
			if w == "NOT" {
				// NOT word is -word, as other search boxes write it.
				if notNext {
					return nil, p.errf(start, "NOT NOT: write the word to leave out once")
				}
				notNext, notPos = true, start
				continue
			}
			p.pos = save
		}
		t, err := p.item()
		if err != nil {
			return nil, err
		}
		t.End = p.pos
		andNext = false
		if notNext {
			if t.Neg {
				return nil, p.errf(notPos, "NOT and - both leave a word out: write one")
			}
			t.Neg, t.Pos, notNext = true, notPos, false
		}
		if orNext {
			last := q.Clauses[len(q.Clauses)-1]
			if t.Neg || last[0].Neg {
				return nil, p.errf(orPos, "OR cannot join a word left out with -")
			}
			if t.IsText() != last[0].IsText() {
				return nil, p.errf(orPos, "OR joins words or fields, not a word and a field")
			}
			q.Clauses[len(q.Clauses)-1] = append(last, t)
			orNext = false
			continue
		}
		q.Clauses = append(q.Clauses, []Term{t})
	}
	if orNext {
		return nil, p.errf(orPos, "OR needs a word on each side")
	}
	if andNext {
		return nil, p.errf(andPos, "AND needs a word on each side")
	}
	if notNext {
		return nil, p.errf(notPos, "NOT needs a word after it to leave out")
	}
	if len(q.Clauses) == 0 {
		return nil, p.errf(0, "the query is empty")
	}
	return q, nil
}

// item reads one term.
func (p *parser) item() (Term, error) {
	t := Term{Pos: p.pos}
	if p.s[p.pos] == '-' {
		t.Neg = true
		p.pos++
		if p.pos >= len(p.s) || p.s[p.pos] == ' ' || p.s[p.pos] == '\t' || p.s[p.pos] == '-' {
			return t, p.errf(t.Pos, "a lone - must be followed by a word to leave out")
		}
	}
	if p.s[p.pos] == '"' {
		at := p.pos
		inner, err := p.quoted()
		if err != nil {
			return t, err
		}
		t.Words = Tokens(inner)
		if len(t.Words) == 0 {
			return t, p.errf(at, "nothing to search for in %s", excerpt(p.s[at:p.pos]))
		}
		if p.pos < len(p.s) && p.s[p.pos] == '*' {
			t.Prefix = true
			p.pos++
		}
		return t, p.checkPrefix(t, at)
	}
	at := p.pos
	w := p.bare()
	if name, value, ok := strings.Cut(w, ":"); ok && isFieldName(name) {
		name = strings.ToLower(name)
		if !fields[name] {
			return t, p.errf(at, "unknown field %q (fields: tag, from, class, caveat, date, id, cites, subject)", name+":")
		}
		if value == "" && p.pos < len(p.s) && p.s[p.pos] == '"' {
			vpos := p.pos
			inner, err := p.quoted()
			if err != nil {
				return t, err
			}
			value = inner
			if strings.TrimSpace(value) == "" {
				return t, p.errf(vpos, "%s needs a value", name+":")
			}
		}
		return p.field(t, name, value, at)
	}
	if strings.HasSuffix(w, "*") {
		t.Prefix = true
		w = strings.TrimRight(w, "*")
	}
	if model.IsControl(w) && !t.Prefix { // noforn is caveat:NOFORN
		t.Field, t.Value = "caveat", strings.ToUpper(w)
		return t, nil
	}
	t.Words = Tokens(w)
	if len(t.Words) == 0 {
		return t, p.errf(at, "nothing to search for in %s (words are letters and digits)", excerpt(w))
	}
	return t, p.checkPrefix(t, at)
}

// minPrefix is the shortest prefix a query may search for: the index
// keeps no prefixes, so one is the union of every word it begins, and
// two letters begin a thirtieth of the vocabulary.
const minPrefix = 3

// checkPrefix refuses a prefix term whose last word is shorter than
// minPrefix.
func (p *parser) checkPrefix(t Term, at int) error {
	if !t.Prefix || len(t.Words) == 0 {
		return nil
	}
	if last := t.Words[len(t.Words)-1]; utf8.RuneCountInString(last) < minPrefix {
		return p.errf(at, "%s: a prefix needs at least %d letters", excerpt(last+"*"), minPrefix)
	}
	return nil
}

// excerpt quotes the start of s for a message.
func excerpt(s string) string {
	if utf8.RuneCountInString(s) > 24 {
		r := []rune(s)
		s = string(r[:24]) + "…"
	}
	q := strconv.Quote(s) // control bytes written as escapes
	if strings.Contains(s, `"`) && !strings.Contains(s, "'") {
		// 'x"y' reads better than "x\"y"
		q = "'" + strings.ReplaceAll(q[1:len(q)-1], `\"`, `"`) + "'"
	}
	return q
}
