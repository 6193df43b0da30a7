package bhytdoc

import (
	"fmt"
	"strings"
	"time"

	"github.com/bhytdoc/bhytdoc/internal/ir"
	"github.com/bhytdoc/bhytdoc/internal/typo"
)

// The parts of the kinds Appendix III of Decree 30 draws with a model of
// their own (Mẫu 1.6–1.10) and of two-party agreements. Each is a typed
// field of Document, set only for its kind; the lines the model prints
// ("Tới dự", "Chủ trì:", "Được cử đến:" …) are written by bhytdoc, in the
// model's words, before the Body.

// Moment is a time of day on a date: "8 giờ 00, ngày 15 tháng 6 năm 2024".
type Moment struct {
	// Date is the day; Hour and Minute the time of day.
	Date         Date
	Hour, Minute int // Hour 0–23, Minute 0–59
}

// String prints the moment as Vietnamese documents do, with the weekday
// for a full date: "14 giờ 00, thứ Tư, ngày 14 tháng 8 năm 2024".
func (m Moment) String() string {
	s := fmt.Sprintf("%d giờ %02d", m.Hour, m.Minute)
	if m.Date.Day > 0 {
		s += ", " + weekday(m.Date.Time().Weekday())
	}
	return s + ", " + typo.LongDate(m.Date.Year, m.Date.Month, m.Date.Day)
}

func weekday(w time.Weekday) string {
	return [...]string{"Chủ nhật", "thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy"}[w]
}

func (m Moment) validate(p *problems, field string) {
	if err := typo.ValidDate(m.Date.Year, m.Date.Month, m.Date.Day, false); err != nil {
		p.add(field+".Date", "%s", strings.TrimPrefix(err.Error(), "typo: "))
	}
	if m.Hour < 0 || m.Hour > 23 || m.Minute < 0 || m.Minute > 59 {
		p.add(field, "%d giờ %d: hour 0–23, minute 0–59", m.Hour, m.Minute)
	}
}

// Telegram is the part of a công điện (Mẫu 1.6) between its trích yếu and
// its content: "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN điện:" and the addressees,
// one per dash line.
type Telegram struct {
	// Sender is the body or the head's title that sends it ("Chủ tịch Ủy
	// ban nhân dân huyện"), printed in capitals before "điện:". Required.
	Sender string
	// Addressees receive the telegram, without final punctuation. At
	// least one.
	Addressees []string
}

// Invitation is the content of a giấy mời (Mẫu 1.7).
type Invitation struct {
	// Invitees follow "<issuer> trân trọng kính mời:": bodies or names,
	// positions and units. One is printed on the line, several as a dash
	// list. Required.
	Invitees []string
	// Event is the meeting after "Tới dự" ("Hội nghị sơ kết 6 tháng …").
	Event string
	// Chair follows "Chủ trì:". Optional.
	Chair string
	// Time follows "Thời gian:".
	Time Moment
	// Venue follows "Địa điểm:".
	Venue string
}

// Introduction is the content of a giấy giới thiệu (Mẫu 1.8).
type Introduction struct {
	// Honorific is "Ông" or "Bà"; empty prints the model's "Ông (bà)".
	Honorific string
	// Person is the name of who is introduced. Required.
	Person string
	// Position follows "Chức vụ:". Required.
	Position string
	// To follows "Được cử đến:": the body visited. Required.
	To string
	// Purpose follows "Về việc:". Required.
	Purpose string
	// ValidUntil ends "Giấy này có giá trị đến hết ngày …". Required.
	ValidUntil Date
}

// Minutes is the frame of a biên bản (Mẫu 1.9); Body holds its content.
// A biên bản has no place and date line: its times and place are here.
// Its Signatures are the chair's (Signatures[0], on the right) and the
// secretary's (Signatures[1], on the left), printed under "CHỦ TỌA" and
// "THƯ KÝ"; Nơi nhận is optional.
type Minutes struct {
	// Meeting names the gathering in the closing line: "Cuộc họp" when
	// empty, or "Hội nghị", "Hội thảo".
	Meeting string
	// Start follows "Thời gian bắt đầu:"; End closes the minutes.
	Start, End Moment
	// Venue follows "Địa điểm:". Required.
	Venue string
	// Participants follow "Thành phần tham dự:"; several print as a dash
	// list. At least one.
	Participants []string
	// Chair follows "Chủ trì:", Secretary "Thư ký:". Required.
	Chair, Secretary string
}

