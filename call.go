package colony

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"
)

// CallOption changes one call. Pass it as the last, variadic argument of any
// Client method that does I/O.
type CallOption func(*callConfig)

type callConfig struct {
	idempotencyKey string
	meta           *ResponseMeta
	header         http.Header
	retry          *RetryConfig // nil: the client's policy
	err            error        // a bad option: the call is refused before sending
}

// fail records the first bad option of a call.
func (c *callConfig) fail(err error) {
	if c.err == nil {
		c.err = err
	}
}

// WithIdempotencyKey sets the Idempotency-Key header of a write (POST or
// PUT; PATCH and DELETE never carry one, as in the Python SDK). Every attempt of the call, retries included, carries the
// same key, so the server applies the write at most once and answers a
// replay with the original response. Without this option each write gets a
// fresh random key (see GenerateIdempotencyKey); pass your own to make a
// write safe to repeat across process restarts. Ignored on GET.
// A key with a CR, LF, NUL or other control character fails the call with
// ErrInvalidParams before anything is sent.
func WithIdempotencyKey(key string) CallOption {
	return func(c *callConfig) {
		if err := checkHeaderValue("WithIdempotencyKey", key); err != nil {
			c.fail(err)
			return
		}
		c.idempotencyKey = key
	}
}

// WithResponse stores the final response's metadata in *meta once the call
// returns, whether it succeeded or failed with an HTTP status.
func WithResponse(meta *ResponseMeta) CallOption {
	return func(c *callConfig) { c.meta = meta }
}

// WithHeader adds a request header to one call, for server features the SDK
// does not model yet. A name that is not an HTTP token, or a value with a
// CR, LF, NUL or other control character, fails the call with
// ErrInvalidParams before anything is sent.
func WithHeader(key, value string) CallOption {
	return func(c *callConfig) {
		if err := checkHeader("WithHeader", key, value); err != nil {
			c.fail(err)
			return
		}
		if c.header == nil {
			c.header = make(http.Header)
		}
		c.header.Add(key, value)
	}
}

// WithCallRetry sets the retry policy of one call, overriding the client's
// (WithRetry) for it alone: WithCallRetry(RetryConfig{}) makes one call
// fail fast while the client keeps its defaults. Zero delays mean the
// defaults, as in WithRetry; negative values fail the call with
// ErrInvalidParams before anything is sent. The token exchange keeps its
// own policy (WithAuthRetry).
func WithCallRetry(r RetryConfig) CallOption {
	return func(c *callConfig) {
		if err := r.validate("WithCallRetry"); err != nil {
			c.fail(err)
			return
		}
		n := r.normalized()
		c.retry = &n
	}
}

// checkHeader reports a header net/http would refuse, or one that could
// split a request: a name that is not an HTTP token, a value with control
// characters.
func checkHeader(op, name, value string) error {
	if name == "" {
		return fmt.Errorf("%s: empty header name", op)
	}
	for i := 0; i < len(name); i++ {
		if c := name[i]; c <= ' ' || c >= 0x7f || strings.IndexByte(`"(),/:;<=>?@[\]{}`, c) >= 0 {
			return fmt.Errorf("%s: header name %q is not an HTTP token", op, name)
		}
	}
	return checkHeaderValue(op, value)
}

// checkHeaderValue refuses CR, LF, NUL and every other control character
// but tab.
func checkHeaderValue(op, v string) error {
	for i := 0; i < len(v); i++ {
		if c := v[i]; (c < ' ' && c != '\t') || c == 0x7f {
			// The value is not quoted: it may be a credential.
			return fmt.Errorf("%s: value has a control character (%q) at byte %d; CR, LF and NUL are never allowed", op, c, i)
		}
	}
	return nil
}

