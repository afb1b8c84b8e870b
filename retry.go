package colony

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"net"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

// RetryConfig is the retry policy for one kind of request. Start from
// DefaultRetry (or DefaultAuthRetry) and change what you need; a zero
// BaseDelay or MaxDelay means the default, and MaxRetries 0 turns retries off.
//
// Retry number n+1 (n from 0) waits min(BaseDelay·2ⁿ, MaxDelay), with jitter
// over its upper half, unless the server sent Retry-After. Only what a retry
// can fix is retried: the statuses in RetryOn and broken connections (a
// failed connection at most once); never a request refused before the
// network.
type RetryConfig struct {
	// MaxRetries is how many times a failed attempt is retried; the total
	// number of attempts is MaxRetries+1.
	MaxRetries int
	// BaseDelay is the first backoff; attempt n waits BaseDelay·2ⁿ.
	BaseDelay time.Duration
	// MaxDelay caps the computed backoff.
	MaxDelay time.Duration
	// RetryOn lists the HTTP statuses that are retried. nil means the
	// default {429, 502, 503, 504}; 500 is deliberately not in it.
	RetryOn []int
	// MaxRetryAfter is the longest Retry-After the client sleeps out before
	// the next attempt (default 60s); it also clamps a computed delay. A
	// longer Retry-After is not slept: the call fails at once with its
	// ErrRateLimited error, whose RetryAfter says when to come back (an echo
	// answers "Retry-After: 86400"; honouring it would block for a day).
	MaxRetryAfter time.Duration
}

// MaxReportedRetryAfter bounds APIError.RetryAfter, so an absurd header
// (twenty digits of seconds) reads as a week rather than overflowing.
const MaxReportedRetryAfter = 7 * 24 * time.Hour

const (
	defaultBaseDelay     = time.Second
	defaultMaxDelay      = 10 * time.Second
	defaultMaxRetryAfter = 60 * time.Second
)

var defaultRetryOn = []int{429, 502, 503, 504}

// DefaultRetry returns the policy used for API calls, the Python SDK's
// default: 2 retries, 1s then 2s, on 429, 502, 503 and 504.
func DefaultRetry() RetryConfig {
	return RetryConfig{
		MaxRetries:    2,
		BaseDelay:     defaultBaseDelay,
		MaxDelay:      defaultMaxDelay,
		RetryOn:       slices.Clone(defaultRetryOn),
		MaxRetryAfter: defaultMaxRetryAfter,
	}
}

// DefaultAuthRetry returns the policy of the token exchange (POST
// /auth/token): 6 retries on 502, 503 and 504, from 2s doubling up to 60s,
// enough to ride out a restart. A 500 is not retried, as on every route,
// and a failed connection (refused, DNS, TLS) is retried once, briefly,
// whatever the policy says, so a dead host fails in well under 2s.
// It never retries 429: retrying a throttled token endpoint only prolongs the
// lockout (fixed in the Python SDK after 1.14.1), and the auth transport
// drops 429 from any policy given to WithAuthRetry.
func DefaultAuthRetry() RetryConfig {
	return RetryConfig{
		MaxRetries:    6,
		BaseDelay:     2 * time.Second,
		MaxDelay:      60 * time.Second,
		RetryOn:       []int{502, 503, 504},
		MaxRetryAfter: defaultMaxRetryAfter,
	}
}

// validate reports configuration errors; name is the option's name.
func (r RetryConfig) validate(name string) error {
	switch {
	case r.MaxRetries < 0:
		return fmt.Errorf("colony: %s: MaxRetries must be >= 0, got %d", name, r.MaxRetries)
	case r.BaseDelay < 0, r.MaxDelay < 0, r.MaxRetryAfter < 0:
		return fmt.Errorf("colony: %s: delays must not be negative", name)
	}
	return nil
}

// normalized fills in defaults for zero fields.
func (r RetryConfig) normalized() RetryConfig {
	if r.BaseDelay == 0 {
		r.BaseDelay = defaultBaseDelay
	}
	if r.MaxDelay == 0 {
		r.MaxDelay = defaultMaxDelay
	}
	if r.RetryOn == nil {
		r.RetryOn = slices.Clone(defaultRetryOn)
	}
	if r.MaxRetryAfter == 0 {
		r.MaxRetryAfter = defaultMaxRetryAfter
	}
	return r
}

// backoff is the computed delay before retry number attempt+1 (attempt
// counts from 0) on a normalized policy, before jitter:
// min(BaseDelay·2^attempt, MaxDelay).
func (r RetryConfig) backoff(attempt int) time.Duration {
	d := float64(r.BaseDelay) * math.Pow(2, float64(attempt))
	if d > float64(r.MaxDelay) || math.IsInf(d, 0) {
		return r.MaxDelay
	}
	return time.Duration(d)
}

