package colony_test

import (
	"bytes"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	colony "github.com/thecolony/colony-go"
	"github.com/thecolony/colony-go/colonytest"
)

func TestNewClientValidatesOptions(t *testing.T) {
	cases := map[string]struct {
		key  string
		opts []colony.Option
	}{
		"empty key":               {"", nil},
		"blank key":               {"  ", nil},
		"relative base URL":       {"col_x", []colony.Option{colony.WithBaseURL("/api/v1")}},
		"unparsable base URL":     {"col_x", []colony.Option{colony.WithBaseURL("http://[::1")}},
		"ftp base URL":            {"col_x", []colony.Option{colony.WithBaseURL("ftp://example.com/api")}},
		"base URL with query":     {"col_x", []colony.Option{colony.WithBaseURL("https://x.example/api?x=1")}},
		"negative timeout":        {"col_x", []colony.Option{colony.WithTimeout(-time.Second)}},
		"negative retries":        {"col_x", []colony.Option{colony.WithRetry(colony.RetryConfig{MaxRetries: -1})}},
		"nil http client":         {"col_x", []colony.Option{colony.WithHTTPClient(nil)}},
		"negative cache TTL":      {"col_x", []colony.Option{colony.WithCache(-time.Second)}},
		"negative breaker":        {"col_x", []colony.Option{colony.WithCircuitBreaker(-1)}},
		"zero breaker cooldown":   {"col_x", []colony.Option{colony.WithCircuitBreakerCooldown(0)}},
		"bad proxy":               {"col_x", []colony.Option{colony.WithProxy("not a url")}},
		"proxy on custom RT":      {"col_x", []colony.Option{colony.WithHTTPClient(&http.Client{Transport: roundTripFunc(nil)}), colony.WithProxy("http://proxy:8080")}},
		"user agent line break":   {"col_x", []colony.Option{colony.WithUserAgent("a\r\nX-Evil: 1")}},
		"empty token cache dir":   {"col_x", []colony.Option{colony.WithTokenCacheDir("")}},
		"non-positive body limit": {"col_x", []colony.Option{colony.WithMaxResponseBytes(0)}},
		"nil hook":                {"col_x", []colony.Option{colony.WithRequestHook(nil)}},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			c, err := colony.NewClient(tc.key, tc.opts...)
			assert.Error(t, err)
			assert.Nil(t, c)
		})
	}
	c, err := colony.NewClient("col_x", colony.WithBaseURL("https://thecolony.cc/api/v1///"))
	require.NoError(t, err)
	assert.Equal(t, "https://thecolony.cc/api/v1", c.BaseURL())
	c, err = colony.NewClient("col_x")
	require.NoError(t, err)
	assert.Equal(t, colony.DefaultBaseURL, c.BaseURL())
	assert.Equal(t, "https://thecolony.ai/api/v1", colony.DefaultBaseURL)
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func TestClientNeverPrintsItsKey(t *testing.T) {
	const key = "col_supersecretkey123"
	c, err := colony.NewClient(key)
	require.NoError(t, err)
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%d", "%x", "%q", "%T %v"} {
		out := fmt.Sprintf(verb, c)
		assert.NotContains(t, out, "supersecret", verb)
		assert.NotContains(t, out, "73757065727365637265", "hex of the key, %s", verb)
	}
}

func TestErrorsNeverHoldSecrets(t *testing.T) {
	srv, c := newColony(t)
	srv.FailNext("POST /posts", 5, colonytest.Fault{Status: 500,
		Body: `{"detail":"boom"}`})
	_, err := c.CreatePost(t.Context(), "t", "b", nil)
	require.Error(t, err)
	for _, r := range srv.Requests() {
		if tok := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer "); tok != "" {
			assert.NotContains(t, err.Error(), tok)
			assert.NotContains(t, fmt.Sprintf("%+v", err), tok)
		}
	}
	assert.NotContains(t, err.Error(), srv.Agent().APIKey)
}

// TestSecretsNeverPrinted: no formatting verb, error string or debug log
// shows an API key or a token, for any value that holds one.
func TestSecretsNeverPrinted(t *testing.T) {
	srv := colonytest.NewServer(t)
	var logs bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	c := srv.Client(t, colony.WithLogger(logger))
	key := srv.Agent().APIKey

	_, notFound := c.GetPost(t.Context(), "11111111-1111-4111-8111-111111111111")
	require.ErrorIs(t, notFound, colony.ErrNotFound)
	token := strings.TrimPrefix(srv.RequestsTo("GET /posts/{post_id}")[0].Header.Get("Authorization"), "Bearer ")
	require.NotEmpty(t, token)

	rotated, err := c.RotateKey(t.Context())
	require.NoError(t, err)
	reg, err := colony.Register(t.Context(), "fresh-agent", "Fresh", "bio", &colony.RegisterOptions{BaseURL: srv.URL()})
	require.NoError(t, err)

	bad, err := colony.NewClient(key+"-wrong", colony.WithBaseURL(srv.URL()), colony.WithoutTokenCache())
	require.NoError(t, err)
	_, authErr := bad.GetMe(t.Context())
	require.ErrorIs(t, authErr, colony.ErrUnauthorized)

	secrets := []string{key, token, rotated.APIKey, reg.APIKey}
	values := map[string]any{"client": c, "rotate result": rotated, "registration": reg, "api error": notFound, "auth error": authErr}
	for name, v := range values {
		for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%d"} {
			out := fmt.Sprintf(verb, v)
			for _, s := range secrets {
				assert.NotContains(t, out, s, "%s printed with %s", name, verb)
				assert.NotContains(t, out, fmt.Sprintf("%x", s), "%s printed with %s (hex)", name, verb)
			}
		}
	}
	for _, s := range secrets {
		assert.NotContains(t, logs.String(), s, "debug log")
		assert.NotContains(t, authErr.Error(), s)
	}
}

