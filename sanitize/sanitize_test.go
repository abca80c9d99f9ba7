package sanitize

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		// Clean text passes through.
		{"empty", "", ""},
		{"ascii", "SUBJECT: TFLE01: PRIME MINISTER'S VISIT\n\tREF: A. 09 STATE 1234 (C) ~", "SUBJECT: TFLE01: PRIME MINISTER'S VISIT\n\tREF: A. 09 STATE 1234 (C) ~"},
		{"cjk", "北京大使馆 東京 서울", "北京大使馆 東京 서울"},
		{"emoji", "flag 🇺🇸 family 👨‍👩‍👧 ok 👍🏽", "flag 🇺🇸 family 👨‍👩‍👧 ok 👍🏽"},
		{"latin1 decoded", "café ¶ 3 § naïve £5 ©", "café ¶ 3 § naïve £5 ©"},
		{"replacement char kept", "a\uFFFDb", "a\uFFFDb"},

		// Complete escape sequences are shown whole.
		{"osc title", "\x1b]0;pwned\x07", "␛]0;pwned␇"},
		{"osc 52 clipboard", "\x1b]52;c;SGVsbG8=\x07", "␛]52;c;SGVsbG8=␇"},
		{"osc with ST", "\x1b]2;t\x1b\\x", "␛]2;t␛\\x"},
		{"osc with C1 ST rune", "\x1b]2;t\u009cx", `␛]2;t\u009cx`},
		{"csi clear", "\x1b[2J", "␛[2J"},
		{"csi sgr in text", "a\x1b[1;31mred\x1b[0m b", "a␛[1;31mred␛[0m b"},
		{"dcs", "\x1bP+q\x1b\\", "␛P+q␛\\"},
		{"apc", "\x1b_apc\x1b\\", "␛_apc␛\\"},
		{"pm", "\x1b^pm\x1b\\", "␛^pm␛\\"},
		{"sos", "\x1bXsos\x1b\\", "␛Xsos␛\\"},
		{"esc x reset", "\x1bc", "␛c"},
		{"esc charset", "\x1b(0q", "␛(0q"},
		{"newline inside sequence", "\x1b]0;a\nb\tc\x07\nd", "␛]0;a␊b␉c␇\nd"},
		{"controls inside sequence", "\x1b]0;a\rb\x7f\u0085\u202e\xff\x07", `␛]0;a␍b␡\u0085⟨U+202E⟩` + "\uFFFD␇"},
		{"0x9c inside a rune is not ST", "\x1b]0;✀\x07", "␛]0;✀␇"},

		// Lone, truncated and cancelled sequences.
		{"lone esc at end", "text\x1b", "text␛"},
		{"lone esc", "\x1b", "␛"},
		{"esc esc", "\x1b\x1b[m", "␛␛[m"},
		{"truncated csi", "a\x1b[3", "a␛[3"},
		{"truncated osc keeps layout", "\x1b]0;a\nb", "␛]0;a\nb"},
		{"cancelled osc", "\x1b]0;a\x18b", "␛]0;a␘b"},
		{"csi broken by newline", "\x1b[\n2J", "␛[\n2J"},
		{"dcs bel is data not terminator", "\x1bPq\x07\n", "␛Pq␇\n"},

		// Single characters.
		{"rlo", "\u202e", "⟨U+202E⟩"},
		{"trojan source", "a\u202eb\u2066c\u2069\u200e\u200f\u061c", "a⟨U+202E⟩b⟨U+2066⟩c⟨U+2069⟩⟨U+200E⟩⟨U+200F⟩⟨U+061C⟩"},
		{"c1 csi byte", "\x9b31m", "\uFFFD31m"}, // a raw 0x9b byte is invalid UTF-8
		{"c1 csi rune", "\u009b31m", `\u009b31m`},
		{"c1 nel rune", "a\u0085b", `a\u0085b`},
		{"cr", "a\rb", "a␍b"},
		{"bs", "a\bb", "a␈b"},
		{"ff vt", "\f\v", "␌␋"},
		{"del", "\x7f", "␡"},
		{"nul", "a\x00b", "a␀b"},
		{"invalid ff", "a\xffb", "a\uFFFDb"},
		{"truncated rune", "é\xc3", "é\uFFFD"},
		{"tab newline kept", "a\tb\nc", "a\tb\nc"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Text(tt.in)
			if got != tt.want {
				t.Errorf("Text(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
			checkInert(t, got)
			if has := Has(tt.in); has != (tt.in != tt.want) {
				t.Errorf("Has(%q) = %v", tt.in, has)
			}
		})
	}
}

// checkInert fails if s holds anything a terminal could interpret.
func checkInert(t *testing.T, s string) {
	t.Helper()
	if !utf8.ValidString(s) {
		t.Errorf("output %q is not valid UTF-8", s)
	}
	if strings.IndexByte(s, 0x1b) >= 0 {
		t.Errorf("output %q contains ESC", s)
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 && c != '\n' && c != '\t' || c == 0x7f {
			t.Errorf("output %q contains control byte %#x", s, c)
		}
	}
	for _, r := range s {
		if r >= 0x80 && r <= 0x9f || isBidi(r) {
			t.Errorf("output %q contains %U", s, r)
		}
	}
}

