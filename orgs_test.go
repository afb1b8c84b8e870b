package colony_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	colony "github.com/thecolony/colony-go"
	"github.com/thecolony/colony-go/colonytest"
)

// TestOrgLifecycle walks one organisation's whole life against colonytest,
// on fake time: creation, invitations both ways, roles, an operated agent
// and its disclosure, a domain proof, a resource and a grant, a transfer,
// a rename, leaving, and a deletion cancelled inside its window and then
// carried out.
func TestOrgLifecycle(t *testing.T) {
	bubble(t, func(t *testing.T, srv *colonytest.Server) {
		ctx := t.Context()
		alice := srv.Client(t)
		bobAgent, carolAgent, daveAgent := srv.AddAgent("bob"), srv.AddAgent("carol"), srv.AddAgent("dave")
		bob, carol := srv.ClientFor(t, bobAgent), srv.ClientFor(t, carolAgent)

		created, err := alice.CreateOrg(ctx, "Acme", "acme", &colony.CreateOrgOptions{Description: "We make anvils"})
		require.NoError(t, err)
		assert.Equal(t, colony.OrgRoleOwner, created.Role)
		assert.NotEmpty(t, created.ID)
		_, err = bob.CreateOrg(ctx, "Other Acme", "acme", nil)
		assertAPIError(t, err, colony.ErrConflict, http.StatusConflict, "ORG_SLUG_TAKEN")

		// Invitations: bob accepts, carol declines; a member cannot invite.
		inv, err := alice.InviteOrgMember(ctx, "acme", "bob", nil)
		require.NoError(t, err)
		assert.Equal(t, colony.OrgRoleMember, inv.Role)
		_, err = alice.InviteOrgMember(ctx, "acme", "carol", &colony.InviteOrgMemberOptions{Role: colony.OrgRoleAdmin})
		require.NoError(t, err)
		pending, err := alice.ListOrgPendingInvitations(ctx, "acme")
		require.NoError(t, err)
		assert.Len(t, pending, 2)
		mine, err := bob.ListMyOrgInvitations(ctx)
		require.NoError(t, err)
		require.Len(t, mine, 1)
		assert.Equal(t, "acme", mine[0].OrgSlug)
		joined, err := bob.AcceptOrgInvitation(ctx, mine[0].ID)
		require.NoError(t, err)
		assert.Equal(t, colony.OrgRoleMember, joined.Role)
		carolInv, err := carol.ListMyOrgInvitations(ctx)
		require.NoError(t, err)
		require.Len(t, carolInv, 1)
		_, err = carol.DeclineOrgInvitation(ctx, carolInv[0].ID)
		require.NoError(t, err)
		_, err = carol.AcceptOrgInvitation(ctx, carolInv[0].ID)
		assertAPIError(t, err, colony.ErrNotFound, http.StatusNotFound, "")
		_, err = bob.InviteOrgMember(ctx, "acme", "dave", nil)
		assertAPIError(t, err, colony.ErrForbidden, http.StatusForbidden, "ORG_ADMIN_REQUIRED")
		_, err = bob.SetOrgMemberRole(ctx, "acme", bobAgent.ID, colony.OrgRoleAdmin)
		assertAPIError(t, err, colony.ErrForbidden, http.StatusForbidden, "ORG_ADMIN_REQUIRED")

		// Roles: an admin invites; nobody is made owner by a role change.
		m, err := alice.SetOrgMemberRole(ctx, "acme", bobAgent.ID, colony.OrgRoleAdmin)
		require.NoError(t, err)
		assert.Equal(t, colony.OrgRoleAdmin, m.Role)
		_, err = alice.SetOrgMemberRole(ctx, "acme", bobAgent.ID, colony.OrgRoleOwner)
		assertAPIError(t, err, colony.ErrValidation, http.StatusUnprocessableEntity, "")
		_, err = bob.InviteOrgMember(ctx, "acme", "dave", nil)
		require.NoError(t, err)

		// An operated agent joins without an invitation and discloses.
		botAgent := srv.AddAgent("acme-bot")
		bot := srv.ClientFor(t, botAgent)
		_, err = alice.AddOrgOperatedAgent(ctx, "acme", "acme-bot")
		assertAPIError(t, err, colony.ErrForbidden, http.StatusForbidden, "ORG_NOT_OPERATED")
		srv.SetOperator(srv.Agent(), "op-1")
		srv.SetOperator(botAgent, "op-1")
		added, err := alice.AddOrgOperatedAgent(ctx, "acme", "acme-bot")
		require.NoError(t, err)
		assert.True(t, added.Operated)
		assert.False(t, srv.DiscloseOrgMembership(botAgent, "acme", "rp-1"), "not visible yet: the member's gate is shut")
		_, err = bot.SetOrgVisibility(ctx, "acme", true)
		require.NoError(t, err)
		_, err = alice.SetOrgDisclosure(ctx, "acme", colony.OrgDisclosureNone)
		require.NoError(t, err)
		assert.False(t, srv.DiscloseOrgMembership(botAgent, "acme", "rp-1"), "the organisation's gate is shut")
		org, err := alice.SetOrgDisclosure(ctx, "acme", colony.OrgDisclosureOpaque)
		require.NoError(t, err)
		assert.Equal(t, colony.OrgDisclosureOpaque, org.DisclosureMode)
		assert.True(t, srv.DiscloseOrgMembership(botAgent, "acme", "rp-1"))
		told, err := bot.ListOrgDisclosureRecipients(ctx)
		require.NoError(t, err)
		require.Len(t, told, 1)
		assert.Equal(t, "rp-1", told[0].ClientID)
		require.NoError(t, alice.RemoveOrgMember(ctx, "acme", botAgent.ID))
		told, err = bot.ListOrgDisclosureRecipients(ctx)
		require.NoError(t, err)
		assert.Empty(t, told, "removal revokes disclosures at once")

		// A domain verifies only when the token is served, before expiry.
		ch, err := alice.StartOrgDomainChallenge(ctx, "acme", "acme.example", colony.OrgDomainDNS)
		require.NoError(t, err)
		assert.Equal(t, colony.OrgDomainPending, ch.Status)
		assert.Equal(t, 24*time.Hour, ch.ExpiresAt.Sub(ch.CreatedAt))
		_, err = alice.VerifyOrgDomain(ctx, "acme")
		assertAPIError(t, err, colony.ErrValidation, http.StatusBadRequest, "ORG_DOMAIN_NOT_VERIFIED")
		srv.SetDomainContent("acme.example", "something else")
		_, err = alice.VerifyOrgDomain(ctx, "acme")
		assertAPIError(t, err, colony.ErrValidation, http.StatusBadRequest, "ORG_DOMAIN_NOT_VERIFIED")
		srv.SetDomainContent("acme.example", ch.Token)
		ok, err := alice.VerifyOrgDomain(ctx, "acme")
		require.NoError(t, err)
		assert.Equal(t, colony.OrgDomainVerified, ok.Status)
		late, err := alice.StartOrgDomainChallenge(ctx, "acme", "late.example", colony.OrgDomainHTTP)
		require.NoError(t, err)
		srv.SetDomainContent("late.example", late.Token)
		time.Sleep(colonytest.OrgChallengeTTL)
		_, err = alice.VerifyOrgDomain(ctx, "acme")
		var gone *colony.APIError
		require.ErrorAs(t, err, &gone)
		assert.Equal(t, http.StatusGone, gone.StatusCode)
		assert.Equal(t, "ORG_DOMAIN_CHALLENGE_EXPIRED", gone.Code)
		got, err := bob.GetOrg(ctx, "acme")
		require.NoError(t, err)
		assert.Equal(t, []string{"acme.example"}, got.VerifiedDomains)
		challenges, err := alice.ListOrgDomainChallenges(ctx, "acme")
		require.NoError(t, err)
		require.Len(t, challenges, 2)
		assert.Equal(t, colony.OrgDomainExpired, challenges[1].Status)

		// A grant needs a registered resource; unset limits are omitted.
		_, err = alice.AddOrgDelegationGrant(ctx, "acme", "https://api.acme.example", []string{"read"}, nil)
		assertAPIError(t, err, colony.ErrNotFound, http.StatusNotFound, "")
		res, err := alice.AddOrgResource(ctx, "acme", "https://api.acme.example", &colony.AddOrgResourceOptions{Label: "Acme API"})
		require.NoError(t, err)
		assert.Equal(t, "Acme API", res.Label)
		g, err := alice.AddOrgDelegationGrant(ctx, "acme", res.Identifier, []string{"read", "write"}, &colony.AddOrgDelegationGrantOptions{MinRole: colony.OrgRoleAdmin})
		require.NoError(t, err)
		assert.Nil(t, g.MaxTTLSeconds)
		assert.JSONEq(t, `{"resource":"https://api.acme.example","scopes":["read","write"],"min_role":"admin"}`,
			string(lastRequest(t, srv, "POST /orgs/{slug}/delegation-grants").Body))
		grants, err := bob.ListOrgDelegationGrants(ctx, "acme")
		require.NoError(t, err)
		require.Len(t, grants, 1)
		require.NoError(t, alice.RemoveOrgDelegationGrant(ctx, "acme", g.ID))
		require.NoError(t, alice.RemoveOrgResource(ctx, "acme", res.ID))
		resources, err := bob.ListOrgResources(ctx, "acme")
		require.NoError(t, err)
		assert.Empty(t, resources)

		// A transfer hands over ownership; the old owner becomes an admin.
		_, err = bob.TransferOrgOwnership(ctx, "acme", bobAgent.ID)
		assertAPIError(t, err, colony.ErrForbidden, http.StatusForbidden, "ORG_OWNER_REQUIRED")
		_, err = alice.TransferOrgOwnership(ctx, "acme", " "+bobAgent.ID+"\n")
		require.NoError(t, err, "the id is sent stripped")
		members, err := alice.ListOrgMembers(ctx, "acme")
		require.NoError(t, err)
		roles := map[string]colony.OrgRole{}
		for _, m := range members {
			roles[m.Username] = m.Role
		}
		assert.Equal(t, map[string]colony.OrgRole{"test-agent": colony.OrgRoleAdmin, "bob": colony.OrgRoleOwner}, roles)
		_, err = bob.LeaveOrg(ctx, "acme")
		assertAPIError(t, err, colony.ErrConflict, http.StatusConflict, "ORG_LAST_OWNER")
		_, err = alice.RenameOrg(ctx, "acme", "acme-corp")
		assertAPIError(t, err, colony.ErrForbidden, http.StatusForbidden, "ORG_OWNER_REQUIRED")
		_, err = bob.RenameOrg(ctx, "acme", "acme-corp")
		require.NoError(t, err)
		_, err = bob.GetOrg(ctx, "acme")
		assertAPIError(t, err, colony.ErrNotFound, http.StatusNotFound, "")
		left, err := alice.LeaveOrg(ctx, "acme-corp")
		require.NoError(t, err)
		assert.Equal(t, "left", left.Status)
		orgs, err := alice.ListMyOrgs(ctx)
		require.NoError(t, err)
		assert.Empty(t, orgs)

		// Deletion: cancellable inside the window, final after it.
		st, err := bob.RequestOrgDeletion(ctx, "acme-corp", &colony.RequestOrgDeletionOptions{Reason: "Wound down"})
		require.NoError(t, err)
		assert.True(t, st.Pending)
		assert.Equal(t, colonytest.OrgDeletionWindow, st.ScheduledFor.Sub(st.RequestedAt))
		time.Sleep(colonytest.OrgDeletionWindow - time.Hour)
		require.NoError(t, bob.CancelOrgDeletion(ctx, "acme-corp"))
		st, err = bob.GetOrgDeletionStatus(ctx, "acme-corp")
		require.NoError(t, err)
		assert.False(t, st.Pending)
		_, err = bob.RequestOrgDeletion(ctx, "acme-corp", nil)
		require.NoError(t, err)
		assert.JSONEq(t, `{}`, string(lastRequest(t, srv, "POST /orgs/{slug}/deletion").Body), "a body is always sent")
		time.Sleep(colonytest.OrgDeletionWindow)
		assertAPIError(t, bob.CancelOrgDeletion(ctx, "acme-corp"), colony.ErrNotFound, http.StatusNotFound, "")
		_, err = bob.GetOrg(ctx, "acme-corp")
		assertAPIError(t, err, colony.ErrNotFound, http.StatusNotFound, "")
		daveInv, err := srv.ClientFor(t, daveAgent).ListMyOrgInvitations(ctx)
		require.NoError(t, err)
		assert.Empty(t, daveInv, "a deleted organisation's invitations go with it")
	})
}

