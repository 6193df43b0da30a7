package fonts_test

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/bhytdoc/bhytdoc/fonts"
	fpdf "github.com/bhytdoc/bhytdoc/internal/third_party/fpdf"

	"github.com/go-fonts/liberation/liberationserifbold"
	"github.com/go-fonts/liberation/liberationserifbolditalic"
	"github.com/go-fonts/liberation/liberationserifitalic"
	"github.com/go-fonts/liberation/liberationserifregular"
)

const sentence = "Ủy ban nhân dân phường đề nghị Bảo hiểm xã hội quận xem xét, giải quyết việc cấp lại thẻ bảo hiểm y tế – “khẩn” (số 146/2018/NĐ-CP)…"

var allStyles = []fonts.Style{fonts.Regular, fonts.Bold, fonts.Italic, fonts.BoldItalic}

// fpdf style strings for each Style.
var fpdfStyle = map[fonts.Style]string{fonts.Regular: "", fonts.Bold: "B", fonts.Italic: "I", fonts.BoldItalic: "BI"}

func face(t testing.TB, s fonts.Style) *fonts.Face {
	t.Helper()
	fc, err := fonts.Liberation().Face(s)
	if err != nil {
		t.Fatal(err)
	}
	return fc
}

func TestStyleString(t *testing.T) {
	want := []string{"regular", "bold", "italic", "bold italic"}
	for i, s := range allStyles {
		if s.String() != want[i] {
			t.Errorf("Style(%d).String() = %q, want %q", i, s, want[i])
		}
	}
	if got := fonts.Style(7).String(); got != "Style(7)" {
		t.Errorf("Style(7).String() = %q", got)
	}
}

func TestLiberation(t *testing.T) {
	f := fonts.Liberation()
	if f != fonts.Liberation() {
		t.Error("Liberation() returned different pointers")
	}
	if f.Name() != "Liberation Serif" {
		t.Errorf("Name() = %q", f.Name())
	}
	ttfs := map[fonts.Style][]byte{
		fonts.Regular:    liberationserifregular.TTF,
		fonts.Bold:       liberationserifbold.TTF,
		fonts.Italic:     liberationserifitalic.TTF,
		fonts.BoldItalic: liberationserifbolditalic.TTF,
	}
	for _, s := range allStyles {
		fc := face(t, s)
		if fc2 := face(t, s); fc2 != fc {
			t.Errorf("%v: Face not memoised", s)
		}
		if fc.Style() != s {
			t.Errorf("Style() = %v, want %v", fc.Style(), s)
		}
		if !bytes.Equal(fc.TTF(), ttfs[s]) {
			t.Errorf("%v: TTF() is not the Liberation data", s)
		}
		if fc.UnitsPerEm() != 2048 {
			t.Errorf("%v: UnitsPerEm = %d", s, fc.UnitsPerEm())
		}
		for _, r := range "AĐđƠơƯưẠỹỦ–“”…€ " {
			if !fc.Has(r) || fc.Advance(r) <= 0 && r != ' ' {
				t.Errorf("%v: Has(%q)=%v Advance=%d", s, r, fc.Has(r), fc.Advance(r))
			}
		}
		if fc.Has('☃') || fc.Advance('☃') != 0 || fc.Has('中') {
			t.Errorf("%v: claims to have ☃ or 中", s)
		}
		if fc.Advance(0x0301) != 0 || !fc.Has(0x0301) { // combining acute: zero width
			t.Errorf("%v: combining acute: Has=%v Advance=%d", s, fc.Has(0x0301), fc.Advance(0x0301))
		}
	}
	// Times New Roman metrics: 'A' is 1479/2048 em in the regular face.
	if got := face(t, fonts.Regular).Advance('A'); got != 1479 {
		t.Errorf("Advance('A') = %d, want 1479", got)
	}
}