// Leave is the content of a giấy nghỉ phép (Mẫu 1.10).
type Leave struct {
	// RequestDate is the date of the application ("Xét Đơn đề nghị nghỉ
	// phép ngày …").
	RequestDate Date
	// Honorific is "Ông" or "Bà"; empty prints "Ông (bà)".
	Honorific string
	// Person and Position are who is granted leave.
	Person, Position string
	// Days is the length of the leave.
	Days int
	// From and To are its first and last day.
	From, To Date
	// Where is the place of leave. Required.
	Where string
	// CountsAs is the kind of leave it is counted as ("nghỉ phép năm
	// 2024"). Required.
	CountsAs string
	// Confirmation prints, under the signature table, the column where
	// the body or local authority where the leave is spent confirms it.
	Confirmation bool
}

// Party is one side of a hợp đồng, bản ghi nhớ or bản thỏa thuận.
type Party struct {
	// Name is the party's body ("Bảo hiểm xã hội huyện Nam Trực").
	Name string
	// Representative and Position: who signs for it, and their title.
	Representative, Position string
	// Address, Phone: optional lines.
	Address, Phone string
}

// partyLabel is "Bên A", "Bên B".
func partyLabel(i int) string { return "Bên " + string(rune('A'+i)) }

// eachSpecialText walks the texts of the special parts, for eachText.
func (d *Document) eachSpecialText(fn func(path textPath, s *string)) {
	if t := d.Telegram; t != nil {
		fn(at("Telegram.Sender"), &t.Sender)
		for i := range t.Addressees {
			fn(at1("Telegram.Addressees", i, ""), &t.Addressees[i])
		}
	}
	if v := d.Invitation; v != nil {
		for i := range v.Invitees {
			fn(at1("Invitation.Invitees", i, ""), &v.Invitees[i])
		}
		fn(at("Invitation.Event"), &v.Event)
		fn(at("Invitation.Chair"), &v.Chair)
		fn(at("Invitation.Venue"), &v.Venue)
	}
	if g := d.Introduction; g != nil {
		fn(at("Introduction.Honorific"), &g.Honorific)
		fn(at("Introduction.Person"), &g.Person)
		fn(at("Introduction.Position"), &g.Position)
		fn(at("Introduction.To"), &g.To)
		fn(at("Introduction.Purpose"), &g.Purpose)
	}
	if m := d.Minutes; m != nil {
		fn(at("Minutes.Meeting"), &m.Meeting)
		fn(at("Minutes.Venue"), &m.Venue)
		for i := range m.Participants {
			fn(at1("Minutes.Participants", i, ""), &m.Participants[i])
		}
		fn(at("Minutes.Chair"), &m.Chair)
		fn(at("Minutes.Secretary"), &m.Secretary)
	}
	if l := d.Leave; l != nil {
		fn(at("Leave.Honorific"), &l.Honorific)
		fn(at("Leave.Person"), &l.Person)
		fn(at("Leave.Position"), &l.Position)
		fn(at("Leave.Where"), &l.Where)
		fn(at("Leave.CountsAs"), &l.CountsAs)
	}
	for i := range d.Parties {
		pt := &d.Parties[i]
		fn(at1("Parties", i, ".Name"), &pt.Name)
		fn(at1("Parties", i, ".Representative"), &pt.Representative)
		fn(at1("Parties", i, ".Position"), &pt.Position)
		fn(at1("Parties", i, ".Address"), &pt.Address)
		fn(at1("Parties", i, ".Phone"), &pt.Phone)
	}
	if d.Issues != nil {
		d.Issues.eachText(func(path textPath, s *string) {
			path.pre = "Issues." + path.pre
			fn(path, s)
		})
	}
}

