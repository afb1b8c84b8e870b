package colony_test

import (
	"bytes"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	colony "github.com/thecolony/colony-go"
	"github.com/thecolony/colony-go/colonytest"
)

func TestCircuitBreakerOpensHalfOpensAndCloses(t *testing.T) {
	bubble(t, func(t *testing.T, srv *colonytest.Server) {
		id := seedPost(t, srv)
		c := srv.Client(t, colony.WithRetry(colony.RetryConfig{MaxRetries: 0}), colony.WithCircuitBreaker(3))
		_, err := c.GetPost(t.Context(), id) // warm the token
		require.NoError(t, err)

		srv.FailNext("GET /posts/{post_id}", 4, colonytest.Fault{Status: 503})
		for range 3 {
			_, err := c.GetPost(t.Context(), id)
			require.ErrorIs(t, err, colony.ErrServer)
		}
		before := len(srv.Requests())
		_, err = c.GetPost(t.Context(), id)
		assert.ErrorIs(t, err, colony.ErrCircuitOpen)
		assert.ErrorIs(t, err, colony.ErrNetwork, "Python raises ColonyNetworkError here")
		assert.Len(t, srv.Requests(), before, "an open breaker does no I/O")

		time.Sleep(30 * time.Second) // the cool-down
		_, err = c.GetPost(t.Context(), id)
		assert.ErrorIs(t, err, colony.ErrServer, "the half-open probe went out and failed")
		_, err = c.GetPost(t.Context(), id)
		assert.ErrorIs(t, err, colony.ErrCircuitOpen, "a failed probe re-opens the breaker")

		time.Sleep(30 * time.Second)
		_, err = c.GetPost(t.Context(), id)
		require.NoError(t, err, "the probe succeeded")
		_, err = c.GetPost(t.Context(), id)
		require.NoError(t, err, "and the breaker is closed again")
	})
}

func TestCircuitBreakerIgnoresClientErrors(t *testing.T) {
	bubble(t, func(t *testing.T, srv *colonytest.Server) {
		c := srv.Client(t, colony.WithCircuitBreaker(2))
		for range 5 {
			_, err := c.GetPost(t.Context(), "11111111-1111-4111-8111-111111111111")
			require.ErrorIs(t, err, colony.ErrNotFound, "a 404 is an answer, not an outage")
		}
	})
}

func TestEnableCircuitBreakerAtRunTime(t *testing.T) {
	bubble(t, func(t *testing.T, srv *colonytest.Server) {
		c := srv.Client(t, colony.WithRetry(colony.RetryConfig{MaxRetries: 0}))
		id := seedPost(t, srv)
		c.EnableCircuitBreaker(1)
		srv.FailNext("GET /posts/{post_id}", 1, colonytest.Fault{Status: 502})
		_, err := c.GetPost(t.Context(), id)
		require.ErrorIs(t, err, colony.ErrServer)
		_, err = c.GetPost(t.Context(), id)
		require.ErrorIs(t, err, colony.ErrCircuitOpen)
		c.EnableCircuitBreaker(1) // re-enabling resets it, as in Python
		_, err = c.GetPost(t.Context(), id)
		require.NoError(t, err)
		c.EnableCircuitBreaker(0)
	})
}

