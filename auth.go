package colony

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Endpoints of this file.
var (
	epRotateKey = post("RotateKey", "rotate_key", "/auth/rotate-key")
)

// Token lifetimes: the server issues 24 h tokens and says so in expires_in;
// a token is refreshed an hour before it runs out.
const (
	defaultTokenLifetime = 24 * time.Hour
	tokenRefreshLead     = time.Hour
	maxTokenResponse     = 64 << 10
)

// tokenSource owns the API key and the JWT. Concurrent callers share one
// exchange (single flight), and every token has a generation so that a 401
// only invalidates the token that earned it, never a newer one.
type tokenSource struct {
	baseURL   string // trailing slashes stripped, as in the cache file name
	tokenURL  string
	userAgent string
	client    *http.Client // retry(auth policy) → observe → base; no auth
	disk      *diskCache   // nil when the on-disk cache is off

	// cur is the current token for lock-free reads on every request; it is
	// written, with the fields below, under mu.
	cur atomic.Pointer[tokenState]

	mu       sync.Mutex
	apiKey   string
	token    string
	bearer   []string  // {"Bearer " + token}, shared read-only by requests
	expiry   time.Time // when the token stops being used
	gen      uint64    // bumped whenever the token or the key changes
	inflight *tokenCall
}

// tokenState is an immutable snapshot of the current token.
type tokenState struct {
	bearer []string
	expiry time.Time
	gen    uint64
}

// publishLocked makes the current token visible to lock-free readers.
// Call with mu held after changing the token, expiry or generation.
func (s *tokenSource) publishLocked() {
	if s.token == "" {
		s.cur.Store(nil)
		return
	}
	s.cur.Store(&tokenState{bearer: s.bearer, expiry: s.expiry, gen: s.gen})
}

type tokenCall struct {
	done   chan struct{}
	bearer []string
	gen    uint64
	err    error
}

// String keeps the key and token out of any formatted output.
func (s *tokenSource) String() string { return "colony.tokenSource{REDACTED}" }

// Token returns the Authorization header value for a valid token (as a
// shared, read-only slice) and its generation, fetching a token if needed.
func (s *tokenSource) Token(ctx context.Context) ([]string, uint64, error) {
	if ts := s.cur.Load(); ts != nil && time.Now().Before(ts.expiry) {
		return ts.bearer, ts.gen, nil
	}
	for {
		s.mu.Lock()
		if s.token != "" && time.Now().Before(s.expiry) {
			bearer, gen := s.bearer, s.gen
			s.mu.Unlock()
			return bearer, gen, nil
		}
		if call := s.inflight; call != nil {
			s.mu.Unlock()
			select {
			case <-call.done:
			case <-ctx.Done():
				return nil, 0, ctx.Err()
			}
			if call.err == nil {
				return call.bearer, call.gen, nil
			}
			// The leader's own cancellation is not ours: try again.
			if isContextErr(call.err) && ctx.Err() == nil {
				continue
			}
			return nil, 0, call.err
		}
		call := &tokenCall{done: make(chan struct{})}
		s.inflight = call
		key, gen := s.apiKey, s.gen
		s.mu.Unlock()

		tok, exp, fromDisk, err := s.obtain(ctx, key)

		s.mu.Lock()
		if err == nil && s.gen != gen {
			// The key was rotated or the token reset while we fetched.
			err = errStaleToken
		}
		if err == nil {
			s.gen++
			s.token, s.expiry, s.bearer = tok, exp, []string{"Bearer " + tok}
			s.publishLocked()
			call.bearer, call.gen = s.bearer, s.gen
		}
		call.err = err
		s.inflight = nil
		close(call.done)
		s.mu.Unlock()

		if err == errStaleToken {
			continue
		}
		if err != nil {
			return nil, 0, err
		}
		if !fromDisk {
			s.disk.save(s.baseURL, key, tok, exp)
		}
		return call.bearer, call.gen, nil
	}
}

var errStaleToken = fmt.Errorf("colony: token superseded")

// obtain reads the disk cache, then falls back to the exchange.
func (s *tokenSource) obtain(ctx context.Context, key string) (string, time.Time, bool, error) {
	if tok, exp, ok := s.disk.load(s.baseURL, key, time.Now()); ok {
		return tok, exp, true, nil
	}
	tok, exp, err := s.exchange(ctx, key)
	return tok, exp, false, err
}

