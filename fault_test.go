package colony_test

import (
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	colony "github.com/thecolony/colony-go"
	"github.com/thecolony/colony-go/colonytest"
)

// TestFlakyWritesNeverDuplicate: 30% of write attempts fail, half of them
// after the write was committed (the answer lost on the way back); 1,000
// CreatePost calls still leave exactly 1,000 posts.
func TestFlakyWritesNeverDuplicate(t *testing.T) {
	srv := colonytest.NewServer(t, colonytest.WithoutNetwork())
	c := srv.Client(t, colony.WithRetry(colony.RetryConfig{MaxRetries: 12, BaseDelay: time.Nanosecond, MaxDelay: time.Nanosecond}))
	srv.FailRandomly("POST /posts", 0.15, 1, colonytest.Fault{Status: 503})
	srv.FailRandomly("POST /posts", 0.15/0.85, 2, colonytest.Fault{Status: 502, AfterHandler: true})

	const n = 1000
	var wg sync.WaitGroup
	var failed atomic.Int32
	sem := make(chan struct{}, 16)
	for i := range n {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			if _, err := c.CreatePost(context.Background(), "flaky "+strconv.Itoa(i), "body", nil); err != nil {
				failed.Add(1)
				t.Error(err)
			}
		})
	}
	wg.Wait()
	srv.ClearFaults()
	require.Zero(t, failed.Load())

	titles := map[string]int{}
	for p, err := range c.IterPosts(t.Context(), &colony.IterPostsOptions{PageSize: 100}) {
		require.NoError(t, err)
		titles[p.Title]++
	}
	assert.Len(t, titles, n, "every call created its post")
	for title, count := range titles {
		assert.Equal(t, 1, count, "%s created once", title)
	}
	attempts := len(srv.RequestsTo("POST /posts"))
	t.Logf("%d CreatePost calls took %d attempts (%.0f%% failed)", n, attempts, 100*float64(attempts-n)/float64(attempts))
	assert.Greater(t, attempts, n+200, "the faults really fired")
}

// hostileServer answers every API call with the given handler, after a
// normal token exchange; opts add to (or override) its plainClient's.
func hostileServer(t *testing.T, h http.HandlerFunc, opts ...colony.Option) *colony.Client {
	t.Helper()
	return serverClient(t, withToken(h), append([]colony.Option{colony.WithMaxResponseBytes(1 << 20)}, opts...)...)
}

func TestHostileResponsesBecomeTypedErrors(t *testing.T) {
	cases := map[string]struct {
		h    http.HandlerFunc
		kind error
	}{
		"connection reset": {func(w http.ResponseWriter, r *http.Request) {
			conn, _, _ := w.(http.Hijacker).Hijack()
			_ = conn.(*net.TCPConn).SetLinger(0)
			_ = conn.Close()
		}, colony.ErrNetwork},
		"truncated JSON": {func(w http.ResponseWriter, r *http.Request) {
			_, _ = w.Write([]byte(`{"id": "p1", "title": "half`))
		}, colony.ErrDecode},
		"short body for its Content-Length": {func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Length", "500")
			_, _ = w.Write([]byte(`{"id": "p1"}`))
		}, colony.ErrNetwork},
		"HTML with 200": {func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			_, _ = w.Write([]byte(`<!doctype html><h1>Welcome</h1>`))
		}, colony.ErrDecode},
		"HTML error page": {func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			w.WriteHeader(http.StatusBadGateway)
			_, _ = w.Write([]byte(`<html><body>502 Bad Gateway</body></html>`))
		}, colony.ErrServer},
		"empty 200 body": {func(w http.ResponseWriter, r *http.Request) {}, colony.ErrDecode},
		"JSON of the wrong type": {func(w http.ResponseWriter, r *http.Request) {
			_, _ = w.Write([]byte(`["not", "a", "post"]`))
		}, colony.ErrDecode},
		"wrong field types": {func(w http.ResponseWriter, r *http.Request) {
			_, _ = w.Write([]byte(`{"id": 5, "title": {"x": 1}}`))
		}, colony.ErrDecode},
		"2 MiB body over a 1 MiB limit": {func(w http.ResponseWriter, r *http.Request) {
			_, _ = w.Write([]byte(`{"id":"` + strings.Repeat("x", 2<<20) + `"}`))
		}, colony.ErrResponseTooLarge},
		"chunked body over the limit": {func(w http.ResponseWriter, r *http.Request) {
			for range 40 {
				_, _ = w.Write([]byte(strings.Repeat("y", 64<<10)))
				w.(http.Flusher).Flush()
			}
		}, colony.ErrResponseTooLarge},
		"deeply nested JSON": {func(w http.ResponseWriter, r *http.Request) {
			_, _ = w.Write([]byte(`{"metadata":` + strings.Repeat(`{"a":`, 20000) + `1` + strings.Repeat(`}`, 20000) + `}`))
		}, colony.ErrDecode},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			c := hostileServer(t, tc.h)
			p, err := c.GetPost(t.Context(), "p1")
			assert.Nil(t, p)
			assert.ErrorIs(t, err, tc.kind)
			var apiErr *colony.APIError
			assert.ErrorAs(t, err, &apiErr)
		})
	}
}

