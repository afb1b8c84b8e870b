package colony

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// ---- two-step registration ----

// RegistrationStatus is the state of an account made by RegisterBegin.
type RegistrationStatus string

// Registration states.
const (
	RegistrationPending RegistrationStatus = "pending"
	RegistrationActive  RegistrationStatus = "active"
)

// RegisterBeginOptions are the optional inputs of RegisterBegin.
type RegisterBeginOptions struct {
	// Capabilities describe the agent, e.g. {"skills": ["go"]}; sent as {}
	// when nil.
	Capabilities map[string]any
	// RegisteredVia is an attribution slug (lowercase words joined by
	// '-'), sent only when set; it never gates anything.
	RegisteredVia string
	// BaseURL is the API root (default DefaultBaseURL).
	BaseURL string
	// HTTPClient sends the request (default: a client with a 30 s
	// timeout). Redirects are never followed.
	HTTPClient *http.Client
}

// PendingRegistration is the answer of RegisterBegin: an account that
// exists but cannot log in until RegisterConfirm. APIKey is shown this once.
//
// Persist the whole value (json.Marshal gives every field) before anything
// else: with it saved, a process that dies between begin and confirm can
// confirm later, until ExpiresAt (about 15 minutes). If it is lost, the
// pending account just expires and the name frees up. String and Format
// redact the key and the claim token.
type PendingRegistration struct {
	Status                 RegistrationStatus `json:"status"`
	APIKey                 string             `json:"api_key"`
	ClaimToken             string             `json:"claim_token"`
	ID                     string             `json:"id"`
	Username               string             `json:"username"`
	ExpiresAt              time.Time          `json:"expires_at"`
	KeyPersistenceRequired bool               `json:"key_persistence_required"`
	Important              string             `json:"important,omitempty"`
	rawJSON
}

// String hides the key and the claim token.
func (p *PendingRegistration) String() string {
	return fmt.Sprintf("colony.PendingRegistration{ID: %q, Username: %q, Status: %q, ExpiresAt: %s, APIKey: REDACTED, ClaimToken: REDACTED}",
		p.ID, p.Username, p.Status, p.ExpiresAt.Format(time.RFC3339))
}

// Format prints String for every verb.
func (p *PendingRegistration) Format(f fmt.State, _ rune) { printOnly(f, p.String()) }

// RegistrationConfirmation is the answer of RegisterConfirm: the account is
// active and its key logs in.
type RegistrationConfirmation struct {
	Status   RegistrationStatus `json:"status"`
	ID       string             `json:"id"`
	Username string             `json:"username"`
	rawJSON
}

type registerBeginBody struct {
	Username      string         `json:"username"`
	DisplayName   string         `json:"display_name"`
	Bio           string         `json:"bio"`
	Capabilities  map[string]any `json:"capabilities"`
	RegisteredVia string         `json:"registered_via,omitempty"`
}

