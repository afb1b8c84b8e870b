package colonytest

import (
	"net/http"
	"slices"
	"time"
)

// Premium membership as the live API serves it: invisible (404 NOT_FOUND on
// every route, before authentication) until SetPremium(true); Lightning
// invoices that a test settles with PayInvoice; renewals that stack.

type premiumPlan struct {
	period string
	usd    float64
	sats   int64
	days   int
}

var premiumPlans = []premiumPlan{{"monthly", 5.0, 5000, 30}, {"annual", 50.0, 50000, 365}}

type premiumRec struct {
	until     time.Time
	autoRenew bool
	period    string
	history   []*invoice // newest last
}

type invoice struct {
	hash, membershipID, period, status string
	sats                               int64
	userID                             string
	created, starts, ends              time.Time
}

func (s *Server) registerPremium() {
	s.premiumRoute("GET /premium/status", s.handlePremiumStatus)
	s.premiumRoute("GET /premium/pricing", s.handlePremiumPricing)
	s.premiumRoute("GET /premium/history", s.handlePremiumHistory)
	s.premiumRoute("POST /premium/subscribe", s.handlePremiumSubscribe)
	s.premiumRoute("GET /premium/invoice/{payment_hash}", s.handlePremiumInvoice)
	s.premiumRoute("POST /premium/auto-renew", s.handlePremiumAutoRenew)
}

// premiumRoute answers 404 NOT_FOUND while the programme is off, before
// authenticating; then it is an authenticated route.
func (s *Server) premiumRoute(pattern string, h apiHandler) {
	s.publicRoute(pattern, func(w http.ResponseWriter, r *http.Request, _ *user) {
		if !s.acct.premiumOn {
			writeError(w, http.StatusNotFound, "NOT_FOUND", "Not found")
			return
		}
		u, ok := s.authenticate(w, r)
		if !ok {
			return
		}
		h(w, r, u)
	})
}

// SetPremium turns the premium programme on or off (off by default, as on
// the live API today).
func (s *Server) SetPremium(on bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.acct.premiumOn = on
}

// PayInvoice settles a pending Lightning invoice (premium, a boost or a
// tip) as if its payment arrived, and reports whether the server had issued
// an unpaid invoice with that payment hash. A premium membership starts (or
// stacks on the current one); a boost starts running; a tip gets paid_at.
func (s *Server) PayInvoice(paymentHash string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.payPremiumLocked(paymentHash) || s.payBoostOrTipLocked(paymentHash)
}

func (s *Server) payPremiumLocked(paymentHash string) bool {
	inv := s.acct.invoices[paymentHash]
	if inv == nil || inv.status != "pending" {
		return false
	}
	p := s.premiumOf(inv.userID)
	start := s.now()
	if p.until.After(start) {
		start = p.until // renewals stack
	}
	plan := planFor(inv.period)
	inv.status, inv.starts, inv.ends = "active", start, start.Add(time.Duration(plan.days)*24*time.Hour)
	p.until, p.period = inv.ends, inv.period
	return true
}

func planFor(period string) premiumPlan {
	for _, p := range premiumPlans {
		if p.period == period {
			return p
		}
	}
	return premiumPlans[0]
}

func (s *Server) premiumOf(userID string) *premiumRec {
	return entry(s.acct.premium, userID, func() *premiumRec { return &premiumRec{} })
}

func (s *Server) premiumStatus(p *premiumRec) map[string]any {
	active := s.now().Before(p.until)
	var period any
	if active {
		period = p.period
	}
	return map[string]any{"is_premium": active, "premium_until": tsOrNil(p.until), "auto_renew": p.autoRenew, "current_period": period}
}

func (inv *invoice) render() map[string]any {
	return map[string]any{"payment_request": "lnbc" + inv.hash[:10], "amount_sats": inv.sats, "payment_hash": inv.hash,
		"period": inv.period, "status": inv.status, "membership_id": inv.membershipID}
}

func (s *Server) handlePremiumStatus(w http.ResponseWriter, r *http.Request, u *user) {
	writeJSON(w, http.StatusOK, s.premiumStatus(s.premiumOf(u.ID)))
}

func (s *Server) handlePremiumPricing(w http.ResponseWriter, r *http.Request, u *user) {
	plans := []any{}
	for _, p := range premiumPlans {
		plans = append(plans, map[string]any{"period": p.period, "price_usd": p.usd, "price_sats": p.sats, "period_days": p.days})
	}
	writeJSON(w, http.StatusOK, map[string]any{"program_enabled": true, "plans": plans})
}

func (s *Server) handlePremiumHistory(w http.ResponseWriter, r *http.Request, u *user) {
	out := []any{}
	for _, inv := range slices.Backward(s.premiumOf(u.ID).history) {
		out = append(out, map[string]any{"id": inv.membershipID, "period": inv.period, "status": inv.status,
			"starts_at": tsOrNil(inv.starts), "ends_at": tsOrNil(inv.ends), "created_at": ts(inv.created)})
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) handlePremiumSubscribe(w http.ResponseWriter, r *http.Request, u *user) {
	var in struct {
		Period string `json:"period"`
	}
	if !decodeBody(w, r, &in) {
		return
	}
	if in.Period != "monthly" && in.Period != "annual" {
		validationError(w, []string{"body", "period"}, "must be 'monthly' or 'annual'")
		return
	}
	plan := planFor(in.Period)
	inv := &invoice{hash: randomHex(32), membershipID: newID(), period: in.Period, status: "pending", sats: plan.sats,
		userID: u.ID, created: s.now()}
	s.acct.invoices[inv.hash] = inv
	p := s.premiumOf(u.ID)
	p.history = append(p.history, inv)
	writeJSON(w, http.StatusOK, inv.render())
}

func (s *Server) handlePremiumInvoice(w http.ResponseWriter, r *http.Request, u *user) {
	if inv, ok := found(w, s.acct.invoices, r.PathValue("payment_hash"), "Invoice",
		func(inv *invoice) bool { return inv.userID == u.ID }); ok {
		writeJSON(w, http.StatusOK, inv.render())
	}
}

func (s *Server) handlePremiumAutoRenew(w http.ResponseWriter, r *http.Request, u *user) {
	var in struct {
		Enabled *bool `json:"enabled"`
	}
	if !decodeBody(w, r, &in) {
		return
	}
	if in.Enabled == nil {
		validationError(w, []string{"body", "enabled"}, "field required")
		return
	}
	p := s.premiumOf(u.ID)
	p.autoRenew = *in.Enabled
	writeJSON(w, http.StatusOK, s.premiumStatus(p))
}
