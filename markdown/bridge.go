package markdown

import (
	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/internal/bridge"
)

// bhytdoc's plumbing for this package, set by its init, which runs
// before these are initialised (see internal/bridge).
var (
	markdownParts    = bridge.MarkdownParts.(func(*bhytdoc.Document, *bhytdoc.Options) ([]byte, []byte, *bhytdoc.Document, error))
	parseBodyLines   = bridge.ParseBodyLines.(func(string, int) ([]bhytdoc.Block, []int, error))
	normalizeChecked = bridge.NormalizeChecked.(func(*bhytdoc.Document, bhytdoc.ToneStyle) func() error)
)