// TestWidthMatchesFpdf checks Width and the vertical metrics against the
// fpdf fork, which is what actually draws the text.
func TestWidthMatchesFpdf(t *testing.T) {
	var probe []rune
	for r := rune(0x20); r < 0x2000; r++ {
		probe = append(probe, r)
	}
	probe = append(probe, []rune("–—‘’“”…‰€™←→∑√∞≠≤≥☃中\uFFFD")...)
	for _, s := range allStyles {
		fc := face(t, s)
		font, err := fpdf.ParseUTF8Font(fc.TTF())
		if err != nil {
			t.Fatal(err)
		}
		pdf := fpdf.New("P", "pt", "A4", "")
		pdf.AddUTF8FontParsed("f", fpdfStyle[s], font)
		pdf.SetFont("f", fpdfStyle[s], 13)
		if got, want := fc.Width(sentence, 13), pdf.GetStringWidth(sentence); abs(got-want) > 0.01 {
			t.Errorf("%v: Width = %.4f, fpdf GetStringWidth = %.4f", s, got, want)
		}
		// Per rune, at 1000 pt the widths are the integer 1/1000-em values.
		pdf.SetFont("f", fpdfStyle[s], 1000)
		bad := 0
		for _, r := range probe {
			if got, want := fc.Width(string(r), 1000), pdf.GetStringWidth(string(r)); got != want {
				if bad++; bad <= 5 {
					t.Errorf("%v: Width(%U) = %v, fpdf = %v", s, r, got, want)
				}
			}
		}
		d := font.Desc()
		if fc.Ascent() != d.Ascent || fc.Descent() != d.Descent || fc.CapHeight() != d.CapHeight {
			t.Errorf("%v: Ascent/Descent/CapHeight = %d/%d/%d, fpdf = %d/%d/%d", s,
				fc.Ascent(), fc.Descent(), fc.CapHeight(), d.Ascent, d.Descent, d.CapHeight)
		}
		if pdf.Error() != nil {
			t.Fatal(pdf.Error())
		}
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

func TestMissingRunes(t *testing.T) {
	fc := face(t, fonts.Regular)
	if got, want := fc.MissingRunes("Ủy ban ☃ 中 ☃\n"), []rune{'☃', '中'}; !reflect.DeepEqual(got, want) {
		t.Errorf("MissingRunes = %q, want %q", got, want)
	}
	if got := fc.MissingRunes(sentence + "\n" + sentence); got != nil {
		t.Errorf("MissingRunes(sentence) = %q, want nil", got)
	}
	if got := fc.MissingRunes(""); got != nil {
		t.Errorf("MissingRunes(\"\") = %q", got)
	}
}

func TestNoAllocs(t *testing.T) {
	fc := face(t, fonts.Italic)
	if n := testing.AllocsPerRun(100, func() {
		_ = fc.Width(sentence, 12)
		_ = fc.Has('ự')
		_ = fc.Advance('–')
		_ = fc.MissingRunes(sentence)
	}); n != 0 {
		t.Errorf("%v allocations per call, want 0", n)
	}
}

func TestFromBytes(t *testing.T) {
	if _, err := fonts.FromBytes("X", nil, nil, nil, nil); err == nil {
		t.Error("FromBytes with no faces: no error")
	}
	if _, err := fonts.FromBytes("", liberationserifregular.TTF, nil, nil, nil); err == nil {
		t.Error("FromBytes with empty name: no error")
	}
	f, err := fonts.FromBytes("Only Bold", nil, liberationserifbold.TTF, nil, []byte("garbage that is not a font"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Face(fonts.Bold); err != nil {
		t.Error(err)
	}
	_, err = f.Face(fonts.Regular)
	wantErr(t, err, `"Only Bold"`, "regular")
	_, err = f.Face(fonts.BoldItalic)
	wantErr(t, err, `"Only Bold"`, "bold italic", "not a valid TrueType")
	_, err = f.Face(fonts.Style(9))
	wantErr(t, err, "invalid style")

	otf := append([]byte("OTTO"), liberationserifregular.TTF[4:]...)
	f, _ = fonts.FromBytes("CFF", otf, nil, nil, nil)
	_, err = f.Face(fonts.Regular)
	wantErr(t, err, `"CFF"`, "regular", "glyf")

	trunc := bytes.Clone(liberationserifregular.TTF[:5000])
	f, _ = fonts.FromBytes("Trunc", trunc, nil, nil, nil)
	_, err = f.Face(fonts.Regular)
	wantErr(t, err, `"Trunc"`, "regular", "not a valid TrueType")
}

func TestFromFiles(t *testing.T) {
	dir := t.TempDir()
	reg := filepath.Join(dir, "LiberationSerif-Regular.ttf")
	if err := os.WriteFile(reg, liberationserifregular.TTF, 0o644); err != nil {
		t.Fatal(err)
	}
	notFont := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(notFont, []byte("this is not a TrueType font\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	f, err := fonts.FromFiles("Serif", reg, "", notFont, "")
	if err != nil {
		t.Fatal(err)
	}
	if f.Name() != "Serif" {
		t.Errorf("Name() = %q", f.Name())
	}
	fc, err := f.Face(fonts.Regular)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := fc.Width(sentence, 12), face(t, fonts.Regular).Width(sentence, 12); got != want {
		t.Errorf("Width from file = %v, from embedded = %v", got, want)
	}
	_, err = f.Face(fonts.Bold) // missing style
	wantErr(t, err, `"Serif"`, "no bold face")
	_, err = f.Face(fonts.Italic) // not a font
	wantErr(t, err, `"Serif"`, "italic", notFont, "not a valid TrueType")

	missing := filepath.Join(dir, "nope", "Missing.ttf")
	_, err = fonts.FromFiles("Serif", reg, missing, "", "")
	wantErr(t, err, missing, "bold")

	if _, err := fonts.FromFiles("Serif", "", "", "", ""); err == nil {
		t.Error("FromFiles with no files: no error")
	}
}

func wantErr(t *testing.T, err error, parts ...string) {
	t.Helper()
	if err == nil {
		t.Errorf("no error, want one mentioning %q", parts)
		return
	}
	for _, p := range parts {
		if !strings.Contains(err.Error(), p) {
			t.Errorf("error %q does not mention %q", err, p)
		}
	}
}

// TestConcurrent parses a fresh family from many goroutines at once. Run
// with -race.
func TestConcurrent(t *testing.T) {
	f, err := fonts.FromBytes("Liberation Serif", liberationserifregular.TTF, liberationserifbold.TTF,
		liberationserifitalic.TTF, liberationserifbolditalic.TTF)
	if err != nil {
		t.Fatal(err)
	}
	const n = 16
	got := make([]*fonts.Face, n)
	widths := make([]float64, n)
	var wg sync.WaitGroup
	for g := 0; g < n; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			fc, err := f.Face(allStyles[g%4])
			if err != nil {
				t.Error(err)
				return
			}
			got[g] = fc
			for i := 0; i < 50; i++ {
				widths[g] = fc.Width(sentence, 12)
				_ = fc.MissingRunes("Ủy ban ☃")
				_ = fc.Has('ộ')
			}
		}(g)
	}
	wg.Wait()
	for g := 4; g < n; g++ {
		if got[g] != got[g%4] {
			t.Errorf("goroutine %d got a different *Face for %v", g, allStyles[g%4])
		}
		if widths[g] != widths[g%4] {
			t.Errorf("goroutine %d: width %v != %v", g, widths[g], widths[g%4])
		}
	}
}

func BenchmarkWidth(b *testing.B) {
	fc := face(b, fonts.Regular)
	b.SetBytes(int64(len(sentence)))
	b.ReportAllocs()
	for b.Loop() {
		_ = fc.Width(sentence, 13)
	}
}

func BenchmarkFaceParse(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		f, _ := fonts.FromBytes("x", liberationserifregular.TTF, nil, nil, nil)
		if _, err := f.Face(fonts.Regular); err != nil {
			b.Fatal(err)
		}
	}
}

// TestNilFamily is issue 8 item 17: a nil family is an error, not a panic.
func TestNilFamily(t *testing.T) {
	var f *fonts.Family
	if _, err := f.Face(fonts.Regular); err == nil || f.Name() != "" {
		t.Errorf("nil family: %v", err)
	}
}

// TestNilFace is issue 8 item 17: a nil face measures nothing and has no
// glyph, rather than panic.
func TestNilFace(t *testing.T) {
	var f *fonts.Face
	if f.Width("abc", 12) != 0 || f.Has('a') || f.Advance('a') != 0 || f.TTF() != nil || f.UnitsPerEm() != 0 ||
		f.Ascent() != 0 || f.Descent() != 0 || f.CapHeight() != 0 || f.Style() != 0 {
		t.Error("nil face has metrics")
	}
	if m := f.MissingRunes("ab"); len(m) != 2 {
		t.Errorf("nil face lacks %q, want every rune", m)
	}
}
