package bhytdoc

import "github.com/bhytdoc/bhytdoc/internal/bridge"

// Sibling packages reach these through internal/bridge: they are
// plumbing, not part of the API.
func init() {
	bridge.MarkdownParts = markdownParts
	bridge.CheckPDF = checkPDF
	bridge.ParseBodyLines = parseValidBodyLines
	bridge.NormalizeChecked = normalizeChecked
}
