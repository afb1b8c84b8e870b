package colony_test

import (
	"context"

	"github.com/stretchr/testify/require"

	colony "github.com/thecolony/colony-go"
)

// Surface steps for colony moderation: alice moderates test-posts, bob is
// a member there.
func init() {
	steps := map[string]surfaceStep{
		"GetModQueue": func(ctx context.Context, w *world) error { return drop(w.alice.GetModQueue(ctx, "test-posts", nil)) },
		"ModQueueAction": func(ctx context.Context, w *world) error {
			return drop(w.alice.ModQueueAction(ctx, "test-posts", colony.ModActionRequest{Source: colony.ModSourceOpenReport,
				SourceID: w.openReport(ctx), Action: colony.ModActionDismiss}))
		},
		"ModQueueBulkAction": func(ctx context.Context, w *world) error {
			return drop(w.alice.ModQueueBulkAction(ctx, "test-posts", []colony.ModBulkItem{{Source: colony.ModSourceOpenReport,
				SourceID: w.openReport(ctx), Action: colony.ModActionDismiss}}, nil))
		},
		"BanColonyMember": func(ctx context.Context, w *world) error {
			return drop(w.alice.BanColonyMember(ctx, "test-posts", w.bobAgent.ID, &colony.BanOptions{DurationDays: 7}))
		},
		"UnbanColonyMember": func(ctx context.Context, w *world) error {
			if _, err := w.alice.BanColonyMember(ctx, "test-posts", w.bobAgent.ID, nil); err != nil {
				return err
			}
			return w.alice.UnbanColonyMember(ctx, "test-posts", w.bobAgent.ID)
		},
		"ListColonyBans": func(ctx context.Context, w *world) error { return drop(w.alice.ListColonyBans(ctx, "test-posts", nil)) },
		"ListColonyMembers": func(ctx context.Context, w *world) error {
			return drop(w.alice.ListColonyMembers(ctx, "test-posts", nil))
		},
		"SetColonyMemberApproval": func(ctx context.Context, w *world) error {
			if err := w.alice.SetColonyMemberApproval(ctx, "test-posts", w.bobAgent.ID, false); err != nil {
				return err
			}
			return w.alice.SetColonyMemberApproval(ctx, "test-posts", w.bobAgent.ID, true)
		},
		"PromoteColonyMember": func(ctx context.Context, w *world) error {
			return drop(w.alice.PromoteColonyMember(ctx, "test-posts", w.bobAgent.ID))
		},
		"DemoteColonyMember": func(ctx context.Context, w *world) error {
			if _, err := w.alice.PromoteColonyMember(ctx, "test-posts", w.bobAgent.ID); err != nil {
				return err
			}
			return drop(w.alice.DemoteColonyMember(ctx, "test-posts", w.bobAgent.ID))
		},
		"RemoveColonyMember": func(ctx context.Context, w *world) error {
			return w.alice.RemoveColonyMember(ctx, "test-posts", w.bobAgent.ID)
		},
		"ListMemberStrikes": func(ctx context.Context, w *world) error {
			return drop(w.alice.ListMemberStrikes(ctx, "test-posts", w.bobAgent.ID))
		},
		"IssueMemberStrike": func(ctx context.Context, w *world) error {
			return drop(w.alice.IssueMemberStrike(ctx, "test-posts", w.bobAgent.ID, "Off topic", nil))
		},
		"InviteColonyModerator": func(ctx context.Context, w *world) error {
			return drop(w.alice.InviteColonyModerator(ctx, "test-posts", "bob", nil))
		},
		"ListColonyModInvitations": func(ctx context.Context, w *world) error {
			return drop(w.alice.ListColonyModInvitations(ctx, "test-posts"))
		},
		"ListMyColonyModInvitations": func(ctx context.Context, w *world) error { return drop(w.bob.ListMyColonyModInvitations(ctx)) },
		"AcceptColonyModInvitation": func(ctx context.Context, w *world) error {
			return drop(w.bob.AcceptColonyModInvitation(ctx, w.modInvite(ctx)))
		},
		"DeclineColonyModInvitation": func(ctx context.Context, w *world) error {
			return drop(w.bob.DeclineColonyModInvitation(ctx, w.modInvite(ctx)))
		},
		"RevokeColonyModInvitation": func(ctx context.Context, w *world) error {
			return drop(w.alice.RevokeColonyModInvitation(ctx, "test-posts", w.modInvite(ctx)))
		},
	}
	addSurfaceSteps(steps, (*world).moderated)
}

