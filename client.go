package colony

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"
)

// Endpoints of this file.
var (
	_ = local("OnRequest", "on_request")
	_ = local("OnResponse", "on_response")
	_ = local("EnableCircuitBreaker", "enable_circuit_breaker")
	_ = local("EnableCache", "enable_cache")
	_ = local("ClearCache", "clear_cache")
	_ = local("RefreshToken", "refresh_token")
	_ = local("LastRateLimit", "last_rate_limit")
	_ = local("LastResponseHeaders", "last_response_headers")
	_ = local("BaseURL", "")
	_ = local("CloseIdleConnections", "")
	_ = function(local("NewPublicClient", ""))
	_ = function(local("GenerateIdempotencyKey", "generate_idempotency_key"))
)

// Client is a client of The Colony's REST API. It is safe for concurrent use
// by many goroutines; create one per API key and share it.
//
// Every request goes through a chain of http.RoundTripper layers, from the
// outside in: breaker, cache, retry, auth, observe, base transport.
//
// Each layer in turn:
//
//   - breaker: fails fast with ErrCircuitOpen after repeated failures, so a
//     logical call is one sample and an open breaker costs no I/O.
//   - cache: the opt-in GET cache, so a hit skips retries and auth.
//   - retry: backoff with jitter and Retry-After; it sits outside auth so
//     every attempt carries a current token.
//   - auth: the JWT from POST /auth/token, refreshed once on a 401, sent to
//     the API origin only.
//   - observe: hooks, debug logs and rate-limit headers for every real
//     attempt, the token exchange included.
//   - base: net/http with a pool of up to 64 connections, all kept for reuse.
type Client struct {
	baseURL   string
	origin    *url.URL
	userAgent string
	maxBody   int64

	http     *http.Client
	base     http.RoundTripper
	tokens   *tokenSource
	breaker  *breaker
	cache    *responseCache
	hooks    *hooks
	last     *lastSeen
	colonies *colonyResolver
	deprec   *deprecationLog // deprecation headers already logged
}

// NewClient returns a Client for apiKey (a "col_..." key). Options are
// validated here: an empty key, an unparsable base URL, negative durations
// or retry counts are errors.
func NewClient(apiKey string, opts ...Option) (*Client, error) {
	if strings.TrimSpace(apiKey) == "" {
		return nil, errors.New("colony: NewClient: empty API key")
	}
	return newClient(apiKey, opts)
}

// NewPublicClient returns a Client without an API key, for the API's public
// reads (the feed, a post and its comments, the colony list), such as a
// dashboard or `colony feed` run with no account. It never exchanges a
// token; endpoints that need one answer ErrUnauthorized.
func NewPublicClient(opts ...Option) (*Client, error) { return newClient("", opts) }

