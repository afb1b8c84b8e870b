package colony

import (
	"errors"
	"fmt"
	"net/http"
	"sync"
	"sync/atomic"
	"time"
)

// defaultBreakerCooldown is how long an open breaker refuses calls before it
// lets one probe through.
const defaultBreakerCooldown = 30 * time.Second

// breaker is a consecutive-failure circuit breaker with a half-open probe.
//
// Closed: calls pass; each final failure (network error, 429 or 5xx after
// retries) adds one, any other response resets the count. Open (count >=
// threshold): calls fail with ErrCircuitOpen and no I/O until the cool-down
// has passed. Half-open: one probe call is let through; its success closes
// the breaker, its failure opens it for another cool-down.
//
// Python's breaker (1.14.1) has no half-open state, so once open it never
// closes by itself, and it counts 404/409/422 answers as failures; here only
// failures that say something about the service's health count.
type breaker struct {
	// on mirrors threshold > 0, so a disabled breaker costs no lock.
	on        atomic.Bool
	mu        sync.Mutex
	threshold int // 0 disables the breaker
	cooldown  time.Duration
	failures  int
	openedAt  time.Time
	probing   bool
}

func newBreaker(threshold int, cooldown time.Duration) *breaker {
	b := &breaker{cooldown: cooldown}
	b.configure(threshold, cooldown)
	return b
}

// configure sets the threshold and cool-down and closes the breaker.
func (b *breaker) configure(threshold int, cooldown time.Duration) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.threshold = threshold
	b.on.Store(threshold > 0)
	if cooldown > 0 {
		b.cooldown = cooldown
	}
	b.failures, b.probing = 0, false
}

// allow reports whether a call may proceed, and whether it is the probe.
func (b *breaker) allow(now time.Time) (probe bool, err error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.threshold <= 0 || b.failures < b.threshold {
		return false, nil
	}
	if b.probing || now.Sub(b.openedAt) < b.cooldown {
		return false, fmt.Errorf("%w after %d consecutive failures", ErrCircuitOpen, b.failures)
	}
	b.probing = true
	return true, nil
}

// record counts the outcome of a call.
func (b *breaker) record(failed, probe bool, now time.Time) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if probe {
		b.probing = false
	}
	if !failed {
		b.failures = 0
		return
	}
	b.failures++
	if b.threshold > 0 && b.failures >= b.threshold {
		b.openedAt = now
	}
}

// abandon ends a call whose outcome says nothing about the server (the
// caller cancelled it): the count is unchanged, and a probe may be retried.
func (b *breaker) abandon(probe bool) {
	if !probe {
		return
	}
	b.mu.Lock()
	b.probing = false
	b.mu.Unlock()
}

// breakerTransport is the outermost layer, so one logical call is one sample
// and an open breaker refuses before the cache, auth or retries run.
type breakerTransport struct {
	next http.RoundTripper
	b    *breaker
}

func (t *breakerTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if !t.b.on.Load() {
		return t.next.RoundTrip(req)
	}
	probe, err := t.b.allow(time.Now())
	if err != nil {
		if req.Body != nil {
			_ = req.Body.Close()
		}
		return nil, err
	}
	resp, err := t.next.RoundTrip(req)
	switch {
	case err != nil && req.Context().Err() != nil:
		// The caller giving up says nothing about the server.
		t.b.abandon(probe)
	case err != nil:
		var apiErr *APIError
		switch {
		case errors.As(err, &apiErr): // the token exchange's answer
			t.b.record(unhealthy(apiErr.StatusCode), probe, time.Now())
		case classify(err) == failLocal:
			// Refused before the network: nothing about the service.
			t.b.abandon(probe)
		default:
			t.b.record(true, probe, time.Now())
		}
	default:
		t.b.record(unhealthy(resp.StatusCode), probe, time.Now())
	}
	return resp, err
}

// unhealthy reports whether a final status counts against the service:
// no response (0), 429 or 5xx.
func unhealthy(status int) bool {
	return status == 0 || status == http.StatusTooManyRequests || status >= 500
}
