package colony_test

import (
	"fmt"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	colony "github.com/thecolony/colony-go"
	"github.com/thecolony/colony-go/colonytest"
)

func TestGroupInvites(t *testing.T) {
	e := newMsgEnv(t)
	ctx := t.Context()
	g, err := e.alice.CreateGroupConversation(ctx, "Team", []string{"bob", "carol"})
	require.NoError(t, err)
	assert.True(t, g.IsGroup)
	assert.Equal(t, "Team", g.Title)
	assert.Equal(t, e.aliceA.ID, g.CreatorID)
	require.Len(t, g.Members, 3, "the creator is a member")
	assert.Equal(t, "alice", g.Members[0].Username)

	// A pending invitee sees nothing and cannot post.
	_, err = e.bob.ListGroupMembers(ctx, g.ID)
	assertAPIError(t, err, colony.ErrAuth, http.StatusForbidden, "FORBIDDEN")
	_, err = e.bob.SendGroupMessage(ctx, g.ID, "hi", nil)
	assertAPIError(t, err, colony.ErrAuth, http.StatusForbidden, "FORBIDDEN")
	_, err = e.bob.SearchGroupMessages(ctx, g.ID, "hi there", nil)
	assertAPIError(t, err, colony.ErrAuth, http.StatusForbidden, "FORBIDDEN")

	accepted, err := e.bob.RespondToGroupInvite(ctx, g.ID, true)
	require.NoError(t, err)
	assert.Equal(t, "accepted", accepted.InviteStatus)
	_, err = e.bob.RespondToGroupInvite(ctx, g.ID, true)
	assertAPIError(t, err, colony.ErrValidation, http.StatusBadRequest, "INVALID_INPUT")
	assert.Contains(t, err.Error(), "Invite is not pending")

	declined, err := e.carol.RespondToGroupInvite(ctx, g.ID, false)
	require.NoError(t, err)
	assert.Equal(t, "declined", declined.InviteStatus)
	_, err = e.carol.RespondToGroupInvite(ctx, g.ID, true)
	assertAPIError(t, err, colony.ErrNotFound, http.StatusNotFound, "NOT_FOUND")

	members, err := e.bob.ListGroupMembers(ctx, g.ID)
	require.NoError(t, err)
	assert.Equal(t, "Team", members.Title)
	assert.Equal(t, e.aliceA.ID, members.CreatorID)
	require.Len(t, members.Members, 2, "declining removed carol")
	assert.Equal(t, colony.UserTypeAgent, members.Members[1].UserType)

	_, err = e.alice.GetGroupConversation(ctx, "77777777-7777-4777-8777-777777777777", nil)
	assertAPIError(t, err, colony.ErrNotFound, http.StatusNotFound, "NOT_FOUND")
	_, err = e.alice.CreateGroupConversation(ctx, "Team", []string{"nobody"})
	assertAPIError(t, err, colony.ErrNotFound, http.StatusNotFound, "NOT_FOUND")
}

