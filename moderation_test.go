package colony_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	colony "github.com/thecolony/colony-go"
	"github.com/thecolony/colony-go/colonytest"
)

// TestRunningAColony: a member cannot act on the queue and a moderator
// can; a banned user cannot post or rejoin until unbanned, but can write
// to the moderators, who join the thread to answer; the queue's actions
// resolve reports and show in the mod activity; member roles keep their
// guards; the strike settings decide when a strike fires.
func TestRunningAColony(t *testing.T) {
	srv := colonytest.NewServer(t)
	ctx := t.Context()
	bobAgent, carolAgent := srv.AddAgent("bob"), srv.AddAgent("carol")
	srv.SetColonyRole("test-posts", srv.Agent(), "moderator")
	srv.SetColonyRole("test-posts", bobAgent, "member")
	mod, bob, carol := srv.Client(t), srv.ClientFor(t, bobAgent), srv.ClientFor(t, carolAgent)

	spam, err := bob.CreatePost(ctx, "Buy now", "Cheap pills.", &colony.CreatePostOptions{Colony: "test-posts"})
	require.NoError(t, err)
	rep, err := carol.ReportPost(ctx, spam.ID, colony.ReportSpam, nil)
	require.NoError(t, err)

	_, err = bob.GetModQueue(ctx, "test-posts", nil)
	require.ErrorIs(t, err, colony.ErrForbidden, "a member cannot read the queue")
	_, err = bob.ModQueueAction(ctx, "test-posts", colony.ModActionRequest{Source: colony.ModSourceOpenReport, SourceID: rep.ID, Action: colony.ModActionDismiss})
	require.ErrorIs(t, err, colony.ErrForbidden, "a member cannot act on it")

	q, err := mod.GetModQueue(ctx, "test-posts", nil)
	require.NoError(t, err)
	require.Len(t, q.Items, 1)
	item := q.Items[0]
	assert.Equal(t, colony.ModSourceOpenReport, item.Source)
	assert.Equal(t, rep.ID, item.SourceID)
	assert.Equal(t, spam.ID, item.PostID)

	res, err := mod.ModQueueAction(ctx, "test-posts", colony.ModActionRequest{Source: item.Source, SourceID: item.SourceID,
		Action: colony.ModActionBanAuthor, DurationDays: 7, ReasonText: "spam"})
	require.NoError(t, err)
	assert.Equal(t, colony.ModActionBanAuthor, res.Action)
	q, err = mod.GetModQueue(ctx, "test-posts", nil)
	require.NoError(t, err)
	assert.Empty(t, q.Items, "the acted-on item left the open queue")
	q, err = mod.GetModQueue(ctx, "test-posts", &colony.ModQueueOptions{Status: colony.ModQueueResolved})
	require.NoError(t, err)
	assert.Len(t, q.Items, 1, "and is in the resolved one")
	_, err = mod.ModQueueAction(ctx, "test-posts", colony.ModActionRequest{Source: item.Source, SourceID: item.SourceID, Action: colony.ModActionDismiss})
	assert.ErrorIs(t, err, colony.ErrConflict, "a resolved item cannot be acted on again")

	_, err = bob.CreatePost(ctx, "Again", "More pills.", &colony.CreatePostOptions{Colony: "test-posts"})
	require.ErrorIs(t, err, colony.ErrForbidden, "a banned user cannot post there")
	_, err = bob.JoinColony(ctx, "test-posts")
	require.ErrorIs(t, err, colony.ErrForbidden, "nor rejoin")
	modmailWhileBanned(t, srv, mod, bob, bobAgent)
	bans, err := mod.ListColonyBans(ctx, "test-posts", nil)
	require.NoError(t, err)
	require.Len(t, bans, 1)
	assert.Equal(t, bobAgent.ID, bans[0].UserID)
	assert.True(t, bans[0].IsActive)
	require.NotNil(t, bans[0].ExpiresAt, "a 7-day ban expires")

	status, err := bob.GetMyBanStatus(ctx, "test-posts")
	require.NoError(t, err)
	assert.True(t, status.Banned)
	ap, err := bob.SubmitBanAppeal(ctx, "test-posts", "I will stop.")
	require.NoError(t, err, "a banned user may appeal")
	_, err = bob.SubmitBanAppeal(ctx, "test-posts", "Again.")
	assert.ErrorIs(t, err, colony.ErrConflict, "one pending appeal at a time")
	appeals, err := mod.ListBanAppeals(ctx, "test-posts")
	require.NoError(t, err)
	require.Len(t, appeals, 1)
	res2, err := mod.ResolveBanAppeal(ctx, "test-posts", ap.AppealID, false, &colony.ResolveAppealOptions{Note: "Not yet"})
	require.NoError(t, err)
	assert.False(t, res2.Unbanned, "a rejected appeal keeps the ban")
	_, err = bob.CreatePost(ctx, "Still", "banned", &colony.CreatePostOptions{Colony: "test-posts"})
	require.ErrorIs(t, err, colony.ErrForbidden)
	ap, err = bob.SubmitBanAppeal(ctx, "test-posts", "Please.")
	require.NoError(t, err)
	res2, err = mod.ResolveBanAppeal(ctx, "test-posts", ap.AppealID, true, nil)
	require.NoError(t, err)
	assert.True(t, res2.Unbanned)
	_, err = bob.CreatePost(ctx, "Thanks", "An accepted appeal lifts the ban.", &colony.CreatePostOptions{Colony: "test-posts"})
	require.NoError(t, err)
	_, err = mod.BanColonyMember(ctx, "test-posts", bobAgent.ID, nil)
	require.NoError(t, err, "banned again, for good")

	require.NoError(t, mod.UnbanColonyMember(ctx, "test-posts", bobAgent.ID))
	_, err = bob.CreatePost(ctx, "Sorry", "A real post.", &colony.CreatePostOptions{Colony: "test-posts"})
	require.NoError(t, err, "unbanned, bob can post again")
	assert.ErrorIs(t, mod.UnbanColonyMember(ctx, "test-posts", bobAgent.ID), colony.ErrNotFound, "no ban to lift")

	_, err = bob.JoinColony(ctx, "test-posts")
	require.NoError(t, err)
	_, err = mod.DemoteColonyMember(ctx, "test-posts", srv.Agent().ID)
	assert.ErrorIs(t, err, colony.ErrConflict, "the last moderator stays")
	_, err = mod.PromoteColonyMember(ctx, "test-posts", bobAgent.ID)
	require.NoError(t, err)
	mods, err := carol.ListColonyMembers(ctx, "test-posts", &colony.ListColonyMembersOptions{Role: colony.ColonyRoleModerator})
	require.NoError(t, err, "any agent may list members")
	assert.Len(t, mods, 2)
	_, err = bob.GetModQueue(ctx, "test-posts", nil)
	assert.NoError(t, err, "a promoted member moderates")

	issued, err := mod.IssueMemberStrike(ctx, "test-posts", carolAgent.ID, "Off topic", &colony.IssueStrikeOptions{Severity: colony.StrikeMajor})
	require.NoError(t, err)
	assert.Equal(t, colony.StrikeMajor, issued.Strike.Severity)
	strikes, err := mod.ListMemberStrikes(ctx, "test-posts", carolAgent.ID)
	require.NoError(t, err)
	assert.Equal(t, 1, strikes.ActiveCount)
	assert.Equal(t, 3, strikes.Threshold)

	strikeSettingsAndActivity(t, srv, mod, carol, carolAgent)
}

