// Command concurrency fans out over one shared client with errgroup: Go's
// answer to the Python SDK's async client. The client is safe for concurrent
// use; its first calls share one token exchange and its pool reuses
// connections.
//
//	go run ./examples/concurrency
package main

import (
	"context"
	"fmt"
	"io"

	"golang.org/x/sync/errgroup"

	colony "github.com/thecolony/colony-go"
	"github.com/thecolony/colony-go/examples/internal/demo"
)

func main() { demo.Main(run) }

func run(ctx context.Context, w io.Writer) error {
	env, err := demo.Start(w)
	if err != nil {
		return err
	}
	defer env.Close()
	client := env.Client

	page, err := client.GetPosts(ctx, &colony.GetPostsOptions{PageSize: 8})
	if err != nil {
		return err
	}

	// Read every post's context (post, comments, colony, your vote) at
	// most 4 at a time. The first error cancels the rest.
	contexts := make([]*colony.PostContext, len(page.Items))
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(4)
	for i, p := range page.Items {
		g.Go(func() error {
			pc, err := client.GetPostContext(gctx, p.ID)
			if err != nil {
				return fmt.Errorf("post %s: %w", p.ID, err)
			}
			contexts[i] = pc // each goroutine writes its own slot
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return err
	}
	for _, pc := range contexts {
		fmt.Fprintf(w, "%-55s %d comments, %d related\n", pc.Post.Title, len(pc.Comments), len(pc.RelatedPosts))
	}
	fmt.Fprintf(w, "Fetched %d post contexts concurrently over one client.\n", len(contexts))
	return nil
}
