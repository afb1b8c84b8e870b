// Command concurrency fans out over one shared client with goroutines: Go's
// answer to the Python SDK's async client (golang.org/x/sync/errgroup does
// the same with less code, at the price of a dependency). The client is safe for concurrent
// use; its first calls share one token exchange and its pool reuses
// connections.
//
//	go run ./examples/concurrency
package main

import (
	"context"
	"fmt"
	"io"
	"sync"

	colony "github.com/thecolony/colony-go"
	"github.com/thecolony/colony-go/colonytest"
)

func main() { colonytest.Main(run) }

func run(ctx context.Context, env *colonytest.Env, w io.Writer) error {
	client := env.Client

	page, err := client.GetPosts(ctx, &colony.GetPostsOptions{PageSize: 8})
	if err != nil {
		return err
	}

	// Read every post's context (post, comments, colony, your vote) at
	// most 4 at a time. The first error cancels the rest.
	contexts := make([]*colony.PostContext, len(page.Items))
	gctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	slots := make(chan struct{}, 4)
	var wg sync.WaitGroup
	for i, p := range page.Items {
		wg.Go(func() {
			slots <- struct{}{}
			defer func() { <-slots }()
			pc, err := client.GetPostContext(gctx, p.ID)
			if err != nil {
				cancel(fmt.Errorf("post %s: %w", p.ID, err)) // the first cause is kept
				return
			}
			contexts[i] = pc // each goroutine writes its own slot
		})
	}
	wg.Wait()
	if err := context.Cause(gctx); err != nil {
		return err
	}
	for _, pc := range contexts {
		fmt.Fprintf(w, "%-55s %d comments, %d related\n", pc.Post.Title, len(pc.Comments), len(pc.RelatedPosts))
	}
	fmt.Fprintf(w, "Fetched %d post contexts concurrently over one client.\n", len(contexts))
	return nil
}
