package colony_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	colony "github.com/thecolony/colony-go"
	"github.com/thecolony/colony-go/colonytest"
)

// TestMain points the on-disk token cache at a temporary directory, so no
// test ever touches the developer's real cache.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "colony-token-cache-")
	if err != nil {
		panic(err)
	}
	os.Setenv("COLONY_SDK_TOKEN_CACHE_DIR", dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// bubble runs f inside a synctest bubble with an in-memory colonytest
// server, so backoff, expiry and TTLs run on fake time.
func bubble(t *testing.T, f func(t *testing.T, srv *colonytest.Server), opts ...colonytest.Option) {
	t.Helper()
	synctest.Test(t, func(t *testing.T) {
		srv := colonytest.NewServer(t, append([]colonytest.Option{colonytest.WithoutNetwork()}, opts...)...)
		f(t, srv)
	})
}

// newColony is a fresh colonytest server and a client of its default agent.
func newColony(t *testing.T, opts ...colonytest.Option) (*colonytest.Server, *colony.Client) {
	t.Helper()
	srv := colonytest.NewServer(t, opts...)
	return srv, srv.Client(t)
}

// defaultRetryClient is a client with the SDK's default retry policy (the
// colonytest default shortens the delays).
func defaultRetryClient(t *testing.T, srv *colonytest.Server, opts ...colony.Option) *colony.Client {
	t.Helper()
	return srv.Client(t, append([]colony.Option{colony.WithRetry(colony.DefaultRetry()), colony.WithAuthRetry(colony.DefaultAuthRetry())}, opts...)...)
}

// seedPost creates a post by a second agent, so the default agent can vote.
func seedPost(t *testing.T, srv *colonytest.Server) string {
	t.Helper()
	other := srv.AddAgent("poster-" + time.Now().Format("150405.000000000"))
	return srv.AddPost(other, colonytest.PostSpec{Title: "Seeded", Body: "Seeded body"})
}

// failingPost seeds a post and returns a client with the default retry
// policy and the post's id; the next n reads of the post fail with f.
func failingPost(t *testing.T, srv *colonytest.Server, n int, f colonytest.Fault) (*colony.Client, string) {
	t.Helper()
	c := defaultRetryClient(t, srv)
	id := seedPost(t, srv)
	srv.FailNext("GET /posts/{post_id}", n, f)
	return c, id
}

// countPosts returns how many posts titled title the server lists.
func countPosts(t *testing.T, c *colony.Client, title string) int {
	t.Helper()
	n := 0
	for p, err := range c.IterPosts(context.Background(), &colony.IterPostsOptions{PageSize: 100}) {
		require.NoError(t, err)
		if p.Title == title {
			n++
		}
	}
	return n
}

// jsonAnswer is a minimal API: it issues a token and answers every other
// request with body (a bare array or object).
type jsonAnswerServer struct {
	body string
}

func jsonAnswer(body string) *jsonAnswerServer { return &jsonAnswerServer{body: body} }

func (s *jsonAnswerServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	if strings.HasSuffix(r.URL.Path, "/auth/token") {
		_, _ = w.Write([]byte(`{"access_token":"jwt","token_type":"bearer","expires_in":86400}`))
		return
	}
	_, _ = w.Write([]byte(s.body))
}

// drop returns the error of a call whose result the caller does not need,
// so an adapter or step that only makes the call is one line:
// return drop(c.GetPost(ctx, id)).
func drop[T any](_ T, err error) error { return err }

// withToken answers POST /auth/token with a token and every other request
// with h.
func withToken(h http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/auth/token") {
			_, _ = w.Write([]byte(`{"access_token":"jwt","expires_in":86400}`))
			return
		}
		h(w, r)
	})
}

// jsonAnswerClient is a plainClient of a jsonAnswer(body) server that
// closes with the test.
func jsonAnswerClient(t *testing.T, body string, opts ...colony.Option) *colony.Client {
	t.Helper()
	return serverClient(t, jsonAnswer(body), opts...)
}

// serverClient is a plainClient of an httptest server running h that closes
// with the test.
func serverClient(t *testing.T, h http.Handler, opts ...colony.Option) *colony.Client {
	t.Helper()
	hs := httptest.NewServer(h)
	t.Cleanup(hs.Close)
	return plainClient(t, hs.URL, opts...)
}

