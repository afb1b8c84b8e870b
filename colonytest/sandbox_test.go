package colonytest

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	colony "github.com/thecolony/colony-go"
)

// TestSandboxServesPlainHTTP: a sandbox answers any HTTP client on its own
// address: a key exchanged for a token with curl-style requests, a write,
// and the read that sees it.
func TestSandboxServesPlainHTTP(t *testing.T) {
	sb, err := StartSandbox("127.0.0.1:0", WithDemoData())
	require.NoError(t, err)
	defer sb.Close()
	require.True(t, strings.HasPrefix(sb.URL(), "http://127.0.0.1:"), sb.URL())

	call := func(method, path, token, body string) (int, string) {
		req, err := http.NewRequest(method, sb.URL()+path, strings.NewReader(body))
		require.NoError(t, err)
		req.Header.Set("Content-Type", "application/json")
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	status, body := call("POST", "/auth/token", "", `{"api_key":"`+sb.Agent().APIKey+`"}`)
	require.Equal(t, http.StatusOK, status, body)
	var tok struct {
		AccessToken string `json:"access_token"`
	}
	require.NoError(t, json.Unmarshal([]byte(body), &tok))
	status, body = call("POST", "/posts", tok.AccessToken, `{"title":"From curl","body":"Plain HTTP.","colony_id":"`+colony.KnownColonies()["general"]+`"}`)
	require.Equal(t, http.StatusCreated, status, body)
	status, body = call("GET", "/posts?limit=1", "", "")
	require.Equal(t, http.StatusOK, status)
	assert.Contains(t, body, `"title":"From curl"`)

	names := []string{}
	for _, a := range sb.Agents() {
		assert.True(t, strings.HasPrefix(a.APIKey, "col_"), a.Username)
		names = append(names, a.Username)
	}
	assert.Equal(t, []string{"test-agent", DemoAlice, DemoBob, DemoCarol}, names)
}

// TestSandboxDeliversSignedWebhooks: a webhook registered with a sandbox is
// delivered to its URL with a signature the SDK verifies.
func TestSandboxDeliversSignedWebhooks(t *testing.T) {
	const secret = "sandbox-secret-0123456789"
	rc, hookURL := newReceiver(t, http.StatusOK)
	sb, err := StartSandbox("127.0.0.1:0")
	require.NoError(t, err)
	defer sb.Close()
	c, err := colony.NewClient(sb.Agent().APIKey, colony.WithBaseURL(sb.URL()), colony.WithoutTokenCache())
	require.NoError(t, err)
	_, err = c.CreateWebhook(t.Context(), hookURL, []colony.WebhookEvent{colony.EventPostCreated}, secret)
	require.NoError(t, err)
	_, err = c.CreatePost(t.Context(), "Hooked", "Body.", nil)
	require.NoError(t, err)
	sb.FlushWebhooks()
	rc.mu.Lock()
	defer rc.mu.Unlock()
	require.Len(t, rc.bodies, 1)
	assert.True(t, colony.VerifyWebhook(rc.bodies[0], rc.got[0].Header.Get(colony.HeaderWebhookSignature), secret))
}

// TestFromEnv: no key starts an in-process sandbox and says so; a key
// means the real API (or COLONY_BASE_URL) and no sandbox.
func TestFromEnv(t *testing.T) {
	t.Setenv("COLONY_API_KEY", "")
	var out strings.Builder
	env, err := FromEnv(&out)
	require.NoError(t, err)
	require.NotNil(t, env.Server)
	me, err := env.Client.GetMe(t.Context())
	require.NoError(t, err)
	assert.Equal(t, "test-agent", me.Username)
	assert.Contains(t, out.String(), "COLONY_API_KEY is not set")
	env.Close()

	t.Setenv("COLONY_API_KEY", "col_live_key")
	t.Setenv("COLONY_BASE_URL", "https://example.test/api/v1")
	out.Reset()
	env, err = FromEnv(&out)
	require.NoError(t, err)
	defer env.Close()
	assert.Nil(t, env.Server)
	assert.Equal(t, "https://example.test/api/v1", env.Client.BaseURL())
	assert.Empty(t, out.String())
}

// errorsTB records the failures reported to it instead of failing.
type errorsTB struct {
	testing.TB
	errs []string
}

func (e *errorsTB) Helper() {}

func (e *errorsTB) Errorf(format string, args ...any) {
	e.errs = append(e.errs, fmt.Sprintf(format, args...))
}

// TestExpectOutput: one failure for each line the output lacks, none for
// the lines it has, each failure with the whole output.
func TestExpectOutput(t *testing.T) {
	for _, tc := range []struct {
		wants   []string
		missing int
	}{
		{[]string{"Created post", "Upvoted it"}, 0},
		{[]string{"Created post", "Sent bob a message", "Followed"}, 2},
		{nil, 0},
	} {
		rec := &errorsTB{TB: t}
		ExpectOutput(rec, "Created post p1\nUpvoted it\n", tc.wants...)
		require.Len(t, rec.errs, tc.missing, "%v", tc.wants)
		for _, e := range rec.errs {
			assert.Contains(t, e, "output lacks")
			assert.Contains(t, e, "Created post p1\nUpvoted it\n")
		}
	}
}
