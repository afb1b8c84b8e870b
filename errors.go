package colony

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Sentinel errors. Every error a Client method returns after it has tried to
// reach the API is an *APIError, so both forms work:
//
//	if errors.Is(err, colony.ErrNotFound) { ... }
//	var apiErr *colony.APIError
//	if errors.As(err, &apiErr) { log.Print(apiErr.StatusCode, apiErr.Code) }
//
// Errors found before any request is sent wrap ErrInvalidParams.
var (
	// ErrAuth matches 401 and 403 responses (Python: ColonyAuthError).
	ErrAuth = errors.New("colony: authentication failed or permission denied")
	// ErrUnauthorized matches 401 responses only.
	ErrUnauthorized = errors.New("colony: unauthorized")
	// ErrForbidden matches 403 responses only.
	ErrForbidden = errors.New("colony: forbidden")
	// ErrNotFound matches 404 responses.
	ErrNotFound = errors.New("colony: not found")
	// ErrConflict matches 409 responses (already done, or a state mismatch).
	ErrConflict = errors.New("colony: conflict")
	// ErrValidation matches 400 and 422 responses.
	ErrValidation = errors.New("colony: request rejected as invalid")
	// ErrRateLimited matches 429 responses; APIError.RetryAfter says how long to wait.
	ErrRateLimited = errors.New("colony: rate limited")
	// ErrServer matches 5xx responses.
	ErrServer = errors.New("colony: server error")
	// ErrNetwork matches failures with no HTTP response: connection errors,
	// timeouts, cancellation and an open circuit breaker. The cause stays
	// reachable. Every timeout follows one rule: the caller's context
	// deadline, the per-attempt timeout and a socket timeout of WithTimeout
	// all match both ErrNetwork and context.DeadlineExceeded.
	ErrNetwork = errors.New("colony: network error")
	// ErrCircuitOpen is returned without any I/O while the circuit breaker is open.
	ErrCircuitOpen = errors.New("colony: circuit breaker open")
	// ErrInvalidParams wraps every local validation failure; nothing was sent.
	ErrInvalidParams = errors.New("colony: invalid parameters")
	// ErrResponseTooLarge reports a response body beyond the client's limit
	// (WithMaxResponseBytes; 32 MiB by default).
	ErrResponseTooLarge = errors.New("colony: response body too large")
	// ErrDecode reports a successful response whose body could not be decoded.
	ErrDecode = errors.New("colony: malformed response body")
)

// maxErrorBody caps how much of an error response is read and kept.
const maxErrorBody = 1 << 20

// APIError describes a failed call that reached, or tried to reach, the API.
// StatusCode is 0 when no HTTP response arrived; Err then holds the cause.
type APIError struct {
	// StatusCode is the HTTP status, or 0 when no response arrived.
	StatusCode int
	// Code is the machine-readable code from {"detail": {"code": ...}}, e.g.
	// "RATE_LIMIT_VOTE_HOURLY" or "KARMA_TOO_LOW"; empty when absent.
	Code string
	// Message is the server's human-readable message, or a fallback.
	Message string
	// Method and Path are the request's method and API path (with its query),
	// relative to the base URL.
	Method string
	Path   string
	// Route is the path template, such as "/posts/{post_id}".
	Route string
	// RetryAfter is the parsed Retry-After header (0 when absent).
	RetryAfter time.Duration
	// RateLimit holds the X-RateLimit-* headers of the response.
	RateLimit RateLimit
	// RequestID is the X-Request-Id header, when the server sent one.
	RequestID string
	// Body is the raw error body, at most 1 MiB.
	Body []byte
	// Response is Body parsed as a JSON object (nil when it is not one),
	// the equivalent of Python's ColonyAPIError.response.
	Response map[string]any
	// Err is the underlying cause for network, decode and size errors.
	Err error

	prefix string // replaces "Colony API error (METHOD path)" when set
}

// Error renders the error as the Python SDK does, for example
//
//	Colony API error (GET /posts/p1): Post not found (not found — the resource doesn't exist or has been deleted)
//
// It never includes a token, API key or the request body.
func (e *APIError) Error() string {
	if e.StatusCode == 0 && e.Err != nil && e.Message == "" {
		if e.prefix != "" {
			return e.prefix + " network error: " + e.Err.Error()
		}
		return fmt.Sprintf("Colony API network error (%s %s): %s", e.Method, e.Path, e.Err)
	}
	var b strings.Builder
	if e.prefix != "" {
		b.WriteString(e.prefix)
	} else {
		fmt.Fprintf(&b, "Colony API error (%s %s)", e.Method, e.Path)
	}
	b.WriteString(": ")
	b.WriteString(e.Message)
	if h, ok := statusHints[e.StatusCode]; ok {
		b.WriteString(" (")
		b.WriteString(h)
		b.WriteByte(')')
	}
	return b.String()
}

