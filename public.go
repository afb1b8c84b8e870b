package colony

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"time"
)

// Unauthenticated calls: registration and key recovery are made by a
// process that has no working key yet (or any more), so they never exchange
// a token, never send Authorization and are never retried: a lost answer
// must not create two accounts or burn a single-use token.

// publicTimeout bounds a public call when it uses its own HTTP client.
const publicTimeout = 30 * time.Second

// StaticOptions are the optional inputs of the package-level calls that
// need no client (RegisterConfirm, RecoverKey, ConfirmKeyRecovery).
type StaticOptions struct {
	// BaseURL is the API root (default DefaultBaseURL).
	BaseURL string
	// HTTPClient sends the request (default: a client with a 30 s
	// timeout). Redirects are never followed.
	HTTPClient *http.Client
}

// publicCall is one unauthenticated JSON POST.
type publicCall struct {
	ep     *endpoint
	body   any
	prefix string // "Registration (begin)": errors read "<prefix> failed: ..."
	// opts of a Client method: WithHeader and WithResponse apply; no
	// Idempotency-Key is sent (the call is made once).
	opts []CallOption
}

// staticClient resolves the base URL and HTTP client of a package-level
// call.
func staticClient(op, baseURL string, hc *http.Client) (string, *http.Client, error) {
	cfg := defaultConfig()
	if baseURL != "" {
		if err := WithBaseURL(baseURL)(cfg); err != nil {
			return "", nil, invalidParams(op, "%v", err)
		}
	}
	out := &http.Client{Timeout: publicTimeout}
	if hc != nil {
		*out = *hc
	}
	out.CheckRedirect = noRedirects
	return cfg.baseURL, out, nil
}

// send posts p.body to baseURL + the endpoint's route with hc and decodes a
// 2xx answer into out.
func (p publicCall) send(ctx context.Context, hc *http.Client, baseURL, ua string, out any) error {
	route := p.ep.route
	body, err := json.Marshal(p.body)
	if err != nil {
		return invalidParams(p.ep.goName, "encoding request body: %v", err)
	}
	req, err := http.NewRequestWithContext(ctx, p.ep.method, baseURL+route, bytes.NewReader(body))
	if err != nil {
		return invalidParams(p.ep.goName, "building request: %v", err)
	}
	req.Header["Content-Type"] = []string{"application/json"}
	req.Header["User-Agent"] = []string{ua}
	cc := callConfigOf(p.opts)
	if cc.err != nil {
		return invalidParams(p.ep.goName, "%v", cc.err)
	}
	cc.addHeaders(req.Header)
	resp, err := hc.Do(req)
	if err != nil {
		e := transportError(ctx, p.ep.method, route, route, req.URL.Host, err)
		e.prefix = p.prefix
		return e
	}
	defer discard(resp)
	if cc.meta != nil {
		fillMeta(cc.meta, resp, &callState{attempts: 1}, "")
	}
	failed := p.prefix + " failed"
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		b, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
		e := newStatusError(p.ep.method, route, route, resp, b)
		e.prefix = failed
		return e
	}
	b, err := readLimited(resp, DefaultMaxResponseBytes)
	if err != nil {
		return &APIError{StatusCode: resp.StatusCode, Method: p.ep.method, Path: route, Route: route,
			Message: err.Error(), Err: err, prefix: failed}
	}
	if len(bytes.TrimSpace(b)) == 0 {
		b = []byte("{}")
	}
	if err := json.Unmarshal(b, out); err != nil {
		return &APIError{StatusCode: resp.StatusCode, Method: p.ep.method, Path: route, Route: route,
			Message: "malformed response body", Err: ErrDecode, prefix: failed}
	}
	return nil
}

// static sends p as a package-level call.
func (p publicCall) static(ctx context.Context, o *StaticOptions, out any) error {
	so := orZero(o)
	base, hc, err := staticClient(p.ep.goName, so.BaseURL, so.HTTPClient)
	if err != nil {
		return err
	}
	return p.send(ctx, hc, base, userAgent(""), out)
}

// viaClient sends p through c's transport, so hooks and logs see it, but
// without its token, retries or redirects.
func (p publicCall) viaClient(ctx context.Context, c *Client, out any, opts []CallOption) error {
	p.opts = opts
	return p.send(ctx, c.public, c.baseURL, c.userAgent, out)
}

// siteRoot is the site of an API root: baseURL without a trailing /api/v1
// (so a deployment under a sub-path keeps its prefix), else scheme://host.
func siteRoot(c *Client) string {
	if site, ok := strings.CutSuffix(c.baseURL, "/api/v1"); ok {
		return site
	}
	return c.origin.Scheme + "://" + c.origin.Host
}
