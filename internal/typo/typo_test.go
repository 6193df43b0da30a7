package typo

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// paragraph is a ~500-character NFC passage in traditional tone style, used
// by benchmarks and allocation tests.
const paragraph = "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; " +
	"Ủy ban nhân dân quận Cái Răng báo cáo kết quả thực hiện chính sách bảo hiểm y tế năm 2021. " +
	"Tỷ lệ bao phủ đạt 92,5%, cao hơn cùng kỳ; công tác chăm sóc sức khỏe ban đầu được chú trọng, " +
	"hệ thống y tế cơ sở được củng cố và hoàn thiện. Ủy ban đề nghị Sở Y tế, Bảo hiểm xã hội " +
	"thành phố phối hợp tuyên truyền, vận động người dân tham gia; đồng thời thực hiện thủ tục " +
	"thanh toán chi phí khám bệnh, chữa bệnh kịp thời, đúng quy định của pháp luật về bảo hiểm " +
	"y tế và hòa giải ở cơ sở. CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM, Thúy, Thùy, Quý, Huỳnh."

// paragraphModern is paragraph with every oa/oe/uy tone in modern style.
var paragraphModern = strings.NewReplacer(
	"Ủy", "Uỷ", "khỏe", "khoẻ", "hòa", "hoà", "HÒA", "HOÀ", "Thúy", "Thuý", "Thùy", "Thuỳ",
).Replace(paragraph)

func TestClean(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"ascii", "Quyet dinh", "Quyet dinh"},
		{"nfc", "Ủy ban nhân dân", "Ủy ban nhân dân"},
		{"nfd", norm.NFD.String("Ủy ban nhân dân"), "Ủy ban nhân dân"},
		{"explicit marks", "U\u0309y ban", "Ủy ban"},
		{"stacked marks", "Ngu\u031Bo\u031B\u0300i", "Người"},
		{"replacement char is valid", "a\uFFFDb", "a\uFFFDb"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Clean(tt.in)
			if err != nil {
				t.Fatalf("Clean(%q) error: %v", tt.in, err)
			}
			if got != tt.want {
				t.Errorf("Clean(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestCleanInvalid(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		offset int
	}{
		{"first byte", "\xff", 0},
		{"ascii then bad", "abc\xffdef", 3},
		{"after multibyte", "Ủy ban nhân\x80dân", len("Ủy ban nhân")},
		{"truncated at end", "Hà Nội\xe1\xbb", len("Hà Nội")},
		{"overlong", "a\xc0\xafb", 1},
		{"surrogate", "ab\xed\xa0\x80", 2},
		{"first of two", "x\xffy\xfe", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Clean(tt.in)
			if got != "" {
				t.Errorf("Clean(%q) = %q, want \"\" on error", tt.in, got)
			}
			var ie *InvalidUTF8Error
			if !errors.As(fmt.Errorf("wrapped: %w", err), &ie) {
				t.Fatalf("Clean(%q) error = %v, want *InvalidUTF8Error", tt.in, err)
			}
			if ie.Offset != tt.offset {
				t.Errorf("Clean(%q) offset = %d, want %d", tt.in, ie.Offset, tt.offset)
			}
		})
	}
	if got := (&InvalidUTF8Error{Offset: 12}).Error(); got != "invalid UTF-8 at byte 12" {
		t.Errorf("Error() = %q", got)
	}
}

