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
	"sync/atomic"
	"time"
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
	public   *http.Client // observe → base: hooks fire; no auth, retry or redirects (public.go)
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
	c.hooks.add(cfg.reqHooks, cfg.respHooks)
	var log *logger
	if cfg.logger != nil {
		log = &logger{l: cfg.logger}
	}
	c.deprec = newDeprecationLog(log)
	obs := &observeTransport{next: base, hooks: c.hooks, last: c.last, log: log}
	c.public = &http.Client{Transport: obs, CheckRedirect: noRedirects, Timeout: cfg.timeout}
	c.tokens = newTokenSource(cfg, apiKey, c.userAgent,
		&retryTransport{next: obs, policy: authRetryPolicy(cfg.authRetry), timeout: attemptTimeout, anyMethod: true, logger: log})

	var rt http.RoundTripper = &authTransport{next: obs, src: c.tokens, origin: origin, anonymous: apiKey == ""}
	rt = &retryTransport{next: rt, policy: cfg.retry, timeout: attemptTimeout, logger: log}
	rt = &cacheTransport{next: rt, cache: c.cache}
	rt = &breakerTransport{next: rt, b: c.breaker}

	hc := &http.Client{}
	if cfg.httpClient != nil {
		*hc = *cfg.httpClient
	}
	hc.Transport = rt
	hc.CheckRedirect = sameOriginGETRedirects(origin, hc.CheckRedirect)
	c.http = hc
	return c, nil
}

// authRetryPolicy is the token exchange's policy: never retried on 429,
// which would only prolong a lockout.
func authRetryPolicy(r RetryConfig) RetryConfig {
	r.RetryOn = slices.DeleteFunc(slices.Clone(r.RetryOn), func(s int) bool { return s == http.StatusTooManyRequests })
	return r
}

// newTokenSource is the client's token source, exchanging the key through
// rt and caching tokens on disk unless the options or the environment say
// not to.
func newTokenSource(cfg *config, apiKey, userAgent string, rt http.RoundTripper) *tokenSource {
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
	return &tokenSource{
		baseURL:   cfg.baseURL,
		tokenURL:  cfg.baseURL + "/auth/token",
		userAgent: userAgent,
		disk:      disk,
		apiKey:    apiKey,
		totp:      cfg.totp,
		client:    &http.Client{Transport: rt, CheckRedirect: noRedirects},
	}
}

// noRedirects stops the token exchange at a redirect: the API key is never
// re-posted to another URL.
func noRedirects(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }

// sameOriginGETRedirects follows a redirect only when it stays on the
// API's origin and the request is a GET or HEAD (then next, the caller's
// own policy, if any, decides). Any other redirect is not followed: the
// call ends with the 3xx as an *APIError naming the status and Location,
// so no body or credential goes anywhere the caller did not name.
func sameOriginGETRedirects(origin *url.URL, next func(*http.Request, []*http.Request) error) func(*http.Request, []*http.Request) error {
	return func(req *http.Request, via []*http.Request) error {
		sameOrigin := strings.EqualFold(req.URL.Scheme, origin.Scheme) && strings.EqualFold(req.URL.Host, origin.Host)
		if m := via[0].Method; !sameOrigin || (m != http.MethodGet && m != http.MethodHead) {
			return http.ErrUseLastResponse
		}
		if next != nil {
			return next(req, via)
		}
		if len(via) >= 10 {
			return errors.New("stopped after 10 redirects")
		}
		return nil
	}
}

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

// timeoutConn gives every Read and Write of a connection at least timeout
// to complete. A deadline is armed timeout plus a quarter ahead and
// re-armed only once less than timeout is left, so most calls skip the
// syscall: each Read or Write gets between 1 and 1.25 times timeout.
type timeoutConn struct {
	net.Conn
	timeout         time.Duration
	readBy, writeBy atomic.Int64 // armed deadlines, Unix nanoseconds
}

func (c *timeoutConn) Read(p []byte) (int, error) {
	c.arm(&c.readBy, c.Conn.SetReadDeadline)
	return c.Conn.Read(p)
}

func (c *timeoutConn) Write(p []byte) (int, error) {
	c.arm(&c.writeBy, c.Conn.SetWriteDeadline)
	return c.Conn.Write(p)
}

func (c *timeoutConn) arm(by *atomic.Int64, set func(time.Time) error) {
	now := time.Now()
	if by.Load()-now.UnixNano() >= int64(c.timeout) {
		return
	}
	d := now.Add(c.timeout + c.timeout/4)
	_ = set(d)
	by.Store(d.UnixNano())
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
	// body is the JSON body (nil sends none), or a rawBody such as a
	// multipart upload, streamed as it is.
	body any
	// public marks a public route: no token is sent (callState.public).
	public bool
}

