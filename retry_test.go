package colony_test

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	colony "github.com/thecolony/colony-go"
	"github.com/thecolony/colony-go/colonytest"
)

func TestCreatePostRetriedWritesCarryOneIdempotencyKey(t *testing.T) {
	cases := []struct {
		name  string
		fault colonytest.Fault
	}{
		{"503 before the write", colonytest.Fault{Status: 503}},
		// The proxy lost the answer of a committed write: only the key
		// keeps the retries from creating three more posts.
		{"503 after the write", colonytest.Fault{Status: 503, AfterHandler: true}},
		{"connection reset", colonytest.Fault{Drop: true}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			bubble(t, func(t *testing.T, srv *colonytest.Server) {
				c := srv.Client(t, colony.WithRetry(colony.RetryConfig{MaxRetries: 3}))
				srv.FailNext("POST /posts", 3, tc.fault)

				var meta colony.ResponseMeta
				p, err := c.CreatePost(t.Context(), "Exactly once", "body", nil, colony.WithResponse(&meta))
				require.NoError(t, err)
				assert.Equal(t, 4, meta.Attempts)

				reqs := srv.RequestsTo("POST /posts")
				require.Len(t, reqs, 4)
				key := reqs[0].Header.Get("Idempotency-Key")
				assert.Len(t, key, 32)
				for _, r := range reqs {
					assert.Equal(t, key, r.Header.Get("Idempotency-Key"), "every attempt reuses the key")
				}
				assert.Equal(t, key, meta.IdempotencyKey)
				assert.Equal(t, 1, countPosts(t, c, "Exactly once"))
				got, err := c.GetPost(t.Context(), p.ID)
				require.NoError(t, err)
				assert.Equal(t, "Exactly once", got.Title)
			})
		})
	}
}

func TestCallerIdempotencyKeyReplaysAcrossCalls(t *testing.T) {
	bubble(t, func(t *testing.T, srv *colonytest.Server) {
		c := srv.Client(t)
		first, err := c.CreatePost(t.Context(), "Keyed", "body", nil, colony.WithIdempotencyKey("my-key-1"))
		require.NoError(t, err)
		var meta colony.ResponseMeta
		second, err := c.CreatePost(t.Context(), "Keyed", "body", nil, colony.WithIdempotencyKey("my-key-1"), colony.WithResponse(&meta))
		require.NoError(t, err)
		assert.Equal(t, first.ID, second.ID, "the replay returns the original post")
		assert.True(t, meta.Replayed)
		assert.Equal(t, 1, countPosts(t, c, "Keyed"))

		_, err = c.CreatePost(t.Context(), "Keyed", "other body", nil, colony.WithIdempotencyKey("my-key-1"))
		assert.ErrorIs(t, err, colony.ErrConflict, "same key, different payload")
	})
}

func TestBackoffFollowsPolicyWithJitter(t *testing.T) {
	bubble(t, func(t *testing.T, srv *colonytest.Server) {
		c, id := failingPost(t, srv, 2, colonytest.Fault{Status: 503})
		start := time.Now()
		_, err := c.GetPost(t.Context(), id)
		require.NoError(t, err)
		reqs := srv.RequestsTo("GET /posts/{post_id}")
		require.Len(t, reqs, 3)
		first, second := reqs[1].Time.Sub(reqs[0].Time), reqs[2].Time.Sub(reqs[1].Time)
		assert.True(t, first >= 500*time.Millisecond && first <= time.Second, "first backoff %v in [0.5s, 1s]", first)
		assert.True(t, second >= time.Second && second <= 2*time.Second, "second backoff %v in [1s, 2s]", second)
		assert.Equal(t, first+second, time.Since(start))
	})
}

func TestRetryAfterHonouredOrNotSlept(t *testing.T) {
	for _, tc := range []struct {
		name       string
		retryAfter time.Duration
		// wantWait is the time the call took; wantErr that it failed at
		// once with the server's Retry-After (contract §2.1).
		wantWait time.Duration
		wantErr  bool
	}{
		{"honoured above MaxDelay", 42 * time.Second, 42 * time.Second, false},
		{"equal to MaxRetryAfter", time.Minute, time.Minute, false},
		{"above MaxRetryAfter is not slept", time.Hour, 0, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			bubble(t, func(t *testing.T, srv *colonytest.Server) {
				c, id := failingPost(t, srv, 1, colonytest.Fault{Status: 429, RetryAfter: tc.retryAfter})
				start := time.Now()
				_, err := c.GetPost(t.Context(), id)
				assert.Equal(t, tc.wantWait, time.Since(start))
				if !tc.wantErr {
					require.NoError(t, err)
					return
				}
				var apiErr *colony.APIError
				require.ErrorAs(t, err, &apiErr)
				assert.ErrorIs(t, err, colony.ErrRateLimited)
				assert.Equal(t, tc.retryAfter, apiErr.RetryAfter)
				assert.Len(t, srv.RequestsTo("GET /posts/{post_id}"), 1, "no retry")
			})
		})
	}
}

