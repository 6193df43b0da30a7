package sign

import (
	"fmt"

	"github.com/bhytdoc/bhytdoc/internal/third_party/pdf"
)

// Bounds of the page tree walk: the libraries below walk it recursively
// and would loop forever on a cyclic tree.
const (
	maxTreeDepth = 64
	maxTreeNodes = 100000
)

// checkPages walks the page tree once, refusing cycles and trees too deep
// or too large, and returns the number of pages.
func checkPages(rdr *pdf.Reader) (int, error) {
	seen := map[uint32]bool{}
	pages := 0
	var walk func(v pdf.Value, depth int) error
	walk = func(v pdf.Value, depth int) error {
		if depth > maxTreeDepth || len(seen) > maxTreeNodes {
			return fmt.Errorf("sign: the page tree is deeper than %d or larger than %d nodes", maxTreeDepth, maxTreeNodes)
		}
		ptr := v.GetPtr()
		if id := ptr.GetID(); id != 0 {
			if seen[id] {
				return fmt.Errorf("sign: the page tree refers to object %d twice", id)
			}
			seen[id] = true
		}
		switch v.Key("Type").Name() {
		case "Page":
			pages++
			return nil
		case "Pages":
			kids := v.Key("Kids")
			for i := 0; i < kids.Len(); i++ {
				if err := walk(kids.Index(i), depth+1); err != nil {
					return err
				}
			}
			return nil
		}
		return fmt.Errorf("sign: the page tree holds a %q node", v.Key("Type").Name())
	}
	if err := walk(rdr.Trailer().Key("Root").Key("Pages"), 0); err != nil {
		return 0, err
	}
	if pages == 0 || int64(pages) != rdr.Trailer().Key("Root").Key("Pages").Key("Count").Int64() {
		return 0, fmt.Errorf("sign: the page tree has %d pages but says %d", pages, rdr.Trailer().Key("Root").Key("Pages").Key("Count").Int64())
	}
	return pages, nil
}

// mediaBox is the page's MediaBox, inherited from its ancestors if need
// be (the tree has been checked by checkPages).
func mediaBox(v pdf.Value) pdf.Value {
	for i := 0; i <= maxTreeDepth && !v.IsNull(); i++ {
		if mb := v.Key("MediaBox"); !mb.IsNull() {
			return mb
		}
		v = v.Key("Parent")
	}
	return pdf.Value{}
}
