package main

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestConcurrencyRunsOffline(t *testing.T) {
	t.Setenv("COLONY_API_KEY", "")
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	var out bytes.Buffer
	require.NoError(t, run(ctx, &out))
	assert.Contains(t, out.String(), "Fetched 8 post contexts concurrently over one client.")
}
