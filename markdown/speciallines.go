package markdown

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/internal/excerpt"
	"github.com/bhytdoc/bhytdoc/internal/lazyre"
)

// The typed lines of Mẫu 1.6–1.10 (công điện, giấy mời, giấy giới thiệu,
// biên bản, giấy nghỉ phép) may be written in the body the way a clerk
// types them, instead of under telegram:, invitation:, introduction:,
// minutes: or leave: in the front matter; for example:
//
//	Kính mời: Chủ tịch Ủy ban nhân dân các xã, thị trấn   (or a dash list)
//	Tới dự: Hội nghị sơ kết công tác bảo hiểm y tế 6 tháng đầu năm 2024
//	Chủ trì: Ông Trần Văn Hùng, Phó Chủ tịch Ủy ban nhân dân huyện
//	Thời gian: 14 giờ 00, thứ Hai, ngày 15/7/2024
//	Địa điểm: Hội trường Ủy ban nhân dân huyện
//
//	Thời gian bắt đầu: 14 giờ 00, ngày 15 tháng 7 năm 2024
//	Địa điểm: …
//	Thành phần tham dự:   (a dash list, or the value on the line)
//	Chủ trì (chủ tọa): …
//	Thư ký (người ghi biên bản): …
//	Nội dung:
//	… the minutes …
//	Hội nghị kết thúc vào 16 giờ 30, ngày 15/7/2024.
//
// The lines open the body (a biên bản's closing line ends it); they are
// read into the part and taken out of the body, so each is written once.
// A malformed line is an error at its line naming the field.

// labelled is one labelled line a kind's body may open with.
type labelled struct {
	labels []string // lower case, without the colon
	field  string   // "Invitation.Time"
	list   bool     // a dash list may follow instead of a value
	prefix bool     // the label may also lead its value without a colon
	set    func(part any, v string, items []string) error
}

var (
	reClock   = `([0-9]{1,2})\s*(?:giờ|h|:)\s*([0-9]{1,2})?(?:\s*phút)?`
	reWeekday = `(?:(thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ\s+nhật)\s*,?\s*)?`
	reDay     = `(?:ngày\s+)?([0-9]{1,2})(?:/|\s+tháng\s+)([0-9]{1,2})(?:/|\s+năm\s+)([0-9]{4})`
	// reLineMoment reads "14 giờ 00, thứ Hai, ngày 15/7/2024", "14h ngày
	// 15 tháng 7 năm 2024", "14:00 15/7/2024".
	reLineMoment = lazyre.New(`(?i)^` + reClock + `\s*,?\s*` + reWeekday + reDay + `\s*\.?$`)
	reEnd        = lazyre.New(`(?i)^(cuộc họp|hội nghị|hội thảo)\s+kết thúc (?:vào|lúc)\s+(.*)$`)
)

// parseMoment reads a time and date as clerks write them; a weekday, when
// given, must be the date's.
func parseMoment(s string) (bhytdoc.Moment, error) {
	s = strings.TrimSuffix(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "./.")), ".")
	if m := reMoment.FindStringSubmatch(s); m != nil {
		n := atoiAll(m[1:])
		return bhytdoc.Moment{Date: bhytdoc.Date{Year: n[0], Month: n[1], Day: n[2]}, Hour: n[3], Minute: n[4]}, nil
	}
	m := reLineMoment.FindStringSubmatch(s)
	if m == nil {
		return bhytdoc.Moment{}, fmt.Errorf("%s: want a time and date such as \"14 giờ 00, ngày 15/7/2024\"", excerpt.Quote(s))
	}
	if m[2] == "" {
		m[2] = "0"
	}
	n := atoiAll([]string{m[1], m[2], m[4], m[5], m[6]})
	mo := bhytdoc.Moment{Date: bhytdoc.Date{Year: n[4], Month: n[3], Day: n[2]}, Hour: n[0], Minute: n[1]}
	if mo.Hour > 23 || mo.Minute > 59 {
		return mo, fmt.Errorf("%s: hour 0–23, minute 0–59", excerpt.Quote(s))
	}
	t := mo.Date.Time()
	if t.Year() != n[4] || int(t.Month()) != n[3] || t.Day() != n[2] {
		return mo, fmt.Errorf("%s: no such date", excerpt.Quote(s))
	}
	if w := strings.Join(strings.Fields(strings.ToLower(m[3])), " "); w != "" && w != weekdays[t.Weekday()] {
		return mo, fmt.Errorf("%s: %s is a %s, not a %s", excerpt.Quote(s), t.Format("02/01/2006"), weekdays[t.Weekday()], w)
	}
	return mo, nil
}

