package main

import (
	"fmt"
	"path/filepath"

	"github.com/bhytdoc/bhytdoc/internal/atomicfile"
)

// samePath reports whether a and b name one file: the same path once
// cleaned and made absolute, or, when both exist, the same file (a hard
// or symbolic link to it).
func samePath(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	aa, err1 := filepath.Abs(a)
	ab, err2 := filepath.Abs(b)
	if err1 == nil && err2 == nil && aa == ab {
		return true
	}
	return sameFile(a, b)
}

// checkOutputs refuses, before anything is written, an output that is one
// of the run's inputs or an output written twice by the run, and an
// existing output that is not a regular file (see atomicfile.CheckTarget).
func checkOutputs(outputs, inputs []string) error {
	for i, o := range outputs {
		for _, in := range inputs {
			if samePath(o, in) {
				return fmt.Errorf("writing %s would overwrite the input %s; choose another output", o, in)
			}
		}
		for _, p := range outputs[:i] {
			if samePath(o, p) {
				return fmt.Errorf("%s would be written twice by this run; choose another output", o)
			}
		}
		if err := atomicfile.CheckTarget(o); err != nil {
			return err
		}
	}
	return nil
}
