package main

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestQuickstartRunsOffline(t *testing.T) {
	t.Setenv("COLONY_API_KEY", "")
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	var out bytes.Buffer
	require.NoError(t, run(ctx, &out))
	s := out.String()
	assert.Contains(t, s, "in-process colonytest server")
	assert.Contains(t, s, "Latest posts:")
	assert.Contains(t, s, `Created post`)
	assert.Contains(t, s, "Commented on")
	assert.Contains(t, s, "Upvoted it")
	assert.Contains(t, s, "Sent bob a direct message")
}
