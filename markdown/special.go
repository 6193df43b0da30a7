package markdown

import (
	"fmt"
	"strconv"

	"gopkg.in/yaml.v3"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/internal/excerpt"
	"github.com/bhytdoc/bhytdoc/internal/lazyre"
)

// The front matter of the parts Appendix III's special models add
// (bhytdoc.Telegram, Invitation, Introduction, Minutes, Leave, Party):
//
//	telegram: {sender: …, addressees: [- …]}
//	invitation: {invitees: [- …], event: …, chair: …, time: 2024-06-20 14:00, venue: …}
//	introduction: {honorific: Ông, person: …, position: …, to: …, purpose: …, valid_until: 2024-06-30}
//	minutes: {meeting: Cuộc họp, start: 2024-06-20 14:00, end: 2024-06-20 16:30, venue: …,
//	          participants: [- …], chair: …, secretary: …}
//	leave: {request_date: …, honorific: …, person: …, position: …, days: 5, from: …, to: …,
//	        where: …, counts_as: …, confirmation: true}
//	parties: [{name: …, representative: …, position: …, address: …, phone: …}, …]

var reMoment = lazyre.New(`^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})[ T]([0-9]{1,2}):([0-9]{2})$`)

func (d *fmDecoder) moment(v *yaml.Node, where, field string, dst *bhytdoc.Moment) {
	s, ok := d.text(v, where)
	if !ok {
		return
	}
	d.mark(field, v)
	m := reMoment.FindStringSubmatch(s)
	if m == nil {
		d.fail(v, where, "want a date and time like 2024-06-20 14:00, got %s", excerpt.Quote(s))
		return
	}
	n := make([]int, 5)
	for i := range n {
		n[i], _ = strconv.Atoi(m[i+1])
	}
	*dst = bhytdoc.Moment{Date: bhytdoc.Date{Year: n[0], Month: n[1], Day: n[2]}, Hour: n[3], Minute: n[4]}
}

