package server

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

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
	err := chromedp.Do(ctx, append(submitMerge(rows), chromedp.WaitVisible(chromedp.CSS(`#loi-tron li`)))...)
	if err != nil {
		t.Fatal(err)
	}
	got := run(t, ctx, chromedp.Text(chromedp.CSS("#loi-tron li")))
	if !strings.HasPrefix(got, "xa.csv, dòng 2, cột So: So: ") {
		t.Errorf("problem shown as %q", got)
	}
}

// TestBrowserMergeCut: a merge the server cuts after its first byte (a
// row failed once the answer had started) is told as stopped, with
// nothing saved, not left "Đang trộn…" for ever.
func TestBrowserMergeCut(t *testing.T) {
	s := newServer(t, Config{})
	cut := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/v1/merge" {
			s.ServeHTTP(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/zip")
		w.Write([]byte("PK\x03\x04"))
		w.(http.Flusher).Flush()
		panic(http.ErrAbortHandler)
	})
	ctx, _, _ := browserPage(t, cut)
	rows := filepath.Join(t.TempDir(), "xa.csv")
	if err := os.WriteFile(rows, []byte("DiaBan,So\nhuyện Thử 1,1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := chromedp.Do(ctx, append(submitMerge(rows),
		chromedp.Poll[chromedp.Void](`document.querySelector("#ket-qua-tron").textContent.startsWith("Trộn bị dừng")`, chromedp.WithPollingTimeout(20*time.Second)))...)
	if err != nil {
		t.Fatalf("the cut merge is not told: %v (shown %q)", err, run(t, ctx, chromedp.Text(chromedp.CSS("#ket-qua-tron"))))
	}
}

// submitMerge picks cong-van-bhyt, opens the merge form and submits rows.
func submitMerge(rows string) []chromedp.Action[chromedp.Void] {
	return []chromedp.Action[chromedp.Void]{
		chromedp.Evaluate[chromedp.Void](`(() => { const s = document.querySelector("#chon-mau"); s.value = "cong-van-bhyt"; s.dispatchEvent(new Event("change")); })()`),
		chromedp.WaitVisible(chromedp.CSS(`#bieu-mau [data-path="NguoiKy.HoTen"]:not(p)`)),
		chromedp.Click(chromedp.CSS("#nut-tron")),
		chromedp.SetUploadFiles(chromedp.CSS("#tep-dong"), []string{rows}),
		chromedp.Click(chromedp.CSS(`#bieu-tron button[type=submit]`)),
	}
}
