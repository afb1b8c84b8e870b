package colony

import (
	"context"
	"fmt"
	"io"
	"net/http"
)

// Two-factor errors. Both also match ErrAuth.
var (
	// ErrTwoFactorRequired matches a token exchange refused for want of a
	// TOTP code (401/403 with code AUTH_2FA_REQUIRED; Python:
	// ColonyTwoFactorRequiredError), and the local refusal of a second
	// exchange with a one-shot WithTOTPCode. Configure WithTOTP.
	ErrTwoFactorRequired error = &authError{"colony: two-factor code required"}
	// ErrTwoFactorInvalid matches a wrong, expired or replayed TOTP or
	// recovery code (401/403 with code AUTH_2FA_INVALID; Python:
	// ColonyTwoFactorInvalidError). A code is accepted once: the next
	// exchange needs the next 30-second window.
	ErrTwoFactorInvalid error = &authError{"colony: two-factor code invalid"}
)

// authError is a sentinel that also matches ErrAuth.
type authError struct{ msg string }

func (e *authError) Error() string { return e.msg }

// Is matches ErrAuth.
func (e *authError) Is(target error) bool { return target == ErrAuth }

// Machine codes of the two-factor errors.
const (
	codeTwoFactorRequired = "AUTH_2FA_REQUIRED"
	codeTwoFactorInvalid  = "AUTH_2FA_INVALID"
)

// codeHints override the per-status hint of an error with that code: a
// missing or replayed TOTP code must not send the user to check a healthy
// API key.
var codeHints = map[string]string{
	codeTwoFactorRequired: "two-factor auth is on for this account — configure WithTOTP so every token exchange carries a code",
	codeTwoFactorInvalid:  "the TOTP or recovery code was wrong, expired or already used — codes are single-use, wait for the next one",
}

// isTwoFactor reports whether a 401/403 answer carries the code of target.
func (e *APIError) isTwoFactor(target error) bool {
	if e.StatusCode != http.StatusUnauthorized && e.StatusCode != http.StatusForbidden {
		return false
	}
	if target == ErrTwoFactorRequired {
		return e.Code == codeTwoFactorRequired
	}
	return e.Code == codeTwoFactorInvalid
}

// printOnly makes a type print only its String, whatever the verb (%v, %+v,
// %#v), so a result carrying a secret cannot leak through a log line.
func printOnly(f fmt.State, s string) { _, _ = io.WriteString(f, s) }

// TwoFactorStatus is whether TOTP two-factor auth is on, and how many
// recovery codes are left.
type TwoFactorStatus struct {
	Enabled                bool `json:"enabled"`
	RecoveryCodesRemaining int  `json:"recovery_codes_remaining"`
	rawJSON
}

// TwoFactorEnrollment is a pending enrolment: the secret to load into an
// authenticator (Secret, or OTPAuthURI as a QR code) and the signed Ticket
// that Confirm2FA needs with the first code. Nothing is stored server-side
// until Confirm2FA succeeds. String and Format redact the secret and the
// ticket; RawJSON holds the whole answer.
type TwoFactorEnrollment struct {
	Secret     string `json:"secret"`
	OTPAuthURI string `json:"otpauth_uri"`
	Ticket     string `json:"ticket"`
	rawJSON
}

// String hides the secret, the URI (which carries it) and the ticket.
func (e *TwoFactorEnrollment) String() string {
	return "colony.TwoFactorEnrollment{Secret: REDACTED, OTPAuthURI: REDACTED, Ticket: REDACTED}"
}

// Format prints String for every verb.
func (e *TwoFactorEnrollment) Format(f fmt.State, _ rune) { printOnly(f, e.String()) }

// TwoFactorConfirmation is the answer of Confirm2FA: two-factor auth is on,
// and RecoveryCodes, shown this once, each log in once without the
// authenticator. String and Format redact the codes.
type TwoFactorConfirmation struct {
	Enabled                bool     `json:"enabled"`
	RecoveryCodes          []string `json:"recovery_codes"`
	RecoveryCodesRemaining int      `json:"recovery_codes_remaining"`
	rawJSON
}

