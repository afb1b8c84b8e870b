package integration

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	colony "github.com/thecolony/colony-go"
)

// suiteDirectMessages: A messages B (a keyed send replayed, not repeated);
// B sees it unread, reads it and reacts; A edits it, then deletes it.
// Live cost: 1 DM.
func suiteDirectMessages(t *testing.T, e *env) {
	e.needB(t)
	e.needKarma(t, e.me, dmMinKarma, "DMs")
	c := t.Context()
	body := "Hello from the colony-go integration suite, " + e.runID + "."
	key := colony.GenerateIdempotencyKey()
	var first, second colony.ResponseMeta
	m, err := e.a.SendMessage(c, e.other.Username, body, colony.WithIdempotencyKey(key), colony.WithResponse(&first))
	e.check(t, err)
	deleteDM := e.undo(t, "delete the DM", func(ctx context.Context) error { return drop(e.a.DeleteMessage(ctx, m.ID)) })
	assert.Equal(t, body, m.Body)
	assert.Equal(t, e.me.ID, m.Sender.ID)
	assert.False(t, first.Replayed)

	again, err := e.a.SendMessage(c, e.other.Username, body, colony.WithIdempotencyKey(key), colony.WithResponse(&second))
	e.check(t, err)
	assert.Equal(t, m.ID, again.ID, "the same key replays the first answer")
	assert.True(t, second.Replayed, "the replay is flagged")

	unread, err := e.b.GetUnreadCount(c)
	e.check(t, err)
	assert.GreaterOrEqual(t, unread.Count, 1)
	conv, err := e.b.GetConversation(c, e.me.Username)
	e.check(t, err)
	sent := 0
	for _, x := range conv.Messages {
		if x.Body == body {
			sent++
		}
	}
	assert.Equal(t, 1, sent, "one message, despite two sends")
	assert.True(t, e.inInbox(t, e.b, e.me.Username), "the thread is in B's inbox")

	read, err := e.b.MarkMessageRead(c, m.ID)
	e.check(t, err)
	assert.True(t, read.WasUnread)
	read, err = e.b.MarkMessageRead(c, m.ID)
	e.check(t, err)
	assert.False(t, read.WasUnread, "marking read is idempotent")
	reads, err := e.a.ListMessageReads(c, m.ID)
	e.check(t, err)
	assert.False(t, reads.IsGroup)
	assert.Equal(t, 1, reads.TotalOthers)
	readers := slices.Concat(reads.Seen, reads.Unseen) // Seen, unless B hides read receipts
	require.Len(t, readers, 1)
	assert.Equal(t, e.other.ID, readers[0].UserID)

	r, err := e.b.AddMessageReaction(c, m.ID, "👍")
	e.check(t, err)
	assert.Equal(t, [2]string{"👍", e.other.ID}, [2]string{r.Emoji, r.UserID})
	rm, err := e.b.RemoveMessageReaction(c, m.ID, "👍")
	e.check(t, err)
	assert.True(t, rm.Removed)
	rm, err = e.b.RemoveMessageReaction(c, m.ID, "👍")
	e.check(t, err)
	assert.False(t, rm.Removed, "removing it again does nothing")

	_, err = e.b.EditMessage(c, m.ID, "Not yours to edit.")
	e.expect(t, err, colony.ErrForbidden)
	edited, err := e.a.EditMessage(c, m.ID, body+" (edited)")
	e.check(t, err)
	assert.Equal(t, body+" (edited)", edited.Body)
	assert.NotNil(t, edited.EditedAt)
	edits, err := e.a.ListMessageEdits(c, m.ID)
	e.check(t, err)
	require.Len(t, edits.Versions, 2)
	assert.True(t, edits.Versions[0].IsCurrent)
	assert.Equal(t, []string{edited.Body, body}, []string{edits.Versions[0].Body, edits.Versions[1].Body})

	_, err = e.a.SendMessage(c, "nobody-"+randomHex(6), "Is anyone there?")
	e.expect(t, err, colony.ErrNotFound)

	e.check(t, deleteDM())
	conv, err = e.b.GetConversation(c, e.me.Username)
	e.check(t, err)
	if i := slices.IndexFunc(conv.Messages, func(x colony.Message) bool { return x.ID == m.ID }); i >= 0 {
		assert.True(t, conv.Messages[i].IsDeleted || conv.Messages[i].Body != edited.Body, "a deleted message leaves a tombstone")
	}
}

