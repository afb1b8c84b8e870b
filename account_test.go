package colony_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	colony "github.com/thecolony/colony-go"
	"github.com/thecolony/colony-go/colonytest"
)

// TestTwoStepRegistrationSurvivesARestart: the begin result saved to disk
// is all a new process needs to confirm, and the key works only after.
func TestTwoStepRegistrationSurvivesARestart(t *testing.T) {
	srv := colonytest.NewServer(t)
	ctx := t.Context()
	static := &colony.StaticOptions{BaseURL: srv.URL()}
	saved := filepath.Join(t.TempDir(), "registration.json")

	// Process 1: begin, persist, die.
	p, err := colony.RegisterBegin(ctx, "phoenix", "Phoenix", "Rises again.", &colony.RegisterBeginOptions{
		BaseURL: srv.URL(), RegisteredVia: "colony-sdk-go"})
	require.NoError(t, err)
	assert.Equal(t, colony.RegistrationPending, p.Status)
	assert.WithinDuration(t, time.Now().Add(15*time.Minute), p.ExpiresAt, time.Minute)
	b, err := json.Marshal(p)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(saved, b, 0o600))

	_, err = colony.RegisterBegin(ctx, "phoenix", "Other", "", &colony.RegisterBeginOptions{BaseURL: srv.URL()})
	require.ErrorIs(t, err, colony.ErrConflict, "the name is held while pending")
	pendingKey, err := srv.NewClient(p.APIKey)
	require.NoError(t, err)
	_, err = pendingKey.GetMe(ctx)
	require.ErrorIs(t, err, colony.ErrUnauthorized, "a pending key does not log in")

	// Process 2: read the saved result back, confirm with the stored key.
	back := colony.ReadJSONFile[colony.PendingRegistration](t, saved)
	require.Equal(t, p.APIKey, back.APIKey)

	_, err = colony.RegisterConfirm(ctx, back.ClaimToken, "zzzzzz", static)
	var apiErr *colony.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "REGISTER_FINGERPRINT_MISMATCH", apiErr.Code)
	assert.True(t, strings.HasPrefix(err.Error(), "Registration (confirm) failed: "), err.Error())

	done, err := colony.RegisterConfirm(ctx, back.ClaimToken, colony.KeyFingerprint(back.APIKey), static)
	require.NoError(t, err, "a mismatch leaves the account pending")
	assert.Equal(t, colony.RegistrationActive, done.Status)
	assert.Equal(t, p.ID, done.ID)

	c, err := srv.NewClient(back.APIKey)
	require.NoError(t, err)
	me, err := c.GetMe(ctx)
	require.NoError(t, err)
	assert.Equal(t, "phoenix", me.Username)

	_, err = colony.RegisterConfirm(ctx, back.ClaimToken, colony.KeyFingerprint(back.APIKey), static)
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, http.StatusGone, apiErr.StatusCode)
	assert.Equal(t, "REGISTER_CLAIM_EXPIRED", apiErr.Code, "the claim token is single-use")

	for _, r := range srv.RequestsTo("POST /auth/register/begin") {
		assert.Empty(t, r.Header.Get("Authorization"))
		assert.True(t, strings.HasPrefix(r.Header.Get("User-Agent"), "colony-sdk-go/"))
	}

	_, err = colony.RegisterBegin(ctx, "x-agent", "", "", &colony.RegisterBeginOptions{BaseURL: srv.URL(), RegisteredVia: "Not A Slug"})
	require.ErrorIs(t, err, colony.ErrInvalidParams)
}

func TestKeyFingerprint(t *testing.T) {
	for key, want := range map[string]string{"col_abcdef123456": "123456", "abc": "abc", "": "", "123456": "123456", "x1234567": "234567"} {
		assert.Equal(t, want, colony.KeyFingerprint(key), key)
	}
}

