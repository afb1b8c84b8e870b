package colony

import (
	"net/http"
	"strconv"
	"time"
)

// RateLimit is the server's rate-limit state from the X-RateLimit-Limit,
// X-RateLimit-Remaining and X-RateLimit-Reset headers (Python:
// RateLimitInfo). A nil field means the header was absent or not a
// non-negative integer.
type RateLimit struct {
	Limit     *int
	Remaining *int
	// Reset is the raw X-RateLimit-Reset value, Unix seconds in practice.
	Reset *int64
}

// ResetTime returns Reset as a time, or the zero time when it is unknown.
func (r RateLimit) ResetTime() time.Time {
	if r.Reset == nil {
		return time.Time{}
	}
	return time.Unix(*r.Reset, 0)
}

// parseRateLimit reads the X-RateLimit-* headers. Values must be all digits,
// as in Python; header names match case-insensitively (Python accepts only
// two spellings, a deliberate improvement).
func parseRateLimit(h http.Header) RateLimit {
	var rl RateLimit
	if v, ok := digitsValue(headerValue(h, "X-Ratelimit-Limit")); ok {
		n := int(v)
		rl.Limit = &n
	}
	if v, ok := digitsValue(headerValue(h, "X-Ratelimit-Remaining")); ok {
		n := int(v)
		rl.Remaining = &n
	}
	if v, ok := digitsValue(headerValue(h, "X-Ratelimit-Reset")); ok {
		rl.Reset = &v
	}
	return rl
}

// headerValue looks canonicalKey up directly (no allocation for headers
// net/http parsed), then case-insensitively.
func headerValue(h http.Header, canonicalKey string) string {
	if v := h[canonicalKey]; len(v) > 0 {
		return v[0]
	}
	return h.Get(canonicalKey)
}

func digitsValue(s string) (int64, bool) {
	if s == "" || len(s) > 18 {
		return 0, false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
	}
	v, err := strconv.ParseInt(s, 10, 64)
	return v, err == nil
}
