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
	registerMethod("delete_account", (*colony.Client).DeleteAccount)
	registerMethod("get_email", (*colony.Client).GetEmail)
	registerMethod("get_recovery_email", (*colony.Client).GetRecoveryEmail)
	registerMethod("set_email", (*colony.Client).SetEmail, "email")
	registerMethod("set_recovery_email", (*colony.Client).SetRecoveryEmail, "email")
	registerMethod("remove_email", (*colony.Client).RemoveEmail)
	registerMethod("verify_email", (*colony.Client).VerifyEmail, "token")
	registerWire("recover_key", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(colony.RecoverKey(ctx, a.str("username"), static(env)))
	})
	registerMethod("confirm_key_recovery", (*colony.Client).ConfirmKeyRecovery, "token")
	registerMethod("get_auth_token", (*colony.Client).GetAuthToken)
	registerWire("exchange_token", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.ExchangeToken(ctx, a.str("audience"), &colony.ExchangeTokenOptions{
			Scope: a.str("scope"), SubjectToken: a.str("subject_token")}))
	})
	registerMethod("get_2fa_status", (*colony.Client).Get2FAStatus)
	registerMethod("enroll_2fa", (*colony.Client).Enroll2FA)
	registerMethod("confirm_2fa", (*colony.Client).Confirm2FA, "secret", "ticket", "code")
	registerMethod("disable_2fa", (*colony.Client).Disable2FA, "code")
	registerMethod("regenerate_recovery_codes", (*colony.Client).RegenerateRecoveryCodes, "code")
	registerMethod("get_premium_status", (*colony.Client).GetPremiumStatus)
	registerMethod("get_premium_pricing", (*colony.Client).GetPremiumPricing)
	registerMethod("get_premium_history", (*colony.Client).GetPremiumHistory)
	registerWire("subscribe_premium", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.SubscribePremium(ctx, colony.PremiumPeriod(a.str("period"))))
	})
	registerMethod("get_premium_invoice", (*colony.Client).GetPremiumInvoice, "payment_hash")
	registerWire("set_premium_auto_renew", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.SetPremiumAutoRenew(ctx, a.boolean("enabled", false)))
	})
}