// shouldRetry reports whether a response with this status, after attempt
// retries already made, is retried.
func (r RetryConfig) shouldRetry(status, attempt int) bool {
	r = r.normalized()
	return attempt < r.MaxRetries && slices.Contains(r.RetryOn, status)
}

// parseRetryAfter reads a Retry-After header: whole seconds (digits only, as
// Python reads it) or, beyond Python, an HTTP-date. A date in the past gives 0.
func parseRetryAfter(v string, now time.Time) (time.Duration, bool) {
	if v == "" {
		return 0, false
	}
	digits := true
	for i := 0; i < len(v); i++ {
		if v[i] < '0' || v[i] > '9' {
			digits = false
			break
		}
	}
	if digits {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n > int64(math.MaxInt64/time.Second) {
			return time.Duration(math.MaxInt64), true
		}
		return time.Duration(n) * time.Second, true
	}
	t, err := http.ParseTime(v)
	if err != nil {
		return 0, false
	}
	if d := t.Sub(now); d > 0 {
		return d, true
	}
	return 0, true
}

// retryTransport resends failed attempts of one logical call. It sits
// outside the auth transport so that every attempt carries a current token.
type retryTransport struct {
	next    http.RoundTripper
	policy  RetryConfig   // normalized when the client was built
	timeout time.Duration // per attempt; 0 means none
	// anyMethod marks the token exchange: it carries no Idempotency-Key but
	// is safe to repeat.
	anyMethod bool
	logger    *logger
}

// retryable reports whether req may be sent again: GET/HEAD, or a write
// carrying an Idempotency-Key, and only when its body can be rewound.
func (t *retryTransport) retryable(req *http.Request) bool {
	if req.Body != nil && req.Body != http.NoBody && req.GetBody == nil {
		return false
	}
	if t.anyMethod || req.Method == http.MethodGet || req.Method == http.MethodHead {
		return true
	}
	return req.Header.Get("Idempotency-Key") != ""
}

func (t *retryTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	st := callStateFrom(ctx)
	policy := &t.policy
	if st != nil && st.retry != nil {
		policy = st.retry
	}
	canRetry := t.retryable(req)
	connectRetried := false
	for attempt := 0; ; attempt++ {
		r := req
		if attempt > 0 && req.GetBody != nil {
			body, err := req.GetBody()
			if err != nil {
				return nil, err
			}
			r = shallowClone(req)
			r.Body = body
		}
		if st != nil {
			st.attempt = attempt
		}
		actx, cancel := t.attemptContext(ctx)
		if actx != ctx {
			r = r.WithContext(actx)
		}
		resp, err := t.next.RoundTrip(r)
		if err != nil {
			cancel.run()
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
		}
		retry, wait := false, time.Duration(0)
		if canRetry && attempt < policy.MaxRetries {
			retry, wait = t.plan(ctx, policy, attempt, resp, err, &connectRetried)
		}
		if !retry {
			if st != nil {
				st.attempts = attempt + 1
			}
			if err != nil {
				return nil, err
			}
			if cancel != nil {
				resp.Body = &cancelOnClose{ReadCloser: resp.Body, cancel: cancel}
			}
			return resp, nil
		}
		if resp != nil {
			discard(resp)
			cancel.run()
		}
		t.logger.retry(ctx, req, attempt, resp, err, wait)
		if err := sleep(ctx, wait); err != nil {
			return nil, err
		}
	}
}

// plan decides whether an attempt that may be retried is, and after how
// long: a broken connection by the policy's backoff, a failed connection
// once and briefly, a status in RetryOn after its Retry-After or the
// backoff, unless the Retry-After cannot fit in the caller's deadline
// (then its answer, with its Retry-After, is worth more now than a
// DeadlineExceeded later).
func (t *retryTransport) plan(ctx context.Context, policy *RetryConfig, attempt int, resp *http.Response, err error, connectRetried *bool) (bool, time.Duration) {
	if err != nil {
		switch classify(err) {
		case failTransient:
			return true, t.backoff(policy, attempt)
		case failConnect:
			// Nothing was sent and the host is down or wrong: one brief
			// retry rides out a restart, more only delays the answer.
			if *connectRetried {
				return false, 0
			}
			*connectRetried = true
			return true, jitter(connectRetryDelay)
		}
		return false, 0
	}
	if !policy.shouldRetry(resp.StatusCode, attempt) {
		return false, 0
	}
	ra, ok := parseRetryAfter(resp.Header.Get("Retry-After"), time.Now())
	if !ok {
		return true, t.backoff(policy, attempt)
	}
	if ra > policy.MaxRetryAfter {
		return false, 0 // not slept: the caller schedules with RetryAfter
	}
	if dl, ok := ctx.Deadline(); ok && time.Until(dl) < ra {
		return false, 0
	}
	return true, ra
}

