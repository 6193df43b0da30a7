package server

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserMergeBadRow: a merge whose row cannot make a document shows
// the problem with the rows file, its row and the column, as the
// problem item places it.
func TestBrowserMergeBadRow(t *testing.T) {
	ctx, _, _ := browserPage(t, newServer(t, Config{}))
	rows := filepath.Join(t.TempDir(), "xa.csv")
	if err := os.WriteFile(rows, []byte("DiaBan,So\nhuyện Thử 1,một\nhuyện Thử 2,2\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := chromedp.Do(ctx,
		chromedp.Evaluate[chromedp.Void](`(() => { const s = document.querySelector("#chon-mau"); s.value = "cong-van-bhyt"; s.dispatchEvent(new Event("change")); })()`),
		chromedp.WaitVisible(chromedp.CSS(`#bieu-mau [data-path="NguoiKy.HoTen"]:not(p)`)),
		chromedp.Click(chromedp.CSS("#nut-tron")),
		chromedp.SetUploadFiles(chromedp.CSS("#tep-dong"), []string{rows}),
		chromedp.Click(chromedp.CSS(`#bieu-tron button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`#loi-tron li`)),
	)
	if err != nil {
		t.Fatal(err)
	}
	got := run(t, ctx, chromedp.Text(chromedp.CSS("#loi-tron li")))
	if !strings.HasPrefix(got, "xa.csv, dòng 2, cột So: So: ") {
		t.Errorf("problem shown as %q", got)
	}
}
