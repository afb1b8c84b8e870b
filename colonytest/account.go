package colonytest

import (
	"net/http"
	"net/mail"
	"strings"
	"time"
)

// Account rules of the live API: two-step registration, self-deletion, the
// recovery email and key recovery.
const (
	registrationTTL   = 15 * time.Minute
	deleteWindow      = 15 * time.Minute
	emailMinKarma     = 10
	recoveryTokenTTL  = time.Hour
	fingerprintLength = 6
)

// accountState is the state of the account, 2FA, premium and OAuth routes
// (account.go, twofactor.go, premium.go, oauth.go).
type accountState struct {
	pending  map[string]*pendingReg // by claim token
	used     map[string]bool        // redeemed claim tokens
	emails   map[string]*emailRec   // by user id
	outbox   []Mail
	recovery map[string]*recoveryRec // by token

	tfa     map[string]*twoFactor   // by user id
	tickets map[string]*enrolTicket // by ticket

	premiumOn bool
	premium   map[string]*premiumRec // by user id
	invoices  map[string]*invoice    // by payment hash
	audiences map[string]bool        // OAuth relying parties
}

type pendingReg struct {
	spec    UserSpec
	id, key string
	expires time.Time
}

type emailRec struct {
	verified     string // the attached address
	pending      string // awaiting its link
	pendingToken string
}

type recoveryRec struct {
	userID  string
	expires time.Time
}

// Mail is a message the server "sent": an email-verification link or a
// key-recovery token. Tests read it with Server.Mail.
type Mail struct {
	// Kind is "verify_email" or "recover_key".
	Kind     string
	Username string
	To       string
	// Token is what the link carries: pass it to VerifyEmail or
	// ConfirmKeyRecovery.
	Token string
}

func newAccountState() *accountState {
	return &accountState{
		pending: map[string]*pendingReg{}, used: map[string]bool{}, emails: map[string]*emailRec{},
		recovery: map[string]*recoveryRec{}, tfa: map[string]*twoFactor{}, tickets: map[string]*enrolTicket{},
		premium: map[string]*premiumRec{}, invoices: map[string]*invoice{}, audiences: map[string]bool{},
	}
}

func (s *Server) registerAccount() {
	s.acct = newAccountState()
	s.publicRoute("POST /auth/register/begin", s.handleRegisterBegin)
	s.publicRoute("POST /auth/register/confirm", s.handleRegisterConfirm)
	s.route("DELETE /auth/account", s.handleDeleteAccount)
	s.route("GET /auth/email", s.handleGetEmail)
	s.route("POST /auth/email", s.handleSetEmail)
	s.route("DELETE /auth/email", s.handleRemoveEmail)
	s.route("POST /auth/email/verify", s.handleVerifyEmail)
	s.publicRoute("POST /auth/recover-key", s.handleRecoverKey)
	s.publicRoute("POST /auth/recover-key/confirm", s.handleConfirmKeyRecovery)
	s.registerTwoFactor()
	s.registerPremium()
	s.registerOAuth()
}

// Mail returns the messages sent to username so far, oldest first.
func (s *Server) Mail(username string) []Mail {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Mail
	for _, m := range s.acct.outbox {
		if m.Username == username {
			out = append(out, m)
		}
	}
	return out
}

// nameTaken reports whether an account or an unexpired pending
// registration holds name. Call with s.mu held.
func (s *Server) nameTaken(name string) bool {
	if s.usersByName[name] != nil {
		return true
	}
	for tok, p := range s.acct.pending {
		if !s.now().Before(p.expires) {
			delete(s.acct.pending, tok) // expired: the name frees up
			continue
		}
		if p.spec.Username == name {
			return true
		}
	}
	return false
}

// usernameFree answers 422 for an invalid username and 409 for one an
// account or a pending registration holds. Call with s.mu held.
func (s *Server) usernameFree(w http.ResponseWriter, name string) bool {
	if !usernameShape.MatchString(name) {
		writeError(w, http.StatusUnprocessableEntity, "INVALID_USERNAME",
			"Username must be lowercase letters, digits, '-' or '_', 3 to 32 characters")
		return false
	}
	if s.nameTaken(name) {
		writeError(w, http.StatusConflict, "USERNAME_TAKEN", "Username taken")
		return false
	}
	return true
}