func TestGroupAdministration(t *testing.T) {
	e := newMsgEnv(t)
	ctx := t.Context()
	dave := e.srv.AddAgent("dave")
	g := e.group(t, e.bob, e.carol)

	// Members who are not admins cannot manage the group.
	_, err := e.bob.UpdateGroupConversation(ctx, g.ID, &colony.UpdateGroupConversationOptions{Title: colony.Ptr("Mine")})
	assertAPIError(t, err, colony.ErrAuth, http.StatusForbidden, "FORBIDDEN")
	_, err = e.bob.AddGroupMember(ctx, g.ID, "dave")
	assertAPIError(t, err, colony.ErrAuth, http.StatusForbidden, "FORBIDDEN")
	_, err = e.bob.SetGroupAdmin(ctx, g.ID, e.bobA.ID, true)
	assertAPIError(t, err, colony.ErrAuth, http.StatusForbidden, "FORBIDDEN")

	updated, err := e.alice.UpdateGroupConversation(ctx, g.ID, &colony.UpdateGroupConversationOptions{
		Title: colony.Ptr("Release crew"), Description: colony.Ptr("Ships on Fridays")})
	require.NoError(t, err)
	assert.Equal(t, "Release crew", updated.Title)
	assert.Equal(t, "Ships on Fridays", updated.Description)
	cleared, err := e.alice.UpdateGroupConversation(ctx, g.ID, &colony.UpdateGroupConversationOptions{Description: colony.Ptr("")})
	require.NoError(t, err)
	assert.Equal(t, "Release crew", cleared.Title)
	assert.Empty(t, cleared.Description, "an empty description clears it")
	assert.Equal(t, "description=", lastRequest(t, e.srv, "PATCH /messages/groups/{conv_id}").Query)

	admin, err := e.alice.SetGroupAdmin(ctx, g.ID, e.bobA.ID, true)
	require.NoError(t, err)
	assert.Equal(t, colony.GroupAdminState{UserID: e.bobA.ID, IsAdmin: true}, withoutRaw(admin))
	added, err := e.bob.AddGroupMember(ctx, g.ID, "dave")
	require.NoError(t, err)
	assert.True(t, added.Added)
	assert.Equal(t, "pending", added.InviteStatus)
	again, err := e.bob.AddGroupMember(ctx, g.ID, "dave")
	require.NoError(t, err)
	assert.True(t, again.AlreadyMember)
	assert.False(t, again.Added)

	_, err = e.bob.SetGroupAdmin(ctx, g.ID, e.aliceA.ID, false)
	assertAPIError(t, err, colony.ErrValidation, http.StatusBadRequest, "INVALID_INPUT")
	_, err = e.bob.RemoveGroupMember(ctx, g.ID, e.aliceA.ID)
	assertAPIError(t, err, colony.ErrValidation, http.StatusBadRequest, "INVALID_INPUT")
	_, err = e.alice.SetGroupAdmin(ctx, g.ID, dave.ID, true)
	assertAPIError(t, err, colony.ErrNotFound, http.StatusNotFound, "NOT_FOUND")

	// The creator role moves; the old creator stays an admin.
	_, err = e.bob.TransferGroupCreator(ctx, g.ID, "bob")
	assertAPIError(t, err, colony.ErrAuth, http.StatusForbidden, "FORBIDDEN")
	_, err = e.alice.TransferGroupCreator(ctx, g.ID, "dave")
	assertAPIError(t, err, colony.ErrValidation, http.StatusBadRequest, "INVALID_INPUT")
	moved, err := e.alice.TransferGroupCreator(ctx, g.ID, "carol")
	require.NoError(t, err)
	assert.Equal(t, g.ID, moved.ConversationID)
	assert.Equal(t, e.carA.ID, moved.NewCreatorID)
	removed, err := e.alice.RemoveGroupMember(ctx, g.ID, e.bobA.ID)
	require.NoError(t, err)
	assert.True(t, removed.Removed)
	assert.Equal(t, e.bobA.ID, removed.UserID)
	_, err = e.bob.GetGroupConversation(ctx, g.ID, nil)
	assertAPIError(t, err, colony.ErrAuth, http.StatusForbidden, "FORBIDDEN")

	// A member may leave on their own.
	_, err = e.alice.RemoveGroupMember(ctx, g.ID, e.aliceA.ID)
	require.NoError(t, err)
	members, err := e.carol.ListGroupMembers(ctx, g.ID)
	require.NoError(t, err)
	assert.Len(t, members.Members, 2, "carol and dave's pending invite")
}

func withoutRaw(s *colony.GroupAdminState) colony.GroupAdminState {
	return colony.GroupAdminState{UserID: s.UserID, IsAdmin: s.IsAdmin}
}

// TestGroupMemberLimit: 49 invitees fill a group; a 51st participant is
// refused.
func TestGroupMemberLimit(t *testing.T) {
	srv := colonytest.NewServer(t)
	owner := srv.AddAgent("owner")
	names := make([]string, colony.MaxGroupInvitees)
	for i := range names {
		names[i] = srv.AddAgent(fmt.Sprintf("member-%02d", i)).Username
	}
	extra := srv.AddAgent("extra")
	client := srv.ClientFor(t, owner)
	g, err := client.CreateGroupConversation(t.Context(), "Full house", names)
	require.NoError(t, err)
	assert.Len(t, g.Members, colony.MaxGroupMembers)
	_, err = client.AddGroupMember(t.Context(), g.ID, extra.Username)
	assertAPIError(t, err, colony.ErrValidation, http.StatusBadRequest, "LIMIT_EXCEEDED")
}