// inflight is one API call in flight: the request as sent, the call's options
// and, once sent, the final response.
type inflight struct {
	r    *request
	path string     // the API path sent, query included
	cfg  callConfig // the call's options
	st   *callState // what the transport chain recorded
	key  string     // the Idempotency-Key sent, "" for reads
	resp *http.Response
}

// ok reports whether the final response is a 2xx.
func (cl *inflight) ok() bool { return cl.resp.StatusCode >= 200 && cl.resp.StatusCode <= 299 }

// fail returns the *APIError of a call that got a response but cannot be
// used: a body too large, unreadable or malformed.
func (cl *inflight) fail(msg string, err error) *APIError {
	return &APIError{StatusCode: cl.resp.StatusCode, Method: cl.r.method, Path: cl.path, Route: cl.r.route, Message: msg, Err: err}
}

// statusError reads (at most maxErrorBody of) a non-2xx response into its
// *APIError and closes the body.
func (c *Client) statusError(cl *inflight) *APIError {
	defer discard(cl.resp)
	b, _ := io.ReadAll(io.LimitReader(cl.resp.Body, maxErrorBody))
	e := newStatusError(cl.r.method, cl.path, cl.r.route, cl.resp, b)
	e.RetryAfter = min(e.RetryAfter, MaxReportedRetryAfter)
	c.tokens.redact(e)
	return e
}

// recordMeta stores the final response's metadata for WithResponse.
func (cl *inflight) recordMeta() {
	if m := cl.cfg.meta; m != nil {
		fillMeta(m, cl.resp, cl.st, cl.key)
	}
}

// fillMeta sets m from the final response of a call.
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

// do sends r and decodes a 2xx JSON body into out (which may be nil).
func (c *Client) do(ctx context.Context, r *request, out any, opts []CallOption) error {
	cl, err := c.send(ctx, r, opts)
	if err != nil {
		return err
	}
	if !cl.ok() {
		return c.statusError(&cl)
	}
	cl.recordMeta()
	b, err := readLimited(cl.resp, c.maxBody)
	if err != nil {
		discard(cl.resp)
		return cl.fail(err.Error(), err)
	}
	_ = cl.resp.Body.Close()
	if out == nil {
		return nil
	}
	return cl.decode(b, out)
}

// decode unmarshals a 2xx body into out. An entity result (a post, a
// user, a message, a page) cannot be empty or null: that is a broken
// server, never a zero value to return as success.
func (cl *inflight) decode(b []byte, out any) error {
	fd, entity := out.(fastDecoder)
	if trimmed := bytes.TrimSpace(b); len(trimmed) == 0 || string(trimmed) == "null" {
		if entity && cl.resp.StatusCode != http.StatusNoContent {
			what := "empty"
			if len(trimmed) > 0 {
				what = "null"
			}
			return cl.fail("malformed response body: "+what, fmt.Errorf("%w: %s body", ErrDecode, what))
		}
		if len(trimmed) == 0 {
			return nil
		}
	}
	var err error
	if entity {
		err = fd.decodeJSON(b) // b is ours: the model keeps it without a copy
	} else {
		err = json.Unmarshal(b, out)
	}
	if err != nil {
		return cl.fail("malformed response body: "+err.Error(), fmt.Errorf("%w: %w", ErrDecode, err))
	}
	return nil
}

// send builds and sends r, returning the call with its response of any
// status; the caller owns the response body. Local problems wrap
// ErrInvalidParams and nothing is sent; transport failures are *APIError
// with StatusCode 0.
func (c *Client) send(ctx context.Context, r *request, opts []CallOption) (inflight, error) {
	cl := inflight{r: r, cfg: callConfigOf(opts)}
	if cl.cfg.err != nil {
		return cl, invalidParams(r.op, "%v", cl.cfg.err)
	}
	req, err := c.build(ctx, &cl)
	if err != nil {
		return cl, err
	}
	cl.resp, err = c.http.Do(req)
	if err != nil {
		cl.resp = nil // after a CheckRedirect error, a response with its body closed
		e := transportError(ctx, r.method, cl.path, r.route, c.origin.Host, err)
		c.tokens.redact(e)
		if m := cl.cfg.meta; m != nil {
			*m = ResponseMeta{Attempts: cl.st.attempts, IdempotencyKey: cl.key}
			if e.StatusCode != 0 { // the token exchange failed with a status
				m.StatusCode, m.RateLimit = e.StatusCode, e.RateLimit
			}
		}
		return cl, e
	}
	c.deprec.note(ctx, r.method, r.route, cl.resp.Header)
	if !cl.ok() {
		cl.recordMeta()
	}
	return cl, nil
}

