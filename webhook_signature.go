package colony

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/thecolony/colony-go/internal/jsonx"
)

// Webhook delivery headers, as sent by The Colony (and colonytest). Only
// the two signature headers are covered by a signature; the others are
// informational and may be changed by anyone who replays a delivery.
const (
	// HeaderWebhookSignature carries the lower-case hex HMAC-SHA256 of the
	// raw body, keyed with the webhook's secret. It covers the body only,
	// so a captured delivery stays valid forever.
	HeaderWebhookSignature = "X-Colony-Signature"
	// HeaderWebhookSignature256 carries the timestamped signature the
	// platform added after 1.14.1: "t=<unix seconds>,v1=<hex HMAC-SHA256
	// of "<t>.<body>">". A capture expires with its timestamp.
	HeaderWebhookSignature256 = "X-Colony-Signature-256"
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
	// ErrMalformedSignature reports an X-Colony-Signature-256 value that is
	// not "t=<unix seconds>,v1=<64 hex digits>".
	ErrMalformedSignature = errors.New("colony: webhook signature header malformed")
	// ErrSignatureExpired reports a correctly signed delivery whose
	// timestamp lies outside the tolerance window, in the past or the
	// future: a replayed capture, or a clock far off.
	ErrSignatureExpired = errors.New("colony: webhook signature timestamp outside the tolerance window")
)

// DefaultWebhookTolerance is how far a timestamped signature's time may be
// from now, either way, in NewWebhookHandler.
const DefaultWebhookTolerance = 5 * time.Minute

// VerifyTimestampedSignature checks the X-Colony-Signature-256 header,
// "t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<payload>">", against the
// raw body and secret, and then that t is within tolerance of now, in
// either direction. The signature is checked before the timestamp, so a
// forgery is ErrBadSignature whatever its time, and only a genuine but old
// (or future) delivery is ErrSignatureExpired. Other errors: ErrEmptySecret,
// ErrNoSignature, ErrMalformedSignature, and ErrInvalidParams for a
// tolerance that is not positive. Several v1 values (a secret rotation)
// pass when any one matches.
func VerifyTimestampedSignature(payload []byte, header, secret string, tolerance time.Duration) error {
	return verifyTimestamped(payload, header, secret, tolerance, time.Now())
}

func verifyTimestamped(payload []byte, header, secret string, tolerance time.Duration, now time.Time) error {
	switch {
	case tolerance <= 0:
		return invalidParams("VerifyTimestampedSignature", "tolerance must be positive, got %v", tolerance)
	case secret == "":
		return ErrEmptySecret
	case header == "":
		return ErrNoSignature
	}
	ts, sigs, err := parseSignature256(header)
	if err != nil {
		return err
	}
	want := signature256(payload, secret, ts)
	matched := false
	for _, s := range sigs {
		matched = hmac.Equal([]byte(s), want) || matched
	}
	if !matched {
		return ErrBadSignature
	}
	if d := now.Sub(time.Unix(ts, 0)); d > tolerance || d < -tolerance {
		return fmt.Errorf("%w: signed at %s, %v from now (tolerance %v)", ErrSignatureExpired,
			time.Unix(ts, 0).UTC().Format(time.RFC3339), d.Round(time.Second), tolerance)
	}
	return nil
}

// parseSignature256 splits "t=<unix>,v1=<hex>[,v1=<hex>...]"; unknown keys
// (a future v2) are ignored.
func parseSignature256(header string) (int64, []string, error) {
	var ts int64
	haveTS := false
	var sigs []string
	for _, part := range strings.Split(header, ",") {
		k, v, ok := strings.Cut(strings.TrimSpace(part), "=")
		if !ok {
			return 0, nil, fmt.Errorf("%w: %q has no key=value", ErrMalformedSignature, part)
		}
		switch k {
		case "t":
			n, err := strconv.ParseInt(v, 10, 64)
			if err != nil || n <= 0 || haveTS {
				return 0, nil, fmt.Errorf("%w: bad timestamp %q", ErrMalformedSignature, v)
			}
			ts, haveTS = n, true
		case "v1":
			if len(v) != hex.EncodedLen(sha256.Size) {
				return 0, nil, fmt.Errorf("%w: v1 is not 64 hex digits", ErrMalformedSignature)
			}
			sigs = append(sigs, v)
		}
	}
	if !haveTS || len(sigs) == 0 {
		return 0, nil, fmt.Errorf("%w: want t=<unix>,v1=<hex>", ErrMalformedSignature)
	}
	return ts, sigs, nil
}

// SignWebhook256 returns the X-Colony-Signature-256 value for payload
// signed at t, for tests and for senders of your own.
func SignWebhook256(payload []byte, secret string, t time.Time) string {
	return "t=" + strconv.FormatInt(t.Unix(), 10) + ",v1=" + string(signature256(payload, secret, t.Unix()))
}

// signature256 is the lower-case hex HMAC-SHA256 of "<ts>.<payload>".
func signature256(payload []byte, secret string, ts int64) []byte {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write(strconv.AppendInt(nil, ts, 10))
	mac.Write([]byte{'.'})
	mac.Write(payload)
	return hex.AppendEncode(nil, mac.Sum(nil))
}

// VerifyWebhook reports whether signature (the X-Colony-Signature header)
// is the HMAC-SHA256 of payload, the raw request body, keyed with secret.
// As in Python 1.14.1 the signature is lower-case hex, one leading
// "sha256=" is tolerated, the comparison is constant-time, and anything
// malformed (upper-case hex, whitespace, a short or empty value) is false.
// Unlike Python an empty secret is always false. Verify the bytes as
// received, before any JSON decoding.
//
// The signature covers the body only, so a captured delivery can be
// replayed: prefer VerifyTimestampedSignature when the delivery carries
// X-Colony-Signature-256, and drop duplicate bodies, as NewWebhookHandler
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
// {"event": "post_created", "id": "...", "title": "..."}, with the ids of
// the delivery in headers only (spec/beyond.md §23). The {"event"|"type":
// ..., "payload"|"data": {...}} envelope of older documentation (api-contract.md,
// unverified) is accepted too.
type WebhookDelivery struct {
	// Event is the event name.
	Event WebhookEvent
	// EventID is the X-Colony-Event-Id header (set by NewWebhookHandler):
	// the same for every redelivery of one event. No signature covers it.
	EventID string
	// DeliveryID is the X-Colony-Delivery header (set by
	// NewWebhookHandler): one per delivery attempt.
	DeliveryID string
	// Payload holds the event's fields: the nested "payload" or "data"
	// object of an envelope, or else the whole flat body.
	Payload json.RawMessage
	rawJSON `model:"parsed"`
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

// Post decodes the post of a post event (the flat payload).
func (d *WebhookDelivery) Post() (*Post, error) {
	var p Post
	if err := json.Unmarshal(d.Payload, &p); err != nil {
		return nil, fmt.Errorf("%w: post: %w", ErrMalformedWebhook, err)
	}
	return &p, nil
}

// Comment decodes the comment of a comment event (the flat payload).
func (d *WebhookDelivery) Comment() (*Comment, error) {
	var c Comment
	if err := json.Unmarshal(d.Payload, &c); err != nil {
		return nil, fmt.Errorf("%w: comment: %w", ErrMalformedWebhook, err)
	}
	return &c, nil
}

// Message decodes the message of a message event (the flat payload).
func (d *WebhookDelivery) Message() (*Message, error) {
	var m Message
	if err := json.Unmarshal(d.Payload, &m); err != nil {
		return nil, fmt.Errorf("%w: message: %w", ErrMalformedWebhook, err)
	}
	return &m, nil
}
