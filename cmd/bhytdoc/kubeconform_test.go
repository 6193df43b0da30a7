package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestJobManifestValid validates deploy/k8s/merge-job.yaml with
// kubeconform (pinned as a go.mod tool) against the Kubernetes JSON
// schemas, offline: the definitions come from kubeconform's own module
// (its fixtures carry the definitions of a recent Kubernetes, with the
// Indexed Job fields), and a strict schema for batch/v1 Job refers to them.
func TestJobManifestValid(t *testing.T) {
	if testing.Short() {
		t.Skip("builds kubeconform; skipped in -short mode")
	}
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/yannh/kubeconform").Output()
	if err != nil {
		t.Fatalf("go list kubeconform: %v", err)
	}
	defs := filepath.Join(strings.TrimSpace(string(out)), "fixtures", "cache", "6dc6142c64b944d783a3e783526114da8e747a14a11d8b32dd1f12e2d89a8330")
	b, err := os.ReadFile(defs)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"io.k8s.api.batch.v1.JobSpec"`) || !strings.Contains(string(b), `"backoffLimitPerIndex"`) {
		t.Fatal("kubeconform's fixture no longer holds the batch/v1 Job definitions")
	}
	// Strict, as the upstream "-strict" schemas are: an object with
	// declared properties takes no others, so a misspelt field fails.
	var doc map[string]any
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	for _, d := range doc["definitions"].(map[string]any) {
		if m, ok := d.(map[string]any); ok && m["properties"] != nil && m["additionalProperties"] == nil {
			m["additionalProperties"] = false
		}
	}
	if b, err = json.Marshal(doc); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "_definitions.json"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	job := `{"$ref": "_definitions.json#/definitions/io.k8s.api.batch.v1.Job"}`
	if err := os.WriteFile(filepath.Join(dir, "job-batch-v1.json"), []byte(job), 0o644); err != nil {
		t.Fatal(err)
	}
	run := func(manifest string) (string, error) {
		cmd := exec.Command("go", "tool", "kubeconform", "-strict", "-summary",
			"-schema-location", filepath.Join(dir, "{{ .ResourceKind }}-{{ .Group }}-{{ .ResourceAPIVersion }}.json"), manifest)
		b, err := cmd.CombinedOutput()
		return string(b), err
	}
	if msg, err := run("../../deploy/k8s/merge-job.yaml"); err != nil || !strings.Contains(msg, "Valid: 1") {
		t.Errorf("merge-job.yaml: %v\n%s", err, msg)
	}
	// The check can fail: a misspelt field of the Job spec is refused.
	src, _ := os.ReadFile("../../deploy/k8s/merge-job.yaml")
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	os.WriteFile(bad, []byte(strings.Replace(string(src), "completionMode:", "completionMod:", 1)), 0o644)
	if msg, err := run(bad); err == nil {
		t.Errorf("a misspelt field passed:\n%s", msg)
	}
}
