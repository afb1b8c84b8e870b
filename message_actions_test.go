package colony_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	colony "github.com/thecolony/colony-go"
	"github.com/thecolony/colony-go/colonytest"
)

func TestMessageReads(t *testing.T) {
	e := newMsgEnv(t)
	ctx := t.Context()
	g := e.group(t, e.bob, e.carol)
	m, err := e.alice.SendGroupMessage(ctx, g.ID, "Read me", nil)
	require.NoError(t, err)

	reads, err := e.alice.ListMessageReads(ctx, m.ID)
	require.NoError(t, err)
	assert.True(t, reads.IsGroup)
	assert.Equal(t, 2, reads.TotalOthers)
	assert.Equal(t, 0, reads.SeenCount)
	assert.Len(t, reads.Unseen, 2)

	first, err := e.bob.MarkMessageRead(ctx, m.ID)
	require.NoError(t, err)
	assert.True(t, first.WasUnread)
	require.NotNil(t, first.ReadAt)
	e.clock.Advance(time.Minute)
	second, err := e.bob.MarkMessageRead(ctx, m.ID)
	require.NoError(t, err)
	assert.False(t, second.WasUnread, "idempotent")
	assert.Equal(t, first.ReadAt, second.ReadAt)
	own, err := e.alice.MarkMessageRead(ctx, m.ID)
	require.NoError(t, err)
	assert.False(t, own.WasUnread, "your own message is never unread")

	// carol reads with receipts off: she stays "unseen" to the others.
	_, err = e.carol.SetGroupReadReceipts(ctx, g.ID, colony.Ptr(false))
	require.NoError(t, err)
	_, err = e.carol.MarkMessageRead(ctx, m.ID)
	require.NoError(t, err)
	reads, err = e.alice.ListMessageReads(ctx, m.ID)
	require.NoError(t, err)
	assert.Equal(t, 1, reads.SeenCount)
	require.Len(t, reads.Seen, 1)
	assert.Equal(t, "bob", reads.Seen[0].Username)
	assert.Equal(t, first.ReadAt, reads.Seen[0].ReadAt)
	require.Len(t, reads.Unseen, 1)
	assert.Equal(t, "carol", reads.Unseen[0].Username)
	assert.Nil(t, reads.Unseen[0].ReadAt)

	_, err = e.alice.MarkMessageRead(ctx, "77777777-7777-4777-8777-777777777777")
	assertAPIError(t, err, colony.ErrNotFound, http.StatusNotFound, "NOT_FOUND")
	dm, err := e.alice.SendMessage(ctx, "bob", "private")
	require.NoError(t, err)
	_, err = e.carol.ListMessageReads(ctx, dm.ID)
	assertAPIError(t, err, colony.ErrAuth, http.StatusForbidden, "FORBIDDEN")
}

func TestMessageReactions(t *testing.T) {
	e := newMsgEnv(t)
	ctx := t.Context()
	m, err := e.alice.SendMessage(ctx, "bob", "ship it?")
	require.NoError(t, err)
	for _, emoji := range []string{"👍", "🏳️‍🌈"} {
		for range 2 { // adding twice does nothing
			r, err := e.bob.AddMessageReaction(ctx, m.ID, emoji)
			require.NoError(t, err)
			assert.Equal(t, emoji, r.Emoji)
			assert.Equal(t, e.bobA.ID, r.UserID)
		}
	}
	conv, err := e.alice.GetConversation(ctx, "bob")
	require.NoError(t, err)
	require.Len(t, conv.Messages[0].Reactions, 2)

	removed, err := e.bob.RemoveMessageReaction(ctx, m.ID, "👍")
	require.NoError(t, err)
	assert.True(t, removed.Removed)
	del := lastRequest(t, e.srv, colonytest.MessageDeleteRoute)
	assert.Equal(t, "/messages/"+m.ID+"/reactions/%F0%9F%91%8D", del.Path, "the emoji is one percent-encoded segment")
	removed, err = e.bob.RemoveMessageReaction(ctx, m.ID, "👍")
	require.NoError(t, err)
	assert.False(t, removed.Removed, "removing a reaction you do not have is a no-op")
	removed, err = e.alice.RemoveMessageReaction(ctx, m.ID, "🏳️‍🌈")
	require.NoError(t, err)
	assert.False(t, removed.Removed, "only your own reaction")

	conv, err = e.alice.GetConversation(ctx, "bob")
	require.NoError(t, err)
	require.Len(t, conv.Messages[0].Reactions, 1)
	assert.Equal(t, "🏳️‍🌈", conv.Messages[0].Reactions[0].Emoji)

	_, err = e.bob.AddMessageReaction(ctx, m.ID, strings.Repeat("x", 31))
	assertAPIError(t, err, colony.ErrValidation, http.StatusUnprocessableEntity, "")
}

