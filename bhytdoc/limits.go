package bhytdoc

// Limits on what a Document may hold. Each keeps a hostile or mistaken
// input from hanging the layout, exhausting memory or pushing text off
// the page; Validate names the field that exceeds one.
const (
	// MaxColumns is the most columns an annex table may have: at
	// MinColumnWidth each, they still fit a landscape page.
	MaxColumns = 34
	// MinColumnWidth and MaxTableWidth bound Column.Width in mm: a set
	// width is at least MinColumnWidth, and the set widths plus
	// MinColumnWidth for every column fitted to its content are at most
	// MaxTableWidth, the text width of a landscape A4 page with Decree
	// 30's widest margins (297 − 35 − 20 mm).
	MinColumnWidth = 7.0
	MaxTableWidth  = 242.0
	// MaxCellRunes bounds the text of a body or totals cell; a row taller
	// than a page continues on the next. MaxHeaderCellRunes bounds a
	// header cell, which is repeated on every page.
	MaxCellRunes       = 10000
	MaxHeaderCellRunes = 200
	// MaxTableRows bounds the body rows of all a document's tables
	// together (annexes and tables in the body): every writer's time and
	// memory grow with them. An annex of every commune of the country
	// (about 10,600) fits.
	MaxTableRows = 20000
	// MaxImagePixels bounds the width × height a signature or seal PNG
	// declares; it is checked before the image is decoded. 4 megapixels
	// is 2048 × 2048, far more than a 45 mm signature needs at 600 dpi.
	// MaxImageBytes bounds the encoded file.
	MaxImagePixels = 4 << 20
	MaxImageBytes  = 8 << 20
	// MaxAbbrevRunes bounds Issuer.Abbrev and DraftingUnit, printed in
	// the "Số:" line.
	MaxAbbrevRunes = 20
	// MaxNameRunes bounds a signer's name; MaxTitleRunes each authority
	// line and position; MaxAuthorities the authority lines of a block
	// ("TM. Ủy ban nhân dân", "KT. Chủ tịch"). At these limits a second
	// signature block, in the narrower left column, still fits a page.
	MaxNameRunes   = 60
	MaxTitleRunes  = 100
	MaxAuthorities = 2
	// MaxHeaderRunes bounds each of Issuer.Name, Issuer.Parent and Place,
	// and MaxSummaryRunes the trích yếu and an annex's title or
	// reference, so that the first page's header stays on it.
	MaxHeaderRunes  = 120
	MaxSummaryRunes = 300
)