func TestTone(t *testing.T) {
	const (
		trad = ToneTraditional
		mod  = ToneModern
		asis = ToneAsIs
	)
	tests := []struct {
		in    string
		style ToneStyle
		want  string
	}{
		// Modern → traditional, every diphthong and tone.
		{"hoà", trad, "hòa"},
		{"hoá", trad, "hóa"},
		{"hoả", trad, "hỏa"},
		{"hoã", trad, "hõa"},
		{"hoạ", trad, "họa"},
		{"khoẻ", trad, "khỏe"},
		{"khoè", trad, "khòe"},
		{"loé", trad, "lóe"},
		{"thuý", trad, "thúy"},
		{"thuỳ", trad, "thùy"},
		{"luỹ", trad, "lũy"},
		{"nguỵ", trad, "ngụy"},
		{"uỷ", trad, "ủy"},
		{"oà", trad, "òa"},
		{"đoá", trad, "đóa"},
		{"nghoè", trad, "nghòe"},
		// Traditional → modern.
		{"hòa", mod, "hoà"},
		{"khỏe", mod, "khoẻ"},
		{"thúy", mod, "thuý"},
		{"thùy", mod, "thuỳ"},
		{"lũy", mod, "luỹ"},
		{"ủy", mod, "uỷ"},
		{"òa", mod, "oà"},
		{"Đóa", mod, "Đoá"},
		// Ủy / Uỷ both ways, all styles, all cases.
		{"Ủy ban", trad, "Ủy ban"},
		{"Ủy ban", mod, "Uỷ ban"},
		{"Ủy ban", asis, "Ủy ban"},
		{"Uỷ ban", trad, "Ủy ban"},
		{"Uỷ ban", mod, "Uỷ ban"},
		{"Uỷ ban", asis, "Uỷ ban"},
		{"ỦY BAN", mod, "UỶ BAN"},
		{"UỶ BAN", trad, "ỦY BAN"},
		{"uỶ", trad, "ủY"},
		// Upper and mixed case.
		{"CỘNG HOÀ", trad, "CỘNG HÒA"},
		{"CỘNG HÒA", mod, "CỘNG HOÀ"},
		{"Hoà", trad, "Hòa"},
		{"hOÀ", trad, "hÒA"},
		{"HoÀ", trad, "HòA"},
		{"THUÝ", trad, "THÚY"},
		{"THÚY", mod, "THUÝ"},
		{"KHOẺ", trad, "KHỎE"},
		{"ĐOÁ", trad, "ĐÓA"},
		{"NGUỴ", trad, "NGỤY"},
		// Byte length changes (ù is 2 bytes, ỳ is 3) inside longer text.
		{"Thuỳ, Uỹ và hoà.", trad, "Thùy, Ũy và hòa."},
		{"Thùy, Ũy và hòa.", mod, "Thuỳ, Uỹ và hoà."},
		// Boundaries: punctuation, start and end of string.
		{"(hoà),khoẻ;thuý", trad, "(hòa),khỏe;thúy"},
		{"hoà-bình", trad, "hòa-bình"},
		{"hoà\u00a0bình", trad, "hòa\u00a0bình"},
		{"Sở Y tế", trad, "Sở Y tế"},
		// NFD input gives NFC output.
		{"U\u0309y", trad, "Ủy"},
		{"U\u0309y", mod, "Uỷ"},
		{"U\u0309y", asis, "Ủy"},
		{"Uy\u0309", trad, "Ủy"},
		{"ho\u0300a", mod, "hoà"},
		{"ho\u0300a", trad, "hòa"},
		{norm.NFD.String("CỘNG HOÀ XÃ HỘI"), trad, "CỘNG HÒA XÃ HỘI"},
		{norm.NFD.String("Uỷ ban nhân dân tỉnh Khánh Hoà"), trad, "Ủy ban nhân dân tỉnh Khánh Hòa"},
		{norm.NFD.String("hoàng quý khuyến"), mod, "hoàng quý khuyến"},
		// Other style values behave like ToneAsIs.
		{"hoà", ToneStyle(42), "hoà"},
		{"hòa", ToneStyle(-1), "hòa"},
	}
	for _, tt := range tests {
		got := Tone(tt.in, tt.style)
		if got != tt.want {
			t.Errorf("Tone(%q, %d) = %q, want %q", tt.in, tt.style, got, tt.want)
		}
		if !norm.NFC.IsNormalString(got) {
			t.Errorf("Tone(%q, %d) = %q is not NFC", tt.in, tt.style, got)
		}
	}
}

