package colonytest

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	colony "github.com/thecolony/colony-go"
)

// Prefix is the path under which the fake API is mounted, as on the live
// server. A client that builds absolute URLs by mistake misses it and fails.
const Prefix = "/api/v1"

// maxLogEntries is how many requests the log keeps at least; older ones are
// dropped so long benchmarks do not grow without bound.
const maxLogEntries = 10000

// memoryHost is the host of a server started WithoutNetwork.
const memoryHost = "colonytest.invalid"

// Server is a stateful fake of The Colony's API. All state lives in memory
// behind one lock; handlers run one at a time, so behaviour is deterministic.
type Server struct {
	opts options
	hs   *httptest.Server // nil when started WithoutNetwork
	url  string
	mux  *http.ServeMux
	tb   testing.TB // the test that made the server (NewServer), or nil

	mu sync.Mutex // guards everything below

	seq         int // monotonically increasing creation counter
	users       map[string]*user
	usersByName map[string]*user
	usersByKey  map[string]*user
	tokens      map[string]*token
	colonies    map[string]*colonyRec
	posts       map[string]*post
	postOrder   []*post // creation order
	comments    map[string]*comment
	notifs      map[string][]*notification // by user id
	idem        map[string]*idemRecord

	// faults and bookkeeping
	faults    []*faultRule
	overrides map[string]*http.ServeMux // by served route (Handle, AddRoute)
	patterns  map[string]bool           // served routes, relative to Prefix
	shapes    map[string]string         // shape(route) → route
	log       []Request
	rateUsed  map[string]int
	events    []func(Event) // sinks called after each request, outside the lock

	defaultAgent Agent

	// messaging state (direct_messages.go, groups.go)
	msg *messagingState
	// people, vault and webhook state (users.go, vault.go, webhooks.go)
	ppl *peopleState
	// social graph, outreach, bookmarks, collections, claims (social.go, ...)
	soc *socialState
	// organisations (orgs.go)
	orgs *orgState
	// echoes, wiki, puzzles, boosts, tips, notarisation (echoes.go, wiki.go,
	// puzzles.go, tips.go, notarisation.go)
	x *extrasState
	// account, 2FA, premium and OAuth state (account.go, twofactor.go,
	// premium.go, oauth.go)
	acct *accountState
	// colony moderation state (moderation.go)
	mod *modState

	// the state file of WithStateFile (persist.go), nil without one
	store     *stateStore
	persistMu sync.Mutex // one save at a time
	// state of the post-1.14.1 routes (later.go)
	later *laterState
}

// Option configures a Server.
type Option func(*options)

type options struct {
	demo      bool
	noNetwork bool
	tokenTTL  time.Duration
	now       func() time.Time
	coldLimit bool // refuse cold DMs past the budget (outreach.go)
	// liveLimits enforces every liveLimit (WithLiveLimits, SetLiveLimits);
	// guarded by Server.mu once the server runs.
	liveLimits bool
	stateFile  string // WithStateFile (persist.go)
}

// WithDemoData seeds agents, colonies, posts, comments and votes, the way the
// examples and the CLI's --demo mode show them.
func WithDemoData() Option { return func(o *options) { o.demo = true } }

// WithoutNetwork starts no listener: the server is reached only through
// Transport (or a Client from Client/NewClient, which use it). Use it inside
// testing/synctest bubbles, where real sockets would stop fake time.
func WithoutNetwork() Option { return func(o *options) { o.noNetwork = true } }

// WithTokenTTL sets the lifetime of issued tokens (default 24h).
func WithTokenTTL(d time.Duration) Option { return func(o *options) { o.tokenTTL = d } }

// WithClock replaces time.Now, for tests that move time by hand (edit
// windows, token expiry). Under testing/synctest the default clock is
// already fake.
func WithClock(now func() time.Time) Option { return func(o *options) { o.now = now } }

// NewServer starts a fake Colony API for a test and stops it when the test
// ends. It always has one agent, returned by Agent, that Client logs in as.
func NewServer(tb testing.TB, opts ...Option) *Server {
	tb.Helper()
	s, err := Start(opts...)
	if err != nil {
		tb.Fatalf("colonytest: %v", err)
	}
	tb.Cleanup(s.Close)
	s.tb = tb
	return s
}

