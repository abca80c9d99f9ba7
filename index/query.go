package index

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// The query language is read by the small hand-written lexer and parser
// below into a Query; user text reaches SQLite only as bound parameters
// and as FTS5 strings this package writes, every term quoted.
//
//	query  = clause { clause } .
//	clause = item { "OR" item } .
//	item   = [ "-" | "NOT" ] ( phrase | field ":" value | word [ "*" ] ) .
//	phrase = `"` { any but `"` } `"` .
//
// Clauses are all required (AND). Words and phrases are searched in the
// subject and the body; fields are tag, from (origin), class, caveat (or
// the words noforn, nodis, exdis, limdis, orcon alone), date, id, cites
// and subject. Case never matters.

// QueryError is a query that cannot be read. Pos is the 0-based byte
// offset in the query where the problem is.
type QueryError struct {
	Pos int
	Msg string
}

func (e *QueryError) Error() string {
	return fmt.Sprintf("at column %d: %s", e.Pos+1, e.Msg)
}

// Term is one item of a query.
type Term struct {
	Neg    bool
	Field  string   // "" for words and phrases searched in subject and body
	Words  []string // the tokens of a word or phrase, folded to lower case
	Prefix bool     // word*
	Value  string   // a field's value as typed (tag, from, class, …)
	From   string   // date range: first day, YYYY-MM-DD
	Until  string   // date range: the day after the last
	Pos    int
}

// Query is a parsed query: all clauses must hold; within a clause, any
// of its terms.
type Query struct {
	Clauses [][]Term
}

var fields = map[string]bool{
	"tag": true, "tags": true, "from": true, "origin": true, "class": true,
	"caveat": true, "date": true, "id": true, "cites": true, "subject": true,
}

var caveatWords = map[string]bool{"noforn": true, "nodis": true, "exdis": true, "limdis": true, "orcon": true}

var levels = map[string]string{
	"unclassified": "UNCLASSIFIED", "confidential": "CONFIDENTIAL",
	"secret": "SECRET", "top secret": "TOP SECRET",
}

// Bounds of a query. Every term costs a pass over its list of cables and
// a share of each ranked hit's bm25, so a query pasted by mistake (a page
// of text, a word repeated a thousand times) must not run for minutes:
// repeated terms are folded into one, and a query longer than
// MaxQueryBytes, or of more than MaxQueryTerms terms or MaxQueryWords
// words once folded, is refused with a message that says so.
const (
	MaxQueryBytes = 16 << 10
	MaxQueryTerms = 32
	MaxQueryWords = 64
)

// Parse reads a query.
func Parse(s string) (*Query, error) {
	if len(s) > MaxQueryBytes {
		return nil, &QueryError{MaxQueryBytes, fmt.Sprintf("the query is %d bytes long; the most is %d: shorten it", len(s), MaxQueryBytes)}
	}
	if !utf8.ValidString(s) {
		return nil, &QueryError{0, "the query is not valid UTF-8"}
	}
	p := &qparser{s: s}
	q, err := p.parse()
	if err != nil {
		return nil, err
	}
	q.fold()
	terms, words := 0, 0
	for _, c := range q.Clauses {
		for _, t := range c {
			terms++
			words += len(t.Words)
			if terms > MaxQueryTerms {
				return nil, &QueryError{t.Pos, fmt.Sprintf("the query has more than %d different terms: leave some out", MaxQueryTerms)}
			}
			if words > MaxQueryWords {
				return nil, &QueryError{t.Pos, fmt.Sprintf("the query has more than %d words: leave some out", MaxQueryWords)}
			}
		}
	}
	return q, nil
}

// fold drops the terms repeated in a clause and the clauses repeated in
// the query: nuclear nuclear is nuclear, a OR a is a.
func (q *Query) fold() {
	seen := map[string]bool{}
	clauses := q.Clauses[:0]
	for _, c := range q.Clauses {
		inClause := map[string]bool{}
		terms := c[:0]
		for _, t := range c {
			if k := t.key(); !inClause[k] {
				inClause[k] = true
				terms = append(terms, t)
			}
		}
		c = terms
		keys := make([]string, len(c))
		for i, t := range c {
			keys[i] = t.key()
		}
		slices.Sort(keys)
		if k := strings.Join(keys, "\x00OR\x00"); !seen[k] {
			seen[k] = true
			clauses = append(clauses, c)
		}
	}
	q.Clauses = clauses
}

// key is what a term means, its place in the query aside.
func (t Term) key() string {
	return fmt.Sprintf("%v|%s|%q|%v|%s|%s|%s", t.Neg, t.Field, t.Words, t.Prefix, t.Value, t.From, t.Until)
}

type qparser struct {
	s   string
	pos int
}