// exchange performs POST /auth/token with {"api_key": key}.
func (s *tokenSource) exchange(ctx context.Context, key string) (string, time.Time, error) {
	const route = "/auth/token"
	body, err := json.Marshal(struct {
		APIKey string `json:"api_key"`
	}{key})
	if err != nil {
		return "", time.Time{}, err
	}
	// A fresh call state: the exchange must not disturb the API call's.
	ctx, _ = withCallState(ctx, route)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.tokenURL, bytes.NewReader(body))
	if err != nil {
		return "", time.Time{}, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", s.userAgent)
	start := time.Now()
	resp, err := s.client.Do(req)
	if err != nil {
		return "", time.Time{}, transportError(ctx, http.MethodPost, route, route, err)
	}
	defer discard(resp)
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		b, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
		return "", time.Time{}, newStatusError(http.MethodPost, route, route, resp, b)
	}
	b, err := io.ReadAll(io.LimitReader(resp.Body, maxTokenResponse))
	if err != nil {
		return "", time.Time{}, transportError(ctx, http.MethodPost, route, route, err)
	}
	var tr struct {
		AccessToken string  `json:"access_token"`
		ExpiresIn   float64 `json:"expires_in"`
	}
	if err := json.Unmarshal(b, &tr); err != nil || tr.AccessToken == "" {
		return "", time.Time{}, &APIError{StatusCode: resp.StatusCode, Method: http.MethodPost, Path: route, Route: route,
			Message: "token response has no access_token", Err: ErrDecode}
	}
	return tr.AccessToken, refreshDeadline(start, tr.ExpiresIn, tr.AccessToken), nil
}

// refreshDeadline is when a token obtained at start stops being used: an
// hour before it expires, by expires_in, else the JWT's exp claim, else 24 h.
func refreshDeadline(start time.Time, expiresIn float64, jwt string) time.Time {
	life := defaultTokenLifetime
	switch {
	case expiresIn > 0:
		life = time.Duration(expiresIn * float64(time.Second))
	default:
		if exp, ok := jwtExpiry(jwt); ok && exp.After(start) {
			life = exp.Sub(start)
		}
	}
	lead := tokenRefreshLead
	if life < 2*lead {
		lead = life / 2
	}
	return start.Add(life - lead)
}

// jwtExpiry reads the exp claim of a JWT without verifying it.
func jwtExpiry(jwt string) (time.Time, bool) {
	parts := strings.Split(jwt, ".")
	if len(parts) != 3 || len(parts[1]) > 8<<10 {
		return time.Time{}, false
	}
	payload, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(parts[1], "="))
	if err != nil {
		return time.Time{}, false
	}
	var claims struct {
		Exp float64 `json:"exp"`
	}
	if json.Unmarshal(payload, &claims) != nil || claims.Exp <= 0 {
		return time.Time{}, false
	}
	return time.Unix(int64(claims.Exp), 0), true
}

// invalidate drops the token of generation gen, if it is still current,
// together with its disk-cache file.
func (s *tokenSource) invalidate(gen uint64) {
	s.mu.Lock()
	if s.gen != gen || s.token == "" {
		s.mu.Unlock()
		return
	}
	key := s.apiKey
	s.token, s.expiry, s.bearer = "", time.Time{}, nil
	s.gen++
	s.publishLocked()
	s.mu.Unlock()
	s.disk.remove(s.baseURL, key)
}

// reset forgets the token (RefreshToken).
func (s *tokenSource) reset() {
	s.mu.Lock()
	key := s.apiKey
	s.token, s.expiry, s.bearer = "", time.Time{}, nil
	s.gen++
	s.publishLocked()
	s.mu.Unlock()
	s.disk.remove(s.baseURL, key)
}

// rotate swaps in a new key and forgets the old key's token and cache file.
func (s *tokenSource) rotate(newKey string) {
	s.mu.Lock()
	old := s.apiKey
	s.apiKey = newKey
	s.token, s.expiry, s.bearer = "", time.Time{}, nil
	s.gen++
	s.publishLocked()
	s.mu.Unlock()
	s.disk.remove(s.baseURL, old)
}

