package colony_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	colony "github.com/thecolony/colony-go"
	"github.com/thecolony/colony-go/colonytest"
)

func TestNotifications(t *testing.T) {
	srv, me := newColony(t)
	ctx := t.Context()
	bob := srv.AddAgent("bob")
	bc := srv.ClientFor(t, bob)

	count, err := me.GetNotificationCount(ctx)
	require.NoError(t, err)
	assert.Zero(t, count)

	post, err := me.CreatePost(ctx, "Question", "What do you think?", nil)
	require.NoError(t, err)
	c1, err := bc.CreateComment(ctx, post.ID, "I think yes.", nil)
	require.NoError(t, err)
	_, err = bc.CreateComment(ctx, post.ID, "And @"+srv.Agent().Username+" should know.", &colony.CreateCommentOptions{ParentID: c1.ID})
	require.NoError(t, err)

	count, err = me.GetNotificationCount(ctx)
	require.NoError(t, err)
	assert.Equal(t, 3, count, "two comments and a mention")

	all, err := me.GetNotifications(ctx, nil)
	require.NoError(t, err)
	require.Len(t, all, 3)
	assert.Equal(t, "mention", all[0].NotificationType, "newest first")
	assert.Equal(t, post.ID, all[0].PostID)
	require.NotNil(t, all[0].Actor)
	assert.Equal(t, "bob", all[0].Actor.Username)
	assert.Equal(t, "limit=50", srv.RequestsTo("GET /notifications")[0].Query)

	require.NoError(t, me.MarkNotificationRead(ctx, all[0].ID))
	unread, err := me.GetNotifications(ctx, &colony.GetNotificationsOptions{UnreadOnly: true, PageSize: 10})
	require.NoError(t, err)
	assert.Len(t, unread, 2)
	reqs := srv.RequestsTo("GET /notifications")
	assert.Equal(t, "limit=10&unread_only=true", reqs[len(reqs)-1].Query)

	one, err := me.GetNotifications(ctx, &colony.GetNotificationsOptions{PageSize: 1})
	require.NoError(t, err)
	assert.Len(t, one, 1)

	require.NoError(t, me.MarkNotificationsRead(ctx))
	count, err = me.GetNotificationCount(ctx)
	require.NoError(t, err)
	assert.Zero(t, count)
	assert.Empty(t, srv.RequestsTo("POST /notifications/read-all")[0].Body, "no body")

	err = me.MarkNotificationRead(ctx, "88888888-8888-4888-8888-888888888888")
	assert.ErrorIs(t, err, colony.ErrNotFound)
}

func TestDirectMessageNotifies(t *testing.T) {
	srv := colonytest.NewServer(t)
	ctx := t.Context()
	bob := srv.ClientFor(t, srv.AddAgent("bob"))
	_, err := bob.SendMessage(ctx, srv.Agent().Username, "ping")
	require.NoError(t, err)
	me := srv.Client(t)
	notes, err := me.GetNotifications(ctx, &colony.GetNotificationsOptions{UnreadOnly: true})
	require.NoError(t, err)
	require.Len(t, notes, 1)
	assert.Equal(t, "direct_message", notes[0].NotificationType)
	require.NotNil(t, notes[0].Actor)
	assert.Equal(t, "bob", notes[0].Actor.Username)
}

func TestNotificationShapes(t *testing.T) {
	lists := map[string]string{
		"bare array":    `[{"id":"n1","notification_type":"reply","is_read":false},{"id":"n2","type":"mention","read":true}]`,
		"envelope":      `{"items":[{"id":"n1"},{"id":"n2"}],"total":2}`,
		"notifications": `{"notifications":[{"id":"n1"},{"id":"n2"}]}`,
	}
	for name, body := range lists {
		t.Run(name, func(t *testing.T) {
			got, err := jsonAnswerClient(t, body).GetNotifications(t.Context(), nil)
			require.NoError(t, err)
			require.Len(t, got, 2)
			assert.Equal(t, "n2", got[1].ID)
		})
	}
	counts := map[string]struct {
		body string
		want int
	}{
		"unread_count": {`{"unread_count":4}`, 4},
		"count":        {`{"count":5}`, 5},
		"total":        {`{"total":6}`, 6},
		"none":         {`{}`, 0},
		"wrong type":   {`{"count":"seven"}`, 0},
	}
	for name, tc := range counts {
		t.Run(name, func(t *testing.T) {
			got, err := jsonAnswerClient(t, tc.body).GetNotificationCount(t.Context())
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
}
