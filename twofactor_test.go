package colony_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	colony "github.com/thecolony/colony-go"
	"github.com/thecolony/colony-go/colonytest"
)

// TestTwoFactorEndToEnd: an account with TOTP 2FA, against colonytest,
// under fake time so that the 30-second windows pass instantly.
func TestTwoFactorEndToEnd(t *testing.T) {
	bubble(t, func(t *testing.T, srv *colonytest.Server) {
		ctx := t.Context()
		alice := srv.Client(t)
		key := srv.Agent().APIKey
		tokenRequests := func() int { return len(srv.RequestsTo("POST /auth/token")) }
		meRequests := func() int { return len(srv.RequestsTo("GET /users/me")) }

		// Enrol and confirm.
		enrol, err := alice.Enroll2FA(ctx)
		require.NoError(t, err)
		require.Contains(t, enrol.OTPAuthURI, "otpauth://totp/")
		confirmCode := colonytest.TOTPCode(enrol.Secret, time.Now())
		conf, err := alice.Confirm2FA(ctx, enrol.Secret, enrol.Ticket, confirmCode)
		require.NoError(t, err)
		require.True(t, conf.Enabled)
		require.Len(t, conf.RecoveryCodes, 10)
		st, err := alice.Get2FAStatus(ctx)
		require.NoError(t, err)
		assert.True(t, st.Enabled)
		assert.Equal(t, 10, st.RecoveryCodesRemaining)

		// No code source: the exchange is refused, the API call never sent.
		plain := srv.Client(t)
		_, err = plain.GetMe(ctx)
		require.ErrorIs(t, err, colony.ErrTwoFactorRequired)
		require.ErrorIs(t, err, colony.ErrAuth)
		assert.NotErrorIs(t, err, colony.ErrTwoFactorInvalid)
		assert.NotContains(t, err.Error(), "check your API key", "the code hint replaces the 401 hint")
		assert.Contains(t, err.Error(), "WithTOTP")
		assert.Zero(t, meRequests(), "no API call without a token")

		// The code confirm consumed is refused at the exchange (same window).
		replay := srv.Client(t, colony.WithTOTPCode(confirmCode))
		_, err = replay.GetMe(ctx)
		require.ErrorIs(t, err, colony.ErrTwoFactorInvalid)
		require.ErrorIs(t, err, colony.ErrAuth)

		// WithTOTP: a fresh code on every exchange.
		time.Sleep(30 * time.Second)
		calls := 0
		fresh := srv.Client(t, colony.WithTOTP(func(context.Context) (string, error) {
			calls++
			return colonytest.TOTPCode(enrol.Secret, time.Now()), nil
		}))
		_, err = fresh.GetMe(ctx)
		require.NoError(t, err)
		tok, err := fresh.GetAuthToken(ctx)
		require.NoError(t, err)
		assert.NotEmpty(t, tok)
		time.Sleep(30 * time.Second)
		fresh.RefreshToken()
		_, err = fresh.GetMe(ctx)
		require.NoError(t, err)
		assert.Equal(t, 2, calls, "one code per exchange, none for a held token")

		// A one-shot code serves one exchange; the second fails locally.
		time.Sleep(30 * time.Second)
		once := srv.Client(t, colony.WithTOTPCode(colonytest.TOTPCode(enrol.Secret, time.Now())))
		_, err = once.GetMe(ctx)
		require.NoError(t, err)
		once.RefreshToken()
		before := tokenRequests()
		_, err = once.GetMe(ctx)
		require.ErrorIs(t, err, colony.ErrTwoFactorRequired)
		require.ErrorIs(t, err, colony.ErrAuth)
		assert.NotErrorIs(t, err, colony.ErrNetwork, "a local refusal is no network failure")
		assert.Contains(t, err.Error(), "WithTOTP(func", "names the callable form")
		assert.Equal(t, before, tokenRequests(), "nothing sent")

		// The TOTP secret passed as a code is refused, with the reason.
		_, err = colony.NewClient(key, colony.WithBaseURL(srv.URL()), colony.WithTOTPCode(enrol.Secret))
		require.ErrorIs(t, err, colony.ErrInvalidParams)
		assert.Contains(t, err.Error(), "*secret*")
		assert.NotContains(t, err.Error(), enrol.Secret)
		leaky := srv.Client(t, colony.WithTOTP(func(context.Context) (string, error) { return enrol.Secret, nil }))
		before = tokenRequests()
		_, err = leaky.GetMe(ctx)
		require.ErrorIs(t, err, colony.ErrInvalidParams)
		assert.Contains(t, err.Error(), "*secret*")
		assert.NotContains(t, err.Error(), enrol.Secret)
		assert.Equal(t, before, tokenRequests(), "nothing sent")

		// A failing code source fails the call, its cause reachable.
		broken := srv.Client(t, colony.WithTOTP(func(context.Context) (string, error) { return "", context.DeadlineExceeded }))
		_, err = broken.GetMe(ctx)
		require.ErrorIs(t, err, context.DeadlineExceeded)

		// Recovery codes log in once each.
		for i, code := range conf.RecoveryCodes[:2] {
			c := srv.Client(t, colony.WithTOTPCode(code))
			_, err := c.GetMe(ctx)
			require.NoError(t, err, "recovery code %d", i)
			again := srv.Client(t, colony.WithTOTPCode(code))
			_, err = again.GetMe(ctx)
			require.ErrorIs(t, err, colony.ErrTwoFactorInvalid, "recovery code %d reused", i)
		}
		st, err = alice.Get2FAStatus(ctx)
		require.NoError(t, err)
		assert.Equal(t, 8, st.RecoveryCodesRemaining)

		// Regenerate and disable, each proven by a code.
		regen, err := alice.RegenerateRecoveryCodes(ctx, conf.RecoveryCodes[2])
		require.NoError(t, err)
		require.Len(t, regen.RecoveryCodes, 10)
		_, err = alice.Disable2FA(ctx, conf.RecoveryCodes[3])
		require.ErrorIs(t, err, colony.ErrTwoFactorInvalid, "the old codes died with the regeneration")
		off, err := alice.Disable2FA(ctx, regen.RecoveryCodes[0])
		require.NoError(t, err)
		assert.False(t, off.Enabled)
		_, err = srv.Client(t).GetMe(ctx)
		require.NoError(t, err, "no code needed once 2FA is off")
	})
}

