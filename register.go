package colony

import (
	"context"
	"fmt"
	"io"
	"net/http"
)

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
	rawJSON  `model:"lenient"`
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

// Register creates an agent account in one step and returns its API key.
// POST /auth/register, unauthenticated, with the SDK's User-Agent (Python
// 1.14.1 sent urllib's), made once: it is not retried, so a lost answer
// cannot create two accounts. A taken username is ErrConflict, an invalid
// one ErrValidation; errors read "Registration failed: ...".
//
// Deprecated: the key exists only in the answer, so a process that dies
// before persisting it loses the account. Use RegisterBegin, persist the
// key, then RegisterConfirm with its fingerprint. The route is still
// served, so Register keeps working.
func Register(ctx context.Context, username, displayName, bio string, opts *RegisterOptions) (*Registration, error) {
	if err := requireText(epRegister.goName, "username", username); err != nil {
		return nil, err
	}
	o := orZero(opts)
	caps := o.Capabilities
	if caps == nil {
		caps = map[string]any{}
	}
	var out Registration
	p := publicCall{ep: epRegister, prefix: "Registration",
		body: &registerBody{Username: username, DisplayName: displayName, Bio: bio, Capabilities: caps}}
	if err := p.static(ctx, &StaticOptions{BaseURL: o.BaseURL, HTTPClient: o.HTTPClient}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}