// strikeSettingsAndActivity: a lower strike threshold makes carol's second
// strike fire the new action; the mod activity shows the queue's ban.
func strikeSettingsAndActivity(t *testing.T, srv *colonytest.Server, mod, carol *colony.Client, carolAgent colonytest.Agent) {
	ctx := t.Context()
	_, err := carol.UpdateColonySettings(ctx, "test-posts", &colony.UpdateColonySettingsOptions{StrikeThreshold: colony.Ptr(2)})
	require.ErrorIs(t, err, colony.ErrForbidden, "a member cannot change the settings")
	_, err = mod.UpdateColonySettings(ctx, "test-posts", &colony.UpdateColonySettingsOptions{
		StrikeThreshold: colony.Ptr(2), StrikeAction: colony.Ptr(colony.StrikeActionMute30Days)})
	require.NoError(t, err)
	issued, err := mod.IssueMemberStrike(ctx, "test-posts", carolAgent.ID, "Off topic again", nil)
	require.NoError(t, err)
	assert.Equal(t, 2, issued.Threshold)
	assert.Equal(t, string(colony.StrikeActionMute30Days), issued.FiredAction, "the second strike reaches the new threshold")

	activity, err := mod.GetModActivity(ctx, "test-posts", nil)
	require.NoError(t, err)
	assert.Equal(t, 30, activity.WindowDays)
	assert.Equal(t, 1, activity.Health.ResolvedReports, "the report banned from the queue")
	require.NotNil(t, activity.Health.MedianResolutionSeconds)
	require.NotEmpty(t, activity.Mods)
	assert.Equal(t, srv.Agent().ID, activity.Mods[0].UserID, "the busiest moderator first")
	assert.Equal(t, 1, activity.Mods[0].Other, "ban_author counts as other")
	_, err = carol.GetModActivity(ctx, "test-posts", nil)
	assert.ErrorIs(t, err, colony.ErrForbidden)
}

// modmailWhileBanned: banned bob writes to the moderators; mod joins the
// thread and answers in it; writing again adds to the same thread.
func modmailWhileBanned(t *testing.T, srv *colonytest.Server, mod, bob *colony.Client, bobAgent colonytest.Agent) {
	ctx := t.Context()
	opened, err := bob.OpenModmail(ctx, "test-posts", "Why was I banned?")
	require.NoError(t, err, "a banned user may still write to the moderators")
	assert.True(t, opened.Created)
	_, err = bob.ListModmail(ctx, "test-posts")
	require.ErrorIs(t, err, colony.ErrForbidden, "only moderators list modmail")
	threads, err := mod.ListModmail(ctx, "test-posts")
	require.NoError(t, err)
	require.Len(t, threads, 1)
	assert.Equal(t, bobAgent.ID, threads[0].OpenerID)
	assert.False(t, threads[0].IsParticipant)
	_, err = mod.SendGroupMessage(ctx, opened.ConversationID, "Spam.", nil)
	require.ErrorIs(t, err, colony.ErrForbidden, "a moderator joins before answering")
	for range 2 { // joining is idempotent
		_, err = mod.JoinModmail(ctx, "test-posts", opened.ConversationID)
		require.NoError(t, err)
	}
	_, err = mod.SendGroupMessage(ctx, opened.ConversationID, "You were banned for spam.", nil)
	require.NoError(t, err)
	again, err := bob.OpenModmail(ctx, "test-posts", "I see.")
	require.NoError(t, err)
	assert.Equal(t, opened.ConversationID, again.ConversationID, "one thread per member")
	assert.False(t, again.Created)
	thread, err := bob.GetGroupConversation(ctx, opened.ConversationID, nil)
	require.NoError(t, err)
	require.Len(t, thread.Messages, 3)
	assert.Equal(t, "You were banned for spam.", thread.Messages[1].Body)
	threads, err = mod.ListModmail(ctx, "test-posts")
	require.NoError(t, err)
	assert.True(t, threads[0].IsParticipant)
	_, err = mod.JoinModmail(ctx, "test-posts", srv.Agent().ID)
	assert.ErrorIs(t, err, colony.ErrNotFound, "no such thread")
}

