package server

import (
	"archive/zip"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
)

// browserPage starts s on a test listener and a headless Chromium on its
// page. The browser tests skip only when BHYTDOC_NO_BROWSER=1; without
// Chromium they fail, since CI installs it.
func browserPage(t *testing.T, s http.Handler) (context.Context, string, string) {
	t.Helper()
	if os.Getenv("BHYTDOC_NO_BROWSER") == "1" {
		t.Skip("BHYTDOC_NO_BROWSER=1: browser tests skipped")
	}
	var exe string
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			exe = p
			break
		}
	}
	if exe == "" {
		t.Fatal("no Chromium on PATH: install Debian's chromium (scripts/test-deps.sh) or set BHYTDOC_NO_BROWSER=1")
	}
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe), chromedp.NoSandbox, chromedp.Flag("headless", "new"),
		chromedp.Flag("disable-gpu", true), chromedp.WindowSize(1400, 1000))
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	ctx, cancelT := context.WithTimeout(ctx, 60*time.Second)
	t.Cleanup(func() { cancelT(); cancelC(); cancelA() })
	downloads := t.TempDir()
	err := chromedp.Do(ctx,
		chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			_, err := chromedp.Call(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
				Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: downloads})
			return err
		}),
		chromedp.Navigate(ts.URL+"/"),
		chromedp.WaitReady(chromedp.CSS("#chon-mau option")),
	)
	if err != nil {
		t.Fatal(err)
	}
	return ctx, ts.URL, downloads
}

// waitFile waits for a finished download in dir whose name ends with ext.
func waitFile(t *testing.T, dir, ext string) string {
	t.Helper()
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		m, _ := filepath.Glob(filepath.Join(dir, "*"+ext))
		if len(m) == 1 {
			return m[0]
		}
	}
	t.Fatalf("no %s downloaded into %s", ext, dir)
	return ""
}

// run runs an action and returns its value, failing the test on error.
func run[T any](t *testing.T, ctx context.Context, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestBrowserCongVan fills the công văn form, waits for the preview, and
// downloads the PDF, whose text must carry what was typed.
func TestBrowserCongVan(t *testing.T) {
	ctx, _, dir := browserPage(t, newServer(t, Config{}))
	name := chromedp.CSS(`#bieu-mau [data-path="NguoiKy.HoTen"]:not(p)`)
	err := chromedp.Do(ctx,
		chromedp.Evaluate[chromedp.Void](`(() => { const s = document.querySelector("#chon-mau"); s.value = "cong-van-bhyt"; s.dispatchEvent(new Event("change")); })()`),
		chromedp.WaitVisible(name),
		chromedp.Evaluate[chromedp.Void](`document.querySelector('#bieu-mau [data-path="NguoiKy.HoTen"]:not(p)').value = ""`),
		chromedp.SendKeys(name, "Nguyễn Thị Thử"),
	)
	if err != nil {
		t.Fatal(err)
	}
	run(t, ctx, chromedp.Poll[bool](`/đã cập nhật|có lỗi/.test(document.querySelector("#trang-thai").textContent)`))
	if errs := run(t, ctx, chromedp.Evaluate[string](`document.querySelector("#loi-mau").innerText + [...document.querySelectorAll("p.loi-truong")].map(e => e.dataset.path + ": " + e.textContent).filter(s => !s.endsWith(": ")).join("; ")`)); errs != "" {
		t.Fatalf("the form's data was refused: %s", errs)
	}
	src := run(t, ctx, chromedp.AttributeValue(chromedp.CSS("#xem-truoc"), "src"))
	if !strings.HasPrefix(src.Value, "blob:") {
		t.Errorf("preview src %q", src.Value)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`.tai-ve button[data-format="pdf"]`))); err != nil {
		t.Fatal(err)
	}
	pdf := waitFile(t, dir, ".pdf")
	out, err := exec.Command("pdftotext", "-layout", pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), "Nguyễn Thị Thử") {
		t.Errorf("the downloaded PDF lacks the signer typed:\n%s", out)
	}
}

// TestBrowserAnnexCheck uploads a table with arithmetic errors and sees
// each finding in the row of the table the page shows.
func TestBrowserAnnexCheck(t *testing.T) {
	ctx, _, _ := browserPage(t, newServer(t, Config{}))
	csv := filepath.Join(t.TempDir(), "bieu.csv")
	if err := os.WriteFile(csv, []byte(badUnitsCSV), 0o644); err != nil {
		t.Fatal(err)
	}
	err := chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS("#nut-kiemtra")),
		chromedp.SetUploadFiles(chromedp.CSS("#tep-bang"), []string{csv}),
		chromedp.Click(chromedp.CSS(`#bieu-kiemtra button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`#bang-kiemtra tbody tr`)),
	)
	if err != nil {
		t.Fatal(err)
	}
	summary := run(t, ctx, chromedp.Text(chromedp.CSS("#ket-qua-kiemtra")))
	cells := run(t, ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("#bang-kiemtra tbody tr")].map(r => [...r.cells].map(c => c.textContent).join("|"))`))
	if summary != "Có 2 chỗ sai số học." {
		t.Errorf("summary %q", summary)
	}
	want := []string{"2|Phường Hưng Phú||Số người chưa tham gia BHYT|D3|200|201", "Cộng|Cộng||Số người chưa tham gia BHYT|D4|345|346"}
	if strings.Join(cells, "\n") != strings.Join(want, "\n") {
		t.Errorf("rows\n%s\nwant\n%s", strings.Join(cells, "\n"), strings.Join(want, "\n"))
	}
}

// TestBrowserMerge runs a 13-row merge from the page, with the form's
// data as the common data and ASCII file names, and gets a zip of 13
// letters.
func TestBrowserMerge(t *testing.T) {
	ctx, _, dir := browserPage(t, newServer(t, Config{}))
	var csv strings.Builder
	csv.WriteString("DiaBan,So\n")
	for i := 1; i <= 13; i++ {
		fmt.Fprintf(&csv, "huyện Thử %d,%d\n", i, i)
	}
	rows := filepath.Join(t.TempDir(), "xa.csv")
	if err := os.WriteFile(rows, []byte(csv.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	err := chromedp.Do(ctx,
		chromedp.Evaluate[chromedp.Void](`(() => { const s = document.querySelector("#chon-mau"); s.value = "cong-van-bhyt"; s.dispatchEvent(new Event("change")); })()`),
		chromedp.WaitVisible(chromedp.CSS(`#bieu-mau [data-path="NguoiKy.HoTen"]:not(p)`)),
		chromedp.Click(chromedp.CSS("#nut-tron")),
		chromedp.SetUploadFiles(chromedp.CSS("#tep-dong"), []string{rows}),
		chromedp.SendKeys(chromedp.CSS("#cot-ten"), "DiaBan"),
		chromedp.Click(chromedp.CSS("#ten-ascii")),
		chromedp.Click(chromedp.CSS(`#bieu-tron button[type=submit]`)),
	)
	if err != nil {
		t.Fatal(err)
	}
	z := waitFile(t, dir, ".zip")
	zr, err := zip.OpenReader(z)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	if len(zr.File) != 13 || zr.File[0].Name != "huyen-Thu-1.pdf" {
		t.Errorf("the zip holds %d files, the first %q; want 13, huyen-Thu-1.pdf (ASCII names asked)", len(zr.File), zr.File[0].Name)
	}
}
