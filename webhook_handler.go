package colony

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sync"
	"time"
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

// WithWebhookDedupe sets how long a handled body is remembered (default
// 10 minutes) and how many at most (default 10000; the oldest are
// forgotten first). A window <= 0 turns duplicate dropping off.
func WithWebhookDedupe(window time.Duration, maxIDs int) WebhookHandlerOption {
	return func(h *webhookHandler) {
		h.seen.window = window
		if maxIDs > 0 {
			h.seen.max = maxIDs
		}
	}
}

// WithWebhookTolerance sets how far the timestamp of an
// X-Colony-Signature-256 may be from now, either way (default
// DefaultWebhookTolerance). NewWebhookHandler panics on d <= 0: a window
// that accepts nothing, or everything, is a mistake.
func WithWebhookTolerance(d time.Duration) WebhookHandlerOption {
	return func(h *webhookHandler) {
		if d <= 0 {
			panic(fmt.Sprintf("colony: WithWebhookTolerance: tolerance must be positive, got %v", d))
		}
		h.tolerance = d
	}
}

// WithWebhookRequireTimestamp refuses (401) deliveries that carry only the
// body signature, so a capture stripped of X-Colony-Signature-256 cannot
// fall back to the replayable check.
func WithWebhookRequireTimestamp() WebhookHandlerOption {
	return func(h *webhookHandler) { h.requireTimestamp = true }
}

// NewWebhookHandler returns an http.Handler that receives The Colony's
// webhook deliveries and calls fn once per event:
//
//   - only POST is accepted (405 otherwise);
//   - the body is read through http.MaxBytesReader (413 beyond the limit);
//   - the signature is verified against secret before anything else is
//     looked at (401 on failure): X-Colony-Signature-256 with
//     VerifyTimestampedSignature when present, else the body-only
//     X-Colony-Signature (unless WithWebhookRequireTimestamp);
//   - the body is parsed with ParseWebhookEvent (400 when malformed), and
//     EventID and DeliveryID are filled from the X-Colony-Event-Id and
//     X-Colony-Delivery headers;
//   - a body already handled within the dedupe window is answered 200
//     without calling fn, and one still being handled is answered 409 so
//     the sender retries later;
//   - fn's error is answered 500 (the sender will redeliver; the body is
//     not remembered, nor after a panic), success 200.
//
// Duplicates are recognised by a SHA-256 digest of the body, which the
// signature covers, never by the unsigned X-Colony-Event-Id header: a
// replayed capture with that header changed or removed is still dropped.
// The dedupe window protects against redeliveries and replays of a body
// for as long as it remembers the body (10 minutes by default). Beyond it,
// only the timestamped signature stops a replay: its tolerance (5 minutes
// by default) is shorter than the window, so a timestamped delivery can be
// handled once at most. A body-signed-only delivery can be replayed once
// the window has forgotten it.
//
// fn runs inline, on the request's goroutine and context: keep it fast,
// for the sender times out and counts slow deliveries as failures. Put slow
// work on a queue and return. NewWebhookHandler panics if secret is empty
// or fn is nil.
func NewWebhookHandler(secret string, fn func(context.Context, *WebhookDelivery) error, opts ...WebhookHandlerOption) http.Handler {
	if secret == "" {
		panic("colony: NewWebhookHandler: empty secret")
	}
	if fn == nil {
		panic("colony: NewWebhookHandler: nil handler function")
	}
	h := &webhookHandler{secret: secret, fn: fn, maxBody: DefaultWebhookMaxBody, tolerance: DefaultWebhookTolerance,
		seen: dedupe{window: DefaultWebhookDedupeWindow, max: DefaultWebhookDedupeSize}}
	for _, o := range opts {
		if o != nil {
			o(h)
		}
	}
	return h
}

type webhookHandler struct {
	secret           string
	fn               func(context.Context, *WebhookDelivery) error
	maxBody          int64
	tolerance        time.Duration
	requireTimestamp bool
	seen             dedupe
}

// verify checks the timestamped signature when the delivery has one, else
// the body signature.
func (h *webhookHandler) verify(r *http.Request, body []byte) error {
	if sig := r.Header.Get(HeaderWebhookSignature256); sig != "" || h.requireTimestamp {
		return VerifyTimestampedSignature(body, sig, h.secret, h.tolerance)
	}
	return VerifySignature(body, r.Header.Get(HeaderWebhookSignature), h.secret)
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
	if err := h.verify(r, body); err != nil {
		http.Error(w, "invalid signature", http.StatusUnauthorized)
		return
	}
	d, err := parseWebhook(body, r.Header.Get(HeaderWebhookEvent))
	if err != nil {
		http.Error(w, "malformed payload", http.StatusBadRequest)
		return
	}
	d.EventID, d.DeliveryID = r.Header.Get(HeaderWebhookEventID), r.Header.Get(HeaderWebhookDelivery)
	sum := sha256.Sum256(body)
	key := string(sum[:])
	switch h.seen.begin(key) {
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
			h.seen.abort(key)
		}
	}()
	if err := h.fn(r.Context(), d); err != nil {
		http.Error(w, "handler failed", http.StatusInternalServerError)
		return
	}
	handled = true
	h.seen.finish(key)
	w.WriteHeader(http.StatusOK)
}

// dedupe remembers handled keys (body digests) for a window, holding at
// most max.
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
