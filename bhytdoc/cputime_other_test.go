//go:build !unix

package bhytdoc_test

func processCPU() (int64, bool) { return 0, false }
