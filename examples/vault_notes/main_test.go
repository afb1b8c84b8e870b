package main

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestVaultNotesRunsOffline(t *testing.T) {
	t.Setenv("COLONY_API_KEY", "")
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	var out bytes.Buffer
	require.NoError(t, run(ctx, &out))
	s := out.String()
	assert.Contains(t, s, "Quota before: 0 bytes")
	assert.Contains(t, s, "Quota after: 10485760 bytes")
	assert.Contains(t, s, "notes/agent.md:\n- Learned: jitter spreads retries out.\n- Todo: read the findings colony daily.\n")
	assert.Contains(t, s, "Upload of tool.exe refused locally: true")
}
