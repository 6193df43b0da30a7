package markdown

import (
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
)

// A decision of Mẫu 1.3 and the document it issues are one source: the
// issued document's fields other than its body under the front matter's
// issues: key, its body after a line
//
//	<!-- bhytdoc:issued -->
//
// that ends the decision's body. Its issuing body, date and "(Kèm theo
// Quyết định số …)" line are the decision's and are not written.
const issuedMark = "<!-- bhytdoc:issued -->"

// issued writes the issued document of c (the settled copy of n): the
// marker, its header as the paper shows it, its body and its footer
// (annexes). n is the normalised decision the parts are made from.
func (w *writer) issued(n *bhytdoc.Document, iss *bhytdoc.Document, tone bhytdoc.ToneStyle) error {
	if iss == nil {
		return nil
	}
	header, footer, _, err := markdownParts(n.IssuedDocument(bhytdoc.Paper), &bhytdoc.Options{Tone: tone})
	if err != nil {
		return err
	}
	if err := checkWritable(iss); err != nil {
		return err
	}
	w.para(issuedMark)
	w.marked(true, headerOpen, headerClose, header)
	sub := &writer{doc: iss}
	sub.body()
	w.buf.Write(sub.buf.Bytes())
	w.marked(true, footerOpen, footerClose, footer)
	return nil
}

// issues decodes the front matter's issues: mapping, a document without
// its body, recording where its fields were written as Issues.*.
func (d *fmDecoder) issues(n *yaml.Node, doc *bhytdoc.Document) {
	if d.issued {
		// Not decoded: nesting would only deepen the recursion.
		d.fail(n, "issues.issues", "a document issued with a decision issues none itself")
		return
	}
	d.mark("Issues", n)
	sub := *d
	sub.issued = true
	sub.pos = newPositions()
	sub.annexFiles = map[int]*TableFile{}
	doc.Issues = &bhytdoc.Document{}
	sub.document(n, doc.Issues)
	sub.pos.each(func(f string, p pos) { d.pos.set("Issues."+f, p) })
	if len(sub.annexFiles) > 0 {
		d.fail(n, "issues.annexes", "an issued document's annexes are written inline, not read from a file")
	}
}

// splitIssued splits the body text (starting on file line bodyLine) at
// the issued document's marker line, which it reports (0: none): the
// decision's body, and the issued document's from the next line.
func splitIssued(body string, bodyLine, marker int) (string, string) {
	if marker == 0 {
		return body, ""
	}
	off := 0
	for l := bodyLine; l < marker; l++ {
		i := strings.IndexByte(body[off:], '\n')
		if i < 0 {
			return body, ""
		}
		off += i + 1
	}
	end := len(body)
	if i := strings.IndexByte(body[off:], '\n'); i >= 0 {
		end = off + i + 1
	}
	return body[:off], body[end:]
}

// issuedBody reads the issued document's body into s.Doc.Issues, or
// reports a body without an issues: key.
func (s *Source) issuedBody(text string, line, marker int, p *problems) {
	if marker == 0 {
		if s.Doc.Issues != nil {
			p, _ := s.pos.get("Issues")
			s.pos.set("Issues.Body", p)
		}
		return
	}
	if s.Doc.Issues == nil {
		p.add(marker, "", "%s starts the body of the document a decision issues, but the front matter has no issues: key (its kind and trích yếu)", issuedMark)
		return
	}
	blocks, lines := parseBody(text, line, p)
	s.Doc.Issues.Body = blocks
	s.pos.set("Issues.Body", pos{s.Name, marker})
	s.pos.setLines("Issues.Body", s.Name, lines)
}