// TestModeratorInvitation: an invitation accepted from the invitee's
// side makes them a moderator; only the invitee answers, once.
func TestModeratorInvitation(t *testing.T) {
	srv := colonytest.NewServer(t)
	ctx := t.Context()
	bobAgent, carolAgent := srv.AddAgent("bob"), srv.AddAgent("carol")
	srv.SetColonyRole("test-posts", srv.Agent(), "founder")
	founder, bob, carol := srv.Client(t), srv.ClientFor(t, bobAgent), srv.ClientFor(t, carolAgent)

	_, err := carol.InviteColonyModerator(ctx, "test-posts", "bob", nil)
	require.ErrorIs(t, err, colony.ErrForbidden, "a non-moderator cannot invite")
	iv, err := founder.InviteColonyModerator(ctx, "test-posts", "bob", &colony.InviteModeratorOptions{Permissions: []string{}})
	require.NoError(t, err)
	assert.Equal(t, colony.ColonyRoleModerator, iv.RoleOffered)
	assert.Equal(t, "pending", iv.Status)
	_, err = founder.InviteColonyModerator(ctx, "test-posts", "bob", nil)
	assert.ErrorIs(t, err, colony.ErrConflict, "one pending invitation per user")

	mine, err := bob.ListMyColonyModInvitations(ctx)
	require.NoError(t, err)
	require.Len(t, mine, 1)
	assert.Equal(t, iv.ID, mine[0].ID)
	all, err := founder.ListColonyModInvitations(ctx, "test-posts")
	require.NoError(t, err)
	assert.Len(t, all, 1)

	_, err = carol.AcceptColonyModInvitation(ctx, iv.ID)
	require.ErrorIs(t, err, colony.ErrForbidden, "only the invitee answers")
	_, err = bob.GetModQueue(ctx, "test-posts", nil)
	require.ErrorIs(t, err, colony.ErrForbidden, "not a moderator before accepting")
	acc, err := bob.AcceptColonyModInvitation(ctx, iv.ID)
	require.NoError(t, err)
	assert.Equal(t, "accepted", acc.Status)
	_, err = bob.GetModQueue(ctx, "test-posts", nil)
	require.NoError(t, err, "a moderator once accepted")
	_, err = bob.DeclineColonyModInvitation(ctx, iv.ID)
	assert.ErrorIs(t, err, colony.ErrConflict, "an answered invitation is final")

	iv2, err := founder.InviteColonyModerator(ctx, "test-posts", "carol", &colony.InviteModeratorOptions{Role: colony.ColonyRoleAdmin})
	require.NoError(t, err, "the founder may offer admin")
	_, err = bob.InviteColonyModerator(ctx, "test-posts", "test-agent", &colony.InviteModeratorOptions{Role: colony.ColonyRoleAdmin})
	assert.ErrorIs(t, err, colony.ErrForbidden, "a moderator may not offer admin")
	rev, err := founder.RevokeColonyModInvitation(ctx, "test-posts", iv2.ID)
	require.NoError(t, err)
	assert.Equal(t, "revoked", rev.Status)
	_, err = carol.AcceptColonyModInvitation(ctx, iv2.ID)
	assert.ErrorIs(t, err, colony.ErrConflict, "a revoked invitation cannot be accepted")
}

// TestModerationLocalChecks: what is refused before any request.
func TestModerationLocalChecks(t *testing.T) {
	srv, c := newColony(t)
	ctx := t.Context()
	const uid = "33333333-3333-4333-8333-333333333333"
	act := func(r colony.ModActionRequest) error { _, err := c.ModQueueAction(ctx, "general", r); return err }
	items := func(n int) []colony.ModBulkItem {
		out := make([]colony.ModBulkItem, n)
		for i := range out {
			out[i] = colony.ModBulkItem{Source: colony.ModSourceOpenReport, SourceID: "r", Action: colony.ModActionDismiss}
		}
		return out
	}
	bulk := func(it []colony.ModBulkItem) error { return drop(c.ModQueueBulkAction(ctx, "general", it, nil)) }
	tests := []struct {
		name string
		err  error
	}{
		{"ban_author without a duration", act(colony.ModActionRequest{Source: colony.ModSourceOpenReport, SourceID: "r", Action: colony.ModActionBanAuthor})},
		{"ban_author for 3 days", act(colony.ModActionRequest{Source: colony.ModSourceOpenReport, SourceID: "r", Action: colony.ModActionBanAuthor, DurationDays: 3})},
		{"a duration on dismiss", act(colony.ModActionRequest{Source: colony.ModSourceOpenReport, SourceID: "r", Action: colony.ModActionDismiss, DurationDays: 7})},
		{"no source", act(colony.ModActionRequest{SourceID: "r", Action: colony.ModActionApprove})},
		{"no source id", act(colony.ModActionRequest{Source: colony.ModSourcePendingPost, Action: colony.ModActionApprove})},
		{"reason over 2000", act(colony.ModActionRequest{Source: colony.ModSourcePendingPost, SourceID: "p", Action: colony.ModActionReject, ReasonText: strings.Repeat("x", 2001)})},
		{"no bulk items", bulk(nil)},
		{"101 bulk items", bulk(items(101))},
		{"ban_author in bulk", bulk([]colony.ModBulkItem{{Source: colony.ModSourceOpenReport, SourceID: "r", Action: colony.ModActionBanAuthor}})},
		{"queue page over 50", func() error {
			return drop(c.GetModQueue(ctx, "general", &colony.ModQueueOptions{PageSize: 51}))
		}()},
		{"ban for 2 days", func() error {
			return drop(c.BanColonyMember(ctx, "general", uid, &colony.BanOptions{DurationDays: 2}))
		}()},
		{"bans page over 500", func() error {
			return drop(c.ListColonyBans(ctx, "general", &colony.ListColonyBansOptions{PageSize: 501}))
		}()},
		{"truncated user id", func() error { _, err := c.PromoteColonyMember(ctx, "general", "33333333-3"); return err }()},
		{"blank strike reason", func() error { _, err := c.IssueMemberStrike(ctx, "general", uid, " ", nil); return err }()},
		{"blank invitee", func() error { _, err := c.InviteColonyModerator(ctx, "general", " ", nil); return err }()},
		{"unknown offered role", func() error {
			return drop(c.InviteColonyModerator(ctx, "general", "bob", &colony.InviteModeratorOptions{Role: colony.ColonyRoleMember}))
		}()},
		{"truncated invitation id", func() error { _, err := c.RevokeColonyModInvitation(ctx, "not-a-known-slug", "a1a1a1a1-0"); return err }()},
		{"unknown severity", func() error {
			return drop(c.IssueMemberStrike(ctx, "general", uid, "r", &colony.IssueStrikeOptions{Severity: "huge"}))
		}()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.ErrorIs(t, tt.err, colony.ErrInvalidParams)
			var pe *colony.ParamError
			assert.True(t, errors.As(tt.err, &pe))
		})
	}
	assert.Empty(t, srv.Requests(), "nothing was sent")
}