// ResponseMeta is what a call saw of the final HTTP response. Unlike the
// Client's LastRateLimit and LastResponseHeaders it belongs to one call, so
// it stays correct under concurrency.
type ResponseMeta struct {
	// StatusCode is the final HTTP status (0 when no response arrived).
	StatusCode int
	// Header holds the final response's headers.
	Header http.Header
	// RateLimit is parsed from the X-RateLimit-* headers.
	RateLimit RateLimit
	// Replayed is true when the server answered from its idempotency store
	// (Idempotent-Replay: true, or the legacy X-Idempotency-Replayed).
	Replayed bool
	// RequestID is the X-Request-Id header, when sent.
	RequestID string
	// Attempts counts the HTTP attempts made, retries included (0 for a
	// cache hit).
	Attempts int
	// Cached is true when the answer came from the client's GET cache.
	Cached bool
	// IdempotencyKey is the key the call's writes carried.
	IdempotencyKey string
	// DeprecatedParams are the renamed query parameters the request used,
	// from X-Colony-Deprecated-Params; DeprecatedValues the renamed values,
	// from X-Colony-Deprecated-Values. Each is also logged once per route.
	DeprecatedParams []Deprecation
	DeprecatedValues []Deprecation
}

// replayedHeader reports whether h marks an idempotent replay.
func replayedHeader(h http.Header) bool {
	return strings.EqualFold(h.Get("Idempotent-Replay"), "true") ||
		strings.EqualFold(h.Get("X-Idempotency-Replayed"), "true")
}

// callState travels in the request context through the transport chain. One
// logical call runs its chain on one goroutine, so no locking is needed.
type callState struct {
	route     string       // path template for logs and hooks
	attempt   int          // current attempt, set by the retry layer
	attempts  int          // attempts made, set by the retry layer
	refreshed bool         // the auth layer has refreshed the token once
	cached    bool         // the cache layer answered
	retry     *RetryConfig // the call's own policy (WithCallRetry), or nil
	// ownHeaders marks a request built by Client.send: its header map is
	// the client's own, so the auth layer may set Authorization in place
	// instead of copying the map for every attempt.
	ownHeaders bool
	// public marks a call of a public route (GET /system/notifications):
	// sent with no token, and no token exchanged for it.
	public bool
}

type callStateKey struct{}

// isPublic reports whether the call is of a public route; false for nil.
func (s *callState) isPublic() bool { return s != nil && s.public }

// callContext is a context carrying a callState: one allocation for both,
// where context.WithValue plus a separate state would take two.
type callContext struct {
	context.Context
	st callState
}

func (c *callContext) Value(key any) any {
	if key == (callStateKey{}) {
		return &c.st
	}
	return c.Context.Value(key)
}

// withCallState returns ctx carrying a new call state for route.
func withCallState(ctx context.Context, route string) (context.Context, *callState) {
	c := &callContext{Context: ctx, st: callState{route: route}}
	return c, &c.st
}

func callStateFrom(ctx context.Context) *callState {
	st, _ := ctx.Value(callStateKey{}).(*callState)
	return st
}

// callConfigOf applies opts to a new callConfig.
// addHeaders adds the call's WithHeader values to h.
func (c *callConfig) addHeaders(h http.Header) {
	for k, vs := range c.header {
		for _, v := range vs {
			h.Add(k, v)
		}
	}
}

func callConfigOf(opts []CallOption) callConfig {
	var cc callConfig
	for _, o := range opts {
		if o != nil {
			o(&cc)
		}
	}
	return cc
}

// captureMeta lets a method read the metadata of its own response while a
// caller's WithResponse still gets it: it returns opts plus a capture, the
// captured metadata, and a function that copies it to the caller's target
// (call it once the request is done).
func captureMeta(opts []CallOption) ([]CallOption, *ResponseMeta, func()) {
	cc := callConfigOf(opts)
	meta := new(ResponseMeta)
	all := append(slices.Clip(opts), WithResponse(meta))
	return all, meta, func() {
		if cc.meta != nil {
			*cc.meta = *meta
		}
	}
}