var weekdays = [...]string{time.Sunday: "chủ nhật", "thứ hai", "thứ ba", "thứ tư", "thứ năm", "thứ sáu", "thứ bảy"}

func atoiAll(ss []string) []int {
	out := make([]int, len(ss))
	for i, s := range ss {
		out[i], _ = strconv.Atoi(s)
	}
	return out
}

func value(v string) string { return strings.TrimSuffix(strings.TrimSpace(v), ".") }

var invitationLines = []labelled{
	{labels: []string{"kính mời", "trân trọng kính mời"}, field: "Invitation.Invitees", list: true, set: func(p any, v string, items []string) error {
		inv := p.(*bhytdoc.Invitation)
		if v != "" {
			items = append([]string{value(v)}, items...)
		}
		inv.Invitees = items
		return nil
	}},
	{labels: []string{"tới dự"}, field: "Invitation.Event", prefix: true, set: func(p any, v string, _ []string) error { p.(*bhytdoc.Invitation).Event = value(v); return nil }},
	{labels: []string{"chủ trì"}, field: "Invitation.Chair", set: func(p any, v string, _ []string) error { p.(*bhytdoc.Invitation).Chair = value(v); return nil }},
	{labels: []string{"thời gian"}, field: "Invitation.Time", set: func(p any, v string, _ []string) (err error) {
		p.(*bhytdoc.Invitation).Time, err = parseMoment(v)
		return err
	}},
	{labels: []string{"địa điểm"}, field: "Invitation.Venue", set: func(p any, v string, _ []string) error { p.(*bhytdoc.Invitation).Venue = value(v); return nil }},
}

var minutesLines = []labelled{
	{labels: []string{"thời gian bắt đầu"}, field: "Minutes.Start", set: func(p any, v string, _ []string) (err error) {
		p.(*bhytdoc.Minutes).Start, err = parseMoment(v)
		return err
	}},
	{labels: []string{"thời gian kết thúc"}, field: "Minutes.End", set: func(p any, v string, _ []string) (err error) {
		p.(*bhytdoc.Minutes).End, err = parseMoment(v)
		return err
	}},
	{labels: []string{"địa điểm"}, field: "Minutes.Venue", set: func(p any, v string, _ []string) error { p.(*bhytdoc.Minutes).Venue = value(v); return nil }},
	{labels: []string{"thành phần tham dự", "thành phần"}, field: "Minutes.Participants", list: true, set: func(p any, v string, items []string) error {
		if v != "" {
			items = append([]string{value(v)}, items...)
		}
		p.(*bhytdoc.Minutes).Participants = items
		return nil
	}},
	{labels: []string{"chủ trì", "chủ trì (chủ tọa)", "chủ trì (chủ toạ)", "chủ tọa", "chủ toạ"}, field: "Minutes.Chair", set: func(p any, v string, _ []string) error { p.(*bhytdoc.Minutes).Chair = value(v); return nil }},
	{labels: []string{"thư ký", "thư ký (người ghi biên bản)"}, field: "Minutes.Secretary", set: func(p any, v string, _ []string) error { p.(*bhytdoc.Minutes).Secretary = value(v); return nil }},
}

var reLineDate = lazyre.New(`(?i)^` + reDay + `\s*(?:\./\.|\.)?$`)