func TestTextCleanDoesNotAllocate(t *testing.T) {
	s := strings.Repeat("UNCLASSIFIED 北京 café\n", 100)
	allocs := testing.AllocsPerRun(100, func() {
		if Text(s) != s {
			t.Fatal("clean text changed")
		}
	})
	if allocs != 0 {
		t.Errorf("Text on clean input: %v allocations, want 0", allocs)
	}
}

func FuzzText(f *testing.F) {
	for _, s := range []string{
		"", "plain", "北京 🇺🇸 é", "\x1b]0;pwned\x07", "\x1b]52;c;SGVsbG8=\x07",
		"\x1b[2J", "\x1bP+q\x1b\\", "\x1b_apc\x1b\\", "x\x1b", "\u202e",
		"\x9b31m", "\u009b31m", "\r\b\x00\x7f", "\xff", "\x1b]0;✀\x07",
		"\x1b]0;a\nb", "\x1b[\n2J", "\x1b\x1b\x1b[", "\x1b]\x1b\\",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Text(s)
		checkInert(t, out)
		if again := Text(out); again != out {
			t.Errorf("not idempotent: Text(%q) = %q, Text of that = %q", s, out, again)
		}
		if Has(out) {
			t.Errorf("Has(Text(%q)) = true", s)
		}
		if !Has(s) && out != s {
			t.Errorf("Has(%q) = false but Text changed it to %q", s, out)
		}
	})
}

// cable returns about 100 KB of text shaped like a cable body.
func cable() string {
	const para = "1. (C) SUMMARY: THE AMBASSADOR MET WITH THE FOREIGN MINISTER ON 12 MAY.\n" +
		"\tTHE MINISTER SAID THE GOVERNMENT WOULD REVIEW ITS POSITION; café, 北京, ¶ 3.\n"
	return strings.Repeat(para, 100*1024/len(para))
}

func hostile() string {
	const para = "1. (C) SUMMARY\x1b]0;pwned\x07 THE \x1b[2J\x1b[1;31mAMBASSADOR\x1b[0m MET\r\b\x00 " +
		"\x1bP+q\x1b\\ \u202eevil\u202c \u009b31m \xff\xfe café 北京 \x1b]52;c;SGVsbG8=\x07\n"
	return strings.Repeat(para, 100*1024/len(para))
}

func BenchmarkTextClean(b *testing.B) {
	s := cable()
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		Text(s)
	}
}

func BenchmarkTextHostile(b *testing.B) {
	s := hostile()
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		Text(s)
	}
}

func TestCount(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want int
	}{
		{"plain text\n\twith tabs", 0},
		{"title \x1b]0;pwned\x07 here", 1},
		{"\x1b[2J\x1b[H", 2},
		{"lone \x1b and \x07 bell", 2},
		{"rtl \u202e and C1 \u009b", 2},
		{"bad \xff\xfe bytes", 2},
	} {
		if got := Count(tt.in); got != tt.want {
			t.Errorf("Count(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

func TestJSON(t *testing.T) {
	for in, want := range map[string]string{
		`{"a":"plain"}`:                   `{"a":"plain"}`,
		"{\"a\":\"x\u202ey\u009b\x7fz\"}": `{"a":"x\u202ey\u009b\u007fz"}`,
		`{"a":"東京 ⟨ok⟩"}`:                 `{"a":"東京 ⟨ok⟩"}`,
	} {
		if got := string(JSON([]byte(in))); got != want {
			t.Errorf("JSON(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLine(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"09TOKYO2531.txt", "09TOKYO2531.txt"},
		{"x\ncablereader: 0 files skipped, all cables verified\n.txt", "x␊cablereader: 0 files skipped, all cables verified␊.txt"},
		{"a\tb\r\nc", "a␉b␍␊c"},
		{"evil\x1b]0;pwned\x07\n", "evil␛]0;pwned␇␊"},
		{"caf\xe9", "caf\uFFFD"},
	} {
		if got := Line(tc.in); got != tc.want {
			t.Errorf("Line(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestField(t *testing.T) {
	for in, want := range map[string]string{
		"THAILAND AND JAPAN":        "THAILAND AND JAPAN",
		"AMEMBASSY\tBRASILIA":       "AMEMBASSY BRASILIA",
		"LULA\r\nAND\nTHE\tPT\rNOW": "LULA AND THE PT NOW",
		"a\x1b[31mred\ttab":         "a␛[31mred tab",
	} {
		if got := Field(in); got != want {
			t.Errorf("Field(%q) = %q, want %q", in, got, want)
		}
	}
	if got := Flat("x\x1b[1m\ty"); got != "x\x1b[1m y" {
		t.Errorf("Flat changed more than the breaks: %q", got)
	}
}