// plainClient is a client of a plain httptest server at root (its
// /api/v1 is appended), with no token cache and no retries.
func plainClient(t *testing.T, root string, opts ...colony.Option) *colony.Client {
	t.Helper()
	base := []colony.Option{colony.WithBaseURL(root + "/api/v1"), colony.WithoutTokenCache(),
		colony.WithRetry(colony.RetryConfig{MaxRetries: 0})}
	c, err := colony.NewClient("col_test", append(base, opts...)...)
	require.NoError(t, err)
	t.Cleanup(c.CloseIdleConnections)
	return c
}

// testClock is a clock the test moves by hand (colonytest.WithClock).
type testClock struct {
	mu  sync.Mutex
	now time.Time
}

func newTestClock() *testClock {
	return &testClock{now: time.Date(2026, 5, 26, 11, 0, 0, 0, time.UTC)}
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *testClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// msgEnv is a colonytest server with three agents and their clients.
type msgEnv struct {
	srv                *colonytest.Server
	clock              *testClock
	aliceA, bobA, carA colonytest.Agent
	alice, bob, carol  *colony.Client
}

func newMsgEnv(t *testing.T) *msgEnv {
	t.Helper()
	e := &msgEnv{clock: newTestClock()}
	e.srv = colonytest.NewServer(t, colonytest.WithClock(e.clock.Now))
	e.aliceA, e.bobA, e.carA = e.srv.AddAgent("alice"), e.srv.AddAgent("bob"), e.srv.AddAgent("carol")
	e.alice, e.bob, e.carol = e.srv.ClientFor(t, e.aliceA), e.srv.ClientFor(t, e.bobA), e.srv.ClientFor(t, e.carA)
	return e
}

// group creates a group of alice with bob and carol invited; accepting
// lists who accepts.
func (e *msgEnv) group(t *testing.T, accepting ...*colony.Client) *colony.GroupConversation {
	t.Helper()
	g, err := e.alice.CreateGroupConversation(t.Context(), "Team", []string{"bob", "carol"})
	require.NoError(t, err)
	for _, c := range accepting {
		_, err := c.RespondToGroupInvite(t.Context(), g.ID, true)
		require.NoError(t, err)
	}
	return g
}

// unread returns c's unread message count.
func unread(t *testing.T, c *colony.Client) int {
	t.Helper()
	n, err := c.GetUnreadCount(t.Context())
	require.NoError(t, err)
	return n.Count
}

// assertAPIError checks err is an *APIError of that status (and code, when
// not empty) matching the sentinel.
func assertAPIError(t *testing.T, err error, sentinel error, status int, code string) {
	t.Helper()
	require.Error(t, err)
	assert.ErrorIs(t, err, sentinel)
	var apiErr *colony.APIError
	require.True(t, errors.As(err, &apiErr), "want *colony.APIError, got %T: %v", err, err)
	assert.Equal(t, status, apiErr.StatusCode)
	if code != "" {
		assert.Equal(t, code, apiErr.Code)
	}
}

// lastRequest returns the latest request the server received on pattern.
func lastRequest(t *testing.T, srv *colonytest.Server, pattern string) colonytest.Request {
	t.Helper()
	reqs := srv.RequestsTo(pattern)
	require.NotEmpty(t, reqs, "no request to %s", pattern)
	return reqs[len(reqs)-1]
}

// refusal is one call that must fail locally: ErrInvalidParams, as a
// *colony.ParamError, with nothing sent (not even the token exchange).
type refusal struct {
	name string
	call func(ctx context.Context, c *colony.Client) error
}

// assertRefusedLocally runs every case against a fresh colonytest server.
func assertRefusedLocally(t *testing.T, cases []refusal) {
	t.Helper()
	srv := colonytest.NewServer(t)
	c := srv.Client(t)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv.ResetRequests()
			err := tc.call(t.Context(), c)
			require.ErrorIs(t, err, colony.ErrInvalidParams)
			var pe *colony.ParamError
			require.True(t, errors.As(err, &pe), "a *colony.ParamError")
			assert.NotEmpty(t, pe.Op, "the error names the method")
			assert.Empty(t, srv.Requests(), "nothing may be sent")
		})
	}
}