func newClient(apiKey string, opts []Option) (*Client, error) {
	cfg := defaultConfig()
	for _, opt := range opts {
		if opt == nil {
			continue
		}
		if err := opt(cfg); err != nil {
			return nil, err
		}
	}
	origin, err := url.Parse(cfg.baseURL)
	if err != nil {
		return nil, fmt.Errorf("colony: NewClient: base URL: %w", err)
	}
	base, ownTimeout, err := baseTransport(cfg)
	if err != nil {
		return nil, err
	}
	attemptTimeout := cfg.timeout
	if ownTimeout {
		attemptTimeout = 0 // the connections enforce it
	}
	c := &Client{
		baseURL:   cfg.baseURL,
		origin:    origin,
		userAgent: userAgent(cfg.userAgent),
		maxBody:   cfg.maxBody,
		base:      base,
		breaker:   newBreaker(cfg.breakerN, cfg.breakerCooldown),
		cache:     newResponseCache(cfg.cacheTTL),
		hooks:     &hooks{},
		last:      &lastSeen{},
	}
	c.colonies = newColonyResolver(c)
	for _, h := range cfg.reqHooks {
		c.hooks.addRequest(h)
	}
	for _, h := range cfg.respHooks {
		c.hooks.addResponse(h)
	}
	var log *logger
	if cfg.logger != nil {
		log = &logger{l: cfg.logger}
	}
	c.deprec = newDeprecationLog(log)
	obs := &observeTransport{next: base, hooks: c.hooks, last: c.last, log: log}

	authRetry := cfg.authRetry
	authRetry.RetryOn = slices.DeleteFunc(slices.Clone(authRetry.RetryOn), func(s int) bool { return s == http.StatusTooManyRequests })
	var disk *diskCache
	if !cfg.noTokenCache && !tokenCacheDisabledByEnv() {
		dir := cfg.tokenCacheDir
		if dir == "" {
			dir, _ = defaultTokenCacheDir()
		}
		if dir != "" {
			disk = &diskCache{dir: dir}
		}
	}
	c.tokens = &tokenSource{
		baseURL:   cfg.baseURL,
		tokenURL:  cfg.baseURL + "/auth/token",
		userAgent: c.userAgent,
		disk:      disk,
		apiKey:    apiKey,
		client: &http.Client{
			Transport:     &retryTransport{next: obs, policy: authRetry, timeout: attemptTimeout, anyMethod: true, logger: log},
			CheckRedirect: noRedirects,
		},
	}

	var rt http.RoundTripper = &authTransport{next: obs, src: c.tokens, origin: origin, anonymous: apiKey == ""}
	rt = &retryTransport{next: rt, policy: cfg.retry, timeout: attemptTimeout, logger: log}
	rt = &cacheTransport{next: rt, cache: c.cache}
	rt = &breakerTransport{next: rt, b: c.breaker}

	hc := &http.Client{}
	if cfg.httpClient != nil {
		*hc = *cfg.httpClient
	}
	hc.Transport = rt
	c.http = hc
	return c, nil
}

// noRedirects stops the token exchange at a redirect: the API key is never
// re-posted to another URL.
func noRedirects(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }

// DefaultMaxConnsPerHost is the connection pool size of the client's
// default transport: up to 64 concurrent requests to the API each get
// their own connection, all kept for reuse (http.DefaultTransport keeps only
// 2 idle per host, so bursts would keep re-dialling), and a burst never
// dials more than that. Pass WithHTTPClient with your own transport to
// change it.
const DefaultMaxConnsPerHost = 64

// newPooledTransport is http.DefaultTransport with a pool sized by
// DefaultMaxConnsPerHost. With a positive timeout every network operation
// (each read and each write of a connection) must finish within it, the
// semantics of the Python SDK's socket timeout, enforced by connection
// deadlines rather than a timer per request.
func newPooledTransport(timeout time.Duration) *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConns = 4 * DefaultMaxConnsPerHost
	t.MaxIdleConnsPerHost = DefaultMaxConnsPerHost
	t.MaxConnsPerHost = DefaultMaxConnsPerHost
	if timeout > 0 {
		dialer := &net.Dialer{Timeout: timeout, KeepAlive: 30 * time.Second}
		t.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
			conn, err := dialer.DialContext(ctx, network, addr)
			if err != nil {
				return nil, err
			}
			return &timeoutConn{Conn: conn, timeout: timeout}, nil
		}
	}
	return t
}

// timeoutConn gives every Read and Write of a connection its own deadline.
type timeoutConn struct {
	net.Conn
	timeout time.Duration
}

func (c *timeoutConn) Read(p []byte) (int, error) {
	_ = c.Conn.SetReadDeadline(time.Now().Add(c.timeout))
	return c.Conn.Read(p)
}

func (c *timeoutConn) Write(p []byte) (int, error) {
	_ = c.Conn.SetWriteDeadline(time.Now().Add(c.timeout))
	return c.Conn.Write(p)
}

