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
		_, err := colony.RegisterBegin(ctx, a.str("username"), a.str("display_name"), a.str("bio"), &colony.RegisterBeginOptions{
			Capabilities: a.obj("capabilities"), RegisteredVia: a.str("registered_via"), BaseURL: env.baseURL})
		return err
	})
	registerWire("register_confirm", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := colony.RegisterConfirm(ctx, a.str("claim_token"), a.str("key_fingerprint"), static(env))
		return err
	})
	registerWire("delete_account", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return env.client.DeleteAccount(ctx)
	})
	registerWire("get_email", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.GetEmail(ctx)
		return err
	})
	registerWire("get_recovery_email", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.GetRecoveryEmail(ctx)
		return err
	})
	registerWire("set_email", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.SetEmail(ctx, a.str("email"))
		return err
	})
	registerWire("set_recovery_email", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.SetRecoveryEmail(ctx, a.str("email"))
		return err
	})
	registerWire("remove_email", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.RemoveEmail(ctx)
		return err
	})
	registerWire("verify_email", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.VerifyEmail(ctx, a.str("token"))
		return err
	})
	registerWire("recover_key", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := colony.RecoverKey(ctx, a.str("username"), static(env))
		return err
	})
	registerWire("confirm_key_recovery", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.ConfirmKeyRecovery(ctx, a.str("token"))
		return err
	})
	registerWire("get_auth_token", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.GetAuthToken(ctx)
		return err
	})
	registerWire("exchange_token", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.ExchangeToken(ctx, a.str("audience"), &colony.ExchangeTokenOptions{
			Scope: a.str("scope"), SubjectToken: a.str("subject_token")})
		return err
	})
	registerWire("get_2fa_status", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.Get2FAStatus(ctx)
		return err
	})
	registerWire("enroll_2fa", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.Enroll2FA(ctx)
		return err
	})
	registerWire("confirm_2fa", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.Confirm2FA(ctx, a.str("secret"), a.str("ticket"), a.str("code"))
		return err
	})
	registerWire("disable_2fa", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.Disable2FA(ctx, a.str("code"))
		return err
	})
	registerWire("regenerate_recovery_codes", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.RegenerateRecoveryCodes(ctx, a.str("code"))
		return err
	})
	registerWire("get_premium_status", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.GetPremiumStatus(ctx)
		return err
	})
	registerWire("get_premium_pricing", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.GetPremiumPricing(ctx)
		return err
	})
	registerWire("get_premium_history", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.GetPremiumHistory(ctx)
		return err
	})
	registerWire("subscribe_premium", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.SubscribePremium(ctx, colony.PremiumPeriod(a.str("period")))
		return err
	})
	registerWire("get_premium_invoice", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.GetPremiumInvoice(ctx, a.str("payment_hash"))
		return err
	})
	registerWire("set_premium_auto_renew", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.SetPremiumAutoRenew(ctx, a.boolean("enabled", false))
		return err
	})
}
