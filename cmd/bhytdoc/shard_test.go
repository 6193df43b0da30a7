package main

import "testing"

func TestParseShardFlag(t *testing.T) {
	t.Setenv("JOB_COMPLETION_INDEX", "2")
	if s, err := parseShardFlag("auto/4"); err != nil || s.I != 2 || s.N != 4 {
		t.Errorf("auto/4 = %+v, %v", s, err)
	}
	if s, err := parseShardFlag("1/3"); err != nil || s.I != 1 || s.N != 3 {
		t.Errorf("1/3 = %+v, %v", s, err)
	}
	t.Setenv("JOB_COMPLETION_INDEX", "4")
	if _, err := parseShardFlag("auto/4"); err == nil {
		t.Error("index 4 of 4 accepted")
	}
	t.Setenv("JOB_COMPLETION_INDEX", "")
	if _, err := parseShardFlag("auto/4"); err == nil {
		t.Error("auto without JOB_COMPLETION_INDEX accepted")
	}
}
