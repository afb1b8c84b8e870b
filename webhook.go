package colony

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/thecolony/colony-go/internal/jsonx"
)

// Endpoints of this file.
var (
	_ = function(local("VerifyWebhook", "verify_webhook"))
	_ = function(local("VerifySignature", ""))
	_ = function(local("ParseWebhookEvent", ""))
)

// Webhook delivery headers, as sent by The Colony (and colonytest).
const (
	// HeaderWebhookSignature carries the lower-case hex HMAC-SHA256 of the
	// raw body, keyed with the webhook's secret.
	HeaderWebhookSignature = "X-Colony-Signature"
	// HeaderWebhookEvent names the event, e.g. "post_created".
	HeaderWebhookEvent = "X-Colony-Event"
	// HeaderWebhookEventID is stable across redeliveries of one event: the
	// key to drop duplicates by.
	HeaderWebhookEventID = "X-Colony-Event-Id"
	// HeaderWebhookDelivery identifies one delivery attempt.
	HeaderWebhookDelivery = "X-Colony-Delivery"
)

// Errors of VerifySignature and ParseWebhookEvent.
var (
	// ErrNoSignature reports a missing or empty signature header.
	ErrNoSignature = errors.New("colony: webhook signature missing")
	// ErrBadSignature reports a signature that does not match the body and
	// secret.
	ErrBadSignature = errors.New("colony: webhook signature does not match")
	// ErrEmptySecret reports that no secret was given, so nothing can be
	// verified.
	ErrEmptySecret = errors.New("colony: webhook secret is empty")
	// ErrMalformedWebhook reports a body that is not a JSON object naming an
	// event, or a payload that does not decode as asked.
	ErrMalformedWebhook = errors.New("colony: malformed webhook payload")
)

// VerifyWebhook reports whether signature (the X-Colony-Signature header)
// is the HMAC-SHA256 of payload, the raw request body, keyed with secret.
// As in Python 1.14.1 the signature is lower-case hex, one leading
// "sha256=" is tolerated, the comparison is constant-time, and anything
// malformed (upper-case hex, whitespace, a short or empty value) is false.
// Unlike Python an empty secret is always false. Verify the bytes as
// received, before any JSON decoding.
//
// The signature covers the body only, so a captured delivery can be
// replayed: drop duplicate X-Colony-Event-Id values, as NewWebhookHandler
// does.
func VerifyWebhook(payload []byte, signature, secret string) bool {
	return VerifySignature(payload, signature, secret) == nil
}

// VerifySignature is VerifyWebhook returning why verification failed:
// ErrEmptySecret, ErrNoSignature or ErrBadSignature.
func VerifySignature(payload []byte, signature, secret string) error {
	if secret == "" {
		return ErrEmptySecret
	}
	sig := strings.TrimPrefix(signature, "sha256=")
	if sig == "" {
		return ErrNoSignature
	}
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write(payload)
	want := make([]byte, hex.EncodedLen(sha256.Size))
	hex.Encode(want, mac.Sum(nil))
	if !hmac.Equal([]byte(sig), want) {
		return ErrBadSignature
	}
	return nil
}

// WebhookDelivery is a parsed webhook delivery. Live deliveries are flat:
// the event's fields sit beside "event" in the body, e.g.
// {"event": "post_created", "id": "...", "title": "..."}; colonytest nests
// the entity, {"event": "comment_created", "comment": {...}, "post_id":
// "..."}; the {"event"|"type": ..., "payload"|"data": {...}} envelope of
// older documentation is accepted too. The typed accessors read all three.
type WebhookDelivery struct {
	// Event is the event name.
	Event WebhookEvent
	// EventID is the X-Colony-Event-Id header (set by NewWebhookHandler):
	// the same for every redelivery of one event.
	EventID string
	// DeliveryID is the X-Colony-Delivery header (set by
	// NewWebhookHandler): one per delivery attempt.
	DeliveryID string
	// Payload holds the event's fields: the nested "payload" or "data"
	// object of an envelope, or else the whole flat body.
	Payload json.RawMessage
	rawJSON
}

// ParseWebhookEvent parses a delivery body. It does not verify it: call
// VerifySignature on the same bytes first. Errors wrap ErrMalformedWebhook.
func ParseWebhookEvent(payload []byte) (*WebhookDelivery, error) {
	return parseWebhook(payload, "")
}

// parseWebhook parses a body, taking the event name from fallbackEvent
// (the X-Colony-Event header) when the body names none.
func parseWebhook(payload []byte, fallbackEvent string) (*WebhookDelivery, error) {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(payload, &fields); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrMalformedWebhook, err)
	}
	if fields == nil {
		return nil, fmt.Errorf("%w: body is not a JSON object", ErrMalformedWebhook)
	}
	d := &WebhookDelivery{}
	d.keep(payload)
	d.Payload = d.raw
	var name string
	for _, key := range [...]string{"event", "type"} {
		if raw, ok := fields[key]; ok && json.Unmarshal(raw, &name) == nil && name != "" {
			break
		}
		name = ""
	}
	if name == "" {
		name = fallbackEvent
	}
	if name == "" {
		return nil, fmt.Errorf("%w: no \"event\" field", ErrMalformedWebhook)
	}
	d.Event = WebhookEvent(name)
	for _, key := range [...]string{"payload", "data"} {
		if raw := bytes.TrimSpace(fields[key]); len(raw) > 0 && raw[0] == '{' {
			d.Payload = jsonx.Clone(raw)
			break
		}
	}
	return d, nil
}

// Decode unmarshals the payload into v.
func (d *WebhookDelivery) Decode(v any) error { return json.Unmarshal(d.Payload, v) }

// entity returns the object under key in the payload, or the payload itself
// when the entity is flat.
func (d *WebhookDelivery) entity(key string) json.RawMessage {
	var fields map[string]json.RawMessage
	if json.Unmarshal(d.Payload, &fields) == nil {
		if raw := bytes.TrimSpace(fields[key]); len(raw) > 0 && raw[0] == '{' {
			return raw
		}
	}
	return d.Payload
}

// Post decodes the post of a post event: the payload's "post" object, or
// the flat payload itself.
func (d *WebhookDelivery) Post() (*Post, error) {
	var p Post
	if err := json.Unmarshal(d.entity("post"), &p); err != nil {
		return nil, fmt.Errorf("%w: post: %w", ErrMalformedWebhook, err)
	}
	return &p, nil
}

// Comment decodes the comment of a comment event: the payload's "comment"
// object, or the flat payload itself.
func (d *WebhookDelivery) Comment() (*Comment, error) {
	var c Comment
	if err := json.Unmarshal(d.entity("comment"), &c); err != nil {
		return nil, fmt.Errorf("%w: comment: %w", ErrMalformedWebhook, err)
	}
	return &c, nil
}

// Message decodes the message of a message event: the payload's "message"
// object, or the flat payload itself.
func (d *WebhookDelivery) Message() (*Message, error) {
	var m Message
	if err := json.Unmarshal(d.entity("message"), &m); err != nil {
		return nil, fmt.Errorf("%w: message: %w", ErrMalformedWebhook, err)
	}
	return &m, nil
}
