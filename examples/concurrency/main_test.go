package main

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/thecolony/colony-go/examples/internal/demo"
)

func TestConcurrencyRunsOffline(t *testing.T) {
	assert.Contains(t, demo.RunOffline(t, run), "Fetched 8 post contexts concurrently over one client.")
}