func (p *qparser) skipSpace() {
	for p.pos < len(p.s) {
		r, n := utf8.DecodeRuneInString(p.s[p.pos:])
		if !unicode.IsSpace(r) {
			return
		}
		p.pos += n
	}
}

func (p *qparser) errf(pos int, format string, a ...any) error {
	return &QueryError{pos, fmt.Sprintf(format, a...)}
}

// quoted reads a phrase from the opening quote at p.pos.
func (p *qparser) quoted() (string, error) {
	start := p.pos
	end := strings.IndexByte(p.s[start+1:], '"')
	if end < 0 {
		return "", p.errf(start, "the quote %s is not closed", excerpt(p.s[start:]))
	}
	p.pos = start + 1 + end + 1
	return p.s[start+1 : start+1+end], nil
}

// bare reads a run of characters up to a space or a quote.
func (p *qparser) bare() string {
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

func (p *qparser) parse() (*Query, error) {
	q := &Query{}
	orNext, notNext := false, false
	orPos, notPos := 0, 0
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
			if isText(t) != isText(last[0]) {
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
	if notNext {
		return nil, p.errf(notPos, "NOT needs a word after it to leave out")
	}
	if len(q.Clauses) == 0 {
		return nil, p.errf(0, "the query is empty")
	}
	return q, nil
}

func isText(t Term) bool { return t.Field == "" || t.Field == "subject" }

// item reads one term.
func (p *qparser) item() (Term, error) {
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
	if caveatWords[strings.ToLower(w)] && !t.Prefix {
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
func (p *qparser) checkPrefix(t Term, at int) error {
	if !t.Prefix || len(t.Words) == 0 {
		return nil
	}
	if last := t.Words[len(t.Words)-1]; utf8.RuneCountInString(last) < minPrefix {
		return p.errf(at, "%s: a prefix needs at least %d letters", excerpt(last+"*"), minPrefix)
	}
	return nil
}

func isFieldName(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r > unicode.MaxASCII || !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

func (p *qparser) field(t Term, name, value string, at int) (Term, error) {
	value = strings.TrimSpace(value)
	if value == "" {
		return t, p.errf(at, "%s needs a value, as in %s", name+":", fieldExample[name])
	}
	t.Field, t.Value = name, value
	switch name {
	case "tags":
		t.Field = "tag"
	case "origin":
		t.Field = "from"
	}
	switch t.Field {
	case "tag", "id", "cites", "caveat":
		t.Value = strings.ToUpper(value)
	case "class":
		lv, ok := levels[strings.ToLower(value)]
		if caveatWords[strings.ToLower(value)] {
			t.Field, t.Value = "caveat", strings.ToUpper(value)
			return t, nil
		}
		if !ok {
			return t, p.errf(at, "unknown classification %q (unclassified, confidential, secret)", value)
		}
		t.Value = lv
	case "date":
		from, until, msg := dateRange(value)
		if msg != "" {
			return t, p.errf(at, "%s: %s", excerpt("date:"+value), msg)
		}
		t.From, t.Until = from, until
	case "subject":
		if strings.HasSuffix(value, "*") {
			t.Prefix = true
			value = strings.TrimRight(value, "*")
		}
		t.Words = Tokens(value)
		if len(t.Words) == 0 {
			return t, p.errf(at, "nothing to search for in %s", excerpt("subject:"+value))
		}
		return t, p.checkPrefix(t, at)
	}
	return t, nil
}

var fieldExample = map[string]string{
	"tag": "tag:KTIP", "tags": "tag:KTIP", "from": "from:tokyo", "origin": "from:tokyo",
	"class": "class:secret", "caveat": "caveat:noforn", "date": "date:2009 or date:2009-11..2010-02",
	"id": "id:09TOKYO2531", "cites": "cites:09TOKYO2531", "subject": "subject:whaling",
}

// dateRange reads 2009, 2009-11, 2009-11-05 or A..B (either end may be
// left out) into the first day and the day after the last.
func dateRange(v string) (from, until, msg string) {
	a, b, isRange := strings.Cut(v, "..")
	if !isRange {
		f, u, m := datePeriod(v)
		return f, u, m
	}
	if a == "" && b == "" {
		return "", "", "a range needs a date on at least one side"
	}
	from, until = "0000-01-01", "9999-12-31"
	if a != "" {
		f, _, m := datePeriod(a)
		if m != "" {
			return "", "", m
		}
		from = f
	}
	if b != "" {
		_, u, m := datePeriod(b)
		if m != "" {
			return "", "", m
		}
		until = u
	}
	if from >= until {
		return "", "", "the range ends before it starts"
	}
	return from, until, ""
}

func datePeriod(v string) (from, until, msg string) {
	parts := strings.Split(v, "-")
	if len(parts) > 3 {
		return "", "", "write dates as YYYY, YYYY-MM or YYYY-MM-DD"
	}
	nums := make([]int, len(parts))
	for i, p := range parts {
		want := 2
		if i == 0 {
			want = 4
		}
		n, err := strconv.Atoi(p)
		if err != nil || len(p) != want || n < 0 {
			return "", "", "write dates as YYYY, YYYY-MM or YYYY-MM-DD"
		}
		nums[i] = n
	}
	y := nums[0]
	if y < 1 {
		return "", "", "no year 0"
	}
	switch len(nums) {
	case 1:
		return fmt.Sprintf("%04d-01-01", y), fmt.Sprintf("%04d-01-01", y+1), ""
	case 2:
		m := nums[1]
		if m < 1 || m > 12 {
			return "", "", fmt.Sprintf("no month %d", m)
		}
		t := time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
		return t.Format("2006-01-02"), t.AddDate(0, 1, 0).Format("2006-01-02"), ""
	}
	m, d := nums[1], nums[2]
	if m < 1 || m > 12 {
		return "", "", fmt.Sprintf("no month %d", m)
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if d < 1 || t.Day() != d {
		return "", "", fmt.Sprintf("no day %d in %04d-%02d", d, y, m)
	}
	return t.Format("2006-01-02"), t.AddDate(0, 0, 1).Format("2006-01-02"), ""
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

// Tokens splits text into words as the index does (FTS5's unicode61
// tokenizer): runs of letters, digits and marks, folded to lower case.
// Diacritics are kept here; the index removes them on both sides.
func Tokens(s string) []string {
	var out []string
	for _, t := range tokenize(s, func(w string) string { return stripJoiners(strings.ToLower(w)) }) {
		out = append(out, t.word)
	}
	return out
}

func isTokenRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsNumber(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Co, r) || isJoiner(r)
}

// isJoiner reports whether r is an invisible character that may sit
// inside a word without ending it: zero-width space, non-joiner and
// joiner, word joiner, byte order mark, soft hyphen. FTS5 would split a
// word there ("nuc\u200blear" as nuc and lear): the index drops them from
// the text it is given (stripJoinerBytes), and queries and snippets from
// their words, so that the word is one on both sides.
func isJoiner(r rune) bool {
	switch r {
	case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad':
		return true
	}
	return false
}

// stripJoiners drops the joiners (isJoiner) from s.
func stripJoiners(s string) string {
	if !strings.ContainsFunc(s, isJoiner) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isJoiner(r) {
			return -1
		}
		return r
	}, s)
}

// stripJoinerBytes drops the joiners from UTF-8 text; text is returned as
// it is, uncopied, when it has none (every joiner's encoding starts with
// one of the bytes looked for).
func stripJoinerBytes(text []byte) []byte {
	if !bytes.ContainsAny(text, "\u200b\u200c\u200d\u2060\ufeff\u00ad") {
		return text
	}
	return bytes.Map(func(r rune) rune {
		if isJoiner(r) {
			return -1
		}
		return r
	}, text)
}

// ftsString writes the tokens as one quoted FTS5 string. The tokens hold
// only letters, digits and marks, and any quote would be doubled anyway.
func ftsString(words []string) string {
	return `"` + strings.ReplaceAll(strings.Join(words, " "), `"`, `""`) + `"`
}

// fts writes a text term in FTS5 syntax.
func (t Term) fts() string {
	s := ftsString(t.Words)
	if t.Prefix {
		s += " *"
	}
	if t.Field == "subject" {
		s = "subject : " + s
	}
	return s
}

// String writes the query back in its own syntax, normalised.
func (q *Query) String() string {
	return q.print(func(t Term) string {
		switch t.Field {
		case "":
			return ftsString(t.Words)
		case "subject":
			return "subject:" + ftsString(t.Words)
		}
		return t.Field + ":" + t.Value
	})
}

// print writes the query's clauses, a term at a time through term, with
// the syntax around terms (AND as a space, OR, - and *) written once.
func (q *Query) print(term func(Term) string) string {
	var b strings.Builder
	for i, c := range q.Clauses {
		if i > 0 {
			b.WriteByte(' ')
		}
		for j, t := range c {
			if j > 0 {
				b.WriteString(" OR ")
			}
			if t.Neg {
				b.WriteByte('-')
			}
			b.WriteString(term(t))
			if t.Prefix {
				b.WriteByte('*')
			}
		}
	}
	return b.String()
}

// Find is the query's first word or phrase that must occur, as typed
// words joined by spaces, for a reader to look for; "" when it has none.
func (q *Query) Find() string {
	for _, c := range q.Clauses {
		if t := c[0]; len(c) == 1 && t.Field == "" && !t.Neg && len(t.Words) > 0 {
			return strings.Join(t.Words, " ")
		}
	}
	return ""
}
