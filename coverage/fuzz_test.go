package coverage

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/bhytdoc/bhytdoc/internal/guard"
)

// Budget of one fuzz input: whatever the bytes, reading them is bounded.
const (
	fuzzTime  = 10 * time.Second
	fuzzBytes = 512 << 20
)

// FuzzReadCSV reads baselines from any bytes: an error or baselines,
// never a panic, a hang or memory running out.
func FuzzReadCSV(f *testing.F) {
	f.Add([]byte(baselineCSV))
	f.Add([]byte("\uFEFF" + baselineCSV))
	f.Add([]byte("Đơn vị;Tham gia;Dân số\nA;1;2\n"))
	f.Add([]byte("Đơn vị,Tham gia,Dân số\n\"A\n\",1,\"2\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		guard.Run(t, fuzzTime, fuzzBytes, func() {
			bs, err := ReadCSV(bytes.NewReader(data), "f.csv")
			if err == nil && len(bs) == 0 {
				t.Error("no baselines and no error") // not Fatal: this is guard's goroutine
			}
		})
	})
}

// FuzzReadXLSX reads baselines and annex tables from any bytes.
func FuzzReadXLSX(f *testing.F) {
	for _, b := range xlsxSeeds(f) {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		guard.Run(t, fuzzTime, fuzzBytes, func() {
			ReadXLSX(bytes.NewReader(data), "f.xlsx")
			sheets, err := ReadAnnexXLSX(bytes.NewReader(data), "f.xlsx")
			if err != nil {
				return
			}
			for _, s := range sheets {
				s.Check()
			}
		})
	})
}

// xlsxSeeds are workbooks of every kind the readers meet: a planned
// annex, one typed by hand, a formula without a cached value, a hidden
// sheet.
func xlsxSeeds(t testing.TB) [][]byte {
	var plan bytes.Buffer
	if err := WriteXLSX(&plan, bigTable(t, 3)); err != nil {
		t.Fatal(err)
	}
	write := func(f *excelize.File) []byte {
		var b bytes.Buffer
		if err := f.Write(&b); err != nil {
			t.Fatal(err)
		}
		f.Close()
		return b.Bytes()
	}
	formula := excelize.NewFile()
	formula.SetSheetRow("Sheet1", "A1", &[]any{"Đơn vị", "Tham gia", "Dân số"})
	formula.SetSheetRow("Sheet1", "A2", &[]any{"A", 10})
	formula.SetCellFormula("Sheet1", "C2", "C2+1")
	hidden := excelize.NewFile()
	hidden.SetSheetRow("Sheet1", "A1", &[]any{"STT", "Đơn vị", "Tham gia", "Dân số"})
	hidden.NewSheet("Data")
	hidden.SetSheetRow("Data", "A1", &[]any{"STT", "Đơn vị", "Tham gia", "Dân số"})
	hidden.SetSheetRow("Data", "A2", &[]any{1, "A", 1, 2})
	hidden.SetActiveSheet(1)
	hidden.SetSheetVisible("Sheet1", false)
	return [][]byte{plan.Bytes(), write(formula), write(hidden)}
}

// TestWriteFuzzSeeds writes the seeds above into testdata/fuzz, where
// `go test` runs them as tests and the fuzzer starts from them. Run with
// BHYTDOC_WRITE_SEEDS=1 after changing them.
func TestWriteFuzzSeeds(t *testing.T) {
	if os.Getenv("BHYTDOC_WRITE_SEEDS") == "" {
		t.Skip("set BHYTDOC_WRITE_SEEDS=1 to write testdata/fuzz")
	}
	seeds := map[string][][]byte{
		"FuzzReadXLSX": xlsxSeeds(t),
		"FuzzReadCSV": {
			[]byte("\uFEFF" + strings.Repeat("Đơn vị,Tham gia,Dân số\n", 2)),
			[]byte("Đơn vị,Tham gia,Dân số\nA\xff,1,2\n"),
			[]byte("Đơn vị,Tham gia,Dân số\n" + strings.Repeat("A,1,2,", 1000) + "\n"),
		},
	}
	for name, list := range seeds {
		dir := filepath.Join("testdata", "fuzz", name)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		for i, b := range list {
			data := "go test fuzz v1\n[]byte(" + strconv.Quote(string(b)) + ")\n"
			if err := os.WriteFile(filepath.Join(dir, "seed"+strconv.Itoa(i)), []byte(data), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}