// authTransport attaches the bearer token to requests for the API origin,
// and on a 401 refreshes the token once per call and replays the request.
type authTransport struct {
	next   http.RoundTripper
	src    *tokenSource
	origin *url.URL
	// anonymous marks a NewPublicClient: no key, so no token is ever sent.
	anonymous bool
}

// sameOrigin reports whether u is on the configured API origin. The token
// is never sent anywhere else, a redirect's target included.
func (t *authTransport) sameOrigin(u *url.URL) bool {
	return strings.EqualFold(u.Scheme, t.origin.Scheme) && strings.EqualFold(u.Host, t.origin.Host)
}

func (t *authTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if t.anonymous || !t.sameOrigin(req.URL) || callStateFrom(req.Context()).isPublic() {
		if req.Header.Get("Authorization") != "" {
			req = shallowClone(req)
			req.Header = req.Header.Clone()
			req.Header.Del("Authorization")
		}
		return t.next.RoundTrip(req)
	}
	ctx := req.Context()
	tok, gen, err := t.src.Token(ctx)
	if err != nil {
		if req.Body != nil {
			_ = req.Body.Close()
		}
		return nil, err
	}
	st := callStateFrom(ctx)
	resp, err := t.next.RoundTrip(withBearer(req, tok, st))
	if err != nil || resp.StatusCode != http.StatusUnauthorized {
		return resp, err
	}
	if st == nil || st.refreshed || (req.Body != nil && req.Body != http.NoBody && req.GetBody == nil) {
		return resp, nil
	}
	st.refreshed = true
	discard(resp)
	t.src.invalidate(gen)
	tok, _, err = t.src.Token(ctx)
	if err != nil {
		return nil, err
	}
	r := req
	if req.GetBody != nil {
		body, err := req.GetBody()
		if err != nil {
			return nil, err
		}
		r = shallowClone(req)
		r.Body = body
	}
	return t.next.RoundTrip(withBearer(r, tok, st))
}

// withBearer returns req carrying the token. A request the client built
// itself (st.ownHeaders) gets the header set in place: every attempt of the
// call sets its own current token on the call's private map. Any other
// request is copied first, with a new header map sharing the (never
// mutated) value slices, so the caller's request is not modified.
func withBearer(req *http.Request, bearer []string, st *callState) *http.Request {
	if st != nil && st.ownHeaders {
		req.Header["Authorization"] = bearer
		return req
	}
	r := shallowClone(req)
	r.Header = make(http.Header, len(req.Header)+1)
	for k, v := range req.Header {
		r.Header[k] = v
	}
	r.Header["Authorization"] = bearer
	return r
}

// RotateKeyResult is the answer of RotateKey. APIKey is the new key: the old
// one stops working at once, so persist it before anything else.
type RotateKeyResult struct {
	APIKey  string `json:"api_key"`
	Message string `json:"message,omitempty"`
	rawJSON
}

// UnmarshalJSON implements json.Unmarshaler.
func (r *RotateKeyResult) UnmarshalJSON(b []byte) error {
	type alias RotateKeyResult
	return decodeKeep(b, (*alias)(r), &r.rawJSON)
}

// String hides the key; read the APIKey field to get it.
func (r *RotateKeyResult) String() string { return "colony.RotateKeyResult{APIKey: REDACTED}" }

// Format prints String for every verb, so logging the result cannot leak
// the key.
func (r *RotateKeyResult) Format(f fmt.State, _ rune) { _, _ = io.WriteString(f, r.String()) }

// RotateKey replaces the client's API key with a new one. POST
// /auth/rotate-key. When the answer carries the new key the client switches
// to it at once (the old key's cached token and cache file are dropped);
// the caller must persist result.APIKey.
func (c *Client) RotateKey(ctx context.Context, opts ...CallOption) (*RotateKeyResult, error) {
	var out RotateKeyResult
	if err := c.do(ctx, epRotateKey.req(args{}), &out, opts); err != nil {
		return nil, err
	}
	if out.APIKey != "" {
		c.tokens.rotate(out.APIKey)
	}
	return &out, nil
}
