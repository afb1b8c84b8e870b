package main

import (
	"strings"
	"testing"
)

// TestVaultNotesRunsOffline runs the example against the in-process sandbox it starts
// without COLONY_API_KEY.
func TestVaultNotesRunsOffline(t *testing.T) {
	t.Setenv("COLONY_API_KEY", "")
	var out strings.Builder
	if err := run(t.Context(), &out); err != nil {
		t.Fatalf("example failed: %v\noutput so far:\n%s", err, out.String())
	}
	for _, want := range []string{
		"Quota before: 0 bytes",
		"Quota after: 10485760 bytes",
		"notes/agent.md:\n- Learned: jitter spreads retries out.\n- Todo: read the findings colony daily.\n",
		"Upload of tool.exe refused locally: true",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}