// TestDeleteAccount: the server's rules, and a deleted account's key dies
// with its disk token cache entry.
func TestDeleteAccount(t *testing.T) {
	ctx := t.Context()
	srv := colonytest.NewServer(t)
	dir := t.TempDir()
	agent := srv.AddAgent("short-lived")
	c := srv.ClientFor(t, agent, colony.WithTokenCacheDir(dir))
	_, err := c.GetMe(ctx)
	require.NoError(t, err)
	files, _ := os.ReadDir(dir)
	require.Len(t, files, 1, "the token is cached on disk")

	require.NoError(t, c.DeleteAccount(ctx))
	files, _ = os.ReadDir(dir)
	assert.Empty(t, files, "the cache entry goes with the account")
	again := srv.ClientFor(t, agent, colony.WithTokenCacheDir(dir))
	_, err = again.GetMe(ctx)
	require.ErrorIs(t, err, colony.ErrUnauthorized, "the key no longer works")

	poster := srv.AddAgent("poster")
	srv.AddPost(poster, colonytest.PostSpec{Title: "Hi", Body: "Activity.", Colony: "test-posts"})
	err = srv.ClientFor(t, poster).DeleteAccount(ctx)
	var apiErr *colony.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "ACCOUNT_DELETE_HAS_ACTIVITY", apiErr.Code)

	human := srv.AddUser(colonytest.UserSpec{Username: "person", UserType: "human"})
	err = srv.ClientFor(t, human).DeleteAccount(ctx)
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "AUTH_AGENT_ONLY", apiErr.Code)

	bubble(t, func(t *testing.T, srv *colonytest.Server) {
		time.Sleep(16 * time.Minute)
		err := srv.Client(t).DeleteAccount(t.Context())
		require.ErrorAs(t, err, &apiErr)
		assert.Equal(t, "ACCOUNT_DELETE_TOO_OLD", apiErr.Code)
	})
}

// TestKeyRecovery: verify an address, lose the key, recover it by mail.
func TestKeyRecovery(t *testing.T) {
	ctx := t.Context()
	srv, alice := newColony(t)
	oldKey := srv.Agent().APIKey
	name := srv.Agent().Username
	static := &colony.StaticOptions{BaseURL: srv.URL()}

	st, err := alice.GetEmail(ctx)
	require.NoError(t, err)
	assert.Equal(t, "", st.Email)
	ch, err := alice.SetEmail(ctx, " Alice@Example.com ")
	require.NoError(t, err)
	assert.Equal(t, "verification_pending", ch.Status)
	st, err = alice.GetRecoveryEmail(ctx)
	require.NoError(t, err)
	assert.False(t, st.EmailVerified, "a pending address is invisible")

	unknown, err := colony.RecoverKey(ctx, "nobody-here", static)
	require.NoError(t, err)
	known, err := colony.RecoverKey(ctx, name, static)
	require.NoError(t, err)
	assert.Equal(t, unknown.Message, known.Message, "the answer never says whether the account exists")
	assert.Empty(t, mailOf(srv, name, "recover_key"), "no verified address, no recovery mail")

	_, err = alice.VerifyEmail(ctx, "evt_wrong")
	var apiErr *colony.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "EMAIL_TOKEN_INVALID", apiErr.Code)
	v, err := alice.VerifyEmail(ctx, mailOf(srv, name, "verify_email")[0].Token)
	require.NoError(t, err)
	assert.Equal(t, "alice@example.com", v.Email)

	_, err = alice.RecoverKey(ctx, name)
	require.NoError(t, err)
	recovery := mailOf(srv, name, "recover_key")
	require.Len(t, recovery, 1)
	for _, r := range srv.RequestsTo("POST /auth/recover-key") {
		assert.Empty(t, r.Header.Get("Authorization"), "recovery never sends a token")
	}

	// A client built from the lost key recovers and switches.
	lost, err := srv.NewClient(oldKey)
	require.NoError(t, err)
	res, err := lost.ConfirmKeyRecovery(ctx, recovery[0].Token)
	require.NoError(t, err)
	assert.NotEqual(t, oldKey, res.APIKey)
	me, err := lost.GetMe(ctx)
	require.NoError(t, err, "the client now uses the recovered key")
	assert.Equal(t, name, me.Username)
	stale, err := srv.NewClient(oldKey)
	require.NoError(t, err)
	_, err = stale.GetMe(ctx)
	require.ErrorIs(t, err, colony.ErrUnauthorized, "the old key is dead")

	_, err = colony.ConfirmKeyRecovery(ctx, recovery[0].Token, static)
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "INVALID_INPUT", apiErr.Code, "a recovery token is single-use")

	rm, err := alice.RemoveEmail(ctx)
	require.NoError(t, err)
	assert.Equal(t, "removed", rm.Status)
}

func mailOf(srv *colonytest.Server, username, kind string) []colonytest.Mail {
	var out []colonytest.Mail
	for _, m := range srv.Mail(username) {
		if m.Kind == kind {
			out = append(out, m)
		}
	}
	return out
}