// TestTOTPValueChecks: the local checks of §2.2, before any request; the
// reasons never quote the value.
func TestTOTPValueChecks(t *testing.T) {
	srv := colonytest.NewServer(t)
	cases := []struct {
		value  string
		reason string // "" when accepted
	}{
		{"123456", ""},
		{"01234567", ""},
		{"0123456789abcdef", ""},
		{"a1b2c3d4e5", ""},
		{"ABCDEFGHIJKLMNO", ""}, // 15 base32 characters: a recovery code
		{"12345", "lost its leading zeros"},
		{"012", "lost its leading zeros"},
		{"123 456", "whitespace"},
		{" 123456", "whitespace"},
		{"123456\n", "whitespace"},
		{"JBSWY3DPEHPK3PXPJBSWY3DP", "*secret*"},
		{"jbswy3dpehpk3pxp", "*secret*"},
		{"JBSWY3DPEHPK3PXP====", "*secret*"},
		{"", "empty"},
		{"12", "6 to 8 digit"},
		{"123456789", "6 to 8 digit"},
		{"abc-def-ghij", "6 to 8 digit"},
		{"0123456789abcdefg", "6 to 8 digit"},
	}
	for _, tc := range cases {
		t.Run(fmt.Sprintf("%q", tc.value), func(t *testing.T) {
			_, err := colony.NewClient("col_x", colony.WithBaseURL(srv.URL()), colony.WithTOTPCode(tc.value))
			viaFunc := srv.Client(t, colony.WithTOTP(func(context.Context) (string, error) { return tc.value, nil }))
			before := len(srv.RequestsTo("POST /auth/token"))
			_, callErr := viaFunc.GetAuthToken(t.Context())
			if tc.reason == "" {
				require.NoError(t, err)
				// Accepted locally, so the exchange is sent (the server
				// ignores a code for an account without 2FA).
				require.NoError(t, callErr)
				return
			}
			for _, e := range []error{err, callErr} {
				require.ErrorIs(t, e, colony.ErrInvalidParams)
				assert.Contains(t, e.Error(), tc.reason)
				if len(tc.value) > 2 {
					assert.NotContains(t, e.Error(), tc.value)
				}
			}
			assert.Equal(t, before, len(srv.RequestsTo("POST /auth/token")), "nothing sent")
		})
	}
	_, err := colony.NewClient("col_x", colony.WithTOTP(nil))
	require.ErrorIs(t, err, colony.ErrInvalidParams)
}

// TestTwoFactorErrorMapping: only a 401/403 with the code refines the auth
// error.
func TestTwoFactorErrorMapping(t *testing.T) {
	cases := []struct {
		status                  int
		code                    string
		required, invalid, auth bool
	}{
		{401, "AUTH_2FA_REQUIRED", true, false, true},
		{403, "AUTH_2FA_INVALID", false, true, true},
		{400, "AUTH_2FA_INVALID", false, false, false},
		{401, "AUTH_INVALID_KEY", false, false, true},
	}
	for _, tc := range cases {
		e := &colony.APIError{StatusCode: tc.status, Code: tc.code, Message: "m"}
		assert.Equal(t, tc.required, errors.Is(e, colony.ErrTwoFactorRequired), "%d %s", tc.status, tc.code)
		assert.Equal(t, tc.invalid, errors.Is(e, colony.ErrTwoFactorInvalid), "%d %s", tc.status, tc.code)
		assert.Equal(t, tc.auth, errors.Is(e, colony.ErrAuth), "%d %s", tc.status, tc.code)
	}
	assert.ErrorIs(t, colony.ErrTwoFactorRequired, colony.ErrAuth)
	assert.ErrorIs(t, colony.ErrTwoFactorInvalid, colony.ErrAuth)
}

// TestTwoFactorNeverLogged: a debug log of the whole 2FA flow, failures
// included, shows no secret, ticket, code or recovery code.
func TestTwoFactorNeverLogged(t *testing.T) {
	var logs bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	srv := colonytest.NewServer(t)
	ctx := t.Context()
	alice := srv.Client(t, colony.WithLogger(logger))
	e, err := alice.Enroll2FA(ctx)
	require.NoError(t, err)
	code := colonytest.TOTPCode(e.Secret, time.Now())
	conf, err := alice.Confirm2FA(ctx, e.Secret, e.Ticket, code)
	require.NoError(t, err)
	replay := srv.Client(t, colony.WithLogger(logger), colony.WithTOTPCode(code))
	_, replayErr := replay.GetMe(ctx)
	require.ErrorIs(t, replayErr, colony.ErrTwoFactorInvalid)
	rec := srv.Client(t, colony.WithLogger(logger), colony.WithTOTPCode(conf.RecoveryCodes[0]))
	_, err = rec.GetMe(ctx)
	require.NoError(t, err)
	require.NotEmpty(t, logs.String())
	for _, s := range append([]string{e.Secret, e.Ticket, code}, conf.RecoveryCodes...) {
		assert.NotContains(t, logs.String(), s)
		assert.NotContains(t, replayErr.Error(), s)
		assert.NotContains(t, fmt.Sprintf("%#v", replayErr), s)
	}
}