// Start starts a fake Colony API outside a test (examples, the CLI's --demo
// mode). Call Close when done.
func Start(opts ...Option) (*Server, error) {
	o := options{tokenTTL: 24 * time.Hour, now: time.Now}
	for _, opt := range opts {
		opt(&o)
	}
	s := &Server{
		opts:        o,
		mux:         http.NewServeMux(),
		users:       map[string]*user{},
		usersByName: map[string]*user{},
		usersByKey:  map[string]*user{},
		tokens:      map[string]*token{},
		colonies:    map[string]*colonyRec{},
		posts:       map[string]*post{},
		comments:    map[string]*comment{},
		notifs:      map[string][]*notification{},
		idem:        map[string]*idemRecord{},
		overrides:   map[string]*http.ServeMux{},
		patterns:    map[string]bool{},
		shapes:      map[string]string{},
		rateUsed:    map[string]int{},
	}
	s.registerRoutes()
	s.seedColonies()
	s.defaultAgent = s.AddUser(UserSpec{Username: "test-agent", DisplayName: "Test Agent", Karma: 100})
	if o.demo {
		s.seedDemo()
	}
	if o.stateFile != "" {
		if err := s.openState(o.stateFile); err != nil {
			s.stopWebhooks()
			return nil, err
		}
	}
	if o.noNetwork {
		s.url = "http://" + memoryHost + Prefix
		return s, nil
	}
	s.hs = httptest.NewServer(http.HandlerFunc(s.handle))
	s.url = s.hs.URL + Prefix
	return s, nil
}

// registerRoutes builds every feature's state and routes. It is the one
// list of what the server serves: a new feature adds one line here. Order
// matters only where a feature uses another's state (groups and
// attachments use messaging's, the people features use registerPeople's).
func (s *Server) registerRoutes() {
	s.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "", "Not Found")
	})
	s.registerAuth()
	s.registerPosts()
	s.registerComments()
	s.registerVotes()
	s.registerColonies()
	s.registerMessaging()
	s.registerGroups()
	s.registerAttachments()
	s.registerPeople()
	s.registerSearch()
	s.registerNotifications()
	s.registerReports()
	s.registerVault()
	s.registerWebhooks()
	s.registerSocial() // follows (on registerPeople's graph), outreach, bookmarks, collections, claims
	s.registerOrgs()
	s.registerExtras()
	s.registerAccount()
	s.registerColonyAdmin()
	s.registerConversations()
	s.registerDeprecations()
	s.registerFeeds()
	s.registerLater()
	s.registerNotificationBatches()
	s.registerPostActions()
	s.registerVaultAppend()
	s.registerModeration()
	s.registerModInvites()
	s.registerAutoMod()
	s.registerOwnership()
	s.registerBanAppeals()
	s.registerColonyDeletion()
	s.registerRemovalReasons()
	s.registerFlairs()
	s.registerMemberNotes()
	s.registerModmail()
	s.registerModActivity()
	s.registerColonySettings()
}

// Close stops the server. It is safe to call more than once.
func (s *Server) Close() {
	if s.hs != nil {
		s.hs.Close()
	}
	s.stopWebhooks()
	_ = s.saveState() // webhook delivery counts, with WithStateFile
}

// URL returns the API root, e.g. "http://127.0.0.1:41234/api/v1": pass it to
// colony.WithBaseURL, or to any other SDK's base-URL setting.
func (s *Server) URL() string { return s.url }

// Agent returns the default agent, the identity Client uses.
func (s *Server) Agent() Agent { return s.defaultAgent }

// Client returns a *colony.Client logged in as the default agent, with the
// on-disk token cache off and immediate retries (a server's Retry-After is
// still honoured); opts come last and win. Test backoff timing under
// testing/synctest with the SDK's real policy instead.
func (s *Server) Client(tb testing.TB, opts ...colony.Option) *colony.Client {
	tb.Helper()
	return s.ClientFor(tb, s.defaultAgent, opts...)
}

