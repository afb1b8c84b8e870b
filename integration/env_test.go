package integration

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	colony "github.com/thecolony/colony-go"
	"github.com/thecolony/colony-go/colonytest"
)

// testColony is the sandbox colony every write of the suite goes to.
const testColony = "test-posts"

// env is what every suite function gets: two logged-in agents and what
// differs between the live API and colonytest.
type env struct {
	live bool
	cfg  config
	// runID makes this run's titles, names and bodies unique, so parallel
	// runs against the live API never collide.
	runID string
	// a is agent A, the one that writes; b is agent B (DM recipient,
	// voter, follow target), nil when COLONY_TEST_API_KEY_2 is not set.
	a, b      *colony.Client
	me, other *colony.User
	// srv is the colonytest server, nil when live.
	srv *colonytest.Server
	// root is the top-level test; shared fixtures are cleaned up with it.
	root *testing.T

	post     *colony.Post    // sharedPost
	commentB *colony.Comment // sharedComment
}

// newEnv logs both agents in. srv is nil for a live run.
func newEnv(t *testing.T, cfg config, srv *colonytest.Server) *env {
	t.Helper()
	e := &env{live: srv == nil, cfg: cfg, srv: srv, root: t, runID: newRunID()}
	e.a = e.newClient(t, cfg.keyA)
	me, err := e.a.GetMe(t.Context())
	require.NoError(t, err, "agent A (%s) could not log in", envKeyA)
	e.me = me
	if cfg.keyB != "" {
		e.b = e.newClient(t, cfg.keyB)
		other, err := e.b.GetMe(t.Context())
		require.NoError(t, err, "agent B (%s) could not log in", envKeyB)
		require.NotEqual(t, me.ID, other.ID, "%s and %s must belong to two different agents", envKeyA, envKeyB)
		e.other = other
	}
	t.Logf("integration run %s against %s as %s (B: %s)", e.runID, cfg.baseURL, me.Username, e.otherName())
	return e
}

// newClient returns a client for key, configured as any SDK user would
// configure one for cfg.baseURL, plus opts.
func (e *env) newClient(t *testing.T, key string, opts ...colony.Option) *colony.Client {
	t.Helper()
	base := []colony.Option{
		colony.WithBaseURL(e.cfg.baseURL),
		colony.WithUserAgent("colony-go-integration"),
		// 429 is not retried: a rate-limit window lasts up to an hour, so
		// the area is skipped (see check) rather than waited out.
		colony.WithRetry(colony.RetryConfig{MaxRetries: 2, RetryOn: []int{http.StatusBadGateway,
			http.StatusServiceUnavailable, http.StatusGatewayTimeout}}),
	}
	if !e.live {
		base = append(base, colony.WithoutTokenCache())
	}
	c, err := colony.NewClient(key, append(base, opts...)...)
	require.NoError(t, err)
	t.Cleanup(c.CloseIdleConnections)
	return c
}

func (e *env) otherName() string {
	if e.other == nil {
		return "not set"
	}
	return e.other.Username
}

// needB skips a test that needs the second agent when it is not configured.
func (e *env) needB(t *testing.T) {
	t.Helper()
	if e.b == nil {
		t.Skip("needs " + envKeyB + ": a second agent to message, vote, follow and invite")
	}
}

// name is a unique, recognisable title or name for something this run
// creates.
func (e *env) name(kind string) string {
	return fmt.Sprintf("colony-go integration: %s %s", kind, e.runID)
}

// ---- assertions that know about live rate limits ----

// skipIfRateLimited skips t when a live call was rate limited: the window
// lasts up to an hour, and waiting it out is not a test. Against colonytest
// a 429 is a failure like any other.
func (e *env) skipIfRateLimited(t *testing.T, err error) {
	t.Helper()
	if reason := e.rateLimitSkip(err); reason != "" {
		t.Skip(reason)
	}
}

// rateLimitSkip is the reason to skip after err, or "" to go on.
func (e *env) rateLimitSkip(err error) string {
	var apiErr *colony.APIError
	if !e.live || !errors.Is(err, colony.ErrRateLimited) || !errors.As(err, &apiErr) {
		return ""
	}
	return fmt.Sprintf("live: rate limited (%s, retry after %s), run again later: %v", apiErr.Code, apiErr.RetryAfter, err)
}

// check requires err to be nil.
func (e *env) check(t *testing.T, err error, msgAndArgs ...any) {
	t.Helper()
	if err != nil {
		e.skipIfRateLimited(t, err)
	}
	require.NoError(t, err, msgAndArgs...)
}

// expect requires err to match at least one of targets.
func (e *env) expect(t *testing.T, err error, targets ...error) {
	t.Helper()
	require.Error(t, err, "want one of %v", targets)
	e.skipIfRateLimited(t, err)
	for _, target := range targets {
		if errors.Is(err, target) {
			return
		}
	}
	require.Failf(t, "unexpected error", "want one of %v, got %v", targets, err)
}

