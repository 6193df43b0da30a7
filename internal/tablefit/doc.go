// Package tablefit lays a table out for any writer: it chooses the
// orientation, font size and column widths of a table (package ir) and
// the height of every header and body row, and it plans where a table
// that does not fit one page breaks. The PDF and DOCX writers both draw
// its result, so a table has the same columns and size in every format.
//
// Columns are fitted like a browser's automatic table layout: each gets
// at least its min-content width (its longest word, so that digits and
// short tokens are never broken) and the room left is shared among the
// columns that hold running text, up to their max-content width. Numeric
// columns stay as narrow as their widest number. Header cells, leaf cells
// under spanning group headers included, wrap to at most
// pagespec.MaxHeadLines lines.
//
// For an annex, Fit tries in order a portrait page, a landscape page, and
// the table font stepped down from pagespec.TableSize to
// pagespec.TableSizeMin, and takes the first that holds the whole table
// on one page; a table no candidate holds is split (see Split), on the
// first candidate whose columns fit.
package tablefit
