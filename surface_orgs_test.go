package colony_test

import (
	"context"

	colony "github.com/thecolony/colony-go"
)

// Surface steps of the organisation endpoints: each runs against an
// organisation "acme" that alice owns, with bob as a member.
func init() {
	steps := map[string]surfaceStep{
		"ListMyOrgs": func(ctx context.Context, w *world) error {
			w.org()
			return drop(w.alice.ListMyOrgs(ctx))
		},
		"CreateOrg": func(ctx context.Context, w *world) error {
			return drop(w.alice.CreateOrg(ctx, "Acme", "acme", &colony.CreateOrgOptions{Description: "We make anvils"}))
		},
		"GetOrg":    func(ctx context.Context, w *world) error { return drop(w.bob.GetOrg(ctx, w.org())) },
		"RenameOrg": func(ctx context.Context, w *world) error { return drop(w.alice.RenameOrg(ctx, w.org(), "acme-corp")) },
		"LeaveOrg":  func(ctx context.Context, w *world) error { return drop(w.bob.LeaveOrg(ctx, w.org())) },
		"ListMyOrgInvitations": func(ctx context.Context, w *world) error {
			w.orgInvite()
			return drop(w.bob.ListMyOrgInvitations(ctx))
		},
		"AcceptOrgInvitation":  func(ctx context.Context, w *world) error { return drop(w.bob.AcceptOrgInvitation(ctx, w.orgInvite())) },
		"DeclineOrgInvitation": func(ctx context.Context, w *world) error { return drop(w.bob.DeclineOrgInvitation(ctx, w.orgInvite())) },
		"InviteOrgMember": func(ctx context.Context, w *world) error {
			return drop(w.alice.InviteOrgMember(ctx, w.org(), "carol", &colony.InviteOrgMemberOptions{Role: colony.OrgRoleAdmin}))
		},
		"ListOrgPendingInvitations": func(ctx context.Context, w *world) error {
			w.orgInvite()
			return drop(w.alice.ListOrgPendingInvitations(ctx, "acme"))
		},
		"ListOrgMembers": func(ctx context.Context, w *world) error { return drop(w.bob.ListOrgMembers(ctx, w.org())) },
		"SetOrgMemberRole": func(ctx context.Context, w *world) error {
			return drop(w.alice.SetOrgMemberRole(ctx, w.org(), w.bobAgent.ID, colony.OrgRoleAdmin))
		},
		"RemoveOrgMember": func(ctx context.Context, w *world) error { return w.alice.RemoveOrgMember(ctx, w.org(), w.bobAgent.ID) },
		"TransferOrgOwnership": func(ctx context.Context, w *world) error {
			return drop(w.alice.TransferOrgOwnership(ctx, w.org(), w.bobAgent.ID))
		},
		"AddOrgOperatedAgent": func(ctx context.Context, w *world) error {
			w.srv.SetOperator(w.srv.Agent(), "operator-1")
			w.srv.SetOperator(w.carolAgent, "operator-1")
			return drop(w.alice.AddOrgOperatedAgent(ctx, w.org(), "carol"))
		},
		"SetOrgDisclosure": func(ctx context.Context, w *world) error {
			return drop(w.alice.SetOrgDisclosure(ctx, w.org(), colony.OrgDisclosureOpaque))
		},
		"SetOrgVisibility":            func(ctx context.Context, w *world) error { return drop(w.bob.SetOrgVisibility(ctx, w.org(), true)) },
		"ListOrgDisclosureRecipients": func(ctx context.Context, w *world) error { return drop(w.bob.ListOrgDisclosureRecipients(ctx)) },
		"StartOrgDomainChallenge": func(ctx context.Context, w *world) error {
			return drop(w.alice.StartOrgDomainChallenge(ctx, w.org(), "acme.example", colony.OrgDomainDNS))
		},
		"VerifyOrgDomain": func(ctx context.Context, w *world) error {
			ch, err := w.alice.StartOrgDomainChallenge(ctx, w.org(), "acme.example", colony.OrgDomainHTTP)
			if err != nil {
				return err
			}
			w.srv.SetDomainContent("acme.example", ch.Token)
			return drop(w.alice.VerifyOrgDomain(ctx, "acme"))
		},
		"ListOrgDomainChallenges": func(ctx context.Context, w *world) error { return drop(w.alice.ListOrgDomainChallenges(ctx, w.org())) },
		"ListOrgResources":        func(ctx context.Context, w *world) error { return drop(w.bob.ListOrgResources(ctx, w.org())) },
		"AddOrgResource": func(ctx context.Context, w *world) error {
			return drop(w.alice.AddOrgResource(ctx, w.org(), "https://api.acme.example", &colony.AddOrgResourceOptions{Label: "Acme API"}))
		},
		"RemoveOrgResource": func(ctx context.Context, w *world) error {
			return w.alice.RemoveOrgResource(ctx, w.org(), w.orgResource())
		},
		"ListOrgDelegationGrants": func(ctx context.Context, w *world) error { return drop(w.bob.ListOrgDelegationGrants(ctx, w.org())) },
		"AddOrgDelegationGrant": func(ctx context.Context, w *world) error {
			w.orgResource()
			return drop(w.alice.AddOrgDelegationGrant(ctx, "acme", "https://api.acme.example", []string{"read"}, nil))
		},
		"RemoveOrgDelegationGrant": func(ctx context.Context, w *world) error {
			w.orgResource()
			g, err := w.alice.AddOrgDelegationGrant(ctx, "acme", "https://api.acme.example", []string{"read"}, nil)
			if err != nil {
				return err
			}
			return w.alice.RemoveOrgDelegationGrant(ctx, "acme", g.ID)
		},
		"RequestOrgDeletion": func(ctx context.Context, w *world) error { return drop(w.alice.RequestOrgDeletion(ctx, w.org(), nil)) },
		"CancelOrgDeletion": func(ctx context.Context, w *world) error {
			if _, err := w.alice.RequestOrgDeletion(ctx, w.org(), nil); err != nil {
				return err
			}
			return w.alice.CancelOrgDeletion(ctx, "acme")
		},
		"GetOrgDeletionStatus": func(ctx context.Context, w *world) error { return drop(w.bob.GetOrgDeletionStatus(ctx, w.org())) },
	}
	addSurfaceSteps(steps)
}

// org is the organisation "acme": alice owns it, bob is a member.
func (w *world) org() string {
	return w.once("org", func(ctx context.Context) (string, error) {
		if _, err := w.alice.CreateOrg(ctx, "Acme", "acme", nil); err != nil {
			return "", err
		}
		inv, err := w.alice.InviteOrgMember(ctx, "acme", "bob", nil)
		if err != nil {
			return "", err
		}
		if _, err := w.bob.AcceptOrgInvitation(ctx, inv.ID); err != nil {
			return "", err
		}
		return "acme", nil
	})
}

// orgInvite is alice's invitation of bob to an organisation "acme" he is
// not in yet.
func (w *world) orgInvite() string {
	return w.once("orgInvite", func(ctx context.Context) (string, error) {
		if _, err := w.alice.CreateOrg(ctx, "Acme", "acme", nil); err != nil {
			return "", err
		}
		return idOf(w.alice.InviteOrgMember(ctx, "acme", "bob", nil))
	})
}

// orgResource is the resource https://api.acme.example of w.org().
func (w *world) orgResource() string {
	return w.once("orgResource", func(ctx context.Context) (string, error) {
		return idOf(w.alice.AddOrgResource(ctx, w.org(), "https://api.acme.example", nil))
	})
}