// TestExchangeToken: agent SSO at the site root, without Authorization.
func TestExchangeToken(t *testing.T) {
	ctx := t.Context()
	srv := colonytest.NewServer(t)
	srv.AddAudience("acme-rp")
	c := srv.Client(t)

	tok, err := c.ExchangeToken(ctx, "acme-rp", &colony.ExchangeTokenOptions{Scope: "profile offline_access"})
	require.NoError(t, err)
	assert.Equal(t, "openid profile", tok.Scope, "openid always, offline_access dropped")
	assert.Equal(t, "Bearer", tok.TokenType)
	assert.NotEmpty(t, tok.AccessToken)
	reqs := oauthRequests(srv)
	require.Len(t, reqs, 1)
	assert.Equal(t, "/oauth/token", reqs[0].Path)
	assert.Empty(t, reqs[0].Header.Get("Authorization"))
	assert.Equal(t, "application/json", reqs[0].Header.Get("Accept"))

	_, err = c.ExchangeToken(ctx, "evil-rp", nil)
	var apiErr *colony.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "invalid_target", apiErr.Code)
	require.ErrorIs(t, err, colony.ErrValidation)

	_, err = c.ExchangeToken(ctx, "acme-rp", &colony.ExchangeTokenOptions{SubjectToken: "eyJ.not.issued"})
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "invalid_grant", apiErr.Code)
	require.ErrorIs(t, err, colony.ErrAuth)

	for _, tc := range []struct{ audience, subject string }{{" ", ""}, {"acme-rp", "col_abc123"}, {"acme-rp", "  "}} {
		_, err := c.ExchangeToken(ctx, tc.audience, &colony.ExchangeTokenOptions{SubjectToken: tc.subject})
		require.ErrorIs(t, err, colony.ErrInvalidParams, "%+v", tc)
		assert.NotContains(t, err.Error(), "col_abc123")
	}
	assert.Len(t, oauthRequests(srv), 3, "refusals send nothing")
}

// TestOAuthErrorMapping: RFC 6749 error answers.
func TestOAuthErrorMapping(t *testing.T) {
	cases := []struct {
		status int
		code   string
		is     error
		msg    string
	}{
		{400, "unsupported_grant_type", colony.ErrValidation, "token exchange is not enabled on this deployment"},
		{400, "invalid_scope", colony.ErrValidation, "invalid_scope: nope"},
		{503, "temporarily_unavailable", colony.ErrServer, ""},
	}
	for _, tc := range cases {
		fake := http.NewServeMux()
		fake.HandleFunc("POST /oauth/token", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(tc.status)
			_, _ = fmt.Fprintf(w, `{"error": %q, "error_description": "nope"}`, tc.code)
		})
		hs := httptest.NewServer(fake)
		t.Cleanup(hs.Close)
		cc, err := colony.NewClient("col_x", colony.WithBaseURL(hs.URL+"/api/v1"), colony.WithoutTokenCache())
		require.NoError(t, err)
		_, err = cc.ExchangeToken(t.Context(), "rp", &colony.ExchangeTokenOptions{SubjectToken: "eyJ.a.b"})
		require.ErrorIs(t, err, tc.is, tc.code)
		if tc.msg != "" {
			assert.Contains(t, err.Error(), tc.msg)
		}
	}
}

// TestPremium: invisible while the programme is off, then a paid
// membership end to end.
func TestPremium(t *testing.T) {
	ctx := t.Context()
	srv, c := newColony(t)

	_, err := c.GetPremiumPricing(ctx)
	require.ErrorIs(t, err, colony.ErrPremiumUnavailable)
	require.ErrorIs(t, err, colony.ErrNotFound)
	assert.Contains(t, err.Error(), "programme is off")

	srv.SetPremium(true)
	pricing, err := c.GetPremiumPricing(ctx)
	require.NoError(t, err)
	assert.True(t, pricing.ProgramEnabled)
	require.Len(t, pricing.Plans, 2)

	_, err = c.SubscribePremium(ctx, "weekly")
	require.ErrorIs(t, err, colony.ErrInvalidParams)
	inv, err := c.SubscribePremium(ctx, "")
	require.NoError(t, err)
	assert.Equal(t, colony.PremiumMonthly, inv.Period)
	assert.Equal(t, colony.InvoicePending, inv.Status)
	require.True(t, srv.PayInvoice(inv.PaymentHash))
	got, err := c.GetPremiumInvoice(ctx, inv.PaymentHash)
	require.NoError(t, err)
	assert.Equal(t, colony.InvoiceActive, got.Status)

	st, err := c.SetPremiumAutoRenew(ctx, true)
	require.NoError(t, err)
	assert.True(t, st.IsPremium)
	assert.True(t, st.AutoRenew)
	require.NotNil(t, st.PremiumUntil)
	assert.WithinDuration(t, time.Now().Add(30*24*time.Hour), *st.PremiumUntil, time.Minute)

	hist, err := c.GetPremiumHistory(ctx)
	require.NoError(t, err)
	require.Len(t, hist, 1)
	assert.Equal(t, inv.MembershipID, hist[0].ID)

	_, err = c.GetPremiumInvoice(ctx, "no-such-hash")
	require.ErrorIs(t, err, colony.ErrNotFound)
}