// cloneSpecial deep-copies the special parts into c, for Clone.
func (d *Document) cloneSpecial(c *Document) {
	if d.Telegram != nil {
		t := *d.Telegram
		t.Addressees = append([]string(nil), t.Addressees...)
		c.Telegram = &t
	}
	if d.Invitation != nil {
		v := *d.Invitation
		v.Invitees = append([]string(nil), v.Invitees...)
		c.Invitation = &v
	}
	if d.Introduction != nil {
		g := *d.Introduction
		c.Introduction = &g
	}
	if d.Minutes != nil {
		m := *d.Minutes
		m.Participants = append([]string(nil), m.Participants...)
		c.Minutes = &m
	}
	if d.Leave != nil {
		l := *d.Leave
		c.Leave = &l
	}
	c.Parties = append([]Party(nil), d.Parties...)
	if d.Parties == nil {
		c.Parties = nil
	}
	c.Issues = d.Issues.Clone()
}

// special reports which part a kind's model calls for, as the field name.
func (k Kind) special() string {
	switch k {
	case CongDien:
		return "Telegram"
	case GiayMoi:
		return "Invitation"
	case GiayGioiThieu:
		return "Introduction"
	case BienBan:
		return "Minutes"
	case GiayNghiPhep:
		return "Leave"
	case HopDong, BanGhiNho, BanThoaThuan:
		return "Parties"
	}
	return ""
}

// setSpecial lists the special parts d has, by field name.
func (d *Document) setSpecial() []string {
	var s []string
	for _, f := range []struct {
		name string
		set  bool
	}{
		{"Telegram", d.Telegram != nil}, {"Invitation", d.Invitation != nil},
		{"Introduction", d.Introduction != nil}, {"Minutes", d.Minutes != nil},
		{"Leave", d.Leave != nil}, {"Parties", len(d.Parties) > 0},
	} {
		if f.set {
			s = append(s, f.name)
		}
	}
	return s
}

// noPlaceDate: a biên bản and a document issued with a decision print no
// place and date line.
func (d *Document) noPlaceDate() bool { return d.Kind == BienBan || d.issued() }

// issued reports whether d is a document issued with a decision (Mẫu
// 1.3's companion): it has no number, date line, signature or Nơi nhận of
// its own.
func (d *Document) issued() bool { return strings.TrimSpace(d.IssuedWith) != "" }

// noiNhanOptional: kinds whose model may leave Nơi nhận out.
func (d *Document) noiNhanOptional() bool {
	return d.Kind == BienBan || d.Kind.twoParties() || d.issued()
}