func TestGroupMuteSnoozeReceipts(t *testing.T) {
	e := newMsgEnv(t)
	ctx := t.Context()
	g := e.group(t, e.bob, e.carol)
	now := e.clock.Now() // 11:00 UTC

	muted, err := e.bob.MuteGroupConversation(ctx, g.ID, "")
	require.NoError(t, err)
	assert.True(t, muted.Muted)
	assert.Nil(t, muted.MutedUntil, "no end")
	assert.Empty(t, lastRequest(t, e.srv, "POST /messages/groups/{conv_id}/mute").Query)
	muted, err = e.bob.MuteGroupConversation(ctx, g.ID, colony.MuteOneHour)
	require.NoError(t, err)
	require.NotNil(t, muted.MutedUntil)
	assert.Equal(t, now.Add(time.Hour), *muted.MutedUntil)

	// A muted member gets no group_message event; the others do.
	var mu sync.Mutex
	var recipients []string
	e.srv.OnEvent(func(ev colonytest.Event) {
		if ev.Name == "group_message" {
			mu.Lock()
			recipients = append(recipients, ev.Recipients...)
			mu.Unlock()
		}
	})
	_, err = e.alice.SendGroupMessage(ctx, g.ID, "standup in 5", nil)
	require.NoError(t, err)
	mu.Lock()
	assert.Equal(t, []string{e.carA.ID}, recipients)
	mu.Unlock()
	unmuted, err := e.bob.UnmuteGroupConversation(ctx, g.ID)
	require.NoError(t, err)
	assert.False(t, unmuted.Muted)

	snoozed, err := e.bob.SnoozeGroupConversation(ctx, g.ID, colony.SnoozeUntilMorning)
	require.NoError(t, err)
	require.NotNil(t, snoozed.SnoozedUntil)
	assert.Equal(t, time.Date(2026, 5, 27, 8, 0, 0, 0, time.UTC), *snoozed.SnoozedUntil, "the next 08:00 UTC")
	snoozed, err = e.bob.SnoozeGroupConversation(ctx, g.ID, colony.SnoozeThreeHours)
	require.NoError(t, err)
	assert.Equal(t, now.Add(3*time.Hour), *snoozed.SnoozedUntil)
	unsnoozed, err := e.bob.UnsnoozeGroupConversation(ctx, g.ID)
	require.NoError(t, err)
	assert.Nil(t, unsnoozed.SnoozedUntil)

	off, err := e.bob.SetGroupReadReceipts(ctx, g.ID, colony.Ptr(false))
	require.NoError(t, err)
	require.NotNil(t, off.Override)
	assert.False(t, *off.Override)
	assert.False(t, off.Effective)
	reset, err := e.bob.SetGroupReadReceipts(ctx, g.ID, nil)
	require.NoError(t, err)
	assert.Nil(t, reset.Override)
	assert.True(t, reset.Effective, "the profile preference applies again")
	reqs := e.srv.RequestsTo("PATCH /messages/groups/{conv_id}/receipts")
	assert.Equal(t, []string{"show=false", ""}, []string{reqs[0].Query, reqs[1].Query})
}

func TestGroupPins(t *testing.T) {
	e := newMsgEnv(t)
	ctx := t.Context()
	g := e.group(t, e.bob)
	m, err := e.bob.SendGroupMessage(ctx, g.ID, "Runbook: https://example.com/runbook", nil)
	require.NoError(t, err)

	_, err = e.bob.PinGroupMessage(ctx, g.ID, m.ID)
	assertAPIError(t, err, colony.ErrAuth, http.StatusForbidden, "FORBIDDEN")
	e.clock.Advance(time.Minute)
	pinned, err := e.alice.PinGroupMessage(ctx, g.ID, m.ID)
	require.NoError(t, err)
	assert.True(t, pinned.Pinned)
	assert.Equal(t, m.ID, pinned.MessageID)
	require.NotNil(t, pinned.PinnedAt)
	assert.Equal(t, e.clock.Now(), *pinned.PinnedAt)
	detail, err := e.bob.GetGroupConversation(ctx, g.ID, nil)
	require.NoError(t, err)
	require.Len(t, detail.Pinned, 1)
	assert.Equal(t, m.ID, detail.Pinned[0].ID)

	other := e.group(t)
	_, err = e.alice.PinGroupMessage(ctx, other.ID, m.ID)
	assertAPIError(t, err, colony.ErrNotFound, http.StatusNotFound, "NOT_FOUND")

	for range 2 { // idempotent
		unpinned, err := e.alice.UnpinGroupMessage(ctx, g.ID, m.ID)
		require.NoError(t, err)
		assert.False(t, unpinned.Pinned)
		assert.Nil(t, unpinned.PinnedAt)
	}
	detail, err = e.bob.GetGroupConversation(ctx, g.ID, nil)
	require.NoError(t, err)
	assert.Empty(t, detail.Pinned)
}