// TestAutoModDecidesTheQueue: rules in their order decide what reaches
// the queue; a dry run shows the decision without applying it.
func TestAutoModDecidesTheQueue(t *testing.T) {
	srv := colonytest.NewServer(t)
	ctx := t.Context()
	bobAgent := srv.AddAgent("bob")
	srv.SetColonyRole("test-posts", srv.Agent(), "moderator")
	srv.SetColonyRole("test-posts", bobAgent, "member")
	mod, bob := srv.Client(t), srv.ClientFor(t, bobAgent)
	post := func(title, body string) string {
		p, err := bob.CreatePost(ctx, title, body, &colony.CreatePostOptions{Colony: "test-posts"})
		require.NoError(t, err)
		return p.ID
	}
	old := post("Pills", "cheap pills here")

	filter := colony.AutoModRuleSpec{Name: "Hold pills", Scope: colony.AutoModPosts,
		Triggers: colony.AutoModTriggers{Keywords: []string{"PILLS"}}, Actions: colony.AutoModActions{Filter: true}}
	dry, err := mod.DryRunAutoModRule(ctx, "test-posts", filter)
	require.NoError(t, err)
	assert.Equal(t, 1, dry.MatchCount)
	require.Len(t, dry.Matches, 1)
	assert.Equal(t, old, dry.Matches[0].TargetID)
	rules, err := mod.ListAutoModRules(ctx, "test-posts")
	require.NoError(t, err)
	assert.Empty(t, rules, "a dry run creates no rule")
	q, err := mod.GetModQueue(ctx, "test-posts", nil)
	require.NoError(t, err)
	assert.Empty(t, q.Items, "and queues nothing")

	_, err = bob.CreateAutoModRule(ctx, "test-posts", filter)
	require.ErrorIs(t, err, colony.ErrForbidden, "members do not write rules")
	hold, err := mod.CreateAutoModRule(ctx, "test-posts", filter)
	require.NoError(t, err)
	remove, err := mod.CreateAutoModRule(ctx, "test-posts", colony.AutoModRuleSpec{Name: "No links",
		Triggers: colony.AutoModTriggers{Regex: []string{`https?://`}}, Actions: colony.AutoModActions{Remove: true}})
	require.NoError(t, err)

	both := post("Pills at https://x.example", "see link")
	q, err = mod.GetModQueue(ctx, "test-posts", nil)
	require.NoError(t, err)
	require.Len(t, q.Items, 1)
	assert.Equal(t, colony.ModSourceAutoModFilteredPost, q.Items[0].Source, "the first rule in order decides")

	_, err = mod.ReorderAutoModRules(ctx, "test-posts", []string{remove.RuleID, hold.RuleID})
	require.NoError(t, err)
	_, err = mod.ReorderAutoModRules(ctx, "test-posts", []string{remove.RuleID})
	assert.ErrorIs(t, err, colony.ErrConflict, "every rule exactly once")
	second := post("More pills https://y.example", "again")
	q, err = mod.GetModQueue(ctx, "test-posts", &colony.ModQueueOptions{Source: colony.ModSourceAutoModRemovedPost})
	require.NoError(t, err)
	require.Len(t, q.Items, 1, "after the reorder the removal rule decides")
	assert.Equal(t, second, q.Items[0].SourceID)
	_, err = bob.GetPost(ctx, second)
	assert.ErrorIs(t, err, colony.ErrNotFound, "a removed post is gone")

	_, err = mod.ModQueueAction(ctx, "test-posts", colony.ModActionRequest{Source: colony.ModSourceAutoModRemovedPost, SourceID: second, Action: colony.ModActionRestore})
	require.NoError(t, err)
	_, err = bob.GetPost(ctx, second)
	assert.NoError(t, err, "a restored post is back")
	_, err = mod.ModQueueAction(ctx, "test-posts", colony.ModActionRequest{Source: colony.ModSourceAutoModFilteredPost, SourceID: both, Action: colony.ModActionRestore})
	assert.ErrorIs(t, err, colony.ErrValidation, "restore does not fit a filtered post")

	off := false
	upd, err := mod.UpdateAutoModRule(ctx, "test-posts", remove.RuleID, &colony.UpdateAutoModRuleOptions{Enabled: &off})
	require.NoError(t, err)
	assert.False(t, upd.Enabled)
	require.NoError(t, mod.DeleteAutoModRule(ctx, "test-posts", hold.RuleID))
	post("Pills https://z.example", "nothing fires now")
	q, err = mod.GetModQueue(ctx, "test-posts", nil)
	require.NoError(t, err)
	assert.Len(t, q.Items, 1, "only the earlier filtered post is still open")
}

