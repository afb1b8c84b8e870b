package colonytest

import (
	"bytes"
	"cmp"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"sync"
	"time"
	"unicode/utf8"

	colony "github.com/thecolony/colony-go"
)

// Webhook delivery rules, as on the live API.
const (
	// webhookTimeout bounds one delivery attempt.
	webhookTimeout = 5 * time.Second
	// webhookMaxFailures consecutive failed deliveries disable a webhook.
	webhookMaxFailures = 10
	webhookMinSecret   = 16
	// maxDeliveryLog is how many delivery records WebhookAttempts keeps.
	maxDeliveryLog = 1000
)

type webhookRec struct {
	ID            string
	OwnerID       string
	URL           string
	Secret        string
	Events        []string
	Active        bool
	Failures      int
	LastTriggered time.Time
	CreatedAt     time.Time
}

func (h *webhookRec) out() map[string]any {
	return map[string]any{"id": h.ID, "url": h.URL, "events": h.Events, "is_active": h.Active,
		"failure_count": h.Failures, "last_triggered_at": tsOrNil(h.LastTriggered), "created_at": ts(h.CreatedAt)}
}

func (s *Server) registerWebhooks() {
	s.route("POST /webhooks", s.handleCreateWebhook)
	s.route("GET /webhooks", s.handleListWebhooks)
	s.route("PUT /webhooks/{webhook_id}", s.handleUpdateWebhook)
	s.route("DELETE /webhooks/{webhook_id}", s.handleDeleteWebhook)
	s.OnEvent(s.deliverWebhooks)
}

// checkWebhookFields validates the fields a create or update sets,
// answering 422.
func checkWebhookFields(w http.ResponseWriter, rawURL, secret *string, events *[]string) bool {
	if rawURL != nil {
		u, err := url.Parse(*rawURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			validationError(w, []string{"body", "url"}, "URL must be an absolute http(s) URL")
			return false
		}
	}
	if secret != nil && utf8.RuneCountInString(*secret) < webhookMinSecret {
		validationError(w, []string{"body", "secret"}, "String should have at least 16 characters")
		return false
	}
	if events != nil {
		for _, e := range *events {
			if !slices.Contains(colony.WebhookEvents(), colony.WebhookEvent(e)) {
				validationError(w, []string{"body", "events"}, "unknown webhook event "+e)
				return false
			}
		}
	}
	return true
}

func (s *Server) handleCreateWebhook(w http.ResponseWriter, r *http.Request, u *user) {
	var in struct {
		URL    *string  `json:"url"`
		Events []string `json:"events"`
		Secret *string  `json:"secret"`
	}
	if !decodeBody(w, r, &in) {
		return
	}
	switch {
	case in.URL == nil:
		validationError(w, []string{"body", "url"}, "Field required")
		return
	case in.Secret == nil:
		validationError(w, []string{"body", "secret"}, "Field required")
		return
	case len(in.Events) == 0:
		validationError(w, []string{"body", "events"}, "List should have at least 1 item")
		return
	}
	if !checkWebhookFields(w, in.URL, in.Secret, &in.Events) {
		return
	}
	h := &webhookRec{ID: newID(), OwnerID: u.ID, URL: *in.URL, Secret: *in.Secret, Events: slices.Compact(slices.Sorted(slices.Values(in.Events))),
		Active: true, CreatedAt: s.now()}
	s.ppl.webhooks[h.ID] = h
	writeJSON(w, http.StatusCreated, h.out())
}

// ownWebhooks returns u's webhooks, oldest first.
func (s *Server) ownWebhooks(u *user) []*webhookRec {
	var list []*webhookRec
	for _, h := range s.ppl.webhooks {
		if h.OwnerID == u.ID {
			list = append(list, h)
		}
	}
	slices.SortFunc(list, func(a, b *webhookRec) int { return cmp.Or(a.CreatedAt.Compare(b.CreatedAt), cmp.Compare(a.ID, b.ID)) })
	return list
}