func TestEditAndDeleteMessage(t *testing.T) {
	e := newMsgEnv(t)
	ctx := t.Context()
	g := e.group(t, e.bob)
	m, err := e.alice.SendGroupMessage(ctx, g.ID, "v1", nil)
	require.NoError(t, err)
	reply, err := e.bob.SendGroupMessage(ctx, g.ID, "re", &colony.SendGroupMessageOptions{ReplyToMessageID: m.ID})
	require.NoError(t, err)
	_, err = e.bob.AddMessageReaction(ctx, m.ID, "🎉")
	require.NoError(t, err)

	_, err = e.bob.EditMessage(ctx, m.ID, "hijacked")
	assertAPIError(t, err, colony.ErrAuth, http.StatusForbidden, "FORBIDDEN")
	for i, body := range []string{"v2", "v3"} {
		e.clock.Advance(time.Minute)
		edited, err := e.alice.EditMessage(ctx, m.ID, body)
		require.NoError(t, err, "edit %d", i)
		assert.Equal(t, body, edited.Body)
		assert.Equal(t, e.clock.Now(), *edited.EditedAt)
	}
	edits, err := e.bob.ListMessageEdits(ctx, m.ID)
	require.NoError(t, err)
	assert.Equal(t, m.ID, edits.MessageID)
	var bodies []string
	for _, v := range edits.Versions {
		bodies = append(bodies, v.Body)
	}
	assert.Equal(t, []string{"v3", "v2", "v1"}, bodies, "current first, then most recent")
	assert.True(t, edits.Versions[0].IsCurrent)
	assert.False(t, edits.Versions[2].IsCurrent)
	assert.Equal(t, m.CreatedAt, edits.Versions[2].At)

	_, err = e.bob.DeleteMessage(ctx, m.ID)
	assertAPIError(t, err, colony.ErrAuth, http.StatusForbidden, "FORBIDDEN")
	deleted, err := e.alice.DeleteMessage(ctx, m.ID)
	require.NoError(t, err)
	assert.True(t, deleted.Deleted)
	assert.Equal(t, m.ID, deleted.MessageID)
	_, err = e.alice.EditMessage(ctx, m.ID, "v4")
	assertAPIError(t, err, colony.ErrValidation, http.StatusBadRequest, "INVALID_INPUT")

	detail, err := e.bob.GetGroupConversation(ctx, g.ID, nil)
	require.NoError(t, err)
	require.Len(t, detail.Messages, 2)
	tomb := detail.Messages[0]
	assert.True(t, tomb.IsDeleted, "a tombstone stays in the history")
	assert.NotContains(t, tomb.Body, "v3")
	assert.Len(t, tomb.Reactions, 1, "reactions are kept")
	require.NotNil(t, detail.Messages[1].ReplyTo)
	assert.Equal(t, reply.ID, detail.Messages[1].ID)
	assert.True(t, detail.Messages[1].ReplyTo.Deleted, "a reply shows its parent was deleted")
	edits, err = e.bob.ListMessageEdits(ctx, m.ID)
	require.NoError(t, err)
	require.Len(t, edits.Versions, 3, "the earlier versions are kept")
	assert.Equal(t, tomb.Body, edits.Versions[0].Body)
	assert.Equal(t, []string{"v2", "v1"}, []string{edits.Versions[1].Body, edits.Versions[2].Body}, "the deleted body is gone")

	found, err := e.bob.SearchGroupMessages(ctx, g.ID, "v3", nil)
	require.NoError(t, err)
	assert.Empty(t, found.Hits, "a deleted message is not found")
}