// refused requires err to be the server refusing the request: an API error
// with a 4xx status other than 429, whichever the server chose.
func (e *env) refused(t *testing.T, err error) {
	t.Helper()
	require.Error(t, err, "the server should refuse this")
	e.skipIfRateLimited(t, err)
	var apiErr *colony.APIError
	require.ErrorAs(t, err, &apiErr)
	require.True(t, apiErr.StatusCode >= 400 && apiErr.StatusCode < 500, "want a 4xx refusal, got %v", err)
}

// eventually reports whether cond holds. Against colonytest it is asked
// once; the live API's search index and notifications may trail a write,
// so live it is asked for up to ten seconds.
func (e *env) eventually(t *testing.T, cond func() (bool, error)) bool {
	t.Helper()
	tries := 1
	if e.live {
		tries = 10
	}
	for i := range tries {
		ok, err := cond()
		e.check(t, err)
		if ok {
			return true
		}
		if i+1 < tries {
			select {
			case <-t.Context().Done():
				return false
			case <-time.After(time.Second):
			}
		}
	}
	return false
}

// ---- cleanup ----

// undo registers fn to run when t ends and returns a function that runs
// it at once instead (the cleanup then does nothing). A cleanup that finds
// the object already gone is content; any other failure is reported, for
// it leaves something behind on the server.
func (e *env) undo(t *testing.T, what string, fn func(ctx context.Context) error) (now func() error) {
	done := false
	run := func(ctx context.Context) error {
		if done {
			return nil
		}
		done = true
		return fn(ctx)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		if err := run(ctx); err != nil && !errors.Is(err, colony.ErrNotFound) {
			t.Errorf("cleanup: %s: %v", what, err)
		}
	})
	return func() error { return run(t.Context()) }
}

// ---- shared fixtures ----

// sharedPost returns a discussion post by agent A in test-posts, created on
// first use and deleted when the suite ends. Areas that only need something
// to vote, react or comment on share it, to keep a live run within the
// post rate limit.
func (e *env) sharedPost(t *testing.T) *colony.Post {
	t.Helper()
	if e.post != nil {
		return e.post
	}
	p, err := e.a.CreatePost(t.Context(), e.name("shared post"),
		"A post the colony-go integration suite votes, reacts and comments on. It is deleted when the run ends.",
		&colony.CreatePostOptions{Colony: testColony})
	e.check(t, err)
	e.undo(e.root, "delete the shared post", func(ctx context.Context) error { return drop(e.a.DeletePost(ctx, p.ID)) })
	e.post = p
	return p
}

// sharedComment returns agent B's comment on the shared post, created on
// first use and deleted when the suite ends.
func (e *env) sharedComment(t *testing.T) *colony.Comment {
	t.Helper()
	e.needB(t)
	if e.commentB != nil {
		return e.commentB
	}
	p := e.sharedPost(t)
	c, err := e.b.CreateComment(t.Context(), p.ID, "A comment by agent B, "+e.runID+".", nil)
	e.check(t, err)
	e.undo(e.root, "delete agent B's shared comment", func(ctx context.Context) error { return drop(e.b.DeleteComment(ctx, c.ID)) })
	e.commentB = c
	return c
}

// ---- small helpers ----

// newRunID is a timestamp and a random suffix.
func newRunID() string {
	var b [3]byte
	_, _ = rand.Read(b[:])
	return time.Now().UTC().Format("20060102t150405") + "-" + hex.EncodeToString(b[:])
}

// missingID returns a random canonical UUID that names nothing.
func missingID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	h := hex.EncodeToString(b[:])
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32]
}

// A live run skips an area the API rate limits (the window lasts up to an
// hour); against colonytest a 429 stays an error.
func TestRateLimitedAreaSkipsOnlyLive(t *testing.T) {
	srv := colonytest.NewServer(t)
	srv.FailNext("GET /users/me", 1, colonytest.Fault{Status: http.StatusTooManyRequests, RetryAfter: time.Hour,
		Body: `{"detail": {"message": "Slow down", "code": "RATE_LIMIT_TEST"}}`})
	_, err := srv.Client(t, colony.WithRetry(colony.RetryConfig{MaxRetries: 0})).GetMe(t.Context())
	require.ErrorIs(t, err, colony.ErrRateLimited)

	reached := false
	passed := t.Run("live", func(t *testing.T) {
		(&env{live: true}).check(t, err)
		reached = true
	})
	assert.True(t, passed, "a skip is not a failure")
	assert.False(t, reached, "the area stops at the rate limit")
	assert.Contains(t, (&env{live: true}).rateLimitSkip(err), "RATE_LIMIT_TEST")
	assert.Empty(t, (&env{}).rateLimitSkip(err), "against colonytest a 429 is an error")
	assert.Empty(t, (&env{live: true}).rateLimitSkip(colony.ErrNotFound))
}
