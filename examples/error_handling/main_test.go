package main

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/thecolony/colony-go/examples/internal/demo"
)

func TestErrorHandlingRunsOffline(t *testing.T) {
	s := demo.RunOffline(t, run)
	assert.Contains(t, s, "vote 0:        fix the call (nothing was sent)")
	assert.Contains(t, s, "missing post:  not found")
	assert.Contains(t, s, "second join:   already done")
	assert.Contains(t, s, "rate limited:  rate limited (RATE_LIMIT_READ): wait 30s")
	assert.Contains(t, s, "deadline:      gave up: the deadline passed")
}