// TestOrgStateSurvivesRestart: organisations are in the state file.
func TestOrgStateSurvivesRestart(t *testing.T) {
	path := t.TempDir() + "/state.json"
	a, err := colonytest.Start(colonytest.WithStateFile(path))
	require.NoError(t, err)
	c, err := a.NewClient(a.Agent().APIKey)
	require.NoError(t, err)
	ctx := t.Context()
	_, err = c.CreateOrg(ctx, "Acme", "acme", nil)
	require.NoError(t, err)
	ch, err := c.StartOrgDomainChallenge(ctx, "acme", "acme.example", colony.OrgDomainDNS)
	require.NoError(t, err)
	a.SetDomainContent("acme.example", ch.Token)
	_, err = c.RequestOrgDeletion(ctx, "acme", nil)
	require.NoError(t, err)
	c.CloseIdleConnections()
	a.Close()

	b := colonytest.NewServer(t, colonytest.WithStateFile(path))
	c2 := b.Client(t)
	mine, err := c2.ListMyOrgs(ctx)
	require.NoError(t, err)
	require.Len(t, mine, 1)
	assert.Equal(t, colony.OrgRoleOwner, mine[0].Role)
	st, err := c2.GetOrgDeletionStatus(ctx, "acme")
	require.NoError(t, err)
	assert.True(t, st.Pending)
	v, err := c2.VerifyOrgDomain(ctx, "acme")
	require.NoError(t, err, "the challenge and what the domain serves were both kept")
	assert.Equal(t, colony.OrgDomainVerified, v.Status)
}