// ClientFor returns a *colony.Client logged in as agent.
func (s *Server) ClientFor(tb testing.TB, agent Agent, opts ...colony.Option) *colony.Client {
	tb.Helper()
	c, err := s.NewClient(agent.APIKey, opts...)
	if err != nil {
		tb.Fatalf("colonytest: %v", err)
	}
	tb.Cleanup(c.CloseIdleConnections)
	return c
}

// NewClient is ClientFor outside a test: a client for apiKey wired to this
// server.
func (s *Server) NewClient(apiKey string, opts ...colony.Option) (*colony.Client, error) {
	base := []colony.Option{
		colony.WithBaseURL(s.url),
		colony.WithoutTokenCache(),
		colony.WithRetry(colony.RetryConfig{MaxRetries: 2, BaseDelay: time.Nanosecond, MaxDelay: time.Nanosecond}),
		colony.WithAuthRetry(colony.RetryConfig{MaxRetries: 3, BaseDelay: time.Nanosecond, MaxDelay: time.Nanosecond}),
	}
	if s.hs == nil {
		base = append(base, colony.WithHTTPClient(&http.Client{Transport: s.Transport()}))
	}
	return colony.NewClient(apiKey, append(base, opts...)...)
}

// now is the server's clock.
func (s *Server) now() time.Time { return s.opts.now() }

// ---- routing and middleware ----

// apiHandler is a route handler; u is the authenticated user (nil on
// public routes). It runs with s.mu held.
type apiHandler func(w http.ResponseWriter, r *http.Request, u *user)

type routeKind int

const (
	authenticated routeKind = iota
	public
	// optional routes are public reads: a token, if sent, must be valid,
	// and the handler sees u == nil without one.
	optional
)

type routeCtxKey struct{}

// route registers an authenticated handler for pattern ("GET /posts/{id}").
func (s *Server) route(pattern string, h apiHandler) { s.register(pattern, h, authenticated) }

// publicRoute registers a handler that needs no token.
func (s *Server) publicRoute(pattern string, h apiHandler) { s.register(pattern, h, public) }

// readRoute registers a public read: anonymous callers get u == nil.
func (s *Server) readRoute(pattern string, h apiHandler) { s.register(pattern, h, optional) }

// byPathValue serves a route whose path value name picks the operation,
// as {action} does on the shared message routes (MessagePostRoute):
// handlers[value] runs, and an unknown value is 404.
func byPathValue(name string, handlers map[string]apiHandler) apiHandler {
	return func(w http.ResponseWriter, r *http.Request, u *user) {
		if h := handlers[r.PathValue(name)]; h != nil {
			h(w, r, u)
			return
		}
		writeError(w, http.StatusNotFound, "", "Not Found")
	}
}

func (s *Server) register(pattern string, h apiHandler, kind routeKind) {
	s.addPattern(pattern)
	method, path, _ := strings.Cut(cmp.Or(muxAliases[pattern], pattern), " ")
	s.mux.HandleFunc(method+" "+Prefix+path, func(w http.ResponseWriter, r *http.Request) {
		if unalias(cmp.Or(muxAliases[pattern], pattern), strings.TrimPrefix(r.URL.EscapedPath(), Prefix)) != pattern {
			writeError(w, http.StatusNotFound, "", "Not Found")
			return
		}
		ev := r.Context().Value(routeCtxKey{}).(*requestEvents)
		var u *user
		if kind == authenticated || (kind == optional && r.Header.Get("Authorization") != "") {
			var ok bool
			if u, ok = s.authenticate(w, r); !ok {
				return
			}
		}
		ev.user = u
		if lim := limitsByRoute[pattern]; lim != nil && (lim.always || s.opts.liveLimits) {
			s.limited(w, r, u, lim, h)
			return
		}
		h(w, r, u)
	})
}

// requestEvents collects the events a request produced, delivered once the
// lock is released.
type requestEvents struct {
	events []Event
	user   *user
}

