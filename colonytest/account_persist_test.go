package colonytest

import (
	"net/http"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	colony "github.com/thecolony/colony-go"
)

// accountFixture is what buildAccounts made before the restart.
type accountFixture struct {
	pending  *colony.PendingRegistration // begun, not confirmed
	redeemed *colony.PendingRegistration // confirmed
	dana     Agent                       // a verified email, a second one pending, a key recovery asked for
	bob      Agent                       // 2FA on
	secret   string                      // bob's TOTP secret
	used     string                      // the code that turned it on
	codes    []string                    // bob's recovery codes
	carol    Agent                       // 2FA enrolment begun, not confirmed
	enrol    *colony.TwoFactorEnrollment
	unpaid   string // a premium renewal's payment hash
}

// static reaches s's unauthenticated routes (registration) in memory.
func static(s *Server) *colony.StaticOptions {
	return &colony.StaticOptions{BaseURL: s.URL(), HTTPClient: &http.Client{Transport: s.Transport()}}
}

// buildRegistrations makes a pending and a confirmed two-step
// registration, and dana's emails and key recovery.
func buildRegistrations(t *testing.T, s *Server, f *accountFixture) {
	t.Helper()
	ctx := t.Context()
	begin := func(name string) *colony.PendingRegistration {
		p, err := colony.RegisterBegin(ctx, name, name, "", &colony.RegisterBeginOptions{BaseURL: s.URL(), HTTPClient: static(s).HTTPClient})
		require.NoError(t, err)
		return p
	}
	f.pending, f.redeemed = begin("phoenix"), begin("wren")
	_, err := colony.RegisterConfirm(ctx, f.redeemed.ClaimToken, colony.KeyFingerprint(f.redeemed.APIKey), static(s))
	require.NoError(t, err)
	f.dana = s.AddAgent("dana")
	dana := s.ClientFor(t, f.dana)
	_, err = dana.SetEmail(ctx, "dana@example.com")
	require.NoError(t, err)
	_, err = dana.VerifyEmail(ctx, s.Mail("dana")[0].Token)
	require.NoError(t, err)
	_, err = dana.SetEmail(ctx, "dana@example.org") // pending until its link is opened
	require.NoError(t, err)
	_, err = colony.RecoverKey(ctx, "dana", static(s))
	require.NoError(t, err)
}

// buildSecurity turns on bob's 2FA, begins carol's, and gives the default
// agent a paid premium month and an unpaid renewal.
func buildSecurity(t *testing.T, s *Server, f *accountFixture) {
	t.Helper()
	ctx := t.Context()
	f.bob, f.carol = s.AddAgent("bob"), s.AddAgent("carol")
	bob := s.ClientFor(t, f.bob)
	enrol, err := bob.Enroll2FA(ctx)
	require.NoError(t, err)
	f.secret, f.used = enrol.Secret, TOTPCode(enrol.Secret, time.Now())
	conf, err := bob.Confirm2FA(ctx, enrol.Secret, enrol.Ticket, f.used)
	require.NoError(t, err)
	f.codes = conf.RecoveryCodes
	f.enrol, err = s.ClientFor(t, f.carol).Enroll2FA(ctx)
	require.NoError(t, err)
	s.SetPremium(true)
	s.AddAudience("partner-app")
	me := s.Client(t)
	paid, err := me.SubscribePremium(ctx, colony.PremiumMonthly)
	require.NoError(t, err)
	require.True(t, s.PayInvoice(paid.PaymentHash))
	renewal, err := me.SubscribePremium(ctx, colony.PremiumMonthly)
	require.NoError(t, err)
	f.unpaid = renewal.PaymentHash
}

// restartedInBubble builds the fixture on a server without a listener (in
// a synctest bubble) and restarts it from its state file.
func restartedInBubble(t *testing.T) (*Server, *accountFixture) {
	return restarted(t, func(t *testing.T, s *Server) *accountFixture {
		var f accountFixture
		buildRegistrations(t, s, &f)
		buildSecurity(t, s, &f)
		return &f
	}, WithoutNetwork())
}

// TestAccountStateSurvivesRestart: registrations, emails, key recovery,
// 2FA, premium and OAuth audiences come back from the state file, and the
// rules that read them still hold. Each check restarts its own server in
// its own bubble of fake time, where TOTP steps pass at once.
func TestAccountStateSurvivesRestart(t *testing.T) {
	for _, tt := range accountChecks {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				b, f := restartedInBubble(t)
				tt.check(t, b, f)
			})
		})
	}
}