// TestToneUnchanged lists syllables that must never change under any style:
// final consonants, third vowels, qu-, gi-, untoned, or not Vietnamese.
func TestToneUnchanged(t *testing.T) {
	words := []string{
		"hoàng", "Hoàng", "HOÀNG", "toàn", "khoáng", "hoặc", "xoắn",
		"quý", "quỳ", "Quý", "QUÝ", "quỷ", "quà", "quả", "quyết", "quyền",
		"khuyến", "thuyền", "Nguyễn", "nguyện", "huỳnh", "Huỳnh", "HUỲNH",
		"ngoài", "Ngoài", "khoái", "toại", "hoáy", "khuya", "khuỷu", "khuỵu", "ngoẹo",
		"thuở", "thuộc", "của", "mua", "tuổi", "giữa", "già", "gió", "giày", "gìn",
		"hoa", "khoe", "thuy", "uy", "oe", "y", "ý", "ủ",
		"Zoé", "Joá", "Wuý", "x2oà", "oà2", "hoàa", "hòà",
		"a", "", "123", "ủy\u0334", "hoà\u0334",
	}
	for _, w := range words {
		for _, st := range []ToneStyle{ToneTraditional, ToneModern, ToneAsIs} {
			if got := Tone(w, st); got != w {
				t.Errorf("Tone(%q, %d) = %q, want unchanged", w, st, got)
			}
		}
	}
	if got := Tone(paragraph, ToneTraditional); got != paragraph {
		t.Errorf("Tone(paragraph, Traditional) changed it:\n%s", got)
	}
	if got := Tone(paragraphModern, ToneModern); got != paragraphModern {
		t.Errorf("Tone(paragraphModern, Modern) changed it:\n%s", got)
	}
}

func TestToneParagraph(t *testing.T) {
	if got := Tone(paragraphModern, ToneTraditional); got != paragraph {
		t.Errorf("modern → traditional:\n got %s\nwant %s", got, paragraph)
	}
	if got := Tone(paragraph, ToneModern); got != paragraphModern {
		t.Errorf("traditional → modern:\n got %s\nwant %s", got, paragraphModern)
	}
	if got := Tone(norm.NFD.String(paragraphModern), ToneTraditional); got != paragraph {
		t.Errorf("NFD modern → traditional:\n got %s\nwant %s", got, paragraph)
	}
}

func TestNoAllocsWhenUnchanged(t *testing.T) {
	if n := testing.AllocsPerRun(100, func() { _ = Tone(paragraph, ToneTraditional) }); n != 0 {
		t.Errorf("Tone on unchanged NFC text: %v allocs, want 0", n)
	}
	if n := testing.AllocsPerRun(100, func() { _, _ = Clean(paragraph) }); n != 0 {
		t.Errorf("Clean on NFC text: %v allocs, want 0", n)
	}
	if n := testing.AllocsPerRun(100, func() { _ = Tone(paragraphModern, ToneTraditional) }); n > 1 {
		t.Errorf("Tone with changes on NFC text: %v allocs, want ≤ 1", n)
	}
}

