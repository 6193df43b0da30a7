package pagespec

import "testing"

// TestKindsDiffer checks that a công văn and the other kinds differ
// exactly where the decree makes them differ: Appendix III's column
// widths (Mẫu 1.5 vs Mẫu 1.4) and the trích yếu, which a công văn puts
// under the number upright at 12–13 pt and other kinds centre in bold
// at 13–14 pt.
func TestKindsDiffer(t *testing.T) {
	cv, o := For(CongVan), For(Other)
	if cv.Head == o.Head || cv.Sign == o.Sign {
		t.Errorf("header/signature columns equal for both kinds: %v %v", cv.Head, cv.Sign)
	}
	if cv.Head != (Columns{67.9, 95.3}) || o.Head != (Columns{67.5, 100}) {
		t.Errorf("header columns %v, %v; want Mẫu 1.5 67.9/95.3 and Mẫu 1.4 67.5/100", cv.Head, o.Head)
	}
	if !cv.SummaryUnderNumber || o.SummaryUnderNumber {
		t.Errorf("SummaryUnderNumber: công văn %v, other %v", cv.SummaryUnderNumber, o.SummaryUnderNumber)
	}
	if f := cv.Font(Summary); f.Style != Regular || f.Size < 12 || f.Size > 13 {
		t.Errorf("công văn V/v set %+v, want upright 12–13 pt", f)
	}
	if f := o.Font(Summary); f.Style != Bold || f.Size < 13 || f.Size > 14 {
		t.Errorf("trích yếu set %+v, want bold 13–14 pt", f)
	}
	for e := Element(0); e < numElements; e++ {
		if e == Summary {
			continue
		}
		if cv.Font(e) != o.Font(e) {
			t.Errorf("element %d differs between kinds: %+v vs %+v", e, cv.Font(e), o.Font(e))
		}
	}
	if For(Kind(99)) != o || KindOf(true) != CongVan || KindOf(false) != Other {
		t.Error("unknown kinds must fall back to Other")
	}
}

// TestRanges checks each fixed size against the range Decree 30 gives.
func TestRanges(t *testing.T) {
	ranges := map[Element][2]float64{
		Parent: {12, 13}, Issuer: {12, 13}, QuocHieu: {12, 13}, TieuNgu: {13, 14},
		Number: {13, 13}, PlaceDate: {13, 14}, Title: {13, 14}, Signature: {13, 14},
		NoiNhan: {12, 12}, Recipients: {11, 11}, PageNumber: {13, 14}, AnnexLabel: {14, 14},
		TableBody: {12, 13}, Mark: {13, 14}, Contact: {11, 12},
	}
	for e, r := range ranges {
		if s := For(Other).Font(e).Size; s < r[0] || s > r[1] {
			t.Errorf("element %d: %g pt outside %g–%g", e, s, r[0], r[1])
		}
	}
	if TableSizeMin < 11 || TableSizeMin > TableSize || MaxHeadLines != 3 {
		t.Errorf("table sizes %d–%d, header lines %d", TableSizeMin, TableSize, MaxHeadLines)
	}
	if f := For(Other).Font(numElements); f != (Font{}) {
		t.Errorf("out-of-range element gives %+v", f)
	}
}