// baseTransport returns the innermost transport and whether it enforces
// the timeout itself (the client's own pool does; a caller's transport
// gets a per-attempt context from the retry layer instead).
func baseTransport(cfg *config) (http.RoundTripper, bool, error) {
	var rt http.RoundTripper
	own := false
	if cfg.httpClient != nil && cfg.httpClient.Transport != nil {
		rt = cfg.httpClient.Transport
	} else {
		rt, own = newPooledTransport(cfg.timeout), true
	}
	if cfg.proxy != nil {
		t, ok := rt.(*http.Transport)
		if !ok {
			return nil, false, errors.New("colony: WithProxy needs an *http.Transport; set Proxy on your own transport instead")
		}
		t = t.Clone()
		t.Proxy = http.ProxyURL(cfg.proxy)
		rt = t
	}
	return rt, own, nil
}

// BaseURL returns the API root the client talks to.
func (c *Client) BaseURL() string { return c.baseURL }

// String describes the client without its key or token.
func (c *Client) String() string { return "colony.Client{baseURL: " + c.baseURL + "}" }

// GoString is String, so %#v cannot print the key either.
func (c *Client) GoString() string { return c.String() }

// Format prints String for every verb, so no formatting directive can reach
// the key or token inside.
func (c *Client) Format(f fmt.State, _ rune) { _, _ = io.WriteString(f, c.String()) }

// CloseIdleConnections closes idle connections of the base transport.
func (c *Client) CloseIdleConnections() {
	type idleCloser interface{ CloseIdleConnections() }
	if t, ok := c.base.(idleCloser); ok {
		t.CloseIdleConnections()
	}
}

// EnableCircuitBreaker sets the breaker threshold at run time and closes the
// breaker (Python: enable_circuit_breaker). 0 disables it.
func (c *Client) EnableCircuitBreaker(threshold int) {
	c.breaker.configure(max(threshold, 0), 0)
}

// EnableCache sets the GET cache TTL at run time and empties the cache
// (Python: enable_cache). 0 disables it.
func (c *Client) EnableCache(ttl time.Duration) { c.cache.setTTL(max(ttl, 0)) }

// ClearCache empties the GET cache (Python: clear_cache).
func (c *Client) ClearCache() { c.cache.clear() }

// OnRequest adds a hook run before every HTTP attempt (Python: on_request).
func (c *Client) OnRequest(h RequestHook) {
	if h != nil {
		c.hooks.addRequest(h)
	}
}

// OnResponse adds a hook run after every HTTP attempt (Python: on_response).
func (c *Client) OnResponse(h ResponseHook) {
	if h != nil {
		c.hooks.addResponse(h)
	}
}

// RefreshToken forgets the current JWT and deletes its disk-cache file, so
// the next call exchanges the key again (Python: refresh_token). No I/O.
func (c *Client) RefreshToken() { c.tokens.reset() }

// LastRateLimit returns the rate limit of the most recent response (Python:
// last_rate_limit). Under concurrency it may belong to another goroutine's
// call; WithResponse gives each call its own.
func (c *Client) LastRateLimit() RateLimit {
	if h := c.last.header.Load(); h != nil {
		return parseRateLimit(*h)
	}
	return RateLimit{}
}

// LastResponseHeaders returns a copy of the most recent response's headers
// (Python: last_response_headers). Prefer WithResponse under concurrency.
func (c *Client) LastResponseHeaders() http.Header {
	if h := c.last.header.Load(); h != nil {
		return h.Clone()
	}
	return nil
}

// request describes one API call.
type request struct {
	op     string   // Go method name, for local errors
	method string   // HTTP method
	route  string   // path template with {name} placeholders
	params []string // values for the placeholders, in order
	// rawRoute marks route as a path the caller already escaped (Raw).
	rawRoute bool
	query    string // encoded query string, without '?'
	body     any    // JSON body; nil sends none
	// raw is a non-JSON body (multipart uploads), sent with contentType.
	// With rawRewind set the body can be replayed on a retry or a 401;
	// without it the request is attempted once.
	raw         io.Reader
	rawLen      int64 // -1 when unknown
	rawRewind   func() (io.ReadCloser, error)
	contentType string
	public      bool // a public route: no token is sent (callState.public)
}

