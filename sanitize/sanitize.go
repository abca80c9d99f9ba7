// Package sanitize makes untrusted text safe to print to a terminal.
//
// Every string read from a cable file goes through [Text] before it reaches
// a view or text output. Anything a terminal would interpret is made visible
// and inert instead of being dropped, so a reader can see that something was
// there:
//
//   - ESC is shown as "␛" (U+241B), BEL as "␇", every other C0 control as its
//     Unicode control picture U+2400+n ("␍", "␈", "␀", ...), DEL as "␡".
//   - '\n' and '\t' are kept, except inside a complete escape sequence, where
//     they are shown as "␊" and "␉" so that the sequence stays one visible
//     token.
//   - C1 controls (U+0080–U+009F) are shown as Go-style text, e.g. `\u009b`.
//     We chose this over "�" because it keeps the information: cables often
//     hold mis-decoded Windows-1252 punctuation (U+0085, U+0093, ...).
//   - Bidirectional formatting characters (U+202A–U+202E, U+2066–U+2069,
//     U+200E, U+200F, U+061C) are shown as "⟨U+202E⟩" so that text cannot be
//     visually reordered (Trojan Source).
//   - Invalid UTF-8 bytes become U+FFFD. This includes raw 8-bit C1 bytes
//     such as 0x9b: in UTF-8 text they are not characters at all.
//
// The output never contains ESC, C0 controls other than '\n' and '\t', DEL,
// C1 controls, bidi controls or invalid UTF-8, so Text is idempotent.
package sanitize

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Text returns s with everything a terminal would interpret made visible and
// inert. If [Has](s) is false it returns s itself without allocating.
func Text(s string) string {
	i := cleanPrefix(s)
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	b.WriteString(s[:i])
	walk(s[i:], func(clean string) { b.WriteString(clean) }, func(bad string, inSeq bool) {
		writeVisible(&b, bad, inSeq) // a lone ESC becomes "␛" like any C0
	})
	return b.String()
}

// Line is Text for what must stay on one line: a file name in a message
// on standard error, a status line. Line breaks and tabs are made visible
// too ("␊", "␍", "␉"), so the text cannot start a line that looks like
// the program's own.
func Line(s string) string {
	s = Text(s)
	if !strings.ContainsAny(s, "\n\t") {
		return s
	}
	return lineBreaks.Replace(s)
}

var lineBreaks = strings.NewReplacer("\n", "␊", "\t", "␉")

// Field is Text for one field of a tab-separated line: tabs and line
// breaks inside it become spaces, so the line keeps its columns.
func Field(s string) string {
	return Text(Flat(s))
}

// Flat returns s with tabs and line breaks made spaces, and nothing else
// changed: for text already made safe that must keep to one TSV field.
func Flat(s string) string {
	if !strings.ContainsAny(s, "\t\r\n") {
		return s
	}
	return fieldBreaks.Replace(s)
}

var fieldBreaks = strings.NewReplacer("\t", " ", "\r\n", " ", "\n", " ", "\r", " ")

// Count returns how many control characters, escape sequences, bidi
// controls and invalid bytes Text would neutralise in s: a complete escape
// sequence counts once.
func Count(s string) int {
	n := 0
	walk(s, func(string) {}, func(string, bool) { n++ })
	return n
}

// walk splits s into clean runs and the pieces Text neutralises, in order.
// A piece is a complete escape sequence (inSeq), a lone ESC, or one rune or
// invalid byte.
func walk(s string, clean func(string), bad func(piece string, inSeq bool)) {
	for i := 0; i < len(s); {
		n := cleanPrefix(s[i:])
		if n > 0 {
			clean(s[i : i+n])
			i += n
			continue
		}
		if s[i] == ansi.ESC {
			// The ansi decoder finds where the sequence ends (CSI, OSC, DCS,
			// APC, PM, SOS, ESC x). Starting at ESC it never reaches its
			// grapheme-clustering path, so this is cheap. Only ESC starts a
			// sequence here: an 8-bit introducer (U+009B, U+009D, ...) is
			// shown on its own as `\u009b`, which already makes it inert.
			seq, _, _, state := ansi.DecodeSequence(s[i:], ansi.NormalState, nil)
			if state == ansi.NormalState && terminated(seq) {
				bad(seq, true)
				i += len(seq)
			} else {
				// Truncated or cancelled sequence: a terminal would swallow
				// text up to the next terminator, but for a reader it is
				// better to show the ESC and keep the rest as ordinary text,
				// so one stray "\x1b]" does not fold the rest of the cable
				// onto one line.
				bad(s[i:i+1], false)
				i++
			}
			continue
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		bad(s[i:i+size], false)
		i += size
	}
}

// Has reports whether s contains anything [Text] would change. Callers use it
// to skip work on clean text.
func Has(s string) bool {
	return cleanPrefix(s) < len(s)
}

// cleanPrefix returns the length of the longest prefix of s that Text leaves
// unchanged.
func cleanPrefix(s string) int {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\n' && c != '\t' || c == 0x7f {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || isC1(r) || isBidi(r) {
			return i
		}
		i += size
	}
	return len(s)
}

