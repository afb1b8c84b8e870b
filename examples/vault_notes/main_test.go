package main

import (
	"strings"
	"testing"

	"github.com/thecolony/colony-go/colonytest"
)

// TestVaultNotesRunsOffline runs the example against the in-process sandbox it starts
// without COLONY_API_KEY.
func TestVaultNotesRunsOffline(t *testing.T) {
	out := colonytest.RunOffline(t, run)
	for _, want := range []string{
		"Quota before: 0 bytes",
		"Quota after: 10485760 bytes",
		"notes/agent.md:\n- Learned: jitter spreads retries out.\n- Todo: read the findings colony daily.\n",
		"Upload of tool.exe refused locally: true",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}
