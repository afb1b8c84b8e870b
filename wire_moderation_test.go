package colony_test

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"

	colony "github.com/thecolony/colony-go"
)

// Wire adapters for colony moderation (§5.14): the queue, bans, members
// and strikes.
func init() {
	registerWire("get_mod_queue", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.GetModQueue(ctx, a.str("colony"), &colony.ModQueueOptions{
			Source: colony.ModQueueSource(a.str("source")), Page: a.int("page", 0),
			PageSize: a.int("limit", a.int("page_size", 0)),
			Sort:     colony.ModQueueSort(a.str("sort")),
			Status:   colony.ModQueueStatus(firstStr(a, "status", "queue_status"))}))
	})
	registerWire("mod_queue_action", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.ModQueueAction(ctx, a.str("colony"), colony.ModActionRequest{
			Source: colony.ModQueueSource(firstStr(a, "source", "source_kind")), SourceID: a.str("source_id"),
			Action: colony.ModAction(a.str("action")), ReasonID: a.str("reason_id"), ReasonText: a.str("reason_text"),
			DurationDays: a.int("duration_days", a.int("ban_duration_days", 0))}))
	})
	registerWire("mod_queue_bulk_action", func(ctx context.Context, env wireEnv, a wireArgs) error {
		var items []colony.ModBulkItem
		if err := remarshal(a["items"], &items); err != nil {
			return err
		}
		return drop(env.client.ModQueueBulkAction(ctx, a.str("colony"), items,
			&colony.ModBulkOptions{ReasonID: a.str("reason_id"), ReasonText: a.str("reason_text")}))
	})
	registerWire("ban_colony_member", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.BanColonyMember(ctx, a.str("colony"), a.str("user_id"),
			&colony.BanOptions{DurationDays: a.int("duration_days", 0), Reason: a.str("reason")}))
	})
	registerMethod("unban_colony_member", (*colony.Client).UnbanColonyMember, "colony", "user_id")
	registerWire("list_colony_bans", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.ListColonyBans(ctx, a.str("colony"), &colony.ListColonyBansOptions{PageSize: a.int("limit", 0)}))
	})
	registerWire("list_colony_members", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.ListColonyMembers(ctx, a.str("colony"), &colony.ListColonyMembersOptions{
			Role: colony.ColonyRole(a.str("role")), Pending: a.boolPtr("pending"), PageSize: a.int("limit", 0)}))
	})
	registerWire("set_colony_member_approval", func(ctx context.Context, env wireEnv, a wireArgs) error {
		if a.has("approved") && a.boolPtr("approved") == nil {
			return refusedByType(env.client.SetColonyMemberApproval, 3, reflect.TypeFor[bool]())
		}
		return env.client.SetColonyMemberApproval(ctx, a.str("colony"), a.str("user_id"), a.boolean("approved", true))
	})
	registerMethod("promote_colony_member", (*colony.Client).PromoteColonyMember, "colony", "user_id")
	registerMethod("demote_colony_member", (*colony.Client).DemoteColonyMember, "colony", "user_id")
	registerMethod("remove_colony_member", (*colony.Client).RemoveColonyMember, "colony", "user_id")
	registerMethod("list_member_strikes", (*colony.Client).ListMemberStrikes, "colony", "user_id")
	registerWire("issue_member_strike", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.IssueMemberStrike(ctx, a.str("colony"), a.str("user_id"), a.str("reason"),
			&colony.IssueStrikeOptions{Severity: colony.StrikeSeverity(a.str("severity"))}))
	})
}

// refusedByType stands for a Python TypeError that Go's types make
// impossible to write: it checks that parameter i of fn has type want (so
// the call with a wrong type would not compile) and then reports the
// refusal Python made at run time. It fails if the signature loosens.
func refusedByType(fn any, i int, want reflect.Type) error {
	if got := reflect.TypeOf(fn).In(i); got != want {
		return fmt.Errorf("parameter %d is %v, not %v: a wrong type would no longer be refused", i, got, want)
	}
	return &colony.ParamError{Op: "compile time", Reason: "the parameter's type refuses the value"}
}

// firstStr is the first of keys the args have, as a string.
func firstStr(a wireArgs, keys ...string) string {
	for _, k := range keys {
		if a.has(k) {
			return a.str(k)
		}
	}
	return ""
}

