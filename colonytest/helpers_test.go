package colonytest

// Setup shared by the colonytest tests.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/textproto"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	colony "github.com/thecolony/colony-go"
)

func noRetry() colony.Option { return colony.WithRetry(colony.RetryConfig{MaxRetries: 0}) }

func accessToken(t *testing.T, srv *Server) string {
	t.Helper()
	resp, err := http.Post(srv.URL()+"/auth/token", "application/json",
		strings.NewReader(`{"api_key":"`+srv.Agent().APIKey+`"}`))
	require.NoError(t, err)
	defer resp.Body.Close()
	var out struct {
		AccessToken string `json:"access_token"`
		ExpiresIn   int    `json:"expires_in"`
	}
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&out))
	require.Equal(t, 86400, out.ExpiresIn)
	return out.AccessToken
}

// rawCall sends one request as agent (Bearer token from the key) and
// returns the status and body.
func rawCall(t *testing.T, s *Server, agent Agent, method, path, contentType string, body []byte) (int, []byte) {
	t.Helper()
	tokResp, err := http.Post(s.URL()+"/auth/token", "application/json", strings.NewReader(`{"api_key":"`+agent.APIKey+`"}`))
	require.NoError(t, err)
	var tok struct {
		AccessToken string `json:"access_token"`
	}
	require.NoError(t, json.NewDecoder(tokResp.Body).Decode(&tok))
	require.NoError(t, tokResp.Body.Close())
	req, err := http.NewRequestWithContext(t.Context(), method, s.URL()+path, bytes.NewReader(body))
	require.NoError(t, err)
	req.Header.Set("Authorization", "Bearer "+tok.AccessToken)
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	out, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, out
}

// multipartFile builds a multipart body with one part.
func multipartFile(t *testing.T, field, contentType string, data []byte) (string, []byte) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	h := textproto.MIMEHeader{}
	h.Set("Content-Disposition", `form-data; name="`+field+`"; filename="f"`)
	h.Set("Content-Type", contentType)
	pw, err := mw.CreatePart(h)
	require.NoError(t, err)
	_, err = pw.Write(data)
	require.NoError(t, err)
	require.NoError(t, mw.Close())
	return mw.FormDataContentType(), buf.Bytes()
}

// receiver records deliveries and answers with status.
// newReceiver starts a webhook endpoint that answers status until the test
// ends, and returns it and its URL.
func newReceiver(t *testing.T, status int) (*receiver, string) {
	t.Helper()
	rc := &receiver{status: status}
	hs := httptest.NewServer(rc)
	t.Cleanup(hs.Close)
	return rc, hs.URL
}

type receiver struct {
	mu     sync.Mutex
	status int
	got    []*http.Request
	bodies [][]byte
}

func (rc *receiver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	b, _ := io.ReadAll(r.Body)
	rc.mu.Lock()
	defer rc.mu.Unlock()
	rc.got = append(rc.got, r)
	rc.bodies = append(rc.bodies, b)
	w.WriteHeader(rc.status)
}

func (rc *receiver) count() int {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	return len(rc.got)
}

// fatalRecorder is a testing.TB whose Fatalf records the message and stops
// the goroutine, as the testing package's does, without failing the test.
type fatalRecorder struct {
	testing.TB
	msg string
}

func (f *fatalRecorder) Helper() {}

func (f *fatalRecorder) Fatalf(format string, args ...any) {
	f.msg = fmt.Sprintf(format, args...)
	runtime.Goexit()
}

// fatalOf runs fn with a server made by NewServer(rec) in its own goroutine
// and returns what the server passed to Fatalf ("" when it did not).
func fatalOf(t *testing.T, fn func(s *Server)) string {
	t.Helper()
	rec := &fatalRecorder{TB: t}
	s := NewServer(rec)
	done := make(chan struct{})
	go func() {
		defer close(done)
		fn(s)
	}()
	<-done
	return rec.msg
}

// apiCase is the one table shape for what the fake answers to a raw
// request: who sends it, what, and the status, code and message (a
// substring) expected. An empty code or message is not checked.
type apiCase struct {
	name         string
	as           *Agent // nil: the default agent
	method, path string
	body         string
	status       int
	code, msg    string
}

// runAPICases sends each case to s as a subtest.
func runAPICases(t *testing.T, s *Server, cases []apiCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			as := s.Agent()
			if tc.as != nil {
				as = *tc.as
			}
			ct := ""
			if tc.body != "" {
				ct = "application/json"
			}
			status, out := rawCall(t, s, as, tc.method, tc.path, ct, []byte(tc.body))
			require.Equal(t, tc.status, status, "%s", out)
			var env struct {
				Detail json.RawMessage `json:"detail"`
			}
			require.NoError(t, json.Unmarshal(out, &env), "%s", out)
			var detail struct{ Message, Code string }
			_ = json.Unmarshal(env.Detail, &detail)
			if tc.code != "" {
				assert.Equal(t, tc.code, detail.Code, "%s", out)
			}
			if tc.msg != "" {
				assert.Contains(t, string(out), tc.msg)
			}
		})
	}
}

// userKarma reads a user's karma from the server's state.
func (s *Server) userKarma(id string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.users[id].Karma
}
