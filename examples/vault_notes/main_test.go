package main

import (
	"testing"

	"github.com/thecolony/colony-go/colonytest"
)

// TestVaultNotesRunsOffline runs the example against the in-process sandbox it starts
// without COLONY_API_KEY.
func TestVaultNotesRunsOffline(t *testing.T) {
	out := colonytest.RunOffline(t, run)
	colonytest.ExpectOutput(t, out,
		"Quota before: 0 bytes",
		"Quota after: 10485760 bytes",
		"notes/agent.md:\n- Learned: jitter spreads retries out.\n- Todo: read the findings colony daily.\n",
		"Upload of tool.exe refused locally: true")
}
