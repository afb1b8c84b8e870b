package colony_test

import (
	"context"
	"encoding/json"
	"fmt"
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

// postsServer serves GET /posts/{id}: 404 for missing ids, and the first
// gate requests wait until gate of them are in flight at once.
type postsServer struct {
	missing map[string]bool
	gate    int

	mu          sync.Mutex
	arrived     int
	inflight    int
	maxInflight int
	paths       []string
	full        chan struct{}
}

func newPostsServer(missing []string, gate int) *postsServer {
	s := &postsServer{missing: map[string]bool{}, gate: gate, full: make(chan struct{})}
	for _, id := range missing {
		s.missing[id] = true
	}
	return s
}

func (s *postsServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	if strings.HasSuffix(r.URL.Path, "/auth/token") {
		_, _ = w.Write([]byte(`{"access_token":"jwt","expires_in":86400}`))
		return
	}
	id := strings.TrimPrefix(r.URL.Path, "/api/v1/posts/")
	s.mu.Lock()
	s.paths = append(s.paths, r.URL.Path)
	s.arrived++
	s.inflight++
	s.maxInflight = max(s.maxInflight, s.inflight)
	first := s.arrived <= s.gate
	if s.arrived == s.gate {
		close(s.full)
	}
	s.mu.Unlock()
	if first {
		select {
		case <-s.full: // gate requests were in flight together
		case <-r.Context().Done():
		}
	}
	// Leave before answering: once the client has the answer it may send
	// the next request.
	s.mu.Lock()
	s.inflight--
	s.mu.Unlock()
	if s.missing[id] {
		w.WriteHeader(http.StatusNotFound)
		_, _ = w.Write([]byte(`{"detail":"Post not found"}`))
		return
	}
	_ = json.NewEncoder(w).Encode(map[string]any{"id": id, "title": "post " + id[:8]})
}

func batchIDs(n int) []string {
	ids := make([]string, n)
	for i := range ids {
		ids[i] = fmt.Sprintf("%08x-0000-4000-8000-%012x", i+1, i+1)
	}
	return ids
}

// TestGetPostsByIDsConcurrentInOrder: 50 ids with 5 missing give 45 posts
// in input order, fetched 8 at a time (the server sees 8 requests in
// flight together, never more).
func TestGetPostsByIDsConcurrentInOrder(t *testing.T) {
	ids := batchIDs(50)
	missing := []string{ids[0], ids[9], ids[21], ids[33], ids[49]}
	ps := newPostsServer(missing, 8)
	c := serverClient(t, ps)
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second) // fails, not hangs, if requests were sequential
	defer cancel()

	var meta colony.ResponseMeta
	posts, err := c.GetPostsByIDs(ctx, ids, colony.WithResponse(&meta))
	require.NoError(t, err)
	var want []string
	for _, id := range ids {
		if !ps.missing[id] {
			want = append(want, id)
		}
	}
	got := make([]string, len(posts))
	for i, p := range posts {
		got[i] = p.ID
	}
	assert.Equal(t, want, got, "45 posts, in input order")
	ps.mu.Lock()
	defer ps.mu.Unlock()
	assert.Equal(t, 8, ps.maxInflight, "requests overlap, bounded at 8")
	assert.Len(t, ps.paths, 50)
	assert.Equal(t, http.StatusNotFound, meta.StatusCode, "WithResponse describes the last id's request")
}

func TestGetPostsByIDsStopsOnFirstError(t *testing.T) {
	ids := batchIDs(50)
	var mu sync.Mutex
	sent := 0
	c := serverClient(t, withToken(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		sent++
		mu.Unlock()
		if strings.HasSuffix(r.URL.Path, ids[0]) {
			w.WriteHeader(http.StatusInternalServerError)
			_, _ = w.Write([]byte(`{"detail":"boom"}`))
			return
		}
		<-r.Context().Done() // the others hang until the batch gives up on them
	}))
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	posts, err := c.GetPostsByIDs(ctx, ids)
	assert.Nil(t, posts)
	require.ErrorIs(t, err, colony.ErrServer, "the first non-404 error is returned")
	var apiErr *colony.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "/posts/"+ids[0], apiErr.Path)
	assert.NoError(t, ctx.Err(), "the rest were cancelled, not waited for")
	mu.Lock()
	defer mu.Unlock()
	assert.LessOrEqual(t, sent, 9, "no new request starts after the failure")
}

func TestGetByIDsAgainstColonytest(t *testing.T) {
	srv, c := newColony(t)
	ctx := t.Context()
	alice, bob := srv.AddAgent("alice"), srv.AddAgent("bob")
	const ghost = "33333333-3333-4333-8333-333333333333"

	users, err := c.GetUsersByIDs(ctx, []string{bob.ID, ghost, alice.ID, bob.ID})
	require.NoError(t, err)
	require.Len(t, users, 3)
	assert.Equal(t, []string{"bob", "alice", "bob"}, []string{users[0].Username, users[1].Username, users[2].Username})
	assert.Len(t, srv.RequestsTo("GET /users/{user_id}"), 3, "a repeated id is fetched once")

	postIDs := srv.AddPosts(alice, "general", "Batch", 3)
	posts, err := c.GetPostsByIDs(ctx, []string{postIDs[2], postIDs[0]})
	require.NoError(t, err)
	require.Len(t, posts, 2)
	assert.Equal(t, "Batch 3", posts[0].Title)
	assert.Equal(t, "Batch 1", posts[1].Title)

	srv.ResetRequests()
	empty, err := c.GetPostsByIDs(ctx, nil)
	require.NoError(t, err)
	assert.NotNil(t, empty)
	assert.Empty(t, empty)
	assert.Empty(t, srv.Requests(), "no ids, no request")

	_, err = c.GetUsersByIDs(ctx, []string{"not-a-uuid"})
	assert.ErrorIs(t, err, colony.ErrValidation, "a 422 is not skipped")
}

// TestBatchCallsKeepEveryCallOption: the per-id requests of a batch get the
// caller's retry policy too, and a bad option fails the batch before
// anything is sent (both were dropped once).
func TestBatchCallsKeepEveryCallOption(t *testing.T) {
	srv, c := newColony(t)
	id := srv.AddPost(srv.Agent(), colonytest.PostSpec{Title: "One", Body: "b"})

	srv.FailNext("GET /posts/{post_id}", 1, colonytest.Fault{Status: http.StatusServiceUnavailable})
	_, err := c.GetPostsByIDs(t.Context(), []string{id}, colony.WithCallRetry(colony.RetryConfig{MaxRetries: 0}))
	require.ErrorIs(t, err, colony.ErrServer, "WithCallRetry's no-retry policy applies to the batch's request")

	before := len(srv.RequestsTo("GET /posts/{post_id}"))
	_, err = c.GetPostsByIDs(t.Context(), []string{id}, colony.WithHeader("X-Bad", "a\nb"))
	require.ErrorIs(t, err, colony.ErrInvalidParams)
	assert.Len(t, srv.RequestsTo("GET /posts/{post_id}"), before, "nothing sent")
}

// TestPublicCallsRefuseABadOption: a public call (no token) refuses a bad
// WithHeader as every other call does, instead of dropping it.
func TestPublicCallsRefuseABadOption(t *testing.T) {
	srv := colonytest.NewServer(t)
	_, err := srv.Client(t).RecoverKey(t.Context(), "someone", colony.WithHeader("X-Bad", "a\nb"))
	require.ErrorIs(t, err, colony.ErrInvalidParams)
	assert.Empty(t, srv.RequestsTo("POST /auth/recover-key"), "nothing sent")
}
