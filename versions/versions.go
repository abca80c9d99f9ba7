// Package versions compares two versions of a cable word by word: what
// the later one deleted and inserted, paragraph by paragraph, and which
// changes are redactions added (words become XXXXXXXXXXXX) or lifted.
//
// It works on the parsed cables (the subject and the body's paragraphs),
// so page markers, wrapping and the page's markup never count as changes;
// nor do straight and curly quotation marks. The word alignment is the
// longest common subsequence of go-udiff's lcs package (Myers).
package versions

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/aymanbagabas/go-udiff/lcs"

	"cablereader/model"
)

// Op says what a span of words is.
type Op int

const (
	Same     Op = iota
	Deleted     // in the first version only
	Inserted    // in the second version only
)

func (o Op) String() string {
	switch o {
	case Deleted:
		return "-"
	case Inserted:
		return "+"
	}
	return "="
}

// Span is a run of words of one kind, joined by single spaces.
type Span struct {
	Op   Op
	Text string
}

// Block is the subject, or one paragraph of the body, as compared.
type Block struct {
	Name    string // "SUBJECT", "¶3", "before ¶1" (as model.Cable.ParaName)
	Only    Op     // Deleted or Inserted for a block one version lacks; Same otherwise
	Changed bool
	Spans   []Span
}

// Title is the block's name as a diff heads it: "¶3", or "¶3 (only in
// the second)" for a block one version lacks.
func (b Block) Title() string {
	switch b.Only {
	case Deleted:
		return b.Name + " (only in the first)"
	case Inserted:
		return b.Name + " (only in the second)"
	}
	return b.Name
}

// Redaction is a change between words and a redaction mark.
type Redaction struct {
	Block string // where it starts
	Added bool   // the second version hides the words; false: it reveals them
	Words string // the words hidden or revealed
}

// Diff is what changed from the first version to the second.
type Diff struct {
	Blocks     []Block
	Redactions []Redaction
	Deleted    int // words
	Inserted   int
}

// Changed reports whether the versions differ in any word.
func (d *Diff) Changed() bool { return d.Deleted+d.Inserted > 0 }

// token is a word, or the start of a block (mark set).
type token struct {
	text, key string
	mark      bool
}

// blocks cuts a cable into its blocks, each the mark of its start
// followed by its words.
func blocks(c *model.Cable) [][]token {
	var out [][]token
	var cur []token
	add := func(s string) {
		for _, w := range strings.Fields(s) {
			cur = append(cur, token{text: w, key: fold(w)})
		}
	}
	start := func(name string) {
		if cur != nil {
			out = append(out, cur)
		}
		cur = []token{{text: name, key: "\x00" + name, mark: true}}
	}
	start("SUBJECT")
	add(c.Header.Subject)
	for i, p := range c.Body {
		start(c.ParaName(i))
		add(p.Heading)
		if p.Marking != "" {
			add("(" + p.Marking + ")")
		}
		add(p.Text)
	}
	return append(out, cur)
}

// fold makes the key a word is compared by: quotation marks of every
// kind are one.
func fold(w string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case '“', '”', '„', '«', '»', '″':
			return '"'
		case '‘', '’', '‚', '`', '´', '′':
			return '\''
		}
		return r
	}, w)
}

// Compare compares two versions of a cable.
//
// The blocks are paired by name first (the subject with the subject, ¶4
// with ¶4), and the words are aligned within each pair: one alignment
// over the whole cable lets a long paragraph that changed (a source
// redacted) slide against its neighbours, and the approximate longest
// common subsequence of a long text then pairs ¶4's words with ¶6's. The
// blocks one version names and the other does not (a paragraph split,
// numbered anew, or missing) are compared together, word by word, in
// the stretch between two pairs.
func Compare(a, b *model.Cable) *Diff {
	ba, bb := blocks(a), blocks(b)
	na, nb := make([]string, len(ba)), make([]string, len(bb))
	for i, blk := range ba {
		na[i] = blk[0].key
	}
	for i, blk := range bb {
		nb[i] = blk[0].key
	}
	d := &Diff{}
	i, j := 0, 0
	for _, e := range lcs.DiffLines(na, nb) {
		for ; i < e.Start; i, j = i+1, j+1 {
			d.compare(ba[i], bb[j])
		}
		d.compare(join(ba[e.Start:e.End]), join(bb[e.ReplStart:e.ReplEnd]))
		i, j = e.End, e.ReplEnd
	}
	for ; j < len(bb); i, j = i+1, j+1 {
		d.compare(ba[i], bb[j])
	}
	return d
}

func join(bs [][]token) []token {
	var out []token
	for _, b := range bs {
		out = append(out, b...)
	}
	return out
}

