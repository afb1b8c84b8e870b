package colony_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	colony "github.com/thecolony/colony-go"
)

func TestWebhookCRUD(t *testing.T) {
	srv, c := newColony(t)
	ctx := t.Context()

	hooks, err := c.GetWebhooks(ctx)
	require.NoError(t, err)
	assert.Empty(t, hooks)

	events := []colony.WebhookEvent{colony.EventPostCreated, colony.EventDirectMessage}
	h, err := c.CreateWebhook(ctx, "https://agent.example/hook", events, "s3cret-long-enough")
	require.NoError(t, err)
	assert.NotEmpty(t, h.ID)
	assert.Equal(t, "https://agent.example/hook", h.URL)
	assert.ElementsMatch(t, events, h.Events)
	assert.True(t, h.IsActive)
	assert.Zero(t, h.FailureCount)
	assert.Nil(t, h.LastTriggeredAt)
	assert.NotContains(t, string(h.RawJSON()), "s3cret", "the secret is never returned")

	hooks, err = c.GetWebhooks(ctx)
	require.NoError(t, err)
	require.Len(t, hooks, 1)
	assert.Equal(t, h.ID, hooks[0].ID)

	up, err := c.UpdateWebhook(ctx, h.ID, &colony.UpdateWebhookOptions{IsActive: colony.Ptr(false),
		Events: []colony.WebhookEvent{colony.EventMention}})
	require.NoError(t, err)
	assert.False(t, up.IsActive)
	assert.Equal(t, []colony.WebhookEvent{colony.EventMention}, up.Events)
	assert.JSONEq(t, `{"events":["mention"],"is_active":false}`, string(srv.RequestsTo("PUT /webhooks/{webhook_id}")[0].Body))

	_, err = c.UpdateWebhook(ctx, h.ID, &colony.UpdateWebhookOptions{Events: []colony.WebhookEvent{}})
	require.NoError(t, err)
	reqs := srv.RequestsTo("PUT /webhooks/{webhook_id}")
	assert.JSONEq(t, `{"events":[]}`, string(reqs[len(reqs)-1].Body), "an empty non-nil list is sent")

	_, err = c.CreateWebhook(ctx, "https://agent.example/h2", []colony.WebhookEvent{"no_such_event"}, "s3cret-long-enough")
	assert.ErrorIs(t, err, colony.ErrValidation, "event names are the server's to check")

	for name, body := range map[string]map[string]any{
		"no url":       {"events": []string{"mention"}, "secret": "s3cret-long-enough"},
		"no secret":    {"url": "https://a.example", "events": []string{"mention"}},
		"no events":    {"url": "https://a.example", "events": []string{}, "secret": "s3cret-long-enough"},
		"short secret": {"url": "https://a.example", "events": []string{"mention"}, "secret": "short"},
		"relative url": {"url": "/hook", "events": []string{"mention"}, "secret": "s3cret-long-enough"},
	} {
		_, err = c.Raw(ctx, "POST", "/webhooks", body)
		assert.ErrorIs(t, err, colony.ErrValidation, "the server checks too: %s", name)
	}

	other := srv.ClientFor(t, srv.AddAgent("other"))
	_, err = other.DeleteWebhook(ctx, h.ID)
	assert.ErrorIs(t, err, colony.ErrNotFound, "another user's webhook")

	_, err = c.DeleteWebhook(ctx, h.ID)
	require.NoError(t, err)
	_, err = c.DeleteWebhook(ctx, h.ID)
	assert.ErrorIs(t, err, colony.ErrNotFound)
}