// TestRetryAfterPastMaxIsNotSlept: a Retry-After over MaxRetryAfter fails
// the call at once, with the real RetryAfter to schedule by (§2.1).
func TestRetryAfterPastMaxIsNotSlept(t *testing.T) {
	bubble(t, func(t *testing.T, srv *colonytest.Server) {
		c, id := failingPost(t, srv, 1, colonytest.Fault{Status: 429, RetryAfter: 24 * time.Hour})
		start := time.Now()
		_, err := c.GetPost(t.Context(), id)
		var apiErr *colony.APIError
		require.ErrorAs(t, err, &apiErr)
		assert.ErrorIs(t, err, colony.ErrRateLimited)
		assert.Equal(t, 24*time.Hour, apiErr.RetryAfter)
		assert.Zero(t, time.Since(start), "nothing was slept")
		assert.Len(t, srv.RequestsTo("GET /posts/{post_id}"), 1)
	})
}

func TestFinalRateLimitErrorCarriesRetryAfter(t *testing.T) {
	bubble(t, func(t *testing.T, srv *colonytest.Server) {
		c, id := failingPost(t, srv, 3, colonytest.Fault{Status: 429, RetryAfter: 7 * time.Second,
			Body: `{"detail":{"message":"Slow down","code":"RATE_LIMIT_READ"}}`})
		_, err := c.GetPost(t.Context(), id)
		var apiErr *colony.APIError
		require.ErrorAs(t, err, &apiErr)
		assert.ErrorIs(t, err, colony.ErrRateLimited)
		assert.Equal(t, 7*time.Second, apiErr.RetryAfter)
		assert.Equal(t, "RATE_LIMIT_READ", apiErr.Code)
		assert.Len(t, srv.RequestsTo("GET /posts/{post_id}"), 3, "2 retries, then the error")
	})
}

func TestContextDeadlineEndsBackoffSleep(t *testing.T) {
	bubble(t, func(t *testing.T, srv *colonytest.Server) {
		c, id := failingPost(t, srv, 1, colonytest.Fault{Status: 503}) // backoff 0.5-1 s
		ctx, cancel := context.WithTimeout(t.Context(), 500*time.Millisecond)
		defer cancel()
		start := time.Now()
		_, err := c.GetPost(ctx, id)
		assert.Equal(t, 500*time.Millisecond, time.Since(start), "returns at the deadline, not after the backoff")
		assert.ErrorIs(t, err, context.DeadlineExceeded)
		assert.ErrorIs(t, err, colony.ErrNetwork)
		var apiErr *colony.APIError
		assert.ErrorAs(t, err, &apiErr)
	})
}

func TestWhatIsRetried(t *testing.T) {
	cases := []struct {
		name     string
		fault    colonytest.Fault
		attempts int
		wantErr  error
	}{
		{"500 is not retried by default", colonytest.Fault{Status: 500}, 1, colony.ErrServer},
		{"404 is not retried", colonytest.Fault{Status: 404}, 1, colony.ErrNotFound},
		{"502 is retried", colonytest.Fault{Status: 502}, 3, colony.ErrServer},
		{"a reset GET is retried", colonytest.Fault{Drop: true}, 3, colony.ErrNetwork},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			bubble(t, func(t *testing.T, srv *colonytest.Server) {
				c, id := failingPost(t, srv, 10, tc.fault)
				_, err := c.GetPost(t.Context(), id)
				assert.ErrorIs(t, err, tc.wantErr)
				assert.Len(t, srv.RequestsTo("GET /posts/{post_id}"), tc.attempts)
			})
		})
	}
}

func TestRetryConfigValidation(t *testing.T) {
	for _, opt := range []colony.Option{
		colony.WithRetry(colony.RetryConfig{MaxRetries: -1}),
		colony.WithRetry(colony.RetryConfig{BaseDelay: -time.Second}),
		colony.WithAuthRetry(colony.RetryConfig{MaxRetries: -1}),
		colony.WithAuthRetry(colony.RetryConfig{MaxDelay: -time.Second}),
	} {
		_, err := colony.NewClient("col_x", opt)
		assert.Error(t, err)
	}
}

func TestNoRetriesWhenDisabled(t *testing.T) {
	bubble(t, func(t *testing.T, srv *colonytest.Server) {
		c := srv.Client(t, colony.WithRetry(colony.RetryConfig{MaxRetries: 0}))
		srv.FailNext("POST /posts", 1, colonytest.Fault{Status: 503})
		_, err := c.CreatePost(t.Context(), "t", "b", nil)
		var apiErr *colony.APIError
		require.True(t, errors.As(err, &apiErr))
		assert.Equal(t, http.StatusServiceUnavailable, apiErr.StatusCode)
		assert.Len(t, srv.RequestsTo("POST /posts"), 1)
	})
}