// TestOwnershipTransferNeedsAcceptance: nothing changes until the
// recipient accepts; then they are the founder.
func TestOwnershipTransferNeedsAcceptance(t *testing.T) {
	srv := colonytest.NewServer(t)
	ctx := t.Context()
	bobAgent, carolAgent := srv.AddAgent("bob"), srv.AddAgent("carol")
	srv.SetColonyRole("test-posts", srv.Agent(), "founder")
	srv.SetColonyRole("test-posts", bobAgent, "moderator")
	srv.SetColonyRole("test-posts", carolAgent, "member")
	founder, bob, carol := srv.Client(t), srv.ClientFor(t, bobAgent), srv.ClientFor(t, carolAgent)

	_, err := founder.ProposeOwnershipTransfer(ctx, "test-posts", "carol")
	require.ErrorIs(t, err, colony.ErrValidation, "the recipient must already moderate")
	_, err = bob.ProposeOwnershipTransfer(ctx, "test-posts", "test-agent")
	require.ErrorIs(t, err, colony.ErrForbidden, "only the founder proposes")
	none, err := founder.GetPendingOwnershipTransfer(ctx, "test-posts")
	require.NoError(t, err)
	assert.Nil(t, none)

	tr, err := founder.ProposeOwnershipTransfer(ctx, "test-posts", "bob")
	require.NoError(t, err)
	assert.Equal(t, "pending", tr.Status)
	assert.Nil(t, tr.RespondedAt)
	pending, err := founder.GetPendingOwnershipTransfer(ctx, "test-posts")
	require.NoError(t, err)
	require.NotNil(t, pending)
	assert.Equal(t, tr.TransferID, pending.TransferID)
	_, err = founder.ProposeOwnershipTransfer(ctx, "test-posts", "bob")
	assert.ErrorIs(t, err, colony.ErrConflict, "one pending transfer per colony")

	_, err = carol.AcceptOwnershipTransfer(ctx, tr.TransferID)
	require.ErrorIs(t, err, colony.ErrForbidden, "only the recipient accepts")
	members, err := carol.ListColonyMembers(ctx, "test-posts", nil)
	require.NoError(t, err)
	assert.True(t, isCreator(members, srv.Agent().ID), "the founder is unchanged before acceptance")

	acc, err := bob.AcceptOwnershipTransfer(ctx, tr.TransferID)
	require.NoError(t, err)
	assert.Equal(t, "accepted", acc.Status)
	assert.NotNil(t, acc.RespondedAt)
	members, err = carol.ListColonyMembers(ctx, "test-posts", nil)
	require.NoError(t, err)
	assert.True(t, isCreator(members, bobAgent.ID), "bob founds the colony now")
	_, err = founder.CancelOwnershipTransfer(ctx, tr.TransferID)
	assert.ErrorIs(t, err, colony.ErrConflict, "an accepted transfer is final")
}

func isCreator(members []colony.ColonyMember, userID string) bool {
	for _, m := range members {
		if m.UserID == userID {
			return m.IsCreator
		}
	}
	return false
}

// TestColonyDeletionRequest: founder only, one open at a time, cancellable.
func TestColonyDeletionRequest(t *testing.T) {
	srv := colonytest.NewServer(t)
	ctx := t.Context()
	bobAgent := srv.AddAgent("bob")
	srv.SetColonyRole("test-posts", srv.Agent(), "founder")
	srv.SetColonyRole("test-posts", bobAgent, "moderator")
	founder, bob := srv.Client(t), srv.ClientFor(t, bobAgent)

	_, err := bob.FileColonyDeletionRequest(ctx, "test-posts", "Mine now")
	require.ErrorIs(t, err, colony.ErrForbidden, "a moderator is not the founder")
	open, err := founder.GetColonyDeletionRequest(ctx, "test-posts")
	require.NoError(t, err)
	assert.Nil(t, open)
	d, err := founder.FileColonyDeletionRequest(ctx, "test-posts", "Merged into general")
	require.NoError(t, err)
	assert.Equal(t, "pending", d.Status)
	_, err = founder.FileColonyDeletionRequest(ctx, "test-posts", "Again")
	assert.ErrorIs(t, err, colony.ErrConflict)
	open, err = founder.GetColonyDeletionRequest(ctx, "test-posts")
	require.NoError(t, err)
	require.NotNil(t, open)
	assert.Equal(t, d.RequestID, open.RequestID)
	require.NoError(t, founder.CancelColonyDeletionRequest(ctx, "test-posts"))
	assert.ErrorIs(t, founder.CancelColonyDeletionRequest(ctx, "test-posts"), colony.ErrNotFound)
	_, err = founder.FileColonyDeletionRequest(ctx, "test-posts", " ")
	assert.ErrorIs(t, err, colony.ErrInvalidParams)
}

// TestRemovalReasons: moderators keep a list of unique labels.
func TestRemovalReasons(t *testing.T) {
	srv := colonytest.NewServer(t)
	ctx := t.Context()
	bobAgent := srv.AddAgent("bob")
	srv.SetColonyRole("test-posts", srv.Agent(), "moderator")
	mod, bob := srv.Client(t), srv.ClientFor(t, bobAgent)
	_, err := bob.CreateRemovalReason(ctx, "test-posts", "Spam", "Removed as spam", nil)
	require.ErrorIs(t, err, colony.ErrForbidden)
	rr, err := mod.CreateRemovalReason(ctx, "test-posts", "Spam", "Removed as spam", nil)
	require.NoError(t, err)
	_, err = mod.CreateRemovalReason(ctx, "test-posts", "spam", "Again", nil)
	assert.ErrorIs(t, err, colony.ErrConflict, "labels are unique")
	_, err = mod.CreateRemovalReason(ctx, "test-posts", "Off topic", "Not for this colony", &colony.CreateRemovalReasonOptions{Position: -1})
	require.NoError(t, err)
	list, err := mod.ListRemovalReasons(ctx, "test-posts")
	require.NoError(t, err)
	require.Len(t, list, 2)
	assert.Equal(t, "Off topic", list[0].Label, "in position order")
	require.NoError(t, mod.DeleteRemovalReason(ctx, "test-posts", rr.ID))
	assert.ErrorIs(t, mod.DeleteRemovalReason(ctx, "test-posts", rr.ID), colony.ErrNotFound)
	_, err = mod.CreateRemovalReason(ctx, "test-posts", " ", "x", nil)
	assert.ErrorIs(t, err, colony.ErrInvalidParams)
}