// parseDate reads "31/8/2024" or "31 tháng 8 năm 2024".
func parseDate(s string) (bhytdoc.Date, error) {
	s = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSpace(s), "./."), ".")
	m := reLineDate.FindStringSubmatch(s)
	if m == nil {
		return bhytdoc.Date{}, fmt.Errorf("%s: want a date such as 31/8/2024", excerpt.Quote(s))
	}
	n := atoiAll(m[1:])
	d := bhytdoc.Date{Year: n[2], Month: n[1], Day: n[0]}
	if t := d.Time(); t.Day() != n[0] || int(t.Month()) != n[1] {
		return d, fmt.Errorf("%s: no such date", excerpt.Quote(s))
	}
	return d, nil
}

// person sets the introduced person and the honorific its label gave.
func person(honorific string) func(any, string, []string) error {
	return func(p any, v string, _ []string) error {
		in := p.(*bhytdoc.Introduction)
		in.Honorific, in.Person = honorific, value(v)
		return nil
	}
}

var introductionLines = []labelled{
	{labels: []string{"ông (bà)", "ông/bà"}, field: "Introduction.Person", set: person("")},
	{labels: []string{"ông"}, field: "Introduction.Person", prefix: true, set: person("Ông")},
	{labels: []string{"bà"}, field: "Introduction.Person", prefix: true, set: person("Bà")},
	{labels: []string{"chức vụ"}, field: "Introduction.Position", set: func(p any, v string, _ []string) error { p.(*bhytdoc.Introduction).Position = value(v); return nil }},
	{labels: []string{"được cử đến"}, field: "Introduction.To", set: func(p any, v string, _ []string) error { p.(*bhytdoc.Introduction).To = value(v); return nil }},
	{labels: []string{"về việc"}, field: "Introduction.Purpose", set: func(p any, v string, _ []string) error { p.(*bhytdoc.Introduction).Purpose = value(v); return nil }},
	{labels: []string{"giấy này có giá trị đến hết ngày"}, field: "Introduction.ValidUntil", prefix: true, set: func(p any, v string, _ []string) (err error) {
		p.(*bhytdoc.Introduction).ValidUntil, err = parseDate(v)
		return err
	}},
}

var (
	reLeaveDays  = lazyre.New(`(?i)^([0-9]+)\s+ngày\s+kể từ ngày\s+(.+?)\s+đến hết ngày\s+(.+?)\s+tại\s+(.+?)\.?$`)
	reLeaveAsked = lazyre.New(`(?i)^(\S+)(?:\s+của\s+.*)?;?$`)
)

func leave(p any) *bhytdoc.Leave { return p.(*bhytdoc.Leave) }

// leaveLines are a giấy nghỉ phép's lines (Mẫu 1.10).
var leaveLines = []labelled{
	{labels: []string{"xét đơn đề nghị nghỉ phép ngày"}, field: "Leave.RequestDate", prefix: true, set: func(p any, v string, _ []string) (err error) {
		m := reLeaveAsked.FindStringSubmatch(strings.TrimSuffix(v, ";"))
		if m == nil {
			return fmt.Errorf("%s: want \"Xét Đơn đề nghị nghỉ phép ngày 09/8/2024 của …\"", excerpt.Quote(v))
		}
		leave(p).RequestDate, err = parseDate(m[1])
		return err
	}},
	{labels: []string{"ông (bà)", "ông/bà", "ông", "bà"}, field: "Leave.Person", set: func(p any, v string, _ []string) error {
		leave(p).Person = value(v)
		return nil
	}},
	{labels: []string{"chức vụ"}, field: "Leave.Position", set: func(p any, v string, _ []string) error { leave(p).Position = value(v); return nil }},
	{labels: []string{"được nghỉ phép trong thời gian"}, field: "Leave.Days", prefix: true, set: func(p any, v string, _ []string) (err error) {
		m := reLeaveDays.FindStringSubmatch(v)
		if m == nil {
			return fmt.Errorf("%s: want \"5 ngày kể từ ngày 19/8/2024 đến hết ngày 23/8/2024 tại …\"", excerpt.Quote(v))
		}
		l := leave(p)
		l.Days, _ = strconv.Atoi(m[1])
		if l.From, err = parseDate(m[2]); err != nil {
			return err
		}
		if l.To, err = parseDate(m[3]); err != nil {
			return err
		}
		l.Where = value(m[4])
		return nil
	}},
	{labels: []string{"số ngày nghỉ phép nêu trên được tính vào thời gian"}, field: "Leave.CountsAs", prefix: true, set: func(p any, v string, _ []string) error {
		leave(p).CountsAs = value(strings.TrimSuffix(v, "./."))
		return nil
	}},
	{labels: []string{"xác nhận của cơ quan"}, field: "Leave.Confirmation", prefix: true, set: func(p any, _ string, _ []string) error {
		leave(p).Confirmation = true
		return nil
	}},
}