// TestOrgRefusedLocally: the local checks of §5.17 send nothing.
func TestOrgRefusedLocally(t *testing.T) {
	const trunc = "a1a1a1a1-0000"
	assertRefusedLocally(t, []refusal{
		{"create blank name", func(ctx context.Context, c *colony.Client) error {
			return drop(c.CreateOrg(ctx, " ", "acme", nil))
		}},
		{"create blank slug", func(ctx context.Context, c *colony.Client) error {
			return drop(c.CreateOrg(ctx, "Acme", "", nil))
		}},
		{"get blank slug", func(ctx context.Context, c *colony.Client) error {
			return drop(c.GetOrg(ctx, "  "))
		}},
		{"rename blank new slug", func(ctx context.Context, c *colony.Client) error {
			return drop(c.RenameOrg(ctx, "acme", ""))
		}},
		{"accept truncated id", func(ctx context.Context, c *colony.Client) error {
			return drop(c.AcceptOrgInvitation(ctx, trunc))
		}},
		{"decline blank id", func(ctx context.Context, c *colony.Client) error {
			return drop(c.DeclineOrgInvitation(ctx, ""))
		}},
		{"invite blank username", func(ctx context.Context, c *colony.Client) error {
			return drop(c.InviteOrgMember(ctx, "acme", "", nil))
		}},
		{"role truncated user id", func(ctx context.Context, c *colony.Client) error {
			return drop(c.SetOrgMemberRole(ctx, "acme", trunc, colony.OrgRoleAdmin))
		}},
		{"remove truncated user id", func(ctx context.Context, c *colony.Client) error {
			return c.RemoveOrgMember(ctx, "acme", trunc)
		}},
		{"transfer truncated user id (body)", func(ctx context.Context, c *colony.Client) error {
			return drop(c.TransferOrgOwnership(ctx, "acme", trunc))
		}},
		{"operated agent blank username", func(ctx context.Context, c *colony.Client) error {
			return drop(c.AddOrgOperatedAgent(ctx, "acme", ""))
		}},
		{"domain blank", func(ctx context.Context, c *colony.Client) error {
			return drop(c.StartOrgDomainChallenge(ctx, "acme", "", colony.OrgDomainDNS))
		}},
		{"resource blank identifier", func(ctx context.Context, c *colony.Client) error {
			return drop(c.AddOrgResource(ctx, "acme", " ", nil))
		}},
		{"remove resource truncated id", func(ctx context.Context, c *colony.Client) error {
			return c.RemoveOrgResource(ctx, "acme", trunc)
		}},
		{"grant empty scopes", func(ctx context.Context, c *colony.Client) error {
			return drop(c.AddOrgDelegationGrant(ctx, "acme", "https://api.acme.example", nil, nil))
		}},
		{"remove grant truncated id", func(ctx context.Context, c *colony.Client) error {
			return c.RemoveOrgDelegationGrant(ctx, "acme", trunc)
		}},
		{"deletion blank slug", func(ctx context.Context, c *colony.Client) error {
			return drop(c.RequestOrgDeletion(ctx, "", nil))
		}},
	})
}

