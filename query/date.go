package query

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

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
