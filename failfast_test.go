package colony_test

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"sync/atomic"
	"syscall"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	colony "github.com/thecolony/colony-go"
	"github.com/thecolony/colony-go/colonytest"
)

// Issue 11, "fail fast, fail clearly": a dead or wrong endpoint, and local
// mistakes, never cost retries.

// deadDialClient is a client with the SDK's default policies whose
// connections all fail in dial with err, as a closed port or an unknown
// host does; attempts counts the dials.
func deadDialClient(t *testing.T, dialErr error, attempts *atomic.Int32) *colony.Client {
	t.Helper()
	tr := &http.Transport{DialContext: func(context.Context, string, string) (net.Conn, error) {
		attempts.Add(1)
		return nil, dialErr
	}}
	c, err := colony.NewClient("col_dead", colony.WithBaseURL("http://dead.example:1/api/v1"), colony.WithoutTokenCache(),
		colony.WithHTTPClient(&http.Client{Transport: tr}))
	require.NoError(t, err)
	return c
}

// TestDeadHostFailsFast: a refused connection or a DNS failure is tried at
// most twice (one brief retry) on the token exchange, and the error names
// the host and the cause. Before: 7 exchanges over about 97 s.
func TestDeadHostFailsFast(t *testing.T) {
	refused := &net.OpError{Op: "dial", Net: "tcp", Addr: &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 1},
		Err: os.NewSyscallError("connect", syscall.ECONNREFUSED)}
	dns := &net.OpError{Op: "dial", Net: "tcp", Err: &net.DNSError{Err: "no such host", Name: "dead.example", IsNotFound: true}}
	for _, tc := range []struct {
		name  string
		err   error
		cause string
	}{
		{"connection refused", refused, "connection refused"},
		{"dns failure", dns, "no such host"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				var dials atomic.Int32
				c := deadDialClient(t, tc.err, &dials)
				start := time.Now()
				_, err := c.GetMe(t.Context())
				elapsed := time.Since(start)
				t.Logf("time to fail %v, %d dials", elapsed, dials.Load())
				require.Error(t, err)
				assert.ErrorIs(t, err, colony.ErrNetwork)
				assert.Less(t, elapsed, 2*time.Second)
				assert.LessOrEqual(t, dials.Load(), int32(2), "at most one retry of a failed connection")
				assert.Contains(t, err.Error(), "dead.example")
				assert.Contains(t, err.Error(), tc.cause)
			})
		})
	}
}

// TestDeadHostFailsFastOnEveryRoute: a public client (no token exchange)
// gets the same policy on an API route.
func TestDeadHostFailsFastOnEveryRoute(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var dials atomic.Int32
		tr := &http.Transport{DialContext: func(context.Context, string, string) (net.Conn, error) {
			dials.Add(1)
			return nil, &net.OpError{Op: "dial", Net: "tcp", Err: os.NewSyscallError("connect", syscall.ECONNREFUSED)}
		}}
		c, err := colony.NewPublicClient(colony.WithBaseURL("http://dead.example/api/v1"),
			colony.WithHTTPClient(&http.Client{Transport: tr}), colony.WithRetry(colony.RetryConfig{MaxRetries: 5}))
		require.NoError(t, err)
		start := time.Now()
		_, err = c.GetPosts(t.Context(), nil)
		assert.ErrorIs(t, err, colony.ErrNetwork)
		assert.Less(t, time.Since(start), 2*time.Second)
		assert.Equal(t, int32(2), dials.Load(), "5 retries allowed, one spent on a dead host")
	})
}

// TestRealClosedPortFailsFast dials a real closed port, end to end.
func TestRealClosedPortFailsFast(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := l.Addr().String()
	require.NoError(t, l.Close()) // now nothing listens there
	c, err := colony.NewClient("col_dead", colony.WithBaseURL("http://"+addr+"/api/v1"), colony.WithoutTokenCache())
	require.NoError(t, err)
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	start := time.Now()
	_, err = c.GetMe(ctx)
	t.Logf("time to fail %v: %v", time.Since(start), err)
	assert.Less(t, time.Since(start), 2*time.Second)
	assert.ErrorIs(t, err, colony.ErrNetwork)
	assert.NotErrorIs(t, err, context.DeadlineExceeded, "the refusal, not a timeout")
	assert.Contains(t, err.Error(), addr)
	assert.Contains(t, err.Error(), "connection refused")
}

// TestTLSFailureFailsFast: a certificate the client does not trust is a
// failed connection, retried at most once.
func TestTLSFailureFailsFast(t *testing.T) {
	var hits atomic.Int32
	hs := httptest.NewTLSServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { hits.Add(1) }))
	t.Cleanup(hs.Close)
	var attempts atomic.Int32
	c, err := colony.NewClient("col_tls", colony.WithBaseURL(hs.URL+"/api/v1"), colony.WithoutTokenCache(),
		colony.WithResponseHook(func(colony.ResponseInfo) { attempts.Add(1) }))
	require.NoError(t, err)
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	start := time.Now()
	_, err = c.GetMe(ctx)
	assert.Less(t, time.Since(start), 2*time.Second)
	assert.ErrorIs(t, err, colony.ErrNetwork)
	assert.Contains(t, err.Error(), "certificate")
	assert.LessOrEqual(t, attempts.Load(), int32(2))
	assert.Zero(t, hits.Load())
}