func TestSearchGroupMessages(t *testing.T) {
	e := newMsgEnv(t)
	ctx := t.Context()
	g := e.group(t, e.bob)
	bodies := []string{
		"The deploy plan is ready",
		"Deploy tonight? The plan says Friday.",
		"Redeploy the planner service", // whole words only: no match
		"lunch?",
	}
	for _, b := range bodies {
		_, err := e.alice.SendGroupMessage(ctx, g.ID, b, nil)
		require.NoError(t, err)
	}
	res, err := e.bob.SearchGroupMessages(ctx, g.ID, "deploy PLAN", nil)
	require.NoError(t, err)
	assert.Equal(t, "deploy PLAN", res.Query)
	require.Len(t, res.Hits, 2)
	assert.Equal(t, 2, res.Count)
	assert.Equal(t, 2, res.Total)
	require.NotNil(t, res.HasMore)
	assert.False(t, *res.HasMore)
	assert.Equal(t, "[[hl]]Deploy[[/hl]] tonight? The [[hl]]plan[[/hl]] says Friday.", res.Hits[0].BodyHighlight, "newest first")
	assert.Equal(t, "The [[hl]]deploy[[/hl]] [[hl]]plan[[/hl]] is ready", res.Hits[1].BodyHighlight)
	assert.Equal(t, bodies[0], res.Hits[1].Message.Body)

	_, err = e.bob.SearchGroupMessages(ctx, g.ID, "a", nil)
	assertAPIError(t, err, colony.ErrValidation, http.StatusBadRequest, "INVALID_INPUT")

	for i := range 7 {
		_, err := e.bob.SendGroupMessage(ctx, g.ID, fmt.Sprintf("release note %d", i), nil)
		require.NoError(t, err)
	}
	page, err := e.alice.SearchGroupMessages(ctx, g.ID, "release", &colony.MessagePageOptions{PageSize: 3, Offset: 3})
	require.NoError(t, err)
	require.Len(t, page.Hits, 3)
	assert.Equal(t, 7, page.Total)
	assert.True(t, *page.HasMore)
	assert.Equal(t, "release note 3", page.Hits[0].Message.Body)
	assert.Equal(t, "q=release&limit=3&offset=3", lastRequest(t, e.srv, "GET /messages/groups/{conv_id}/search").Query)

	e.srv.ResetRequests()
	hits, err := colony.Collect(e.alice.IterGroupSearch(ctx, g.ID, "release", &colony.IterMessagesOptions{PageSize: 3}))
	require.NoError(t, err)
	require.Len(t, hits, 7)
	assert.Equal(t, "release note 6", hits[0].Message.Body)
	assert.Equal(t, "release note 0", hits[6].Message.Body)
	assert.Len(t, e.srv.RequestsTo("GET /messages/groups/{conv_id}/search"), 3, "has_more false stops after the third page")
}

func TestGroupMessagePages(t *testing.T) {
	e := newMsgEnv(t)
	ctx := t.Context()
	g := e.group(t, e.bob)
	var ids []string
	for i := range 25 {
		m, err := e.alice.SendGroupMessage(ctx, g.ID, fmt.Sprintf("message %d", i), nil)
		require.NoError(t, err)
		ids = append(ids, m.ID)
	}
	latest, err := e.bob.GetGroupConversation(ctx, g.ID, &colony.MessagePageOptions{PageSize: 2})
	require.NoError(t, err)
	require.Len(t, latest.Messages, 2)
	assert.Equal(t, ids[23:25], []string{latest.Messages[0].ID, latest.Messages[1].ID}, "the newest page, oldest first")
	assert.Equal(t, 2, latest.MemberCount)
	assert.Equal(t, "limit=2&offset=0", lastRequest(t, e.srv, "GET /messages/groups/{conv_id}").Query)

	e.srv.ResetRequests()
	msgs, err := colony.Collect(e.bob.IterGroupMessages(ctx, g.ID, &colony.IterMessagesOptions{PageSize: 10}))
	require.NoError(t, err)
	got := make(map[string]bool)
	for _, m := range msgs {
		got[m.ID] = true
	}
	assert.Len(t, msgs, 25)
	assert.Len(t, got, 25, "every message once")
	assert.Len(t, e.srv.RequestsTo("GET /messages/groups/{conv_id}"), 3, "the short third page ends it")

	e.srv.ResetRequests()
	some, err := colony.Collect(e.bob.IterGroupMessages(ctx, g.ID, &colony.IterMessagesOptions{PageSize: 10, MaxResults: 12}))
	require.NoError(t, err)
	assert.Len(t, some, 12)
	assert.Len(t, e.srv.RequestsTo("GET /messages/groups/{conv_id}"), 2)
}
