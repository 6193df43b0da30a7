package vncsv

import (
	"bufio"
	"strings"
	"testing"
)

func TestNewReader(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"\ufeffĐơn vị,Dân số\nA,\"10,5\"\n", "Đơn vị|Dân số"},
		{"Đơn vị;Tỷ lệ;Ghi chú, khác\nA;98,8;x\n", "Đơn vị|Tỷ lệ|Ghi chú, khác"},
		{"a,b;c\n", "a|b;c"},
	} {
		cr := NewReader(bufio.NewReaderSize(strings.NewReader(c.in), 64<<10))
		rec, err := cr.Read()
		if err != nil || strings.Join(rec, "|") != c.want {
			t.Errorf("%q: %q, %v; want %s", c.in, rec, err, c.want)
		}
	}
}
