package colony

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
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
	totp      *totpSource  // nil without WithTOTP/WithTOTPCode (totp.go)

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

// redact scrubs the current key and token from an error's fields.
func (s *tokenSource) redact(e *APIError) {
	if e == nil || s == nil {
		return
	}
	s.mu.Lock()
	key, tok := s.apiKey, s.token
	s.mu.Unlock()
	redactSecrets(e, key, tok)
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

		err := s.lead(ctx, call, key, gen)
		if err == errStaleToken {
			continue
		}
		if err != nil {
			return nil, 0, err
		}
		return call.bearer, call.gen, nil
	}
}

// lead makes the exchange the callers waiting on call share, for key at
// generation gen, and publishes its token; errStaleToken when the key was
// rotated or the token reset meanwhile.
func (s *tokenSource) lead(ctx context.Context, call *tokenCall, key string, gen uint64) error {
	tok, exp, fromDisk, err := s.obtain(ctx, key)
	s.mu.Lock()
	if err == nil && s.gen != gen {
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
	if err == nil && !fromDisk {
		s.disk.save(s.baseURL, key, tok, exp)
	}
	return err
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

// exchange performs POST /auth/token with {"api_key": key}, plus
// "totp_code" only when a code source is configured.
func (s *tokenSource) exchange(ctx context.Context, key string) (string, time.Time, error) {
	const route = "/auth/token"
	code, err := s.totp.code(ctx)
	if err != nil {
		return "", time.Time{}, err
	}
	body, err := json.Marshal(struct {
		APIKey   string `json:"api_key"`
		TOTPCode string `json:"totp_code,omitempty"`
	}{key, code})
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
		return "", time.Time{}, transportError(ctx, http.MethodPost, route, route, req.URL.Host, err)
	}
	defer discard(resp)
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		b, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
		e := newStatusError(http.MethodPost, route, route, resp, b)
		e.RetryAfter = min(e.RetryAfter, MaxReportedRetryAfter)
		redactSecrets(e, key)
		return "", time.Time{}, e
	}
	b, err := io.ReadAll(io.LimitReader(resp.Body, maxTokenResponse))
	if err != nil {
		return "", time.Time{}, transportError(ctx, http.MethodPost, route, route, req.URL.Host, err)
	}
	tok, life, err := parseTokenResponse(b)
	if err != nil {
		e := &APIError{StatusCode: resp.StatusCode, Method: http.MethodPost, Path: route, Route: route,
			Message: err.Error(), Err: fmt.Errorf("%w: %w", ErrDecode, err)}
		redactSecrets(e, key)
		return "", time.Time{}, e
	}
	return tok, refreshDeadline(start, life, tok), nil
}

// maxTokenLifetime caps the lifetime a token response may claim, so a
// huge expires_in (1e10, 1e300) cannot overflow the refresh deadline.
const maxTokenLifetime = 30 * 24 * time.Hour

// parseTokenResponse reads {"access_token": "...", "expires_in": N} and
// returns the token and its lifetime (0 when not given). expires_in may be
// a number or a numeric string; each failure says what was wrong.
func parseTokenResponse(b []byte) (string, time.Duration, error) {
	var tr struct {
		AccessToken json.RawMessage `json:"access_token"`
		ExpiresIn   json.RawMessage `json:"expires_in"`
	}
	if err := json.Unmarshal(b, &tr); err != nil {
		return "", 0, fmt.Errorf("token response is not a JSON object: %v", err)
	}
	var tok string
	switch {
	case len(tr.AccessToken) == 0 || string(tr.AccessToken) == "null":
		return "", 0, errors.New("token response has no access_token")
	case json.Unmarshal(tr.AccessToken, &tok) != nil:
		return "", 0, errors.New("token response: access_token is not a string")
	case strings.TrimSpace(tok) == "":
		return "", 0, errors.New("token response: access_token is empty")
	}
	life, err := parseExpiresIn(tr.ExpiresIn)
	if err != nil {
		return "", 0, err
	}
	return tok, life, nil
}

// parseExpiresIn reads expires_in in seconds, a JSON number or a numeric
// string, clamped to maxTokenLifetime; absent, null or zero is 0 (the JWT's
// exp claim or the default then decides).
func parseExpiresIn(raw json.RawMessage) (time.Duration, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return 0, nil
	}
	text := string(raw)
	var s string
	if json.Unmarshal(raw, &s) == nil {
		text = strings.TrimSpace(s)
	}
	secs, err := strconv.ParseFloat(text, 64)
	if err != nil || math.IsNaN(secs) {
		return 0, fmt.Errorf("token response: expires_in %s is not a number of seconds", raw)
	}
	if secs < 0 {
		return 0, fmt.Errorf("token response: expires_in %s is negative", raw)
	}
	if secs >= maxTokenLifetime.Seconds() {
		return maxTokenLifetime, nil
	}
	return time.Duration(secs * float64(time.Second)), nil
}

// refreshDeadline is when a token obtained at start stops being used: an
// hour before it expires, by expires_in, else the JWT's exp claim, else 24 h.
// Every lifetime is capped at maxTokenLifetime.
func refreshDeadline(start time.Time, expiresIn time.Duration, jwt string) time.Time {
	life := defaultTokenLifetime
	switch {
	case expiresIn > 0:
		life = expiresIn
	default:
		if exp, ok := jwtExpiry(jwt); ok && exp.After(start) {
			life = min(exp.Sub(start), maxTokenLifetime)
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
	return time.Unix(int64(min(claims.Exp, 1<<40)), 0), true
}

// invalidate drops the token of generation gen, if it is still current,
// together with its disk-cache file.
func (s *tokenSource) invalidate(gen uint64) {
	s.mu.Lock()
	if s.gen != gen || s.token == "" {
		s.mu.Unlock()
		return
	}
	s.forget(s.apiKey)
}

// reset forgets the token (RefreshToken).
func (s *tokenSource) reset() {
	s.mu.Lock()
	s.forget(s.apiKey)
}

// rotate swaps in a new key and forgets the old key's token and cache file.
func (s *tokenSource) rotate(newKey string) {
	s.mu.Lock()
	old := s.apiKey
	s.apiKey = newKey
	s.forget(old)
}

// forget drops the token, starting a new generation, and unlocks s.mu,
// which the caller holds; then it removes key's disk-cache file.
func (s *tokenSource) forget(key string) {
	s.token, s.expiry, s.bearer = "", time.Time{}, nil
	s.gen++
	s.publishLocked()
	s.mu.Unlock()
	s.disk.remove(s.baseURL, key)
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
