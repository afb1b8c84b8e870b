package colony

import (
	"context"
	"errors"
	"io"
	"net/http"
	"sync"
	"time"
)

// Endpoints of this file.
var (
	_ = function(local("NewWebhookHandler", ""))
)

// Defaults of NewWebhookHandler.
const (
	DefaultWebhookMaxBody      = 1 << 20
	DefaultWebhookDedupeWindow = 10 * time.Minute
	DefaultWebhookDedupeSize   = 10000
)

// WebhookHandlerOption configures NewWebhookHandler.
type WebhookHandlerOption func(*webhookHandler)

// WithWebhookMaxBody caps the request body (default 1 MiB); a larger body is
// answered 413 before it is verified. n <= 0 keeps the default.
func WithWebhookMaxBody(n int64) WebhookHandlerOption {
	return func(h *webhookHandler) {
		if n > 0 {
			h.maxBody = n
		}
	}
}

// WithWebhookDedupe sets how long a handled event id is remembered (default
// 10 minutes) and how many ids at most (default 10000; the oldest are
// forgotten first). A window <= 0 turns duplicate dropping off.
func WithWebhookDedupe(window time.Duration, maxIDs int) WebhookHandlerOption {
	return func(h *webhookHandler) {
		h.seen.window = window
		if maxIDs > 0 {
			h.seen.max = maxIDs
		}
	}
}

// NewWebhookHandler returns an http.Handler that receives The Colony's
// webhook deliveries and calls fn once per event:
//
//   - only POST is accepted (405 otherwise);
//   - the body is read through http.MaxBytesReader (413 beyond the limit);
//   - the X-Colony-Signature header is verified against secret before
//     anything else is looked at (401 on failure);
//   - the body is parsed with ParseWebhookEvent (400 when malformed), and
//     EventID and DeliveryID are filled from the X-Colony-Event-Id and
//     X-Colony-Delivery headers;
//   - an event id already handled within the dedupe window is answered 200
//     without calling fn (a redelivery, or a replayed capture), and one
//     still being handled is answered 409 so the sender retries later;
//   - fn's error is answered 500 (the sender will redeliver; the event id is
//     not remembered, nor after a panic), success 200.
//
// fn runs inline, on the request's goroutine and context: keep it fast,
// for the sender times out and counts slow deliveries as failures. Put slow
// work on a queue and return. Deliveries without an event id are never
// deduplicated. NewWebhookHandler panics if secret is empty or fn is nil.
func NewWebhookHandler(secret string, fn func(context.Context, *WebhookDelivery) error, opts ...WebhookHandlerOption) http.Handler {
	if secret == "" {
		panic("colony: NewWebhookHandler: empty secret")
	}
	if fn == nil {
		panic("colony: NewWebhookHandler: nil handler function")
	}
	h := &webhookHandler{secret: secret, fn: fn, maxBody: DefaultWebhookMaxBody,
		seen: dedupe{window: DefaultWebhookDedupeWindow, max: DefaultWebhookDedupeSize}}
	for _, o := range opts {
		if o != nil {
			o(h)
		}
	}
	return h
}

type webhookHandler struct {
	secret  string
	fn      func(context.Context, *WebhookDelivery) error
	maxBody int64
	seen    dedupe
}

func (h *webhookHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, h.maxBody))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			http.Error(w, "body too large", http.StatusRequestEntityTooLarge)
			return
		}
		http.Error(w, "cannot read body", http.StatusBadRequest)
		return
	}
	if err := VerifySignature(body, r.Header.Get(HeaderWebhookSignature), h.secret); err != nil {
		http.Error(w, "invalid signature", http.StatusUnauthorized)
		return
	}
	d, err := parseWebhook(body, r.Header.Get(HeaderWebhookEvent))
	if err != nil {
		http.Error(w, "malformed payload", http.StatusBadRequest)
		return
	}
	d.EventID, d.DeliveryID = r.Header.Get(HeaderWebhookEventID), r.Header.Get(HeaderWebhookDelivery)
	switch h.seen.begin(d.EventID) {
	case dedupeDone:
		w.WriteHeader(http.StatusOK)
		return
	case dedupeBusy:
		http.Error(w, "event is being handled", http.StatusConflict)
		return
	}
	handled := false
	defer func() {
		if !handled { // fn failed or panicked: let a redelivery through
			h.seen.abort(d.EventID)
		}
	}()
	if err := h.fn(r.Context(), d); err != nil {
		http.Error(w, "handler failed", http.StatusInternalServerError)
		return
	}
	handled = true
	h.seen.finish(d.EventID)
	w.WriteHeader(http.StatusOK)
}

// dedupe remembers handled event ids for a window, holding at most max.
type dedupe struct {
	window time.Duration
	max    int

	mu    sync.Mutex
	done  map[string]time.Time // id → when it was handled
	order []doneID             // handling order, for expiry and eviction
	busy  map[string]bool      // ids being handled now
}

type doneID struct {
	id string
	at time.Time
}

type dedupeState int

const (
	dedupeNew dedupeState = iota
	dedupeDone
	dedupeBusy
)

// begin claims id for handling, or reports it handled or in progress.
func (s *dedupe) begin(id string) dedupeState {
	if id == "" || s.window <= 0 {
		return dedupeNew
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.prune(time.Now())
	if _, ok := s.done[id]; ok {
		return dedupeDone
	}
	if s.busy[id] {
		return dedupeBusy
	}
	if s.busy == nil {
		s.busy = map[string]bool{}
	}
	s.busy[id] = true
	return dedupeNew
}

// finish records id as handled.
func (s *dedupe) finish(id string) {
	if id == "" || s.window <= 0 {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.busy, id)
	if s.done == nil {
		s.done = map[string]time.Time{}
	}
	now := time.Now()
	s.done[id] = now
	s.order = append(s.order, doneID{id, now})
	s.prune(now)
}

// abort releases id after a failure, so a redelivery is handled again.
func (s *dedupe) abort(id string) {
	if id == "" || s.window <= 0 {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.busy, id)
}

// prune forgets ids older than the window, then the oldest beyond max.
func (s *dedupe) prune(now time.Time) {
	drop := 0
	for drop < len(s.order) && (now.Sub(s.order[drop].at) >= s.window || len(s.order)-drop > s.max) {
		if at, ok := s.done[s.order[drop].id]; ok && at.Equal(s.order[drop].at) {
			delete(s.done, s.order[drop].id)
		}
		drop++
	}
	// Reslicing keeps the prefix's memory only until the next append
	// outgrows the capacity and copies the live part.
	s.order = s.order[drop:]
}
