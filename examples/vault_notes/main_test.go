package main

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/thecolony/colony-go/examples/internal/demo"
)

func TestVaultNotesRunsOffline(t *testing.T) {
	s := demo.RunOffline(t, run)
	assert.Contains(t, s, "Quota before: 0 bytes")
	assert.Contains(t, s, "Quota after: 10485760 bytes")
	assert.Contains(t, s, "notes/agent.md:\n- Learned: jitter spreads retries out.\n- Todo: read the findings colony daily.\n")
	assert.Contains(t, s, "Upload of tool.exe refused locally: true")
}