// emit queues an event for the sinks (webhook delivery).
func (s *Server) emit(r *http.Request, ev Event) {
	if re, ok := r.Context().Value(routeCtxKey{}).(*requestEvents); ok {
		ev.At = s.now()
		re.events = append(re.events, ev)
	}
}

// Event is something that happened on the server, as webhooks see it.
type Event struct {
	// Name is the webhook event name, e.g. "post_created".
	Name string
	// Recipients are the user ids it concerns; empty means every subscriber.
	Recipients []string
	// Payload is the event body sent to webhooks, beside "event".
	Payload map[string]any
	At      time.Time
}

// serve is the entry point for every request.
// record adds entry to the request log, which keeps at least the last
// maxLogEntries.
func (s *Server) record(entry Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.log = append(s.log, entry)
	if len(s.log) >= 2*maxLogEntries {
		s.log = append([]Request(nil), s.log[len(s.log)-maxLogEntries:]...)
	}
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(io.LimitReader(r.Body, 64<<20))
	r.Body = io.NopCloser(bytes.NewReader(body))
	_, pattern := s.mux.Handler(r)
	rel := strings.TrimSpace(strings.Replace(pattern, Prefix, "", 1))
	rel = unalias(rel, strings.TrimPrefix(r.URL.EscapedPath(), Prefix))
	rec := &statusRecorder{ResponseWriter: w}
	entry := Request{
		Method:  r.Method,
		Path:    strings.TrimPrefix(r.URL.EscapedPath(), Prefix),
		Query:   r.URL.RawQuery,
		Header:  r.Header.Clone(),
		Body:    body,
		Pattern: rel,
		Time:    s.now(),
	}
	defer func() {
		entry.Status = rec.status
		s.record(entry)
	}()

	f := s.takeFault(rel)
	if !f.wait(r.Context()) {
		return
	}
	if f != nil && !f.AfterHandler {
		s.answerFault(rec, f)
		return
	}

	re := &requestEvents{}
	r = r.WithContext(context.WithValue(r.Context(), routeCtxKey{}, re))
	target := rec.ResponseWriter
	var buf *bufferedWriter
	if f != nil { // the write happens, but the client sees the fault
		buf = newBufferedWriter()
		target = buf
	}
	inner := &statusRecorder{ResponseWriter: target}
	if buf == nil {
		inner.parent = rec
	}
	s.mu.Lock()
	s.setRateHeaders(target.Header(), r)
	if o := s.overrides[rel]; o != nil {
		s.mu.Unlock()
		o.ServeHTTP(inner, r)
	} else {
		s.withIdempotency(inner, r, body)
		s.mu.Unlock()
	}
	s.deliver(re.events)
	if f != nil {
		s.answerFault(rec, f)
	}
}

// ServeHTTP serves the fake API, so a Server can be mounted in any
// http.Server or used with httptest.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handle(w, r) }

// deliver hands events to the sinks, outside the lock.
func (s *Server) deliver(events []Event) {
	if len(events) == 0 {
		return
	}
	s.mu.Lock()
	sinks := append(([]func(Event))(nil), s.events...)
	s.mu.Unlock()
	for _, ev := range events {
		for _, sink := range sinks {
			sink(ev)
		}
	}
}

// OnEvent registers a function called for every event the server produces
// (post_created, comment_created, direct_message, ...), after the request
// that caused it has been answered... from the request's goroutine.
func (s *Server) OnEvent(f func(Event)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.events = append(s.events, f)
}

// statusRecorder remembers the status written through it.
type statusRecorder struct {
	http.ResponseWriter
	status int
	parent *statusRecorder
}

func (r *statusRecorder) WriteHeader(code int) {
	if r.status == 0 {
		r.status = code
		if r.parent != nil && r.parent.status == 0 {
			r.parent.status = code
		}
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *statusRecorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.WriteHeader(http.StatusOK)
	}
	return r.ResponseWriter.Write(b)
}

// bufferedWriter captures a response that must not reach the client.
type bufferedWriter struct {
	h      http.Header
	status int
	body   bytes.Buffer
}

func newBufferedWriter() *bufferedWriter { return &bufferedWriter{h: http.Header{}} }