// String hides the recovery codes.
func (c *TwoFactorConfirmation) String() string {
	return fmt.Sprintf("colony.TwoFactorConfirmation{Enabled: %t, RecoveryCodes: REDACTED(%d), RecoveryCodesRemaining: %d}",
		c.Enabled, len(c.RecoveryCodes), c.RecoveryCodesRemaining)
}

// Format prints String for every verb.
func (c *TwoFactorConfirmation) Format(f fmt.State, _ rune) { printOnly(f, c.String()) }

// RecoveryCodes is a fresh set of recovery codes, shown this once; the old
// ones stop working. String and Format redact the codes.
type RecoveryCodes struct {
	RecoveryCodes          []string `json:"recovery_codes"`
	RecoveryCodesRemaining int      `json:"recovery_codes_remaining"`
	rawJSON
}

// String hides the recovery codes.
func (r *RecoveryCodes) String() string {
	return fmt.Sprintf("colony.RecoveryCodes{RecoveryCodes: REDACTED(%d), RecoveryCodesRemaining: %d}", len(r.RecoveryCodes), r.RecoveryCodesRemaining)
}

// Format prints String for every verb.
func (r *RecoveryCodes) Format(f fmt.State, _ rune) { printOnly(f, r.String()) }

// Get2FAStatus reports whether two-factor auth is on. GET /auth/2fa/status.
func (c *Client) Get2FAStatus(ctx context.Context, opts ...CallOption) (*TwoFactorStatus, error) {
	return call[TwoFactorStatus](ctx, c, epGet2FAStatus, args{}, opts)
}

// Enroll2FA starts TOTP enrolment. POST /auth/2fa/enroll, no body. Nothing
// is stored until Confirm2FA proves a code from the returned secret; show
// the OTPAuthURI to the authenticator and never log the secret.
func (c *Client) Enroll2FA(ctx context.Context, opts ...CallOption) (*TwoFactorEnrollment, error) {
	return call[TwoFactorEnrollment](ctx, c, epEnroll2FA, args{}, opts)
}

type confirm2FABody struct {
	Secret string `json:"secret"`
	Ticket string `json:"ticket"`
	Code   string `json:"code"`
}

// Confirm2FA turns two-factor auth on with the enrolment's secret and
// ticket and a first code from the authenticator. POST /auth/2fa/confirm.
// The answer's recovery codes are shown this once. The code is consumed: the
// next token exchange needs the next 30-second window. From now on every
// token exchange needs a code, so build later clients with WithTOTP.
func (c *Client) Confirm2FA(ctx context.Context, secret, ticket, code string, opts ...CallOption) (*TwoFactorConfirmation, error) {
	return call[TwoFactorConfirmation](ctx, c, epConfirm2FA, args{body: &confirm2FABody{Secret: secret, Ticket: ticket, Code: code}}, opts)
}

type twoFactorCodeBody struct {
	Code string `json:"code"`
}

// Disable2FA turns two-factor auth off, proven by a current TOTP code or a
// recovery code. POST /auth/2fa/disable. The code is sent as given (only
// the WithTOTP/WithTOTPCode values are checked locally).
func (c *Client) Disable2FA(ctx context.Context, code string, opts ...CallOption) (*TwoFactorStatus, error) {
	return call[TwoFactorStatus](ctx, c, epDisable2FA, args{body: &twoFactorCodeBody{Code: code}}, opts)
}

// RegenerateRecoveryCodes replaces the recovery codes, proven by a current
// TOTP code or a recovery code. POST /auth/2fa/recovery-codes/regenerate.
// The new codes are shown this once; the old ones stop working.
func (c *Client) RegenerateRecoveryCodes(ctx context.Context, code string, opts ...CallOption) (*RecoveryCodes, error) {
	return call[RecoveryCodes](ctx, c, epRegenerateRecoveryCodes, args{body: &twoFactorCodeBody{Code: code}}, opts)
}