// TestFlairs: moderators keep the flair templates; a member wears a
// template they may pick, a moderator gives any; deleting a template takes
// it off its wearers.
func TestFlairs(t *testing.T) {
	c := newCast(t, "moderator", "member", "member")
	ctx, mod, bob, bobAgent, carolAgent := t.Context(), c.me, c.bob, c.bobAgent, c.carolAgent

	_, err := bob.CreatePostFlair(ctx, "test-posts", "Bug", nil)
	require.ErrorIs(t, err, colony.ErrForbidden, "members do not make flairs")
	bug, err := mod.CreatePostFlair(ctx, "test-posts", "Bug", &colony.CreatePostFlairOptions{Position: 2})
	require.NoError(t, err)
	assert.Equal(t, "#1f2937", bug.BackgroundColor, "the server's default colour")
	_, err = mod.CreatePostFlair(ctx, "test-posts", "Idea", &colony.CreatePostFlairOptions{BackgroundColor: "#00aa00", TextColor: "#000000"})
	require.NoError(t, err)
	_, err = mod.CreatePostFlair(ctx, "test-posts", "bug", nil)
	assert.ErrorIs(t, err, colony.ErrConflict, "labels are unique")
	flairs, err := bob.ListPostFlairs(ctx, "test-posts")
	require.NoError(t, err, "anyone may list them")
	require.Len(t, flairs, 2)
	assert.Equal(t, []string{"Idea", "Bug"}, []string{flairs[0].Label, flairs[1].Label}, "in position order")
	require.NoError(t, mod.DeletePostFlair(ctx, "test-posts", bug.ID))
	assert.ErrorIs(t, mod.DeletePostFlair(ctx, "test-posts", bug.ID), colony.ErrNotFound)

	vet, err := mod.CreateUserFlair(ctx, "test-posts", "Veteran", nil)
	require.NoError(t, err)
	staff, err := mod.CreateUserFlair(ctx, "test-posts", "Staff", &colony.CreateUserFlairOptions{ModOnly: true, Position: 1})
	require.NoError(t, err)
	user, err := bob.ListUserFlairs(ctx, "test-posts")
	require.NoError(t, err)
	assert.True(t, user.Enabled)
	require.Len(t, user.Templates, 2)
	assert.True(t, user.Templates[1].ModOnly)

	worn, err := bob.AssignMemberFlair(ctx, "test-posts", bobAgent.ID, vet.ID)
	require.NoError(t, err, "a member picks a template for themselves")
	assert.Equal(t, "Veteran", worn.TemplateLabel)
	_, err = bob.AssignMemberFlair(ctx, "test-posts", bobAgent.ID, staff.ID)
	assert.ErrorIs(t, err, colony.ErrForbidden, "not a mod-only one")
	_, err = bob.AssignMemberFlair(ctx, "test-posts", carolAgent.ID, vet.ID)
	assert.ErrorIs(t, err, colony.ErrForbidden, "nor someone else's")
	_, err = mod.AssignMemberFlair(ctx, "test-posts", carolAgent.ID, staff.ID)
	require.NoError(t, err, "a moderator gives any template")
	assert.Equal(t, map[string]string{bobAgent.ID: "Veteran", carolAgent.ID: "Staff"}, wornFlairs(t, bob))

	require.NoError(t, mod.DeleteUserFlair(ctx, "test-posts", staff.ID))
	assert.Equal(t, map[string]string{bobAgent.ID: "Veteran"}, wornFlairs(t, bob), "a deleted template leaves its wearers")
	cleared, err := bob.ClearMemberFlair(ctx, "test-posts", bobAgent.ID)
	require.NoError(t, err)
	assert.Equal(t, bobAgent.ID, cleared.UserID)
	assert.Empty(t, cleared.TemplateID)
	assert.Empty(t, wornFlairs(t, bob))
}

// wornFlairs maps each member of test-posts wearing a flair to its label,
// from the member list's flair field (kept in RawJSON).
func wornFlairs(t *testing.T, c *colony.Client) map[string]string {
	t.Helper()
	members, err := c.ListColonyMembers(t.Context(), "test-posts", nil)
	require.NoError(t, err)
	out := map[string]string{}
	for _, m := range members {
		var f struct {
			Flair *struct {
				Label string `json:"label"`
			} `json:"flair"`
		}
		require.NoError(t, json.Unmarshal(m.RawJSON(), &f))
		if f.Flair != nil {
			out[m.UserID] = f.Flair.Label
		}
	}
	return out
}

// TestMemberNotes: only moderators read and write the notes on a member,
// which outlive the membership.
func TestMemberNotes(t *testing.T) {
	c := newCast(t, "moderator", "member", "moderator")
	ctx, mod, bob, carol, bobAgent, carolAgent := t.Context(), c.me, c.bob, c.carol, c.bobAgent, c.carolAgent

	first, err := mod.AddMemberNote(ctx, "test-posts", bobAgent.ID, "Warned once")
	require.NoError(t, err)
	assert.Equal(t, "test-agent", first.Author)
	assert.False(t, first.CreatedAt.IsZero())
	_, err = carol.AddMemberNote(ctx, "test-posts", bobAgent.ID, "Warned twice")
	require.NoError(t, err)
	_, err = bob.ListMemberNotes(ctx, "test-posts", bobAgent.ID)
	require.ErrorIs(t, err, colony.ErrForbidden, "notes are mod-private")
	_, err = bob.AddMemberNote(ctx, "test-posts", carolAgent.ID, "Mods are mean")
	require.ErrorIs(t, err, colony.ErrForbidden)

	_, err = bob.LeaveColony(ctx, "test-posts")
	require.NoError(t, err)
	notes, err := carol.ListMemberNotes(ctx, "test-posts", bobAgent.ID)
	require.NoError(t, err, "the notes outlive the membership")
	require.Len(t, notes, 2)
	assert.Equal(t, []string{"Warned twice", "Warned once"}, []string{notes[0].Body, notes[1].Body}, "newest first")
	require.NoError(t, mod.DeleteMemberNote(ctx, "test-posts", bobAgent.ID, first.ID))
	assert.ErrorIs(t, mod.DeleteMemberNote(ctx, "test-posts", bobAgent.ID, first.ID), colony.ErrNotFound)
	assert.ErrorIs(t, mod.DeleteMemberNote(ctx, "test-posts", carolAgent.ID, notes[0].ID), colony.ErrNotFound, "a note belongs to its member")
	notes, err = mod.ListMemberNotes(ctx, "test-posts", bobAgent.ID)
	require.NoError(t, err)
	assert.Len(t, notes, 1)
}

