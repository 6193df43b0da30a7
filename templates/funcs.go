package templates

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"text/template"
	"time"
	"unicode/utf8"

	"github.com/bhytdoc/bhytdoc/internal/excerpt"
	"github.com/bhytdoc/bhytdoc/internal/typo"
	"github.com/bhytdoc/bhytdoc/markdown"
)

// funcs are the template functions. They hold no state.
var funcs = template.FuncMap{
	"so":         so,
	"int":        toInt,
	"tyle":       tyle,
	"phantram":   phantram,
	"phantramSo": phantramSo,
	"thapphan":   thapphan,
	"chenhlech":  chenhlech,
	"dat":        dat,
	"tru":        tru,
	"cong":       cong,
	"tong":       tong,
	"ngay":       ngay,
	"ngayso":     ngayso,
	"nam":        nam,
	"md":         md,
	"yaml":       yamlQuote,
	"yamls":      yamlList,
	"text":       text,
	"items":      items,
	"list":       list,
	"roman":      typo.Roman,
	"tuychon":    optional,
	"bhxh":       bhxh,
	"chitieu":    chitieu,
	"chitieu100": chitieu100,
	"chitieuSo":  chitieuSo,
}

// optional returns data's field name, or nil when data (a map or a
// struct) has no such field: for the few fields a template may do
// without, which missingkey=error would otherwise refuse.
func optional(data any, name string) any {
	rv := reflect.Indirect(reflect.ValueOf(data))
	switch rv.Kind() {
	case reflect.Map:
		if rv.Type().Key().Kind() != reflect.String {
			return nil
		}
		v := rv.MapIndex(reflect.ValueOf(name).Convert(rv.Type().Key()))
		if !v.IsValid() || (v.Kind() == reflect.Interface && v.IsNil()) {
			return nil
		}
		return v.Interface()
	case reflect.Struct:
		if f := rv.FieldByName(name); f.IsValid() && f.CanInterface() {
			return f.Interface()
		}
	}
	return nil
}

// bhxhLevels are the areas that have a social insurance office of their
// own: provinces and districts, not communes or wards.
var bhxhLevels = []string{"quận ", "huyện ", "thị xã ", "thành phố ", "tỉnh "}

// bhxh names the social insurance office (Bảo hiểm xã hội) of an area:
// office, when the data gives one ("Bảo hiểm xã hội quận Cái Răng"),
// else "Bảo hiểm xã hội " + area for a district or province. A commune
// or ward has no office of its own, so "Bảo hiểm xã hội phường …" is
// refused rather than printed.
func bhxh(office, area any) (string, error) {
	if office != nil {
		s, err := text(office)
		if err != nil {
			return "", err
		}
		if s = strings.TrimSpace(s); s != "" {
			return markdown.Escape(s), nil
		}
	}
	a, err := text(area)
	if err != nil {
		return "", err
	}
	a = strings.TrimSpace(a)
	low := strings.ToLower(a)
	for _, l := range bhxhLevels {
		if strings.HasPrefix(low, l) {
			return markdown.Escape("Bảo hiểm xã hội " + a), nil
		}
	}
	return "", fmt.Errorf("%q has no social insurance office of its own (they are at district level): give CoQuanBHXH, e.g. \"Bảo hiểm xã hội quận …\"", a)
}

// chitieu checks a unit's target rate against its current rate: a
// target above 100% or below what the unit already has is an error
// naming the unit. It prints nothing.
func chitieu(target, current, unit any) (string, error) {
	if _, err := chitieu100(target, unit); err != nil {
		return "", err
	}
	t, err := number(target)
	if err != nil {
		return "", err
	}
	c, err := number(current)
	if err != nil {
		return "", err
	}
	if t < c {
		u, _ := text(unit)
		ts, _ := tyle(t)
		cs, _ := tyle(c)
		return "", fmt.Errorf("%s: target %s below the current rate %s", u, ts, cs)
	}
	return "", nil
}