// validateSpecial checks the special parts against the kind.
func (d *Document) validateSpecial(p *problems) {
	want := d.Kind.special()
	for _, f := range d.setSpecial() {
		if f != want && d.Kind.Valid() {
			p.add(f, "a %s has no %s part; it belongs to a %s", d.Kind.Name(), f, specialKinds[f])
		}
	}
	if d.Kind == ThuCong && d.Number != 0 {
		p.add("Number", "%d: a thư công carries no number", d.Number)
	}
	if (d.Kind == GiayGioiThieu || d.Kind == GiayNghiPhep) && strings.TrimSpace(d.Summary) != "" {
		p.add("Summary", "a %s has no trích yếu (Mẫu %s)", d.Kind.Name(), d.Kind.Model())
	}
	if d.issued() {
		if d.Number != 0 {
			p.add("Number", "%d: a document issued with a decision has no number of its own", d.Number)
		}
		if len(d.Signatures) > 0 {
			p.add("Signatures", "a document issued with a decision is not signed itself: the decision is")
		}
		if len(d.Recipients) > 0 || len(d.Luu) > 0 {
			p.add("Recipients", "a document issued with a decision has no Nơi nhận of its own")
		}
	}
	d.validateIssues(p)
	if t := d.Telegram; t != nil {
		required(p, "Telegram.Sender", t.Sender)
		tooLong(p, "Telegram.Sender", t.Sender, MaxTitleRunes)
		if len(t.Addressees) == 0 {
			p.add("Telegram.Addressees", "empty: a công điện names who receives it")
		}
		listItems(p, "Telegram.Addressees", t.Addressees)
	}
	if v := d.Invitation; v != nil {
		if len(v.Invitees) == 0 {
			p.add("Invitation.Invitees", "empty: whom does the giấy mời invite?")
		}
		listItems(p, "Invitation.Invitees", v.Invitees)
		required(p, "Invitation.Event", v.Event)
		required(p, "Invitation.Venue", v.Venue)
		v.Time.validate(p, "Invitation.Time")
	}
	if g := d.Introduction; g != nil {
		required(p, "Introduction.Person", g.Person)
		required(p, "Introduction.Position", g.Position)
		required(p, "Introduction.To", g.To)
		required(p, "Introduction.Purpose", g.Purpose)
		if err := typo.ValidDate(g.ValidUntil.Year, g.ValidUntil.Month, g.ValidUntil.Day, false); err != nil {
			p.add("Introduction.ValidUntil", "%s", strings.TrimPrefix(err.Error(), "typo: "))
		}
	}
	if m := d.Minutes; m != nil {
		m.Start.validate(p, "Minutes.Start")
		m.End.validate(p, "Minutes.End")
		if s, e := m.Start.at(), m.End.at(); e.Before(s) {
			p.add("Minutes.End", "%s is before the start, %s", m.End, m.Start)
		}
		required(p, "Minutes.Venue", m.Venue)
		if len(m.Participants) == 0 {
			p.add("Minutes.Participants", "empty: list who took part")
		}
		listItems(p, "Minutes.Participants", m.Participants)
		required(p, "Minutes.Chair", m.Chair)
		required(p, "Minutes.Secretary", m.Secretary)
	}
	if d.Kind == BienBan && len(d.Signatures) != 2 {
		p.add("Signatures", "a biên bản is signed by the chair (Signatures[0]) and the secretary (Signatures[1]); got %d", len(d.Signatures))
	}
	if l := d.Leave; l != nil {
		for _, f := range []struct {
			name string
			dt   Date
		}{{"Leave.RequestDate", l.RequestDate}, {"Leave.From", l.From}, {"Leave.To", l.To}} {
			if err := typo.ValidDate(f.dt.Year, f.dt.Month, f.dt.Day, false); err != nil {
				p.add(f.name, "%s", strings.TrimPrefix(err.Error(), "typo: "))
			}
		}
		span := int(l.To.Time().Sub(l.From.Time()).Hours()/24) + 1
		switch {
		case l.Days <= 0:
			p.add("Leave.Days", "%d: want the number of days of leave", l.Days)
		case span < 1:
			p.add("Leave.To", "before Leave.From")
		case l.Days > span:
			p.add("Leave.Days", "%d days do not fit from %s to %s", l.Days, typo.ShortDate(l.From.Year, l.From.Month, l.From.Day), typo.ShortDate(l.To.Year, l.To.Month, l.To.Day))
		}
		required(p, "Leave.Person", l.Person)
		required(p, "Leave.Position", l.Position)
		required(p, "Leave.Where", l.Where)
		required(p, "Leave.CountsAs", l.CountsAs)
	}
	if d.Kind.twoParties() {
		if len(d.Parties) != 2 {
			p.add("Parties", "a %s is between two parties; got %d", d.Kind.Name(), len(d.Parties))
		}
		if len(d.Signatures) != len(d.Parties) {
			p.add("Signatures", "each party signs: %d parties, %d signature blocks", len(d.Parties), len(d.Signatures))
		}
		for i := range d.Parties {
			f := fmt.Sprintf("Parties[%d].", i)
			required(p, f+"Name", d.Parties[i].Name)
			required(p, f+"Representative", d.Parties[i].Representative)
			required(p, f+"Position", d.Parties[i].Position)
		}
	}
}

var specialKinds = map[string]string{
	"Telegram": "công điện", "Invitation": "giấy mời", "Introduction": "giấy giới thiệu",
	"Minutes": "biên bản", "Leave": "giấy nghỉ phép", "Parties": "hợp đồng, bản ghi nhớ or bản thỏa thuận",
}

func (m Moment) at() time.Time {
	return m.Date.Time().Add(time.Duration(m.Hour)*time.Hour + time.Duration(m.Minute)*time.Minute)
}

// honorific is "Ông", "Bà" or the model's "Ông (bà)".
func honorific(s string) string {
	if s = typo.OneLine(s); s != "" {
		return s
	}
	return "Ông (bà)"
}