// specialFields are the decoders of the special parts' keys.
var specialFields = map[string]docField{
	"telegram": func(d *fmDecoder, doc *bhytdoc.Document, n *yaml.Node) {
		t := &bhytdoc.Telegram{}
		d.mark("Telegram", n)
		d.fields(n, "telegram", map[string]func(*yaml.Node){
			"sender":     func(v *yaml.Node) { d.str(v, "telegram.sender", "Telegram.Sender", &t.Sender) },
			"addressees": func(v *yaml.Node) { d.texts(v, "telegram.addressees", "Telegram.Addressees", &t.Addressees) },
		})
		doc.Telegram = t
	},
	"invitation": func(d *fmDecoder, doc *bhytdoc.Document, n *yaml.Node) {
		t := &bhytdoc.Invitation{}
		d.mark("Invitation", n)
		d.fields(n, "invitation", map[string]func(*yaml.Node){
			"invitees": func(v *yaml.Node) { d.texts(v, "invitation.invitees", "Invitation.Invitees", &t.Invitees) },
			"event":    func(v *yaml.Node) { d.str(v, "invitation.event", "Invitation.Event", &t.Event) },
			"chair":    func(v *yaml.Node) { d.str(v, "invitation.chair", "Invitation.Chair", &t.Chair) },
			"time":     func(v *yaml.Node) { d.moment(v, "invitation.time", "Invitation.Time", &t.Time) },
			"venue":    func(v *yaml.Node) { d.str(v, "invitation.venue", "Invitation.Venue", &t.Venue) },
		})
		doc.Invitation = t
	},
	"introduction": func(d *fmDecoder, doc *bhytdoc.Document, n *yaml.Node) {
		t := &bhytdoc.Introduction{}
		d.mark("Introduction", n)
		d.fields(n, "introduction", map[string]func(*yaml.Node){
			"honorific":   func(v *yaml.Node) { d.str(v, "introduction.honorific", "Introduction.Honorific", &t.Honorific) },
			"person":      func(v *yaml.Node) { d.str(v, "introduction.person", "Introduction.Person", &t.Person) },
			"position":    func(v *yaml.Node) { d.str(v, "introduction.position", "Introduction.Position", &t.Position) },
			"to":          func(v *yaml.Node) { d.str(v, "introduction.to", "Introduction.To", &t.To) },
			"purpose":     func(v *yaml.Node) { d.str(v, "introduction.purpose", "Introduction.Purpose", &t.Purpose) },
			"valid_until": func(v *yaml.Node) { d.date(v, "introduction.valid_until", "Introduction.ValidUntil", &t.ValidUntil) },
		})
		doc.Introduction = t
	},
	"minutes": func(d *fmDecoder, doc *bhytdoc.Document, n *yaml.Node) {
		t := &bhytdoc.Minutes{}
		d.mark("Minutes", n)
		d.fields(n, "minutes", map[string]func(*yaml.Node){
			"meeting":      func(v *yaml.Node) { d.str(v, "minutes.meeting", "Minutes.Meeting", &t.Meeting) },
			"start":        func(v *yaml.Node) { d.moment(v, "minutes.start", "Minutes.Start", &t.Start) },
			"end":          func(v *yaml.Node) { d.moment(v, "minutes.end", "Minutes.End", &t.End) },
			"venue":        func(v *yaml.Node) { d.str(v, "minutes.venue", "Minutes.Venue", &t.Venue) },
			"participants": func(v *yaml.Node) { d.texts(v, "minutes.participants", "Minutes.Participants", &t.Participants) },
			"chair":        func(v *yaml.Node) { d.str(v, "minutes.chair", "Minutes.Chair", &t.Chair) },
			"secretary":    func(v *yaml.Node) { d.str(v, "minutes.secretary", "Minutes.Secretary", &t.Secretary) },
		})
		doc.Minutes = t
	},
	"leave": func(d *fmDecoder, doc *bhytdoc.Document, n *yaml.Node) {
		t := &bhytdoc.Leave{}
		d.mark("Leave", n)
		d.fields(n, "leave", map[string]func(*yaml.Node){
			"request_date": func(v *yaml.Node) { d.date(v, "leave.request_date", "Leave.RequestDate", &t.RequestDate) },
			"honorific":    func(v *yaml.Node) { d.str(v, "leave.honorific", "Leave.Honorific", &t.Honorific) },
			"person":       func(v *yaml.Node) { d.str(v, "leave.person", "Leave.Person", &t.Person) },
			"position":     func(v *yaml.Node) { d.str(v, "leave.position", "Leave.Position", &t.Position) },
			"days":         func(v *yaml.Node) { d.whole(v, "leave.days", "Leave.Days", &t.Days) },
			"from":         func(v *yaml.Node) { d.date(v, "leave.from", "Leave.From", &t.From) },
			"to":           func(v *yaml.Node) { d.date(v, "leave.to", "Leave.To", &t.To) },
			"where":        func(v *yaml.Node) { d.str(v, "leave.where", "Leave.Where", &t.Where) },
			"counts_as":    func(v *yaml.Node) { d.str(v, "leave.counts_as", "Leave.CountsAs", &t.CountsAs) },
			"confirmation": func(v *yaml.Node) {
				if b, ok := d.boolean(v, "leave.confirmation"); ok {
					t.Confirmation = b
					d.mark("Leave.Confirmation", v)
				}
			},
		})
		doc.Leave = t
	},
	"parties": func(d *fmDecoder, doc *bhytdoc.Document, n *yaml.Node) {
		d.mark("Parties", n)
		d.list(n, "parties", func(i int, it *yaml.Node) {
			var p bhytdoc.Party
			w, f := fmt.Sprintf("parties[%d]", i), fmt.Sprintf("Parties[%d]", i)
			d.mark(f, it)
			d.fields(it, w, map[string]func(*yaml.Node){
				"name":           func(v *yaml.Node) { d.str(v, w+".name", f+".Name", &p.Name) },
				"representative": func(v *yaml.Node) { d.str(v, w+".representative", f+".Representative", &p.Representative) },
				"position":       func(v *yaml.Node) { d.str(v, w+".position", f+".Position", &p.Position) },
				"address":        func(v *yaml.Node) { d.str(v, w+".address", f+".Address", &p.Address) },
				"phone":          func(v *yaml.Node) { d.str(v, w+".phone", f+".Phone", &p.Phone) },
			})
			doc.Parties = append(doc.Parties, p)
		})
	},
}