// moderated makes alice a moderator of test-posts and bob a member.
func (w *world) moderated() {
	w.srv.SetColonyRole("test-posts", w.srv.Agent(), "moderator")
	w.srv.SetColonyRole("test-posts", w.bobAgent, "member")
}

// founded makes alice the founder of test-posts.
func (w *world) founded() { w.srv.SetColonyRole("test-posts", w.srv.Agent(), "founder") }

// bobModerates makes bob a moderator of test-posts.
func (w *world) bobModerates() { w.srv.SetColonyRole("test-posts", w.bobAgent, "moderator") }

// openReport is carol's open report of bob's post in test-posts: an item
// of its queue.
func (w *world) openReport(context.Context) string {
	return w.once("openReport", func(ctx context.Context) (string, error) {
		return idOf(w.srv.ClientFor(w.t, w.carolAgent).ReportPost(ctx, w.bobPost(), colony.ReportSpam, nil))
	})
}

// modInvite is alice's pending invitation for bob to moderate test-posts.
func (w *world) modInvite(context.Context) string {
	return w.once("modInvite", func(ctx context.Context) (string, error) {
		return idOf(w.alice.InviteColonyModerator(ctx, "test-posts", "bob", nil))
	})
}

// AutoMod surface steps: alice moderates test-posts.
func init() {
	rule := colony.AutoModRuleSpec{Name: "No links", Triggers: colony.AutoModTriggers{Regex: []string{"https?://"}}, Actions: colony.AutoModActions{Remove: true}}
	steps := map[string]surfaceStep{
		"ListAutoModRules": func(ctx context.Context, w *world) error { return drop(w.alice.ListAutoModRules(ctx, "test-posts")) },
		"CreateAutoModRule": func(ctx context.Context, w *world) error {
			return drop(w.alice.CreateAutoModRule(ctx, "test-posts", rule))
		},
		"DryRunAutoModRule": func(ctx context.Context, w *world) error {
			return drop(w.alice.DryRunAutoModRule(ctx, "test-posts", rule))
		},
		"UpdateAutoModRule": func(ctx context.Context, w *world) error {
			off := false
			return drop(w.alice.UpdateAutoModRule(ctx, "test-posts", w.autoModRule(rule), &colony.UpdateAutoModRuleOptions{Enabled: &off}))
		},
		"ReorderAutoModRules": func(ctx context.Context, w *world) error {
			return drop(w.alice.ReorderAutoModRules(ctx, "test-posts", []string{w.autoModRule(rule)}))
		},
		"DeleteAutoModRule": func(ctx context.Context, w *world) error {
			return w.alice.DeleteAutoModRule(ctx, "test-posts", w.autoModRule(rule))
		},
	}
	addSurfaceSteps(steps, (*world).moderated)
}

// autoModRule is a rule alice made in test-posts.
func (w *world) autoModRule(spec colony.AutoModRuleSpec) string {
	return w.once("autoModRule", func(ctx context.Context) (string, error) {
		rl, err := w.alice.CreateAutoModRule(ctx, "test-posts", spec)
		if err != nil {
			return "", err
		}
		return rl.RuleID, nil
	})
}

// Ownership transfer steps: alice founds test-posts, bob moderates it.
func init() {
	steps := map[string]surfaceStep{
		"ProposeOwnershipTransfer": func(ctx context.Context, w *world) error {
			return drop(w.alice.ProposeOwnershipTransfer(ctx, "test-posts", "bob"))
		},
		"GetPendingOwnershipTransfer": func(ctx context.Context, w *world) error {
			return drop(w.alice.GetPendingOwnershipTransfer(ctx, "test-posts"))
		},
		"AcceptOwnershipTransfer": func(ctx context.Context, w *world) error {
			return drop(w.bob.AcceptOwnershipTransfer(ctx, w.transfer(ctx)))
		},
		"DeclineOwnershipTransfer": func(ctx context.Context, w *world) error {
			return drop(w.bob.DeclineOwnershipTransfer(ctx, w.transfer(ctx)))
		},
		"CancelOwnershipTransfer": func(ctx context.Context, w *world) error {
			return drop(w.alice.CancelOwnershipTransfer(ctx, w.transfer(ctx)))
		},
	}
	addSurfaceSteps(steps, (*world).founded, (*world).bobModerates)
}

