package colony_test

import (
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	colony "github.com/thecolony/colony-go"
	"github.com/thecolony/colony-go/colonytest"
)

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
