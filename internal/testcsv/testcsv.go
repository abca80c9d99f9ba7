// Package testcsv writes cables.csv fixtures the way the Cablegate dump has them, for the tests of the archive code.
package testcsv

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"time"

	"cablereader/model"
)

// Row is one record of a cables.csv.
type Row struct {
	Seq          int
	Date         time.Time
	RefID        string
	Origin       string
	Class        string
	Refs         []string
	Header, Body []byte // columns 7 and 8: the routing header and the rest
}

// AppendRow writes r the way the Cablegate dump does: every field in
// double quotes, MySQL backslash escapes, a record per line.
func AppendRow(dst []byte, r Row) []byte {
	date := fmt.Sprintf("%d/%d/%d %d:%02d", r.Date.Month(), r.Date.Day(), r.Date.Year(), r.Date.Hour(), r.Date.Minute())
	fields := [][]byte{[]byte(strconv.Itoa(r.Seq)), []byte(date), []byte(r.RefID), []byte(r.Origin),
		[]byte(r.Class), []byte(strings.Join(r.Refs, "|")), r.Header, r.Body}
	for i, f := range fields {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, '"')
		dst = mysqlEscape(dst, f)
		dst = append(dst, '"')
	}
	return append(dst, '\n')
}

func mysqlEscape(dst, b []byte) []byte {
	for _, c := range b {
		switch c {
		case '\\', '"', '\'', '\n':
			dst = append(dst, '\\')
		}
		dst = append(dst, c)
	}
	return dst
}

// Split cuts a cable's text where a cables.csv row would: the routing
// header (up to the line before the classification banner) goes to column
// 7, the rest to column 8, so that header+"\n"+body is the text again.
// Without an FM line before a banner, all of it is body.
func Split(text []byte) (header, body []byte) {
	seenFM := false
	for start := 0; start < len(text); {
		end := bytes.IndexByte(text[start:], '\n')
		if end < 0 {
			break
		}
		line := bytes.TrimSpace(text[start : start+end])
		if bytes.HasPrefix(line, []byte("TAGS")) || bytes.HasPrefix(line, []byte("SUBJECT")) {
			break // a caption before any banner: no header to split off
		}
		if bytes.HasPrefix(line, []byte("FM ")) {
			seenFM = true
		} else if seenFM && start > 0 && model.StartsLevel(line) {
			return text[:start-1], text[start:]
		}
		start += end + 1
	}
	return nil, text
}

// Date is the date column for a cable: its DTG, or 1 January of the year
// its id starts with when the text has none.
func Date(dtg time.Time, id string) time.Time {
	if !dtg.IsZero() {
		return dtg
	}
	yy, _ := strconv.Atoi(id[:min(2, len(id))])
	year := 2000 + yy
	if yy > 60 {
		year = 1900 + yy
	}
	return time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC)
}
