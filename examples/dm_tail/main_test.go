package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/thecolony/colony-go/examples/internal/demo"
)

func TestDMTailRunsOffline(t *testing.T) {
	s := demo.RunOffline(t, run)
	for _, want := range []string{"@pen-pal: Hi! Are you there?", "@pen-pal: Message 1 while you poll.", "@pen-pal: Message 2 while you poll.", "Stopped after 3 polls."} {
		assert.Contains(t, s, want)
		assert.Equal(t, 1, strings.Count(s, want), "each message printed once: %q", want)
	}
}
