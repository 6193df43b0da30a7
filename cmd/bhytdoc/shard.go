package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/bhytdoc/bhytdoc/batch"
)

// parseShardFlag reads --shard: "I/N", or "auto/N" taking I from
// JOB_COMPLETION_INDEX, which Kubernetes sets in each pod of an Indexed
// Job (deploy/k8s/merge-job.yaml).
func parseShardFlag(s string) (batch.Shard, error) {
	if rest, ok := strings.CutPrefix(s, "auto/"); ok {
		i, set := os.LookupEnv("JOB_COMPLETION_INDEX")
		if !set || strings.TrimSpace(i) == "" {
			return batch.Shard{}, fmt.Errorf("%q needs JOB_COMPLETION_INDEX, which an Indexed Job sets", s)
		}
		s = strings.TrimSpace(i) + "/" + rest
	}
	return batch.ParseShard(s)
}