// accountChecks are what the restarted server b must still know of f.
var accountChecks = []struct {
	name  string
	check func(t *testing.T, b *Server, f *accountFixture)
}{
	{"the pending registration holds its name and confirms", func(t *testing.T, b *Server, f *accountFixture) {
		ctx := t.Context()
		_, err := colony.RegisterBegin(ctx, "phoenix", "", "", &colony.RegisterBeginOptions{BaseURL: b.URL(), HTTPClient: static(b).HTTPClient})
		require.ErrorIs(t, err, colony.ErrConflict)
		_, err = colony.RegisterConfirm(ctx, f.pending.ClaimToken, colony.KeyFingerprint(f.pending.APIKey), static(b))
		require.NoError(t, err)
		me, err := b.ClientFor(t, Agent{Username: "phoenix", APIKey: f.pending.APIKey}).GetMe(ctx)
		require.NoError(t, err)
		assert.Equal(t, f.pending.ID, me.ID)
	}},
	{"a redeemed claim token stays redeemed, its account active", func(t *testing.T, b *Server, f *accountFixture) {
		ctx := t.Context()
		_, err := colony.RegisterConfirm(ctx, f.redeemed.ClaimToken, colony.KeyFingerprint(f.redeemed.APIKey), static(b))
		assert.Equal(t, "REGISTER_CLAIM_EXPIRED", errCode(err))
		me, err := b.ClientFor(t, Agent{Username: "wren", APIKey: f.redeemed.APIKey}).GetMe(ctx)
		require.NoError(t, err)
		assert.Equal(t, f.redeemed.ID, me.ID)
	}},
	{"the pending email verifies and the recovery token recovers", func(t *testing.T, b *Server, f *accountFixture) {
		ctx := t.Context()
		mail := b.Mail("dana")
		require.Len(t, mail, 3)
		dana := b.ClientFor(t, f.dana)
		st, err := dana.VerifyEmail(ctx, mail[1].Token)
		require.NoError(t, err)
		assert.Equal(t, "dana@example.org", st.Email)
		rec, err := colony.ConfirmKeyRecovery(ctx, mail[2].Token, static(b))
		require.NoError(t, err)
		assert.NotEqual(t, f.dana.APIKey, rec.APIKey)
	}},
	{"2FA is still required, the used code is still spent", func(t *testing.T, b *Server, f *accountFixture) {
		ctx := t.Context()
		_, err := b.ClientFor(t, f.bob).GetMe(ctx)
		require.ErrorIs(t, err, colony.ErrTwoFactorRequired)
		_, err = b.ClientFor(t, f.bob, colony.WithTOTPCode(f.used)).GetMe(ctx)
		require.ErrorIs(t, err, colony.ErrTwoFactorInvalid)
		_, err = b.ClientFor(t, f.bob, colony.WithTOTPCode(f.codes[0])).GetMe(ctx)
		require.NoError(t, err, "a recovery code from before the restart")
		time.Sleep(30 * time.Second)
		_, err = b.ClientFor(t, f.bob, colony.WithTOTPCode(TOTPCode(f.secret, time.Now()))).GetMe(ctx)
		require.NoError(t, err, "the next step's code")
	}},
	{"the enrolment ticket confirms", func(t *testing.T, b *Server, f *accountFixture) {
		ctx := t.Context()
		conf, err := b.ClientFor(t, f.carol).Confirm2FA(ctx, f.enrol.Secret, f.enrol.Ticket, TOTPCode(f.enrol.Secret, time.Now()))
		require.NoError(t, err)
		assert.True(t, conf.Enabled)
	}},
	{"premium stays on and the renewal stacks on it", func(t *testing.T, b *Server, f *accountFixture) {
		ctx := t.Context()
		me := b.Client(t)
		st, err := me.GetPremiumStatus(ctx)
		require.NoError(t, err)
		require.True(t, st.IsPremium)
		until := *st.PremiumUntil
		require.True(t, b.PayInvoice(f.unpaid))
		history, err := me.GetPremiumHistory(ctx)
		require.NoError(t, err)
		require.Len(t, history, 2)
		require.Equal(t, colony.InvoiceActive, history[0].Status, "the history shares the invoice paid after the restart")
		assert.Equal(t, until, *history[0].StartsAt)
	}},
	{"the OAuth audience is still registered", func(t *testing.T, b *Server, f *accountFixture) {
		ctx := t.Context()
		_, err := b.Client(t).ExchangeToken(ctx, "partner-app", nil)
		require.NoError(t, err)
	}},
}