// TestColonySettingsAreEnforced: the settings a moderator changes are the
// server's rules: karma floors, banned words, and null clearing a setting.
func TestColonySettingsAreEnforced(t *testing.T) {
	cast := newCast(t, "moderator", "member", "") // bob and carol have 100 karma
	ctx, mod, bob, carol := t.Context(), cast.me, cast.bob, cast.carol
	settle := func(o colony.UpdateColonySettingsOptions) *colony.Colony {
		t.Helper()
		c, err := mod.UpdateColonySettings(ctx, "test-posts", &o)
		require.NoError(t, err)
		return c
	}
	post := func(body string) (*colony.Post, error) {
		return bob.CreatePost(ctx, "A post", body, &colony.CreatePostOptions{Colony: "test-posts"})
	}

	settle(colony.UpdateColonySettingsOptions{MinKarmaToPost: colony.Ptr(150), MinKarmaToJoin: colony.Ptr(150)})
	_, err := post("Hello.")
	var apiErr *colony.APIError
	require.ErrorAs(t, err, &apiErr, "under the posting floor")
	assert.Equal(t, "KARMA_TOO_LOW", apiErr.Code)
	_, err = carol.JoinColony(ctx, "test-posts")
	require.ErrorIs(t, err, colony.ErrForbidden, "under the joining floor")
	settle(colony.UpdateColonySettingsOptions{Clear: []colony.ColonySetting{colony.ColonySettingMinKarmaToPost}})
	_, err = post("Hello.")
	require.NoError(t, err, "a cleared floor is off")

	settle(colony.UpdateColonySettingsOptions{BannedWords: []string{"Pills"}, BannedWordsAction: colony.Ptr(colony.BannedWordsReject)})
	_, err = post("cheap pills")
	require.ErrorIs(t, err, colony.ErrValidation, "a rejecting colony refuses a banned word")
	settle(colony.UpdateColonySettingsOptions{BannedWordsAction: colony.Ptr(colony.BannedWordsQuarantine)})
	held, err := post("cheap pills")
	require.NoError(t, err)
	_, err = carol.GetPost(ctx, held.ID)
	require.ErrorIs(t, err, colony.ErrNotFound, "a quarantined post is hidden")
	q, err := mod.GetModQueue(ctx, "test-posts", nil)
	require.NoError(t, err)
	require.Len(t, q.Items, 1)
	assert.Equal(t, held.ID, q.Items[0].SourceID)
	_, err = mod.ModQueueAction(ctx, "test-posts", colony.ModActionRequest{Source: q.Items[0].Source, SourceID: held.ID, Action: colony.ModActionRestore})
	require.NoError(t, err)
	_, err = carol.GetPost(ctx, held.ID)
	require.NoError(t, err, "restored from the queue")
	settle(colony.UpdateColonySettingsOptions{BannedWords: []string{}})
	_, err = post("more pills")
	require.NoError(t, err, "an empty list clears the banned words")

	c := settle(colony.UpdateColonySettingsOptions{DisplayName: colony.Ptr("Test Posts"), Rules: colony.Ptr("Be kind."),
		DefaultSort: colony.Ptr(colony.ColonySortTop)})
	assert.Equal(t, "Test Posts", c.DisplayName)
	assert.Equal(t, map[string]any{"rules": "Be kind.", "default_sort": "top", "min_karma_to_join": 150.0},
		settingsOf(t, c, "rules", "default_sort", "min_karma_to_join"))
	c = settle(colony.UpdateColonySettingsOptions{Clear: []colony.ColonySetting{colony.ColonySettingRules, colony.ColonySettingDescription}})
	assert.Empty(t, c.Description)
	assert.Equal(t, map[string]any{"rules": nil, "default_sort": "top"}, settingsOf(t, c, "rules", "default_sort"), "null clears, the rest stays")
}

// settingsOf picks keys of the colony's RawJSON (the settings Colony does
// not model).
func settingsOf(t *testing.T, c *colony.Colony, keys ...string) map[string]any {
	t.Helper()
	var all map[string]any
	require.NoError(t, json.Unmarshal(c.RawJSON(), &all))
	out := map[string]any{}
	for _, k := range keys {
		out[k] = all[k]
	}
	return out
}

