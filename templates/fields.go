package templates

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/bhytdoc/bhytdoc/internal/bridge"
	"github.com/bhytdoc/bhytdoc/internal/excerpt"
	"github.com/bhytdoc/bhytdoc/internal/typo"
)

// FieldType is the kind of value a data field holds.
type FieldType string

// The field types. Numbers may be given as text in the Vietnamese way
// ("10.125", "98,5"), as rows read from a table are; dates as
// "2020-06-30" or "30/6/2020" (a bare YAML date too).
const (
	TypeText    FieldType = "text"    // one line or paragraph of text
	TypeInt     FieldType = "int"     // a whole number
	TypeNumber  FieldType = "number"  // a number, e.g. a percentage 98.5
	TypeDate    FieldType = "date"    // a date
	TypeBool    FieldType = "bool"    // true or false
	TypeList    FieldType = "list"    // a list of texts
	TypeObject  FieldType = "object"  // a set of named fields (Fields)
	TypeObjects FieldType = "objects" // a list of sets of named fields (Fields)
)

// Field declares one data field of a template. The declaration is what
// Fill checks data against, what `bhytdoc new TEMPLATE --help` prints and
// what Schema exports.
type Field struct {
	Name     string    // as data names it: "DonViSoanThao"
	Type     FieldType // kind of value
	Required bool      // the data must give it
	// Default is the value used when the data does not give an optional
	// field: "" for text, 0 for numbers, an empty list.
	Default any
	Label   string  // Vietnamese label, for forms: "Đơn vị soạn thảo"
	Help    string  // what it is for and how it prints (Vietnamese)
	Example any     // a value as JSON or YAML would give it
	Fields  []Field // of an Object, or of each item of Objects
	// Partial dates (a draft's "2022-03" or "2022") are accepted.
	Partial bool
}

// Fields returns the declared data fields of template name, in the
// order the document uses them. The slice is a copy.
func Fields(name string) ([]Field, error) {
	fs, ok := declared[name]
	if !ok {
		_, err := Text(name)
		return nil, err
	}
	return cloneFields(fs), nil
}

func cloneFields(fs []Field) []Field {
	out := slices.Clone(fs)
	for i := range out {
		out[i].Fields = cloneFields(out[i].Fields)
	}
	return out
}

// Check checks data against template name's declared fields without
// filling it: every key must be a declared field (a near miss is named:
// "did you mean DonViSoanThao?"), every required field given, every
// value of its type. Problems come back together (errors.Join), each an
// *Error whose Field is the path (".ChiTieu[1].TyLe") and which unwraps
// to a *bhytdoc.FieldError. A typed struct (CongVan…) is checked by the
// compiler and passes; other Go structs are checked when filled.
func Check(name string, data any) error {
	_, err := prepare(name, data)
	return err
}

// prepare checks map data and returns it with the defaults of the
// optional fields it lacks; other data comes back as it is.
func prepare(name string, data any) (any, error) {
	if t, ok := data.(typed); ok && t.templateName() != name {
		return nil, &Error{Template: name, Msg: fmt.Sprintf("data is a %T, which is for template %s", data, t.templateName())}
	}
	fs, ok := declared[name]
	if !ok {
		return dropNulls(data), nil
	}
	m, ok := asMap(data)
	if !ok {
		return dropNulls(data), nil
	}
	c := checker{name: name}
	out := c.object(fs, m, "")
	if len(c.errs) > 0 {
		return nil, errors.Join(c.errs...)
	}
	return out, nil
}

func init() { bridge.CheckedCommon = checkedCommon }

// checkedCommon is bridge.CheckedCommon: what value makes of each field
// of common that checks without a problem.
func checkedCommon(name string, common map[string]any) map[string]any {
	fs, ok := declared[name]
	if !ok {
		return nil
	}
	out := map[string]any{}
	for _, f := range fs {
		v := common[f.Name]
		if v == nil {
			continue
		}
		c := checker{name: name}
		if cv := c.value(f, v, ""); len(c.errs) == 0 {
			out[f.Name] = cv
		}
	}
	return out
}

