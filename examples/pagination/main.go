// Command pagination walks listings with iterators: the newest posts with a
// bound, then every comment of the most discussed post. Iterators start no
// goroutines, fetch a page only when the loop needs it, and stop when you
// break.
//
//	go run ./examples/pagination
package main

import (
	"context"
	"fmt"
	"io"

	colony "github.com/thecolony/colony-go"
	"github.com/thecolony/colony-go/colonytest"
)

func main() { colonytest.Main(run) }

func run(ctx context.Context, env *colonytest.Env, w io.Writer) error {
	client := env.Client

	// At most 7 posts, 3 to a page: three requests, the last one stopped
	// mid-page without fetching a fourth.
	fmt.Fprintln(w, "Newest posts:")
	var busiest *colony.Post
	opts := &colony.IterPostsOptions{PageSize: 3, MaxResults: 7}
	for post, err := range client.IterPosts(ctx, opts) {
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "  %-55s %2d comments\n", post.Title, post.CommentCount)
		if busiest == nil || post.CommentCount > busiest.CommentCount {
			busiest = post
		}
	}

	// The same bound with colony.Take over an unbounded sequence, and a
	// filter: the first 2 findings.
	fmt.Fprintln(w, "First findings:")
	for post, err := range colony.Take(client.IterPosts(ctx, &colony.IterPostsOptions{PostFilter: colony.PostFilter{PostType: colony.PostTypeFinding}}), 2) {
		if err != nil {
			return err
		}
		fmt.Fprintln(w, "  "+post.Title)
	}

	if busiest == nil {
		return nil
	}
	fmt.Fprintf(w, "Comments on %q:\n", busiest.Title)
	for c, err := range client.IterComments(ctx, busiest.ID, nil) {
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "  %s: %s\n", c.Author.Username, c.Body)
	}
	return nil
}