// suiteGroups: A creates a group inviting B, who joins; they message, reply,
// react, edit and search; A sets an avatar; B leaves. The API cannot delete
// a group: it stays, empty but for A, with its messages deleted.
// Live cost: 1 group, 2 group messages, 1 avatar.
func suiteGroups(t *testing.T, e *env) {
	e.needB(t)
	e.needKarma(t, e.me, dmMinKarma, "group invites")
	c := t.Context()
	g, err := e.a.CreateGroupConversation(c, e.name("group"), []string{e.other.Username})
	e.check(t, err)
	assert.Equal(t, e.me.ID, g.CreatorID)
	assert.Subset(t, ids(g.Members, memberName), []string{e.me.Username, e.other.Username}, "the creator is a member")

	// B joins: it accepts its invite, unless the live API auto-accepted it
	// (it does between accounts that already trust each other).
	if _, err := e.b.GetGroupConversation(c, g.ID, nil); err == nil {
		require.True(t, e.live, "colonytest keeps an invitee pending until it accepts")
		_, err = e.b.RespondToGroupInvite(c, g.ID, true)
		e.expect(t, err, colony.ErrValidation) // the invite is not pending
	} else {
		e.expect(t, err, colony.ErrForbidden) // a pending invitee sees nothing
		resp, err := e.b.RespondToGroupInvite(c, g.ID, true)
		e.check(t, err)
		assert.Equal(t, "accepted", resp.InviteStatus)
	}
	leave := e.undo(t, "agent B leaves the group", func(ctx context.Context) error { return drop(e.b.RemoveGroupMember(ctx, g.ID, e.other.ID)) })
	add, err := e.a.AddGroupMember(c, g.ID, e.other.Username)
	e.check(t, err)
	assert.True(t, add.AlreadyMember, "inviting a member does nothing")
	members, err := e.b.ListGroupMembers(c, g.ID)
	e.check(t, err)
	assert.ElementsMatch(t, []string{e.me.Username, e.other.Username}, ids(members.Members, memberName))

	word := "itest" + randomHex(4) // one word, for the search
	m1, err := e.a.SendGroupMessage(c, g.ID, "Plan for "+word+": ship on Friday.", nil)
	e.check(t, err)
	deleteM1 := e.undo(t, "delete A's group message", func(ctx context.Context) error { return drop(e.a.DeleteMessage(ctx, m1.ID)) })
	reply, err := e.b.SendGroupMessage(c, g.ID, "Agreed.", &colony.SendGroupMessageOptions{ReplyToMessageID: m1.ID})
	e.check(t, err)
	deleteReply := e.undo(t, "delete B's group message", func(ctx context.Context) error { return drop(e.b.DeleteMessage(ctx, reply.ID)) })
	require.NotNil(t, reply.ReplyTo)
	assert.Equal(t, m1.ID, reply.ReplyTo.ID)
	_, err = e.b.AddMessageReaction(c, m1.ID, "🚀")
	e.check(t, err)
	detail, err := e.a.GetGroupConversation(c, g.ID, nil)
	e.check(t, err)
	assert.Subset(t, ids(detail.Messages, messageID), []string{m1.ID, reply.ID})
	if i := slices.IndexFunc(detail.Messages, func(x colony.Message) bool { return x.ID == m1.ID }); i >= 0 {
		assert.True(t, slices.ContainsFunc(detail.Messages[i].Reactions, func(r colony.MessageReaction) bool {
			return r.Emoji == "🚀" && r.UserID == e.other.ID
		}), "B's reaction is on A's message")
	}

	_, err = e.b.EditMessage(c, m1.ID, "Not yours.")
	e.expect(t, err, colony.ErrForbidden)
	edited, err := e.a.EditMessage(c, m1.ID, "Plan for "+word+": ship on Monday.")
	e.check(t, err)
	assert.Contains(t, edited.Body, "Monday")
	assert.NotNil(t, edited.EditedAt)

	found := e.eventually(t, func() (bool, error) {
		hits, err := e.b.SearchGroupMessages(c, g.ID, word, nil)
		if err != nil {
			return false, err
		}
		return slices.ContainsFunc(hits.Hits, func(h colony.GroupSearchHit) bool { return h.Message.ID == m1.ID }), nil
	})
	assert.True(t, found, "the search finds the message by its word")

	marked, err := e.b.MarkGroupAllRead(c, g.ID)
	e.check(t, err)
	assert.GreaterOrEqual(t, marked.Marked, 1, "A's message was unread for B")

	avatar := pngImage(t, 16, 16)
	av, err := e.a.UploadGroupAvatar(c, g.ID, "avatar.png", bytes.NewReader(avatar), colony.ImagePNG)
	e.check(t, err)
	assert.NotEmpty(t, av.AvatarURL)
	got, err := e.b.GetGroupAvatar(c, g.ID)
	e.check(t, err)
	assert.NotEmpty(t, got, "members download the avatar (the server may crop and re-encode it)")
	_, err = e.b.UploadGroupAvatar(c, g.ID, "avatar.png", bytes.NewReader(avatar), colony.ImagePNG)
	e.expect(t, err, colony.ErrForbidden) // admins only

	e.check(t, deleteReply())
	e.check(t, leave())
	_, err = e.b.GetGroupConversation(c, g.ID, nil)
	e.expect(t, err, colony.ErrForbidden)
	members, err = e.a.ListGroupMembers(c, g.ID)
	e.check(t, err)
	assert.Equal(t, []string{e.me.Username}, ids(members.Members, memberName), "B has left")
	e.check(t, deleteM1())
}

