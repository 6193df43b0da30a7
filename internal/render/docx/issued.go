package docx

import "github.com/bhytdoc/bhytdoc/internal/pagespec"

// issued writes, in the paper variant of a decision of Mẫu 1.3, the
// document it issues after the decision's last section: a section of its
// own (a new page, page numbers from 1, none on its first page) with its
// header, body and annexes. It shares the decision's parts: images,
// drawing ids and relationships.
func (w *builder) issued() {
	d := w.doc.Issued
	sub := &builder{doc: d, set: w.set, annexes: w.issuedAnnexes, tables: w.issuedTables, faces: w.faces,
		sp: pagespec.For(d.Kind()), images: w.images, byHash: w.byHash, drawing: w.drawing, after: w}
	sub.b.styles = w.b.styles // one styles.xml for the file
	sub.header()
	sub.flow()
	sub.annexSections()
	sub.b.para(&para{line: 20, lineRule: "exact", size: 1})
	sub.b.str(sub.sectPr(len(d.Annexes) - 1))
	w.b.Write(sub.b.Bytes())
	w.images, w.drawing = sub.images, sub.drawing
}

// first is the builder of the file's first document: the decision's,
// whose first page carries the contact footer.
func (w *builder) first() *builder {
	for w.after != nil {
		w = w.after
	}
	return w
}