// do sends r and decodes a 2xx JSON body into out (which may be nil).
func (c *Client) do(ctx context.Context, r *request, out any, opts []CallOption) error {
	resp, path, st, key, cc, err := c.send(ctx, r, opts)
	if err != nil {
		return err
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		defer discard(resp)
		b, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
		return newStatusError(r.method, path, r.route, resp, b)
	}
	if cc.meta != nil {
		fillMeta(cc.meta, resp, st, key)
	}
	b, err := readLimited(resp, c.maxBody)
	if err != nil {
		discard(resp)
		return &APIError{StatusCode: resp.StatusCode, Method: r.method, Path: path, Route: r.route,
			Message: err.Error(), Err: err}
	}
	_ = resp.Body.Close()
	if out == nil {
		return nil
	}
	fd, entity := out.(fastDecoder)
	if len(bytes.TrimSpace(b)) == 0 {
		if entity && resp.StatusCode != http.StatusNoContent {
			// A post, user, message or page cannot be empty: a broken
			// server, not an empty result.
			return &APIError{StatusCode: resp.StatusCode, Method: r.method, Path: path, Route: r.route,
				Message: "malformed response body: empty", Err: fmt.Errorf("%w: empty body", ErrDecode)}
		}
		return nil
	}
	if entity {
		err = fd.decodeJSON(b) // b is ours: the model keeps it without a copy
	} else {
		err = json.Unmarshal(b, out)
	}
	if err != nil {
		return &APIError{StatusCode: resp.StatusCode, Method: r.method, Path: path, Route: r.route,
			Message: "malformed response body: " + err.Error(), Err: fmt.Errorf("%w: %w", ErrDecode, err)}
	}
	return nil
}

// send builds and sends r, returning the response of any status. The caller
// owns the response body. Local problems wrap ErrInvalidParams; transport
// failures are *APIError with StatusCode 0.
func (c *Client) send(ctx context.Context, r *request, opts []CallOption) (resp *http.Response, path string, st *callState, key string, cc callConfig, err error) {
	for _, o := range opts {
		if o != nil {
			o(&cc)
		}
	}
	path = r.route
	if !r.rawRoute {
		if path, err = buildPath(r.op, r.route, r.params); err != nil {
			return nil, "", nil, "", cc, err
		}
	}
	if r.query != "" {
		path += "?" + r.query
	}
	var body io.Reader
	var encoded []byte
	if r.body != nil {
		if encoded, err = json.Marshal(r.body); err != nil {
			return nil, "", nil, "", cc, invalidParams(r.op, "encoding request body: %v", err)
		}
		body = bytes.NewReader(encoded)
	}
	if r.raw != nil {
		body = r.raw
	}
	cctx, st := withCallState(ctx, r.route)
	st.ownHeaders, st.public = true, r.public
	req, err := http.NewRequestWithContext(cctx, r.method, c.baseURL+path, body)
	if err != nil {
		return nil, "", nil, "", cc, invalidParams(r.op, "building request: %v", err)
	}
	req.Header["User-Agent"] = []string{c.userAgent}
	switch {
	case encoded != nil:
		req.Header["Content-Type"] = []string{"application/json"}
	case r.raw != nil:
		req.Header["Content-Type"] = []string{r.contentType}
		req.ContentLength = r.rawLen
		req.GetBody = r.rawRewind
		if req.ContentLength == 0 {
			req.ContentLength = -1 // unknown, not empty: a zero would drop the body
		}
	}
	key = c.applyCallHeaders(req, &cc)
	resp, err = c.http.Do(req)
	if err != nil {
		e := transportError(ctx, r.method, path, r.route, err)
		if cc.meta != nil {
			*cc.meta = ResponseMeta{Attempts: st.attempts, IdempotencyKey: key}
			if e.StatusCode != 0 { // the token exchange failed with a status
				cc.meta.StatusCode, cc.meta.RateLimit = e.StatusCode, e.RateLimit
			}
		}
		return nil, path, st, key, cc, e
	}
	c.deprec.note(ctx, r.method+" "+r.route, resp.Header)
	if cc.meta != nil && (resp.StatusCode < 200 || resp.StatusCode > 299) {
		fillMeta(cc.meta, resp, st, key)
	}
	return resp, path, st, key, cc, nil
}