// terminated reports whether seq, as returned by ansi.DecodeSequence from an
// ESC, ends the way a complete sequence ends. The decoder also returns
// sequences that were cut short by an invalid byte, CAN/SUB or another ESC,
// and it does not say which; this check is by hand because only the shape of
// the last bytes tells.
func terminated(seq string) bool {
	if len(seq) < 2 {
		return false
	}
	last := seq[len(seq)-1]
	switch seq[1] {
	case ']', 'P', '_', '^', 'X': // OSC, DCS, APC, PM, SOS: ST, or BEL for OSC.
		// The decoder is byte-oriented and also stops at a bare 0x9c byte,
		// which in UTF-8 text is usually the middle of a character such as
		// "✀" (e2 9c 80). Only the encoded rune U+009C counts as ST here;
		// otherwise the character would be split into U+FFFDs.
		return len(seq) >= 4 && strings.HasSuffix(seq, "\x1b\\") ||
			strings.HasSuffix(seq, "\u009c") ||
			seq[1] == ']' && last == ansi.BEL
	case '[': // CSI: a final byte after "ESC [".
		return len(seq) >= 3 && last >= '@' && last <= '~'
	default: // ESC, intermediates, final byte.
		return last >= '0' && last <= '~'
	}
}

// writeVisible writes s with every control made visible. Inside an escape
// sequence (inSeq) '\n' and '\t' are made visible too.
func writeVisible(b *strings.Builder, s string, inSeq bool) {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteRune(utf8.RuneError)
		case (r == '\n' || r == '\t') && !inSeq:
			b.WriteByte(byte(r))
		case r < 0x20:
			b.WriteRune(0x2400 + r) // Control Pictures block, "␀".."␟".
		case r == 0x7f:
			b.WriteRune('␡')
		case isC1(r):
			b.WriteString(`\u00`)
			b.WriteByte(lowerHex[r>>4])
			b.WriteByte(lowerHex[r&0xf])
		case isBidi(r):
			b.WriteString("⟨U+")
			for shift := 12; shift >= 0; shift -= 4 {
				b.WriteByte(upperHex[r>>shift&0xf])
			}
			b.WriteString("⟩")
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
}

const (
	lowerHex = "0123456789abcdef"
	upperHex = "0123456789ABCDEF"
)

func isC1(r rune) bool { return r >= 0x80 && r <= 0x9f }

// isBidi reports whether r is a bidirectional embedding, override, isolate or
// mark: characters that can reorder how the surrounding text is displayed.
func isBidi(r rune) bool {
	return r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 ||
		r == 0x200e || r == 0x200f || r == 0x061c
}

// JSON takes encoded JSON and writes as \u escapes the characters a
// terminal would act on that encoding/json leaves raw: DEL, the C1
// controls and the bidi controls. The JSON means the same; printed to a
// terminal, it is inert. (encoding/json already escapes C0 controls and
// turns invalid UTF-8 into U+FFFD.) Outside strings JSON has none of these
// characters, so the rewrite is safe anywhere in the text.
func JSON(b []byte) []byte {
	i := 0
	for i < len(b) && b[i] < 0x7f {
		i++
	}
	if i == len(b) {
		return b
	}
	out := make([]byte, 0, len(b)+64)
	out = append(out, b[:i]...)
	for i < len(b) {
		r, size := utf8.DecodeRune(b[i:])
		if r == 0x7f || isC1(r) || isBidi(r) {
			out = append(out, `\u`...)
			for shift := 12; shift >= 0; shift -= 4 {
				out = append(out, lowerHex[r>>shift&0xf])
			}
		} else {
			out = append(out, b[i:i+size]...)
		}
		i += size
	}
	return out
}
