package coverage

import (
	"fmt"
	"math"
	"math/big"
	"math/bits"
	"strconv"
	"strings"

	"github.com/bhytdoc/bhytdoc/internal/excerpt"
	"github.com/bhytdoc/bhytdoc/internal/typo"
)

// Percent is an exact percentage in ten-thousandths of a percent, so that
// targets such as 89,5% or 92,35% are held without floating point:
// 85% is 85*OnePercent, 89,5% is 89*OnePercent + OnePercent/2.
type Percent int64

// OnePercent is 1%.
const OnePercent Percent = 10_000

// percentDigits is the number of decimals a Percent holds.
const percentDigits = 4

// ParsePercent parses a percentage written with "," or "." as the decimal
// separator and an optional "%": "85", "89,5", "89.5%", "-0,8". A
// percentage never needs thousands grouping, so "." is always a decimal
// point here. At most four decimals; more is an error rather than a
// silent rounding.
func ParsePercent(s string) (Percent, error) {
	v, d, err := parseDecimal(s, percentDigits)
	if err != nil {
		return 0, fmt.Errorf("coverage: percentage %s: %w", excerpt.Quote(s), err)
	}
	return Percent(v * pow10(percentDigits-d)), nil
}

// String formats p with as many decimals as it needs and a "%":
// "85%", "89,5%", "-0,75%".
func (p Percent) String() string { return p.Text() + "%" }

// Float returns p as a number of percent, as template data takes it:
// 89,5% → 89.5.
func (p Percent) Float() float64 { return float64(p) / float64(OnePercent) }

// Text is String without the "%".
func (p Percent) Text() string {
	neg := p < 0
	u := uint64(p)
	if neg {
		u = -u
	}
	ip, fp := u/uint64(OnePercent), u%uint64(OnePercent)
	s := typo.Int(int64(ip))
	if fp != 0 {
		f := strings.TrimRight(fmt.Sprintf("%0*d", percentDigits, fp), "0")
		s += "," + f
	}
	if neg {
		s = "-" + s
	}
	return s
}

// pow10 returns 10^n for 0 ≤ n ≤ 18.
func pow10(n int) int64 {
	p := int64(1)
	for range n {
		p *= 10
	}
	return p
}

// parseDecimal parses an optionally signed decimal with "," or "." as the
// decimal separator, an optional trailing "%" and no grouping. It returns
// the digits as an integer and the number of decimals written.
func parseDecimal(s string, maxDec int) (int64, int, error) {
	t := strings.TrimSpace(s)
	t = strings.TrimSpace(strings.TrimSuffix(t, "%"))
	neg := false
	if t != "" && (t[0] == '-' || t[0] == '+') {
		neg = t[0] == '-'
		t = t[1:]
	}
	ip, fp, hasFrac := strings.Cut(strings.Replace(t, ",", ".", 1), ".")
	if !allDigits(ip) || (hasFrac && !allDigits(fp)) {
		return 0, 0, strconv.ErrSyntax
	}
	if len(fp) > maxDec {
		return 0, 0, fmt.Errorf("more than %d decimals", maxDec)
	}
	v, err := strconv.ParseInt(ip+fp, 10, 64)
	if err != nil || len(ip)+len(fp) > 17 {
		return 0, 0, strconv.ErrRange
	}
	if neg {
		v = -v
	}
	return v, len(fp), nil
}

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

// MaxPrecision is the largest number of decimals a rate is shown with.
const MaxPrecision = 9

// Rate is an exact coverage rate, Num/Den as a fraction of one (shown as
// a percentage). Rates are derived from counts, never typed in, so they
// are kept as the two counts and rounded only for display.
type Rate struct {
	Num, Den int64
}

// RateOf returns the rate of f: participants over population.
func RateOf(f Figures) Rate { return Rate{f.Participants, f.Population} }

// Defined reports whether r has a positive denominator and a non-negative
// numerator.
func (r Rate) Defined() bool { return r.Den > 0 && r.Num >= 0 }

// Scaled returns the percentage rounded to prec decimals, as an integer
// count of 10^-prec percent: 98,837…% at prec 1 is 988. Rounding is half
// away from zero on the exact value, as typo.Decimal rounds. ok is false
// when r is not Defined.
func (r Rate) Scaled(prec int) (v int64, ok bool) {
	if !r.Defined() {
		return 0, false
	}
	prec = min(max(prec, 0), MaxPrecision)
	scale := uint64(100 * pow10(prec))
	hi, lo := bits.Mul64(uint64(r.Num), scale)
	den := uint64(r.Den)
	if hi >= den { // the quotient needs more than 64 bits
		return 0, false
	}
	q, rem := bits.Div64(hi, lo, den)
	if q >= math.MaxInt64 {
		return 0, false
	}
	if rem >= den-rem { // 2·rem ≥ den without overflow: ties round up
		q++
	}
	return int64(q), true
}

// Text returns the percentage with prec decimals and no "%", the way an
// annex cell under "Tỷ lệ (%)" shows it: "98,8". An undefined rate (zero
// population) gives "".
func (r Rate) Text(prec int) string {
	v, ok := r.Scaled(prec)
	if !ok {
		return ""
	}
	return scaledText(v, min(max(prec, 0), MaxPrecision))
}

// Percent is Text followed by "%", as letters write rates: "78,11%".
func (r Rate) Percent(prec int) string {
	if t := r.Text(prec); t != "" {
		return t + "%"
	}
	return ""
}

// Float returns the percentage as the float64 nearest to the exact value
// (one rounding), or NaN when r is not Defined.
func (r Rate) Float() float64 {
	if !r.Defined() {
		return math.NaN()
	}
	if r.Num <= 1<<53/100 && r.Den <= 1<<53 {
		return float64(r.Num*100) / float64(r.Den) // both exact: one rounding
	}
	f, _ := new(big.Rat).SetFrac(big.NewInt(r.Num), big.NewInt(r.Den)).Float64()
	return f * 100
}

// AtLeast reports whether r ≥ p exactly.
func (r Rate) AtLeast(p Percent) bool {
	if !r.Defined() {
		return false
	}
	if p <= 0 {
		return true
	}
	// Num/Den ≥ p/(100·OnePercent)  ⇔  Num·100·OnePercent ≥ p·Den.
	ah, al := bits.Mul64(uint64(r.Num), uint64(100*OnePercent))
	bh, bl := bits.Mul64(uint64(p), uint64(r.Den))
	return ah > bh || (ah == bh && al >= bl)
}

// scaledText formats v·10^-prec the Vietnamese way: "1.234,5".
func scaledText(v int64, prec int) string {
	var buf [48]byte
	return string(appendScaled(buf[:0], v, prec))
}

// appendScaled appends scaledText(v, prec).
func appendScaled(b []byte, v int64, prec int) []byte {
	u := uint64(v)
	if v < 0 {
		u = -u
		b = append(b, '-')
	}
	p := uint64(pow10(prec))
	b = typo.AppendUint(b, u/p)
	if prec > 0 {
		b = append(b, ',')
		var d [20]byte
		ds := strconv.AppendUint(d[:0], u%p, 10)
		for range prec - len(ds) {
			b = append(b, '0')
		}
		b = append(b, ds...)
	}
	return b
}
