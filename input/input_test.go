package input

import (
	"bytes"
	"errors"
	"os"
	"testing"
)

// Decode is the one door: every input passes the same checks and is
// taken for what its content is, whatever its name.
func TestDecode(t *testing.T) {
	sample, err := os.ReadFile("../testdata/09TOKYO2531.txt")
	if err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile("../testdata/cables/html/86MADRID5480.html")
	if err != nil {
		t.Fatal(err)
	}
	pageText, err := os.ReadFile("../testdata/cables/86MADRID5480.txt")
	if err != nil {
		t.Fatal(err)
	}
	lateNUL := append(bytes.Repeat([]byte("UNCLAS "), 2000), 0)
	for _, tc := range []struct {
		name   string
		data   []byte
		lim    Limits
		want   []byte
		format Format
		err    error
	}{
		{"text", sample, Limits{}, sample, Text, nil},
		{"page", page, Limits{}, bytes.TrimSpace(pageText), Page, nil},
		{"empty", nil, Limits{}, nil, "", ErrEmpty},
		{"blank", []byte(" \r\n\t\n"), Limits{}, nil, "", ErrEmpty},
		{"NUL in the first 8 KiB", []byte("UNCLAS\x00\x01"), Limits{}, nil, "", ErrBinary},
		{"NUL read anyway", []byte("UNCLAS\x00\x01"), Limits{Force: true}, []byte("UNCLAS\x00\x01"), Text, nil},
		{"NUL after 8 KiB", lateNUL, Limits{}, lateNUL, Text, nil},
		{"over the limit", sample, Limits{MaxSize: 100}, nil, "", &TooLargeError{100}},
		{"at the limit", sample[:100], Limits{MaxSize: 100}, sample[:100], Text, nil},
		{"page without <pre>", []byte("<!DOCTYPE html><html><body>x</body></html>"), Limits{}, nil, Page, ErrNoCable},
		{"page with empty <pre>", []byte("<html><pre>\n  </pre></html>"), Limits{}, nil, Page, ErrNoCable},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, format, err := Decode(tc.data, tc.lim)
			if tl := (*TooLargeError)(nil); errors.As(tc.err, &tl) {
				var gl *TooLargeError
				if !errors.As(err, &gl) || gl.Limit != tl.Limit {
					t.Fatalf("err %v, want %v", err, tc.err)
				}
			} else if err != tc.err {
				t.Fatalf("err %v, want %v", err, tc.err)
			}
			if format != tc.format || !bytes.Equal(bytes.TrimSpace(got), bytes.TrimSpace(tc.want)) {
				t.Errorf("format %q, %d bytes; want %q, %d bytes", format, len(got), tc.format, len(tc.want))
			}
			// Read gives what Decode gives, and stops reading past the limit.
			rgot, rformat, rerr := Read(bytes.NewReader(tc.data), tc.lim)
			if !bytes.Equal(rgot, got) || rformat != format || (rerr == nil) != (err == nil) {
				t.Errorf("Read: %d bytes, %q, %v", len(rgot), rformat, rerr)
			}
		})
	}
	if got := (&TooLargeError{256 << 20}).Error(); got != "larger than 256 MiB" {
		t.Errorf("TooLargeError says %q", got)
	}
}

func TestByName(t *testing.T) {
	for name, want := range map[string]Format{
		"09TOKYO2531.txt": Text, "a/B.TXT": Text, "page.html": Page, "PAGE.HTM": Page,
		"cables.csv": "", "notes.md": "", "logo.png": "", "README": "",
	} {
		if got := ByName(name); got != want {
			t.Errorf("ByName(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestFormatSize(t *testing.T) {
	for n, want := range map[int64]string{100: "100 bytes", 2048: "2 KiB", 256 << 20: "256 MiB", 1 << 40: "1024 GiB", 1025: "1025 bytes"} {
		if got := FormatSize(n); got != want {
			t.Errorf("FormatSize(%d) = %q, want %q", n, got, want)
		}
	}
}