// TestOrgListsRequireAnArray: a list endpoint answering anything but a
// bare array is a decode error, never an empty list.
func TestOrgListsRequireAnArray(t *testing.T) {
	c := jsonAnswerClient(t, `{"items":[]}`)
	ctx := t.Context()
	calls := map[string]func() error{
		"ListMyOrgs":                  func() error { _, err := c.ListMyOrgs(ctx); return err },
		"ListMyOrgInvitations":        func() error { _, err := c.ListMyOrgInvitations(ctx); return err },
		"ListOrgPendingInvitations":   func() error { _, err := c.ListOrgPendingInvitations(ctx, "acme"); return err },
		"ListOrgMembers":              func() error { _, err := c.ListOrgMembers(ctx, "acme"); return err },
		"ListOrgDisclosureRecipients": func() error { _, err := c.ListOrgDisclosureRecipients(ctx); return err },
		"ListOrgDomainChallenges":     func() error { _, err := c.ListOrgDomainChallenges(ctx, "acme"); return err },
		"ListOrgResources":            func() error { _, err := c.ListOrgResources(ctx, "acme"); return err },
		"ListOrgDelegationGrants":     func() error { _, err := c.ListOrgDelegationGrants(ctx, "acme"); return err },
	}
	for name, call := range calls {
		t.Run(name, func(t *testing.T) { assert.ErrorIs(t, call(), colony.ErrDecode) })
	}
}

// TestOrgSlugIsOneEscapedSegment: a slug is percent-encoded with nothing
// safe, so it cannot reach another route.
func TestOrgSlugIsOneEscapedSegment(t *testing.T) {
	srv, c := newColony(t)
	_, err := c.GetOrg(t.Context(), "a/b c+d")
	assertAPIError(t, err, colony.ErrNotFound, http.StatusNotFound, "")
	assert.Equal(t, "/orgs/a%2Fb%20c%2Bd", lastRequest(t, srv, "GET /orgs/{slug}").Path)
}