// TestBadHeaderValuesAreLocalErrors: CR, LF or NUL in a header option is
// ErrInvalidParams before anything is sent, the token exchange included.
func TestBadHeaderValuesAreLocalErrors(t *testing.T) {
	cases := []struct {
		name string
		opt  colony.CallOption
	}{
		{"idempotency key with CRLF", colony.WithIdempotencyKey("k\r\nX-Evil: 1")},
		{"idempotency key with NUL", colony.WithIdempotencyKey("k\x00")},
		{"header value with LF", colony.WithHeader("X-Trace", "a\nb")},
		{"header value with NUL", colony.WithHeader("X-Trace", "a\x00")},
		{"header name with a space", colony.WithHeader("X Trace", "a")},
		{"negative per-call retries", colony.WithCallRetry(colony.RetryConfig{MaxRetries: -1})},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			bubble(t, func(t *testing.T, srv *colonytest.Server) {
				c := defaultRetryClient(t, srv)
				start := time.Now()
				_, err := c.CreatePost(t.Context(), "T", "B", nil, tc.opt)
				assert.ErrorIs(t, err, colony.ErrInvalidParams)
				assert.NotErrorIs(t, err, colony.ErrNetwork)
				assert.Zero(t, time.Since(start), "no backoff")
				assert.Empty(t, srv.Requests(), "nothing sent")
			})
		})
	}
	t.Run("user agent", func(t *testing.T) {
		for _, ua := range []string{"ua\x00", "ua\r\nX: y", "ua\n"} {
			_, err := colony.NewClient("col_k", colony.WithUserAgent(ua))
			assert.ErrorIs(t, err, colony.ErrInvalidParams, "%q", ua)
		}
	})
}

// TestLocalErrorsNeverOpenTheBreaker: calls refused before the network,
// and a token exchange refused with 401, say nothing about the service.
func TestLocalErrorsNeverOpenTheBreaker(t *testing.T) {
	bubble(t, func(t *testing.T, srv *colonytest.Server) {
		c := srv.Client(t, colony.WithCircuitBreaker(3))
		for range 5 {
			_, err := c.GetPost(t.Context(), seedPost(t, srv), colony.WithHeader("X-Bad", "a\r\nb"))
			require.ErrorIs(t, err, colony.ErrInvalidParams)
			_, err = c.VaultGetFile(t.Context(), " ")
			require.ErrorIs(t, err, colony.ErrInvalidParams)
		}
		_, err := c.GetMe(t.Context())
		assert.NoError(t, err, "the breaker is still closed")

		bad, err := srv.NewClient("col_wrong", colony.WithCircuitBreaker(3))
		require.NoError(t, err)
		for range 4 {
			_, err = bad.GetMe(t.Context())
			require.ErrorIs(t, err, colony.ErrUnauthorized)
		}
		assert.NotErrorIs(t, err, colony.ErrCircuitOpen, "a wrong key is an answer, not an outage")
	})
}

// headerBreaker is a caller's transport middleware that adds a header
// net/http refuses, the kind of request-construction error no retry fixes.
type headerBreaker struct {
	next  http.RoundTripper
	calls atomic.Int32
}

func (h *headerBreaker) RoundTrip(r *http.Request) (*http.Response, error) {
	h.calls.Add(1)
	r = r.Clone(r.Context())
	r.Header.Set("X-Broken", "a\x00b")
	return h.next.RoundTrip(r)
}

// TestRetryOnlyWhatARetryCanFix: a request-construction error from the
// transport is returned after one attempt, not retried.
func TestRetryOnlyWhatARetryCanFix(t *testing.T) {
	mw := &headerBreaker{next: http.DefaultTransport}
	c := jsonAnswerClient(t, `{"id":"p1"}`, colony.WithHTTPClient(&http.Client{Transport: mw}),
		colony.WithRetry(colony.RetryConfig{MaxRetries: 3, BaseDelay: time.Millisecond, MaxDelay: time.Millisecond}),
		colony.WithAuthRetry(colony.RetryConfig{MaxRetries: 3, BaseDelay: time.Millisecond, MaxDelay: time.Millisecond}))
	_, err := c.GetPost(t.Context(), "p1")
	require.Error(t, err)
	assert.Equal(t, int32(1), mw.calls.Load(), "one attempt: a retry cannot fix the request")
}

