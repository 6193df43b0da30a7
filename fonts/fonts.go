package fonts

import (
	"errors"
	"fmt"
	"os"
	"sync"

	"github.com/go-fonts/liberation/liberationserifbold"
	"github.com/go-fonts/liberation/liberationserifbolditalic"
	"github.com/go-fonts/liberation/liberationserifitalic"
	"github.com/go-fonts/liberation/liberationserifregular"
)

// Style selects one face of a Family.
type Style int

// The four styles of a family.
const (
	Regular Style = iota
	Bold
	Italic
	BoldItalic
)

const numStyles = 4

// String returns "regular", "bold", "italic" or "bold italic".
func (s Style) String() string {
	switch s {
	case Regular:
		return "regular"
	case Bold:
		return "bold"
	case Italic:
		return "italic"
	case BoldItalic:
		return "bold italic"
	}
	return fmt.Sprintf("Style(%d)", int(s))
}

func (s Style) valid() bool { return s >= Regular && s <= BoldItalic }

// Family is an immutable set of up to four TrueType faces; safe for
// concurrent use. Faces are parsed lazily, the first time a document uses
// that style ("load only the styles a document uses"), and then memoised.
type Family struct {
	name  string
	ttf   [numStyles][]byte // nil: style not available
	paths [numStyles]string // source file, for error messages (FromFiles)

	once  [numStyles]sync.Once
	faces [numStyles]*Face
	errs  [numStyles]error

	trusted bool // the embedded faces of Liberation (see parseFace)
}

var liberation = sync.OnceValue(func() *Family {
	f, err := FromBytes("Liberation Serif",
		liberationserifregular.TTF,
		liberationserifbold.TTF,
		liberationserifitalic.TTF,
		liberationserifbolditalic.TTF)
	if err != nil {
		panic(err) // unreachable: all four faces are non-nil
	}
	f.trusted = true
	return f
})

// Liberation returns the Liberation Serif family (metric-compatible with
// Times New Roman; SIL Open Font License) embedded from
// github.com/go-fonts/liberation, with all four styles. Every call returns
// the same *Family, so each face is parsed at most once per process.
func Liberation() *Family { return liberation() }

// FromBytes returns a family named name made of the given TrueType font
// files; a nil slice means the style is not available. It returns an error if
// name is empty or all four are nil. The bytes are not parsed until the style
// is first used (see Face), and they are retained, not copied: callers must
// not modify them afterwards.
func FromBytes(name string, regular, bold, italic, boldItalic []byte) (*Family, error) {
	if name == "" {
		return nil, errors.New("fonts: empty family name")
	}
	if regular == nil && bold == nil && italic == nil && boldItalic == nil {
		return nil, fmt.Errorf("fonts: family %q: no faces given", name)
	}
	return &Family{name: name, ttf: [numStyles][]byte{regular, bold, italic, boldItalic}}, nil
}

// FromFiles is like FromBytes but reads the faces from TrueType files; an
// empty path means the style is not available. The files are read now (an
// error names the file that could not be read) and parsed lazily.
func FromFiles(name string, regular, bold, italic, boldItalic string) (*Family, error) {
	if name == "" {
		return nil, errors.New("fonts: empty family name")
	}
	paths := [numStyles]string{regular, bold, italic, boldItalic}
	var ttf [numStyles][]byte
	for s, p := range paths {
		if p == "" {
			continue
		}
		b, err := os.ReadFile(p)
		if err != nil {
			// *fs.PathError includes the file name.
			return nil, fmt.Errorf("fonts: family %q %s: %w", name, Style(s), err)
		}
		ttf[s] = b
	}
	f, err := FromBytes(name, ttf[0], ttf[1], ttf[2], ttf[3])
	if err != nil {
		return nil, err
	}
	f.paths = paths
	return f, nil
}

// Name returns the family name given to FromBytes or FromFiles
// ("Liberation Serif" for Liberation).
func (f *Family) Name() string {
	if f == nil {
		return ""
	}
	return f.name
}

// Face returns the face of style s, parsing it on first use. The error names
// the family and style if the family has no such face or its data is not a
// valid TrueType (glyf-based) font; a failed parse is memoised as well.
func (f *Family) Face(s Style) (*Face, error) {
	if f == nil {
		return nil, errors.New("fonts: nil family")
	}
	if !s.valid() {
		return nil, fmt.Errorf("fonts: family %q: invalid style %v", f.name, s)
	}
	f.once[s].Do(func() {
		if f.ttf[s] == nil {
			f.errs[s] = fmt.Errorf("fonts: family %q has no %s face", f.name, s)
			return
		}
		fc, err := parseFace(f.ttf[s], s, f.trusted)
		if err != nil {
			src := ""
			if f.paths[s] != "" {
				src = " (" + f.paths[s] + ")"
			}
			f.errs[s] = fmt.Errorf("fonts: family %q %s%s: %w", f.name, s, src, err)
			return
		}
		f.faces[s] = fc
	})
	return f.faces[s], f.errs[s]
}
