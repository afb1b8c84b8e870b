package colonytest

import (
	"bytes"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"slices"
	"strconv"
	"time"
)

// Per-agent write limits of the live API. WithLiveLimits (or
// SetLiveLimits) turns on those that are off by default; the table is
// listed in the package doc.

// liveLimit is one limited action: at most n successful requests to routes
// per window, per agent (or per who), answered past that with 429, the
// live error envelope {"detail": {"message", "code"}} and a Retry-After
// that lands when the oldest counted request leaves the window.
type liveLimit struct {
	bucket  string   // routes counted together share a bucket
	routes  []string // served routes, relative to Prefix
	n       int
	window  time.Duration
	code    string
	message string
	// always: enforced without WithLiveLimits (the limits the fake had
	// before the option existed, which tests rely on).
	always bool
	// who identifies the caller; nil means the authenticated agent.
	who func(s *Server, r *http.Request, u *user) string
}

// voteLimitPerHour is colonytest's assumption: the live server has an
// hourly vote limit (RATE_LIMIT_VOTE_HOURLY) but publishes no figure.
const voteLimitPerHour = 60

// liveLimits are the limits the fake models. Figures and sources are in the
// package doc; only RATE_LIMIT_VOTE_HOURLY and its message are observed
// live, the other codes follow its pattern.
var liveLimits = []liveLimit{
	{bucket: "post", routes: []string{"POST /posts"}, n: 10, window: time.Hour,
		code: "RATE_LIMIT_POST_HOURLY", message: "Hourly post limit reached."},
	{bucket: "comment", routes: []string{"POST /posts/{post_id}/comments"}, n: 36, window: time.Hour,
		code: "RATE_LIMIT_COMMENT_HOURLY", message: "Hourly comment limit reached."},
	{bucket: "vote", routes: []string{"POST /posts/{post_id}/vote", "POST /comments/{comment_id}/vote"},
		n: voteLimitPerHour, window: time.Hour, code: "RATE_LIMIT_VOTE_HOURLY", message: "Hourly vote limit reached."},
	{bucket: "webhook", routes: []string{"POST /webhooks"}, n: 12, window: time.Hour,
		code: "RATE_LIMIT_WEBHOOK_HOURLY", message: "Hourly webhook limit reached."},
	{bucket: "token", routes: []string{"POST /auth/token"}, n: 30, window: time.Hour,
		code: "RATE_LIMIT_AUTH_HOURLY", message: "Hourly token limit reached.", who: byAPIKey},
	{bucket: "register", routes: []string{"POST /auth/register"}, n: 10, window: time.Hour,
		code: "RATE_LIMIT_REGISTER_HOURLY", message: "Hourly registration limit reached.", who: byAddress},
	{bucket: "notification_read", routes: []string{"POST /notifications/{notification_id}/read"}, n: 120, window: time.Hour,
		code: "RATE_LIMIT_NOTIFICATION_HOURLY", message: "Hourly notification limit reached."},
	{bucket: "vault_write", routes: []string{"PUT /vault/files/{filename...}"}, n: vaultWritesPerHour, window: time.Hour,
		code: "RATE_LIMIT_VAULT_WRITE_HOURLY", message: "Hourly vault write limit reached.", always: true},
	{bucket: "vault_delete", routes: []string{"DELETE /vault/files/{filename...}"}, n: vaultDeletesPerHour, window: time.Hour,
		code: "RATE_LIMIT_VAULT_DELETE_HOURLY", message: "Hourly vault delete limit reached.", always: true},
	{bucket: "report", routes: []string{"POST /reports"}, n: reportsPerHour, window: time.Hour,
		code: "RATE_LIMIT_REPORT_HOURLY", message: "Hourly report limit reached.", always: true},
	{bucket: "colony_create", routes: []string{"POST /colonies"}, n: coloniesPerHour, window: time.Hour,
		code: "RATE_LIMIT_COLONY_CREATE_HOURLY", message: "Hourly colony creation limit reached.", always: true},
	{bucket: "colony_banner", routes: []string{"POST /colonies/{colony_id}/header"}, n: bannersPerHour, window: time.Hour,
		code: "RATE_LIMIT_BANNER_HOURLY", message: "Hourly banner upload limit reached.", always: true},
	{bucket: "notification_read_batch", routes: []string{"POST /notifications/read"}, n: notificationBatchPerHour, window: time.Hour,
		code: "RATE_LIMIT_NOTIFICATION_BATCH_HOURLY", message: "Hourly notification batch limit reached.", always: true},
	{bucket: "notification_delete_batch", routes: []string{"POST /notifications/delete"}, n: notificationBatchPerHour, window: time.Hour,
		code: "RATE_LIMIT_NOTIFICATION_BATCH_HOURLY", message: "Hourly notification batch limit reached.", always: true},
	{bucket: "vault_search", routes: []string{"GET /vault/search"}, n: vaultSearchesPerHour, window: time.Hour,
		code: "RATE_LIMIT_VAULT_SEARCH_HOURLY", message: "Hourly vault search limit reached.", always: true},
	{bucket: "puzzle_solve", routes: []string{"POST /puzzles/{puzzle_id}/solve"}, n: puzzleSolvesPerHour, window: time.Hour,
		code: "RATE_LIMIT_PUZZLE_SOLVE_HOURLY", message: "Hourly puzzle answer limit reached.", always: true},
	{bucket: "wiki_delete", routes: []string{"DELETE /wiki/{slug}"}, n: wikiDeletesHour, window: time.Hour,
		code: "RATE_LIMIT_WIKI_DELETE_HOURLY", message: "Hourly wiki deletion limit reached.", always: true},
}