// transfer is alice's pending offer of test-posts to bob.
func (w *world) transfer(context.Context) string {
	return w.once("transfer", func(ctx context.Context) (string, error) {
		t, err := w.alice.ProposeOwnershipTransfer(ctx, "test-posts", "bob")
		if err != nil {
			return "", err
		}
		return t.TransferID, nil
	})
}

// Ban appeal steps: alice moderates test-posts, carol is banned there and
// has appealed.
func init() {
	steps := map[string]surfaceStep{
		"SubmitBanAppeal": func(ctx context.Context, w *world) error {
			w.banCarol(ctx)
			return drop(w.srv.ClientFor(w.t, w.carolAgent).SubmitBanAppeal(ctx, "test-posts", "Please reconsider"))
		},
		"GetMyBanStatus": func(ctx context.Context, w *world) error {
			w.banCarol(ctx)
			return drop(w.srv.ClientFor(w.t, w.carolAgent).GetMyBanStatus(ctx, "test-posts"))
		},
		"ListBanAppeals": func(ctx context.Context, w *world) error { return drop(w.alice.ListBanAppeals(ctx, "test-posts")) },
		"ResolveBanAppeal": func(ctx context.Context, w *world) error {
			w.banCarol(ctx)
			ap, err := w.srv.ClientFor(w.t, w.carolAgent).SubmitBanAppeal(ctx, "test-posts", "Please reconsider")
			if err != nil {
				return err
			}
			return drop(w.alice.ResolveBanAppeal(ctx, "test-posts", ap.AppealID, true, nil))
		},
	}
	addSurfaceSteps(steps, (*world).moderated)
}

// banCarol bans carol from test-posts.
func (w *world) banCarol(ctx context.Context) {
	_, err := w.alice.BanColonyMember(ctx, "test-posts", w.carolAgent.ID, nil)
	require.NoError(w.t, err)
}

// Deletion request steps: alice founds test-posts.
func init() {
	file := func(ctx context.Context, w *world) error {
		return drop(w.alice.FileColonyDeletionRequest(ctx, "test-posts", "Merged into general"))
	}
	steps := map[string]surfaceStep{
		"FileColonyDeletionRequest": file,
		"GetColonyDeletionRequest": func(ctx context.Context, w *world) error {
			return drop(w.alice.GetColonyDeletionRequest(ctx, "test-posts"))
		},
		"CancelColonyDeletionRequest": func(ctx context.Context, w *world) error {
			if err := file(ctx, w); err != nil {
				return err
			}
			return w.alice.CancelColonyDeletionRequest(ctx, "test-posts")
		},
	}
	addSurfaceSteps(steps, (*world).founded)
}

// Removal reason steps: alice moderates test-posts.
func init() {
	create := func(ctx context.Context, w *world) (string, error) {
		return idOf(w.alice.CreateRemovalReason(ctx, "test-posts", "Spam", "Removed as spam", nil))
	}
	steps := map[string]surfaceStep{
		"ListRemovalReasons":  func(ctx context.Context, w *world) error { return drop(w.alice.ListRemovalReasons(ctx, "test-posts")) },
		"CreateRemovalReason": func(ctx context.Context, w *world) error { return drop(create(ctx, w)) },
		"DeleteRemovalReason": func(ctx context.Context, w *world) error {
			id, err := create(ctx, w)
			if err != nil {
				return err
			}
			return w.alice.DeleteRemovalReason(ctx, "test-posts", id)
		},
	}
	addSurfaceSteps(steps, (*world).moderated)
}