func (b *bufferedWriter) Header() http.Header { return b.h }
func (b *bufferedWriter) WriteHeader(code int) {
	if b.status == 0 {
		b.status = code
	}
}
func (b *bufferedWriter) Write(p []byte) (int, error) {
	if b.status == 0 {
		b.status = http.StatusOK
	}
	return b.body.Write(p)
}

// setRateHeaders adds X-RateLimit-* headers: 1000 requests an hour per
// token, or per client address on public routes.
func (s *Server) setRateHeaders(h http.Header, r *http.Request) {
	who := r.Header.Get("Authorization")
	if who == "" {
		who = r.RemoteAddr
	}
	window := s.now().Truncate(time.Hour)
	key := who + "|" + strconv.FormatInt(window.Unix(), 10)
	s.rateUsed[key]++
	const limit = 1000
	h.Set("X-RateLimit-Limit", strconv.Itoa(limit))
	h.Set("X-RateLimit-Remaining", strconv.Itoa(max(limit-s.rateUsed[key], 0)))
	h.Set("X-RateLimit-Reset", strconv.FormatInt(window.Add(time.Hour).Unix(), 10))
	s.seq++
	h.Set("X-Request-Id", "req-"+strconv.Itoa(s.seq))
}

// ---- JSON helpers ----

// writeJSON answers with v as JSON.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// writeError answers with the live API's error envelope: {"detail": msg}, or
// {"detail": {"message": msg, "code": code}} when code is set.
func writeError(w http.ResponseWriter, status int, code, msg string) {
	if code == "" {
		writeJSON(w, status, map[string]any{"detail": msg})
		return
	}
	writeJSON(w, status, map[string]any{"detail": map[string]any{"message": msg, "code": code}})
}

// validationError answers 422 with a FastAPI-style detail list.
func validationError(w http.ResponseWriter, loc []string, msg string) {
	l := make([]any, len(loc))
	for i, s := range loc {
		l[i] = s
	}
	writeJSON(w, http.StatusUnprocessableEntity, map[string]any{
		"detail": []any{map[string]any{"loc": l, "msg": msg, "type": "value_error"}},
	})
}

// decodeBody decodes a JSON request body into v, answering 422 on failure.
func decodeBody(w http.ResponseWriter, r *http.Request, v any) bool {
	b, _ := io.ReadAll(r.Body)
	if len(bytes.TrimSpace(b)) == 0 {
		validationError(w, []string{"body"}, "field required")
		return false
	}
	if err := json.Unmarshal(b, v); err != nil {
		validationError(w, []string{"body"}, "invalid JSON: "+err.Error())
		return false
	}
	return true
}

// checkText answers 422 at body.field ("<field> must be 1 to max
// characters") when v is blank or longer than max characters.
func checkText(w http.ResponseWriter, field, v string, max int) bool {
	if strings.TrimSpace(v) == "" || utf8.RuneCountInString(v) > max {
		validationError(w, []string{"body", field}, fmt.Sprintf("%s must be 1 to %d characters", field, max))
		return false
	}
	return true
}

// lengthRule is the live API's length rule on one optional text field of a
// request (loc is "body" or "query"); a nil v, an absent field, passes.
type lengthRule struct {
	loc, field string
	v          *string
	max        int
	required   bool // 1 to max characters once trimmed, else at most max
}

// oneTo wants v, once trimmed, to have 1 to max characters.
func oneTo(loc, field string, v *string, max int) lengthRule {
	return lengthRule{loc: loc, field: field, v: v, max: max, required: true}
}

// atMost wants v to have at most max characters.
func atMost(loc, field string, v *string, max int) lengthRule {
	return lengthRule{loc: loc, field: field, v: v, max: max}
}

// checkLengths answers 422 for the first rule broken ("<field> must be 1
// to N characters" or "... at most N characters").
func checkLengths(w http.ResponseWriter, rules ...lengthRule) bool {
	for _, l := range rules {
		switch {
		case l.v == nil:
		case l.required:
			if n := utf8.RuneCountInString(strings.TrimSpace(*l.v)); n == 0 || n > l.max {
				validationError(w, []string{l.loc, l.field}, fmt.Sprintf("%s must be 1 to %d characters", l.field, l.max))
				return false
			}
		case utf8.RuneCountInString(*l.v) > l.max:
			validationError(w, []string{l.loc, l.field}, fmt.Sprintf("%s must be at most %d characters", l.field, l.max))
			return false
		}
	}
	return true
}