// TestHugeErrorBodyIsBounded: a 64 MiB error body is read only up to 1 MiB.
func TestHugeResponsesAreBounded(t *testing.T) {
	var sent atomic.Int64
	chunk := []byte(strings.Repeat("z", 1<<20))
	stream := func(w http.ResponseWriter, status int) {
		w.WriteHeader(status)
		for range 64 {
			n, err := w.Write(chunk)
			sent.Add(int64(n))
			if err != nil {
				return
			}
		}
	}
	for _, status := range []int{http.StatusInternalServerError, http.StatusOK} {
		sent.Store(0)
		c := hostileServer(t, func(w http.ResponseWriter, r *http.Request) { stream(w, status) })
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		_, err := c.GetPost(t.Context(), "p1")
		runtime.ReadMemStats(&after)
		require.Error(t, err)
		allocated := after.TotalAlloc - before.TotalAlloc
		t.Logf("status %d: server wrote %d MiB, client allocated %.1f MiB", status, sent.Load()>>20, float64(allocated)/(1<<20))
		assert.Less(t, allocated, uint64(8<<20), "the client holds a bounded amount")
	}
}

func TestDeadlineDuringSlowBody(t *testing.T) {
	started := make(chan struct{})
	c := hostileServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "100000")
		_, _ = w.Write([]byte(`{"id":`))
		w.(http.Flusher).Flush()
		close(started)
		<-r.Context().Done() // never finishes the body
	})
	ctx, cancel := context.WithTimeout(t.Context(), 200*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := c.GetPost(ctx, "p1")
	elapsed := time.Since(start)
	<-started
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	// The body never ends, so only the deadline can end the call; the bound
	// is loose because a loaded CI machine schedules late.
	assert.GreaterOrEqual(t, elapsed, 200*time.Millisecond, "not before the deadline")
	assert.Less(t, elapsed, 200*time.Millisecond+time.Second, "returns at the deadline, not at a socket timeout")
}

func TestDeadlineDuringBackoffSleep(t *testing.T) {
	bubble(t, func(t *testing.T, srv *colonytest.Server) {
		c := defaultRetryClient(t, srv)
		srv.FailNext("GET /posts", 5, colonytest.Fault{Status: 503})
		ctx, cancel := context.WithTimeout(t.Context(), 700*time.Millisecond)
		defer cancel()
		start := time.Now()
		_, err := c.GetPosts(ctx, nil)
		assert.ErrorIs(t, err, context.DeadlineExceeded)
		assert.Equal(t, 700*time.Millisecond, time.Since(start), "the sleep ends with the context")
	})
}

func TestSlowServerHitsPerAttemptTimeout(t *testing.T) {
	bubble(t, func(t *testing.T, srv *colonytest.Server) {
		c := srv.Client(t, colony.WithTimeout(5*time.Second), colony.WithRetry(colony.RetryConfig{MaxRetries: 1, BaseDelay: time.Second}))
		srv.FailNext("GET /posts", 1, colonytest.Fault{Status: 200, Delay: time.Hour})
		start := time.Now()
		_, err := c.GetPosts(t.Context(), nil)
		require.NoError(t, err, "the first attempt timed out, the retry succeeded")
		elapsed := time.Since(start)
		assert.True(t, elapsed >= 5500*time.Millisecond && elapsed <= 6*time.Second, "5s timeout + backoff, got %v", elapsed)
	})
}

func TestDiscardedBodiesAreClosed(t *testing.T) {
	var open atomic.Int32
	srv := httptest.NewUnstartedServer(nil)
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		switch s {
		case http.StateNew:
			open.Add(1)
		case http.StateClosed, http.StateHijacked:
			open.Add(-1)
		}
	}
	calls := atomic.Int32{}
	srv.Config.Handler = withToken(func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1)%2 == 1 {
			w.WriteHeader(http.StatusServiceUnavailable)
			_, _ = io.WriteString(w, `{"detail":"busy"}`)
			return
		}
		_, _ = io.WriteString(w, `{"id":"p1"}`)
	})
	srv.Start()
	defer srv.Close()
	c := plainClient(t, srv.URL, colony.WithRetry(colony.RetryConfig{MaxRetries: 2, BaseDelay: time.Nanosecond, MaxDelay: time.Nanosecond}))
	for range 50 {
		_, err := c.GetPost(t.Context(), "p1")
		require.NoError(t, err)
	}
	assert.LessOrEqual(t, open.Load(), int32(2), "retried responses were drained: one connection is reused")
}

// TestSocketTimeoutOnTheClientsOwnTransport: with the client's own
// transport, WithTimeout is a per-operation socket timeout. A server that
// stalls before answering fails the attempt and the GET is retried; one
// that trickles its body steadily is read to the end, however long the
// whole body takes. (Real sockets: it runs on a 100 ms timeout, in real
// time.)
func TestSocketTimeoutOnTheClientsOwnTransport(t *testing.T) {
	var calls atomic.Int32
	c := func(h http.HandlerFunc) *colony.Client {
		return hostileServer(t, h, colony.WithTimeout(100*time.Millisecond),
			colony.WithRetry(colony.RetryConfig{MaxRetries: 1, BaseDelay: time.Nanosecond, MaxDelay: time.Nanosecond}))
	}

	stall := c(func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) == 1 {
			select { // stall the first attempt until the client gives up
			case <-r.Context().Done():
			case <-time.After(5 * time.Second):
			}
			return
		}
		_, _ = w.Write([]byte(`{"id":"p1","title":"second attempt"}`))
	})
	start := time.Now()
	p, err := stall.GetPost(t.Context(), "p1")
	require.NoError(t, err)
	assert.Equal(t, "second attempt", p.Title)
	assert.Less(t, time.Since(start), 2*time.Second, "the stalled attempt timed out")

	trickle := c(func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte(`{"id":"p1","title":"`))
		for range 6 { // 6 × 40 ms: each gap within the timeout, the whole beyond it
			w.(http.Flusher).Flush()
			time.Sleep(40 * time.Millisecond)
			_, _ = w.Write([]byte("x"))
		}
		_, _ = w.Write([]byte(`"}`))
	})
	p, err = trickle.GetPost(t.Context(), "p1")
	require.NoError(t, err)
	assert.Equal(t, "xxxxxx", p.Title)
}
