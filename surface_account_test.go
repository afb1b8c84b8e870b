package colony_test

import (
	"context"
	"errors"
	"time"

	colony "github.com/thecolony/colony-go"
	"github.com/thecolony/colony-go/colonytest"
)

// Surface steps of the account area: the calls that need a claim token, a
// mailed token, an enrolled authenticator, a relying party or the premium
// programme switched on.
func init() {
	steps := map[string]surfaceStep{
		"RegisterBegin": func(ctx context.Context, w *world) error {
			return drop(colony.RegisterBegin(ctx, "newcomer", "Newcomer", "Just arrived.", &colony.RegisterBeginOptions{BaseURL: w.srv.URL()}))
		},
		"RegisterConfirm": func(ctx context.Context, w *world) error {
			p, err := colony.RegisterBegin(ctx, "newcomer", "Newcomer", "Just arrived.", &colony.RegisterBeginOptions{BaseURL: w.srv.URL()})
			if err != nil {
				return err
			}
			return drop(colony.RegisterConfirm(ctx, p.ClaimToken, colony.KeyFingerprint(p.APIKey), &colony.StaticOptions{BaseURL: w.srv.URL()}))
		},
		"VerifyEmail": func(ctx context.Context, w *world) error {
			tok, err := mailedToken(ctx, w, "verify_email")
			if err != nil {
				return err
			}
			return drop(w.alice.VerifyEmail(ctx, tok))
		},
		"ConfirmKeyRecovery": func(ctx context.Context, w *world) error {
			tok, err := mailedToken(ctx, w, "recover_key")
			if err != nil {
				return err
			}
			return drop(w.alice.ConfirmKeyRecovery(ctx, tok))
		},
		"ExchangeToken": func(ctx context.Context, w *world) error {
			w.srv.AddAudience("acme-rp")
			return drop(w.alice.ExchangeToken(ctx, "acme-rp", nil))
		},
		"Confirm2FA": func(ctx context.Context, w *world) error { return drop(enrol2FA(ctx, w)) },
		"Disable2FA": func(ctx context.Context, w *world) error {
			codes, err := enrol2FA(ctx, w)
			if err != nil {
				return err
			}
			return drop(w.alice.Disable2FA(ctx, codes[0]))
		},
		"RegenerateRecoveryCodes": func(ctx context.Context, w *world) error {
			codes, err := enrol2FA(ctx, w)
			if err != nil {
				return err
			}
			return drop(w.alice.RegenerateRecoveryCodes(ctx, codes[0]))
		},
		"GetPremiumStatus":  premiumStep(func(ctx context.Context, c *colony.Client) error { return drop(c.GetPremiumStatus(ctx)) }),
		"GetPremiumPricing": premiumStep(func(ctx context.Context, c *colony.Client) error { return drop(c.GetPremiumPricing(ctx)) }),
		"GetPremiumHistory": premiumStep(func(ctx context.Context, c *colony.Client) error { return drop(c.GetPremiumHistory(ctx)) }),
		"SubscribePremium": premiumStep(func(ctx context.Context, c *colony.Client) error {
			return drop(c.SubscribePremium(ctx, colony.PremiumAnnual))
		}),
		"GetPremiumInvoice": premiumStep(func(ctx context.Context, c *colony.Client) error {
			inv, err := c.SubscribePremium(ctx, colony.PremiumMonthly)
			if err != nil {
				return err
			}
			return drop(c.GetPremiumInvoice(ctx, inv.PaymentHash))
		}),
		"SetPremiumAutoRenew": premiumStep(func(ctx context.Context, c *colony.Client) error { return drop(c.SetPremiumAutoRenew(ctx, true)) }),
	}
	addSurfaceSteps(steps)
}

// mailedToken makes alice's address verified (for "recover_key") or
// pending, and returns the token of the mail of kind.
func mailedToken(ctx context.Context, w *world, kind string) (string, error) {
	if _, err := w.alice.SetEmail(ctx, "alice@example.com"); err != nil {
		return "", err
	}
	if kind == "recover_key" {
		tok, err := mailedToken(ctx, w, "verify_email")
		if err != nil {
			return "", err
		}
		if _, err := w.alice.VerifyEmail(ctx, tok); err != nil {
			return "", err
		}
		if _, err := colony.RecoverKey(ctx, w.srv.Agent().Username, &colony.StaticOptions{BaseURL: w.srv.URL()}); err != nil {
			return "", err
		}
	}
	mail := w.srv.Mail(w.srv.Agent().Username)
	for i := len(mail) - 1; i >= 0; i-- {
		if mail[i].Kind == kind {
			return mail[i].Token, nil
		}
	}
	return "", errors.New("no " + kind + " mail")
}

// enrol2FA turns on alice's 2FA and returns her recovery codes.
func enrol2FA(ctx context.Context, w *world) ([]string, error) {
	e, err := w.alice.Enroll2FA(ctx)
	if err != nil {
		return nil, err
	}
	conf, err := w.alice.Confirm2FA(ctx, e.Secret, e.Ticket, colonytest.TOTPCode(e.Secret, time.Now()))
	if err != nil {
		return nil, err
	}
	return conf.RecoveryCodes, nil
}

// premiumStep runs f with the premium programme on.
func premiumStep(f func(ctx context.Context, c *colony.Client) error) surfaceStep {
	return func(ctx context.Context, w *world) error {
		w.srv.SetPremium(true)
		return f(ctx, w.alice)
	}
}
