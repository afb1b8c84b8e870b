package colony_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	colony "github.com/thecolony/colony-go"
	"github.com/thecolony/colony-go/colonytest"
)

// Issue 11: a lying or hostile server costs no unbounded memory, returns
// no zero value as success, and learns no secret from the client.

// allocatedDuring returns the bytes allocated on the heap while f ran: an
// upper bound of the peak f added.
func allocatedDuring(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestLyingContentLengthAllocatesNothingAhead: a 32 MiB Content-Length
// followed by 64 bytes costs what arrives, not what was announced (before:
// 32 MiB allocated up front).
func TestLyingContentLengthAllocatesNothingAhead(t *testing.T) {
	c := serverClient(t, withToken(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", strconv.Itoa(32<<20))
		_, _ = w.Write([]byte(strings.Repeat("x", 64)))
	}))
	_, err := c.GetMe(t.Context()) // the token, and a warm connection
	require.Error(t, err)
	var callErr error
	n := allocatedDuring(func() { _, callErr = c.GetPost(t.Context(), "p1") })
	t.Logf("allocated %d KiB for a body announcing 32 MiB and sending 64 bytes", n>>10)
	assert.ErrorIs(t, callErr, colony.ErrNetwork, "the body ended early")
	assert.Less(t, n, uint64(1<<20))
}

// TestOverLimitBodyPeaksNearTheLimit: an endless chunked body over
// WithMaxResponseBytes is refused having held about the limit (before:
// about 2.3 times the limit).
func TestOverLimitBodyPeaksNearTheLimit(t *testing.T) {
	const limit = 8 << 20
	chunk := []byte(strings.Repeat("y", 64<<10))
	c := serverClient(t, withToken(func(w http.ResponseWriter, r *http.Request) {
		for r.Context().Err() == nil { // endless, chunked
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	}), colony.WithMaxResponseBytes(limit))
	var callErr error
	n := allocatedDuring(func() { _, callErr = c.GetPost(t.Context(), "p1") })
	t.Logf("allocated %.2f MiB (%.2f× the %d MiB limit) for an endless body", float64(n)/(1<<20), float64(n)/limit, limit>>20)
	assert.ErrorIs(t, callErr, colony.ErrResponseTooLarge)
	assert.Less(t, n, uint64(limit*13/10), "near the limit")
}

// TestNullEntityIsDecodeError: a 200 with a null body is ErrDecode, like an
// empty body, never a zero value with no error.
func TestNullEntityIsDecodeError(t *testing.T) {
	c := jsonAnswerClient(t, "null")
	ctx := t.Context()
	const id = "11111111-1111-4111-8111-111111111111"
	calls := map[string]func() error{
		"CreatePost":  func() error { _, err := c.CreatePost(ctx, "T", "B", nil); return err },
		"SendMessage": func() error { _, err := c.SendMessage(ctx, "bob", "hi"); return err },
		"GetPost":     func() error { _, err := c.GetPost(ctx, id); return err },
		"GetMe":       func() error { _, err := c.GetMe(ctx); return err },
		"GetPosts":    func() error { _, err := c.GetPosts(ctx, nil); return err },
	}
	for name, call := range calls {
		assert.ErrorIs(t, call(), colony.ErrDecode, name)
	}
}

// TestTokenResponses: huge lifetimes are clamped (before: an exchange on
// every call), a numeric string is accepted, and each failure says what
// was wrong.
func TestTokenResponses(t *testing.T) {
	cases := []struct {
		name      string
		body      string
		exchanges int    // for two calls
		errText   string // "" when the calls succeed
	}{
		{"expires_in 1e10", `{"access_token":"jwt","expires_in":1e10}`, 1, ""},
		{"expires_in 1e300", `{"access_token":"jwt","expires_in":1e300}`, 1, ""},
		{"expires_in as a string", `{"access_token":"jwt","expires_in":"3600"}`, 1, ""},
		{"expires_in not a number", `{"access_token":"jwt","expires_in":"soon"}`, 2, "expires_in"},
		{"expires_in negative", `{"access_token":"jwt","expires_in":-5}`, 2, "negative"},
		{"no access_token", `{"expires_in":3600}`, 2, "no access_token"},
		{"access_token not a string", `{"access_token":42}`, 2, "not a string"},
		{"not JSON", `<html>`, 2, "not a JSON object"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var exchanges atomic.Int32
			c := serverClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if strings.HasSuffix(r.URL.Path, "/auth/token") {
					exchanges.Add(1)
					_, _ = w.Write([]byte(tc.body))
					return
				}
				_, _ = w.Write([]byte(`{"id":"u1","username":"me"}`))
			}), colony.WithAuthRetry(colony.RetryConfig{}))
			for range 2 {
				_, err := c.GetMe(t.Context())
				if tc.errText == "" {
					require.NoError(t, err)
					continue
				}
				assert.ErrorIs(t, err, colony.ErrDecode)
				assert.ErrorContains(t, err, tc.errText)
			}
			assert.Equal(t, int32(tc.exchanges), exchanges.Load(), "exchanges for two calls")
		})
	}
}

