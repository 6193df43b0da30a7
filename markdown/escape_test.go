package markdown

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
)

func TestEscape(t *testing.T) {
	cases := map[string]string{
		"Ủy ban nhân dân":        "Ủy ban nhân dân",
		"1. Không phải mục":      `1\. Không phải mục`,
		"12) x":                  `12\) x`,
		"4.1. x":                 `4\.1. x`,
		"a) x":                   `a\) x`,
		"đ) x":                   `đ\) x`,
		"*đậm*":                  `\*đậm\*`,
		"_nghiêng_":              `\_nghiêng\_`,
		"# không phải đề mục":    `\# không phải đề mục`,
		"a | b":                  `a \| b`,
		"- gạch":                 `\- gạch`,
		"+ cộng":                 `\+ cộng`,
		"> trích":                `\> trích`,
		"===":                    `\===`,
		"<!-- x -->":             `\<!-- x -->`,
		"[a](b)":                 `\[a\](b)`,
		"`mã`":                   "\\`mã\\`",
		"\\":                     `\\`,
		"A & B":                  "A & B",
		"&amp;":                  `\&amp;`,
		"&#32;":                  `\&\#32;`,
		" lề ":                   "&#32;lề&#32;",
		"~~~":                    `\~\~\~`,
		"Lao động - Thương binh": "Lao động - Thương binh",
		"78,11%":                 "78,11%",
	}
	for in, want := range cases {
		if got := Escape(in); got != want {
			t.Errorf("Escape(%q) = %q, want %q", in, got, want)
		}
		checkEscape(t, in)
	}
}

// checkEscape checks that a paragraph made of Escape(s) reads back as s.
func checkEscape(t *testing.T, s string) {
	t.Helper()
	got, err := bodyOf(Escape(s))
	if err != nil {
		t.Fatalf("%q → %q: %v", s, Escape(s), err)
	}
	if len(got) != 1 || got[0].Kind != bhytdoc.Paragraph || got[0].Plain() != s {
		t.Fatalf("%q → %q → %+v", s, Escape(s), got)
	}
}

// TestInlineEmphasis covers the span boundaries CommonMark's flanking
// rules make hard: punctuation inside a delimiter next to a letter outside,
// spaces just inside, and emphasised spans that touch.
func TestInlineEmphasis(t *testing.T) {
	b, i, bi, p := bhytdoc.Span{Bold: true}, bhytdoc.Span{Italic: true}, bhytdoc.Span{Bold: true, Italic: true}, bhytdoc.Span{}
	with := func(s bhytdoc.Span, text string) bhytdoc.Span { s.Text = text; return s }
	cases := [][]bhytdoc.Span{
		{with(p, "đạt "), with(b, "78,11%"), with(p, ", so với")},
		{with(p, "a"), with(b, "\"b\""), with(p, "c")},
		{with(p, "a"), with(b, " b "), with(p, "c")},
		{with(b, "a"), with(i, "b"), with(bi, "c"), with(b, "d"), with(p, "e")},
		{with(i, "*"), with(b, "_"), with(p, "x")},
		{with(p, "x"), with(bi, "(y)"), with(p, "z")},
		{with(b, " ")},
		{with(p, "1. "), with(b, "x")},
		{with(b, "1. x")},
		{with(p, "\\"), with(i, "*"), with(p, "\\")},
	}
	for _, spans := range cases {
		src := inline(spans, true)
		got, err := bodyOf(src)
		if err != nil {
			t.Fatalf("%+v → %q: %v", spans, src, err)
		}
		if len(got) != 1 || got[0].Kind != bhytdoc.Paragraph || !reflect.DeepEqual(got[0].Text, spans) {
			t.Errorf("%+v\n → %q\n → %+v", spans, src, got)
		}
	}
}

// TestHostileFields writes a document with hostile text in every text
// field and reads it back.
func TestHostileFields(t *testing.T) {
	for _, h := range hostile {
		h := strings.TrimSpace(h) + "x"
		if !utf8.ValidString(h) {
			continue
		}
		d := &bhytdoc.Document{
			Kind:         bhytdoc.BaoCao,
			Issuer:       bhytdoc.Issuer{Parent: h, Name: h + "\n" + h, Abbrev: "UBND"},
			Number:       5,
			DraftingUnit: "VX",
			Place:        h,
			Date:         bhytdoc.Date{Year: 2020, Month: 2, Day: 3},
			Summary:      h,
			Addressees:   []string{h},
			Bases:        []string{h, h},
			Body: []bhytdoc.Block{
				{Kind: bhytdoc.Part, Label: "Phần I", Text: []bhytdoc.Span{{Text: h}}},
				{Kind: bhytdoc.Section, Label: "I.", Text: []bhytdoc.Span{{Text: h}}},
				{Kind: bhytdoc.Item, Label: "1.", Heading: true, Text: []bhytdoc.Span{{Text: h, Bold: true}}},
				{Kind: bhytdoc.Item, Label: "2.", Text: []bhytdoc.Span{{Text: h}, {Text: h, Italic: true}}},
				{Kind: bhytdoc.SubItem, Label: "2.1.", Text: []bhytdoc.Span{{Text: h}}},
				{Kind: bhytdoc.SubItem, Label: "2.2.", Heading: true, Text: []bhytdoc.Span{{Text: h}}},
				{Kind: bhytdoc.Point, Label: "a)", Text: []bhytdoc.Span{{Text: h}}},
				{Kind: bhytdoc.Dash, Text: []bhytdoc.Span{{Text: h}}},
				{Kind: bhytdoc.Plus, Text: []bhytdoc.Span{{Text: h, Bold: true, Italic: true}}},
				{Kind: bhytdoc.Paragraph, Text: []bhytdoc.Span{{Text: h}}},
			},
			Attachments: []string{h},
			Signatures: []bhytdoc.Signature{{
				Authority: []bhytdoc.Authority{{Prefix: bhytdoc.TM, Title: h}},
				Position:  h, Name: h,
			}},
			Recipients: []bhytdoc.Recipient{{Name: h, Purpose: strings.NewReplacer("(", "", ")", "").Replace(h)}},
			Luu:        []string{h},
			Annexes: []bhytdoc.Annex{{
				Title: h, Reference: h,
				Table: bhytdoc.Table{
					Header: [][]bhytdoc.HeaderCell{{{Text: h, ColSpan: 2}}, {{Text: h}, {Text: h}}},
					Rows:   [][]string{{h, h}},
					Totals: []string{h, h},
				},
			}},
		}
		if err := d.Validate(); err != nil {
			t.Fatalf("%q: %v", h, err)
		}
		roundTrip(t, h, d, nil)
	}
}
