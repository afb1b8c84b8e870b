package colony

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// DefaultBaseURL is the API root. The platform's primary domain has been
// thecolony.ai since July 2026; https://thecolony.cc/api/v1 keeps working.
const DefaultBaseURL = "https://thecolony.ai/api/v1"

// Defaults applied by NewClient.
const (
	DefaultTimeout          = 30 * time.Second
	DefaultMaxResponseBytes = 32 << 20
)

// Option configures a Client. Options are validated once, by NewClient.
type Option func(*config) error

type config struct {
	baseURL         string
	httpClient      *http.Client
	timeout         time.Duration
	retry           RetryConfig
	authRetry       RetryConfig
	proxy           *url.URL
	logger          *slog.Logger
	userAgent       string
	tokenCacheDir   string
	noTokenCache    bool
	breakerN        int
	breakerCooldown time.Duration
	cacheTTL        time.Duration
	reqHooks        []RequestHook
	respHooks       []ResponseHook
	maxBody         int64
}

func defaultConfig() *config {
	return &config{
		baseURL:         DefaultBaseURL,
		timeout:         DefaultTimeout,
		retry:           DefaultRetry(),
		authRetry:       DefaultAuthRetry(),
		breakerCooldown: defaultBreakerCooldown,
		maxBody:         DefaultMaxResponseBytes,
	}
}

// WithBaseURL sets the API root, e.g. "https://thecolony.cc/api/v1" or a
// colonytest server's URL. Trailing slashes are removed. It must be an
// absolute http or https URL.
func WithBaseURL(raw string) Option {
	return func(c *config) error {
		u, err := url.Parse(strings.TrimRight(raw, "/"))
		if err != nil {
			return fmt.Errorf("colony: WithBaseURL: %w", err)
		}
		if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return fmt.Errorf("colony: WithBaseURL: %q is not an absolute http(s) URL", raw)
		}
		if u.RawQuery != "" || u.Fragment != "" {
			return fmt.Errorf("colony: WithBaseURL: %q must not have a query or fragment", raw)
		}
		c.baseURL = u.String()
		return nil
	}
}

// WithHTTPClient makes the client send its requests through hc's Transport
// (nil means http.DefaultTransport). hc is copied, never modified. Its
// Timeout, if set, bounds a whole call including retries; WithTimeout still
// bounds each attempt.
func WithHTTPClient(hc *http.Client) Option {
	return func(c *config) error {
		if hc == nil {
			return errors.New("colony: WithHTTPClient: nil *http.Client")
		}
		c.httpClient = hc
		return nil
	}
}

// WithTimeout bounds the client's network operations (default 30s; 0 means
// no limit). With the client's own transport it is, as in the Python SDK, a
// socket timeout: connecting, and each read and write of a connection, must
// finish within it, so a stalled server fails the attempt (and a GET or a
// keyed write is retried) while a steady slow download goes on. With a
// transport of your own (WithHTTPClient) it bounds each attempt as a whole.
// Bound a call as a whole with its context.
func WithTimeout(d time.Duration) Option {
	return func(c *config) error {
		if d < 0 {
			return fmt.Errorf("colony: WithTimeout: negative duration %v", d)
		}
		c.timeout = d
		return nil
	}
}

// WithRetry sets the retry policy of API calls (default DefaultRetry());
// WithCallRetry overrides it for one call.
func WithRetry(r RetryConfig) Option {
	return func(c *config) error {
		if err := r.validate("WithRetry"); err != nil {
			return err
		}
		c.retry = r.normalized()
		return nil
	}
}

// WithAuthRetry sets the retry policy of the token exchange (default
// DefaultAuthRetry()). 429 is removed from RetryOn: a throttled token
// endpoint is never retried.
func WithAuthRetry(r RetryConfig) Option {
	return func(c *config) error {
		if err := r.validate("WithAuthRetry"); err != nil {
			return err
		}
		c.authRetry = r.normalized()
		return nil
	}
}

// WithProxy sends every request through the proxy at raw (http, https or
// socks5). Without it the environment's HTTP_PROXY, HTTPS_PROXY and NO_PROXY
// apply. It needs the default transport or an *http.Transport.
func WithProxy(raw string) Option {
	return func(c *config) error {
		u, err := url.Parse(raw)
		if err != nil {
			return fmt.Errorf("colony: WithProxy: %w", err)
		}
		if u.Scheme == "" || u.Host == "" {
			return fmt.Errorf("colony: WithProxy: %q is not an absolute URL", raw)
		}
		c.proxy = u
		return nil
	}
}