// telegramLines: "<Chủ tịch Ủy ban nhân dân huyện> điện:" and the
// addressees as a dash list (or one on the line).
var telegramLines = []labelled{
	{labels: []string{"điện"}, field: "Telegram.Sender", list: true, set: func(p any, v string, items []string) error {
		t := p.(*bhytdoc.Telegram)
		t.Sender, t.Addressees = v, items
		return nil
	}},
}

// plainText is a block's text without its styling.
func plainText(b *bhytdoc.Block) string {
	var sb strings.Builder
	for _, s := range b.Text {
		sb.WriteString(s.Text)
	}
	return norm.NFC.String(strings.Join(strings.Fields(sb.String()), " "))
}

// label splits "Thời gian: 14 giờ …" into its lower-cased label and value;
// "Tới dự Hội nghị …" (the model's form, without a colon) too, for the
// labels of table that may lead their value.
func label(s string, table []labelled) (string, string, bool) {
	k, v, colon := strings.Cut(s, ":")
	k, v = strings.ToLower(strings.TrimSpace(k)), strings.TrimSpace(v)
	if colon && e0(table, k) != nil {
		return k, v, true // "Ông (bà): …" before the prefix "ông"
	}
	low := strings.ToLower(s)
	for _, e := range table {
		for _, x := range e.labels {
			if e.prefix && strings.HasPrefix(low, x+" ") {
				// ToLower maps rune to rune: cut as many runes from s.
				return x, strings.TrimSpace(string([]rune(s)[len([]rune(x)):])), true
			}
		}
	}
	return k, v, colon
}

