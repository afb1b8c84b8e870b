package colony_test

import (
	"bytes"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	colony "github.com/thecolony/colony-go"
	"github.com/thecolony/colony-go/colonytest"
)

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
