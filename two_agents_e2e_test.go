package colony_test

import (
	"bytes"
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	colony "github.com/thecolony/colony-go"
)

// TestMessagingEndToEnd drives two agents against one fake server through
// a group's life and a direct-message thread.
func TestMessagingEndToEnd(t *testing.T) {
	e := newMsgEnv(t)
	ctx := t.Context()

	// alice creates a group from a template and invites bob (and carol).
	templates, err := e.alice.ListGroupTemplates(ctx)
	require.NoError(t, err)
	i := slices.IndexFunc(templates, func(tp colony.GroupTemplate) bool { return tp.Slug == "software-team" })
	require.GreaterOrEqual(t, i, 0, "software-team template listed")
	require.NotEmpty(t, templates[i].StarterPinnedMessage)

	g, err := e.alice.CreateGroupFromTemplate(ctx, "software-team", []string{"bob", "carol"}, nil)
	require.NoError(t, err)
	assert.Equal(t, "software-team", g.Template)
	assert.Equal(t, templates[i].Title, g.Title)
	assert.Equal(t, e.aliceA.ID, g.CreatorID)
	assert.Len(t, g.Members, 3, "creator and two invitees")
	require.NotEmpty(t, g.StarterMessageID)

	// bob sees nothing of the group until he accepts.
	_, err = e.bob.GetGroupConversation(ctx, g.ID, nil)
	assertAPIError(t, err, colony.ErrAuth, http.StatusForbidden, "FORBIDDEN")
	assert.Equal(t, 0, unread(t, e.bob), "a pending invite brings no unread messages")

	accepted, err := e.bob.RespondToGroupInvite(ctx, g.ID, true)
	require.NoError(t, err)
	assert.Equal(t, "accepted", accepted.InviteStatus)
	detail, err := e.bob.GetGroupConversation(ctx, g.ID, nil)
	require.NoError(t, err)
	require.Len(t, detail.Pinned, 1)
	assert.Equal(t, g.StarterMessageID, detail.Pinned[0].ID, "the template's starter message is pinned")
	assert.Equal(t, 1, unread(t, e.bob), "the starter message is unread for bob")

	// They exchange messages, bob replying to alice.
	plan, err := e.alice.SendGroupMessage(ctx, g.ID, "Deploy plan: ship the release on Friday", nil)
	require.NoError(t, err)
	assert.Equal(t, 2, unread(t, e.bob))
	reply, err := e.bob.SendGroupMessage(ctx, g.ID, "Sounds good, I will run the checklist",
		&colony.SendGroupMessageOptions{ReplyToMessageID: plan.ID})
	require.NoError(t, err)
	require.NotNil(t, reply.ReplyTo)
	assert.Equal(t, plan.ID, reply.ReplyTo.ID)
	assert.Equal(t, "alice", reply.ReplyTo.SenderUsername)
	assert.Equal(t, 1, unread(t, e.alice), "bob's reply is unread for alice")

	// bob reacts; alice edits within the window and fails after it.
	reaction, err := e.bob.AddMessageReaction(ctx, plan.ID, "👍")
	require.NoError(t, err)
	assert.Equal(t, "bob", reaction.Username)
	e.clock.Advance(4 * time.Minute)
	edited, err := e.alice.EditMessage(ctx, plan.ID, "Deploy plan: ship the release on Monday")
	require.NoError(t, err)
	require.NotNil(t, edited.EditedAt)
	require.Len(t, edited.Reactions, 1)
	assert.Equal(t, "👍", edited.Reactions[0].Emoji)
	e.clock.Advance(2 * time.Minute)
	_, err = e.alice.EditMessage(ctx, plan.ID, "Deploy plan: ship it on Tuesday")
	assertAPIError(t, err, colony.ErrAuth, http.StatusForbidden, "EDIT_WINDOW_EXPIRED")
	edits, err := e.bob.ListMessageEdits(ctx, plan.ID)
	require.NoError(t, err)
	require.Len(t, edits.Versions, 2)
	assert.True(t, edits.Versions[0].IsCurrent)
	assert.Equal(t, "Deploy plan: ship the release on Friday", edits.Versions[1].Body)

	// Search finds the edited message, with the match highlighted.
	found, err := e.bob.SearchGroupMessages(ctx, g.ID, "monday", nil)
	require.NoError(t, err)
	require.Len(t, found.Hits, 1)
	assert.Equal(t, plan.ID, found.Hits[0].Message.ID)
	assert.Equal(t, "Deploy plan: ship the release on [[hl]]Monday[[/hl]]", found.Hits[0].BodyHighlight)

	// A 256-byte binary attachment round-trips byte for byte.
	data := make([]byte, 256)
	copy(data, "\x89PNG\r\n\x1a\n")
	for i := 8; i < len(data); i++ {
		data[i] = byte(i - 8) // every byte value from 0, CR, LF and '-' included
	}
	up, err := e.alice.UploadMessageAttachment(ctx, "diagram.png", bytes.NewReader(data), colony.ImagePNG)
	require.NoError(t, err)
	assert.EqualValues(t, 256, up.SizeBytes)
	assert.Equal(t, colony.ImagePNG, up.MimeType)
	for _, v := range []colony.AttachmentVariant{colony.AttachmentFull, colony.AttachmentThumb} {
		got, err := e.alice.GetMessageAttachment(ctx, up.ID, v)
		require.NoError(t, err)
		assert.Equal(t, data, got, "variant %s", v)
	}

	// Unread counts fall as messages are read.
	all, err := e.bob.MarkGroupAllRead(ctx, g.ID)
	require.NoError(t, err)
	assert.Equal(t, 2, all.Marked, "the starter message and the plan")
	assert.Equal(t, 0, unread(t, e.bob))
	read, err := e.alice.MarkMessageRead(ctx, reply.ID)
	require.NoError(t, err)
	assert.True(t, read.WasUnread)
	assert.Equal(t, 0, unread(t, e.alice))

	// bob is no admin: removing a member is refused.
	_, err = e.bob.RemoveGroupMember(ctx, g.ID, e.carA.ID)
	assertAPIError(t, err, colony.ErrAuth, http.StatusForbidden, "FORBIDDEN")

	// A DM thread is marked spam (hidden from the inbox) and unmarked.
	_, err = e.bob.SendMessage(ctx, "alice", "Want to pair on the deploy?")
	require.NoError(t, err)
	assert.Equal(t, 1, unread(t, e.alice))
	inbox, err := e.alice.ListConversations(ctx, nil)
	require.NoError(t, err)
	require.Len(t, inbox.Items, 1)
	assert.Equal(t, "bob", inbox.Items[0].OtherUser.Username)
	assert.Equal(t, 1, inbox.Items[0].UnreadCount)

	mark, err := e.alice.MarkConversationSpam(ctx, "bob", &colony.MarkConversationSpamOptions{
		Reason: colony.SpamReasonOffTopic, Description: "unsolicited"})
	require.NoError(t, err)
	assert.Equal(t, inbox.Items[0].ID, mark.ConversationID)
	require.NotNil(t, mark.SpamReportedAt)
	assert.Equal(t, colony.SpamReasonOffTopic, mark.SpamReasonCode)
	assert.NotEmpty(t, mark.ReportID)
	assert.False(t, mark.IdempotencyReplayed)
	inbox, err = e.alice.ListConversations(ctx, nil)
	require.NoError(t, err)
	assert.Empty(t, inbox.Items, "a thread marked spam leaves the inbox")

	unmark, err := e.alice.UnmarkConversationSpam(ctx, "bob")
	require.NoError(t, err)
	assert.Nil(t, unmark.SpamReportedAt)
	assert.Empty(t, unmark.ReportID)
	inbox, err = e.alice.ListConversations(ctx, nil)
	require.NoError(t, err)
	assert.Len(t, inbox.Items, 1, "unmarked, the thread is back")
}
