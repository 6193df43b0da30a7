package server

import (
	"bytes"
	"mime/multipart"
	"net/http/httptest"
	"testing"
)

// TestUnitsFileProblemPlaced: a bad cell of an uploaded units file is a
// problem item with the file, the row, the column's header and, in a
// CSV file, no cell (a workbook's would have one), as the
// *coverage.RowError gives them.
func TestUnitsFileProblemPlaced(t *testing.T) {
	s := newServer(t, Config{})
	data, err := readFile("../cmd/bhytdoc/testdata/ke-hoach-plan.json")
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	mw.WriteField("data", string(data))
	fw, _ := mw.CreateFormFile("units", "dv.csv")
	fw.Write([]byte("Đơn vị,Số người tham gia BHYT,Dân số\nPhường Lê Bình,9.980,10.125\nPhường Hưng Phú,\"15,1\",15.300\n"))
	mw.Close()
	r := httptest.NewRequest("POST", "/v1/templates/ke-hoach-bhyt?milestone=2019-12-31:95", &b)
	r.Header.Set("Content-Type", mw.FormDataContentType())
	w := do(s, r)
	if w.Code != 400 {
		t.Fatalf("%d: %s", w.Code, w.Body)
	}
	p := problemOf(t, w)
	if len(p.Errors) != 1 {
		t.Fatalf("items: %+v", p.Errors)
	}
	it := p.Errors[0]
	if it.File != "dv.csv" || it.Row == nil || *it.Row != 3 || it.Column != "Số người tham gia BHYT" || it.Cell != "" || it.Sheet != "" ||
		it.Detail != `"15,1" is not a whole number written the Vietnamese way (10.125)` {
		t.Errorf("item %+v", it)
	}
}