// asMap returns data as a map[string]any (decoded JSON or YAML, or a Go
// map with string keys). A null value in it counts as missing.
func asMap(data any) (map[string]any, bool) {
	if m, ok := data.(map[string]any); ok {
		return m, true
	}
	rv := reflect.ValueOf(data)
	if rv.Kind() != reflect.Map || rv.Type().Key().Kind() != reflect.String {
		return nil, false
	}
	m := make(map[string]any, rv.Len())
	for it := rv.MapRange(); it.Next(); {
		if v := it.Value().Interface(); v != nil {
			m[it.Key().String()] = dropNulls(v)
		}
	}
	return m, true
}

type checker struct {
	name string
	errs []error
}

func (c *checker) fail(path, format string, args ...any) {
	c.errs = append(c.errs, &Error{Template: c.name, Field: path, Msg: fmt.Sprintf(format, args...)})
}

// object checks m against fs and returns a copy with defaults added. A
// null value in m counts as missing. The paths of fields are only made
// for a message: a batch checks every row.
func (c *checker) object(fs []Field, m map[string]any, path string) map[string]any {
	out := make(map[string]any, len(fs))
	// Each field's value, looked up once; when m holds as many values as
	// fields found, it holds no unknown key, and the search for them (a
	// scan of the fields per key) is spared.
	var buf [64]any
	vals := buf[:0]
	if len(fs) > len(buf) {
		vals = make([]any, 0, len(fs))
	}
	found, given := 0, 0
	for _, f := range fs {
		v := m[f.Name]
		if v != nil {
			found++
		}
		vals = append(vals, v)
	}
	for _, v := range m {
		if v != nil {
			given++
		}
	}
	var unknown []string
	if given != found {
		for k, v := range m {
			if v != nil && !slices.ContainsFunc(fs, func(f Field) bool { return f.Name == k }) {
				unknown = append(unknown, k)
			}
		}
	}
	if unknown != nil {
		names := make([]string, len(fs))
		for i, f := range fs {
			names[i] = f.Name
		}
		sort.Strings(unknown)
		for _, k := range unknown {
			msg := "unknown field"
			if s := Suggest(k, names); s != "" {
				msg += fmt.Sprintf(" (did you mean %s?)", s)
			}
			c.fail(path+"."+k, "%s", msg)
		}
	}
	for i, f := range fs {
		v := vals[i]
		switch {
		case v == nil && f.Required:
			c.fail(path+"."+f.Name, "missing data field %q (%s)", f.Name, f.Label)
		case v == nil:
			out[f.Name] = defaultOf(f)
		default:
			out[f.Name] = c.value(f, v, path)
		}
	}
	return out
}

func defaultOf(f Field) any {
	if f.Default != nil {
		return f.Default
	}
	switch f.Type {
	case TypeInt, TypeNumber:
		return 0
	case TypeBool:
		return false
	case TypeList, TypeObjects:
		return []any{}
	case TypeObject:
		return map[string]any{}
	}
	return ""
}

// value checks v, field f of the object at parent, against f's type;
// objects are checked field by field.
func (c *checker) value(f Field, v any, parent string) any {
	if ch, ok := v.(bridge.Checked); ok {
		return ch.V // checked once for a whole merge (bridge.CheckedCommon)
	}
	if f.Type != TypeObject && f.Type != TypeObjects {
		if err := checkScalar(f, v); err != nil {
			c.fail(parent+"."+f.Name, "%v", err)
			return v
		}
		return normalize(f, v)
	}
	path := parent + "." + f.Name
	switch f.Type {
	case TypeObject:
		if m, ok := asMap(v); ok {
			return c.object(f.Fields, m, path)
		}
		if reflect.Indirect(reflect.ValueOf(v)).Kind() != reflect.Struct {
			c.fail(path, "want a set of fields (%s), got %s", fieldNames(f.Fields), describe(v))
		}
		return v
	case TypeObjects:
		rv := reflect.ValueOf(v)
		if rv.Kind() != reflect.Slice && rv.Kind() != reflect.Array {
			c.fail(path, "want a list of sets of fields (%s), got %s", fieldNames(f.Fields), describe(v))
			return v
		}
		out := make([]any, rv.Len())
		for i := range out {
			it := rv.Index(i).Interface()
			out[i] = it
			p := path + "[" + strconv.Itoa(i) + "]"
			if m, ok := asMap(it); ok {
				out[i] = c.object(f.Fields, m, p)
			} else if reflect.Indirect(reflect.ValueOf(it)).Kind() != reflect.Struct {
				c.fail(p, "want a set of fields (%s), got %s", fieldNames(f.Fields), describe(it))
			}
		}
		return out
	}
	return v
}