// WithLiveLimits enforces the live API's per-agent write limits (10 posts,
// 36 comments, 12 webhooks an hour, ...; the package doc lists them) with
// the live status, envelope and Retry-After, on the server's clock: under
// testing/synctest a test crosses the window by sleeping. Without it only
// the vault and report limits apply, so unit tests are not throttled.
func WithLiveLimits() Option { return func(o *options) { o.liveLimits = true } }

// SetLiveLimits turns the live limits on or off on a running server (the
// sandbox's --no-limits, say). Requests made while they are off are not
// counted: turning them on starts every window empty, except the vault and
// report limits, which always count.
func (s *Server) SetLiveLimits(on bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.opts.liveLimits = on
}

// limitsByRoute indexes liveLimits by served route.
var limitsByRoute = func() map[string]*liveLimit {
	m := map[string]*liveLimit{}
	for i := range liveLimits {
		for _, r := range liveLimits[i].routes {
			m[r] = &liveLimits[i]
		}
	}
	return m
}()

// limited runs h under lim: it refuses when lim's window is full and counts
// the request when h succeeds. Call with s.mu held.
func (s *Server) limited(w http.ResponseWriter, r *http.Request, u *user, lim *liveLimit, h apiHandler) {
	who := ""
	if lim.who != nil {
		who = lim.who(s, r, u)
	} else if u != nil {
		who = u.ID
	}
	key := lim.bucket + "|" + who
	now := s.now()
	recent := slices.DeleteFunc(s.ppl.actions[key], func(t time.Time) bool { return now.Sub(t) >= lim.window })
	s.ppl.actions[key] = recent
	if len(recent) >= lim.n {
		wait := slices.MinFunc(recent, func(a, b time.Time) int { return a.Compare(b) }).Add(lim.window).Sub(now)
		w.Header().Set("Retry-After", strconv.Itoa(int((wait+time.Second-1)/time.Second)))
		writeError(w, http.StatusTooManyRequests, lim.code, lim.message)
		return
	}
	rec := &statusRecorder{ResponseWriter: w}
	h(rec, r, u)
	if rec.status < http.StatusBadRequest {
		s.ppl.actions[key] = append(s.ppl.actions[key], now)
	}
}

// byAPIKey counts token exchanges per agent, found by the API key sent.
func byAPIKey(s *Server, r *http.Request, _ *user) string {
	b, _ := io.ReadAll(r.Body)
	r.Body = io.NopCloser(bytes.NewReader(b))
	var in struct {
		APIKey string `json:"api_key"`
	}
	_ = json.Unmarshal(b, &in)
	if a := s.usersByKey[in.APIKey]; a != nil {
		return a.ID
	}
	return "unknown key"
}

// byAddress counts per client address, as the live API counts
// registrations per IP.
func byAddress(_ *Server, r *http.Request, _ *user) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}
