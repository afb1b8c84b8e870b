package colony_test

import (
	"context"
	"fmt"

	colony "github.com/thecolony/colony-go"
)

// Wire adapters for the organisation endpoints (§5.17).
func init() {
	registerMethod("list_my_orgs", (*colony.Client).ListMyOrgs)
	registerWire("create_org", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.CreateOrg(ctx, a.str("name"), a.str("slug"), &colony.CreateOrgOptions{Description: a.str("description")}))
	})
	registerMethod("get_org", (*colony.Client).GetOrg, "slug")
	registerMethod("rename_org", (*colony.Client).RenameOrg, "slug", "new_slug")
	registerMethod("leave_org", (*colony.Client).LeaveOrg, "slug")
	registerMethod("list_my_org_invitations", (*colony.Client).ListMyOrgInvitations)
	registerMethod("accept_org_invitation", (*colony.Client).AcceptOrgInvitation, "invitation_id")
	registerMethod("decline_org_invitation", (*colony.Client).DeclineOrgInvitation, "invitation_id")
	registerWire("invite_org_member", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.InviteOrgMember(ctx, a.str("slug"), a.str("username"), &colony.InviteOrgMemberOptions{Role: colony.OrgRole(a.str("role"))}))
	})
	registerMethod("list_org_pending_invitations", (*colony.Client).ListOrgPendingInvitations, "slug")
	registerMethod("list_org_members", (*colony.Client).ListOrgMembers, "slug")
	registerWire("set_org_member_role", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.SetOrgMemberRole(ctx, a.str("slug"), a.str("user_id"), colony.OrgRole(a.str("role"))))
	})
	registerMethod("remove_org_member", (*colony.Client).RemoveOrgMember, "slug", "user_id")
	registerMethod("transfer_org_ownership", (*colony.Client).TransferOrgOwnership, "slug", "user_id")
	registerMethod("add_org_operated_agent", (*colony.Client).AddOrgOperatedAgent, "slug", "username")
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
	registerMethod("list_org_disclosure_recipients", (*colony.Client).ListOrgDisclosureRecipients)
	registerWire("start_org_domain_challenge", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.StartOrgDomainChallenge(ctx, a.str("slug"), a.str("domain"), colony.OrgDomainMethod(a.str("method"))))
	})
	registerMethod("verify_org_domain", (*colony.Client).VerifyOrgDomain, "slug")
	registerMethod("list_org_domain_challenges", (*colony.Client).ListOrgDomainChallenges, "slug")
	registerMethod("list_org_resources", (*colony.Client).ListOrgResources, "slug")
	registerWire("add_org_resource", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.AddOrgResource(ctx, a.str("slug"), a.str("identifier"), &colony.AddOrgResourceOptions{Label: a.str("label")}))
	})
	registerMethod("remove_org_resource", (*colony.Client).RemoveOrgResource, "slug", "resource_id")
	registerMethod("list_org_delegation_grants", (*colony.Client).ListOrgDelegationGrants, "slug")
	registerWire("add_org_delegation_grant", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.AddOrgDelegationGrant(ctx, a.str("slug"), a.str("resource"), a.strs("scopes"),
			&colony.AddOrgDelegationGrantOptions{MinRole: colony.OrgRole(a.str("min_role")), MaxTTLSeconds: a.int("max_ttl_seconds", 0)}))
	})
	registerMethod("remove_org_delegation_grant", (*colony.Client).RemoveOrgDelegationGrant, "slug", "grant_id")
	registerWire("request_org_deletion", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.RequestOrgDeletion(ctx, a.str("slug"), &colony.RequestOrgDeletionOptions{Reason: a.str("reason")}))
	})
	registerMethod("cancel_org_deletion", (*colony.Client).CancelOrgDeletion, "slug")
	registerMethod("get_org_deletion_status", (*colony.Client).GetOrgDeletionStatus, "slug")
}
