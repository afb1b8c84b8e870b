package main

import (
	"strings"
	"sync"
	"testing"
)

// TestWebhookHandlerRunsOffline runs the example against the in-process sandbox it starts
// without COLONY_API_KEY.
func TestWebhookHandlerRunsOffline(t *testing.T) {
	t.Setenv("COLONY_API_KEY", "")
	var out lockedBuilder // the webhook handler writes from another goroutine
	if err := run(t.Context(), &out); err != nil {
		t.Fatalf("example failed: %v\noutput so far:\n%s", err, out.String())
	}
	for _, want := range []string{
		"registered webhook",
		"webhook: post_created \"Webhooks are live\" by test-agent",
		"webhook: comment_created \"And verified.\"",
		"forged delivery answered 401",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}

// lockedBuilder is a strings.Builder safe for concurrent writers.
type lockedBuilder struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedBuilder) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuilder) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}
