package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// TestMergeJobManifest checks deploy/k8s/merge-job.yaml for what the Job
// needs to shard right: an Indexed Job whose completions, parallelism and
// --shard auto/N agree, JOB_COMPLETION_INDEX from the pod's annotation, a
// non-root pod, args the merge command accepts. (Schema validation with
// kubeconform is not done here: no schemas are vendored yet.)
func TestMergeJobManifest(t *testing.T) {
	b, err := os.ReadFile("../../deploy/k8s/merge-job.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var job struct {
		APIVersion string `yaml:"apiVersion"`
		Kind       string
		Spec       struct {
			CompletionMode string `yaml:"completionMode"`
			Completions    int
			Parallelism    int
			Template       struct {
				Spec struct {
					RestartPolicy   string `yaml:"restartPolicy"`
					SecurityContext struct {
						RunAsNonRoot bool `yaml:"runAsNonRoot"`
						RunAsUser    int  `yaml:"runAsUser"`
					} `yaml:"securityContext"`
					Containers []struct {
						Args []string
						Env  []struct {
							Name      string
							ValueFrom struct {
								FieldRef struct {
									FieldPath string `yaml:"fieldPath"`
								} `yaml:"fieldRef"`
							} `yaml:"valueFrom"`
						}
					}
				}
			}
		}
	}
	dec := yaml.NewDecoder(strings.NewReader(string(b)))
	dec.KnownFields(false)
	if err := dec.Decode(&job); err != nil {
		t.Fatal(err)
	}
	s := job.Spec
	if job.APIVersion != "batch/v1" || job.Kind != "Job" || s.CompletionMode != "Indexed" || s.Completions < 2 || s.Parallelism != s.Completions {
		t.Fatalf("not an Indexed Job with parallelism = completions: %+v", job)
	}
	ps := s.Template.Spec
	if ps.RestartPolicy != "Never" || !ps.SecurityContext.RunAsNonRoot || ps.SecurityContext.RunAsUser != 65532 || len(ps.Containers) != 1 {
		t.Fatalf("pod spec %+v", ps)
	}
	c := ps.Containers[0]
	args := strings.Join(c.Args, " ")
	m := regexp.MustCompile(`--shard auto/(\d+)`).FindStringSubmatch(args)
	if m == nil || m[1] != strconv.Itoa(s.Completions) {
		t.Errorf("args %q: want --shard auto/%d", args, s.Completions)
	}
	if len(c.Args) == 0 || c.Args[0] != "merge" {
		t.Errorf("args %q do not run merge", args)
	}
	env := false
	for _, e := range c.Env {
		env = env || e.Name == "JOB_COMPLETION_INDEX" && strings.Contains(e.ValueFrom.FieldRef.FieldPath, "batch.kubernetes.io/job-completion-index")
	}
	if !env {
		t.Error("JOB_COMPLETION_INDEX not taken from the pod's completion-index annotation")
	}
}

// TestMergeIndexedShards runs merge N times with JOB_COMPLETION_INDEX set,
// as the Job's pods would, into one volume: every row's letter is written
// exactly once.
func TestMergeIndexedShards(t *testing.T) {
	dir := t.TempDir()
	var rows []map[string]any
	for i := range 7 {
		rows = append(rows, map[string]any{"Ten": fmt.Sprintf("Xa %d", i), "So": 100 + i})
	}
	common, rowsFile := rowsJSON(t, dir, rows)
	out := filepath.Join(dir, "volume")
	const n = 3
	seen := map[string]int{}
	for i := range n {
		t.Setenv("JOB_COMPLETION_INDEX", strconv.Itoa(i))
		shardDir := filepath.Join(out, "shard-"+strconv.Itoa(i))
		code, _, errs := runCLI("merge", "cong-van-bhyt", "--data", common, "--rows", rowsFile, "--name", "{{.Ten}}", "--ascii-names", "--shard", "auto/"+strconv.Itoa(n), "-o", shardDir)
		if code != exitOK {
			t.Fatalf("shard %d: exit %d\n%s", i, code, errs)
		}
		entries, _ := os.ReadDir(shardDir)
		for _, e := range entries {
			if strings.HasSuffix(e.Name(), ".pdf") {
				seen[e.Name()]++
			}
		}
	}
	if len(seen) != len(rows) {
		t.Errorf("%d letters written, want %d: %v", len(seen), len(rows), seen)
	}
	for name, c := range seen {
		if c != 1 {
			t.Errorf("%s written by %d shards", name, c)
		}
	}
}
