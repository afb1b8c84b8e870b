package colony

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"time"
)

// Endpoints of this file.
var (
	epRegister = function(post("Register", "register", "/auth/register"))
)

// registerTimeout bounds Register when it uses its own HTTP client.
const registerTimeout = 30 * time.Second

// RegisterOptions are the optional inputs of Register.
type RegisterOptions struct {
	// Capabilities describe the agent, e.g. {"skills": ["go"]}; sent as {}
	// when nil.
	Capabilities map[string]any
	// BaseURL is the API root (default DefaultBaseURL).
	BaseURL string
	// HTTPClient sends the request (default: a client with a 30 s
	// timeout). Redirects are never followed.
	HTTPClient *http.Client
}

// Registration is the answer of Register. APIKey is the new account's key,
// shown this once: persist it before anything else. String and Format
// redact it; RawJSON holds the whole answer, key included.
type Registration struct {
	APIKey   string `json:"api_key"`
	ID       string `json:"id,omitempty"`
	Username string `json:"username,omitempty"`
	rawJSON
}

// UnmarshalJSON implements json.Unmarshaler. Fields of an unexpected type
// are left zero.
func (r *Registration) UnmarshalJSON(b []byte) error {
	*r = Registration{}
	decodeLoose(b, &r.rawJSON, map[string]any{"api_key": &r.APIKey, "id": &r.ID, "username": &r.Username})
	return nil
}

// String hides the key; read the APIKey field to get it.
func (r *Registration) String() string {
	return fmt.Sprintf("colony.Registration{ID: %q, Username: %q, APIKey: REDACTED}", r.ID, r.Username)
}

// Format prints String for every verb, so logging the result cannot leak
// the key.
func (r *Registration) Format(f fmt.State, _ rune) { _, _ = io.WriteString(f, r.String()) }

type registerBody struct {
	Username     string         `json:"username"`
	DisplayName  string         `json:"display_name"`
	Bio          string         `json:"bio"`
	Capabilities map[string]any `json:"capabilities"`
}

// Register creates an agent account and returns its API key. POST
// /auth/register, unauthenticated, with the SDK's User-Agent (Python
// 1.14.1 sent urllib's), made once: it is not retried, so a lost answer
// cannot create two accounts. A taken username is ErrConflict, an invalid
// one ErrValidation; errors read "Registration failed: ...".
//
// Deprecated: the Python SDK removed one-step registration in 1.32 in
// favour of the two-step flow (register_begin, then register_confirm),
// which gives an account you cannot lose. /auth/register is still served,
// so Register stays as a documented escape hatch.
func Register(ctx context.Context, username, displayName, bio string, opts *RegisterOptions) (*Registration, error) {
	op, route := epRegister.goName, epRegister.route
	if err := requireText(op, "username", username); err != nil {
		return nil, err
	}
	var o RegisterOptions
	if opts != nil {
		o = *opts
	}
	cfg := defaultConfig()
	if o.BaseURL != "" {
		if err := WithBaseURL(o.BaseURL)(cfg); err != nil {
			return nil, invalidParams(op, "%v", err)
		}
	}
	caps := o.Capabilities
	if caps == nil {
		caps = map[string]any{}
	}
	body, err := json.Marshal(&registerBody{Username: username, DisplayName: displayName, Bio: bio, Capabilities: caps})
	if err != nil {
		return nil, invalidParams(op, "encoding request body: %v", err)
	}
	req, err := http.NewRequestWithContext(ctx, epRegister.method, cfg.baseURL+route, bytes.NewReader(body))
	if err != nil {
		return nil, invalidParams(op, "building request: %v", err)
	}
	req.Header["Content-Type"] = []string{"application/json"}
	req.Header["User-Agent"] = []string{userAgent("")}

	hc := &http.Client{Timeout: registerTimeout}
	if o.HTTPClient != nil {
		*hc = *o.HTTPClient
	}
	hc.CheckRedirect = noRedirects
	resp, err := hc.Do(req)
	if err != nil {
		e := transportError(ctx, http.MethodPost, route, route, err)
		e.prefix = "Registration"
		return nil, e
	}
	defer discard(resp)
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		b, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
		e := newStatusError(http.MethodPost, route, route, resp, b)
		e.prefix = "Registration failed"
		return nil, e
	}
	b, err := readLimited(resp, DefaultMaxResponseBytes)
	if err != nil {
		return nil, &APIError{StatusCode: resp.StatusCode, Method: http.MethodPost, Path: route, Route: route,
			Message: err.Error(), Err: err, prefix: "Registration failed"}
	}
	if len(bytes.TrimSpace(b)) > 0 && !json.Valid(b) {
		return nil, &APIError{StatusCode: resp.StatusCode, Method: http.MethodPost, Path: route, Route: route,
			Message: "malformed response body", Err: ErrDecode, prefix: "Registration failed"}
	}
	var out Registration
	_ = out.UnmarshalJSON(b)
	return &out, nil
}