// specialIR returns the lines a special model prints before the body, as
// body blocks in the model's words, each naming its field.
func (d *Document) specialIR() []ir.Block {
	var out []ir.Block
	para := func(field string, spans ...ir.Span) {
		for i := range spans {
			if spans[i].Field == "" {
				spans[i].Field = field
			}
		}
		out = append(out, ir.Block{Kind: ir.Paragraph, Spans: spans, Field: field})
	}
	text := func(s string) ir.Span { return ir.Span{S: s} }
	val := func(s, field string) ir.Span { return ir.Span{S: typo.OneLine(s), Field: field} }
	list := func(items []string, field string) {
		for i, t := range listed(items, field) {
			out = append(out, ir.Block{Kind: ir.Dash, Marker: "-", Spans: []ir.Span{{S: strings.TrimPrefix(t.S, "- "), Field: t.Field}}, Field: fmt.Sprintf("%s[%d]", field, i)})
		}
	}
	// lead prints "label value", or the label alone and a dash list.
	lead := func(label string, items []string, field string) {
		if len(items) == 1 {
			para(field, text(label+" "), val(items[0], field+"[0]"))
			return
		}
		para(field, text(label))
		list(items, field)
	}
	issuer := typo.OneLine(d.Issuer.Name)
	if t := d.Telegram; t != nil {
		out = append(out, ir.Block{Kind: ir.Centered, Field: "Telegram.Sender", Spans: []ir.Span{
			{S: typo.Upper(typo.OneLine(t.Sender)) + " điện:", Style: ir.Bold, Field: "Telegram.Sender"}}})
		list(t.Addressees, "Telegram.Addressees")
	}
	if v := d.Invitation; v != nil {
		lead(issuer+" trân trọng kính mời:", v.Invitees, "Invitation.Invitees")
		para("Invitation.Event", text("Tới dự "), ir.Span{S: typo.OneLine(v.Event) + ".", Style: ir.Bold, Field: "Invitation.Event"})
		if strings.TrimSpace(v.Chair) != "" {
			para("Invitation.Chair", text("Chủ trì: "), val(v.Chair, ""))
		}
		para("Invitation.Time", text("Thời gian: "), ir.Span{S: v.Time.String() + ".", Field: "Invitation.Time"})
		para("Invitation.Venue", text("Địa điểm: "), ir.Span{S: typo.OneLine(v.Venue) + ".", Field: "Invitation.Venue"})
	}
	if g := d.Introduction; g != nil {
		para("Issuer.Name", text(issuer+" trân trọng giới thiệu:"))
		para("Introduction.Person", text(honorific(g.Honorific)+" "), ir.Span{S: typo.OneLine(g.Person), Style: ir.Bold, Field: "Introduction.Person"})
		para("Introduction.Position", text("Chức vụ: "), val(g.Position, ""))
		para("Introduction.To", text("Được cử đến: "), val(g.To, ""))
		para("Introduction.Purpose", text("Về việc: "), ir.Span{S: typo.OneLine(g.Purpose) + ".", Field: "Introduction.Purpose"})
		para("Introduction", text("Đề nghị Quý cơ quan tạo điều kiện để "+strings.ToLower(honorific(g.Honorific))+" có tên ở trên hoàn thành nhiệm vụ."))
		u := g.ValidUntil
		para("Introduction.ValidUntil", text("Giấy này có giá trị đến hết ngày "+typo.ShortDate(u.Year, u.Month, u.Day)+"./."))
	}
	if m := d.Minutes; m != nil {
		para("Minutes.Start", text("Thời gian bắt đầu: "+m.Start.String()+"."))
		para("Minutes.Venue", text("Địa điểm: "), ir.Span{S: typo.OneLine(m.Venue) + ".", Field: "Minutes.Venue"})
		lead("Thành phần tham dự:", m.Participants, "Minutes.Participants")
		para("Minutes.Chair", text("Chủ trì: "), val(m.Chair, ""))
		para("Minutes.Secretary", text("Thư ký: "), val(m.Secretary, ""))
		para("Minutes", ir.Span{S: "Nội dung:", Style: ir.Bold})
	}
	if l := d.Leave; l != nil {
		h := honorific(l.Honorific)
		r := l.RequestDate
		para("Leave.RequestDate", text("Xét Đơn đề nghị nghỉ phép ngày "+typo.ShortDate(r.Year, r.Month, r.Day)+" của "+strings.ToLower(h)+" "+typo.OneLine(l.Person)+";"))
		para("Issuer.Name", text(issuer+" cấp cho:"))
		para("Leave.Person", text(h+": "), ir.Span{S: typo.OneLine(l.Person), Style: ir.Bold, Field: "Leave.Person"})
		para("Leave.Position", text("Chức vụ: "), val(l.Position, ""))
		para("Leave.Days", text(fmt.Sprintf("Được nghỉ phép trong thời gian %d ngày kể từ ngày %s đến hết ngày %s tại %s.", l.Days,
			typo.ShortDate(l.From.Year, l.From.Month, l.From.Day), typo.ShortDate(l.To.Year, l.To.Month, l.To.Day), typo.OneLine(l.Where))))
		para("Leave.CountsAs", text("Số ngày nghỉ phép nêu trên được tính vào thời gian "+typo.OneLine(l.CountsAs)+"./."))
	}
	for i, pt := range d.Parties {
		f := elem("Parties", i)
		para(f+".Name", ir.Span{S: typo.Upper(partyLabel(i)) + ": " + typo.Upper(typo.OneLine(pt.Name)), Style: ir.Bold, Field: f + ".Name"})
		para(f+".Representative", text("Đại diện: "), val(pt.Representative, f+".Representative"), text(" - Chức vụ: "), val(pt.Position, f+".Position"))
		if s := typo.OneLine(pt.Address); s != "" {
			para(f+".Address", text("Địa chỉ: "+s))
		}
		if s := typo.OneLine(pt.Phone); s != "" {
			para(f+".Phone", text("Điện thoại: "+s))
		}
	}
	return out
}