// normalize turns the text of a number, as a table gives it ("10.125",
// "98,57"), into the number, so that the template reads it the way the
// check did.
func normalize(f Field, v any) any {
	s, ok := v.(string)
	if !ok {
		return v
	}
	switch f.Type {
	case TypeInt:
		if n, err := typo.ParseInt(strings.TrimSpace(s)); err == nil {
			return n
		}
	case TypeNumber:
		if x, err := number(strings.TrimSpace(s)); err == nil {
			return x
		}
	}
	return v
}

func fieldNames(fs []Field) string {
	var ns []string
	for _, f := range fs {
		ns = append(ns, f.Name)
	}
	return strings.Join(ns, ", ")
}

// checkScalar checks a value of a text, number, date, bool or list field.
func checkScalar(f Field, v any) error {
	switch f.Type {
	case TypeText:
		_, err := text(v)
		return err
	case TypeInt:
		if s, ok := v.(string); ok {
			if _, err := typo.ParseInt(strings.TrimSpace(s)); err == nil {
				return nil
			}
		}
		if _, err := integer(v); err != nil {
			return numberError(v, err, "a whole number")
		}
	case TypeNumber:
		if _, err := number(v); err != nil {
			return numberError(v, err, "a number")
		}
	case TypeBool:
		if _, ok := v.(bool); !ok {
			return fmt.Errorf("want true or false, got %s", describe(v))
		}
	case TypeDate:
		return checkDate(v, f.Partial)
	case TypeList:
		rv := reflect.ValueOf(v)
		if rv.Kind() != reflect.Slice && rv.Kind() != reflect.Array {
			return fmt.Errorf("want a list of texts, got %s", describe(v))
		}
		for i := range rv.Len() {
			if _, err := text(rv.Index(i).Interface()); err != nil {
				return fmt.Errorf("item %d: %v", i+1, err)
			}
		}
	}
	return nil
}

// numberError words err, from reading v as a number, for the data's
// author.
func numberError(v any, err error, want string) error {
	if s, ok := v.(string); ok {
		return fmt.Errorf("%s is not %s", excerpt.Quote(s), want)
	}
	if strings.Contains(err.Error(), "not a") {
		return err
	}
	return fmt.Errorf("want %s, got %s", want, describe(v))
}

func checkDate(v any, partial bool) error {
	if _, ok := v.(time.Time); ok {
		return nil
	}
	s, ok := v.(string)
	if !ok {
		return fmt.Errorf("want a date (%s), got %s", typo.DateForms, describe(v))
	}
	y, m, d, ok := typo.ParseDate(s, partial)
	if !ok {
		return fmt.Errorf("%s is not a date (write %s)", excerpt.Quote(s), typo.DateForms)
	}
	if err := typo.ValidDate(y, m, d, partial); err != nil {
		return fmt.Errorf("%s: %v", excerpt.Quote(s), strings.TrimPrefix(err.Error(), "typo: "))
	}
	return nil
}

// Suggest returns the name in names closest to s — same letters but for
// case, or at most two edits away — or "" when none is close.
func Suggest(s string, names []string) string {
	best, bestD := "", 3
	for _, n := range names {
		if strings.EqualFold(n, s) {
			return n
		}
		if d := editDistance(strings.ToLower(s), strings.ToLower(n)); d < bestD {
			best, bestD = n, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// Example returns data for template name made of its fields' declared
// examples: a complete, valid starting point (lists of objects get one
// item). It is nil for a template with no declaration.
func Example(name string) map[string]any {
	fs, ok := declared[name]
	if !ok {
		return nil
	}
	return exampleData(fs)
}

// exampleData is the declared examples of fs as data.
func exampleData(fs []Field) map[string]any {
	m := map[string]any{}
	for _, f := range fs {
		switch {
		case f.Type == TypeObject:
			m[f.Name] = exampleData(f.Fields)
		case f.Type == TypeObjects:
			m[f.Name] = []any{exampleData(f.Fields)}
		case f.Example != nil:
			m[f.Name] = f.Example
		}
	}
	return m
}
