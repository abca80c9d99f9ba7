package parser

import (
	"strconv"
	"strings"
	"time"
)

var months = map[string]time.Month{
	"JAN": time.January, "FEB": time.February, "MAR": time.March, "APR": time.April,
	"MAY": time.May, "JUN": time.June, "JUL": time.July, "AUG": time.August,
	"SEP": time.September, "OCT": time.October, "NOV": time.November, "DEC": time.December,
}

// fullYear widens a two-digit year: cables run from 1966 to 2010, so
// 66–99 are 19xx and the rest 20xx.
func fullYear(yy int) int {
	if yy >= 100 {
		return yy
	}
	if yy >= 66 {
		return 1900 + yy
	}
	return 2000 + yy
}

// dtgTime reads a date-time group (DD HH MM Z MON YY) as UTC.
func dtgTime(dd, hh, mm, mon, yy string) (time.Time, bool) {
	d, _ := strconv.Atoi(dd)
	h, _ := strconv.Atoi(hh)
	mi, _ := strconv.Atoi(mm)
	y, _ := strconv.Atoi(yy)
	month, ok := months[strings.ToUpper(mon)]
	if !ok || d < 1 || d > 31 || h > 24 || mi > 59 {
		return time.Time{}, false
	}
	t := time.Date(fullYear(y), month, d, h, mi, 0, 0, time.UTC)
	if t.Month() != month && h < 24 {
		return time.Time{}, false
	}
	return t, true
}

// declISO turns a DECL date (11/02/2019, 3/13/18) into 2019-11-02.
func declISO(m, d, y string) (string, bool) {
	mo, _ := strconv.Atoi(m)
	da, _ := strconv.Atoi(d)
	yr, _ := strconv.Atoi(y)
	if len(y) == 2 {
		yr = fullYear(yr)
	}
	if mo < 1 || mo > 12 || da < 1 || da > 31 || yr < 1900 || yr > 2100 {
		return "", false
	}
	t := time.Date(yr, time.Month(mo), da, 0, 0, 0, 0, time.UTC)
	if t.Day() != da {
		return "", false
	}
	return t.Format("2006-01-02"), true
}