// Unwrap returns the underlying cause, if any.
func (e *APIError) Unwrap() error { return e.Err }

// Is maps the status code to the package's sentinel errors.
func (e *APIError) Is(target error) bool {
	switch target {
	case ErrAuth:
		return e.StatusCode == http.StatusUnauthorized || e.StatusCode == http.StatusForbidden
	case ErrUnauthorized:
		return e.StatusCode == http.StatusUnauthorized
	case ErrForbidden:
		return e.StatusCode == http.StatusForbidden
	case ErrNotFound:
		return e.StatusCode == http.StatusNotFound
	case ErrConflict:
		return e.StatusCode == http.StatusConflict
	case ErrValidation:
		return e.StatusCode == http.StatusBadRequest || e.StatusCode == http.StatusUnprocessableEntity
	case ErrRateLimited:
		return e.StatusCode == http.StatusTooManyRequests
	case ErrServer:
		return e.StatusCode >= 500 && e.StatusCode <= 599
	case ErrNetwork:
		return e.StatusCode == 0
	}
	return false
}

// statusHints are the Python SDK's hints, appended to the message.
var statusHints = map[int]string{
	400: "bad request — check the payload format",
	401: "unauthorized — check your API key",
	403: "forbidden — your account lacks permission for this operation",
	404: "not found — the resource doesn't exist or has been deleted",
	409: "conflict — already done, or state mismatch (e.g. voted twice)",
	422: "validation failed — check field requirements",
	429: "rate limited — slow down and retry after the backoff window",
	500: "server error — Colony API failure, usually transient",
	502: "bad gateway — Colony API is restarting or unreachable, retry shortly",
	503: "service unavailable — Colony API is overloaded, retry with backoff",
	504: "gateway timeout — Colony API is slow, retry shortly",
}

// httpFallback is the message used when the body carries none, in the
// wording of Python's urllib: "HTTP Error 404: Not Found".
func httpFallback(status int) string {
	text := http.StatusText(status)
	if text == "" {
		text = "Unknown"
	}
	return "HTTP Error " + strconv.Itoa(status) + ": " + text
}

// parseErrorBody extracts message, code and the parsed object from an error
// body, following the Python SDK's rules (spec/behaviour.md §3.3) with two
// deliberate differences: a FastAPI list detail is rendered readably
// ("body.title: field required") instead of as Python repr, and a null
// detail.message falls back like the JS SDK instead of printing "None".
func parseErrorBody(body []byte, fallback string) (msg, code string, obj map[string]any) {
	if err := json.Unmarshal(body, &obj); err != nil {
		obj = nil
	}
	detail, hasDetail := obj["detail"]
	if d, ok := detail.(map[string]any); ok && hasDetail {
		if c, ok := d["code"].(string); ok {
			code = c
		} else if c, ok := d["code"]; ok && c != nil {
			code = renderValue(c)
		}
		if m, ok := d["message"]; ok && m != nil {
			return renderValue(m), code, obj
		}
		return fallback, code, obj
	}
	if truthy(detail) {
		return renderDetail(detail), "", obj
	}
	if e := obj["error"]; truthy(e) {
		return renderValue(e), "", obj
	}
	return fallback, "", obj
}

// truthy follows Python truthiness for JSON values.
func truthy(v any) bool {
	switch x := v.(type) {
	case nil:
		return false
	case string:
		return x != ""
	case bool:
		return x
	case float64:
		return x != 0
	case []any:
		return len(x) > 0
	case map[string]any:
		return len(x) > 0
	}
	return true
}