// WithLogger sends debug records of every HTTP attempt (method, route,
// status, attempt, duration) and every retry to l. Keys, tokens, headers and
// bodies are never logged.
func WithLogger(l *slog.Logger) Option {
	return func(c *config) error {
		c.logger = l
		return nil
	}
}

// WithUserAgent prefixes the User-Agent header with ua, e.g. "my-agent/1.2",
// giving "my-agent/1.2 colony-sdk-go/<version>". A CR, LF, NUL or other
// control character is refused with ErrInvalidParams.
func WithUserAgent(ua string) Option {
	return func(c *config) error {
		if err := checkHeaderValue("user agent", ua); err != nil {
			return &ParamError{Op: "WithUserAgent", Reason: err.Error()}
		}
		c.userAgent = strings.TrimSpace(ua)
		return nil
	}
}

// WithTokenCacheDir keeps the on-disk JWT cache in dir instead of the
// default (COLONY_SDK_TOKEN_CACHE_DIR, else the user cache directory), and
// turns the cache on if an earlier option turned it off.
func WithTokenCacheDir(dir string) Option {
	return func(c *config) error {
		if dir == "" {
			return errors.New("colony: WithTokenCacheDir: empty directory")
		}
		c.tokenCacheDir, c.noTokenCache = dir, false
		return nil
	}
}

// WithoutTokenCache keeps the JWT in memory only.
func WithoutTokenCache() Option {
	return func(c *config) error {
		c.noTokenCache = true
		return nil
	}
}

// WithCircuitBreaker opens the breaker after threshold consecutive failed
// calls (network errors, 429 and 5xx once retries are spent); while open,
// calls fail with ErrCircuitOpen without any I/O. After the cool-down (30s
// by default, see WithCircuitBreakerCooldown) one probe call is let through
// and its success closes the breaker. 0 disables it (the default).
func WithCircuitBreaker(threshold int) Option {
	return func(c *config) error {
		if threshold < 0 {
			return fmt.Errorf("colony: WithCircuitBreaker: negative threshold %d", threshold)
		}
		c.breakerN = threshold
		return nil
	}
}

// WithCircuitBreakerCooldown sets how long an open breaker refuses calls
// before it lets a probe through.
func WithCircuitBreakerCooldown(d time.Duration) Option {
	return func(c *config) error {
		if d <= 0 {
			return fmt.Errorf("colony: WithCircuitBreakerCooldown: must be positive, got %v", d)
		}
		c.breakerCooldown = d
		return nil
	}
}

// WithCache caches successful GET responses for ttl, keyed by full URL. Any
// write that may have reached the server clears the cache, whatever its
// answer (a write that committed but got a 500 must not leave stale data). 0 disables it (the default).
func WithCache(ttl time.Duration) Option {
	return func(c *config) error {
		if ttl < 0 {
			return fmt.Errorf("colony: WithCache: negative TTL %v", ttl)
		}
		c.cacheTTL = ttl
		return nil
	}
}

// WithRequestHook adds a hook run before every HTTP attempt.
func WithRequestHook(h RequestHook) Option {
	return func(c *config) error {
		if h == nil {
			return errors.New("colony: WithRequestHook: nil hook")
		}
		c.reqHooks = append(c.reqHooks, h)
		return nil
	}
}

// WithResponseHook adds a hook run after every HTTP attempt.
func WithResponseHook(h ResponseHook) Option {
	return func(c *config) error {
		if h == nil {
			return errors.New("colony: WithResponseHook: nil hook")
		}
		c.respHooks = append(c.respHooks, h)
		return nil
	}
}

// WithMaxResponseBytes caps the size of a successful response body (default
// 32 MiB). A larger body fails the call with an error wrapping
// ErrResponseTooLarge. Error bodies are always capped at 1 MiB.
func WithMaxResponseBytes(n int64) Option {
	return func(c *config) error {
		if n <= 0 {
			return fmt.Errorf("colony: WithMaxResponseBytes: must be positive, got %d", n)
		}
		c.maxBody = n
		return nil
	}
}