// handleListWebhooks answers a bare array, as the live API does.
func (s *Server) handleListWebhooks(w http.ResponseWriter, r *http.Request, u *user) {
	out := []any{}
	for _, h := range s.ownWebhooks(u) {
		out = append(out, h.out())
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) ownWebhook(w http.ResponseWriter, r *http.Request, u *user) (*webhookRec, bool) {
	return found(w, s.ppl.webhooks, r.PathValue("webhook_id"), "Webhook", func(h *webhookRec) bool { return h.OwnerID == u.ID })
}

func (s *Server) handleUpdateWebhook(w http.ResponseWriter, r *http.Request, u *user) {
	h, ok := s.ownWebhook(w, r, u)
	if !ok {
		return
	}
	var in struct {
		URL      *string   `json:"url"`
		Secret   *string   `json:"secret"`
		Events   *[]string `json:"events"`
		IsActive *bool     `json:"is_active"`
	}
	if !decodeBody(w, r, &in) || !checkWebhookFields(w, in.URL, in.Secret, in.Events) {
		return
	}
	patch(&h.URL, in.URL)
	patch(&h.Secret, in.Secret)
	if in.Events != nil {
		h.Events = slices.Compact(slices.Sorted(slices.Values(*in.Events)))
	}
	if in.IsActive != nil {
		h.Active = *in.IsActive
		if h.Active {
			h.Failures = 0
		}
	}
	writeJSON(w, http.StatusOK, h.out())
}

func (s *Server) handleDeleteWebhook(w http.ResponseWriter, r *http.Request, u *user) {
	if h, ok := s.ownWebhook(w, r, u); ok {
		delete(s.ppl.webhooks, h.ID)
		writeJSON(w, http.StatusOK, map[string]any{"detail": "Webhook deleted"})
	}
}

// WebhookAttempt records one delivery attempt of the fake server.
type WebhookAttempt struct {
	WebhookID  string
	URL        string
	Event      string
	EventID    string
	DeliveryID string
	// Body is the signed JSON body that was sent.
	Body []byte
	// Status is the receiver's HTTP status, 0 when no answer arrived.
	Status int
	// Err describes a delivery that got no answer.
	Err string
}

// deliverer runs webhook deliveries in the background and lets Close and
// FlushWebhooks wait for them.
type deliverer struct {
	client *http.Client
	ctx    context.Context
	cancel context.CancelFunc

	mu       sync.Mutex
	idle     *sync.Cond
	inflight int
	closed   bool
	log      []WebhookAttempt
}

func newDeliverer() *deliverer {
	ctx, cancel := context.WithCancel(context.Background())
	d := &deliverer{client: &http.Client{Timeout: webhookTimeout}, ctx: ctx, cancel: cancel}
	d.idle = sync.NewCond(&d.mu)
	return d
}

// start runs f in a tracked goroutine, unless the server is closed.
func (d *deliverer) start(f func(ctx context.Context)) {
	d.mu.Lock()
	if d.closed {
		d.mu.Unlock()
		return
	}
	d.inflight++
	d.mu.Unlock()
	go func() {
		defer func() {
			d.mu.Lock()
			d.inflight--
			if d.inflight == 0 {
				d.idle.Broadcast()
			}
			d.mu.Unlock()
		}()
		f(d.ctx)
	}()
}

func (d *deliverer) wait() {
	d.mu.Lock()
	defer d.mu.Unlock()
	for d.inflight > 0 {
		d.idle.Wait()
	}
}

// stop refuses new deliveries, cancels the running ones and waits for them.
func (d *deliverer) stop() {
	d.mu.Lock()
	d.closed = true
	d.mu.Unlock()
	d.cancel()
	d.wait()
}

func (d *deliverer) record(rec WebhookAttempt) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.log = append(d.log, rec)
	if len(d.log) > 2*maxDeliveryLog {
		d.log = append([]WebhookAttempt(nil), d.log[len(d.log)-maxDeliveryLog:]...)
	}
}

// FlushWebhooks waits until every webhook delivery started so far has
// finished. Deliveries start before the request that caused them is
// answered, so after a client call returns, FlushWebhooks waits for its
// deliveries too.
func (s *Server) FlushWebhooks() { s.ppl.hooks.wait() }

