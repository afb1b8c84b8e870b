package colony

import (
	"net/http"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// vectors mirrors the parts of testdata/vectors.json the core uses.
type vectors struct {
	ErrorBodies []struct {
		Status           int    `json:"status"`
		Body             string `json:"body"`
		Fallback         string `json:"fallback"`
		Prefix           string `json:"prefix"`
		RetryAfterHeader *int   `json:"retry_after_header"`
		Expected         struct {
			Class      string         `json:"class"`
			Message    string         `json:"message"`
			Code       *string        `json:"code"`
			Response   map[string]any `json:"response"`
			RetryAfter *int           `json:"retry_after"`
		} `json:"expected"`
	} `json:"error_bodies"`
	Retry struct {
		RetryAfterParse []struct {
			Header   string `json:"header"`
			Expected *int   `json:"expected"`
		} `json:"retry_after_parse"`
		Delays []struct {
			Config          string  `json:"config"`
			Attempt         int     `json:"attempt"`
			RetryAfter      *int    `json:"retry_after"`
			ExpectedSeconds float64 `json:"expected_seconds"`
		} `json:"delays"`
		ShouldRetry []struct {
			Config   string `json:"config"`
			Status   int    `json:"status"`
			Attempt  int    `json:"attempt"`
			Expected bool   `json:"expected"`
		} `json:"should_retry"`
	} `json:"retry"`
	RateLimitHeaders []struct {
		Headers  map[string]string `json:"headers"`
		Expected struct {
			Limit     *int   `json:"limit"`
			Remaining *int   `json:"remaining"`
			Reset     *int64 `json:"reset"`
		} `json:"expected"`
	} `json:"rate_limit_headers"`
	TokenCacheFilename []struct {
		BaseURL          string `json:"base_url"`
		APIKey           string `json:"api_key"`
		ExpectedFilename string `json:"expected_filename"`
	} `json:"token_cache_filename"`
}

func loadVectors(t *testing.T) vectors { return ReadJSONFile[vectors](t, "testdata/vectors.json") }

// sentinelOf maps a Python error class to the sentinel errors.Is must match.
var sentinelOf = map[string]error{
	"ColonyNotFoundError":   ErrNotFound,
	"ColonyConflictError":   ErrConflict,
	"ColonyRateLimitError":  ErrRateLimited,
	"ColonyValidationError": ErrValidation,
	"ColonyServerError":     ErrServer,
	"ColonyAuthError":       ErrAuth,
}

// goMessageFor lists the two error-body vectors where this SDK deliberately
// renders a different message than Python 1.14.1 (documented in README,
// "Differences from the Python SDK"): a FastAPI detail list is rendered as
// "loc: msg" instead of Python repr, and a null detail.message falls back
// like the JS SDK instead of printing "None".
var goMessageFor = map[string]string{
	`{"detail":[{"loc":["body","title"],"msg":"field required","type":"value_error.missing"}]}`: "Colony API error (GET /x): body.title: field required (validation failed — check field requirements)",
	`{"detail":{"message":null,"code":"X"}}`:                                                    "Colony API error (GET /x): HTTP Error 400: Reason (bad request — check the payload format)",
}

func TestErrorBodyVectors(t *testing.T) {
	v := loadVectors(t)
	require.Len(t, v.ErrorBodies, 23)
	for _, tc := range v.ErrorBodies {
		t.Run(tc.Body, func(t *testing.T) {
			msg, code, obj := parseErrorBody([]byte(tc.Body), tc.Fallback)
			e := &APIError{StatusCode: tc.Status, Message: msg, Code: code, Method: "GET", Path: "/x", Response: obj}
			want := tc.Expected.Message
			if alt, ok := goMessageFor[tc.Body]; ok {
				want = alt
			}
			assert.Equal(t, want, e.Error())
			if tc.Expected.Code != nil {
				assert.Equal(t, *tc.Expected.Code, e.Code)
			} else {
				assert.Empty(t, e.Code)
			}
			if len(tc.Expected.Response) == 0 {
				assert.Empty(t, e.Response)
			} else {
				assert.Equal(t, tc.Expected.Response, e.Response)
			}
			if s, ok := sentinelOf[tc.Expected.Class]; ok {
				assert.ErrorIs(t, e, s)
			} else {
				for _, s := range sentinelOf {
					assert.NotErrorIs(t, e, s, "base ColonyAPIError matches no kind")
				}
			}
			if tc.RetryAfterHeader != nil {
				resp := &http.Response{StatusCode: tc.Status, Header: http.Header{"Retry-After": {strconv.Itoa(*tc.RetryAfterHeader)}}}
				full := newStatusError("GET", "/x", "/x", resp, []byte(tc.Body))
				assert.Equal(t, time.Duration(*tc.Expected.RetryAfter)*time.Second, full.RetryAfter)
			}
		})
	}
}

func TestRetryAfterVectors(t *testing.T) {
	now := time.Date(2015, 10, 21, 7, 27, 0, 0, time.UTC)
	for _, tc := range loadVectors(t).Retry.RetryAfterParse {
		t.Run(tc.Header, func(t *testing.T) {
			got, ok := parseRetryAfter(tc.Header, now)
			if tc.Header == "Wed, 21 Oct 2015 07:28:00 GMT" {
				// Python ignores HTTP-dates; RFC 9110 allows them and we honour them.
				require.True(t, ok)
				assert.Equal(t, time.Minute, got)
				return
			}
			if tc.Expected == nil {
				assert.False(t, ok, "ignored")
				return
			}
			require.True(t, ok)
			assert.Equal(t, time.Duration(*tc.Expected)*time.Second, got)
		})
	}
	_, ok := parseRetryAfter("99999999999999999999999", now)
	assert.True(t, ok, "a huge value parses, to be capped by the caller")
}

func retryConfigNamed(t *testing.T, name string) RetryConfig {
	switch name {
	case "default":
		return DefaultRetry()
	case "auth_token_default_1.14.1":
		return RetryConfig{MaxRetries: 6, BaseDelay: 2 * time.Second, MaxDelay: 60 * time.Second, RetryOn: []int{429, 502, 503, 504}}
	case "custom_base10_max15":
		return RetryConfig{MaxRetries: 2, BaseDelay: 10 * time.Second, MaxDelay: 15 * time.Second}
	}
	t.Fatalf("unknown retry config %q", name)
	return RetryConfig{}
}

func TestRetryDelayVectors(t *testing.T) {
	for _, tc := range loadVectors(t).Retry.Delays {
		cfg := retryConfigNamed(t, tc.Config)
		want := time.Duration(tc.ExpectedSeconds * float64(time.Second))
		if tc.RetryAfter != nil {
			// Retry-After wins over the computed backoff, up to MaxRetryAfter.
			ra := time.Duration(*tc.RetryAfter) * time.Second
			assert.Equal(t, want, min(ra, cfg.normalized().MaxRetryAfter), "%+v", tc)
			continue
		}
		assert.Equal(t, want, cfg.normalized().backoff(tc.Attempt), "%+v", tc)
	}
}

func TestShouldRetryVectors(t *testing.T) {
	for _, tc := range loadVectors(t).Retry.ShouldRetry {
		assert.Equal(t, tc.Expected, retryConfigNamed(t, tc.Config).shouldRetry(tc.Status, tc.Attempt), "%+v", tc)
	}
}

func TestRateLimitHeaderVectors(t *testing.T) {
	for _, tc := range loadVectors(t).RateLimitHeaders {
		h := http.Header{}
		for k, v := range tc.Headers {
			h.Set(k, v)
		}
		rl := parseRateLimit(h)
		want := tc.Expected
		if tc.Headers["X-Ratelimit-Limit"] == "10" {
			// Header names are case-insensitive in HTTP; Python only knew two
			// spellings. We read any casing (an intended improvement).
			ten := 10
			want.Limit = &ten
		}
		assert.Equal(t, want.Limit, rl.Limit, "%v", tc.Headers)
		assert.Equal(t, want.Remaining, rl.Remaining, "%v", tc.Headers)
		assert.Equal(t, want.Reset, rl.Reset, "%v", tc.Headers)
	}
}

func TestTokenCacheFilenameVectors(t *testing.T) {
	for _, tc := range loadVectors(t).TokenCacheFilename {
		assert.Equal(t, tc.ExpectedFilename, tokenCacheFileName(tc.BaseURL, tc.APIKey))
	}
}