// build makes the HTTP request of cl: its path, body and headers.
func (c *Client) build(ctx context.Context, cl *inflight) (*http.Request, error) {
	r := cl.r
	path := r.route
	if !r.rawRoute {
		var err error
		if path, err = buildPath(r.op, r.route, r.params); err != nil {
			return nil, err
		}
	}
	if r.query != "" {
		path += "?" + r.query
	}
	cl.path = path
	var body io.Reader
	var encoded []byte
	raw, isRaw := r.body.(rawBody)
	var rawLen int64
	var contentType string
	switch {
	case isRaw:
		body, rawLen, contentType = raw.open()
	case r.body != nil:
		var err error
		if encoded, err = json.Marshal(r.body); err != nil {
			return nil, invalidParams(r.op, "encoding request body: %v", err)
		}
		body = bytes.NewReader(encoded)
	}
	cctx, st := withCallState(ctx, r.route)
	st.ownHeaders, st.public = true, r.public
	st.retry = cl.cfg.retry
	cl.st = st
	req, err := http.NewRequestWithContext(cctx, r.method, c.baseURL+path, body)
	if err != nil {
		return nil, invalidParams(r.op, "building request: %v", err)
	}
	req.Header["User-Agent"] = []string{c.userAgent}
	switch {
	case encoded != nil:
		req.Header["Content-Type"] = []string{"application/json"}
	case isRaw:
		req.Header["Content-Type"] = []string{contentType}
		req.ContentLength = rawLen
		req.GetBody = raw.replay()
		if req.ContentLength == 0 {
			req.ContentLength = -1 // unknown, not empty: a zero would drop the body
		}
	}
	cl.key = applyCallHeaders(req, &cl.cfg)
	return req, nil
}

// applyCallHeaders sets the Idempotency-Key of writes and any WithHeader
// headers, and returns the key used.
func applyCallHeaders(req *http.Request, cc *callConfig) string {
	key := ""
	switch req.Method {
	case http.MethodPost, http.MethodPut: // never GET, PATCH or DELETE (contract §2.3)
		key = cc.idempotencyKey
		if key == "" {
			key = GenerateIdempotencyKey()
		}
		req.Header["Idempotency-Key"] = []string{key}
	}
	cc.addHeaders(req.Header)
	return key
}

// readCap is the most a body read allocates before any byte arrives,
// whatever Content-Length announced: a lying server cannot make the client
// reserve memory it never sends.
const readCap = 64 << 10

// readLimited reads a success body of at most max bytes. Memory grows with
// the bytes that arrive, never with what was announced, and a body over
// the limit is dropped after at most max+1 bytes were held, so the peak
// stays near the limit.
func readLimited(resp *http.Response, max int64) ([]byte, error) {
	n := resp.ContentLength
	if n > max {
		return nil, fmt.Errorf("%w: %d bytes announced, limit %d", ErrResponseTooLarge, n, max)
	}
	if n >= 0 && n <= readCap {
		b := make([]byte, n)
		if _, err := io.ReadFull(resp.Body, b); err != nil {
			return nil, fmt.Errorf("%w: reading body: %w", ErrNetwork, err)
		}
		return b, nil
	}
	limit, first := max+1, int64(4<<10)
	if n >= 0 {
		limit, first = n, readCap
	}
	chunks, total, err := readChunks(resp.Body, limit, first)
	switch {
	case err != nil:
		return nil, fmt.Errorf("%w: reading body: %w", ErrNetwork, err)
	case total > max:
		return nil, fmt.Errorf("%w: more than %d bytes", ErrResponseTooLarge, max)
	case n >= 0 && total < n:
		return nil, fmt.Errorf("%w: reading body: %w", ErrNetwork, io.ErrUnexpectedEOF)
	}
	if len(chunks) == 1 {
		return chunks[0], nil
	}
	out := make([]byte, 0, total)
	for _, c := range chunks {
		out = append(out, c...)
	}
	return out, nil
}

// readChunks reads up to limit bytes of r into chunks that start at first
// bytes and double up to 8 MiB, so nothing read is copied while reading
// and nothing is allocated ahead of the bytes that arrive.
func readChunks(r io.Reader, limit, first int64) (chunks [][]byte, total int64, err error) {
	size := first
	for total < limit {
		buf := make([]byte, min(size, limit-total))
		m, err := io.ReadFull(r, buf)
		total += int64(m)
		if m > 0 {
			chunks = append(chunks, buf[:m])
		}
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			break
		}
		if err != nil {
			return nil, 0, err
		}
		size = min(2*size, 8<<20)
	}
	return chunks, total, nil
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
