package colony_test

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	colony "github.com/thecolony/colony-go"
	"github.com/thecolony/colony-go/colonytest"
)

// orgFixture is an organisation "acme" owned by alice with bob as a
// member and carol outside it.
type orgFixture struct {
	srv               *colonytest.Server
	alice, bob, carol *colony.Client
	bobAgent          colonytest.Agent
}

func newOrgFixture(t *testing.T) *orgFixture {
	srv := colonytest.NewServer(t)
	f := &orgFixture{srv: srv, alice: srv.Client(t), bobAgent: srv.AddAgent("bob")}
	f.bob, f.carol = srv.ClientFor(t, f.bobAgent), srv.ClientFor(t, srv.AddAgent("carol"))
	ctx := t.Context()
	_, err := f.alice.CreateOrg(ctx, "Acme", "acme", nil)
	require.NoError(t, err)
	inv, err := f.alice.InviteOrgMember(ctx, "acme", "bob", nil)
	require.NoError(t, err)
	_, err = f.bob.AcceptOrgInvitation(ctx, inv.ID)
	require.NoError(t, err)
	return f
}

// TestOrgServerRules: what colonytest refuses, as the live server would.
func TestOrgServerRules(t *testing.T) {
	tests := []struct {
		name   string
		call   func(ctx context.Context, f *orgFixture) error
		status int
		code   string
	}{
		{"a non-member cannot list members", func(ctx context.Context, f *orgFixture) error {
			return drop(f.carol.ListOrgMembers(ctx, "acme"))
		}, http.StatusForbidden, "ORG_NOT_MEMBER"},
		{"a member cannot start a domain challenge", func(ctx context.Context, f *orgFixture) error {
			return drop(f.bob.StartOrgDomainChallenge(ctx, "acme", "acme.example", colony.OrgDomainDNS))
		}, http.StatusForbidden, "ORG_ADMIN_REQUIRED"},
		{"a member cannot set the disclosure mode", func(ctx context.Context, f *orgFixture) error {
			return drop(f.bob.SetOrgDisclosure(ctx, "acme", colony.OrgDisclosureNone))
		}, http.StatusForbidden, "ORG_ADMIN_REQUIRED"},
		{"an admin cannot request deletion", func(ctx context.Context, f *orgFixture) error {
			if _, err := f.alice.SetOrgMemberRole(ctx, "acme", f.bobAgent.ID, colony.OrgRoleAdmin); err != nil {
				return err
			}
			return drop(f.bob.RequestOrgDeletion(ctx, "acme", nil))
		}, http.StatusForbidden, "ORG_OWNER_REQUIRED"},
		{"the owner cannot be demoted", func(ctx context.Context, f *orgFixture) error {
			return drop(f.alice.SetOrgMemberRole(ctx, "acme", f.srv.Agent().ID, colony.OrgRoleMember))
		}, http.StatusConflict, "ORG_OWNER_ROLE"},
		{"the owner cannot be removed", func(ctx context.Context, f *orgFixture) error {
			return f.alice.RemoveOrgMember(ctx, "acme", f.srv.Agent().ID)
		}, http.StatusConflict, "ORG_OWNER_ROLE"},
		{"a member is not invited again", func(ctx context.Context, f *orgFixture) error {
			return drop(f.alice.InviteOrgMember(ctx, "acme", "bob", nil))
		}, http.StatusConflict, "ORG_ALREADY_MEMBER"},
		{"one pending invitation per user", func(ctx context.Context, f *orgFixture) error {
			if _, err := f.alice.InviteOrgMember(ctx, "acme", "carol", nil); err != nil {
				return err
			}
			return drop(f.alice.InviteOrgMember(ctx, "acme", "carol", nil))
		}, http.StatusConflict, "ORG_ALREADY_INVITED"},
		{"invitations are member or admin", func(ctx context.Context, f *orgFixture) error {
			return drop(f.alice.InviteOrgMember(ctx, "acme", "carol", &colony.InviteOrgMemberOptions{Role: colony.OrgRoleOwner}))
		}, http.StatusUnprocessableEntity, ""},
		{"someone else's invitation is not found", func(ctx context.Context, f *orgFixture) error {
			inv, err := f.alice.InviteOrgMember(ctx, "acme", "carol", nil)
			if err != nil {
				return err
			}
			return drop(f.bob.AcceptOrgInvitation(ctx, inv.ID))
		}, http.StatusNotFound, ""},
		{"a route word is not a slug", func(ctx context.Context, f *orgFixture) error {
			return drop(f.alice.CreateOrg(ctx, "Invites", "invitations", nil))
		}, http.StatusConflict, "ORG_SLUG_TAKEN"},
		{"slugs are lowercase words and hyphens", func(ctx context.Context, f *orgFixture) error {
			return drop(f.alice.CreateOrg(ctx, "Bad", "Bad_Slug", nil))
		}, http.StatusUnprocessableEntity, ""},
		{"a daily cap on new organisations", func(ctx context.Context, f *orgFixture) error {
			for _, slug := range []string{"two", "three", "four"} {
				if _, err := f.alice.CreateOrg(ctx, "Org", slug, nil); err != nil {
					return err
				}
			}
			return nil
		}, http.StatusTooManyRequests, "QUOTA_EXCEEDED"},
		{"a karma floor on creation", func(ctx context.Context, f *orgFixture) error {
			low := f.srv.AddUser(colonytest.UserSpec{Username: "newbie", Karma: 1})
			c, err := f.srv.NewClient(low.APIKey)
			if err != nil {
				return err
			}
			return drop(c.CreateOrg(ctx, "Mine", "mine", nil))
		}, http.StatusForbidden, "KARMA_TOO_LOW"},
		{"a transfer goes to a member", func(ctx context.Context, f *orgFixture) error {
			return drop(f.alice.TransferOrgOwnership(ctx, "acme", f.srv.AddAgent("dave").ID))
		}, http.StatusNotFound, ""},
		{"a resource is an absolute URI", func(ctx context.Context, f *orgFixture) error {
			return drop(f.alice.AddOrgResource(ctx, "acme", "api.acme.example", nil))
		}, http.StatusUnprocessableEntity, ""},
		{"a resource is registered once", func(ctx context.Context, f *orgFixture) error {
			for range 2 {
				if _, err := f.alice.AddOrgResource(ctx, "acme", "https://api.acme.example", nil); err != nil {
					return err
				}
			}
			return nil
		}, http.StatusConflict, "ORG_RESOURCE_EXISTS"},
		{"scopes must not be blank on the server either", func(ctx context.Context, f *orgFixture) error {
			if _, err := f.alice.AddOrgResource(ctx, "acme", "https://api.acme.example", nil); err != nil {
				return err
			}
			return drop(f.alice.AddOrgDelegationGrant(ctx, "acme", "https://api.acme.example", []string{" "}, nil))
		}, http.StatusUnprocessableEntity, ""},
		{"one deletion request at a time", func(ctx context.Context, f *orgFixture) error {
			if _, err := f.alice.RequestOrgDeletion(ctx, "acme", nil); err != nil {
				return err
			}
			return drop(f.alice.RequestOrgDeletion(ctx, "acme", nil))
		}, http.StatusConflict, "ORG_DELETION_PENDING"},
		{"nothing to cancel", func(ctx context.Context, f *orgFixture) error {
			return f.alice.CancelOrgDeletion(ctx, "acme")
		}, http.StatusNotFound, ""},
		{"nothing to verify", func(ctx context.Context, f *orgFixture) error {
			return drop(f.alice.VerifyOrgDomain(ctx, "acme"))
		}, http.StatusNotFound, ""},
		{"a domain is a host name", func(ctx context.Context, f *orgFixture) error {
			return drop(f.alice.StartOrgDomainChallenge(ctx, "acme", "https://acme.example/", colony.OrgDomainHTTP))
		}, http.StatusUnprocessableEntity, ""},
		{"the challenge method is dns or http", func(ctx context.Context, f *orgFixture) error {
			return drop(f.alice.StartOrgDomainChallenge(ctx, "acme", "acme.example", colony.OrgDomainMethod("email")))
		}, http.StatusUnprocessableEntity, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.call(t.Context(), newOrgFixture(t))
			var apiErr *colony.APIError
			require.ErrorAs(t, err, &apiErr)
			assert.Equal(t, tt.status, apiErr.StatusCode)
			if tt.code != "" {
				assert.Equal(t, tt.code, apiErr.Code)
			}
		})
	}
}

// TestOrgVisibilityNeedsABoolean: the server refuses a visibility that is
// not a JSON boolean (the string "false" included), which SetOrgVisibility
// cannot send.
func TestOrgVisibilityNeedsABoolean(t *testing.T) {
	f := newOrgFixture(t)
	for _, body := range []string{`{"visible":"false"}`, `{}`} {
		_, err := f.bob.Raw(t.Context(), http.MethodPut, "/orgs/acme/visibility", json.RawMessage(body))
		var apiErr *colony.APIError
		require.ErrorAs(t, err, &apiErr, "body %s", body)
		assert.Equal(t, http.StatusUnprocessableEntity, apiErr.StatusCode)
	}
}
