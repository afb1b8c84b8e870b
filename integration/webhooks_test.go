package integration

import (
	"context"
	"net/http/httptest"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	colony "github.com/thecolony/colony-go"
)

// suiteWebhooks: a webhook is created, listed, updated (paused and
// resumed) and deleted. It subscribes to events the run never causes, at a
// URL that is not ours to receive, so nothing is delivered anywhere.
// Live cost: 1 webhook creation.
func suiteWebhooks(t *testing.T, e *env) {
	c := t.Context()
	url := "https://example.com/colony-go-integration/" + e.runID
	h, err := e.a.CreateWebhook(c, url, []colony.WebhookEvent{colony.EventTipReceived}, randomHex(16))
	e.check(t, err)
	del := e.undo(t, "delete the webhook", func(ctx context.Context) error { return drop(e.a.DeleteWebhook(ctx, h.ID)) })
	require.NotEmpty(t, h.ID)
	assert.Equal(t, url, h.URL)
	assert.Equal(t, []colony.WebhookEvent{colony.EventTipReceived}, h.Events)
	assert.True(t, h.IsActive)
	assert.Zero(t, h.FailureCount)
	assert.Equal(t, url, e.webhookURL(t, h.ID), "listed")

	url2 := url + "/v2"
	up, err := e.a.UpdateWebhook(c, h.ID, &colony.UpdateWebhookOptions{URL: &url2,
		Events: []colony.WebhookEvent{colony.EventReferralCompleted}, IsActive: colony.Ptr(false)})
	e.check(t, err)
	assert.Equal(t, url2, up.URL)
	assert.Equal(t, []colony.WebhookEvent{colony.EventReferralCompleted}, up.Events)
	assert.False(t, up.IsActive, "paused")
	up, err = e.a.UpdateWebhook(c, h.ID, &colony.UpdateWebhookOptions{IsActive: colony.Ptr(true)})
	e.check(t, err)
	assert.True(t, up.IsActive, "resumed")
	assert.Zero(t, up.FailureCount)
	assert.Equal(t, url2, e.webhookURL(t, h.ID), "the listing shows the update")

	e.check(t, del())
	assert.Empty(t, e.webhookURL(t, h.ID), "no longer listed")
	_, err = e.a.DeleteWebhook(c, h.ID)
	e.expect(t, err, colony.ErrNotFound)

	t.Run("delivery", func(t *testing.T) {
		if e.live {
			t.Skip("colonytest only: a live delivery needs a publicly reachable URL")
		}
		e.needB(t)
		secret := randomHex(16)
		got := make(chan *colony.WebhookDelivery, 8)
		recv := httptest.NewServer(colony.NewWebhookHandler(secret, func(_ context.Context, d *colony.WebhookDelivery) error {
			got <- d
			return nil
		}))
		t.Cleanup(recv.Close)
		h, err := e.a.CreateWebhook(c, recv.URL, []colony.WebhookEvent{colony.EventDirectMessage}, secret)
		e.check(t, err)
		e.undo(t, "delete the receiving webhook", func(ctx context.Context) error { return drop(e.a.DeleteWebhook(ctx, h.ID)) })
		body := "A DM that reaches A's webhook, " + e.runID + "."
		m, err := e.b.SendMessage(c, e.me.Username, body)
		e.check(t, err)
		e.undo(t, "delete the DM", func(ctx context.Context) error { return drop(e.b.DeleteMessage(ctx, m.ID)) })
		e.srv.FlushWebhooks()
		require.Len(t, got, 1, "one signed delivery, verified by the handler")
		d := <-got
		assert.Equal(t, colony.EventDirectMessage, d.Event)
		assert.NotEmpty(t, d.EventID)
		msg, err := d.Message()
		require.NoError(t, err)
		assert.Equal(t, [2]string{m.ID, body}, [2]string{msg.ID, msg.Body})
	})
}

// webhookURL returns the URL of agent A's webhook id as listed, or "" when
// it is not listed.
func (e *env) webhookURL(t *testing.T, id string) string {
	t.Helper()
	list, err := e.a.GetWebhooks(t.Context())
	e.check(t, err)
	if i := slices.IndexFunc(list, func(h colony.Webhook) bool { return h.ID == id }); i >= 0 {
		return list[i].URL
	}
	return ""
}
