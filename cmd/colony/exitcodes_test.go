package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	colony "github.com/thecolony/colony-go"
	"github.com/thecolony/colony-go/colonytest"
)

// TestExitCodePerErrorKind injects each HTTP failure with FailNext and
// checks the exit code and the one error line.
func TestExitCodePerErrorKind(t *testing.T) {
	tests := []struct {
		status int
		code   int
	}{
		{401, exitAuth}, {403, exitAuth},
		{404, exitNotFound},
		{400, exitInvalid}, {422, exitInvalid},
		{409, exitConflict},
		{429, exitRateLimited},
		{500, exitServer}, {502, exitServer}, {503, exitServer},
		{418, exitError},
	}
	srv := colonytest.NewServer(t)
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.status), func(t *testing.T) {
			// Twice: the SDK answers a first 401 by refreshing its token and
			// replaying once.
			srv.FailNext("GET /users/me", 2, colonytest.Fault{Status: tt.status,
				Body: fmt.Sprintf(`{"detail": {"message": "Injected %d.", "code": "INJECTED"}}`, tt.status)})
			r := cli("", on(srv, "me")...)
			assert.Equal(t, tt.code, r.code, "%s", r)
			assert.Equal(t, fmt.Sprintf("colony: HTTP %d INJECTED: Injected %d.\n", tt.status, tt.status), r.stderr)
			assert.Empty(t, r.stdout)
			srv.ClearFaults()
		})
	}
}

// TestRateLimitLine is the brief's example line, Retry-After included.
func TestRateLimitLine(t *testing.T) {
	srv := colonytest.NewServer(t)
	post := srv.AddPost(srv.AddAgent("otto"), colonytest.PostSpec{Title: "T", Body: "B"})
	srv.FailNext("POST /posts/{post_id}/vote", 1, colonytest.Fault{Status: 429, RetryAfter: 42 * time.Second,
		Body: `{"detail": {"message": "Hourly vote limit reached.", "code": "RATE_LIMIT_VOTE_HOURLY"}}`})
	r := cli("", on(srv, "vote", post)...)
	assert.Equal(t, exitRateLimited, r.code)
	assert.Equal(t, "colony: HTTP 429 RATE_LIMIT_VOTE_HOURLY: Hourly vote limit reached. (retry after 42s)\n", r.stderr)

	// A plain-string detail has no code.
	srv.FailNext("GET /users/me", 1, colonytest.Fault{Status: 503, Body: `{"detail": "Down for maintenance"}`})
	r = cli("", on(srv, "me")...)
	assert.Equal(t, exitServer, r.code)
	assert.Equal(t, "colony: HTTP 503: Down for maintenance\n", r.stderr)
}

// TestRealServerErrors reaches the same codes through the fake's own rules.
func TestRealServerErrors(t *testing.T) {
	w := newWorld(t)
	srv := w.srv
	tests := []struct {
		name string
		args []string
		code int
		line string
	}{
		{"wrong key", []string{"--api-key", "col_wrong", "me"}, exitAuth, "colony: HTTP 401"},
		{"unknown post", []string{"comments", "0f8fad5b-d9cb-469f-a165-70867728950e"}, exitNotFound, "colony: HTTP 404"},
		{"unknown username", []string{"user", "nobody-here"}, exitNotFound, "colony: HTTP 404 NOT_FOUND: User not found"},
		{"vote again", []string{"vote", w.postID, "--down"}, exitOK, ""},
		{"vote on your own post", []string{"vote", w.myPostID}, exitInvalid, "colony: HTTP 400 INVALID_INPUT: Cannot vote on your own post"},
		{"join twice", []string{"join", "findings"}, exitConflict, "colony: HTTP 409 COLONY_ALREADY_MEMBER"},
	}
	require.Equal(t, exitOK, cli("", on(srv, "vote", w.postID)...).code)
	require.Equal(t, exitOK, cli("", on(srv, "join", "findings")...).code)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := cli("", on(srv, tt.args...)...)
			assert.Equal(t, tt.code, r.code, "%s", r)
			if tt.code == exitOK {
				assert.Empty(t, r.stderr, "a second vote replaces the first")
				return
			}
			assert.Contains(t, r.stderr, tt.line)
			assert.Empty(t, r.stdout)
		})
	}
}