func TestUpper(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Ủy ban nhân dân quận Cái Răng", "ỦY BAN NHÂN DÂN QUẬN CÁI RĂNG"},
		{"đ", "Đ"},
		{"cộng hòa xã hội chủ nghĩa việt nam", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"},
		{"độc lập - tự do - hạnh phúc", "ĐỘC LẬP - TỰ DO - HẠNH PHÚC"},
		{"uỷ ban", "UỶ BAN"}, // placement kept
		{"ươn ướt ượt ửa ữa", "ƯƠN ƯỚT ƯỢT ỬA ỮA"},
		{"kiểm tra", "KIỂM TRA"}, // plain I, not Turkish İ
		{norm.NFD.String("Ủy ban nhân dân"), "ỦY BAN NHÂN DÂN"},
		{"ho\u0300a", "HÒA"},
		{"ĐÃ VIẾT HOA", "ĐÃ VIẾT HOA"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Upper(tt.in); got != tt.want {
			t.Errorf("Upper(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestInt(t *testing.T) {
	tests := []struct {
		in   int64
		want string
	}{
		{0, "0"},
		{7, "7"},
		{-7, "-7"},
		{999, "999"},
		{-999, "-999"},
		{1000, "1.000"},
		{-1000, "-1.000"},
		{10125, "10.125"},
		{100000, "100.000"},
		{102233, "102.233"},
		{-1234567, "-1.234.567"},
		{1000000000, "1.000.000.000"},
		{math.MaxInt64, "9.223.372.036.854.775.807"},
		{math.MinInt64, "-9.223.372.036.854.775.808"},
	}
	for _, tt := range tests {
		if got := Int(tt.in); got != tt.want {
			t.Errorf("Int(%d) = %q, want %q", tt.in, got, tt.want)
		}
		if got := string(AppendInt([]byte("x="), tt.in)); got != "x="+tt.want {
			t.Errorf("AppendInt(x=, %d) = %q, want %q", tt.in, got, "x="+tt.want)
		}
	}
	// Against strconv's digits with a dot before every third from the right.
	for i := int64(1); i < 1e17; i = i*7 + 3 {
		for _, n := range []int64{i, -i} {
			d := strconv.FormatInt(n, 10)
			var want []byte
			for k, c := range []byte(d) {
				if k > 0 && c != '-' && d[k-1] != '-' && (len(d)-k)%3 == 0 {
					want = append(want, '.')
				}
				want = append(want, c)
			}
			if got := Int(n); got != string(want) {
				t.Errorf("Int(%d) = %q, want %q", n, got, want)
			}
		}
	}
}

func TestDecimal(t *testing.T) {
	tests := []struct {
		x    float64
		prec int
		want string
	}{
		{98.8, 1, "98,8"},
		{78.1149, 2, "78,11"},
		{1234.5, 1, "1.234,5"},
		{1234.5, 0, "1.235"},
		{1234.4, 0, "1.234"},
		{-1234.56, 1, "-1.234,6"},
		{0, 2, "0,00"},
		{math.Copysign(0, -1), 1, "0,0"},
		{-0.04, 1, "0,0"},
		{5, 3, "5,000"},
		{102233, 0, "102.233"},
		{-1234567, 0, "-1.234.567"},
		{1e21, 0, "1.000.000.000.000.000.000.000"},
		{1e21, 1, "1.000.000.000.000.000.000.000,0"},
		{5e-324, 2, "0,00"},
		{1.0 / 3, 4, "0,3333"},
		{2.0 / 3, 2, "0,67"},
		{0.1 + 0.2, 2, "0,30"},
		{0.1, 20, "0,10000000000000000000"},
		{1234.5, -1, "1.235"},
		// Half away from zero on the shortest decimal representation.
		{0.05, 1, "0,1"},
		{-0.05, 1, "-0,1"},
		{0.15, 1, "0,2"},   // stored as 0.1499999999999999944…
		{0.25, 1, "0,3"},   // exact tie: away from zero, not to even
		{2.675, 2, "2,68"}, // stored as 2.67499999999999982236431605997495353221893310546875
		{1.005, 2, "1,01"},
		{0.5, 0, "1"},
		{1.5, 0, "2"},
		{2.5, 0, "3"},
		{-2.5, 0, "-3"},
		{0.4999999999999999, 0, "0"},
		{123456789.125, 2, "123.456.789,13"},
		{9.995, 2, "10,00"},
		{999.95, 1, "1.000,0"},
		{999999.5, 0, "1.000.000"},
		{-999999.5, 0, "-1.000.000"},
		{math.NaN(), 2, "NaN"},
		{math.Inf(1), 2, "+Inf"},
		{math.Inf(-1), 0, "-Inf"},
	}
	for _, tt := range tests {
		if got := Decimal(tt.x, tt.prec); got != tt.want {
			t.Errorf("Decimal(%v, %d) = %q, want %q", tt.x, tt.prec, got, tt.want)
		}
	}
	// prec 0 agrees with Int on integral values.
	for _, n := range []int64{0, 1, -1, 999, 1000, 123456789, -987654321, 1 << 53} {
		if got, want := Decimal(float64(n), 0), Int(n); got != want {
			t.Errorf("Decimal(%d, 0) = %q, Int = %q", n, got, want)
		}
	}
}

func TestPercent(t *testing.T) {
	tests := []struct {
		x    float64
		prec int
		want string
	}{
		{78.11, 2, "78,11%"},
		{92.5, 1, "92,5%"},
		{100, 0, "100%"},
		{12.345, 1, "12,3%"},
		{0.05, 1, "0,1%"},
		{-3.25, 1, "-3,3%"},
	}
	for _, tt := range tests {
		if got := Percent(tt.x, tt.prec); got != tt.want {
			t.Errorf("Percent(%v, %d) = %q, want %q", tt.x, tt.prec, got, tt.want)
		}
	}
}

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in   string
		want float64
	}{
		{"10.125", 10125},
		{"98,8", 98.8},
		{"1.234,5", 1234.5},
		{"10125", 10125},
		{"0", 0},
		{"0,5", 0.5},
		{"007", 7},
		{"100.000", 100000},
		{"  1.234.567,89 ", 1234567.89},
		{"\t42\n", 42},
		{"\u00a01.000\u00a0", 1000},
		{"-1.234,5", -1234.5},
		{"+7", 7},
		{"-0,25", -0.25},
		{"9.223.372.036.854.775.807", 9223372036854775807},
	}
	for _, tt := range tests {
		got, err := ParseNumber(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseNumber(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
	bad := []string{
		"", " ", "abc", "1.23", "1,2,3", "1.2345", "1234.567", "0.123", "0.5", ".5", ",5",
		"5,", "1.", "1.234.", "1..234", ".123", "1 234", "--1", "-", "+", "- 5", "1,2.3",
		"1.234,5,6", "1e5", "0x10", "½", "١٢", "12a", "1.234,5a", "Inf", "NaN",
	}
	for _, s := range bad {
		got, err := ParseNumber(s)
		if err == nil {
			t.Errorf("ParseNumber(%q) = %v, want error", s, got)
			continue
		}
		if !errors.Is(err, strconv.ErrSyntax) {
			t.Errorf("ParseNumber(%q) error %v does not wrap ErrSyntax", s, err)
		}
	}
	if _, err := ParseNumber("1" + strings.Repeat("0", 400)); !errors.Is(err, strconv.ErrRange) {
		t.Errorf("ParseNumber(1e400) error = %v, want ErrRange", err)
	}
	// Round trip through Decimal.
	for _, x := range []float64{0, 1.5, -1234.25, 98.8, 1e15 + 0.5, 78.11} {
		s := Decimal(x, 2)
		got, err := ParseNumber(s)
		if err != nil || got != x {
			t.Errorf("ParseNumber(Decimal(%v, 2) = %q) = %v, %v", x, s, got, err)
		}
	}
}

func TestParseInt(t *testing.T) {
	tests := []struct {
		in   string
		want int64
	}{
		{"10.125", 10125},
		{"10125", 10125},
		{" -1.234.567 ", -1234567},
		{"0", 0},
		{"9.223.372.036.854.775.807", math.MaxInt64},
		{"-9.223.372.036.854.775.808", math.MinInt64},
	}
	for _, tt := range tests {
		got, err := ParseInt(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseInt(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
	for _, s := range []string{"98,8", "1,0", "1.234,5", "1.23", "", "abc", "1,2,3", "0.123"} {
		if got, err := ParseInt(s); !errors.Is(err, strconv.ErrSyntax) {
			t.Errorf("ParseInt(%q) = %v, %v; want ErrSyntax", s, got, err)
		}
	}
	for _, s := range []string{"9.223.372.036.854.775.808", "-9.223.372.036.854.775.809", "99999999999999999999"} {
		if got, err := ParseInt(s); !errors.Is(err, strconv.ErrRange) {
			t.Errorf("ParseInt(%q) = %v, %v; want ErrRange", s, got, err)
		}
	}
	for _, n := range []int64{0, 1, -1, 999, -1000, 10125, 102233, math.MaxInt64, math.MinInt64} {
		if got, err := ParseInt(Int(n)); err != nil || got != n {
			t.Errorf("ParseInt(Int(%d) = %q) = %v, %v", n, Int(n), got, err)
		}
	}
}

func TestLongDate(t *testing.T) {
	tests := []struct {
		y, m, d int
		want    string
	}{
		{2021, 2, 5, "ngày 05 tháng 02 năm 2021"},
		{2020, 5, 18, "ngày 18 tháng 5 năm 2020"},
		{2022, 1, 23, "ngày 23 tháng 01 năm 2022"},
		{2020, 12, 1, "ngày 01 tháng 12 năm 2020"},
		{2021, 1, 9, "ngày 09 tháng 01 năm 2021"},
		{2021, 3, 1, "ngày 01 tháng 3 năm 2021"},
		{2021, 9, 9, "ngày 09 tháng 9 năm 2021"},
		{2021, 10, 10, "ngày 10 tháng 10 năm 2021"},
		{2021, 11, 30, "ngày 30 tháng 11 năm 2021"},
		{2021, 12, 31, "ngày 31 tháng 12 năm 2021"},
		// Blanks: exactly four spaces between the neighbouring words.
		{2021, 6, 0, "ngày    tháng 6 năm 2021"},
		{2021, 2, 0, "ngày    tháng 02 năm 2021"},
		{2021, 0, 0, "ngày    tháng    năm 2021"},
	}
	for _, tt := range tests {
		if got := LongDate(tt.y, tt.m, tt.d); got != tt.want {
			t.Errorf("LongDate(%d, %d, %d) = %q, want %q", tt.y, tt.m, tt.d, got, tt.want)
		}
	}
}

func TestShortDate(t *testing.T) {
	tests := []struct {
		y, m, d int
		want    string
	}{
		{2018, 11, 8, "08/11/2018"},
		{2020, 5, 15, "15/5/2020"},
		{2021, 2, 5, "05/02/2021"},
		{2021, 1, 31, "31/01/2021"},
		{2021, 10, 1, "01/10/2021"},
		{2021, 12, 25, "25/12/2021"},
		{2021, 9, 10, "10/9/2021"},
		{2021, 6, 0, "   /6/2021"},
		{2021, 1, 0, "   /01/2021"},
		{2021, 0, 0, "   /   /2021"},
	}
	for _, tt := range tests {
		if got := ShortDate(tt.y, tt.m, tt.d); got != tt.want {
			t.Errorf("ShortDate(%d, %d, %d) = %q, want %q", tt.y, tt.m, tt.d, got, tt.want)
		}
	}
}

func TestValidDate(t *testing.T) {
	tests := []struct {
		y, m, d int
		blank   bool
		ok      bool
	}{
		{2021, 2, 5, false, true},
		{2020, 2, 29, false, true},
		{2000, 2, 29, false, true},
		{2021, 2, 29, false, false},
		{1900 + 100, 2, 29, false, true},
		{2100, 2, 29, false, false},
		{2021, 2, 28, false, true},
		{2021, 2, 31, false, false},
		{2021, 4, 30, false, true},
		{2021, 4, 31, false, false},
		{2021, 12, 31, false, true},
		{2021, 1, 32, false, false},
		{2021, 13, 1, false, false},
		{2021, -1, 1, false, false},
		{2021, 5, -1, false, false},
		{1945, 9, 2, false, true},
		{1944, 12, 31, false, false},
		{9999, 12, 31, false, true},
		{10000, 1, 1, false, false},
		// Blanks.
		{2021, 6, 0, false, false},
		{2021, 6, 0, true, true},
		{2021, 0, 0, false, false},
		{2021, 0, 0, true, true},
		{2021, 0, 15, true, false},
		{2021, 0, 15, false, false},
		{2021, 13, 0, true, false},
		{1944, 0, 0, true, false},
		{2021, 2, 30, true, false},
	}
	for _, tt := range tests {
		err := ValidDate(tt.y, tt.m, tt.d, tt.blank)
		if (err == nil) != tt.ok {
			t.Errorf("ValidDate(%d, %d, %d, %v) = %v, want ok=%v", tt.y, tt.m, tt.d, tt.blank, err, tt.ok)
		}
	}
}

func TestRoman(t *testing.T) {
	tests := []struct {
		n    int
		want string
	}{
		{1, "I"}, {3, "III"}, {4, "IV"}, {5, "V"}, {9, "IX"}, {14, "XIV"}, {19, "XIX"},
		{40, "XL"}, {49, "XLIX"}, {90, "XC"}, {400, "CD"}, {900, "CM"},
		{1994, "MCMXCIV"}, {2024, "MMXXIV"}, {3888, "MMMDCCCLXXXVIII"}, {3999, "MMMCMXCIX"},
		{0, ""}, {-1, ""}, {4000, ""},
	}
	for _, tt := range tests {
		if got := Roman(tt.n); got != tt.want {
			t.Errorf("Roman(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
	for n := 1; n <= 3999; n++ {
		s := Roman(n)
		got, err := ParseRoman(s)
		if err != nil || got != n {
			t.Fatalf("ParseRoman(Roman(%d) = %q) = %d, %v", n, s, got, err)
		}
	}
	for _, s := range []string{
		"", "IIII", "IC", "VX", "IL", "XM", "VV", "LL", "DD", "IIV", "XXXX", "CMC", "MCMC",
		"MMMM", "MMMMCMXCIX", "iv", "xiv", " IV", "IV ", "ABC", "I V", "Ⅳ",
	} {
		if got, err := ParseRoman(s); err == nil {
			t.Errorf("ParseRoman(%q) = %d, want error", s, got)
		}
	}
}

func TestPointLetter(t *testing.T) {
	var got []string
	for n := 1; n <= 23; n++ {
		got = append(got, PointLetter(n))
	}
	want := []string{"a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n",
		"o", "p", "q", "r", "s", "t", "u", "v", "x", "y"}
	if !slices.Equal(got, want) {
		t.Errorf("PointLetter(1..23) = %q, want %q", got, want)
	}
	for _, n := range []int{0, -1, 24, 100} {
		if s := PointLetter(n); s != "" {
			t.Errorf("PointLetter(%d) = %q, want \"\"", n, s)
		}
	}
}

func TestSortStrings(t *testing.T) {
	lists := [][]string{
		// Alphabet order a ă â b c d đ e …: Ấp (â) after An, Đ after all D.
		{"An Bình", "Ấp Bắc", "Ba Láng", "Dương Quang", "Đông Thành", "Hưng Phú",
			"Hưng Thạnh", "Lê Bình", "Phú Thứ", "Tân Phú", "Thường Thạnh"},
		// Tones are secondary (none, huyền, hỏi, ngã, sắc, nặng) and only break
		// ties; a space sorts before letters, so "An Bình" < "Anh".
		{"An", "An Bình", "Anh", "Ành", "Ảnh", "Ãnh", "Ánh", "Ạnh", "Ăn", "Ân", "Bình Thủy",
			"Dương", "Đông Hải", "Ea Kar", "Eakar", "Ninh Kiều", "Ô Môn", "Phong Điền", "Thốt Nốt"},
	}
	for _, want := range lists {
		rng := rand.New(rand.NewPCG(1, 2))
		for range 10 {
			got := slices.Clone(want)
			rng.Shuffle(len(got), func(i, j int) { got[i], got[j] = got[j], got[i] })
			SortStrings(got)
			if !slices.Equal(got, want) {
				t.Errorf("SortStrings =\n%q\nwant\n%q", got, want)
				break
			}
		}
	}
	// Stability: NFC and NFD spellings collate equal and keep input order.
	nfd := norm.NFD.String("Ánh")
	for _, in := range [][]string{{nfd, "Anh", "Ánh"}, {"Ánh", "Anh", nfd}} {
		got := slices.Clone(in)
		SortStrings(got)
		want := []string{"Anh", in[0], in[2]}
		if !slices.Equal(got, want) {
			t.Errorf("SortStrings(%q) = %q, want %q (stable)", in, got, want)
		}
	}
	SortStrings(nil)
	one := []string{"x"}
	SortStrings(one)
}

func TestCompare(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"Dương", "Đông Hải", -1},
		{"Đông Hải", "Eakar", -1},
		{"Đông Hải", "Dương", 1},
		{"Zeta", "Đà Lạt", 1},
		{"Anh", "Ánh", -1},
		{"Ánh", "Anh", 1},
		{"Ánh", "Ăn", -1},
		{"Hòa", "Hóa", -1},
		{"hưng", "Hưng", -1},
		{"Ánh", "Ánh", 0},
		{"Ánh", norm.NFD.String("Ánh"), 0},
		{"", "", 0},
		{"", "a", -1},
	}
	for _, tt := range tests {
		if got := Compare(tt.a, tt.b); got != tt.want {
			t.Errorf("Compare(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

// TestConcurrent exercises the pooled casers and collators from many
// goroutines; run with -race to check.
func TestConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for range 16 {
		wg.Go(func() {
			for range 50 {
				if Upper("đ") != "Đ" || Compare("Dương", "Đông") != -1 ||
					Tone("Uỷ", ToneTraditional) != "Ủy" {
					t.Error("wrong result under concurrency")
					return
				}
				ss := []string{"Đông", "Dương", "An"}
				SortStrings(ss)
				if ss[0] != "An" || ss[2] != "Đông" {
					t.Errorf("SortStrings = %q", ss)
					return
				}
			}
		})
	}
	wg.Wait()
}

func BenchmarkTone(b *testing.B) {
	nfd := norm.NFD.String(paragraphModern)
	for _, bc := range []struct {
		name, in string
	}{
		{"unchanged", paragraph},
		{"modern-to-traditional", paragraphModern},
		{"NFD", nfd},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(bc.in)))
			for b.Loop() {
				_ = Tone(bc.in, ToneTraditional)
			}
		})
	}
}

func BenchmarkClean(b *testing.B) {
	nfd := norm.NFD.String(paragraph)
	for _, bc := range []struct {
		name, in string
	}{
		{"NFC", paragraph},
		{"NFD", nfd},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(bc.in)))
			for b.Loop() {
				_, _ = Clean(bc.in)
			}
		})
	}
}

// TestUnprintable is issue 8 item 7: bidirectional overrides and
// invisible characters are refused like control characters.
func TestUnprintable(t *testing.T) {
	for _, r := range []rune{'\t', '\x00', '\u007f', '\u0085', '\u202A', '\u202E', '\u2066', '\u2069', '\u200B', '\u200D', '\u200E', '\uFEFF', '\u2060', '\u061C', '\u2028', '\u2029', '\U000E0001'} {
		s := "Nguyễn" + string(r) + "Văn"
		if _, at, kind, ok := Unprintable(s, false); ok || at != len("Nguyễn") || kind == "" {
			t.Errorf("%U accepted (at %d, %q)", r, at, kind)
		}
	}
	for _, s := range []string{"Nguyễn\u00ADVăn", "a\u200Cb", "Ủy ban\nxã", "100%"} {
		if r, _, _, ok := Unprintable(s, true); !ok {
			t.Errorf("%q refused at %U", s, r)
		}
	}
	if _, _, _, ok := Unprintable("a\nb", false); ok {
		t.Error("newline accepted without allowNL")
	}
}

func TestParseDate(t *testing.T) {
	for _, c := range []struct {
		in      string
		partial bool
		y, m, d int
		ok      bool
	}{
		{"2020-06-30", false, 2020, 6, 30, true},
		{" 30/6/2020 ", false, 2020, 6, 30, true},
		{"30/06/2020", false, 2020, 6, 30, true},
		{"2021-06", false, 0, 0, 0, false},
		{"2021-06", true, 2021, 6, 0, true},
		{"6/2021", true, 2021, 6, 0, true},
		{"2022", true, 2022, 0, 0, true},
		{"2022", false, 0, 0, 0, false},
		{"30.6.2020", false, 0, 0, 0, false},
		{"2020/06/30", false, 0, 0, 0, false},
	} {
		y, m, d, ok := ParseDate(c.in, c.partial)
		if ok != c.ok || y != c.y || m != c.m || d != c.d {
			t.Errorf("ParseDate(%q, %v) = %d, %d, %d, %v; want %d, %d, %d, %v", c.in, c.partial, y, m, d, ok, c.y, c.m, c.d, c.ok)
		}
	}
}