// TestRetryAfterIsCapped: a 20-digit Retry-After reads as
// MaxReportedRetryAfter (before: 2562047h) and is not slept.
func TestRetryAfterIsCapped(t *testing.T) {
	bubble(t, func(t *testing.T, srv *colonytest.Server) {
		c := srv.Client(t)
		srv.Handle("GET /users/me", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Retry-After", "99999999999999999999")
			w.WriteHeader(http.StatusTooManyRequests)
		}))
		_, err := c.GetMe(t.Context(), colony.WithCallRetry(colony.RetryConfig{}))
		var apiErr *colony.APIError
		require.ErrorAs(t, err, &apiErr)
		assert.Equal(t, colony.MaxReportedRetryAfter, apiErr.RetryAfter)
	})
}

// TestFailedWriteInvalidatesCache: a write that committed but got a 500
// (or no answer) leaves nothing stale in the cache.
func TestFailedWriteInvalidatesCache(t *testing.T) {
	for _, fault := range []colonytest.Fault{
		{Status: 500, AfterHandler: true},
		{Drop: true, AfterHandler: true},
	} {
		t.Run(fmt.Sprintf("status %d drop %v", fault.Status, fault.Drop), func(t *testing.T) {
			bubble(t, func(t *testing.T, srv *colonytest.Server) {
				c := srv.Client(t, colony.WithCache(time.Minute), colony.WithRetry(colony.RetryConfig{}))
				id := srv.AddPost(srv.Agent(), colonytest.PostSpec{Title: "Old", Body: "Body"})
				_, err := c.GetPost(t.Context(), id)
				require.NoError(t, err)
				srv.FailNext("PUT /posts/{post_id}", 1, fault)
				_, err = c.UpdatePost(t.Context(), id, &colony.UpdatePostOptions{Title: colony.Ptr("New")})
				require.Error(t, err)
				var meta colony.ResponseMeta
				p, err := c.GetPost(t.Context(), id, colony.WithResponse(&meta))
				require.NoError(t, err)
				assert.False(t, meta.Cached)
				assert.Equal(t, "New", p.Title, "the committed write shows")
			})
		})
	}
}

// TestRedirects: another origin is never followed, a write is never
// redirected, and a same-origin GET may be.
func TestRedirects(t *testing.T) {
	var leaked atomic.Int32
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		leaked.Add(1)
		_, _ = w.Write([]byte(`{"id":"p1","title":"elsewhere"}`))
	}))
	t.Cleanup(other.Close)
	srv, c := newColony(t)
	srv.Handle("POST /posts", http.RedirectHandler(other.URL+"/posts", http.StatusTemporaryRedirect))
	_, err := c.CreatePost(t.Context(), "T", "B", nil)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "307")
	assert.Contains(t, err.Error(), other.URL+"/posts")
	assert.Zero(t, leaked.Load(), "no body went to another origin")

	id := seedPost(t, srv)
	srv.Handle("POST /posts/{post_id}/comments", http.RedirectHandler(colonytest.Prefix+"/posts", http.StatusPermanentRedirect))
	_, err = c.CreateComment(t.Context(), id, "hi", nil)
	assert.ErrorContains(t, err, "308", "a same-origin write is not re-sent either")

	srv.AddRoute("GET /moved", http.RedirectHandler(colonytest.Prefix+"/posts/"+id, http.StatusFound))
	raw, err := c.Raw(t.Context(), http.MethodGet, "/moved", nil)
	require.NoError(t, err, "a same-origin GET redirect is followed")
	assert.Contains(t, string(raw), id)
}

// TestKnownSecretsRedacted: an error body that echoes the API key shows
// REDACTED in every field and every formatting verb.
func TestKnownSecretsRedacted(t *testing.T) {
	for _, route := range []string{"POST /auth/token", "GET /users/me"} {
		t.Run(route, func(t *testing.T) {
			bubble(t, func(t *testing.T, srv *colonytest.Server) {
				key := srv.Agent().APIKey
				srv.Handle(route, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
					w.Header().Set("Content-Type", "application/json")
					w.WriteHeader(http.StatusBadRequest)
					_, _ = fmt.Fprintf(w, `{"detail":{"message":"key %s refused","code":"BAD_%s"}}`, key, key)
				}))
				c := srv.Client(t)
				_, err := c.GetMe(t.Context())
				var apiErr *colony.APIError
				require.ErrorAs(t, err, &apiErr)
				for _, s := range []string{fmt.Sprintf("%#v", apiErr), fmt.Sprintf("%+v", apiErr), err.Error(), string(apiErr.Body), apiErr.Code, fmt.Sprint(apiErr.Response)} {
					assert.NotContains(t, s, key)
				}
				assert.Contains(t, apiErr.Message, "REDACTED")
			})
		})
	}
}