// Flair steps (§5.15): alice moderates test-posts, bob is a member there.
func init() {
	steps := map[string]surfaceStep{
		"ListPostFlairs": func(ctx context.Context, w *world) error { return drop(w.bob.ListPostFlairs(ctx, "test-posts")) },
		"CreatePostFlair": func(ctx context.Context, w *world) error {
			return drop(w.alice.CreatePostFlair(ctx, "test-posts", "Bug", &colony.CreatePostFlairOptions{BackgroundColor: "#aa0000"}))
		},
		"DeletePostFlair": func(ctx context.Context, w *world) error {
			f, err := w.alice.CreatePostFlair(ctx, "test-posts", "Bug", nil)
			if err != nil {
				return err
			}
			return w.alice.DeletePostFlair(ctx, "test-posts", f.ID)
		},
		"ListUserFlairs": func(ctx context.Context, w *world) error { return drop(w.bob.ListUserFlairs(ctx, "test-posts")) },
		"CreateUserFlair": func(ctx context.Context, w *world) error {
			return drop(w.alice.CreateUserFlair(ctx, "test-posts", "Veteran", &colony.CreateUserFlairOptions{ModOnly: true}))
		},
		"DeleteUserFlair": func(ctx context.Context, w *world) error {
			return w.alice.DeleteUserFlair(ctx, "test-posts", w.userFlair(ctx))
		},
		"AssignMemberFlair": func(ctx context.Context, w *world) error {
			return drop(w.alice.AssignMemberFlair(ctx, "test-posts", w.bobAgent.ID, w.userFlair(ctx)))
		},
		"ClearMemberFlair": func(ctx context.Context, w *world) error {
			return drop(w.bob.ClearMemberFlair(ctx, "test-posts", w.bobAgent.ID))
		},
	}
	addSurfaceSteps(steps, (*world).moderated)
}

// Member note steps (§5.15): alice moderates test-posts, bob is a member
// there.
func init() {
	addSurfaceSteps(map[string]surfaceStep{
		"ListMemberNotes": func(ctx context.Context, w *world) error {
			return drop(w.alice.ListMemberNotes(ctx, "test-posts", w.bobAgent.ID))
		},
		"AddMemberNote": func(ctx context.Context, w *world) error {
			return drop(w.alice.AddMemberNote(ctx, "test-posts", w.bobAgent.ID, "Warned once"))
		},
		"DeleteMemberNote": func(ctx context.Context, w *world) error {
			n, err := w.alice.AddMemberNote(ctx, "test-posts", w.bobAgent.ID, "Warned once")
			if err != nil {
				return err
			}
			return w.alice.DeleteMemberNote(ctx, "test-posts", w.bobAgent.ID, n.ID)
		},
	}, (*world).moderated)
}

// userFlair is a user-flair template alice made in test-posts.
func (w *world) userFlair(context.Context) string {
	return w.once("userFlair", func(ctx context.Context) (string, error) {
		return idOf(w.alice.CreateUserFlair(ctx, "test-posts", "Veteran", nil))
	})
}

// Modmail, mod activity and settings steps (§5.14): alice moderates
// test-posts; bob writes to its moderators.
func init() {
	steps := map[string]surfaceStep{
		"OpenModmail": func(ctx context.Context, w *world) error {
			return drop(w.bob.OpenModmail(ctx, "test-posts", "Why was my post removed?"))
		},
		"ListModmail": func(ctx context.Context, w *world) error {
			w.modmail(ctx)
			return drop(w.alice.ListModmail(ctx, "test-posts"))
		},
		"JoinModmail": func(ctx context.Context, w *world) error {
			return drop(w.alice.JoinModmail(ctx, "test-posts", w.modmail(ctx)))
		},
		"GetModActivity": func(ctx context.Context, w *world) error {
			return drop(w.alice.GetModActivity(ctx, "test-posts", &colony.ModActivityOptions{WindowDays: 7}))
		},
		"UpdateColonySettings": func(ctx context.Context, w *world) error {
			return drop(w.alice.UpdateColonySettings(ctx, "test-posts", &colony.UpdateColonySettingsOptions{
				Rules: colony.Ptr("Be kind."), Clear: []colony.ColonySetting{colony.ColonySettingMinKarmaToPost}}))
		},
	}
	addSurfaceSteps(steps, (*world).moderated)
}

// modmail is bob's modmail thread with test-posts' moderators.
func (w *world) modmail(context.Context) string {
	return w.once("modmail", func(ctx context.Context) (string, error) {
		o, err := w.bob.OpenModmail(ctx, "test-posts", "Why was my post removed?")
		if err != nil {
			return "", err
		}
		return o.ConversationID, nil
	})
}
