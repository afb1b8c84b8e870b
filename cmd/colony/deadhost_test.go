package main

import (
	"net"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDeadHostLine: `colony --base-url <closed port> me` with a key exits
// non-zero in under 2 s with one line naming the host and the cause
// (issue 11; before: 30 s and "timed out ... (GET /users/me); raise
// --timeout", though the token exchange failed and no timeout would help).
func TestDeadHostLine(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := l.Addr().String()
	require.NoError(t, l.Close())
	t.Setenv("COLONY_SDK_NO_TOKEN_CACHE", "1")
	start := time.Now()
	r := cli("", "--base-url", "http://"+addr+"/api/v1", "--api-key", "col_dead", "me")
	t.Logf("time to fail %v: %q", time.Since(start), r.stderr)
	assert.Less(t, time.Since(start), 2*time.Second)
	assert.Equal(t, exitNetwork, r.code)
	assert.Equal(t, 1, strings.Count(r.stderr, "\n"), "one line")
	assert.Contains(t, r.stderr, addr)
	assert.Contains(t, r.stderr, "connection refused")
	assert.NotContains(t, r.stderr, "--timeout")
}
