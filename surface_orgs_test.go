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
			_, err := w.alice.ListMyOrgs(ctx)
			return err
		},
		"CreateOrg": func(ctx context.Context, w *world) error {
			_, err := w.alice.CreateOrg(ctx, "Acme", "acme", &colony.CreateOrgOptions{Description: "We make anvils"})
			return err
		},
		"GetOrg": func(ctx context.Context, w *world) error {
			_, err := w.bob.GetOrg(ctx, w.org())
			return err
		},
		"RenameOrg": func(ctx context.Context, w *world) error {
			_, err := w.alice.RenameOrg(ctx, w.org(), "acme-corp")
			return err
		},
		"LeaveOrg": func(ctx context.Context, w *world) error {
			_, err := w.bob.LeaveOrg(ctx, w.org())
			return err
		},
		"ListMyOrgInvitations": func(ctx context.Context, w *world) error {
			w.orgInvite()
			_, err := w.bob.ListMyOrgInvitations(ctx)
			return err
		},
		"AcceptOrgInvitation": func(ctx context.Context, w *world) error {
			_, err := w.bob.AcceptOrgInvitation(ctx, w.orgInvite())
			return err
		},
		"DeclineOrgInvitation": func(ctx context.Context, w *world) error {
			_, err := w.bob.DeclineOrgInvitation(ctx, w.orgInvite())
			return err
		},
		"InviteOrgMember": func(ctx context.Context, w *world) error {
			_, err := w.alice.InviteOrgMember(ctx, w.org(), "carol", &colony.InviteOrgMemberOptions{Role: colony.OrgRoleAdmin})
			return err
		},
		"ListOrgPendingInvitations": func(ctx context.Context, w *world) error {
			w.orgInvite()
			_, err := w.alice.ListOrgPendingInvitations(ctx, "acme")
			return err
		},
		"ListOrgMembers": func(ctx context.Context, w *world) error {
			_, err := w.bob.ListOrgMembers(ctx, w.org())
			return err
		},
		"SetOrgMemberRole": func(ctx context.Context, w *world) error {
			_, err := w.alice.SetOrgMemberRole(ctx, w.org(), w.bobAgent.ID, colony.OrgRoleAdmin)
			return err
		},
		"RemoveOrgMember": func(ctx context.Context, w *world) error {
			return w.alice.RemoveOrgMember(ctx, w.org(), w.bobAgent.ID)
		},
		"TransferOrgOwnership": func(ctx context.Context, w *world) error {
			_, err := w.alice.TransferOrgOwnership(ctx, w.org(), w.bobAgent.ID)
			return err
		},
		"AddOrgOperatedAgent": func(ctx context.Context, w *world) error {
			w.srv.SetOperator(w.srv.Agent(), "operator-1")
			w.srv.SetOperator(w.carolAgent, "operator-1")
			_, err := w.alice.AddOrgOperatedAgent(ctx, w.org(), "carol")
			return err
		},
		"SetOrgDisclosure": func(ctx context.Context, w *world) error {
			_, err := w.alice.SetOrgDisclosure(ctx, w.org(), colony.OrgDisclosureOpaque)
			return err
		},
		"SetOrgVisibility": func(ctx context.Context, w *world) error {
			_, err := w.bob.SetOrgVisibility(ctx, w.org(), true)
			return err
		},
		"ListOrgDisclosureRecipients": func(ctx context.Context, w *world) error {
			_, err := w.bob.ListOrgDisclosureRecipients(ctx)
			return err
		},
		"StartOrgDomainChallenge": func(ctx context.Context, w *world) error {
			_, err := w.alice.StartOrgDomainChallenge(ctx, w.org(), "acme.example", colony.OrgDomainDNS)
			return err
		},
		"VerifyOrgDomain": func(ctx context.Context, w *world) error {
			ch, err := w.alice.StartOrgDomainChallenge(ctx, w.org(), "acme.example", colony.OrgDomainHTTP)
			if err != nil {
				return err
			}
			w.srv.SetDomainContent("acme.example", ch.Token)
			_, err = w.alice.VerifyOrgDomain(ctx, "acme")
			return err
		},
		"ListOrgDomainChallenges": func(ctx context.Context, w *world) error {
			_, err := w.alice.ListOrgDomainChallenges(ctx, w.org())
			return err
		},
		"ListOrgResources": func(ctx context.Context, w *world) error {
			_, err := w.bob.ListOrgResources(ctx, w.org())
			return err
		},
		"AddOrgResource": func(ctx context.Context, w *world) error {
			_, err := w.alice.AddOrgResource(ctx, w.org(), "https://api.acme.example", &colony.AddOrgResourceOptions{Label: "Acme API"})
			return err
		},
		"RemoveOrgResource": func(ctx context.Context, w *world) error {
			return w.alice.RemoveOrgResource(ctx, w.org(), w.orgResource())
		},
		"ListOrgDelegationGrants": func(ctx context.Context, w *world) error {
			_, err := w.bob.ListOrgDelegationGrants(ctx, w.org())
			return err
		},
		"AddOrgDelegationGrant": func(ctx context.Context, w *world) error {
			w.orgResource()
			_, err := w.alice.AddOrgDelegationGrant(ctx, "acme", "https://api.acme.example", []string{"read"}, nil)
			return err
		},
		"RemoveOrgDelegationGrant": func(ctx context.Context, w *world) error {
			w.orgResource()
			g, err := w.alice.AddOrgDelegationGrant(ctx, "acme", "https://api.acme.example", []string{"read"}, nil)
			if err != nil {
				return err
			}
			return w.alice.RemoveOrgDelegationGrant(ctx, "acme", g.ID)
		},
		"RequestOrgDeletion": func(ctx context.Context, w *world) error {
			_, err := w.alice.RequestOrgDeletion(ctx, w.org(), nil)
			return err
		},
		"CancelOrgDeletion": func(ctx context.Context, w *world) error {
			if _, err := w.alice.RequestOrgDeletion(ctx, w.org(), nil); err != nil {
				return err
			}
			return w.alice.CancelOrgDeletion(ctx, "acme")
		},
		"GetOrgDeletionStatus": func(ctx context.Context, w *world) error {
			_, err := w.bob.GetOrgDeletionStatus(ctx, w.org())
			return err
		},
	}
	for name, step := range steps {
		surfaceSteps[name] = step
	}
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
		inv, err := w.alice.InviteOrgMember(ctx, "acme", "bob", nil)
		if err != nil {
			return "", err
		}
		return inv.ID, nil
	})
}

// orgResource is the resource https://api.acme.example of w.org().
func (w *world) orgResource() string {
	return w.once("orgResource", func(ctx context.Context) (string, error) {
		res, err := w.alice.AddOrgResource(ctx, w.org(), "https://api.acme.example", nil)
		if err != nil {
			return "", err
		}
		return res.ID, nil
	})
}
