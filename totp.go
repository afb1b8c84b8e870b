package colony

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync/atomic"
	"unicode"
)

// The TOTP code source of the token exchange (§2.2 of the contract). Only
// POST /auth/token ever needs a code: once an account has two-factor auth
// enabled, every exchange must carry "totp_code". The SDK never derives codes
// itself (a process holding both the key and the TOTP secret defeats the
// second factor): the caller supplies them.

// WithTOTP makes every token exchange call code for a fresh TOTP code (or a
// recovery code) and send it as "totp_code". Use it for a long-running agent
// of a 2FA account: code typically asks an authenticator, a hardware token or
// a secrets manager. The value is checked locally before it is sent (see
// WithTOTPCode); a check failure or an error from code fails the call
// without an exchange. Without WithTOTP or WithTOTPCode the exchange body is
// {"api_key": ...} alone.
func WithTOTP(code func(ctx context.Context) (string, error)) Option {
	return func(c *config) error {
		if code == nil {
			return invalidParams("WithTOTP", "the code function is nil")
		}
		c.totp = &totpSource{fn: code}
		return nil
	}
}

// WithTOTPCode supplies one TOTP code (or one recovery code) for the first
// token exchange only: codes are single-use, so a later exchange (a day
// later, or after RefreshToken) fails locally with ErrTwoFactorRequired;
// use WithTOTP for a client that lives longer than one token.
//
// The value is checked here, before anything is sent: 6 to 8 digits, or a
// 10 to 16 character alphanumeric recovery code. Whitespace is refused, never
// stripped; 3 to 5 digits are refused as a code that lost its leading zeros
// (pass codes as strings); a base32 value of 16 characters or more is
// refused as the TOTP secret rather than a code. Errors never contain the
// value.
func WithTOTPCode(code string) Option {
	return func(c *config) error {
		if reason := checkTOTPValue(code); reason != "" {
			return invalidParams("WithTOTPCode", "%s", reason)
		}
		c.totp = &totpSource{once: code}
		return nil
	}
}

// totpSource hands the token exchange its code: from fn on every exchange,
// or the one-shot once for the first exchange only.
type totpSource struct {
	fn   func(ctx context.Context) (string, error)
	once string
	used atomic.Bool
}

// String keeps the code out of any formatted output.
func (s *totpSource) String() string { return "colony.totpSource{REDACTED}" }

// code returns the value to send as totp_code, "" when no source is set.
func (s *totpSource) code(ctx context.Context) (string, error) {
	if s == nil {
		return "", nil
	}
	if s.fn == nil {
		if s.used.Swap(true) {
			return "", localTokenError("the one-time TOTP code of WithTOTPCode was already used by an earlier token exchange, "+
				"and codes are single-use: build the client with WithTOTP(func(ctx) (string, error)) to supply a fresh code to every exchange",
				ErrTwoFactorRequired)
		}
		return s.once, nil
	}
	v, err := s.fn(ctx)
	if err != nil {
		// The cause stays reachable (errors.Is(err, context.Canceled)) but
		// is not rendered: it is the caller's and may quote the code.
		return "", localTokenError("the WithTOTP code function failed", err)
	}
	if reason := checkTOTPValue(v); reason != "" {
		return "", localTokenError(reason, &ParamError{Op: "WithTOTP", Reason: reason})
	}
	return v, nil
}

// localTokenError is a token exchange refused before anything was sent. It
// is an *APIError so the layers above pass it through untouched (no retry),
// but it is not a network error.
func localTokenError(msg string, cause error) *APIError {
	const route = "/auth/token"
	return &APIError{Method: http.MethodPost, Path: route, Route: route, Message: msg, Err: cause,
		prefix: "colony: token exchange not attempted", local: true}
}

// checkTOTPValue returns why v cannot be a TOTP or recovery code, or "" when
// it can. The reasons never quote v.
func checkTOTPValue(v string) string {
	const shape = "a TOTP value is a 6 to 8 digit code or a 10 to 16 character alphanumeric recovery code"
	if v == "" {
		return "the TOTP code is empty; " + shape
	}
	if strings.ContainsFunc(v, unicode.IsSpace) {
		return "the TOTP code contains whitespace; pass it exactly as the authenticator shows it (it is never stripped)"
	}
	digits, alnum, base32 := true, true, true
	for _, r := range v {
		isDigit := r >= '0' && r <= '9'
		isLetter := (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z')
		digits = digits && isDigit
		alnum = alnum && (isDigit || isLetter)
		base32 = base32 && (isLetter || (r >= '2' && r <= '7') || r == '=')
	}
	n := len(v)
	switch {
	case digits && n >= 3 && n <= 5:
		return fmt.Sprintf("the TOTP code is %d digits, but a code is at least 6 (RFC 4226), so this one probably lost its leading zeros "+
			"by passing through an integer: pass the code as a string, exactly as shown", n)
	case digits && n >= 6 && n <= 8:
		return ""
	case base32 && !digits && n >= 16:
		return fmt.Sprintf("the TOTP value looks like your TOTP *secret* (%d base32 characters), not a one-time code: "+
			"pass the code your authenticator derives from it, and keep the secret out of the agent's configuration", n)
	case alnum && n >= 10 && n <= 16:
		return ""
	}
	return shape
}
