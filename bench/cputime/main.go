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
//
// To compare builds on a shared machine, give several commands separated
// by "::" and a number of rounds: each round runs every command n times,
// in an order that rotates from round to round, and the figure of a
// command is the median of its rounds' medians, so that a burst of load
// from other programs weighs on every command alike:
//
//	cputime -n 4 -rounds 40 -- ./old version :: ./new version
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
	n := flag.Int("n", 20, "number of runs (per round; 1–10000)")
	rounds := flag.Int("rounds", 1, "number of rounds (1–1000)")
	quiet := flag.Bool("q", false, "print only the median (one line per command)")
	flag.Parse()
	cmds := split(flag.Args())
	if *n < 1 || *n > 10000 || *rounds < 1 || *rounds > 1000 || len(cmds) == 0 {
		fmt.Fprintln(os.Stderr, "usage: cputime [-n runs] [-rounds r] [-q] -- COMMAND [ARG...] [:: COMMAND [ARG...]]...")
		os.Exit(2)
	}
	if len(cmds) == 1 && *rounds == 1 { // the original output
		ms := runs(cmds[0], *n)
		if !*quiet {
			for _, v := range ms {
				fmt.Printf("%.2f ", v)
			}
			fmt.Print("ms; median ")
		}
		fmt.Printf("%.2f\n", median(ms))
		return
	}
	meds := make([][]float64, len(cmds)) // per command, its rounds' medians
	for r := range *rounds {
		for j := range cmds {
			i := (j + r) % len(cmds)
			meds[i] = append(meds[i], median(runs(cmds[i], *n)))
		}
	}
	for i, c := range cmds {
		if *quiet {
			fmt.Printf("%.2f\n", median(meds[i]))
			continue
		}
		fmt.Printf("%.2f ms  (median of %d rounds of %d; rounds from %.2f to %.2f)  %s\n",
			median(meds[i]), *rounds, *n, slices.Min(meds[i]), slices.Max(meds[i]), strings.Join(c, " "))
	}
}

// split cuts args at each "::" into commands; an empty command (two
// separators in a row, or one at either end) is an error, reported by
// returning none.
func split(args []string) [][]string {
	if len(args) == 0 {
		return nil
	}
	var cmds [][]string
	for {
		i := slices.Index(args, "::")
		if i < 0 {
			return append(cmds, args)
		}
		if i == 0 || i == len(args)-1 {
			return nil
		}
		cmds = append(cmds, args[:i])
		args = args[i+1:]
	}
}

// runs runs cmd n times and returns the CPU milliseconds of each run; a
// failing run ends the program with an error.
func runs(cmd []string, n int) []float64 {
	ms := make([]float64, 0, n)
	for range n {
		c := exec.Command(cmd[0], cmd[1:]...)
		c.Stdout, c.Stderr = os.Stderr, os.Stderr
		if err := c.Run(); err != nil {
			fmt.Fprintf(os.Stderr, "cputime: %s: %v\n", strings.Join(cmd, " "), err)
			os.Exit(1)
		}
		st := c.ProcessState
		ms = append(ms, float64(st.UserTime()+st.SystemTime())/1e6)
	}
	return ms
}

func median(v []float64) float64 {
	s := slices.Clone(v)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}