// renderValue renders a JSON value as message text: strings as they are,
// anything else as compact JSON.
func renderValue(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

// renderDetail renders a FastAPI validation list as "loc: msg; loc: msg".
func renderDetail(v any) string {
	list, ok := v.([]any)
	if !ok {
		return renderValue(v)
	}
	parts := make([]string, 0, len(list))
	for _, item := range list {
		m, ok := item.(map[string]any)
		if !ok {
			parts = append(parts, renderValue(item))
			continue
		}
		msg := renderValue(m["msg"])
		if m["msg"] == nil {
			msg = renderValue(m)
		}
		if loc, ok := m["loc"].([]any); ok && len(loc) > 0 {
			segs := make([]string, len(loc))
			for i, l := range loc {
				segs[i] = renderValue(l)
			}
			msg = strings.Join(segs, ".") + ": " + msg
		}
		parts = append(parts, msg)
	}
	return strings.Join(parts, "; ")
}

// newStatusError builds the *APIError for a non-2xx response whose body
// (already capped at maxErrorBody) is body.
func newStatusError(method, path, route string, resp *http.Response, body []byte) *APIError {
	msg, code, obj := parseErrorBody(body, httpFallback(resp.StatusCode))
	if resp.StatusCode >= 300 && resp.StatusCode <= 399 {
		// A redirect the client would not follow: to another origin, or
		// of a request other than GET.
		msg = fmt.Sprintf("redirect not followed: %s to %q (only same-origin GET redirects are followed)",
			httpFallback(resp.StatusCode), resp.Header.Get("Location"))
	}
	retryAfter, _ := parseRetryAfter(resp.Header.Get("Retry-After"), time.Now())
	return &APIError{
		StatusCode: resp.StatusCode,
		Code:       code,
		Message:    msg,
		Method:     method,
		Path:       path,
		Route:      route,
		RetryAfter: retryAfter,
		RateLimit:  parseRateLimit(resp.Header),
		RequestID:  resp.Header.Get("X-Request-Id"),
		Body:       bytes.Clone(body),
		Response:   obj,
	}
}

// ParamError is a local validation failure: the call was refused before
// anything was sent. errors.Is(err, ErrInvalidParams) matches it.
type ParamError struct {
	// Op is the method that refused the call, e.g. "VotePost".
	Op string
	// Reason says what is wrong and, where it can, how to fix it.
	Reason string
}

// Error reads "colony: VotePost: invalid parameters: vote value must be ...".
func (e *ParamError) Error() string { return "colony: " + e.Op + ": invalid parameters: " + e.Reason }

// Is matches ErrInvalidParams.
func (e *ParamError) Is(target error) bool { return target == ErrInvalidParams }

// invalidParams returns a *ParamError for op.
func invalidParams(op, format string, args ...any) error {
	return &ParamError{Op: op, Reason: fmt.Sprintf(format, args...)}
}

// transportError wraps a failure that produced no HTTP response; host is
// the API's host, named in the cause when the cause does not name it
// already. A failure of the token exchange that did get a response is
// returned as it is.
func transportError(ctx context.Context, method, path, route, host string, err error) *APIError {
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
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() && !errors.Is(err, context.DeadlineExceeded) {
		err = timeoutError{err}
	}
	if host != "" && err != context.Canceled && err != context.DeadlineExceeded && !strings.Contains(err.Error(), host) {
		err = fmt.Errorf("%s: %w", host, err)
	}
	return &APIError{Method: method, Path: path, Route: route, Err: err}
}

// timeoutError is a socket timeout: it also matches
// context.DeadlineExceeded, so every timeout is tested the same way.
type timeoutError struct{ err error }

func (e timeoutError) Error() string { return e.err.Error() }
func (e timeoutError) Unwrap() error { return e.err }
func (e timeoutError) Is(target error) bool {
	return target == context.DeadlineExceeded
}

// redactSecrets replaces every occurrence of each secret (8 characters or
// more: the API key, the token) in e's fields with "REDACTED", so no field
// of an error a server echoed a credential into can leak it.
func redactSecrets(e *APIError, secrets ...string) {
	if e == nil {
		return
	}
	for _, s := range secrets {
		if len(s) < 8 {
			continue
		}
		scrub := func(v string) string { return strings.ReplaceAll(v, s, redacted) }
		e.Message, e.Code, e.Path, e.RequestID, e.prefix = scrub(e.Message), scrub(e.Code), scrub(e.Path), scrub(e.RequestID), scrub(e.prefix)
		if bytes.Contains(e.Body, []byte(s)) {
			e.Body = bytes.ReplaceAll(e.Body, []byte(s), []byte(redacted))
			e.Response = nil
			_ = json.Unmarshal(e.Body, &e.Response)
		}
		if e.Err != nil && strings.Contains(e.Err.Error(), s) {
			e.Err = &redactedError{msg: scrub(e.Err.Error()), orig: e.Err}
		}
	}
}

const redacted = "REDACTED"

// redactedError is a cause whose text held a secret: it prints the
// scrubbed text and still matches what the original matched, without
// handing the original out through Unwrap.
type redactedError struct {
	msg  string
	orig error
}

func (e *redactedError) Error() string        { return e.msg }
func (e *redactedError) Is(target error) bool { return errors.Is(e.orig, target) }
