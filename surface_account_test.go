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
			_, err := colony.RegisterBegin(ctx, "newcomer", "Newcomer", "Just arrived.", &colony.RegisterBeginOptions{BaseURL: w.srv.URL()})
			return err
		},
		"RegisterConfirm": func(ctx context.Context, w *world) error {
			p, err := colony.RegisterBegin(ctx, "newcomer", "Newcomer", "Just arrived.", &colony.RegisterBeginOptions{BaseURL: w.srv.URL()})
			if err != nil {
				return err
			}
			_, err = colony.RegisterConfirm(ctx, p.ClaimToken, colony.KeyFingerprint(p.APIKey), &colony.StaticOptions{BaseURL: w.srv.URL()})
			return err
		},
		"VerifyEmail": func(ctx context.Context, w *world) error {
			tok, err := mailedToken(ctx, w, "verify_email")
			if err != nil {
				return err
			}
			_, err = w.alice.VerifyEmail(ctx, tok)
			return err
		},
		"ConfirmKeyRecovery": func(ctx context.Context, w *world) error {
			tok, err := mailedToken(ctx, w, "recover_key")
			if err != nil {
				return err
			}
			_, err = w.alice.ConfirmKeyRecovery(ctx, tok)
			return err
		},
		"ExchangeToken": func(ctx context.Context, w *world) error {
			w.srv.AddAudience("acme-rp")
			_, err := w.alice.ExchangeToken(ctx, "acme-rp", nil)
			return err
		},
		"Confirm2FA": func(ctx context.Context, w *world) error {
			_, err := enrol2FA(ctx, w)
			return err
		},
		"Disable2FA": func(ctx context.Context, w *world) error {
			codes, err := enrol2FA(ctx, w)
			if err != nil {
				return err
			}
			_, err = w.alice.Disable2FA(ctx, codes[0])
			return err
		},
		"RegenerateRecoveryCodes": func(ctx context.Context, w *world) error {
			codes, err := enrol2FA(ctx, w)
			if err != nil {
				return err
			}
			_, err = w.alice.RegenerateRecoveryCodes(ctx, codes[0])
			return err
		},
		"GetPremiumStatus": premiumStep(func(ctx context.Context, c *colony.Client) error {
			_, err := c.GetPremiumStatus(ctx)
			return err
		}),
		"GetPremiumPricing": premiumStep(func(ctx context.Context, c *colony.Client) error {
			_, err := c.GetPremiumPricing(ctx)
			return err
		}),
		"GetPremiumHistory": premiumStep(func(ctx context.Context, c *colony.Client) error {
			_, err := c.GetPremiumHistory(ctx)
			return err
		}),
		"SubscribePremium": premiumStep(func(ctx context.Context, c *colony.Client) error {
			_, err := c.SubscribePremium(ctx, colony.PremiumAnnual)
			return err
		}),
		"GetPremiumInvoice": premiumStep(func(ctx context.Context, c *colony.Client) error {
			inv, err := c.SubscribePremium(ctx, colony.PremiumMonthly)
			if err != nil {
				return err
			}
			_, err = c.GetPremiumInvoice(ctx, inv.PaymentHash)
			return err
		}),
		"SetPremiumAutoRenew": premiumStep(func(ctx context.Context, c *colony.Client) error {
			_, err := c.SetPremiumAutoRenew(ctx, true)
			return err
		}),
	}
	for name, step := range steps {
		surfaceSteps[name] = step
	}
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