// TestLocalValidation: what the SDK refuses locally exits 5 and sends
// nothing.
func TestLocalValidation(t *testing.T) {
	w := newWorld(t)
	srv := w.srv
	tests := []struct {
		name  string
		args  []string
		route string
	}{
		{"blank comment", []string{"comment", w.postID, "   "}, "POST /posts/{post_id}/comments"},
		{"blank post title", []string{"post", " ", "body"}, "POST /posts"},
		{"truncated post id", []string{"vote", "0f8fad5b-d9cb"}, "POST /posts/{post_id}/vote"},
		{"vault name without an allowed extension", []string{"vault", "put", "run.exe", "-"}, "PUT /vault/files/{filename...}"},
		{"one-character search", []string{"search", " "}, "GET /search"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := cli("x", on(srv, tt.args...)...)
			assert.Equal(t, exitInvalid, r.code, "%s", r)
			assert.Contains(t, r.stderr, "invalid parameters")
			assert.NotContains(t, r.stderr, "colony: colony:", "the SDK's prefix is not doubled")
			assert.Empty(t, srv.RequestsTo(tt.route), "nothing was sent")
		})
	}
}

// TestStdinTooLarge refuses a body beyond what the CLI reads from stdin,
// before sending anything.
func TestStdinTooLarge(t *testing.T) {
	srv := colonytest.NewServer(t)
	r := cli(strings.Repeat("a", maxStdin+1), on(srv, "post", "T", "-")...)
	assert.Equal(t, exitError, r.code, "%s", r)
	assert.Equal(t, "colony: stdin is larger than 4.0 MB\n", r.stderr)
	assert.Empty(t, srv.Requests())
}

// TestNetworkError: no server answering exits 9 with the cause.
func TestNetworkError(t *testing.T) {
	dead := httptest.NewServer(nil)
	dead.Close()
	for _, args := range [][]string{{"feed"}, {"--api-key", "col_k", "me"}} {
		r := cli("", append([]string{"--base-url", dead.URL + "/api/v1", "--retries", "0"}, args...)...)
		assert.Equal(t, exitNetwork, r.code, "%s", r)
		assert.Regexp(t, `^colony: network error \(\S+ /\S+\): .+\n$`, r.stderr)
	}

	srv := colonytest.NewServer(t)
	// net/http itself resends a GET once when a reused connection drops.
	srv.DropNext("GET /users/me", 3)
	r := cli("", on(srv, "me")...)
	assert.Equal(t, exitNetwork, r.code, "%s", r)
	assert.Contains(t, r.stderr, "colony: network error (GET /users/me)")
}

// TestRetriesFlag: --retries sets how often a 503 is retried (answered
// with Retry-After: 0, so no test time passes waiting).
func TestRetriesFlag(t *testing.T) {
	var calls atomic.Int32
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) == 1 {
			w.Header().Set("Retry-After", "0")
			http.Error(w, `{"detail": "busy"}`, http.StatusServiceUnavailable)
			return
		}
		io.WriteString(w, `{"items": [], "total": 0}`)
	}))
	defer ts.Close()

	r := cli("", "--base-url", ts.URL, "--retries", "1", "feed")
	requireOK(t, r)
	assert.Equal(t, "No posts.\n", r.stdout)
	assert.EqualValues(t, 2, calls.Load())

	calls.Store(0)
	r = cli("", "--base-url", ts.URL, "--retries", "0", "feed")
	assert.Equal(t, exitServer, r.code, "%s", r)
	assert.EqualValues(t, 1, calls.Load())
}

// TestExitCodeMapping covers the kinds no server run reaches cheaply.
func TestExitCodeMapping(t *testing.T) {
	tests := []struct {
		name string
		err  error
		code int
		line string
	}{
		{"timeout", &colony.APIError{Method: "GET", Path: "/posts", Err: context.DeadlineExceeded}, exitNetwork,
			"timed out after 30s (GET /posts); raise --timeout"},
		{"interrupted", &colony.APIError{Method: "GET", Path: "/posts", Err: context.Canceled}, exitInterrupted, "interrupted"},
		{"circuit open", &colony.APIError{Method: "GET", Path: "/posts", Err: colony.ErrCircuitOpen}, exitNetwork,
			"network error (GET /posts): colony: circuit breaker open"},
		{"wrapped sentinel", fmt.Errorf("lookup: %w", colony.ErrNotFound), exitNotFound, "lookup: colony: not found"},
		{"usage", usagef("bad N"), exitUsage, "bad N"},
		{"no key", errNoAPIKey, exitAuth, "no API key: set COLONY_API_KEY or pass --api-key (or try --demo)"},
		{"bad signature", fmt.Errorf("%w: x", errBadSignature), exitBadWebhook, "webhook signature not valid: x"},
		{"decode", &colony.APIError{StatusCode: 200, Message: "bad body", Err: colony.ErrDecode}, exitError, "HTTP 200: bad body"},
		{"other", errors.New("colony: something else"), exitError, "something else"},
		{"server text with escapes", &colony.APIError{StatusCode: 500, Message: "boom\x1b[2J\nnext"}, exitServer, "HTTP 500: boom[2J next"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.code, exitCode(tt.err))
			assert.Equal(t, tt.line, errorLine(tt.err, 30*time.Second))
		})
	}
	assert.Equal(t, exitOK, exitCode(nil))
}
