package colony

import (
	"context"
	"net/url"
	"unicode/utf8"
)

// MinWebhookSecretLen is the shortest webhook secret the server accepts,
// in characters.
const MinWebhookSecretLen = 16

func checkWebhookURL(op, raw string) error {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return invalidParams(op, "webhook URL %q is not an absolute http(s) URL", raw)
	}
	return nil
}

// checkWebhookSecret never puts the secret in the error.
func checkWebhookSecret(op, secret string) error {
	if n := utf8.RuneCountInString(secret); n < MinWebhookSecretLen {
		return invalidParams(op, "webhook secret is %d characters; at least %d are required", n, MinWebhookSecretLen)
	}
	return nil
}

type createWebhookBody struct {
	URL    string         `json:"url"`
	Events []WebhookEvent `json:"events"`
	Secret string         `json:"secret"`
}

// CreateWebhook registers a webhook: the server POSTs each of events to
// targetURL, signed with secret (see VerifyWebhook and NewWebhookHandler).
// POST /webhooks. targetURL must be an absolute http(s) URL, events must not be
// empty, and secret needs at least 16 characters; all three are checked
// locally. The secret is never returned by the API.
func (c *Client) CreateWebhook(ctx context.Context, targetURL string, events []WebhookEvent, secret string, opts ...CallOption) (*Webhook, error) {
	op := epCreateWebhook.goName
	if err := checkWebhookURL(op, targetURL); err != nil {
		return nil, err
	}
	if len(events) == 0 {
		return nil, invalidParams(op, "events must name at least one event, e.g. %q", EventPostCreated)
	}
	if err := checkWebhookSecret(op, secret); err != nil {
		return nil, err
	}
	return call[Webhook](ctx, c, epCreateWebhook, args{body: &createWebhookBody{URL: targetURL, Events: events, Secret: secret}}, opts)
}

// GetWebhooks lists the caller's webhooks. GET /webhooks (a bare JSON
// array on the live API).
func (c *Client) GetWebhooks(ctx context.Context, opts ...CallOption) ([]Webhook, error) {
	var page Page[Webhook]
	if err := c.do(ctx, epGetWebhooks.req(args{}), &page, opts); err != nil {
		return nil, err
	}
	return page.Items, nil
}

// UpdateWebhookOptions are the fields UpdateWebhook may change; at least one
// must be set.
type UpdateWebhookOptions struct {
	URL *string `json:"url,omitempty"`
	// Secret needs at least 16 characters.
	Secret *string `json:"secret,omitempty"`
	// Events replaces the subscribed events: nil leaves them as they are,
	// an empty non-nil slice is sent as [].
	Events []WebhookEvent `json:"events,omitzero"`
	// IsActive false pauses the webhook; true re-enables it and resets its
	// failure count (the server disables a webhook after 10 failed
	// deliveries in a row).
	IsActive *bool `json:"is_active,omitempty"`
}

// UpdateWebhook changes a webhook and returns it. PUT /webhooks/{webhook_id}.
// With no field set it fails locally with ErrInvalidParams.
func (c *Client) UpdateWebhook(ctx context.Context, webhookID string, opts *UpdateWebhookOptions, callOpts ...CallOption) (*Webhook, error) {
	op := epUpdateWebhook.goName
	if opts == nil || (opts.URL == nil && opts.Secret == nil && opts.Events == nil && opts.IsActive == nil) {
		return nil, invalidParams(op, "at least one of URL, Secret, Events and IsActive must be set")
	}
	if opts.URL != nil {
		if err := checkWebhookURL(op, *opts.URL); err != nil {
			return nil, err
		}
	}
	if opts.Secret != nil {
		if err := checkWebhookSecret(op, *opts.Secret); err != nil {
			return nil, err
		}
	}
	return call[Webhook](ctx, c, epUpdateWebhook, args{params: []string{webhookID}, body: opts}, callOpts)
}

// DeleteWebhook deletes a webhook. DELETE /webhooks/{webhook_id}. An
// unknown id is ErrNotFound.
func (c *Client) DeleteWebhook(ctx context.Context, webhookID string, opts ...CallOption) (*Ack, error) {
	return call[Ack](ctx, c, epDeleteWebhook, ids(webhookID), opts)
}
