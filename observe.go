package colony

import (
	"context"
	"log/slog"
	"net/http"
	"sync"
	"sync/atomic"
	"time"
)

// RequestInfo describes one HTTP attempt about to be sent. It never holds the
// API key, the token or the request body.
type RequestInfo struct {
	Method string
	URL    string
	// Route is the path template, e.g. "/posts/{post_id}".
	Route string
	// Attempt is 0 for the first attempt and counts retries after it.
	Attempt int
}

// ResponseInfo describes the outcome of one HTTP attempt.
type ResponseInfo struct {
	Method  string
	URL     string
	Route   string
	Attempt int
	// StatusCode is the HTTP status, 0 when no response arrived.
	StatusCode int
	Header     http.Header
	RateLimit  RateLimit
	Duration   time.Duration
	Err        error // the transport error when StatusCode is 0
}

// RequestHook runs before every HTTP attempt: retries, the 401 replay and the
// token exchange included; not on cache hits.
type RequestHook func(RequestInfo)

// ResponseHook runs after every HTTP attempt, whatever its status. (Python
// calls on_response only on success and always with status 200.)
type ResponseHook func(ResponseInfo)

// hooks is a copy-on-write list, so adding a hook never races a request.
type hooks struct {
	req  atomic.Pointer[[]RequestHook]
	resp atomic.Pointer[[]ResponseHook]
	mu   sync.Mutex
}

func (h *hooks) addRequest(f RequestHook) {
	h.mu.Lock()
	defer h.mu.Unlock()
	var list []RequestHook
	if p := h.req.Load(); p != nil {
		list = append(list, *p...)
	}
	list = append(list, f)
	h.req.Store(&list)
}

func (h *hooks) addResponse(f ResponseHook) {
	h.mu.Lock()
	defer h.mu.Unlock()
	var list []ResponseHook
	if p := h.resp.Load(); p != nil {
		list = append(list, *p...)
	}
	list = append(list, f)
	h.resp.Store(&list)
}

// add adds the hooks given as options.
func (h *hooks) add(req []RequestHook, resp []ResponseHook) {
	for _, f := range req {
		h.addRequest(f)
	}
	for _, f := range resp {
		h.addResponse(f)
	}
}

// lastSeen keeps the most recent response's headers, for Python parity
// only: under concurrency it belongs to an arbitrary call, so prefer
// WithResponse. The rate limit is parsed from them on demand.
type lastSeen struct {
	header atomic.Pointer[http.Header]
}

// logger wraps an optional *slog.Logger; a nil *logger logs nothing.
type logger struct{ l *slog.Logger }

func (l *logger) enabled(ctx context.Context) bool {
	return l != nil && l.l.Enabled(ctx, slog.LevelDebug)
}

func (l *logger) retry(ctx context.Context, req *http.Request, attempt int, resp *http.Response, err error, wait time.Duration) {
	if !l.enabled(ctx) {
		return
	}
	attrs := []slog.Attr{
		slog.String("method", req.Method),
		slog.String("route", routeOf(req)),
		slog.Int("attempt", attempt),
		slog.Duration("wait", wait),
	}
	if resp != nil {
		attrs = append(attrs, slog.Int("status", resp.StatusCode))
	}
	if err != nil {
		attrs = append(attrs, slog.String("error", err.Error()))
	}
	l.l.LogAttrs(ctx, slog.LevelDebug, "colony: retrying", attrs...)
}

// routeOf returns the route template of req, or its path.
func routeOf(req *http.Request) string {
	if st := callStateFrom(req.Context()); st != nil && st.route != "" {
		return st.route
	}
	return req.URL.Path
}

// observeTransport is the innermost layer: it sees every real HTTP attempt,
// the token exchange included, and feeds the hooks, the debug log and the
// rate-limit snapshot. It logs method, route, status, attempt and duration;
// never headers, bodies, keys or tokens.
type observeTransport struct {
	next  http.RoundTripper
	hooks *hooks
	last  *lastSeen
	log   *logger
}

func (t *observeTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	route, attempt := req.URL.Path, 0
	if st := callStateFrom(ctx); st != nil {
		route, attempt = st.route, st.attempt
	}
	reqHooks, respHooks := t.hooks.req.Load(), t.hooks.resp.Load()
	var fullURL string
	if reqHooks != nil || respHooks != nil {
		fullURL = req.URL.String()
	}
	if reqHooks != nil {
		info := RequestInfo{Method: req.Method, URL: fullURL, Route: route, Attempt: attempt}
		for _, h := range *reqHooks {
			h(info)
		}
	}
	// Time the attempt only for someone who reads the duration.
	logOn := t.log.enabled(ctx)
	var start time.Time
	if respHooks != nil || logOn {
		start = time.Now()
	}
	resp, err := t.next.RoundTrip(req)
	var dur time.Duration
	if !start.IsZero() {
		dur = time.Since(start)
	}

	status := 0
	var header http.Header
	if err == nil {
		status, header = resp.StatusCode, resp.Header
		t.last.header.Store(&resp.Header)
	}
	if respHooks != nil {
		info := ResponseInfo{Method: req.Method, URL: fullURL, Route: route, Attempt: attempt,
			StatusCode: status, Header: header, RateLimit: parseRateLimit(header), Duration: dur, Err: err}
		for _, h := range *respHooks {
			h(info)
		}
	}
	if logOn {
		t.logAttempt(req, route, attempt, dur, status, header, err)
	}
	return resp, err
}

// logAttempt writes the debug record of one attempt: never headers, bodies,
// keys or tokens.
func (t *observeTransport) logAttempt(req *http.Request, route string, attempt int, dur time.Duration, status int, header http.Header, err error) {
	attrs := []slog.Attr{
		slog.String("method", req.Method),
		slog.String("route", route),
		slog.Int("attempt", attempt),
		slog.Duration("duration", dur),
	}
	if err != nil {
		attrs = append(attrs, slog.String("error", err.Error()))
	} else {
		attrs = append(attrs, slog.Int("status", status))
		if id := header.Get("X-Request-Id"); id != "" {
			attrs = append(attrs, slog.String("request_id", id))
		}
	}
	t.log.l.LogAttrs(req.Context(), slog.LevelDebug, "colony: http", attrs...)
}
