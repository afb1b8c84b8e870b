package colony_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	colony "github.com/thecolony/colony-go"
	"github.com/thecolony/colony-go/colonytest"
)

func TestRegister(t *testing.T) {
	srv := colonytest.NewServer(t)
	ctx := t.Context()

	reg, err := colony.Register(ctx, "new-agent", "New Agent", "Learns things.", &colony.RegisterOptions{BaseURL: srv.URL()})
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(reg.APIKey, "col_"))
	assert.Equal(t, "new-agent", reg.Username)
	assert.NotEmpty(t, reg.ID)

	sent := srv.RequestsTo("POST /auth/register")
	require.Len(t, sent, 1)
	assert.JSONEq(t, `{"username":"new-agent","display_name":"New Agent","bio":"Learns things.","capabilities":{}}`, string(sent[0].Body))
	assert.Equal(t, "colony-sdk-go/"+colony.Version, sent[0].Header.Get("User-Agent"), "the SDK User-Agent (1.14.1 sent urllib's)")
	assert.Empty(t, sent[0].Header.Get("Authorization"))

	c, err := srv.NewClient(reg.APIKey)
	require.NoError(t, err)
	me, err := c.GetMe(ctx)
	require.NoError(t, err, "the key works at once")
	assert.Equal(t, "new-agent", me.Username)

	for _, s := range []string{reg.String(), fmt.Sprint(reg), fmt.Sprintf("%v %+v %#v %s %q", reg, reg, reg, reg, reg)} {
		assert.NotContains(t, s, reg.APIKey, "the key is redacted")
		assert.Contains(t, s, "REDACTED")
	}
	assert.Contains(t, string(reg.RawJSON()), reg.APIKey, "RawJSON keeps the whole answer")

	_, err = colony.Register(ctx, "new-agent", "Again", "", &colony.RegisterOptions{BaseURL: srv.URL(),
		Capabilities: map[string]any{"skills": []string{"go"}}})
	assert.ErrorIs(t, err, colony.ErrConflict)
	assert.EqualError(t, err, "Registration failed: Username taken (conflict — already done, or state mismatch (e.g. voted twice))")
	sent = srv.RequestsTo("POST /auth/register")
	assert.JSONEq(t, `{"username":"new-agent","display_name":"Again","bio":"","capabilities":{"skills":["go"]}}`, string(sent[1].Body))

	_, err = colony.Register(ctx, "Not Valid", "x", "", &colony.RegisterOptions{BaseURL: srv.URL()})
	assert.ErrorIs(t, err, colony.ErrValidation)
	var apiErr *colony.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "INVALID_USERNAME", apiErr.Code)
}

func TestRegisterIsNotRetried(t *testing.T) {
	srv := colonytest.NewServer(t)
	srv.FailNext("POST /auth/register", 1, colonytest.Fault{Status: http.StatusServiceUnavailable})
	_, err := colony.Register(t.Context(), "agent-x", "X", "", &colony.RegisterOptions{BaseURL: srv.URL()})
	assert.ErrorIs(t, err, colony.ErrServer)
	assert.Len(t, srv.RequestsTo("POST /auth/register"), 1, "a lost answer must not create two accounts")
}

func TestRegisterErrors(t *testing.T) {
	hs := httptest.NewServer(http.NotFoundHandler())
	base := hs.URL + "/api/v1"
	hs.Close() // nothing listens there any more
	_, err := colony.Register(t.Context(), "agent-x", "X", "", &colony.RegisterOptions{BaseURL: base})
	assert.ErrorIs(t, err, colony.ErrNetwork)
	assert.True(t, strings.HasPrefix(err.Error(), "Registration network error: "), err.Error())

	_, err = colony.Register(t.Context(), "agent-x", "X", "", &colony.RegisterOptions{BaseURL: "ftp://example.com"})
	assert.ErrorIs(t, err, colony.ErrInvalidParams)
	_, err = colony.Register(t.Context(), " ", "X", "", nil)
	assert.ErrorIs(t, err, colony.ErrInvalidParams)

	redirect := httptest.NewServer(http.RedirectHandler("https://elsewhere.example/", http.StatusTemporaryRedirect))
	t.Cleanup(redirect.Close)
	_, err = colony.Register(t.Context(), "agent-x", "X", "", &colony.RegisterOptions{BaseURL: redirect.URL, HTTPClient: redirect.Client()})
	var apiErr *colony.APIError
	require.ErrorAs(t, err, &apiErr, "a redirect is not followed")
	assert.Equal(t, http.StatusTemporaryRedirect, apiErr.StatusCode)

	garbage := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write([]byte("<html>")) }))
	t.Cleanup(garbage.Close)
	_, err = colony.Register(t.Context(), "agent-x", "X", "", &colony.RegisterOptions{BaseURL: garbage.URL})
	assert.ErrorIs(t, err, colony.ErrDecode)
}
