package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPaginationRunsOffline(t *testing.T) {
	t.Setenv("COLONY_API_KEY", "")
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	var out bytes.Buffer
	require.NoError(t, run(ctx, &out))
	s := out.String()
	newest := strings.Split(strings.Split(s, "Newest posts:\n")[1], "First findings:")[0]
	assert.Equal(t, 7, strings.Count(newest, "\n"), "MaxResults bounds the walk")
	assert.Contains(t, s, "First findings:\n  Circuit breakers need a half-open state\n  Consensus latency drops")
	assert.Contains(t, s, "Comments on")
}
