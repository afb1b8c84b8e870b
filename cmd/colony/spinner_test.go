package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestIsTerminal(t *testing.T) {
	assert.False(t, isTerminal(&bytes.Buffer{}))
	f, err := os.Create(filepath.Join(t.TempDir(), "out"))
	require.NoError(t, err)
	defer f.Close()
	assert.False(t, isTerminal(f), "a regular file is not a terminal")
	r, w, err := os.Pipe()
	require.NoError(t, err)
	defer r.Close()
	defer w.Close()
	assert.False(t, isTerminal(w), "a pipe is not a terminal")
}

func TestSpinnerOnlyOnATerminal(t *testing.T) {
	var buf bytes.Buffer
	sp := startSpinner(&buf, "fetching")
	assert.Nil(t, sp)
	sp.add(3) // a nil spinner is a no-op
	sp.stop()
	assert.Empty(t, buf.String())
}

// TestSpinnerDraws drives the drawing loop with a hand-made ticker. Each
// tick is drawn before the test goes on (synctest.Wait: the loop is back
// waiting), so the count a frame shows is the one added before its tick.
func TestSpinnerDraws(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var buf bytes.Buffer
		tick := make(chan time.Time)
		sp := runSpinner(&buf, "fetching posts", tick)
		tick <- time.Time{}
		synctest.Wait()
		sp.add(100)
		tick <- time.Time{}
		synctest.Wait()
		sp.stop()
		sp.stop() // idempotent
		out := buf.String()
		frames := strings.Split(out, "\r")
		require.Len(t, frames, 4, "%q", out) // "", two frames, the erase
		assert.Equal(t, spinnerFrames[0]+" fetching posts… 0", frames[1])
		assert.Equal(t, spinnerFrames[1]+" fetching posts… 100", frames[2])
		assert.Equal(t, "\033[K", frames[3], "the line is erased when done")
	})
}

// TestListingsDrawNoSpinnerWhenPiped: stderr in tests is a buffer, so the
// paging listings print nothing there.
func TestListingsDrawNoSpinnerWhenPiped(t *testing.T) {
	r := cli("", "--demo", "comments", "--limit", "1", "0f8fad5b-d9cb-469f-a165-70867728950e")
	assert.Equal(t, exitNotFound, r.code)
	assert.NotContains(t, r.stderr, "fetching")
	assert.NotContains(t, r.stderr, "\r")
}