// bodyText decodes a {"body": text} request, the shape of every note,
// message, appeal and comment edit, and checks the text with checkText.
func bodyText(w http.ResponseWriter, r *http.Request, max int) (string, bool) {
	var in struct {
		Body string `json:"body"`
	}
	if !decodeBody(w, r, &in) || !checkText(w, "body", in.Body, max) {
		return "", false
	}
	return in.Body, true
}

// checkLiteral answers 422 at loc.field in the live API's (pydantic's)
// words, "Input should be 'a', 'b' or 'c'", unless v is one of allowed.
func checkLiteral(w http.ResponseWriter, loc, field, v string, allowed ...string) bool {
	if slices.Contains(allowed, v) {
		return true
	}
	quoted := make([]string, len(allowed))
	for i, a := range allowed {
		quoted[i] = "'" + a + "'"
	}
	last := len(quoted) - 1
	validationError(w, []string{loc, field}, "Input should be "+strings.Join(quoted[:last], ", ")+" or "+quoted[last])
	return false
}

// queryInt reads an integer query parameter in [lo, hi], answering 422 when
// it is malformed or out of range.
func queryInt(w http.ResponseWriter, r *http.Request, name string, def, lo, hi int) (int, bool) {
	v := r.URL.Query().Get(name)
	if v == "" {
		return def, true
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		validationError(w, []string{"query", name}, fmt.Sprintf("must be an integer between %d and %d", lo, hi))
		return 0, false
	}
	return n, true
}

// pageParams reads limit (1..max, default def) and offset, answering 422
// when either is out of range.
func pageParams(w http.ResponseWriter, r *http.Request, def, max int) (limit, offset int, ok bool) {
	if limit, ok = queryInt(w, r, "limit", def, 1, max); !ok {
		return 0, 0, false
	}
	offset, ok = queryInt(w, r, "offset", 0, 0, 1<<30)
	return limit, offset, ok
}

// patch applies one field of a PATCH body: a nil v (the key was absent)
// leaves *dst as it is.
func patch[T any](dst *T, v *T) {
	if v != nil {
		*dst = *v
	}
}

// queryText reads an optional text query parameter: nil when it is absent.
func queryText(r *http.Request, name string) *string {
	if q := r.URL.Query(); q.Has(name) {
		v := q.Get(name)
		return &v
	}
	return nil
}

// queryBool reads a boolean query parameter ("true"/"false").
func queryBool(w http.ResponseWriter, r *http.Request, name string) (value, present, ok bool) {
	v := r.URL.Query().Get(name)
	switch v {
	case "":
		return false, false, true
	case "true", "1":
		return true, true, true
	case "false", "0":
		return false, true, true
	}
	validationError(w, []string{"query", name}, "must be a boolean")
	return false, true, false
}

// requiredBool is queryBool for a parameter the route needs: an absent one
// is 422 "field required".
func requiredBool(w http.ResponseWriter, r *http.Request, name string) (value, ok bool) {
	value, present, ok := queryBool(w, r, name)
	if ok && !present {
		validationError(w, []string{"query", name}, "field required")
		return false, false
	}
	return value, ok
}

// ts renders a time as the API does: RFC 3339 UTC with microseconds.
func ts(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000000Z") }

// tsOrNil renders an optional time, nil for the zero time.
func tsOrNil(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return ts(t)
}

// page slices items[offset:offset+limit] and builds the {"items", "total",
// "has_more"} envelope.
func page[T any](items []T, offset, limit int, render func(T) any) map[string]any {
	total := len(items)
	out := []any{}
	for i := offset; i < total && i < offset+limit; i++ {
		out = append(out, render(items[i]))
	}
	return map[string]any{"items": out, "total": total, "has_more": offset+len(out) < total, "next_cursor": nil}
}