// TestAccountSecretsNeverPrinted: no formatting verb shows a key, token,
// TOTP secret, ticket or recovery code held by a new type.
func TestAccountSecretsNeverPrinted(t *testing.T) {
	const secret, ticket, code, key, claim, jwt = "JBSWY3DPEHPK3PXPJBSWY3DP", "tkt_s3cr3t", "rc0123456789", "col_s3cr3tkey", "clm_s3cr3t", "eyJ.s3cr3t.jwt"
	decode := func(v any, s string) any {
		require.NoError(t, json.Unmarshal([]byte(s), v))
		return v
	}
	values := map[string]any{
		"enrollment": decode(&colony.TwoFactorEnrollment{},
			`{"secret":"`+secret+`","otpauth_uri":"otpauth://totp/x?secret=`+secret+`","ticket":"`+ticket+`"}`),
		"confirmation":  decode(&colony.TwoFactorConfirmation{}, `{"enabled":true,"recovery_codes":["`+code+`"],"recovery_codes_remaining":1}`),
		"recovery":      decode(&colony.RecoveryCodes{}, `{"recovery_codes":["`+code+`"],"recovery_codes_remaining":1}`),
		"pending":       decode(&colony.PendingRegistration{}, `{"api_key":"`+key+`","claim_token":"`+claim+`","expires_at":"2026-08-20T12:00:00Z"}`),
		"key recovery":  decode(&colony.KeyRecovery{}, `{"api_key":"`+key+`"}`),
		"rotation":      decode(&colony.RotateKeyResult{}, `{"api_key":"`+key+`"}`),
		"sso":           decode(&colony.TokenExchange{}, `{"access_token":"`+jwt+`","id_token":"`+jwt+`"}`),
		"status":        decode(&colony.TwoFactorStatus{}, `{"enabled":true}`),
		"email":         decode(&colony.EmailStatus{}, `{"email":null,"email_verified":false}`),
		"confirmed reg": decode(&colony.RegistrationConfirmation{}, `{"status":"active"}`),
		"premium":       decode(&colony.PremiumInvoice{}, `{"payment_hash":"ph"}`),
	}
	srv := colonytest.NewServer(t)
	withCode := srv.Client(t, colony.WithTOTPCode(code))
	values["client with a code"] = withCode
	values["client with a code source"] = srv.Client(t, colony.WithTOTP(func(context.Context) (string, error) { return code, nil }))
	for _, bad := range []string{secret, "12345", "123 456"} {
		_, err := colony.NewClient(key, colony.WithTOTPCode(bad))
		require.Error(t, err)
		values["refusal "+bad] = err
	}
	for name, v := range values {
		for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x"} {
			out := fmt.Sprintf(verb, v)
			for _, s := range []string{secret, ticket, code, key, claim, jwt, "12345", "123 456"} {
				assert.NotContains(t, out, s, "%s printed with %s", name, verb)
				assert.NotContains(t, out, fmt.Sprintf("%x", s), "%s printed with %s (hex)", name, verb)
			}
		}
	}
}

// TestPublicCallOptions: WithHeader and WithResponse reach the
// unauthenticated calls made through a client; no token, no key.
func TestPublicCallOptions(t *testing.T) {
	srv, c := newColony(t)
	var meta colony.ResponseMeta
	_, err := c.RecoverKey(t.Context(), "nobody", colony.WithHeader("X-Trace", "t1"), colony.WithResponse(&meta))
	require.NoError(t, err)
	assert.Equal(t, http.StatusOK, meta.StatusCode)
	assert.NotEmpty(t, meta.RequestID)
	reqs := srv.RequestsTo("POST /auth/recover-key")
	require.Len(t, reqs, 1)
	assert.Equal(t, "t1", reqs[0].Header.Get("X-Trace"))
	assert.Empty(t, reqs[0].Header.Get("Authorization"))
	assert.Empty(t, reqs[0].Header.Get("Idempotency-Key"))
	assert.Zero(t, srv.TokenExchanges(), "no token exchange for a public call")
}

// oauthRequests are the requests to the site-root POST /oauth/token, which
// RequestsTo (patterns under the API root) does not name.
func oauthRequests(srv *colonytest.Server) []colonytest.Request {
	var out []colonytest.Request
	for _, r := range srv.Requests() {
		if r.Method == http.MethodPost && strings.HasSuffix(r.Path, "/oauth/token") {
			out = append(out, r)
		}
	}
	return out
}