// chitieu100 refuses a target rate outside 0–100%, naming the unit.
func chitieu100(target, unit any) (string, error) {
	t, err := number(target)
	if err != nil {
		return "", err
	}
	if t < 0 || t > 100 {
		u, _ := text(unit)
		ts, _ := tyle(t)
		return "", fmt.Errorf("%s: target %s outside 0–100%%", u, ts)
	}
	return "", nil
}

// chitieuSo checks a unit's target count of participants against its
// population (above it is more than 100%) and its participants now.
func chitieuSo(target, participants, population, unit any) (string, error) {
	t, err := number(target)
	if err != nil {
		return "", err
	}
	p, err := number(participants)
	if err != nil {
		return "", err
	}
	n, err := number(population)
	if err != nil {
		return "", err
	}
	u, _ := text(unit)
	switch {
	case t > n:
		return "", fmt.Errorf("%s: target %s participants above the population %s (more than 100%%)", u, typo.Int(int64(t)), typo.Int(int64(n)))
	case t < p:
		return "", fmt.Errorf("%s: target %s participants below the %s already participating", u, typo.Int(int64(t)), typo.Int(int64(p)))
	}
	return "", nil
}

var errNoValue = errors.New("no value")

// number converts the numbers data holds — Go numbers, json.Number, or
// text such as "12345", "12.345" (Vietnamese thousands) or "78,11" — to
// float64.
func number(v any) (float64, error) {
	switch x := v.(type) {
	case nil:
		return 0, errNoValue
	case json.Number:
		return strconv.ParseFloat(string(x), 64)
	case string:
		if f, err := strconv.ParseFloat(x, 64); err == nil {
			return f, nil
		}
		return typo.ParseNumber(x)
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return float64(rv.Int()), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return float64(rv.Uint()), nil
	case reflect.Float32, reflect.Float64:
		return rv.Float(), nil
	}
	return 0, fmt.Errorf("%s is not a number", describe(v))
}

func integer(v any) (int64, error) {
	f, err := number(v)
	if err != nil {
		return 0, err
	}
	if f != math.Trunc(f) || math.Abs(f) > 1<<53 {
		return 0, fmt.Errorf("%s is not a whole number", excerpt.Trim(fmt.Sprint(v)))
	}
	return int64(f), nil
}

// so formats a whole number with "." between thousands: 12.345.
func so(v any) (string, error) {
	n, err := integer(v)
	if err != nil {
		return "", err
	}
	return typo.Int(n), nil
}

func toInt(v any) (int64, error) { return integer(v) }

// tyle formats a percentage: 78.11 → "78,11%", 99.5 → "99,5%", 90 →
// "90%" (at most two decimals, no trailing zero: targets are written
// as officials set them).
func tyle(v any) (string, error) {
	f, err := number(v)
	if err != nil {
		return "", err
	}
	switch r := math.Round(f * 100); {
	case r == math.Round(f)*100:
		return typo.Percent(f, 0), nil
	case math.Mod(r, 10) == 0:
		return typo.Percent(f, 1), nil
	}
	return typo.Percent(f, 2), nil
}

// phantram formats part/whole as a percentage: 3990, 4591 → "86,91%".
func phantram(part, whole any) (string, error) {
	p, err := phantramSo(part, whole)
	if err != nil {
		return "", err
	}
	return typo.Percent(p, 2), nil
}

// phantramSo is part/whole as a percentage, rounded to two decimals as
// printed, for comparisons that must agree with the printed figure.
func phantramSo(part, whole any) (float64, error) {
	p, err := number(part)
	if err != nil {
		return 0, err
	}
	w, err := number(whole)
	if err != nil {
		return 0, err
	}
	if w == 0 {
		return 0, errors.New("division by zero")
	}
	return math.Round(p/w*100*100) / 100, nil
}

func thapphan(v any, prec int) (string, error) {
	f, err := number(v)
	if err != nil {
		return "", err
	}
	return typo.Decimal(f, prec), nil
}

