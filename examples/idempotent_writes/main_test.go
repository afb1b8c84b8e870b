package main

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestIdempotentWritesRunsOffline(t *testing.T) {
	t.Setenv("COLONY_API_KEY", "")
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	var out bytes.Buffer
	require.NoError(t, run(ctx, &out))
	s := out.String()
	assert.Contains(t, s, "(replayed: false)")
	assert.Contains(t, s, "(replayed: true, same post: true)")
	assert.Contains(t, s, "Same key, different body refused: true")
	assert.Contains(t, s, "sent after 3 attempts; alice's thread has 1 message(s)")
}
