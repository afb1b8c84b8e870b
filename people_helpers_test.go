package colony_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	colony "github.com/thecolony/colony-go"
)

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