// WebhookAttempts returns the recent delivery attempts, oldest first.
func (s *Server) WebhookAttempts() []WebhookAttempt {
	d := s.ppl.hooks
	d.mu.Lock()
	defer d.mu.Unlock()
	return slices.Clone(d.log)
}

// stopWebhooks ends delivery for Close.
func (s *Server) stopWebhooks() {
	if s.ppl != nil {
		s.ppl.hooks.stop()
	}
}

// hookTarget is a snapshot of a webhook to deliver to, taken under the lock.
type hookTarget struct{ id, url, secret string }

// deliverWebhooks is the event sink: it POSTs ev, signed, to every active
// webhook subscribed to it whose owner the event concerns, from a tracked
// goroutine. Deliveries of one event go out one webhook after another.
func (s *Server) deliverWebhooks(ev Event) {
	s.mu.Lock()
	var targets []hookTarget
	for _, h := range s.ppl.webhooks {
		if h.Active && slices.Contains(h.Events, ev.Name) && (len(ev.Recipients) == 0 || slices.Contains(ev.Recipients, h.OwnerID)) {
			targets = append(targets, hookTarget{h.ID, h.URL, h.Secret})
		}
	}
	s.mu.Unlock()
	if len(targets) == 0 {
		return
	}
	slices.SortFunc(targets, func(a, b hookTarget) int { return cmp.Compare(a.id, b.id) })
	fields := flatPayload(ev.Payload)
	fields["event"] = ev.Name
	body, err := json.Marshal(fields)
	if err != nil {
		panic("colonytest: event payload is not JSON: " + err.Error())
	}
	eventID := newID()
	s.ppl.hooks.start(func(ctx context.Context) {
		for _, t := range targets {
			rec := s.deliverOnce(ctx, t, ev.Name, eventID, body)
			s.ppl.hooks.record(rec)
		}
	})
}

// flatPayload lays an event out as the live API delivers it: flat, the
// entity's fields beside "event" (spec/beyond.md §23), so an event raised
// with its entity nested under "post", "comment" or "message" is unnested.
// The entity's fields win over the event's other fields of the same name.
func flatPayload(payload map[string]any) map[string]any {
	fields := map[string]any{}
	nested := map[string]bool{}
	for _, key := range [...]string{"post", "comment", "message"} {
		b, err := json.Marshal(payload[key])
		var entity map[string]any
		if _, ok := payload[key]; !ok || err != nil || json.Unmarshal(b, &entity) != nil || entity == nil {
			continue
		}
		nested[key] = true
		maps.Copy(fields, entity)
	}
	for k, v := range payload {
		if _, taken := fields[k]; !taken && !nested[k] {
			fields[k] = v
		}
	}
	return fields
}

// deliverOnce sends one signed delivery and books its outcome.
func (s *Server) deliverOnce(ctx context.Context, t hookTarget, event, eventID string, body []byte) WebhookAttempt {
	rec := WebhookAttempt{WebhookID: t.id, URL: t.url, Event: event, EventID: eventID, DeliveryID: newID(), Body: body}
	mac := hmac.New(sha256.New, []byte(t.secret))
	mac.Write(body)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, t.url, bytes.NewReader(body))
	if err == nil {
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("User-Agent", "colonytest-webhooks")
		req.Header.Set(colony.HeaderWebhookSignature, hex.EncodeToString(mac.Sum(nil)))
		req.Header.Set(colony.HeaderWebhookSignature256, colony.SignWebhook256(body, t.secret, s.now()))
		req.Header.Set(colony.HeaderWebhookEvent, event)
		req.Header.Set(colony.HeaderWebhookEventID, eventID)
		req.Header.Set(colony.HeaderWebhookDelivery, rec.DeliveryID)
		var resp *http.Response
		if resp, err = s.ppl.hooks.client.Do(req); err == nil {
			rec.Status = resp.StatusCode
			_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
			_ = resp.Body.Close()
		}
	}
	if err != nil {
		rec.Err = err.Error()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if h := s.ppl.webhooks[t.id]; h != nil {
		h.LastTriggered = s.now()
		if rec.Status >= 200 && rec.Status <= 299 {
			h.Failures = 0
		} else if h.Failures++; h.Failures >= webhookMaxFailures {
			h.Active = false
		}
	}
	return rec
}
