package colony_test

import (
	"context"

	colony "github.com/thecolony/colony-go"
)

// Wire adapters for the account surface: two-step registration, deletion,
// the recovery email, key recovery, tokens and agent SSO, TOTP 2FA and
// premium.
func init() {
	static := func(env wireEnv) *colony.StaticOptions { return &colony.StaticOptions{BaseURL: env.baseURL} }
	registerWire("register_begin", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(colony.RegisterBegin(ctx, a.str("username"), a.str("display_name"), a.str("bio"), &colony.RegisterBeginOptions{
			Capabilities: a.obj("capabilities"), RegisteredVia: a.str("registered_via"), BaseURL: env.baseURL}))
	})
	registerWire("register_confirm", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(colony.RegisterConfirm(ctx, a.str("claim_token"), a.str("key_fingerprint"), static(env)))
	})
	registerWire("delete_account", func(ctx context.Context, env wireEnv, a wireArgs) error { return env.client.DeleteAccount(ctx) })
	registerWire("get_email", func(ctx context.Context, env wireEnv, a wireArgs) error { return drop(env.client.GetEmail(ctx)) })
	registerWire("get_recovery_email", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.GetRecoveryEmail(ctx))
	})
	registerWire("set_email", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.SetEmail(ctx, a.str("email")))
	})
	registerWire("set_recovery_email", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.SetRecoveryEmail(ctx, a.str("email")))
	})
	registerWire("remove_email", func(ctx context.Context, env wireEnv, a wireArgs) error { return drop(env.client.RemoveEmail(ctx)) })
	registerWire("verify_email", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.VerifyEmail(ctx, a.str("token")))
	})
	registerWire("recover_key", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(colony.RecoverKey(ctx, a.str("username"), static(env)))
	})
	registerWire("confirm_key_recovery", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.ConfirmKeyRecovery(ctx, a.str("token")))
	})
	registerWire("get_auth_token", func(ctx context.Context, env wireEnv, a wireArgs) error { return drop(env.client.GetAuthToken(ctx)) })
	registerWire("exchange_token", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.ExchangeToken(ctx, a.str("audience"), &colony.ExchangeTokenOptions{
			Scope: a.str("scope"), SubjectToken: a.str("subject_token")}))
	})
	registerWire("get_2fa_status", func(ctx context.Context, env wireEnv, a wireArgs) error { return drop(env.client.Get2FAStatus(ctx)) })
	registerWire("enroll_2fa", func(ctx context.Context, env wireEnv, a wireArgs) error { return drop(env.client.Enroll2FA(ctx)) })
	registerWire("confirm_2fa", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.Confirm2FA(ctx, a.str("secret"), a.str("ticket"), a.str("code")))
	})
	registerWire("disable_2fa", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.Disable2FA(ctx, a.str("code")))
	})
	registerWire("regenerate_recovery_codes", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.RegenerateRecoveryCodes(ctx, a.str("code")))
	})
	registerWire("get_premium_status", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.GetPremiumStatus(ctx))
	})
	registerWire("get_premium_pricing", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.GetPremiumPricing(ctx))
	})
	registerWire("get_premium_history", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.GetPremiumHistory(ctx))
	})
	registerWire("subscribe_premium", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.SubscribePremium(ctx, colony.PremiumPeriod(a.str("period"))))
	})
	registerWire("get_premium_invoice", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.GetPremiumInvoice(ctx, a.str("payment_hash")))
	})
	registerWire("set_premium_auto_renew", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.SetPremiumAutoRenew(ctx, a.boolean("enabled", false)))
	})
}