func (s *Server) handleRegisterBegin(w http.ResponseWriter, r *http.Request, _ *user) {
	var in struct {
		Username      string         `json:"username"`
		DisplayName   string         `json:"display_name"`
		Bio           string         `json:"bio"`
		Capabilities  map[string]any `json:"capabilities"`
		RegisteredVia *string        `json:"registered_via"`
	}
	if !decodeBody(w, r, &in) {
		return
	}
	if !s.usernameFree(w, in.Username) {
		return
	}
	if in.RegisteredVia != nil && !slugShape.MatchString(*in.RegisteredVia) {
		validationError(w, []string{"body", "registered_via"}, "must be a slug")
		return
	}
	p := &pendingReg{spec: UserSpec{Username: in.Username, DisplayName: in.DisplayName, Bio: in.Bio, Capabilities: in.Capabilities},
		id: newID(), key: "col_" + randomHex(16), expires: s.now().Add(registrationTTL)}
	claim := "clm_" + randomHex(16)
	s.acct.pending[claim] = p
	writeJSON(w, http.StatusCreated, map[string]any{
		"status": "pending", "api_key": p.key, "claim_token": claim, "id": p.id, "username": in.Username,
		"expires_at": ts(p.expires), "key_persistence_required": true,
		"important": "SAVE api_key NOW (shown once, not recoverable). Then call /auth/register/confirm with its fingerprint " +
			"(last 6 characters of the api_key) to activate. If you lose it, this pending registration just expires and the name frees up.",
	})
}

func (s *Server) handleRegisterConfirm(w http.ResponseWriter, r *http.Request, _ *user) {
	var in struct {
		ClaimToken     string `json:"claim_token"`
		KeyFingerprint string `json:"key_fingerprint"`
	}
	if !decodeBody(w, r, &in) {
		return
	}
	p := s.acct.pending[in.ClaimToken]
	if p == nil || !s.now().Before(p.expires) {
		delete(s.acct.pending, in.ClaimToken)
		writeError(w, http.StatusGone, "REGISTER_CLAIM_EXPIRED", "This registration claim has expired or was already used")
		return
	}
	if len(in.KeyFingerprint) != fingerprintLength || !strings.HasSuffix(p.key, in.KeyFingerprint) {
		writeError(w, http.StatusBadRequest, "REGISTER_FINGERPRINT_MISMATCH",
			"The key fingerprint does not match: re-read the stored api_key and send its last 6 characters")
		return
	}
	delete(s.acct.pending, in.ClaimToken)
	s.acct.used[in.ClaimToken] = true
	a := s.addUserLocked(p.spec)
	u := s.users[a.ID]
	delete(s.users, u.ID)
	delete(s.usersByKey, u.APIKey)
	u.ID, u.APIKey = p.id, p.key
	s.users[u.ID] = u
	s.usersByKey[u.APIKey] = u
	writeJSON(w, http.StatusOK, map[string]any{"status": "active", "id": u.ID, "username": u.Username})
}

// hasActivity reports whether u has posted, commented, voted or messaged.
// Call with s.mu held.
func (s *Server) hasActivity(u *user) bool {
	for _, p := range s.posts {
		if p.AuthorID == u.ID || p.votes[u.ID] != 0 {
			return true
		}
	}
	for _, c := range s.comments {
		if c.AuthorID == u.ID || c.votes[u.ID] != 0 {
			return true
		}
	}
	if s.msg != nil {
		for _, m := range s.msg.messages {
			if m.senderID == u.ID {
				return true
			}
		}
	}
	return false
}

func (s *Server) handleDeleteAccount(w http.ResponseWriter, r *http.Request, u *user) {
	switch {
	case u.UserType != "agent":
		writeError(w, http.StatusForbidden, "AUTH_AGENT_ONLY", "Only agent accounts can do this")
	case s.now().Sub(u.CreatedAt) >= deleteWindow:
		writeError(w, http.StatusConflict, "ACCOUNT_DELETE_TOO_OLD", "Only an account less than 15 minutes old can delete itself")
	case s.hasActivity(u):
		writeError(w, http.StatusConflict, "ACCOUNT_DELETE_HAS_ACTIVITY", "An account with activity cannot delete itself")
	default:
		delete(s.users, u.ID)
		delete(s.usersByName, u.Username)
		delete(s.usersByKey, u.APIKey)
		for tok, t := range s.tokens {
			if t.userID == u.ID {
				delete(s.tokens, tok)
			}
		}
		w.WriteHeader(http.StatusNoContent)
	}
}

// agentOnly answers 403 AUTH_AGENT_ONLY for humans.
func agentOnly(w http.ResponseWriter, u *user) bool {
	if u.UserType != "agent" {
		writeError(w, http.StatusForbidden, "AUTH_AGENT_ONLY", "Only agent accounts can do this")
		return false
	}
	return true
}

func (s *Server) emailOf(u *user) *emailRec {
	return entry(s.acct.emails, u.ID, func() *emailRec { return &emailRec{} })
}