// TestUpdateColonySettingsBody: the keys go out in the fields' order, set
// ones with their value, cleared ones as null, an empty list as [].
func TestUpdateColonySettingsBody(t *testing.T) {
	tests := []struct {
		name string
		opts *colony.UpdateColonySettingsOptions
		want string
	}{
		{"nil options", nil, `{}`},
		{"the recorded case", &colony.UpdateColonySettingsOptions{Description: colony.Ptr("New"), MinKarmaToPost: colony.Ptr(-20),
			BannedWords: []string{"x"}}, `{"description":"New","min_karma_to_post":-20,"banned_words":["x"]}`},
		{"cleared and empty", &colony.UpdateColonySettingsOptions{Rules: colony.Ptr("Be kind."), BannedWords: []string{},
			Clear: []colony.ColonySetting{colony.ColonySettingMinKarmaToJoin, colony.ColonySettingDescription}},
			`{"description":null,"rules":"Be kind.","min_karma_to_join":null,"banned_words":[]}`},
		{"every kind of value", &colony.UpdateColonySettingsOptions{RequireFlair: colony.Ptr(false), UndoWindowSeconds: colony.Ptr(0),
			StrikeAction: colony.Ptr(colony.StrikeActionBan), BannedWordsAction: colony.Ptr(colony.BannedWordsReject)},
			`{"require_flair":false,"banned_words_action":"reject","undo_window_seconds":0,"strike_action":"ban"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs := &recordingServer{}
			srv := httptest.NewServer(rs)
			defer srv.Close()
			_, err := plainClient(t, srv.URL).UpdateColonySettings(t.Context(), "general", tt.opts)
			require.NoError(t, err)
			rs.mu.Lock()
			defer rs.mu.Unlock()
			require.Len(t, rs.reqs, 1)
			assert.Equal(t, "/colonies/"+colony.KnownColonies()["general"], rs.reqs[0].path)
			assert.Equal(t, tt.want, string(rs.reqs[0].body), "the body, byte for byte")
		})
	}
}

// TestColonyConfigLocalChecks: what the flair, note, modmail and activity
// methods refuse before any request.
func TestColonyConfigLocalChecks(t *testing.T) {
	const uid = "33333333-3333-4333-8333-333333333333"
	postFlair := func(label string, o *colony.CreatePostFlairOptions) func(ctx context.Context, c *colony.Client) error {
		return func(ctx context.Context, c *colony.Client) error {
			return drop(c.CreatePostFlair(ctx, "general", label, o))
		}
	}
	assertRefusedLocally(t, []refusal{
		{"blank post flair", postFlair(" ", nil)},
		{"colour without #", postFlair("Bug", &colony.CreatePostFlairOptions{BackgroundColor: "1f2937"})},
		{"colour not hex", postFlair("Bug", &colony.CreatePostFlairOptions{TextColor: "#12345g"})},
		{"blank user flair", func(ctx context.Context, c *colony.Client) error {
			return drop(c.CreateUserFlair(ctx, "general", "", nil))
		}},
		{"user flair colour", func(ctx context.Context, c *colony.Client) error {
			return drop(c.CreateUserFlair(ctx, "general", "Vet", &colony.CreateUserFlairOptions{BackgroundColor: "#fff"}))
		}},
		{"truncated user id", func(ctx context.Context, c *colony.Client) error {
			return drop(c.AssignMemberFlair(ctx, "general", "33333333-3", "t"))
		}},
		{"blank template id", func(ctx context.Context, c *colony.Client) error {
			return drop(c.AssignMemberFlair(ctx, "general", uid, " "))
		}},
		{"clear: truncated user id", func(ctx context.Context, c *colony.Client) error {
			return drop(c.ClearMemberFlair(ctx, "general", "33333333"))
		}},
		{"notes: truncated user id", func(ctx context.Context, c *colony.Client) error {
			return drop(c.ListMemberNotes(ctx, "general", "33333333-33"))
		}},
		{"blank note", func(ctx context.Context, c *colony.Client) error {
			return drop(c.AddMemberNote(ctx, "general", uid, "\n"))
		}},
		{"blank note id", func(ctx context.Context, c *colony.Client) error { return c.DeleteMemberNote(ctx, "general", uid, "") }},
		{"blank flair id", func(ctx context.Context, c *colony.Client) error { return c.DeletePostFlair(ctx, "general", " ") }},
		{"blank modmail", func(ctx context.Context, c *colony.Client) error {
			return drop(c.OpenModmail(ctx, "general", ""))
		}},
		{"blank conversation id", func(ctx context.Context, c *colony.Client) error {
			return drop(c.JoinModmail(ctx, "general", ""))
		}},
		{"negative window", func(ctx context.Context, c *colony.Client) error {
			return drop(c.GetModActivity(ctx, "general", &colony.ModActivityOptions{WindowDays: -7}))
		}},
	})
}

// TestColonySettingsLocalChecks: the settings UpdateColonySettings refuses
// before any request.
func TestColonySettingsLocalChecks(t *testing.T) {
	settings := func(o colony.UpdateColonySettingsOptions) func(ctx context.Context, c *colony.Client) error {
		return func(ctx context.Context, c *colony.Client) error {
			return drop(c.UpdateColonySettings(ctx, "general", &o))
		}
	}
	assertRefusedLocally(t, []refusal{
		{"deprecated sort new", settings(colony.UpdateColonySettingsOptions{DefaultSort: colony.Ptr(colony.ColonySort("new"))})},
		{"accent not #rrggbb", settings(colony.UpdateColonySettingsOptions{AccentColor: colony.Ptr("red")})},
		{"empty accent", settings(colony.UpdateColonySettingsOptions{AccentColor: colony.Ptr("")})},
		{"blank display name", settings(colony.UpdateColonySettingsOptions{DisplayName: colony.Ptr(" ")})},
		{"undo window over 300", settings(colony.UpdateColonySettingsOptions{UndoWindowSeconds: colony.Ptr(301)})},
		{"karma floor out of range", settings(colony.UpdateColonySettingsOptions{MinKarmaToVote: colony.Ptr(-100001)})},
		{"strike threshold 0", settings(colony.UpdateColonySettingsOptions{StrikeThreshold: colony.Ptr(0)})},
		{"unknown strike action", settings(colony.UpdateColonySettingsOptions{StrikeAction: colony.Ptr(colony.StrikeAction("kick"))})},
		{"unknown banned-word action", settings(colony.UpdateColonySettingsOptions{BannedWordsAction: colony.Ptr(colony.BannedWordsAction("hide"))})},
		{"clearing a setting that cannot be null", settings(colony.UpdateColonySettingsOptions{Clear: []colony.ColonySetting{"display_name"}})},
		{"set and cleared", settings(colony.UpdateColonySettingsOptions{Rules: colony.Ptr("r"),
			Clear: []colony.ColonySetting{colony.ColonySettingRules}})},
	})
}

// cast is a colonytest server with bob and carol, each agent given a role
// in test-posts, and a client for each.
type cast struct {
	srv                  *colonytest.Server
	bobAgent, carolAgent colonytest.Agent
	me, bob, carol       *colony.Client
}

// newCast gives the test agent, bob and carol their roles in test-posts
// ("" leaves one out of it).
func newCast(t *testing.T, mine, bobs, carols string) cast {
	srv := colonytest.NewServer(t)
	c := cast{srv: srv, bobAgent: srv.AddAgent("bob"), carolAgent: srv.AddAgent("carol")}
	for a, role := range map[colonytest.Agent]string{srv.Agent(): mine, c.bobAgent: bobs, c.carolAgent: carols} {
		if role != "" {
			srv.SetColonyRole("test-posts", a, role)
		}
	}
	c.me, c.bob, c.carol = srv.Client(t), srv.ClientFor(t, c.bobAgent), srv.ClientFor(t, c.carolAgent)
	return c
}
