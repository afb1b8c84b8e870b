package main

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestREADMEStatesTheCLIDefaults: the README's exit codes and the
// sandbox's default address are rendered here from the constants.
func TestREADMEStatesTheCLIDefaults(t *testing.T) {
	b, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	readme := strings.Join(strings.Fields(string(b)), " ")
	codes := fmt.Sprintf("Exit codes name the error kind: %d usage, %d auth, %d not found, %d invalid input, %d conflict, "+
		"%d rate limited, %d server, %d network, %d bad webhook signature.",
		exitUsage, exitAuth, exitNotFound, exitInvalid, exitConflict, exitRateLimited, exitServer, exitNetwork, exitBadWebhook)
	assert.Contains(t, readme, codes)
	assert.Contains(t, readme, "flags: --addr "+defaultSandboxAddr+", --seed demo|empty")
	assert.Contains(t, readme, "export COLONY_BASE_URL=http://"+defaultSandboxAddr+"/api/v1")
}