// chenhlech describes the change from before to now, both percentages:
// "tăng 1,20 điểm phần trăm", "giảm 0,50 điểm phần trăm", "không đổi".
func chenhlech(now, before any) (string, error) {
	a, err := number(now)
	if err != nil {
		return "", err
	}
	b, err := number(before)
	if err != nil {
		return "", err
	}
	d := a - b
	switch s := typo.Decimal(math.Abs(d), 2); {
	case s == "0,00":
		return "không đổi", nil
	case d > 0:
		return "tăng " + s + " điểm phần trăm", nil
	default:
		return "giảm " + s + " điểm phần trăm", nil
	}
}

// dat reports whether value reaches target.
func dat(value, target any) (bool, error) {
	a, err := number(value)
	if err != nil {
		return false, err
	}
	b, err := number(target)
	if err != nil {
		return false, err
	}
	return a >= b, nil
}

func tru(a, b any) (float64, error) {
	x, err := number(a)
	if err != nil {
		return 0, err
	}
	y, err := number(b)
	return x - y, err
}

// cong adds two numbers: {{cong $i 1}} numbers a list from 1. It is the
// only adding function. A whole sum is an int, so that it compares with
// len and prints without a decimal comma; any other is a float64.
func cong(a, b any) (any, error) {
	x, err := number(a)
	if err != nil {
		return nil, err
	}
	y, err := number(b)
	if err != nil {
		return nil, err
	}
	if s := x + y; s == math.Trunc(s) && math.Abs(s) <= 1<<53 {
		return int(s), nil
	}
	return x + y, nil
}

// tong sums field over a list of maps or structs: tong .DonVi "DanSo".
func tong(list any, field string) (float64, error) {
	rv := reflect.ValueOf(list)
	if rv.Kind() != reflect.Slice && rv.Kind() != reflect.Array {
		return 0, fmt.Errorf("%T is not a list", list)
	}
	sum := 0.0
	for i := 0; i < rv.Len(); i++ {
		it := reflect.Indirect(reflect.ValueOf(rv.Index(i).Interface()))
		var v reflect.Value
		switch it.Kind() {
		case reflect.Map:
			v = it.MapIndex(reflect.ValueOf(field))
		case reflect.Struct:
			v = it.FieldByName(field)
		}
		if !v.IsValid() {
			return 0, fmt.Errorf("item %d has no field %q", i, field)
		}
		f, err := number(v.Interface())
		if err != nil {
			return 0, fmt.Errorf("item %d, field %q: %w", i, field, err)
		}
		sum += f
	}
	return sum, nil
}

// date reads a date the one way bhytdoc reads dates (see
// typo.ParseDate): "2020-05-18" or "18/5/2020"; a Go time.Time too.
func date(v any) (y, m, d int, err error) {
	if t, ok := v.(time.Time); ok {
		return t.Year(), int(t.Month()), t.Day(), nil
	}
	s, ok := v.(string)
	if !ok {
		return 0, 0, 0, fmt.Errorf("%s is not a date like \"2020-05-18\" or \"18/5/2020\"", describe(v))
	}
	y, m, d, ok = typo.ParseDate(s, false)
	if !ok {
		return 0, 0, 0, fmt.Errorf("%s is not a date like \"2020-05-18\" or \"18/5/2020\"", excerpt.Quote(s))
	}
	if err := typo.ValidDate(y, m, d, false); err != nil {
		return 0, 0, 0, fmt.Errorf("%s: %w", excerpt.Quote(s), err)
	}
	return y, m, d, nil
}

// ngay writes a date in words: "ngày 18 tháng 5 năm 2020".
func ngay(v any) (string, error) {
	y, m, d, err := date(v)
	if err != nil {
		return "", err
	}
	return typo.LongDate(y, m, d), nil
}

// ngayso writes a date in figures: "18/5/2020".
func ngayso(v any) (string, error) {
	y, m, d, err := date(v)
	if err != nil {
		return "", err
	}
	return typo.ShortDate(y, m, d), nil
}

// nam returns the year of a date; a draft's "2019-01" or "2019", which
// document sources accept as a draft's date, has one too.
func nam(v any) (int, error) {
	if s, ok := v.(string); ok {
		if y, m, d, ok := typo.ParseDate(s, true); ok && d == 0 {
			if err := typo.ValidDate(y, max(m, 1), 1, false); err != nil {
				return 0, fmt.Errorf("%q: %w", s, err)
			}
			return y, nil
		}
	}
	y, _, _, err := date(v)
	return y, err
}

