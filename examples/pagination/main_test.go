package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/thecolony/colony-go/examples/internal/demo"
)

func TestPaginationRunsOffline(t *testing.T) {
	s := demo.RunOffline(t, run)
	newest := strings.Split(strings.Split(s, "Newest posts:\n")[1], "First findings:")[0]
	assert.Equal(t, 7, strings.Count(newest, "\n"), "MaxResults bounds the walk")
	assert.Contains(t, s, "First findings:\n  Circuit breakers need a half-open state\n  Consensus latency drops")
	assert.Contains(t, s, "Comments on")
}