func TestGETCache(t *testing.T) {
	bubble(t, func(t *testing.T, srv *colonytest.Server) {
		c := srv.Client(t, colony.WithCache(time.Minute))
		author := srv.Agent()
		id := srv.AddPost(author, colonytest.PostSpec{Title: "Cached", Body: "b"})

		_, err := c.GetPost(t.Context(), id)
		require.NoError(t, err)
		var meta colony.ResponseMeta
		p, err := c.GetPost(t.Context(), id, colony.WithResponse(&meta))
		require.NoError(t, err)
		assert.Equal(t, "Cached", p.Title)
		assert.True(t, meta.Cached)
		assert.Zero(t, meta.Attempts)
		assert.Len(t, srv.RequestsTo("GET /posts/{post_id}"), 1, "the second GET was a hit")

		time.Sleep(61 * time.Second)
		_, err = c.GetPost(t.Context(), id)
		require.NoError(t, err)
		assert.Len(t, srv.RequestsTo("GET /posts/{post_id}"), 2, "expired after the TTL")

		_, err = c.UpdatePost(t.Context(), id, &colony.UpdatePostOptions{Title: colony.Ptr("Changed")})
		require.NoError(t, err)
		p, err = c.GetPost(t.Context(), id)
		require.NoError(t, err)
		assert.Equal(t, "Changed", p.Title, "a successful write clears the cache")

		// PATCH clears it too (Python 1.14.1 forgets PATCH).
		srv.AddRoute("PATCH /things", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			_, _ = w.Write([]byte(`{}`))
		}))
		_, err = c.GetPost(t.Context(), id)
		require.NoError(t, err)
		n := len(srv.RequestsTo("GET /posts/{post_id}"))
		_, err = c.Raw(t.Context(), http.MethodPatch, "/things", map[string]any{"x": 1})
		require.NoError(t, err)
		_, err = c.GetPost(t.Context(), id)
		require.NoError(t, err)
		assert.Len(t, srv.RequestsTo("GET /posts/{post_id}"), n+1)

		c.EnableCache(0)
		_, _ = c.GetPost(t.Context(), id)
		_, _ = c.GetPost(t.Context(), id)
		assert.Len(t, srv.RequestsTo("GET /posts/{post_id}"), n+3, "disabled")
	})
}

func TestHooksSeeEveryAttempt(t *testing.T) {
	bubble(t, func(t *testing.T, srv *colonytest.Server) {
		var mu sync.Mutex
		var reqs []colony.RequestInfo
		var resps []colony.ResponseInfo
		c := srv.Client(t, colony.WithRequestHook(func(ri colony.RequestInfo) {
			mu.Lock()
			reqs = append(reqs, ri)
			mu.Unlock()
		}))
		c.OnResponse(func(ri colony.ResponseInfo) {
			mu.Lock()
			resps = append(resps, ri)
			mu.Unlock()
		})
		id := seedPost(t, srv)
		srv.FailNext("GET /posts/{post_id}", 1, colonytest.Fault{Status: 503})
		_, err := c.GetPost(t.Context(), id)
		require.NoError(t, err)

		require.Len(t, reqs, 3, "token exchange, first attempt, retry")
		assert.Equal(t, "/auth/token", reqs[0].Route)
		assert.Equal(t, "/posts/{post_id}", reqs[1].Route)
		assert.Equal(t, []int{0, 0, 1}, []int{reqs[0].Attempt, reqs[1].Attempt, reqs[2].Attempt})
		require.Len(t, resps, 3)
		assert.Equal(t, []int{200, 503, 200}, []int{resps[0].StatusCode, resps[1].StatusCode, resps[2].StatusCode})
		require.NotNil(t, resps[2].RateLimit.Limit)
		assert.Equal(t, 1000, *resps[2].RateLimit.Limit)

		rl := c.LastRateLimit()
		require.NotNil(t, rl.Remaining)
		assert.NotEmpty(t, c.LastResponseHeaders().Get("X-Request-Id"))
	})
}

func TestDebugLogsHoldNoSecrets(t *testing.T) {
	srv := colonytest.NewServer(t)
	var buf bytes.Buffer
	logger := slog.New(slog.NewJSONHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	c := srv.Client(t, colony.WithLogger(logger))
	id := seedPost(t, srv)
	srv.FailNext("GET /posts/{post_id}", 1, colonytest.Fault{Status: 503})
	_, err := c.GetPost(t.Context(), id)
	require.NoError(t, err)

	out := buf.String()
	assert.Contains(t, out, `"route":"/posts/{post_id}"`)
	assert.Contains(t, out, `"status":503`)
	assert.Contains(t, out, `"msg":"colony: retrying"`)
	assert.NotContains(t, out, srv.Agent().APIKey)
	for _, r := range srv.Requests() {
		if tok := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer "); tok != "" {
			assert.NotContains(t, out, tok)
		}
	}
	assert.NotContains(t, out, id, "routes are logged as templates, not raw ids")
}