// specialTail returns the closing line a model prints after the body: a
// biên bản's "Cuộc họp kết thúc vào …".
func (d *Document) specialTail() []ir.Block {
	m := d.Minutes
	if m == nil {
		return nil
	}
	w := typo.OneLine(m.Meeting)
	if w == "" {
		w = "Cuộc họp"
	}
	s := fmt.Sprintf("%s kết thúc vào %d giờ %02d, %s./.", w, m.End.Hour, m.End.Minute, typo.LongDate(m.End.Date.Year, m.End.Date.Month, m.End.Date.Day))
	return []ir.Block{{Kind: ir.Paragraph, Spans: []ir.Span{{S: s, Field: "Minutes.End"}}, Field: "Minutes.End"}}
}

// specialSignatures derives the signature blocks of a biên bản (chair on
// the right, secretary on the left, under CHỦ TỌA and THƯ KÝ) and of a
// two-party agreement (Bên A on the left, Bên B on the right, each under
// ĐẠI DIỆN BÊN …). It returns nil for other kinds.
func (d *Document) specialSignatures() []ir.Signature {
	head := func(s ir.Signature, title string) ir.Signature {
		s.Titles = append([]ir.Text{{S: title, Field: s.Name.Field}}, s.Titles...)
		return s
	}
	switch {
	case d.Kind == BienBan && len(d.Signatures) == 2:
		return []ir.Signature{
			head(signatureIR(&d.Signatures[0], "Signatures[0]"), "CHỦ TỌA"),
			head(signatureIR(&d.Signatures[1], "Signatures[1]"), "THƯ KÝ"),
		}
	case d.Kind.twoParties() && len(d.Signatures) == 2:
		// The writers print the first block on the right.
		return []ir.Signature{
			head(signatureIR(&d.Signatures[1], "Signatures[1]"), "ĐẠI DIỆN "+typo.Upper(partyLabel(1))),
			head(signatureIR(&d.Signatures[0], "Signatures[0]"), "ĐẠI DIỆN "+typo.Upper(partyLabel(0))),
		}
	}
	return nil
}

// confirmationIR is a giấy nghỉ phép's confirmation column.
func (d *Document) confirmationIR() []ir.Text {
	if d.Leave == nil || !d.Leave.Confirmation {
		return nil
	}
	return []ir.Text{
		{S: "Xác nhận của cơ quan (tổ chức) hoặc chính quyền địa phương nơi nghỉ phép", Field: "Leave.Confirmation"},
		{S: "(Chữ ký, dấu)", Field: "Leave.Confirmation"},
	}
}
