package colony_test

import (
	"context"
	"runtime"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	colony "github.com/thecolony/colony-go"
	"github.com/thecolony/colony-go/colonytest"
)

// settledGoroutines waits (briefly, by polling) for background goroutines
// such as closing connections to finish, and returns how many remain.
func settledGoroutines(limit int) int {
	n := runtime.NumGoroutine()
	for i := 0; i < 200 && n > limit; i++ {
		time.Sleep(5 * time.Millisecond)
		n = runtime.NumGoroutine()
	}
	return n
}

// TestNoGoroutineLeaks: abandoned iterators, cancelled calls and closed
// idle connections leave no goroutine behind.
func TestNoGoroutineLeaks(t *testing.T) {
	srv := colonytest.NewServer(t)
	srv.AddPosts(srv.Agent(), "general", "p", 120)
	before := runtime.NumGoroutine()

	c := srv.Client(t)
	for range 50 {
		for _, err := range c.IterPosts(t.Context(), &colony.IterPostsOptions{PageSize: 10}) {
			require.NoError(t, err)
			break // abandoned mid-page
		}
	}
	for range 20 {
		ctx, cancel := context.WithCancel(t.Context())
		next := 0
		for _, err := range c.IterPosts(ctx, &colony.IterPostsOptions{PageSize: 10}) {
			next++
			if next == 15 {
				cancel()
			}
			if err != nil {
				break
			}
		}
		cancel()
	}
	for range 20 {
		ctx, cancel := context.WithTimeout(t.Context(), time.Millisecond)
		srv.FailNext("GET /posts", 1, colonytest.Fault{Status: 200, Delay: time.Second})
		_, err := c.GetPosts(ctx, nil)
		cancel()
		assert.ErrorIs(t, err, context.DeadlineExceeded)
	}
	srv.ClearFaults()
	c.CloseIdleConnections()
	srv.Close() // ends the server's connection goroutines too

	after := settledGoroutines(before)
	assert.LessOrEqual(t, after, before, "goroutines before %d, after %d", before, after)
}
