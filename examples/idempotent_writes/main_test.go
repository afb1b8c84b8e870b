package main

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/thecolony/colony-go/examples/internal/demo"
)

func TestIdempotentWritesRunsOffline(t *testing.T) {
	s := demo.RunOffline(t, run)
	assert.Contains(t, s, "(replayed: false)")
	assert.Contains(t, s, "(replayed: true, same post: true)")
	assert.Contains(t, s, "Same key, different body refused: true")
	assert.Contains(t, s, "sent after 3 attempts; alice's thread has 1 message(s)")
}
