package typo

import (
	"fmt"
	"strconv"
	"strings"
)

// Blank date parts. A zero day or month means the date is left blank in a
// draft and filled in by hand when the document is registered; the spaces
// keep room for it.
const (
	// longBlank replaces a blank day or month in LongDate. With the
	// surrounding single spaces the neighbouring words end up exactly four
	// spaces apart: "ngày    tháng 6 năm 2021".
	longBlank = "  "
	// shortBlank replaces a blank day or month in ShortDate: "   /6/2021".
	shortBlank = "   "
)

// LongDate writes a date as Decree 30 does in the place-and-date line.
// Days below 10 and months 1 and 2 get a leading zero, the Decree's rule so
// that no digit can be added in front later to change the date; other months
// do not:
//
//	LongDate(2021, 2, 5)   // "ngày 05 tháng 02 năm 2021"
//	LongDate(2020, 5, 18)  // "ngày 18 tháng 5 năm 2020"
//
// A zero day or month is a blank left for the date of registration. It is
// rendered as two spaces, so the words around it end up exactly four spaces
// apart:
//
//	LongDate(2021, 6, 0)   // "ngày    tháng 6 năm 2021"
//	LongDate(2021, 0, 0)   // "ngày    tháng    năm 2021"
//
// LongDate does not validate; see ValidDate.
func LongDate(year, month, day int) string {
	return "ngày " + datePart(day, false, longBlank) +
		" tháng " + datePart(month, true, longBlank) +
		" năm " + strconv.Itoa(year)
}

// ShortDate writes a date in numeric form with the same zero-padding rules
// as LongDate. A zero (blank) day or month becomes three spaces:
//
//	ShortDate(2018, 11, 8)  // "08/11/2018"
//	ShortDate(2020, 5, 15)  // "15/5/2020"
//	ShortDate(2021, 2, 5)   // "05/02/2021"
//	ShortDate(2021, 6, 0)   // "   /6/2021"
//
// ShortDate does not validate; see ValidDate.
func ShortDate(year, month, day int) string {
	return datePart(day, false, shortBlank) + "/" +
		datePart(month, true, shortBlank) + "/" + strconv.Itoa(year)
}

// datePart formats a day (isMonth false) or month, applying the Decree's
// leading-zero rule and blank rendering.
func datePart(v int, isMonth bool, blank string) string {
	switch {
	case v == 0:
		return blank
	case isMonth && (v == 1 || v == 2), !isMonth && v > 0 && v < 10:
		return "0" + strconv.Itoa(v)
	}
	return strconv.Itoa(v)
}

// ValidDate reports whether year, month and day form a real calendar date
// with year in 1945–9999 (the Vietnamese state's documents start in 1945).
// If allowBlank is true, day 0 (blank day) and month 0 with day 0 (blank day
// and month) are accepted; a blank month with a set day is always an error,
// since "ngày 15 tháng    " cannot be completed consistently.
func ValidDate(year, month, day int, allowBlank bool) error {
	if year < 1945 || year > 9999 {
		return fmt.Errorf("typo: year %d out of range 1945–9999", year)
	}
	if month == 0 {
		if !allowBlank {
			return fmt.Errorf("typo: blank month in %04d-%02d-%02d", year, month, day)
		}
		if day != 0 {
			return fmt.Errorf("typo: day %d set but month blank", day)
		}
		return nil
	}
	if month < 1 || month > 12 {
		return fmt.Errorf("typo: month %d out of range 1–12", month)
	}
	if day == 0 && allowBlank {
		return nil
	}
	if n := daysIn(year, month); day < 1 || day > n {
		return fmt.Errorf("typo: day %d out of range 1–%d for %d/%d", day, n, month, year)
	}
	return nil
}

// daysIn returns the number of days in month of year (Gregorian).
func daysIn(year, month int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// DateForms names the ways ParseDate accepts a date, for messages.
const DateForms = "2020-06-30 or 30/6/2020"

// ParseDate is the one rule for dates written by people, in data files,
// rows, flags and document sources: ISO "2020-06-30" or the Vietnamese
// "30/6/2020" ("30/06/2020"). With partial, a draft's date may leave out
// the day, or the month and day ("2021-06", "6/2021", "2022"); they come
// back as 0. Surrounding spaces are ignored. The date is not validated;
// see ValidDate.
func ParseDate(s string, partial bool) (year, month, day int, ok bool) {
	y, m, d, ok := splitDate(strings.TrimSpace(s))
	if !ok {
		return 0, 0, 0, false
	}
	if !partial && (m == "" || d == "") {
		return 0, 0, 0, false
	}
	year, _ = strconv.Atoi(y)
	month, _ = strconv.Atoi(m)
	day, _ = strconv.Atoi(d)
	return year, month, day, true
}

// splitDate splits s, written "2020-06-30" ("2020-6", "2020") or
// "30/6/2020" ("6/2020"), into its year of four digits and its month and
// day of one or two, "" when left out.
func splitDate(s string) (y, m, d string, ok bool) {
	if len(s) >= 4 && allDigits(s[:4]) && (len(s) == 4 || s[4] == '-') {
		y, rest := s[:4], s[4:]
		if rest == "" {
			return y, "", "", true
		}
		m, rest, ok = cutPart(rest[1:], '-')
		if ok && rest != "" {
			d, rest, ok = cutPart(rest, '-')
		}
		if !ok || rest != "" {
			return "", "", "", false
		}
		return y, m, d, true
	}
	parts := strings.Split(s, "/")
	y = parts[len(parts)-1]
	if len(parts) > 3 || len(y) != 4 || !allDigits(y) {
		return "", "", "", false
	}
	for _, p := range parts[:len(parts)-1] {
		if p == "" || len(p) > 2 || !allDigits(p) {
			return "", "", "", false
		}
	}
	switch len(parts) {
	case 2:
		m = parts[0]
	case 3:
		d, m = parts[0], parts[1]
	}
	return y, m, d, true
}

// cutPart cuts the one or two digits s begins with, up to sep or the end,
// and returns what follows sep.
func cutPart(s string, sep byte) (part, rest string, ok bool) {
	n := 0
	for n < len(s) && n < 3 && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	if n == 0 || n > 2 {
		return "", "", false
	}
	if n == len(s) {
		return s, "", true
	}
	if s[n] != sep || n+1 == len(s) {
		return "", "", false
	}
	return s[:n], s[n+1:], true
}