// TestBlankPathValuesAreLocalErrors: a whitespace-only id or filename is
// refused before anything is sent (it went out as %20 before).
func TestBlankPathValuesAreLocalErrors(t *testing.T) {
	bubble(t, func(t *testing.T, srv *colonytest.Server) {
		c := srv.Client(t)
		ctx := t.Context()
		calls := map[string]func() error{
			"VaultGetFile":    func() error { _, err := c.VaultGetFile(ctx, " "); return err },
			"VaultDeleteFile": func() error { _, err := c.VaultDeleteFile(ctx, "\t"); return err },
			"GetUser":         func() error { _, err := c.GetUser(ctx, "  "); return err },
			"GetPost":         func() error { _, err := c.GetPost(ctx, " "); return err },
		}
		for name, call := range calls {
			assert.ErrorIs(t, call(), colony.ErrInvalidParams, name)
		}
		assert.Empty(t, srv.Requests())
	})
}

// TestSpamReasonsPassThrough: the server maps unknown spam reason codes to
// "other" (contract §4.6), so the SDK sends them; report reasons, a
// closed server-side enum, stay checked.
func TestSpamReasonsPassThrough(t *testing.T) {
	bubble(t, func(t *testing.T, srv *colonytest.Server) {
		bob := srv.AddAgent("bob")
		c := srv.Client(t)
		_, err := c.SendMessage(t.Context(), bob.Username, "hi")
		require.NoError(t, err)
		_, _ = c.MarkConversationSpam(t.Context(), bob.Username, &colony.MarkConversationSpamOptions{Reason: "impersonation_v2"})
		reqs := srv.RequestsTo("POST /messages/conversations/{username}/spam")
		require.Len(t, reqs, 1, "an unknown reason is sent, not refused")
		assert.JSONEq(t, `{"reason":"impersonation_v2"}`, string(reqs[0].Body))

		_, err = c.ReportPost(t.Context(), seedPost(t, srv), colony.ReportReason("bogus"), nil)
		assert.ErrorIs(t, err, colony.ErrInvalidParams, "report reasons are checked")
	})
}

// TestWithCallRetry: one call fails fast while the client keeps its
// policy (issue 12).
func TestWithCallRetry(t *testing.T) {
	bubble(t, func(t *testing.T, srv *colonytest.Server) {
		c, id := failingPost(t, srv, 1, colonytest.Fault{Status: 503, RetryAfter: 30 * time.Second})
		start := time.Now()
		var meta colony.ResponseMeta
		_, err := c.GetPost(t.Context(), id, colony.WithCallRetry(colony.RetryConfig{}), colony.WithResponse(&meta))
		assert.ErrorIs(t, err, colony.ErrServer)
		assert.Equal(t, 1, meta.Attempts)
		assert.Zero(t, time.Since(start), "no wait")

		srv.FailNext("GET /posts/{post_id}", 1, colonytest.Fault{Status: 503, RetryAfter: 30 * time.Second})
		_, err = c.GetPost(t.Context(), id, colony.WithResponse(&meta))
		assert.NoError(t, err, "the client's own policy still retries")
		assert.Equal(t, 2, meta.Attempts)
		assert.Equal(t, 30*time.Second, time.Since(start))
	})
}

// TestRetryAfterBeyondDeadline: when the server's Retry-After cannot fit in
// the context's deadline the rate-limit error comes back at once, with
// its RetryAfter, instead of a DeadlineExceeded after a pointless sleep.
func TestRetryAfterBeyondDeadline(t *testing.T) {
	bubble(t, func(t *testing.T, srv *colonytest.Server) {
		c, id := failingPost(t, srv, 1, colonytest.Fault{Status: 429, RetryAfter: 30 * time.Second})
		ctx, cancel := context.WithTimeout(t.Context(), 5*time.Second)
		defer cancel()
		start := time.Now()
		_, err := c.GetPost(ctx, id)
		assert.Zero(t, time.Since(start), "returns now")
		assert.ErrorIs(t, err, colony.ErrRateLimited)
		assert.NotErrorIs(t, err, context.DeadlineExceeded)
		var apiErr *colony.APIError
		require.ErrorAs(t, err, &apiErr)
		assert.Equal(t, 30*time.Second, apiErr.RetryAfter)
	})
}

// TestSocketTimeoutRule: a socket timeout of WithTimeout matches ErrNetwork
// and context.DeadlineExceeded, as every other timeout does.
func TestSocketTimeoutRule(t *testing.T) {
	release := make(chan struct{})
	hs := httptest.NewServer(withToken(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	t.Cleanup(hs.Close)
	t.Cleanup(func() { close(release) })
	c := plainClient(t, hs.URL, colony.WithTimeout(50*time.Millisecond))
	_, err := c.GetPost(t.Context(), "p1")
	assert.ErrorIs(t, err, colony.ErrNetwork)
	assert.ErrorIs(t, err, context.DeadlineExceeded, "one rule for every timeout")
	var ne net.Error
	assert.True(t, errors.As(err, &ne) && ne.Timeout(), "the socket error stays reachable")
}
