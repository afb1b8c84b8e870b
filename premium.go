package colony

import (
	"context"
	"errors"
	"time"
)

// ErrPremiumUnavailable matches the answer of every premium route while
// the membership programme is off: 404 NOT_FOUND, before authentication.
// It is not a missing-route bug; GetPremiumPricing's ProgramEnabled says
// the same once the programme is on. It also matches ErrNotFound.
var ErrPremiumUnavailable = errors.New("colony: premium membership is not available on this server (the programme is off)")

// PremiumPeriod is the length of a premium membership.
type PremiumPeriod string

// Premium periods.
const (
	PremiumMonthly PremiumPeriod = "monthly"
	PremiumAnnual  PremiumPeriod = "annual"
)

// InvoiceStatus is the state of a premium Lightning invoice.
type InvoiceStatus string

// Invoice states: poll GetPremiumInvoice until it is active.
const (
	InvoicePending InvoiceStatus = "pending"
	InvoiceActive  InvoiceStatus = "active"
)

// PremiumStatus is the caller's membership.
type PremiumStatus struct {
	IsPremium bool `json:"is_premium"`
	// PremiumUntil is when the membership ends; nil when there is none.
	PremiumUntil  *time.Time    `json:"premium_until"`
	AutoRenew     bool          `json:"auto_renew"`
	CurrentPeriod PremiumPeriod `json:"current_period"`
	rawJSON
}

// PremiumPlan is one price of a membership.
type PremiumPlan struct {
	Period   PremiumPeriod `json:"period"`
	PriceUSD float64       `json:"price_usd"`
	// PriceSats is nil while the sat price is not set.
	PriceSats  *int64 `json:"price_sats"`
	PeriodDays int    `json:"period_days"`
	rawJSON
}

// PremiumPricing is the programme's state and plans.
type PremiumPricing struct {
	ProgramEnabled bool          `json:"program_enabled"`
	Plans          []PremiumPlan `json:"plans"`
	rawJSON
}

// PremiumMembership is one membership period, paid or pending.
type PremiumMembership struct {
	ID        string        `json:"id"`
	Period    PremiumPeriod `json:"period"`
	Status    InvoiceStatus `json:"status"`
	StartsAt  *time.Time    `json:"starts_at,omitempty"`
	EndsAt    *time.Time    `json:"ends_at,omitempty"`
	CreatedAt *time.Time    `json:"created_at,omitempty"`
	rawJSON
}

// PremiumInvoice is a Lightning invoice for a membership: pay
// PaymentRequest (BOLT 11), then poll GetPremiumInvoice until Status is
// InvoiceActive.
type PremiumInvoice struct {
	PaymentRequest string        `json:"payment_request"`
	AmountSats     int64         `json:"amount_sats"`
	PaymentHash    string        `json:"payment_hash"`
	Period         PremiumPeriod `json:"period"`
	Status         InvoiceStatus `json:"status"`
	MembershipID   string        `json:"membership_id"`
	rawJSON
}

// premiumCall is call with the programme-off 404 made ErrPremiumUnavailable.
func premiumCall[T any](ctx context.Context, c *Client, ep *endpoint, a args, opts []CallOption) (*T, error) {
	out, err := call[T](ctx, c, ep, a, opts)
	return out, premiumError(err)
}

// premiumError marks a 404 NOT_FOUND of a premium route as the programme
// being off.
func premiumError(err error) error {
	var e *APIError
	if errors.As(err, &e) && e.StatusCode == 404 && e.Code == "NOT_FOUND" && e.Err == nil {
		e.Err = ErrPremiumUnavailable
		e.Message = "premium membership is not available on this server (the programme is off, or no such invoice): " + e.Message
	}
	return err
}

// GetPremiumStatus returns the caller's membership. GET /premium/status.
// ErrPremiumUnavailable while the programme is off.
func (c *Client) GetPremiumStatus(ctx context.Context, opts ...CallOption) (*PremiumStatus, error) {
	return premiumCall[PremiumStatus](ctx, c, epGetPremiumStatus, args{}, opts)
}

// GetPremiumPricing returns the plans. GET /premium/pricing.
// ErrPremiumUnavailable while the programme is off.
func (c *Client) GetPremiumPricing(ctx context.Context, opts ...CallOption) (*PremiumPricing, error) {
	return premiumCall[PremiumPricing](ctx, c, epGetPremiumPricing, args{}, opts)
}

// GetPremiumHistory returns the caller's memberships, newest first. GET
// /premium/history (a bare array). ErrPremiumUnavailable while the
// programme is off.
func (c *Client) GetPremiumHistory(ctx context.Context, opts ...CallOption) ([]PremiumMembership, error) {
	out, err := premiumCall[[]PremiumMembership](ctx, c, epGetPremiumHistory, args{}, opts)
	if err != nil {
		return nil, err
	}
	return *out, nil
}

type subscribeBody struct {
	Period PremiumPeriod `json:"period"`
}

// SubscribePremium opens a Lightning invoice for a membership of period
// ("" means PremiumMonthly). POST /premium/subscribe. Renewals stack on the
// current period; 10 an hour. ErrPremiumUnavailable while the programme is
// off.
func (c *Client) SubscribePremium(ctx context.Context, period PremiumPeriod, opts ...CallOption) (*PremiumInvoice, error) {
	if period == "" {
		period = PremiumMonthly
	}
	if period != PremiumMonthly && period != PremiumAnnual {
		return nil, invalidParams(epSubscribePremium.goName, "period must be %q or %q, got %q", PremiumMonthly, PremiumAnnual, period)
	}
	return premiumCall[PremiumInvoice](ctx, c, epSubscribePremium, args{body: &subscribeBody{Period: period}}, opts)
}

// GetPremiumInvoice returns an invoice by its payment hash; poll it until
// Status is InvoiceActive. GET /premium/invoice/{payment_hash}.
// ErrPremiumUnavailable while the programme is off (or for an unknown hash).
func (c *Client) GetPremiumInvoice(ctx context.Context, paymentHash string, opts ...CallOption) (*PremiumInvoice, error) {
	if err := requireText(epGetPremiumInvoice.goName, "payment_hash", paymentHash); err != nil {
		return nil, err
	}
	return premiumCall[PremiumInvoice](ctx, c, epGetPremiumInvoice, ids(paymentHash), opts)
}

type autoRenewBody struct {
	Enabled bool `json:"enabled"`
}

// SetPremiumAutoRenew records whether the membership should renew. POST
// /premium/auto-renew. A preference only: nothing is debited
// automatically. 30 an hour. ErrPremiumUnavailable while the programme is
// off.
func (c *Client) SetPremiumAutoRenew(ctx context.Context, enabled bool, opts ...CallOption) (*PremiumStatus, error) {
	return premiumCall[PremiumStatus](ctx, c, epSetPremiumAutoRenew, args{body: &autoRenewBody{Enabled: enabled}}, opts)
}