// compare aligns the words of a stretch of blocks of either version
// (each starting with its block's mark) and adds the blocks to d.
func (d *Diff) compare(ta, tb []token) {
	ka, kb := make([]string, len(ta)), make([]string, len(tb))
	for i, t := range ta {
		ka[i] = t.key
	}
	for i, t := range tb {
		kb[i] = t.key
	}
	var cur *Block
	where := "" // the block of the first word of the change at hand
	put := func(op Op, t token) {
		if t.mark {
			only := Same
			if op != Same {
				only = op
			}
			d.Blocks = append(d.Blocks, Block{Name: t.text, Only: only, Changed: op != Same})
			cur = &d.Blocks[len(d.Blocks)-1]
			return
		}
		if cur == nil { // cannot happen: every stretch starts with a mark
			d.Blocks = append(d.Blocks, Block{})
			cur = &d.Blocks[len(d.Blocks)-1]
		}
		switch op {
		case Deleted:
			d.Deleted++
			cur.Changed = true
		case Inserted:
			d.Inserted++
			cur.Changed = true
		}
		if op != Same && where == "" {
			where = cur.Name
		}
		if n := len(cur.Spans); n > 0 && cur.Spans[n-1].Op == op {
			cur.Spans[n-1].Text += " " + t.text
			return
		}
		cur.Spans = append(cur.Spans, Span{Op: op, Text: t.text})
	}
	i, j := 0, 0
	for _, e := range lcs.DiffLines(ka, kb) {
		for ; i < e.Start; i, j = i+1, j+1 {
			put(Same, tb[j])
		}
		where = ""
		for k := e.Start; k < e.End; k++ {
			put(Deleted, ta[k])
		}
		for k := e.ReplStart; k < e.ReplEnd; k++ {
			put(Inserted, tb[k])
		}
		if r, ok := redaction(ta[e.Start:e.End], tb[e.ReplStart:e.ReplEnd]); ok {
			r.Block = where
			d.Redactions = append(d.Redactions, r)
		}
		i, j = e.End, e.ReplEnd
	}
	for ; j < len(tb); j++ {
		put(Same, tb[j])
	}
}

// redaction names a change between words and a redaction mark.
func redaction(del, ins []token) (Redaction, bool) {
	inDel, inIns := hasMark(del), hasMark(ins)
	switch {
	case inIns && !inDel && len(text(del)) > 0:
		return Redaction{Added: true, Words: text(del)}, true
	case inDel && !inIns && len(text(ins)) > 0:
		return Redaction{Added: false, Words: text(ins)}, true
	}
	return Redaction{}, false
}

// IsMark reports whether a word is a redaction mark: a run of six X or
// more, punctuation around it aside.
func IsMark(w string) bool {
	w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) })
	return len(w) >= 6 && strings.Trim(w, "X") == ""
}

func hasMark(ts []token) bool {
	for _, t := range ts {
		if !t.mark && IsMark(t.text) {
			return true
		}
	}
	return false
}

// text joins the words of ts, leaving out the starts of blocks.
func text(ts []token) string {
	var parts []string
	for _, t := range ts {
		if !t.mark {
			parts = append(parts, t.text)
		}
	}
	return strings.Join(parts, " ")
}

// redactionWords is how many of the words a redaction hid or revealed
// String quotes.
const redactionWords = 12

// String says what the redaction change did, in words: `redaction added
// in ¶2: "Our contact"`. A long run of words is cut, with its count.
func (r Redaction) String() string {
	what := "redaction lifted"
	if r.Added {
		what = "redaction added"
	}
	ws := strings.Fields(r.Words)
	q := strings.Join(ws[:min(len(ws), redactionWords)], " ")
	if len(ws) > redactionWords {
		q += fmt.Sprintf(" … (%d words)", len(ws))
	}
	switch {
	case strings.HasPrefix(r.Block, "after ") || strings.HasPrefix(r.Block, "before "):
		what += " " + r.Block // after ¶2: the text past the paragraphs
	case r.Block != "":
		what += " in " + r.Block
	}
	return what + `: "` + q + `"`
}

// Summary is the comparison in one line: words, blocks, redactions.
func (d *Diff) Summary() string {
	if !d.Changed() {
		return "the same words (quotation marks aside)"
	}
	added, lifted, changed := 0, 0, 0
	for _, r := range d.Redactions {
		if r.Added {
			added++
		} else {
			lifted++
		}
	}
	for _, b := range d.Blocks {
		if b.Changed {
			changed++
		}
	}
	words := fmt.Sprintf("%d words", d.Deleted)
	if d.Deleted == 1 {
		words = "1 word"
	}
	return fmt.Sprintf("%s deleted, %d inserted · %d of %d blocks changed · redactions: %d added, %d lifted",
		words, d.Inserted, changed, len(d.Blocks), added, lifted)
}