// applyCallHeaders sets the Idempotency-Key of writes and any WithHeader
// headers, and returns the key used.
func (c *Client) applyCallHeaders(req *http.Request, cc *callConfig) string {
	key := ""
	switch req.Method {
	case http.MethodPost, http.MethodPut: // never GET, PATCH or DELETE (contract §2.3)
		key = cc.idempotencyKey
		if key == "" {
			key = GenerateIdempotencyKey()
		}
		req.Header["Idempotency-Key"] = []string{key}
	}
	for k, vs := range cc.header {
		for _, v := range vs {
			req.Header.Add(k, v)
		}
	}
	return key
}

func fillMeta(m *ResponseMeta, resp *http.Response, st *callState, key string) {
	*m = ResponseMeta{
		StatusCode:     resp.StatusCode,
		Header:         resp.Header,
		RateLimit:      parseRateLimit(resp.Header),
		Replayed:       replayedHeader(resp.Header),
		RequestID:      resp.Header.Get("X-Request-Id"),
		Attempts:       st.attempts,
		Cached:         st.cached,
		IdempotencyKey: key,
		// The deprecation signals of §2.10 (deprecation.go).
		DeprecatedParams: parseDeprecations(resp.Header, HeaderDeprecatedParams, false),
		DeprecatedValues: parseDeprecations(resp.Header, HeaderDeprecatedValues, true),
	}
}

// readLimited reads a success body of at most max bytes.
func readLimited(resp *http.Response, max int64) ([]byte, error) {
	if resp.ContentLength > max {
		return nil, fmt.Errorf("%w: %d bytes announced, limit %d", ErrResponseTooLarge, resp.ContentLength, max)
	}
	if resp.ContentLength >= 0 {
		b := make([]byte, resp.ContentLength)
		if _, err := io.ReadFull(resp.Body, b); err != nil {
			return nil, fmt.Errorf("%w: reading body: %w", ErrNetwork, err)
		}
		return b, nil
	}
	b, err := io.ReadAll(io.LimitReader(resp.Body, max+1))
	if err != nil {
		return nil, fmt.Errorf("%w: reading body: %w", ErrNetwork, err)
	}
	if int64(len(b)) > max {
		return nil, fmt.Errorf("%w: more than %d bytes", ErrResponseTooLarge, max)
	}
	return b, nil
}

// transportError wraps a failure that produced no HTTP response. A failure
// of the token exchange that did get a response is returned as it is.
func transportError(ctx context.Context, method, path, route string, err error) *APIError {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	var apiErr *APIError
	if errors.As(err, &apiErr) {
		return apiErr
	}
	if ctxErr := ctx.Err(); ctxErr != nil && !errors.Is(err, ctxErr) {
		err = fmt.Errorf("%w (%w)", ctxErr, err)
	}
	return &APIError{Method: method, Path: path, Route: route, Err: err}
}

// GenerateIdempotencyKey returns a random key for WithIdempotencyKey: a UUID
// v4 as 32 lowercase hex characters, as Python's generate_idempotency_key.
// Reuse a key only to retry the same logical write.
func GenerateIdempotencyKey() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return hex.EncodeToString(b[:])
}

// Raw sends a request to path (relative to the base URL, starting with "/",
// query included) with an optional JSON body, and returns the raw response
// body. It is the escape hatch for endpoints the SDK does not model yet; the
// caller escapes path segments.
func (c *Client) Raw(ctx context.Context, method, path string, body any, opts ...CallOption) (json.RawMessage, error) {
	if !strings.HasPrefix(path, "/") {
		return nil, invalidParams("Raw", "path %q must start with /", path)
	}
	route, query, _ := strings.Cut(path, "?")
	var out json.RawMessage
	err := c.do(ctx, &request{op: "Raw", method: method, route: route, rawRoute: true, query: query, body: body}, &out, opts)
	return out, err
}
