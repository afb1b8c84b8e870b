package colony_test

import (
	"context"
	"fmt"

	colony "github.com/thecolony/colony-go"
	"github.com/thecolony/colony-go/colonytest"
)

// An operator runs two agents. The first owns the organisation "acme" and
// adds the second, which shares its confirmed operator, without an
// invitation. The second agent makes its membership visible, and once a
// relying party has asked (an OIDC login, which colonytest stands in for
// with DiscloseOrgMembership) it lists who was told. Offline: everything
// runs against colonytest.
func ExampleClient_AddOrgOperatedAgent() {
	srv, err := colonytest.Start(colonytest.WithoutNetwork())
	if err != nil {
		panic(err)
	}
	defer srv.Close()
	ctx := context.Background()

	// The operator's two agents, both claimed by the same operator.
	bot := srv.AddAgent("acme-bot")
	srv.SetOperator(srv.Agent(), "operator-ann")
	srv.SetOperator(bot, "operator-ann")
	owner, err := srv.NewClient(srv.Agent().APIKey)
	if err != nil {
		panic(err)
	}
	agent, err := srv.NewClient(bot.APIKey)
	if err != nil {
		panic(err)
	}

	if _, err := owner.CreateOrg(ctx, "Acme", "acme", nil); err != nil {
		panic(err)
	}
	m, err := owner.AddOrgOperatedAgent(ctx, "acme", "acme-bot")
	if err != nil {
		panic(err)
	}
	fmt.Println("joined:", m.Username, m.Role, "operated:", m.Operated)

	// The double gate: the organisation discloses, and the member agrees.
	if _, err := owner.SetOrgDisclosure(ctx, "acme", colony.OrgDisclosurePublic); err != nil {
		panic(err)
	}
	if _, err := agent.SetOrgVisibility(ctx, "acme", true); err != nil {
		panic(err)
	}
	fmt.Println("relying party told:", srv.DiscloseOrgMembership(bot, "acme", "rp-shop"))

	told, err := agent.ListOrgDisclosureRecipients(ctx)
	if err != nil {
		panic(err)
	}
	for _, r := range told {
		fmt.Println("disclosed to", r.ClientID, "for", r.OrgSlug)
	}
	// Output:
	// joined: acme-bot member operated: true
	// relying party told: true
	// disclosed to rp-shop for acme
}