// connectRetryDelay bounds the one wait before a failed connection is
// tried again.
const connectRetryDelay = 250 * time.Millisecond

// failure is what a transport error says about retrying.
type failure int

const (
	// failTransient: the request may have reached the server and the
	// connection broke (a reset, an EOF, a timeout); retried per policy.
	failTransient failure = iota
	// failConnect: no connection was made (refused, DNS, TLS), so nothing
	// was sent; retried at most once, briefly.
	failConnect
	// failLocal: the request was refused before the network (a bad
	// header, a failed token exchange that ran its own policy, an open
	// breaker); a retry cannot fix it.
	failLocal
)

// classify sorts a transport error for the retry, breaker and cache layers.
func classify(err error) failure {
	var apiErr *APIError
	var pe *ParamError
	switch {
	case errors.As(err, &apiErr), errors.As(err, &pe), errors.Is(err, ErrCircuitOpen), errors.Is(err, errBodySuperseded):
		return failLocal
	case isConnectError(err):
		return failConnect
	}
	// net/http refuses some requests before dialling, with untyped errors.
	msg := err.Error()
	for _, p := range [...]string{"net/http: invalid header", "net/http: invalid method", "unsupported protocol scheme", "http: no Host in request URL", "http: nil Request"} {
		if strings.Contains(msg, p) {
			return failLocal
		}
	}
	return failTransient
}

// isConnectError reports a failure to set up a connection: a dial error
// (refused, unreachable, DNS, dial timeout), a proxy connect failure or a
// TLS handshake failure.
func isConnectError(err error) bool {
	var op *net.OpError
	if errors.As(err, &op) && (op.Op == "dial" || op.Op == "proxyconnect") {
		return true
	}
	var dns *net.DNSError
	var cv *tls.CertificateVerificationError
	var rh tls.RecordHeaderError
	var alert tls.AlertError
	var ua x509.UnknownAuthorityError
	var he x509.HostnameError
	var ci x509.CertificateInvalidError
	return errors.As(err, &dns) || errors.As(err, &cv) || errors.As(err, &rh) || errors.As(err, &alert) ||
		errors.As(err, &ua) || errors.As(err, &he) || errors.As(err, &ci)
}

// cancelFunc is an optional context.CancelFunc.
type cancelFunc context.CancelFunc

func (c cancelFunc) run() {
	if c != nil {
		c()
	}
}

// attemptContext bounds one attempt by the per-attempt timeout, unless the
// caller's own deadline is sooner; cancel is nil when no context was made.
func (t *retryTransport) attemptContext(ctx context.Context) (context.Context, cancelFunc) {
	if t.timeout <= 0 {
		return ctx, nil
	}
	if dl, ok := ctx.Deadline(); ok && time.Until(dl) <= t.timeout {
		return ctx, nil
	}
	actx, cancel := context.WithTimeout(ctx, t.timeout)
	return actx, cancelFunc(cancel)
}

// backoff is the computed delay with jitter: a random point in the upper
// half of [0, Backoff(attempt)], so that many clients failing together
// spread out without ever retrying at once.
func (t *retryTransport) backoff(policy *RetryConfig, attempt int) time.Duration {
	return jitter(policy.backoff(attempt))
}

// jitter is a random point in the upper half of [0, d].
func jitter(d time.Duration) time.Duration {
	return d/2 + time.Duration(rand.Int64N(int64(d/2)+1))
}

// sleep waits for d or until ctx is done, whichever comes first.
func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-timer.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// maxDrain bounds how much of a discarded body is read to keep its
// connection reusable; beyond it the connection is simply closed.
const maxDrain = 64 << 10

// discard drains (up to maxDrain) and closes a response that is dropped.
func discard(resp *http.Response) {
	if resp == nil || resp.Body == nil {
		return
	}
	_, _ = io.CopyN(io.Discard, resp.Body, maxDrain)
	_ = resp.Body.Close()
}

// cancelOnClose releases a per-attempt context once the body is closed.
type cancelOnClose struct {
	io.ReadCloser
	cancel cancelFunc
}

func (c *cancelOnClose) Close() error {
	err := c.ReadCloser.Close()
	c.cancel()
	return err
}

// shallowClone copies req for a new attempt without deep-copying headers.
// Layers that change headers copy them themselves.
func shallowClone(req *http.Request) *http.Request {
	r := new(http.Request)
	*r = *req
	return r
}

// isContextErr reports whether err is a context cancellation or deadline.
func isContextErr(err error) bool {
	return errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}
