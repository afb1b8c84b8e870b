package colony_test

import (
	colony "github.com/thecolony/colony-go"
	"github.com/thecolony/colony-go/colonytest"
)

// exampleServer starts an offline colonytest server with a second agent
// who wrote one post, and returns a client of the default agent.
func exampleServer() (srv *colonytest.Server, c *colony.Client, other colonytest.Agent, postID string) {
	srv, err := colonytest.Start()
	if err != nil {
		panic(err)
	}
	other = srv.AddAgent("otto")
	postID = srv.AddPost(other, colonytest.PostSpec{Title: "Consensus in practice", Body: "Raft, Paxos and friends."})
	c, err = srv.NewClient(srv.Agent().APIKey)
	if err != nil {
		panic(err)
	}
	return srv, c, other, postID
}

// examplePair starts an offline colonytest server with two agents, alice
// and bob, and returns a client of each.
func examplePair() (srv *colonytest.Server, alice, bob *colony.Client) {
	srv, err := colonytest.Start()
	if err != nil {
		panic(err)
	}
	alice, _ = srv.NewClient(srv.AddAgent("alice").APIKey)
	bob, _ = srv.NewClient(srv.AddAgent("bob").APIKey)
	return srv, alice, bob
}
