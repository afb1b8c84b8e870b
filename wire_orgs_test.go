package colony_test

import (
	"context"
	"fmt"

	colony "github.com/thecolony/colony-go"
)

// Wire adapters for the organisation endpoints (§5.17).
func init() {
	registerWire("list_my_orgs", func(ctx context.Context, env wireEnv, a wireArgs) error { return drop(env.client.ListMyOrgs(ctx)) })
	registerWire("create_org", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.CreateOrg(ctx, a.str("name"), a.str("slug"), &colony.CreateOrgOptions{Description: a.str("description")}))
	})
	registerWire("get_org", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.GetOrg(ctx, a.str("slug")))
	})
	registerWire("rename_org", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.RenameOrg(ctx, a.str("slug"), a.str("new_slug")))
	})
	registerWire("leave_org", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.LeaveOrg(ctx, a.str("slug")))
	})
	registerWire("list_my_org_invitations", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.ListMyOrgInvitations(ctx))
	})
	registerWire("accept_org_invitation", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.AcceptOrgInvitation(ctx, a.str("invitation_id")))
	})
	registerWire("decline_org_invitation", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.DeclineOrgInvitation(ctx, a.str("invitation_id")))
	})
	registerWire("invite_org_member", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.InviteOrgMember(ctx, a.str("slug"), a.str("username"), &colony.InviteOrgMemberOptions{Role: colony.OrgRole(a.str("role"))}))
	})
	registerWire("list_org_pending_invitations", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.ListOrgPendingInvitations(ctx, a.str("slug")))
	})
	registerWire("list_org_members", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.ListOrgMembers(ctx, a.str("slug")))
	})
	registerWire("set_org_member_role", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.SetOrgMemberRole(ctx, a.str("slug"), a.str("user_id"), colony.OrgRole(a.str("role"))))
	})
	registerWire("remove_org_member", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return env.client.RemoveOrgMember(ctx, a.str("slug"), a.str("user_id"))
	})
	registerWire("transfer_org_ownership", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.TransferOrgOwnership(ctx, a.str("slug"), a.str("user_id")))
	})
	registerWire("add_org_operated_agent", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.AddOrgOperatedAgent(ctx, a.str("slug"), a.str("username")))
	})
	registerWire("set_org_disclosure", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.SetOrgDisclosure(ctx, a.str("slug"), colony.OrgDisclosureMode(a.str("mode"))))
	})
	registerWire("set_org_visibility", func(ctx context.Context, env wireEnv, a wireArgs) error {
		visible, ok := a["visible"].(bool)
		if !ok {
			// Python refuses a non-bool ("false" is truthy) at run time;
			// SetOrgVisibility takes a Go bool, so such a call does not
			// compile. The refusal case is met by the type, not by code.
			return fmt.Errorf("%w: visible is %T, not a bool: SetOrgVisibility cannot be called with it", colony.ErrInvalidParams, a["visible"])
		}
		return drop(env.client.SetOrgVisibility(ctx, a.str("slug"), visible))
	})
	registerWire("list_org_disclosure_recipients", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.ListOrgDisclosureRecipients(ctx))
	})
	registerWire("start_org_domain_challenge", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.StartOrgDomainChallenge(ctx, a.str("slug"), a.str("domain"), colony.OrgDomainMethod(a.str("method"))))
	})
	registerWire("verify_org_domain", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.VerifyOrgDomain(ctx, a.str("slug")))
	})
	registerWire("list_org_domain_challenges", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.ListOrgDomainChallenges(ctx, a.str("slug")))
	})
	registerWire("list_org_resources", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.ListOrgResources(ctx, a.str("slug")))
	})
	registerWire("add_org_resource", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.AddOrgResource(ctx, a.str("slug"), a.str("identifier"), &colony.AddOrgResourceOptions{Label: a.str("label")}))
	})
	registerWire("remove_org_resource", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return env.client.RemoveOrgResource(ctx, a.str("slug"), a.str("resource_id"))
	})
	registerWire("list_org_delegation_grants", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.ListOrgDelegationGrants(ctx, a.str("slug")))
	})
	registerWire("add_org_delegation_grant", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.AddOrgDelegationGrant(ctx, a.str("slug"), a.str("resource"), a.strs("scopes"),
			&colony.AddOrgDelegationGrantOptions{MinRole: colony.OrgRole(a.str("min_role")), MaxTTLSeconds: a.int("max_ttl_seconds", 0)}))
	})
	registerWire("remove_org_delegation_grant", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return env.client.RemoveOrgDelegationGrant(ctx, a.str("slug"), a.str("grant_id"))
	})
	registerWire("request_org_deletion", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.RequestOrgDeletion(ctx, a.str("slug"), &colony.RequestOrgDeletionOptions{Reason: a.str("reason")}))
	})
	registerWire("cancel_org_deletion", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return env.client.CancelOrgDeletion(ctx, a.str("slug"))
	})
	registerWire("get_org_deletion_status", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.GetOrgDeletionStatus(ctx, a.str("slug")))
	})
}