// specialLines reads the labelled lines that open the body of a giấy mời
// or biên bản into its part, removing them (and lines, their file lines)
// from the body. A part already in the front matter makes them an error:
// each field is written once.
func (s *Source) specialLines(lines []int, p *problems) []int {
	d := s.Doc
	var table []labelled
	var part any
	name := ""
	switch d.Kind {
	case bhytdoc.GiayMoi:
		table, name = invitationLines, "Invitation"
		if d.Invitation == nil {
			part = &bhytdoc.Invitation{}
		}
	case bhytdoc.BienBan:
		table, name = minutesLines, "Minutes"
		if d.Minutes == nil {
			part = &bhytdoc.Minutes{}
		}
	case bhytdoc.GiayNghiPhep:
		table, name = leaveLines, "Leave"
		if d.Leave == nil {
			part = &bhytdoc.Leave{}
		}
	case bhytdoc.CongDien:
		table, name = telegramLines, "Telegram"
		if d.Telegram == nil {
			part = &bhytdoc.Telegram{}
		}
	case bhytdoc.GiayGioiThieu:
		table, name = introductionLines, "Introduction"
		if d.Introduction == nil {
			part = &bhytdoc.Introduction{}
		}
	default:
		return lines
	}
	i, found := 0, false
	for i < len(d.Body) {
		b := &d.Body[i]
		if b.Kind != bhytdoc.Paragraph {
			break
		}
		l, v, ok := label(plainText(b), table)
		if strings.HasSuffix(l, "trân trọng kính mời") {
			l = "trân trọng kính mời" // "<issuer> trân trọng kính mời:"
		}
		sender := ""
		if name == "Telegram" && ok && strings.HasSuffix(l, " điện") {
			// ToLower maps rune to rune: drop the label's last 5, " điện".
			k, _, _ := strings.Cut(plainText(b), ":")
			r := []rune(strings.TrimSpace(k))
			sender, l = strings.TrimSpace(string(r[:len(r)-5])), "điện"
		}
		if name == "Leave" && strings.HasSuffix(l, "cấp cho") {
			i++ // "<issuer> cấp cho:": bhytdoc prints it
			continue
		}
		if lv, isLeave := part.(*bhytdoc.Leave); isLeave && (l == "ông" || l == "bà") {
			lv.Honorific = map[string]string{"ông": "Ông", "bà": "Bà"}[l]
		}
		if name == "Introduction" && (strings.HasSuffix(l, "trân trọng giới thiệu") || strings.HasPrefix(strings.ToLower(plainText(b)), "đề nghị quý cơ quan tạo điều kiện")) {
			i++ // the model's own lines: bhytdoc prints them
			continue
		}
		e := e0(table, l)
		if !ok || e == nil {
			if l == "nội dung" || strings.HasPrefix(l, "nội dung (") {
				i++ // a biên bản's "Nội dung:": bhytdoc prints its own
			}
			break
		}
		line := lines[i]
		i++
		var items []string
		for e.list && i < len(d.Body) && d.Body[i].Kind == bhytdoc.Dash {
			items = append(items, strings.TrimSuffix(strings.TrimSuffix(plainText(&d.Body[i]), ";"), "."))
			i++
		}
		if name == "Telegram" {
			if v != "" {
				items = append([]string{value(v)}, items...)
			}
			v = sender
		}
		if part == nil {
			p.add(line, e.field, "given in the body and in the front matter's %s (line %d): write it once", strings.ToLower(name), s.lineOf(name))
			continue
		}
		if !found {
			s.pos.set(name, pos{s.Name, line})
			found = true
		}
		s.pos.set(e.field, pos{s.Name, line})
		if err := e.set(part, v, items); err != nil {
			p.add(line, e.field, "%v", err)
		}
	}
	if !found && (part == nil || i == 0) {
		return lines
	}
	d.Body, lines = d.Body[i:], lines[i:]
	if m, ok := part.(*bhytdoc.Minutes); ok {
		lines = s.minutesEnd(m, lines, p)
	}
	switch v := part.(type) {
	case *bhytdoc.Invitation:
		d.Invitation = v
	case *bhytdoc.Minutes:
		d.Minutes = v
	case *bhytdoc.Introduction:
		d.Introduction = v
	case *bhytdoc.Telegram:
		d.Telegram = v
	case *bhytdoc.Leave:
		d.Leave = v
	}
	return lines
}

// minutesEnd reads a biên bản's closing line, "Hội nghị kết thúc vào 16
// giờ 30, ngày 15/7/2024.", from the end of its body.
func (s *Source) minutesEnd(m *bhytdoc.Minutes, lines []int, p *problems) []int {
	d := s.Doc
	k := len(d.Body) - 1
	if k < 0 || d.Body[k].Kind != bhytdoc.Paragraph {
		return lines
	}
	e := reEnd.FindStringSubmatch(plainText(&d.Body[k]))
	if e == nil {
		return lines
	}
	if m.End != (bhytdoc.Moment{}) {
		p.add(lines[k], "Minutes.End", "the end is given twice: by \"Thời gian kết thúc\" and by the closing line")
	}
	end, err := parseMoment(e[2])
	if err != nil {
		p.add(lines[k], "Minutes.End", "%v", err)
	}
	m.End = end
	if w := strings.ToLower(e[1]); w != "cuộc họp" {
		m.Meeting = strings.ToUpper(w[:1]) + w[1:]
	}
	s.pos.set("Minutes.End", pos{s.Name, lines[k]})
	d.Body = d.Body[:k]
	return lines[:k]
}

// e0 finds the entry of label l in table, or nil.
func e0(table []labelled, l string) *labelled {
	for i := range table {
		for _, x := range table[i].labels {
			if x == l {
				return &table[i]
			}
		}
	}
	return nil
}
