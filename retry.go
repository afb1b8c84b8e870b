package colony

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"net/http"
	"slices"
	"strconv"
	"time"
)

// RetryConfig is the retry policy for one kind of request. Start from
// DefaultRetry (or DefaultAuthRetry) and change what you need; a zero
// BaseDelay or MaxDelay means the default, and MaxRetries 0 turns retries off.
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
	// MaxRetryAfter is the longest Retry-After the client sleeps (default
	// 60s): a longer one is not waited for, the call returns the server's
	// answer at once, its RetryAfter set (echo_create answers
	// "Retry-After: 86400"). Computed backoff is capped by MaxDelay.
	MaxRetryAfter time.Duration
}

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
// /auth/token): 6 retries from 2s up to 60s, enough to ride out a restart.
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

// Backoff returns the computed delay before retry number attempt+1 (attempt
// counts from 0), before jitter: min(BaseDelay·2^attempt, MaxDelay).
func (r RetryConfig) Backoff(attempt int) time.Duration { return r.normalized().backoff(attempt) }

// backoff is Backoff on a normalized policy.
func (r RetryConfig) backoff(attempt int) time.Duration {
	d := float64(r.BaseDelay) * math.Pow(2, float64(attempt))
	if d > float64(r.MaxDelay) || math.IsInf(d, 0) {
		return r.MaxDelay
	}
	return time.Duration(d)
}

// ShouldRetry reports whether a response with this status, after attempt
// retries already made, is retried.
func (r RetryConfig) ShouldRetry(status, attempt int) bool {
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
	canRetry := t.retryable(req)
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
		var wait time.Duration
		retry := false
		switch {
		case err != nil:
			cancel.run()
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			// An *APIError here is a failed token exchange that already ran
			// its own retry policy (and must not retry a 429 at all).
			var apiErr *APIError
			retry = canRetry && attempt < t.policy.MaxRetries && !errors.As(err, &apiErr)
			wait = t.backoff(attempt)
		case canRetry && attempt < t.policy.MaxRetries && slices.Contains(t.policy.RetryOn, resp.StatusCode):
			retry = true
			if ra, ok := parseRetryAfter(resp.Header.Get("Retry-After"), time.Now()); ok {
				if ra > t.policy.MaxRetryAfter {
					// Not slept (contract §2.1): the caller gets the answer,
					// with its Retry-After, at once.
					if st != nil {
						st.attempts = attempt + 1
					}
					if cancel != nil {
						resp.Body = &cancelOnClose{ReadCloser: resp.Body, cancel: cancel}
					}
					return resp, nil
				}
				wait = ra
			} else {
				wait = t.backoff(attempt)
			}
			discard(resp)
			cancel.run()
		default:
			if st != nil {
				st.attempts = attempt + 1
			}
			if cancel != nil {
				resp.Body = &cancelOnClose{ReadCloser: resp.Body, cancel: cancel}
			}
			return resp, nil
		}
		if !retry {
			if st != nil {
				st.attempts = attempt + 1
			}
			return nil, err
		}
		t.logger.retry(ctx, req, attempt, resp, err, wait)
		if err := sleep(ctx, wait); err != nil {
			return nil, err
		}
	}
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
func (t *retryTransport) backoff(attempt int) time.Duration {
	d := t.policy.backoff(attempt)
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
