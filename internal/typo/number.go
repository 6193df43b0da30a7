package typo

import (
	"math"
	"strconv"
	"strings"
)

// Int formats n the Vietnamese way, with "." as the thousands separator:
// 102233 → "102.233", -1234567 → "-1.234.567".
func Int(n int64) string {
	var buf [32]byte
	return string(AppendInt(buf[:0], n))
}

// AppendInt appends Int(n) to b, for writers that print many numbers
// (an annex of 100.000 units prints a million) without a string each.
func AppendInt(b []byte, n int64) []byte {
	u := uint64(n)
	if n < 0 {
		b = append(b, '-')
		u = -u
	}
	return AppendUint(b, u)
}

// AppendUint appends u with "." between groups of three digits.
func AppendUint(b []byte, u uint64) []byte {
	var d [20]byte
	return appendGrouped(b, strconv.AppendUint(d[:0], u, 10))
}

// appendGrouped appends the unsigned decimal digit string d with "."
// between groups of three digits.
func appendGrouped(b, d []byte) []byte {
	head := len(d) % 3
	if head == 0 {
		head = 3
	}
	b = append(b, d[:min(head, len(d))]...)
	for i := head; i < len(d); i += 3 {
		b = append(b, '.')
		b = append(b, d[i:i+3]...)
	}
	return b
}

// Decimal formats x with exactly prec digits after the decimal comma and
// "." between thousands: (1234.5, 1) → "1.234,5". prec <= 0 gives an integer
// like Int.
//
// Rounding is half away from zero, applied to the shortest decimal that
// round-trips to x (strconv's 'f', -1), not to the exact binary value. So
// values behave as they were written in the source data: Decimal(0.05, 1) and
// Decimal(0.15, 1) give "0,1" and "0,2", Decimal(2.675, 2) gives "2,68" and
// Decimal(2.5, 0) gives "3", even though 0.15 and 2.675 are stored slightly
// below the tie. Trailing zeros are padded from that decimal too, so
// Decimal(0.1, 20) is "0,10000000000000000000". A result that rounds to zero
// has no minus sign (Decimal(-0.04, 1) → "0,0"). NaN and infinities are
// returned as strconv spells them ("NaN", "+Inf", "-Inf").
func Decimal(x float64, prec int) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	if prec < 0 {
		prec = 0
	}
	ip, fp, _ := strings.Cut(strconv.FormatFloat(math.Abs(x), 'f', -1, 64), ".")
	point := len(ip)
	keep := point + prec
	digits := make([]byte, 0, keep+1)
	digits = append(digits, ip...)
	digits = append(digits, fp...)
	if len(digits) > keep {
		up := digits[keep] >= '5' // first dropped digit decides: ties go up, i.e. away from zero
		digits = digits[:keep]
		if up {
			i := keep - 1
			for ; i >= 0 && digits[i] == '9'; i-- {
				digits[i] = '0'
			}
			if i >= 0 {
				digits[i]++
			} else {
				digits = append([]byte{'1'}, digits...)
				point++
			}
		}
	}
	for len(digits) < keep {
		digits = append(digits, '0')
	}
	var b strings.Builder
	b.Grow(len(digits) + len(digits)/3 + 2)
	if x < 0 && strings.Trim(string(digits), "0") != "" {
		b.WriteByte('-')
	}
	b.Write(appendGrouped(nil, digits[:point]))
	if prec > 0 {
		b.WriteByte(',')
		b.Write(digits[point:])
	}
	return b.String()
}

// Percent is Decimal followed by "%" with no space, as Vietnamese reports
// write it: (78.11, 2) → "78,11%". x is already a percentage (78.11, not
// 0.7811).
func Percent(x float64, prec int) string {
	return Decimal(x, prec) + "%"
}

// ParseNumber parses a number written the Vietnamese way: "10.125" → 10125,
// "98,8" → 98.8, "1.234,5" → 1234.5, or plain digits "10125". An optional
// leading sign and surrounding white space are allowed.
//
// Because "." means thousands, a dotted number must have groups of exactly
// three digits after a first group of one to three digits that does not
// start with 0; so English-style "1.23" or "0.5" is rejected as ambiguous
// instead of being misread as 123 or 5. At most one "," may appear and it
// must have digits on both sides. Errors are *strconv.NumError wrapping
// strconv.ErrSyntax or strconv.ErrRange; the value is then 0.
func ParseNumber(s string) (float64, error) {
	plain, ok := canonical(s, true)
	if !ok {
		return 0, syntaxError("ParseNumber", s)
	}
	f, err := strconv.ParseFloat(plain, 64)
	if err != nil {
		return 0, &strconv.NumError{Func: "ParseNumber", Num: s, Err: err.(*strconv.NumError).Err}
	}
	return f, nil
}

// ParseInt is ParseNumber for integers: it accepts the same thousands
// grouping but rejects any decimal part, even ",0", so a stray decimal in a
// count is reported rather than truncated.
func ParseInt(s string) (int64, error) {
	plain, ok := canonical(s, false)
	if !ok {
		return 0, syntaxError("ParseInt", s)
	}
	n, err := strconv.ParseInt(plain, 10, 64)
	if err != nil {
		return 0, &strconv.NumError{Func: "ParseInt", Num: s, Err: err.(*strconv.NumError).Err}
	}
	return n, nil
}

func syntaxError(fn, s string) error {
	return &strconv.NumError{Func: fn, Num: s, Err: strconv.ErrSyntax}
}

// canonical validates a Vietnamese-formatted number and rewrites it in the
// form strconv expects (no grouping, "." as decimal point).
func canonical(s string, allowFrac bool) (string, bool) {
	t := strings.TrimSpace(s)
	var b strings.Builder
	b.Grow(len(t))
	if t != "" && (t[0] == '-' || t[0] == '+') {
		b.WriteByte(t[0])
		t = t[1:]
	}
	ip, fp, hasFrac := strings.Cut(t, ",")
	if hasFrac && (!allowFrac || !allDigits(fp)) {
		return "", false
	}
	if strings.IndexByte(ip, '.') < 0 {
		if !allDigits(ip) {
			return "", false
		}
		b.WriteString(ip)
	} else {
		first, rest, _ := strings.Cut(ip, ".")
		if len(first) > 3 || !allDigits(first) || first[0] == '0' {
			return "", false
		}
		b.WriteString(first)
		for rest != "" {
			var g string
			g, rest, _ = strings.Cut(rest, ".")
			if len(g) != 3 || !allDigits(g) {
				return "", false
			}
			b.WriteString(g)
		}
		if strings.HasSuffix(ip, ".") {
			return "", false
		}
	}
	if hasFrac {
		b.WriteByte('.')
		b.WriteString(fp)
	}
	return b.String(), true
}

// allDigits reports whether s is non-empty and all ASCII digits.
func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
