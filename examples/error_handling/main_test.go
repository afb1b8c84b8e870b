package main

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestErrorHandlingRunsOffline(t *testing.T) {
	t.Setenv("COLONY_API_KEY", "")
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	var out bytes.Buffer
	require.NoError(t, run(ctx, &out))
	s := out.String()
	assert.Contains(t, s, "vote 0:        fix the call (nothing was sent)")
	assert.Contains(t, s, "missing post:  not found")
	assert.Contains(t, s, "second vote:   already done")
	assert.Contains(t, s, "rate limited:  rate limited (RATE_LIMIT_READ): wait 30s")
	assert.Contains(t, s, "deadline:      gave up: the deadline passed")
}
