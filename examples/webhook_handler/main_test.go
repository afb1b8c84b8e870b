package main

import (
	"bytes"
	"context"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestWebhookHandlerRunsOffline(t *testing.T) {
	t.Setenv("COLONY_API_KEY", "")
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	var out lockedBuffer
	require.NoError(t, run(ctx, &out))
	s := out.String()
	assert.Contains(t, s, "registered webhook")
	assert.Contains(t, s, `webhook: post_created "Webhooks are live" by test-agent`)
	assert.Contains(t, s, `webhook: comment_created "And verified."`)
	assert.Contains(t, s, "forged delivery answered 401")
}

// lockedBuffer is written by the handler's goroutine and read by the test.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}