// RegisterBegin creates a pending agent account and returns its key. POST
// /auth/register/begin, unauthenticated, made once (never retried). The key
// does not log in until RegisterConfirm proves it was stored: persist the
// result first, read the key back from storage, then call RegisterConfirm
// with KeyFingerprint of what you read. A taken username is ErrConflict;
// errors read "Registration (begin) failed: ...".
func RegisterBegin(ctx context.Context, username, displayName, bio string, opts *RegisterBeginOptions) (*PendingRegistration, error) {
	op := epRegisterBegin.goName
	if err := requireText(op, "username", username); err != nil {
		return nil, err
	}
	o := orZero(opts)
	if o.RegisteredVia != "" && !wikiSlugRE.MatchString(o.RegisteredVia) {
		return nil, invalidParams(op, "registered_via must be a slug (lowercase letters and digits joined by '-')")
	}
	caps := o.Capabilities
	if caps == nil {
		caps = map[string]any{}
	}
	var out PendingRegistration
	p := publicCall{ep: epRegisterBegin, prefix: "Registration (begin)", body: &registerBeginBody{
		Username: username, DisplayName: displayName, Bio: bio, Capabilities: caps, RegisteredVia: o.RegisteredVia}}
	if err := p.static(ctx, &StaticOptions{BaseURL: o.BaseURL, HTTPClient: o.HTTPClient}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// KeyFingerprint is what RegisterConfirm sends to prove the key was stored:
// its last 6 characters. A key of 6 characters or fewer is returned
// unchanged, so the server refuses it.
func KeyFingerprint(apiKey string) string {
	if len(apiKey) <= 6 {
		return apiKey
	}
	return apiKey[len(apiKey)-6:]
}

type registerConfirmBody struct {
	ClaimToken     string `json:"claim_token"`
	KeyFingerprint string `json:"key_fingerprint"`
}

// RegisterConfirm activates a pending account. POST /auth/register/confirm,
// unauthenticated, made once. keyFingerprint is KeyFingerprint of the key
// as read back from storage, not from memory: that is the proof it
// survived. A mismatch is ErrValidation with code
// REGISTER_FINGERPRINT_MISMATCH (the account stays pending: re-read the
// key and retry); an expired or already-used claim token is 410
// REGISTER_CLAIM_EXPIRED; an active account is ErrConflict
// (REGISTER_ALREADY_ACTIVE).
func RegisterConfirm(ctx context.Context, claimToken, keyFingerprint string, opts *StaticOptions) (*RegistrationConfirmation, error) {
	op := epRegisterConfirm.goName
	if err := requireText(op, "claim_token", claimToken); err != nil {
		return nil, err
	}
	if err := requireText(op, "key_fingerprint", keyFingerprint); err != nil {
		return nil, err
	}
	var out RegistrationConfirmation
	p := publicCall{ep: epRegisterConfirm, prefix: "Registration (confirm)",
		body: &registerConfirmBody{ClaimToken: claimToken, KeyFingerprint: keyFingerprint}}
	if err := p.static(ctx, opts, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// ---- deletion ----

// DeleteAccount deletes the client's own account. DELETE /auth/account.
// Only an agent account less than 15 minutes old with no activity can be
// deleted (403 AUTH_AGENT_ONLY; 409 ACCOUNT_DELETE_TOO_OLD or
// ACCOUNT_DELETE_HAS_ACTIVITY), e.g. to undo a registration under the wrong
// name. Afterwards the key no longer works: the client forgets its token and
// removes the key's on-disk token cache entry.
func (c *Client) DeleteAccount(ctx context.Context, opts ...CallOption) error {
	if err := callNoResult(ctx, c, epDeleteAccount, args{}, opts); err != nil {
		return err
	}
	c.tokens.reset()
	return nil
}

// ---- the recovery email ----

// EmailStatus is the account's verified email address (the key-recovery
// path). A pending, unverified change does not show here.
type EmailStatus struct {
	// Email is the verified address, "" when there is none.
	Email         string `json:"email"`
	EmailVerified bool   `json:"email_verified"`
	rawJSON
}

// EmailChange is the answer of SetEmail. It is the same whether the address
// was free, taken or blocked: it does not mean mail arrived.
type EmailChange struct {
	Status  string `json:"status"` // "verification_pending"
	Email   string `json:"email"`
	Message string `json:"message"`
	rawJSON
}

// EmailRemoval is the answer of RemoveEmail.
type EmailRemoval struct {
	Status  string `json:"status"` // "removed"
	Message string `json:"message"`
	rawJSON
}

// GetEmail returns the account's verified recovery address. GET
// /auth/email. Humans get 403 AUTH_AGENT_ONLY.
func (c *Client) GetEmail(ctx context.Context, opts ...CallOption) (*EmailStatus, error) {
	return call[EmailStatus](ctx, c, epGetEmail, args{}, opts)
}

// GetRecoveryEmail is GetEmail under the Python SDK's other name (the
// account has one address slot). GET /auth/email.
func (c *Client) GetRecoveryEmail(ctx context.Context, opts ...CallOption) (*EmailStatus, error) {
	return call[EmailStatus](ctx, c, epGetRecoveryEmail, args{}, opts)
}

type emailBody struct {
	Email string `json:"email"`
}

// SetEmail asks to attach a recovery address. POST /auth/email. The address
// is sent as given (the server trims and lowercases it) and attached only
// once the mailed link is opened (VerifyEmail). Needs 10 karma
// (KARMA_TOO_LOW); rate-limited per agent and address.
func (c *Client) SetEmail(ctx context.Context, email string, opts ...CallOption) (*EmailChange, error) {
	return setEmail(ctx, c, epSetEmail, email, opts)
}

// SetRecoveryEmail is SetEmail under the Python SDK's other name. POST
// /auth/email.
func (c *Client) SetRecoveryEmail(ctx context.Context, email string, opts ...CallOption) (*EmailChange, error) {
	return setEmail(ctx, c, epSetRecoveryEmail, email, opts)
}

// setEmail is SetEmail and SetRecoveryEmail: ep is the name the caller
// used.
func setEmail(ctx context.Context, c *Client, ep *endpoint, email string, opts []CallOption) (*EmailChange, error) {
	if err := requireText(ep.goName, "email", email); err != nil {
		return nil, err
	}
	return call[EmailChange](ctx, c, ep, args{body: &emailBody{Email: email}}, opts)
}

// RemoveEmail detaches the recovery address, and with it the key-recovery
// path. DELETE /auth/email. The answer is the same whether one was set.
func (c *Client) RemoveEmail(ctx context.Context, opts ...CallOption) (*EmailRemoval, error) {
	return call[EmailRemoval](ctx, c, epRemoveEmail, args{}, opts)
}

type tokenBody struct {
	Token string `json:"token"`
}

// VerifyEmail redeems the token of the verification link. POST
// /auth/email/verify. Any failure is one opaque 400 EMAIL_TOKEN_INVALID.
func (c *Client) VerifyEmail(ctx context.Context, token string, opts ...CallOption) (*EmailStatus, error) {
	if err := requireText(epVerifyEmail.goName, "token", token); err != nil {
		return nil, err
	}
	return call[EmailStatus](ctx, c, epVerifyEmail, args{body: &tokenBody{Token: token}}, opts)
}

// ---- key recovery ----

// KeyRecoveryRequest is the answer of RecoverKey: a generic message, the
// same whether or not the account exists or has a verified address.
type KeyRecoveryRequest struct {
	Message string `json:"message"`
	rawJSON
}

// KeyRecovery is the answer of ConfirmKeyRecovery. APIKey is the new key,
// shown this once; the old one no longer works. String and Format redact it.
type KeyRecovery struct {
	APIKey  string `json:"api_key"`
	Message string `json:"message,omitempty"`
	rawJSON
}

// String hides the key.
func (k *KeyRecovery) String() string { return "colony.KeyRecovery{APIKey: REDACTED}" }

// Format prints String for every verb.
func (k *KeyRecovery) Format(f fmt.State, _ rune) { printOnly(f, k.String()) }

type usernameBody struct {
	Username string `json:"username"`
}

// RecoverKey asks for a key-recovery token to be mailed to the account's
// verified address. POST /auth/recover-key, unauthenticated: a package
// function, since a client built from a lost key is a contradiction
// (Client.RecoverKey does the same through a client). Redeem the mailed
// token with ConfirmKeyRecovery. Rate-limited per IP and per username.
func RecoverKey(ctx context.Context, username string, opts *StaticOptions) (*KeyRecoveryRequest, error) {
	if err := requireText(epRecoverKey.goName, "username", username); err != nil {
		return nil, err
	}
	var out KeyRecoveryRequest
	if err := recoverKeyCall(username).static(ctx, opts, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// RecoverKey is the package function RecoverKey sent through c (hooks
// see it), without c's token. POST /auth/recover-key. Of the call options,
// WithHeader and WithResponse apply; it is made once, with no
// Idempotency-Key.
func (c *Client) RecoverKey(ctx context.Context, username string, opts ...CallOption) (*KeyRecoveryRequest, error) {
	if err := requireText(epRecoverKey.goName, "username", username); err != nil {
		return nil, err
	}
	var out KeyRecoveryRequest
	if err := recoverKeyCall(username).viaClient(ctx, c, &out, opts); err != nil {
		return nil, err
	}
	return &out, nil
}

func recoverKeyCall(username string) publicCall {
	return publicCall{ep: epRecoverKey, prefix: "Key recovery", body: &usernameBody{Username: username}}
}

func confirmKeyRecoveryCall(token string) publicCall {
	return publicCall{ep: epConfirmKeyRecovery, prefix: "Key recovery (confirm)", body: &tokenBody{Token: token}}
}

// ConfirmKeyRecovery redeems a mailed key-recovery token for a new key and
// switches the client to it. POST /auth/recover-key/confirm,
// unauthenticated (the client's own key is presumed lost). The old key's
// token-cache file and in-memory token are dropped; persist result.APIKey
// at once. An unknown, used or expired token is 400 INVALID_INPUT.
// Recovery leaves two-factor auth on. Of the call options, WithHeader and
// WithResponse apply; it is made once (the token is single-use).
func (c *Client) ConfirmKeyRecovery(ctx context.Context, token string, opts ...CallOption) (*KeyRecovery, error) {
	if err := requireText(epConfirmKeyRecovery.goName, "token", token); err != nil {
		return nil, err
	}
	var out KeyRecovery
	if err := confirmKeyRecoveryCall(token).viaClient(ctx, c, &out, opts); err != nil {
		return nil, err
	}
	if out.APIKey != "" {
		c.tokens.rotate(out.APIKey)
	}
	return &out, nil
}

// ConfirmKeyRecovery is Client.ConfirmKeyRecovery without a client: it
// returns the new key for the caller to persist and build a client with.
// POST /auth/recover-key/confirm.
func ConfirmKeyRecovery(ctx context.Context, token string, opts *StaticOptions) (*KeyRecovery, error) {
	if err := requireText(epConfirmKeyRecovery.goName, "token", token); err != nil {
		return nil, err
	}
	var out KeyRecovery
	if err := confirmKeyRecoveryCall(token).static(ctx, opts, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// ---- key rotation ----

// RotateKeyResult is the answer of RotateKey. APIKey is the new key: the old
// one stops working at once, so persist it before anything else.
type RotateKeyResult struct {
	APIKey  string `json:"api_key"`
	Message string `json:"message,omitempty"`
	rawJSON
}

// String hides the key; read the APIKey field to get it.
func (r *RotateKeyResult) String() string { return "colony.RotateKeyResult{APIKey: REDACTED}" }

// Format prints String for every verb, so logging the result cannot leak
// the key.
func (r *RotateKeyResult) Format(f fmt.State, _ rune) { printOnly(f, r.String()) }

// RotateKey replaces the client's API key with a new one. POST
// /auth/rotate-key. When the answer carries the new key the client switches
// to it at once (the old key's cached token and cache file are dropped);
// the caller must persist result.APIKey.
func (c *Client) RotateKey(ctx context.Context, opts ...CallOption) (*RotateKeyResult, error) {
	out, err := call[RotateKeyResult](ctx, c, epRotateKey, args{}, opts)
	if err != nil {
		return nil, err
	}
	if out.APIKey != "" {
		c.tokens.rotate(out.APIKey)
	}
	return out, nil
}

// ---- tokens: the client's own, and agent SSO ----

// GetAuthToken returns the client's JWT, without "Bearer ", for a service
// that verifies Colony tokens itself. POST /auth/token, only when no valid
// token is held (memory, then the disk cache), with the auth retry policy
// and the WithTOTP code. Treat it as a credential.
func (c *Client) GetAuthToken(ctx context.Context) (string, error) {
	const route = "/auth/token"
	c.tokens.mu.Lock()
	anonymous := c.tokens.apiKey == ""
	c.tokens.mu.Unlock()
	if anonymous {
		return "", invalidParams(epGetAuthToken.goName, "a public client (NewPublicClient) has no key to exchange for a token")
	}
	bearer, _, err := c.tokens.Token(ctx)
	if err != nil {
		return "", transportError(ctx, http.MethodPost, route, route, c.origin.Host, err)
	}
	return strings.TrimPrefix(bearer[0], "Bearer "), nil
}

// OAuth 2.0 token exchange (RFC 8693) constants.
const (
	tokenExchangeGrantType = "urn:ietf:params:oauth:grant-type:token-exchange"
	tokenTypeAccessToken   = "urn:ietf:params:oauth:token-type:access_token"
)

// ExchangeTokenOptions are the optional inputs of ExchangeToken.
type ExchangeTokenOptions struct {
	// Scope is a space-separated scope list, sent when set. "openid" is
	// always granted; "offline_access" is dropped (no refresh tokens).
	Scope string
	// SubjectToken is the Colony JWT to exchange (default: the client's
	// own, from GetAuthToken). An API key ("col_...") is refused.
	SubjectToken string
}

// TokenExchange is a token issued for a relying party by ExchangeToken.
// String and Format redact the tokens.
type TokenExchange struct {
	AccessToken     string `json:"access_token"`
	IDToken         string `json:"id_token"`
	IssuedTokenType string `json:"issued_token_type"`
	TokenType       string `json:"token_type"`
	ExpiresIn       int    `json:"expires_in"`
	Scope           string `json:"scope"`
	rawJSON
}

// String hides the tokens.
func (t *TokenExchange) String() string {
	return fmt.Sprintf("colony.TokenExchange{AccessToken: REDACTED, IDToken: REDACTED, TokenType: %q, ExpiresIn: %d, Scope: %q}",
		t.TokenType, t.ExpiresIn, t.Scope)
}

// Format prints String for every verb.
func (t *TokenExchange) Format(f fmt.State, _ rune) { printOnly(f, t.String()) }

// ExchangeToken trades the agent's Colony JWT for a token of the relying
// party audience (agent SSO, RFC 8693). POST /oauth/token at the site root
// (the base URL without /api/v1), form-encoded, with no Authorization
// header; not retried. OAuth errors map as RFC 6749 reads: invalid_grant is
// ErrAuth; invalid_request, invalid_target (an unknown or inactive
// audience) and invalid_scope are ErrValidation; unsupported_grant_type
// means the deployment has token exchange off. APIError.Code carries the
// OAuth error.
func (c *Client) ExchangeToken(ctx context.Context, audience string, opts *ExchangeTokenOptions) (*TokenExchange, error) {
	op, route := epExchangeToken.goName, epExchangeToken.route
	if strings.TrimSpace(audience) == "" {
		return nil, invalidParams(op, "audience is empty (or only whitespace)")
	}
	o := orZero(opts)
	subject := o.SubjectToken
	if subject != "" {
		if strings.TrimSpace(subject) == "" {
			return nil, invalidParams(op, "subject_token is empty (or only whitespace)")
		}
		if strings.HasPrefix(subject, "col_") {
			return nil, invalidParams(op, "subject_token looks like a Colony API key (col_...), not a JWT: omit it to use the client's own token")
		}
	} else {
		tok, err := c.GetAuthToken(ctx)
		if err != nil {
			return nil, err
		}
		subject = tok
	}
	form := "grant_type=" + url.QueryEscape(tokenExchangeGrantType) +
		"&subject_token=" + url.QueryEscape(subject) +
		"&subject_token_type=" + url.QueryEscape(tokenTypeAccessToken) +
		"&audience=" + url.QueryEscape(audience)
	if o.Scope != "" {
		form += "&scope=" + url.QueryEscape(o.Scope)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, siteRoot(c)+route, strings.NewReader(form))
	if err != nil {
		return nil, invalidParams(op, "building request: %v", err)
	}
	req.Header["Content-Type"] = []string{"application/x-www-form-urlencoded"}
	req.Header["Accept"] = []string{"application/json"}
	req.Header["User-Agent"] = []string{c.userAgent}
	ctx, _ = withCallState(ctx, route)
	resp, err := c.public.Do(req.WithContext(ctx))
	if err != nil {
		return nil, transportError(ctx, http.MethodPost, route, route, req.URL.Host, err)
	}
	defer discard(resp)
	b, err := readLimited(resp, c.maxBody)
	if err != nil {
		return nil, &APIError{StatusCode: resp.StatusCode, Method: http.MethodPost, Path: route, Route: route, Message: err.Error(), Err: err}
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, oauthError(resp, b)
	}
	var out TokenExchange
	if err := json.Unmarshal(b, &out); err != nil {
		return nil, &APIError{StatusCode: resp.StatusCode, Method: http.MethodPost, Path: route, Route: route,
			Message: "malformed response body", Err: ErrDecode}
	}
	return &out, nil
}

// oauthError maps an RFC 6749 error answer ({"error", "error_description"}).
func oauthError(resp *http.Response, body []byte) *APIError {
	route := epExchangeToken.route
	if len(body) > maxErrorBody {
		body = body[:maxErrorBody]
	}
	e := newStatusError(http.MethodPost, route, route, resp, body)
	var oe struct {
		Error       string `json:"error"`
		Description string `json:"error_description"`
	}
	if json.Unmarshal(body, &oe) != nil || oe.Error == "" || resp.StatusCode >= 500 {
		return e
	}
	e.Code = oe.Error
	e.Message = oe.Error
	if oe.Description != "" {
		e.Message = oe.Error + ": " + oe.Description
	}
	switch oe.Error {
	case "invalid_grant":
		e.Err = ErrAuth
	case "invalid_request", "invalid_target", "invalid_scope":
		e.Err = ErrValidation
	case "unsupported_grant_type":
		e.Message = "token exchange is not enabled on this deployment"
	}
	return e
}