func TestStarsAndSavedMessages(t *testing.T) {
	e := newMsgEnv(t)
	ctx := t.Context()
	g := e.group(t, e.bob)
	var ids []string
	for i := range 4 {
		m, err := e.alice.SendGroupMessage(ctx, g.ID, fmt.Sprintf("group note %d", i), nil)
		require.NoError(t, err)
		ids = append(ids, m.ID)
	}
	dm, err := e.alice.SendMessage(ctx, "bob", "private note")
	require.NoError(t, err)
	ids = append(ids, dm.ID)

	on, err := e.bob.ToggleStarMessage(ctx, ids[0])
	require.NoError(t, err)
	assert.True(t, on.Saved)
	off, err := e.bob.ToggleStarMessage(ctx, ids[0])
	require.NoError(t, err)
	assert.False(t, off.Saved)
	for _, id := range ids {
		e.clock.Advance(time.Second)
		_, err := e.bob.ToggleStarMessage(ctx, id)
		require.NoError(t, err)
	}

	first, err := e.bob.ListSavedMessages(ctx, &colony.MessagePageOptions{PageSize: 2})
	require.NoError(t, err)
	assert.Equal(t, 5, first.Total)
	require.NotNil(t, first.HasMore)
	assert.True(t, *first.HasMore)
	require.Len(t, first.Items, 2)
	latest := first.Items[0]
	assert.Equal(t, dm.ID, latest.Message.ID, "most recently starred first")
	assert.Equal(t, "alice", latest.OtherUsername)
	assert.False(t, latest.IsGroup)
	assert.Equal(t, e.clock.Now(), latest.SavedAt)
	assert.True(t, first.Items[1].IsGroup)
	assert.Equal(t, "Team", first.Items[1].ConversationTitle)

	e.srv.ResetRequests()
	all, err := colony.Collect(e.bob.IterSavedMessages(ctx, &colony.IterMessagesOptions{PageSize: 2}))
	require.NoError(t, err)
	require.Len(t, all, 5)
	assert.Equal(t, ids[0], all[4].Message.ID)
	assert.Len(t, e.srv.RequestsTo("GET /messages/saved"), 3, "has_more false ends the walk")
	none, err := e.alice.ListSavedMessages(ctx, nil)
	require.NoError(t, err)
	assert.Empty(t, none.Items, "stars are per user")
	assert.Equal(t, "limit=50&offset=0", lastRequest(t, e.srv, "GET /messages/saved").Query)
}

func TestForwardMessage(t *testing.T) {
	e := newMsgEnv(t)
	ctx := t.Context()
	g := e.group(t, e.bob)
	m, err := e.bob.SendGroupMessage(ctx, g.ID, "Line one\nLine two", nil)
	require.NoError(t, err)

	fwd, err := e.alice.ForwardMessage(ctx, m.ID, "carol", &colony.ForwardMessageOptions{Comment: "FYI:"})
	require.NoError(t, err)
	assert.Equal(t, "FYI:\n> Line one\n> Line two", fwd.Body)
	assert.Equal(t, "alice", fwd.Sender.Username)
	assert.Equal(t, "recipient_username=carol&comment=FYI%3A", lastRequest(t, e.srv, colonytest.MessagePostRoute).Query)
	conv, err := e.carol.GetConversation(ctx, "alice")
	require.NoError(t, err)
	require.Len(t, conv.Messages, 1)
	assert.Equal(t, fwd.ID, conv.Messages[0].ID)
	assert.Equal(t, 1, unread(t, e.carol))

	plain, err := e.alice.ForwardMessage(ctx, m.ID, "carol", nil)
	require.NoError(t, err)
	assert.Equal(t, "> Line one\n> Line two", plain.Body)
	assert.Equal(t, "recipient_username=carol&comment=", lastRequest(t, e.srv, colonytest.MessagePostRoute).Query,
		"comment is always sent")

	_, err = e.carol.ForwardMessage(ctx, m.ID, "alice", nil)
	assertAPIError(t, err, colony.ErrAuth, http.StatusForbidden, "FORBIDDEN")
	_, err = e.alice.ForwardMessage(ctx, m.ID, "nobody", nil)
	assertAPIError(t, err, colony.ErrNotFound, http.StatusNotFound, "NOT_FOUND")
}
