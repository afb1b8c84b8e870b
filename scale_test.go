package colony_test

import (
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	colony "github.com/thecolony/colony-go"
	"github.com/thecolony/colony-go/colonytest"
)

func TestThousandConcurrentFirstCallsOneTokenExchange(t *testing.T) {
	srv := colonytest.NewServer(t, colonytest.WithoutNetwork())
	id := seedPost(t, srv)
	c := srv.Client(t)
	var wg sync.WaitGroup
	var failed atomic.Int32
	for range 1000 {
		wg.Go(func() {
			if _, err := c.GetPost(t.Context(), id); err != nil {
				failed.Add(1)
			}
		})
	}
	wg.Wait()
	assert.Zero(t, failed.Load())
	assert.Equal(t, 1, srv.TokenExchanges())
}

func TestWarmDiskCacheMeansNoTokenExchange(t *testing.T) {
	dir := t.TempDir()
	srv := colonytest.NewServer(t)
	id := seedPost(t, srv)
	warm := srv.Client(t, colony.WithTokenCacheDir(dir))
	_, err := warm.GetPost(t.Context(), id)
	require.NoError(t, err)
	srv.ResetRequests()

	second := srv.Client(t, colony.WithTokenCacheDir(dir))
	_, err = second.GetPost(t.Context(), id)
	require.NoError(t, err)
	assert.Zero(t, srv.TokenExchanges(), "the second client read the token from disk")
}

// TestSixtyFourCallersReuseConnections: 64 goroutines on one client with
// the default transport open at most 64 connections and reuse them (Go's
// default transport keeps only 2 idle connections per host; the client's
// pool keeps enough for 64+ callers).
func TestSixtyFourCallersReuseConnections(t *testing.T) {
	var opened, open, peak atomic.Int32
	srv := httptest.NewUnstartedServer(withToken(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"id":"p1","title":"t"}`))
	}))
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		switch s {
		case http.StateNew:
			opened.Add(1)
			n := open.Add(1)
			for p := peak.Load(); n > p && !peak.CompareAndSwap(p, n); p = peak.Load() {
			}
		case http.StateClosed, http.StateHijacked:
			open.Add(-1)
		}
	}
	srv.Start()
	defer srv.Close()
	c, err := colony.NewClient("col_x", colony.WithBaseURL(srv.URL+"/api/v1"), colony.WithoutTokenCache())
	require.NoError(t, err)
	defer c.CloseIdleConnections()
	var wg sync.WaitGroup
	for range 64 {
		wg.Go(func() {
			for range 20 {
				_, err := c.GetPost(t.Context(), "p1")
				assert.NoError(t, err)
			}
		})
	}
	wg.Wait()
	t.Logf("1,280 calls from 64 goroutines opened %d connections, at most %d at once", opened.Load(), peak.Load())
	assert.LessOrEqual(t, peak.Load(), int32(64), "the pool's cap")
	// Reuse: a connection the server or a loaded machine closes is
	// replaced, but 1,280 calls never come near a dial each.
	assert.LessOrEqual(t, opened.Load(), int32(80), "connections are reused")
}