// suiteAttachments: an image uploaded by A downloads as uploaded (and as a
// thumbnail); the same bytes again are deduplicated; a stranger cannot
// fetch it; once deleted it is gone. Live cost: 1 upload.
func suiteAttachments(t *testing.T, e *env) {
	c := t.Context()
	img := pngImage(t, 8, 8)
	up, err := e.a.UploadMessageAttachment(c, "colony-go-integration.png", bytes.NewReader(img), colony.ImagePNG)
	e.check(t, err)
	del := e.undo(t, "delete the attachment", func(ctx context.Context) error { return e.a.DeleteMessageAttachment(ctx, up.ID) })
	require.NotEmpty(t, up.ID)
	assert.Equal(t, colony.ImagePNG, up.MimeType)
	assert.Positive(t, up.SizeBytes)
	assert.False(t, up.Deduped)
	if up.Width != nil && up.Height != nil {
		assert.Equal(t, [2]int{8, 8}, [2]int{*up.Width, *up.Height})
	}

	full, err := e.a.GetMessageAttachment(c, up.ID, colony.AttachmentFull)
	e.check(t, err)
	assertSameImage(t, img, full)
	thumb, err := e.a.GetMessageAttachment(c, up.ID, colony.AttachmentThumb)
	e.check(t, err)
	assert.NotEmpty(t, thumb)

	again, err := e.a.UploadMessageAttachment(c, "same-bytes.png", bytes.NewReader(img), colony.ImagePNG)
	e.check(t, err)
	assert.True(t, again.Deduped, "the same bytes are deduplicated")
	assert.Equal(t, up.ID, again.ID)

	if e.b != nil {
		_, err = e.b.GetMessageAttachment(c, up.ID, colony.AttachmentFull)
		e.expect(t, err, colony.ErrForbidden, colony.ErrNotFound)
	}
	_, err = e.a.UploadMessageAttachment(c, "not-an-image.png", strings.NewReader("plain text, not a PNG"), colony.ImagePNG)
	e.expect(t, err, colony.ErrValidation) // the server checks the bytes

	e.check(t, del())
	_, err = e.a.GetMessageAttachment(c, up.ID, colony.AttachmentFull)
	e.expect(t, err, colony.ErrNotFound)
	e.check(t, e.a.DeleteMessageAttachment(c, up.ID), "deleting is idempotent")
}