// text returns v, which must be text: a number or true/false where the
// template prints text is an error, not "Bảo hiểm xã hội true".
func text(v any) (string, error) {
	switch x := v.(type) {
	case nil:
		return "", errNoValue
	case string:
		return x, nil
	case json.Number:
		return "", fmt.Errorf("want text, got the number %s (put it in quotes if it is text)", x)
	case bool:
		return "", fmt.Errorf("want text, got %v", x)
	case fmt.Stringer:
		return x.String(), nil
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.String:
		return rv.String(), nil
	case reflect.Map, reflect.Struct:
		return "", errors.New("want text, got a set of fields")
	case reflect.Slice, reflect.Array:
		return "", errors.New("want text, got a list")
	}
	return "", fmt.Errorf("want text, got %s", describe(v))
}

// items returns the list v, which a sentence or a section enumerates: an
// empty list would print "…chỉ tiêu đề ra: ." or a heading over nothing.
func items(v any) (any, error) {
	rv := reflect.ValueOf(v)
	if v == nil {
		return nil, errNoValue
	}
	if rv.Kind() != reflect.Slice && rv.Kind() != reflect.Array {
		return nil, fmt.Errorf("want a list, got %s", describe(v))
	}
	if rv.Len() == 0 {
		return nil, errors.New("the list is empty; give at least one item")
	}
	return v, nil
}

// list returns the list v, which may be empty.
func list(v any) (any, error) {
	if v == nil {
		return nil, errNoValue
	}
	if k := reflect.ValueOf(v).Kind(); k != reflect.Slice && k != reflect.Array {
		return nil, fmt.Errorf("want a list, got %s", describe(v))
	}
	return v, nil
}

// describe names a value's kind for a message, quoting a short excerpt of
// text.
func describe(v any) string {
	switch x := v.(type) {
	case string:
		return "the text " + excerpt.Quote(x)
	case json.Number:
		return "the number " + string(x)
	case bool:
		return fmt.Sprint(x)
	}
	switch reflect.ValueOf(v).Kind() {
	case reflect.Map, reflect.Struct:
		return "a set of fields"
	case reflect.Slice, reflect.Array:
		return "a list"
	}
	return excerpt.Trim(fmt.Sprintf("%v (%T)", v, v))
}

// md escapes text for the Markdown body (see markdown.Escape).
func md(v any) (string, error) {
	s, err := text(v)
	return markdown.Escape(s), err
}

// yamlQuote writes text as a double-quoted YAML scalar (JSON's string
// syntax is a subset), so that no data changes the front matter's shape.
func yamlQuote(v any) (string, error) {
	s, err := text(v)
	if err != nil {
		return "", err
	}
	if jsonLiteral(s) {
		return `"` + s + `"`, nil
	}
	var sb strings.Builder
	enc := json.NewEncoder(&sb)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		return "", err
	}
	return strings.TrimSuffix(sb.String(), "\n"), nil
}

// jsonLiteral reports whether JSON writes s between quotes as it is: no
// quote, backslash or control character, no invalid UTF-8, and neither
// U+2028 nor U+2029, which encoding/json escapes. Most texts are such,
// and quoting them by hand costs a tenth of the encoder.
func jsonLiteral(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < ' ' || c == '"' || c == '\\' {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError || r == '\u2028' || r == '\u2029' {
			return false
		}
		i += n
	}
	return true
}

// yamlList writes a list of texts as a YAML flow sequence: ["a", "b"].
func yamlList(v any) (string, error) {
	rv := reflect.ValueOf(v)
	if v == nil || (rv.Kind() != reflect.Slice && rv.Kind() != reflect.Array) {
		return "", fmt.Errorf("want a list, got %T", v)
	}
	parts := make([]string, rv.Len())
	for i := range parts {
		q, err := yamlQuote(rv.Index(i).Interface())
		if err != nil {
			return "", fmt.Errorf("item %d: %w", i, err)
		}
		parts[i] = q
	}
	return "[" + strings.Join(parts, ", ") + "]", nil
}
