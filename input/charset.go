package input

import (
	"strings"
	"unicode/utf8"
)

// cp1252 maps the bytes 0x80–0x9F, which Latin-1 leaves as control codes,
// to what Windows-1252 puts there: cables saved on Windows carry smart
// quotes and dashes in that range.
var cp1252 = [32]rune{
	'€', 0x81, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0x8D, 'Ž', 0x8F,
	0x90, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0x9D, 'ž', 'Ÿ',
}

// DecodeText turns a cable's bytes into text: UTF-8 is taken as it is (a
// byte-order mark dropped); anything else is read as Latin-1 (with the
// Windows-1252 range), the encoding of the cables.csv-style dumps, where
// the pilcrow is the single byte 0xB6, and latin1 says so.
func DecodeText(data []byte) (text string, latin1 bool) {
	s := string(data)
	s = strings.TrimPrefix(s, "\uFEFF")
	if utf8.ValidString(s) {
		return s, false
	}
	var b strings.Builder
	b.Grow(len(data) + len(data)/8)
	for _, c := range data {
		switch {
		case c < 0x80:
			b.WriteByte(c)
		case c < 0xA0:
			b.WriteRune(cp1252[c-0x80])
		default:
			b.WriteRune(rune(c))
		}
	}
	return b.String(), true
}
