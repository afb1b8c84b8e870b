package colonytest

import "time"

// The account state in the state file (WithStateFile, the sandbox): the
// snapshot of account.go, twofactor.go, premium.go and oauth.go. Secrets
// the live server keeps (pending keys, recovery and email tokens, TOTP
// secrets and recovery codes) are kept as the users' API keys are: the
// file is written with mode 0600. A premium membership's history names its
// invoices by payment hash, so the restored history and the invoice table
// share their records again.

type accountSnap struct {
	Pending   map[string]pendingSnap   `json:"pending_registrations"` // by claim token
	Used      map[string]bool          `json:"redeemed_claims"`
	Emails    map[string]emailSnap     `json:"emails"`
	Outbox    []Mail                   `json:"outbox"`
	Recovery  map[string]recoverySnap  `json:"key_recovery"` // by token
	TFA       map[string]twoFactorSnap `json:"two_factor"`
	Tickets   map[string]ticketSnap    `json:"enrolment_tickets"`
	PremiumOn bool                     `json:"premium_on"`
	Premium   map[string]premiumSnap   `json:"premium"`
	Invoices  map[string]invoiceSnap   `json:"invoices"` // by payment hash
	Audiences map[string]bool          `json:"oauth_audiences"`
}

type pendingSnap struct {
	Spec    UserSpec  `json:"spec"`
	ID      string    `json:"id"`
	Key     string    `json:"api_key"`
	Expires time.Time `json:"expires"`
}

type emailSnap struct {
	Verified     string `json:"verified"`
	Pending      string `json:"pending"`
	PendingToken string `json:"pending_token"`
}

type recoverySnap struct {
	UserID  string    `json:"user_id"`
	Expires time.Time `json:"expires"`
}

type twoFactorSnap struct {
	Secret   string   `json:"secret"`
	LastStep uint64   `json:"last_step"`
	Codes    []string `json:"recovery_codes"`
}

type ticketSnap struct {
	UserID  string    `json:"user_id"`
	Secret  string    `json:"secret"`
	Expires time.Time `json:"expires"`
}

type premiumSnap struct {
	Until     time.Time `json:"until"`
	AutoRenew bool      `json:"auto_renew"`
	Period    string    `json:"period"`
	History   []string  `json:"history"` // payment hashes, oldest first
}

type invoiceSnap struct {
	Hash         string    `json:"hash"`
	MembershipID string    `json:"membership_id"`
	Period       string    `json:"period"`
	Status       string    `json:"status"`
	Sats         int64     `json:"sats"`
	UserID       string    `json:"user_id"`
	Created      time.Time `json:"created"`
	Starts       time.Time `json:"starts"`
	Ends         time.Time `json:"ends"`
}

// snapshot copies the account state for the state file. Call with s.mu
// held.
func (st *accountState) snapshot() *accountSnap {
	return &accountSnap{Used: st.used, Outbox: st.outbox, PremiumOn: st.premiumOn, Audiences: st.audiences,
		Pending: convertMap(st.pending, func(p *pendingReg) pendingSnap {
			return pendingSnap{Spec: p.spec, ID: p.id, Key: p.key, Expires: p.expires}
		}),
		Emails: convertMap(st.emails, func(e *emailRec) emailSnap {
			return emailSnap{Verified: e.verified, Pending: e.pending, PendingToken: e.pendingToken}
		}),
		Recovery: convertMap(st.recovery, func(r *recoveryRec) recoverySnap { return recoverySnap{UserID: r.userID, Expires: r.expires} }),
		TFA: convertMap(st.tfa, func(f *twoFactor) twoFactorSnap {
			return twoFactorSnap{Secret: f.secret, LastStep: f.lastStep, Codes: f.codes}
		}),
		Tickets: convertMap(st.tickets, func(t *enrolTicket) ticketSnap {
			return ticketSnap{UserID: t.userID, Secret: t.secret, Expires: t.expires}
		}),
		Premium: convertMap(st.premium, func(p *premiumRec) premiumSnap {
			return premiumSnap{Until: p.until, AutoRenew: p.autoRenew, Period: p.period,
				History: convertList(p.history, func(inv *invoice) string { return inv.hash })}
		}),
		Invoices: convertMap(st.invoices, func(inv *invoice) invoiceSnap {
			return invoiceSnap{Hash: inv.hash, MembershipID: inv.membershipID, Period: inv.period,
				Status: inv.status, Sats: inv.sats, UserID: inv.userID, Created: inv.created, Starts: inv.starts, Ends: inv.ends}
		}),
	}
}

// restore replaces the account state with snap's; a file written before
// it was saved (snap nil) leaves it empty.
func (st *accountState) restore(snap *accountSnap) {
	*st = *newAccountState()
	if snap == nil {
		return
	}
	st.used, st.outbox, st.premiumOn, st.audiences = orEmpty(snap.Used), snap.Outbox, snap.PremiumOn, orEmpty(snap.Audiences)
	st.pending = convertMap(snap.Pending, func(p pendingSnap) *pendingReg {
		return &pendingReg{spec: p.Spec, id: p.ID, key: p.Key, expires: p.Expires}
	})
	st.emails = convertMap(snap.Emails, func(e emailSnap) *emailRec {
		return &emailRec{verified: e.Verified, pending: e.Pending, pendingToken: e.PendingToken}
	})
	st.recovery = convertMap(snap.Recovery, func(r recoverySnap) *recoveryRec { return &recoveryRec{userID: r.UserID, expires: r.Expires} })
	st.tfa = convertMap(snap.TFA, func(f twoFactorSnap) *twoFactor {
		return &twoFactor{secret: f.Secret, lastStep: f.LastStep, codes: f.Codes}
	})
	st.tickets = convertMap(snap.Tickets, func(t ticketSnap) *enrolTicket {
		return &enrolTicket{userID: t.UserID, secret: t.Secret, expires: t.Expires}
	})
	st.invoices = convertMap(snap.Invoices, func(inv invoiceSnap) *invoice {
		return &invoice{hash: inv.Hash, membershipID: inv.MembershipID, period: inv.Period,
			status: inv.Status, sats: inv.Sats, userID: inv.UserID, created: inv.Created, starts: inv.Starts, ends: inv.Ends}
	})
	for id, ps := range snap.Premium {
		p := &premiumRec{until: ps.Until, autoRenew: ps.AutoRenew, period: ps.Period}
		for _, hash := range ps.History {
			if inv := st.invoices[hash]; inv != nil {
				p.history = append(p.history, inv)
			}
		}
		st.premium[id] = p
	}
}