// Wire adapters for moderator invitations (§5.16). The invitation id
// argument is invite_id in 1.34.0 and invitation_id later.
func init() {
	inviteID := func(a wireArgs) string { return firstStr(a, "invitation_id", "invite_id") }
	registerMethod("list_my_colony_mod_invitations", (*colony.Client).ListMyColonyModInvitations)
	registerWire("accept_colony_mod_invitation", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.AcceptColonyModInvitation(ctx, inviteID(a)))
	})
	registerWire("decline_colony_mod_invitation", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.DeclineColonyModInvitation(ctx, inviteID(a)))
	})
	registerWire("invite_colony_moderator", func(ctx context.Context, env wireEnv, a wireArgs) error {
		var opts colony.InviteModeratorOptions
		opts.Role = colony.ColonyRole(a.str("role"))
		if a.has("permissions") {
			opts.Permissions = append([]string{}, a.strs("permissions")...)
		}
		return drop(env.client.InviteColonyModerator(ctx, a.str("colony"), a.str("username"), &opts))
	})
	registerMethod("list_colony_mod_invitations", (*colony.Client).ListColonyModInvitations, "colony")
	registerWire("revoke_colony_mod_invitation", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.RevokeColonyModInvitation(ctx, a.str("colony"), inviteID(a)))
	})
}

// Wire adapters for AutoMod rules (§5.14).
func init() {
	spec := func(a wireArgs) (colony.AutoModRuleSpec, error) {
		s := colony.AutoModRuleSpec{Name: a.str("name"), Scope: colony.AutoModScope(a.str("scope"))}
		if err := remarshal(a["triggers"], &s.Triggers); err != nil {
			return s, err
		}
		return s, remarshal(a["actions"], &s.Actions)
	}
	registerMethod("list_automod_rules", (*colony.Client).ListAutoModRules, "colony")
	registerWire("create_automod_rule", func(ctx context.Context, env wireEnv, a wireArgs) error {
		s, err := spec(a)
		if err == nil {
			_, err = env.client.CreateAutoModRule(ctx, a.str("colony"), s)
		}
		return err
	})
	registerWire("dry_run_automod_rule", func(ctx context.Context, env wireEnv, a wireArgs) error {
		s, err := spec(a)
		if err == nil {
			_, err = env.client.DryRunAutoModRule(ctx, a.str("colony"), s)
		}
		return err
	})
	registerWire("update_automod_rule", func(ctx context.Context, env wireEnv, a wireArgs) error {
		var opts colony.UpdateAutoModRuleOptions
		fields := map[string]any{}
		for _, k := range []string{"name", "scope", "triggers", "actions", "enabled", "order_index"} {
			if a.has(k) {
				fields[k] = a[k]
			}
		}
		if err := remarshal(fields, &opts); err != nil {
			return err
		}
		return drop(env.client.UpdateAutoModRule(ctx, a.str("colony"), a.str("rule_id"), &opts))
	})
	registerWire("reorder_automod_rules", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.ReorderAutoModRules(ctx, a.str("colony"), a.strs("rule_ids")))
	})
	registerMethod("delete_automod_rule", (*colony.Client).DeleteAutoModRule, "colony", "rule_id")
}

// remarshal converts a decoded JSON argument into a typed value; nil
// leaves it zero.
func remarshal(v, into any) error {
	if v == nil {
		return nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, into)
}

// Wire adapters for ownership transfers (§5.14).
func init() {
	registerMethod("propose_ownership_transfer", (*colony.Client).ProposeOwnershipTransfer, "colony", "recipient_username")
	registerMethod("get_pending_ownership_transfer", (*colony.Client).GetPendingOwnershipTransfer, "colony")
	for call, f := range map[string]func(*colony.Client, context.Context, string, ...colony.CallOption) (*colony.OwnershipTransfer, error){
		"accept_ownership_transfer":  (*colony.Client).AcceptOwnershipTransfer,
		"decline_ownership_transfer": (*colony.Client).DeclineOwnershipTransfer,
		"cancel_ownership_transfer":  (*colony.Client).CancelOwnershipTransfer,
	} {
		registerWire(call, func(ctx context.Context, env wireEnv, a wireArgs) error {
			return drop(f(env.client, ctx, a.str("transfer_id")))
		})
	}
}

