// bhytdoc: this whole file is a bhytdoc addition to the fpdf fork (patch
// 19, see README.md).

package fpdf

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
)

// TestAppendFixed checks that appendFixed gives strconv's bytes: random
// page coordinates, values on and near rounding ties, tiny negatives,
// integers, huge values and NaN.
func TestAppendFixed(t *testing.T) {
	vals := []float64{0, math.Copysign(0, -1), 0.125, 1.005, 2.675, -2.675, 0.0005, -0.0005, 0.0049, -0.0049,
		-0.004, 841.89, 595.28, 1e8, -1e8, 1e20, math.Inf(1), math.NaN(), 12.345, 12.3455, -7.0001}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 200000 {
		v := (rng.Float64() - 0.3) * 1000
		vals = append(vals, v, math.Round(v*1000)/1000, math.Round(v*200)/200, (math.Round(v*2000)+1)/2000, float64(rng.IntN(2000))/8-50)
	}
	for _, v := range vals {
		for _, prec := range []int{2, 3} {
			want := strconv.AppendFloat(nil, v, 'f', prec, 64)
			if got := appendFixed(nil, v, prec); string(got) != string(want) {
				t.Fatalf("appendFixed(%v, %d) = %s, want %s", v, prec, got, want)
			}
		}
	}
}

func BenchmarkAppendFixed(b *testing.B) {
	buf := make([]byte, 0, 32)
	for b.Loop() {
		buf = appendFixed(buf[:0], 123.456789, 2)
		buf = appendFixed(buf[:0], -4.1234, 3)
	}
}

func BenchmarkAppendFloatStrconv(b *testing.B) {
	buf := make([]byte, 0, 32)
	for b.Loop() {
		buf = strconv.AppendFloat(buf[:0], 123.456789, 'f', 2, 64)
		buf = strconv.AppendFloat(buf[:0], -4.1234, 'f', 3, 64)
	}
}

// TestSubsetKeyBitsets checks subsetKey's bitset path against the sorted
// one on random used-rune maps (values 0 or the rune, as fpdf writes).
func TestSubsetKeyBitsets(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for i := range 2000 {
		m := makeSubsetRange(57)
		for range rng.IntN(300) {
			r := rng.IntN(0x10000)
			if rng.IntN(4) == 0 {
				r = rng.IntN(0x300)
			}
			m[r] = r
		}
		if i%7 == 0 {
			m[rng.IntN(0x300)] = 1 // not a value fpdf writes: no key
		}
		for _, compact := range []bool{false, true} {
			k1, ok1 := subsetKey(m, compact)
			k2, ok2 := subsetKeySorted(m, compact)
			if k1 != k2 || ok1 != ok2 {
				t.Fatalf("map %d: subsetKey = %q, %v; sorted = %q, %v", i, k1, ok1, k2, ok2)
			}
		}
	}
}

// TestAppendTextUTF16 checks appendTextUTF16 against appendEscapedUTF16
// followed by useRunes, bytes and used runes, on text with escapes,
// Vietnamese, runes beyond the BMP and invalid bytes.
func TestAppendTextUTF16(t *testing.T) {
	pieces := []string{"a", " ", "(", ")", "\\", "\r", "Ủy", "ban", "–", "…", "中", "😀", "\xff", "\xc3", "ĩ", "ŀ", "\u2028"}
	rng := rand.New(rand.NewPCG(7, 8))
	newFont := func() *fontDefType {
		return &fontDefType{usedRunes: map[int]int{}, usedLow: new(lowRuneSet)}
	}
	f := &Fpdf{}
	for range 20000 {
		s := ""
		for range rng.IntN(10) {
			s += pieces[rng.IntN(len(pieces))]
		}
		s += "xx" // appendUTF16 reads past a broken sequence
		f1, f2 := newFont(), newFont()
		got := f.appendTextUTF16([]byte("q"), s, f1)
		want := f.appendEscapedUTF16([]byte("q"), s)
		f2.useRunes(s)
		if string(got) != string(want) || len(f1.usedRunes) != len(f2.usedRunes) {
			t.Fatalf("appendTextUTF16(%q) = %q, %v; want %q, %v", s, got, f1.usedRunes, want, f2.usedRunes)
		}
		for r := range f2.usedRunes {
			if _, ok := f1.usedRunes[r]; !ok {
				t.Fatalf("appendTextUTF16(%q) did not record %U", s, r)
			}
		}
	}
}
