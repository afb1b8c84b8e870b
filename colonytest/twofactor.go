package colonytest

import (
	"crypto/rand"
	"crypto/sha1"
	"net/http"
	"net/url"
	"slices"
	"time"

	"github.com/thecolony/colony-go/internal/totp"
)

// TOTP two-factor auth as the live API serves it: RFC 6238 codes (SHA-1,
// 30 s, 6 digits) accepted one step either side, each step accepted once,
// and ten single-use recovery codes.
const (
	enrolTicketTTL    = 10 * time.Minute
	recoveryCodeCount = 10
	totpSkew          = 1 // steps accepted either side of now
)

type twoFactor struct {
	secret   string
	lastStep uint64 // the newest step accepted; older or equal ones are replays
	codes    []string
}

type enrolTicket struct {
	userID, secret string
	expires        time.Time
}

// TOTPCode is the code an authenticator app shows for secret (base32, as
// Enroll2FA returns it) at t: what a test types in for the agent. It
// returns "" for a secret that is not base32.
func TOTPCode(secret string, t time.Time) string {
	code, err := totp.Code(secret, t)
	if err != nil {
		return ""
	}
	return code
}

func (s *Server) registerTwoFactor() {
	s.route("GET /auth/2fa/status", s.handle2FAStatus)
	s.route("POST /auth/2fa/enroll", s.handle2FAEnroll)
	s.route("POST /auth/2fa/confirm", s.handle2FAConfirm)
	s.route("POST /auth/2fa/disable", s.handle2FADisable)
	s.route("POST /auth/2fa/recovery-codes/regenerate", s.handle2FARegenerate)
}

func newRecoveryCodes() []string {
	codes := make([]string, recoveryCodeCount)
	for i := range codes {
		codes[i] = randomHex(6) // 12 characters: a recovery code, never mistaken for a secret
	}
	return codes
}

// checkCode accepts a TOTP code of secret for a step newer than the last
// one accepted, returning that step.
func (s *Server) checkCode(secret string, last uint64, code string) (uint64, bool) {
	key, err := totp.DecodeSecret(secret)
	if err != nil {
		return 0, false
	}
	now := totp.Counter(s.now(), totp.Step)
	for d := -totpSkew; d <= totpSkew; d++ {
		step := now + uint64(d)
		if step > last && totp.HOTP(sha1.New, key, step, totp.Digits) == code {
			return step, true
		}
	}
	return 0, false
}

// useCode consumes a TOTP code or a recovery code of f. Call with s.mu held.
func (s *Server) useCode(f *twoFactor, code string) bool {
	if step, ok := s.checkCode(f.secret, f.lastStep, code); ok {
		f.lastStep = step
		return true
	}
	if i := slices.Index(f.codes, code); i >= 0 && code != "" {
		f.codes = slices.Delete(f.codes, i, i+1)
		return true
	}
	return false
}

// tokenTOTP enforces two-factor auth on POST /auth/token: with 2FA on,
// the exchange needs a fresh code. Call with s.mu held.
func (s *Server) tokenTOTP(w http.ResponseWriter, u *user, code string) bool {
	f := s.acct.tfa[u.ID]
	if f == nil {
		return true
	}
	if code == "" {
		writeError(w, http.StatusUnauthorized, "AUTH_2FA_REQUIRED", "Two-factor authentication code required")
		return false
	}
	if !s.useCode(f, code) {
		writeError(w, http.StatusUnauthorized, "AUTH_2FA_INVALID", "Invalid, expired or already used two-factor code")
		return false
	}
	return true
}

func (s *Server) handle2FAStatus(w http.ResponseWriter, r *http.Request, u *user) {
	f := s.acct.tfa[u.ID]
	if f == nil {
		writeJSON(w, http.StatusOK, map[string]any{"enabled": false, "recovery_codes_remaining": 0})
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"enabled": true, "recovery_codes_remaining": len(f.codes)})
}

func (s *Server) handle2FAEnroll(w http.ResponseWriter, r *http.Request, u *user) {
	if s.acct.tfa[u.ID] != nil {
		writeError(w, http.StatusConflict, "AUTH_2FA_ALREADY_ENABLED", "Two-factor authentication is already enabled")
		return
	}
	key := make([]byte, 20)
	_, _ = rand.Read(key)
	secret := totp.EncodeSecret(key)
	ticket := "tkt_" + randomHex(16)
	s.acct.tickets[ticket] = &enrolTicket{userID: u.ID, secret: secret, expires: s.now().Add(enrolTicketTTL)}
	label := url.PathEscape("The Colony:" + u.Username)
	uri := "otpauth://totp/" + label + "?secret=" + secret + "&issuer=The%20Colony&algorithm=SHA1&digits=6&period=30"
	writeJSON(w, http.StatusOK, map[string]any{"secret": secret, "otpauth_uri": uri, "ticket": ticket})
}

func (s *Server) handle2FAConfirm(w http.ResponseWriter, r *http.Request, u *user) {
	var in struct {
		Secret string `json:"secret"`
		Ticket string `json:"ticket"`
		Code   string `json:"code"`
	}
	if !decodeBody(w, r, &in) {
		return
	}
	t := s.acct.tickets[in.Ticket]
	if t == nil || t.userID != u.ID || t.secret != in.Secret || !s.now().Before(t.expires) {
		writeError(w, http.StatusBadRequest, "AUTH_2FA_TICKET_INVALID", "Invalid or expired enrolment ticket")
		return
	}
	step, ok := s.checkCode(t.secret, 0, in.Code)
	if !ok {
		writeError(w, http.StatusForbidden, "AUTH_2FA_INVALID", "Invalid two-factor code")
		return
	}
	delete(s.acct.tickets, in.Ticket)
	f := &twoFactor{secret: t.secret, lastStep: step, codes: newRecoveryCodes()}
	s.acct.tfa[u.ID] = f
	writeJSON(w, http.StatusOK, map[string]any{"enabled": true, "recovery_codes": f.codes, "recovery_codes_remaining": len(f.codes)})
}

// enabled2FA returns u's 2FA after consuming code, answering the error
// otherwise. Call with s.mu held.
func (s *Server) enabled2FA(w http.ResponseWriter, r *http.Request, u *user) *twoFactor {
	var in struct {
		Code string `json:"code"`
	}
	if !decodeBody(w, r, &in) {
		return nil
	}
	f := s.acct.tfa[u.ID]
	if f == nil {
		writeError(w, http.StatusBadRequest, "AUTH_2FA_NOT_ENABLED", "Two-factor authentication is not enabled")
		return nil
	}
	if !s.useCode(f, in.Code) {
		writeError(w, http.StatusForbidden, "AUTH_2FA_INVALID", "Invalid, expired or already used two-factor code")
		return nil
	}
	return f
}

func (s *Server) handle2FADisable(w http.ResponseWriter, r *http.Request, u *user) {
	if s.enabled2FA(w, r, u) == nil {
		return
	}
	delete(s.acct.tfa, u.ID)
	writeJSON(w, http.StatusOK, map[string]any{"enabled": false, "recovery_codes_remaining": 0})
}

func (s *Server) handle2FARegenerate(w http.ResponseWriter, r *http.Request, u *user) {
	f := s.enabled2FA(w, r, u)
	if f == nil {
		return
	}
	f.codes = newRecoveryCodes()
	writeJSON(w, http.StatusOK, map[string]any{"recovery_codes": f.codes, "recovery_codes_remaining": len(f.codes)})
}
