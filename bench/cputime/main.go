// Command cputime runs a command n times and prints the CPU time (user +
// system, microsecond resolution from the kernel's rusage) of each run
// and their median, in milliseconds. /usr/bin/time prints hundredths of
// a second, too coarse for a process that starts, renders one letter and
// exits in a few milliseconds.
//
//	go run ./bench/cputime [-n 20] [-q] -- COMMAND [ARG...]
//
// With -q only the median is printed. A run that fails stops the
// measurement with its exit status.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"
)

func main() {
	n := flag.Int("n", 20, "number of runs (1–10000)")
	quiet := flag.Bool("q", false, "print only the median")
	flag.Parse()
	if *n < 1 || *n > 10000 || flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: cputime [-n runs] [-q] -- COMMAND [ARG...]")
		os.Exit(2)
	}
	ms := make([]float64, 0, *n)
	for range *n {
		c := exec.Command(flag.Arg(0), flag.Args()[1:]...)
		c.Stdout, c.Stderr = os.Stderr, os.Stderr
		if err := c.Run(); err != nil {
			fmt.Fprintf(os.Stderr, "cputime: %s: %v\n", strings.Join(flag.Args(), " "), err)
			os.Exit(1)
		}
		st := c.ProcessState
		ms = append(ms, float64(st.UserTime()+st.SystemTime())/1e6)
	}
	if !*quiet {
		for _, v := range ms {
			fmt.Printf("%.2f ", v)
		}
		fmt.Print("ms; median ")
	}
	fmt.Printf("%.2f\n", median(ms))
}

func median(v []float64) float64 {
	s := slices.Clone(v)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}