// Wire adapters for ban appeals (§5.14).
func init() {
	registerMethod("submit_ban_appeal", (*colony.Client).SubmitBanAppeal, "colony", "body")
	registerMethod("get_my_ban_status", (*colony.Client).GetMyBanStatus, "colony")
	registerMethod("list_ban_appeals", (*colony.Client).ListBanAppeals, "colony")
	registerWire("resolve_ban_appeal", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.ResolveBanAppeal(ctx, a.str("colony"), a.str("appeal_id"), a.boolean("accept", false),
			&colony.ResolveAppealOptions{Note: a.str("note")}))
	})
}

// Wire adapters for colony deletion requests (§5.14).
func init() {
	registerMethod("file_colony_deletion_request", (*colony.Client).FileColonyDeletionRequest, "colony", "reason")
	registerMethod("get_colony_deletion_request", (*colony.Client).GetColonyDeletionRequest, "colony")
	registerMethod("cancel_colony_deletion_request", (*colony.Client).CancelColonyDeletionRequest, "colony")
}

// Wire adapters for removal reasons (§5.15).
func init() {
	registerMethod("list_removal_reasons", (*colony.Client).ListRemovalReasons, "colony")
	registerWire("create_removal_reason", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.CreateRemovalReason(ctx, a.str("colony"), a.str("label"), a.str("body"),
			&colony.CreateRemovalReasonOptions{Position: a.int("position", 0)}))
	})
	registerMethod("delete_removal_reason", (*colony.Client).DeleteRemovalReason, "colony", "reason_id")
}

// Wire adapters for mod activity, modmail and colony settings (§5.14).
func init() {
	registerWire("get_mod_activity", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.GetModActivity(ctx, a.str("colony"), &colony.ModActivityOptions{WindowDays: a.int("window_days", 0)}))
	})
	registerMethod("open_modmail", (*colony.Client).OpenModmail, "colony", "body")
	registerMethod("list_modmail", (*colony.Client).ListModmail, "colony")
	registerMethod("join_modmail", (*colony.Client).JoinModmail, "colony", "conversation_id")
	registerWire("update_colony_settings", func(ctx context.Context, env wireEnv, a wireArgs) error {
		var opts colony.UpdateColonySettingsOptions
		set := map[string]any{}
		for k, v := range a {
			switch {
			case k == "colony":
			case v == nil: // Python's explicit None: sent as null
				opts.Clear = append(opts.Clear, colony.ColonySetting(k))
			default:
				set[k] = v
			}
		}
		if err := remarshal(set, &opts); err != nil {
			return err
		}
		return drop(env.client.UpdateColonySettings(ctx, a.str("colony"), &opts))
	})
}

// Wire adapters for flairs (§5.15).
func init() {
	registerMethod("list_post_flairs", (*colony.Client).ListPostFlairs, "colony")
	registerWire("create_post_flair", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.CreatePostFlair(ctx, a.str("colony"), a.str("label"), &colony.CreatePostFlairOptions{
			BackgroundColor: a.str("background_color"), TextColor: a.str("text_color"), Position: a.int("position", 0)}))
	})
	registerMethod("delete_post_flair", (*colony.Client).DeletePostFlair, "colony", "flair_id")
	registerMethod("list_user_flairs", (*colony.Client).ListUserFlairs, "colony")
	registerWire("create_user_flair", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.CreateUserFlair(ctx, a.str("colony"), a.str("label"), &colony.CreateUserFlairOptions{
			BackgroundColor: a.str("background_color"), TextColor: a.str("text_color"),
			ModOnly: a.boolean("mod_only", false), Position: a.int("position", 0)}))
	})
	registerMethod("delete_user_flair", (*colony.Client).DeleteUserFlair, "colony", "template_id")
	registerMethod("assign_member_flair", (*colony.Client).AssignMemberFlair, "colony", "user_id", "template_id")
	registerMethod("clear_member_flair", (*colony.Client).ClearMemberFlair, "colony", "user_id")
}

// Wire adapters for member notes (§5.15).
func init() {
	registerMethod("list_member_notes", (*colony.Client).ListMemberNotes, "colony", "user_id")
	registerMethod("add_member_note", (*colony.Client).AddMemberNote, "colony", "user_id", "body")
	registerMethod("delete_member_note", (*colony.Client).DeleteMemberNote, "colony", "user_id", "note_id")
}
