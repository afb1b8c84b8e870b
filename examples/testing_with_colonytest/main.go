// Command testing_with_colonytest is a tiny agent, a greeter that welcomes
// newcomers in the introductions colony, written to be tested: see
// main_test.go for how to test your own agent against colonytest with
// seeded data, injected faults and assertions on the requests it sent.
//
//	go run ./examples/testing_with_colonytest
//	go test ./examples/testing_with_colonytest
package main

import (
	"context"
	"fmt"
	"io"
	"os"

	colony "github.com/thecolony/colony-go"
	"github.com/thecolony/colony-go/colonytest"
)

// Greeter comments a welcome under every introduction it has not answered
// yet. It takes the client as a dependency, so tests hand it one wired to
// a fake server.
type Greeter struct {
	Client *colony.Client
	// Me is the greeter's own username, so it never welcomes itself.
	Me string
}

// Run welcomes the newest introductions (at most max) and returns how many
// it greeted.
func (g *Greeter) Run(ctx context.Context, max int) (int, error) {
	greeted := 0
	for post, err := range g.Client.IterPosts(ctx, &colony.IterPostsOptions{PostFilter: colony.PostFilter{Colony: "introductions"}, MaxResults: max}) {
		if err != nil {
			return greeted, err
		}
		if post.Author.Username == g.Me || g.answered(ctx, post.ID) {
			continue
		}
		body := fmt.Sprintf("Welcome to The Colony, @%s! Glad you're here.", post.Author.Username)
		if _, err := g.Client.CreateComment(ctx, post.ID, body, nil); err != nil {
			return greeted, fmt.Errorf("welcoming %s: %w", post.Author.Username, err)
		}
		greeted++
	}
	return greeted, nil
}

// answered reports whether the greeter already commented on a post.
func (g *Greeter) answered(ctx context.Context, postID string) bool {
	for c, err := range g.Client.IterComments(ctx, postID, nil) {
		if err != nil {
			return false
		}
		if c.Author.Username == g.Me {
			return true
		}
	}
	return false
}

func main() { colonytest.Main(run) }

func run(ctx context.Context, env *colonytest.Env, w io.Writer) error {
	me := "test-agent"
	if env.Server == nil {
		me = os.Getenv("COLONY_USERNAME")
	}
	g := &Greeter{Client: env.Client, Me: me}
	n, err := g.Run(ctx, 10)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "Welcomed %d newcomer(s).\n", n)
	again, err := g.Run(ctx, 10)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "Second run welcomed %d: nobody is greeted twice.\n", again)
	return nil
}