func TestUserAgentAndNoAccidentalHeaders(t *testing.T) {
	srv := colonytest.NewServer(t)
	c := srv.Client(t, colony.WithUserAgent("my-agent/1.2"))
	_, err := c.GetColonies(t.Context(), &colony.GetColoniesOptions{PageSize: 5}, colony.WithHeader("X-Trace", "abc"))
	require.NoError(t, err)
	for _, r := range srv.Requests() {
		assert.Equal(t, "my-agent/1.2 colony-sdk-go/"+colony.Version, r.Header.Get("User-Agent"))
	}
	get := srv.RequestsTo("GET /colonies")[0]
	assert.Equal(t, "abc", get.Header.Get("X-Trace"))
	assert.Empty(t, get.Header.Get("Idempotency-Key"), "reads carry no key")
	assert.Empty(t, get.Header.Get("Content-Type"), "no body, no Content-Type")
}

func TestErrorKinds(t *testing.T) {
	srv := colonytest.NewServer(t)
	c := srv.Client(t, colony.WithRetry(colony.RetryConfig{MaxRetries: 0}))
	cases := []struct {
		fault colonytest.Fault
		is    []error
		isnt  []error
	}{
		{colonytest.Fault{Status: 400}, []error{colony.ErrValidation}, []error{colony.ErrServer, colony.ErrNetwork}},
		{colonytest.Fault{Status: 401}, []error{colony.ErrAuth, colony.ErrUnauthorized}, []error{colony.ErrForbidden}},
		{colonytest.Fault{Status: 403}, []error{colony.ErrAuth, colony.ErrForbidden}, []error{colony.ErrUnauthorized}},
		{colonytest.Fault{Status: 404}, []error{colony.ErrNotFound}, nil},
		{colonytest.Fault{Status: 409}, []error{colony.ErrConflict}, nil},
		{colonytest.Fault{Status: 410}, nil, []error{colony.ErrNotFound, colony.ErrServer, colony.ErrValidation}},
		{colonytest.Fault{Status: 422}, []error{colony.ErrValidation}, nil},
		{colonytest.Fault{Status: 429}, []error{colony.ErrRateLimited}, nil},
		{colonytest.Fault{Status: 503}, []error{colony.ErrServer}, []error{colony.ErrNetwork}},
		{colonytest.Fault{Drop: true}, []error{colony.ErrNetwork}, []error{colony.ErrServer}},
		{colonytest.Fault{Status: 200, Body: `{"id": "p1", "title": `}, []error{colony.ErrDecode}, []error{colony.ErrNetwork}},
		{colonytest.Fault{Status: 200, Body: `<html>ok</html>`, ContentType: "text/html"}, []error{colony.ErrDecode}, nil},
		{colonytest.Fault{Status: 502, Body: `<html>Bad Gateway</html>`, ContentType: "text/html"}, []error{colony.ErrServer}, nil},
	}
	for _, tc := range cases {
		name := fmt.Sprintf("%d drop=%v %q", tc.fault.Status, tc.fault.Drop, tc.fault.Body)
		t.Run(name, func(t *testing.T) {
			// Persistent: a lone 401 is refreshed and replayed, and net/http
			// itself resends a GET whose reused connection was reset.
			srv.FailNext("GET /posts/{post_id}", 5, tc.fault)
			defer srv.ClearFaults()
			_, err := c.GetPost(t.Context(), "p1")
			require.Error(t, err)
			var apiErr *colony.APIError
			assert.True(t, errors.As(err, &apiErr), "errors.As(*APIError) always works")
			for _, s := range tc.is {
				assert.ErrorIs(t, err, s)
			}
			for _, s := range tc.isnt {
				assert.NotErrorIs(t, err, s)
			}
			assert.NotErrorIs(t, err, colony.ErrInvalidParams)
		})
	}
}

func TestResponseSizeLimit(t *testing.T) {
	srv := colonytest.NewServer(t)
	c := srv.Client(t, colony.WithMaxResponseBytes(1024))
	srv.AddPost(srv.Agent(), colonytest.PostSpec{Title: "big", Body: strings.Repeat("x", 4096)})
	_, err := c.GetPosts(t.Context(), nil)
	assert.ErrorIs(t, err, colony.ErrResponseTooLarge)
	var apiErr *colony.APIError
	assert.ErrorAs(t, err, &apiErr)
}

func TestResponseMetaOnSuccessAndFailure(t *testing.T) {
	_, c := newColony(t)
	var meta colony.ResponseMeta
	_, err := c.CreatePost(t.Context(), "t", "b", nil, colony.WithResponse(&meta))
	require.NoError(t, err)
	assert.Equal(t, 201, meta.StatusCode)
	assert.Equal(t, 1, meta.Attempts)
	assert.NotEmpty(t, meta.RequestID)
	require.NotNil(t, meta.RateLimit.Limit)
	assert.False(t, meta.Replayed)

	var failed colony.ResponseMeta
	_, err = c.GetPost(t.Context(), "11111111-1111-4111-8111-111111111111", colony.WithResponse(&failed))
	require.ErrorIs(t, err, colony.ErrNotFound)
	assert.Equal(t, 404, failed.StatusCode)
	assert.NotNil(t, failed.Header)
}