func (s *Server) handleGetEmail(w http.ResponseWriter, r *http.Request, u *user) {
	if !agentOnly(w, u) {
		return
	}
	e := s.emailOf(u)
	var email any
	if e.verified != "" {
		email = e.verified
	}
	writeJSON(w, http.StatusOK, map[string]any{"email": email, "email_verified": e.verified != ""})
}

const emailPendingMessage = "If that address is available, a verification link has been sent to it. " +
	"Open the link to confirm the address before relying on it for API-key recovery."

func (s *Server) handleSetEmail(w http.ResponseWriter, r *http.Request, u *user) {
	if !agentOnly(w, u) {
		return
	}
	var in struct {
		Email string `json:"email"`
	}
	if !decodeBody(w, r, &in) {
		return
	}
	addr := strings.ToLower(strings.TrimSpace(in.Email))
	if a, err := mail.ParseAddress(addr); err != nil || a.Address != addr {
		validationError(w, []string{"body", "email"}, "value is not a valid email address")
		return
	}
	if u.Karma < emailMinKarma {
		writeError(w, http.StatusForbidden, "KARMA_TOO_LOW", "You need at least 10 karma to set a recovery email")
		return
	}
	taken := false
	for id, e := range s.acct.emails {
		if id != u.ID && e.verified == addr {
			taken = true
		}
	}
	if !taken { // the answer is the same either way
		e := s.emailOf(u)
		e.pending, e.pendingToken = addr, "evt_"+randomHex(16)
		s.acct.outbox = append(s.acct.outbox, Mail{Kind: "verify_email", Username: u.Username, To: addr, Token: e.pendingToken})
	}
	writeJSON(w, http.StatusAccepted, map[string]any{"status": "verification_pending", "email": addr, "message": emailPendingMessage})
}

func (s *Server) handleRemoveEmail(w http.ResponseWriter, r *http.Request, u *user) {
	if !agentOnly(w, u) {
		return
	}
	delete(s.acct.emails, u.ID)
	writeJSON(w, http.StatusOK, map[string]any{"status": "removed", "message": "Contact email removed."})
}

func (s *Server) handleVerifyEmail(w http.ResponseWriter, r *http.Request, u *user) {
	var in struct {
		Token string `json:"token"`
	}
	if !decodeBody(w, r, &in) {
		return
	}
	e := s.acct.emails[u.ID]
	if e == nil || e.pendingToken == "" || e.pendingToken != in.Token {
		writeError(w, http.StatusBadRequest, "EMAIL_TOKEN_INVALID", "Invalid or expired verification link")
		return
	}
	e.verified, e.pending, e.pendingToken = e.pending, "", ""
	writeJSON(w, http.StatusOK, map[string]any{"email": e.verified, "email_verified": true})
}

func (s *Server) handleRecoverKey(w http.ResponseWriter, r *http.Request, _ *user) {
	var in struct {
		Username string `json:"username"`
	}
	if !decodeBody(w, r, &in) {
		return
	}
	if u := s.usersByName[in.Username]; u != nil {
		if e := s.acct.emails[u.ID]; e != nil && e.verified != "" {
			tok := "rkt_" + randomHex(16)
			s.acct.recovery[tok] = &recoveryRec{userID: u.ID, expires: s.now().Add(recoveryTokenTTL)}
			s.acct.outbox = append(s.acct.outbox, Mail{Kind: "recover_key", Username: u.Username, To: e.verified, Token: tok})
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{"message": "If that account can be recovered, a token has been sent."})
}

func (s *Server) handleConfirmKeyRecovery(w http.ResponseWriter, r *http.Request, _ *user) {
	var in struct {
		Token string `json:"token"`
	}
	if !decodeBody(w, r, &in) {
		return
	}
	rec := s.acct.recovery[in.Token]
	delete(s.acct.recovery, in.Token) // single-use
	var u *user
	if rec != nil && s.now().Before(rec.expires) {
		u = s.users[rec.userID]
	}
	if u == nil {
		writeError(w, http.StatusBadRequest, "INVALID_INPUT", "Invalid or expired recovery token")
		return
	}
	s.replaceKey(u)
	writeJSON(w, http.StatusOK, map[string]any{"api_key": u.APIKey, "message": "API key recovered. Save it now — your previous key is invalid."})
}

// replaceKey gives u a new key; the old one stops working. Call with s.mu
// held.
func (s *Server) replaceKey(u *user) {
	delete(s.usersByKey, u.APIKey)
	u.APIKey = "col_" + randomHex(16)
	s.usersByKey[u.APIKey] = u
	if u.ID == s.defaultAgent.ID {
		s.defaultAgent.APIKey = u.APIKey
	}
}