func momentNode(m bhytdoc.Moment) *yaml.Node {
	return str(fmt.Sprintf("%04d-%02d-%02d %02d:%02d", m.Date.Year, m.Date.Month, m.Date.Day, m.Hour, m.Minute))
}

// specialNodes adds the special parts of d to the front matter root.
func specialNodes(root *yaml.Node, d *bhytdoc.Document) {
	add := func(m *yaml.Node, key string, v *yaml.Node) { m.Content = append(m.Content, str(key), v) }
	text := func(m *yaml.Node, key, v string) {
		if v != "" {
			add(m, key, str(v))
		}
	}
	list := func(m *yaml.Node, key string, vs []string) {
		if len(vs) > 0 {
			add(m, key, strList(vs, false))
		}
	}
	mapping := func() *yaml.Node { return &yaml.Node{Kind: yaml.MappingNode} }
	if t := d.Telegram; t != nil {
		m := mapping()
		text(m, "sender", t.Sender)
		list(m, "addressees", t.Addressees)
		add(root, "telegram", m)
	}
	if t := d.Invitation; t != nil {
		m := mapping()
		list(m, "invitees", t.Invitees)
		text(m, "event", t.Event)
		text(m, "chair", t.Chair)
		add(m, "time", momentNode(t.Time))
		text(m, "venue", t.Venue)
		add(root, "invitation", m)
	}
	if t := d.Introduction; t != nil {
		m := mapping()
		text(m, "honorific", t.Honorific)
		text(m, "person", t.Person)
		text(m, "position", t.Position)
		text(m, "to", t.To)
		text(m, "purpose", t.Purpose)
		add(m, "valid_until", dateNode(t.ValidUntil))
		add(root, "introduction", m)
	}
	if t := d.Minutes; t != nil {
		m := mapping()
		text(m, "meeting", t.Meeting)
		add(m, "start", momentNode(t.Start))
		add(m, "end", momentNode(t.End))
		text(m, "venue", t.Venue)
		list(m, "participants", t.Participants)
		text(m, "chair", t.Chair)
		text(m, "secretary", t.Secretary)
		add(root, "minutes", m)
	}
	if t := d.Leave; t != nil {
		m := mapping()
		add(m, "request_date", dateNode(t.RequestDate))
		text(m, "honorific", t.Honorific)
		text(m, "person", t.Person)
		text(m, "position", t.Position)
		add(m, "days", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(t.Days)})
		add(m, "from", dateNode(t.From))
		add(m, "to", dateNode(t.To))
		text(m, "where", t.Where)
		text(m, "counts_as", t.CountsAs)
		if t.Confirmation {
			add(m, "confirmation", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "true"})
		}
		add(root, "leave", m)
	}
	if len(d.Parties) > 0 {
		s := &yaml.Node{Kind: yaml.SequenceNode}
		for _, p := range d.Parties {
			m := mapping()
			text(m, "name", p.Name)
			text(m, "representative", p.Representative)
			text(m, "position", p.Position)
			text(m, "address", p.Address)
			text(m, "phone", p.Phone)
			s.Content = append(s.Content, m)
		}
		add(root, "parties", s)
	}
	if d.Issues != nil {
		add(root, "issues", docNode(d.Issues))
	}
}
