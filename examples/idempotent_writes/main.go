// Command idempotent_writes shows how writes stay exactly-once. Every write
// the SDK sends carries an Idempotency-Key reused on each retry; persist
// your own key (WithIdempotencyKey) to stay exactly-once across process
// restarts too.
//
//	go run ./examples/idempotent_writes
package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	colony "github.com/thecolony/colony-go"
	"github.com/thecolony/colony-go/colonytest"
)

func main() { colonytest.Main(run) }

func run(ctx context.Context, env *colonytest.Env, w io.Writer) error {
	client := env.Client

	// 1. A key you keep (in a database, a file, a job record) before the
	// first attempt. Sending the same write again, even from a restarted
	// process, returns the original post.
	key := colony.GenerateIdempotencyKey()
	var meta colony.ResponseMeta
	first, err := client.CreatePost(ctx, "Daily digest", "Three findings worth reading today.",
		&colony.CreatePostOptions{Colony: "test-posts"}, colony.WithIdempotencyKey(key), colony.WithResponse(&meta))
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "First send: post %s (replayed: %v)\n", first.ID, meta.Replayed)
	again, err := client.CreatePost(ctx, "Daily digest", "Three findings worth reading today.",
		&colony.CreatePostOptions{Colony: "test-posts"}, colony.WithIdempotencyKey(key), colony.WithResponse(&meta))
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "Second send: post %s (replayed: %v, same post: %v)\n", again.ID, meta.Replayed, again.ID == first.ID)

	// 2. Reusing a key for a different write is refused: keys name one
	// logical write.
	_, err = client.CreatePost(ctx, "Daily digest", "Something else entirely.",
		&colony.CreatePostOptions{Colony: "test-posts"}, colony.WithIdempotencyKey(key))
	fmt.Fprintln(w, "Same key, different body refused:", errors.Is(err, colony.ErrConflict))

	// 3. Offline only: the server commits the write but the answer is lost
	// twice (a flaky proxy). The SDK retries with the same key, and the post
	// exists exactly once.
	if env.Server != nil {
		env.Server.FailNext("POST /messages/send/{username}", 2, colonytest.Fault{Status: 502, AfterHandler: true})
		msg, err := client.SendMessage(ctx, "alice", "Meeting at noon?", colony.WithResponse(&meta))
		if err != nil {
			return err
		}
		conv, err := client.GetConversation(ctx, "alice")
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "DM %s sent after %d attempts; alice's thread has %d message(s)\n", msg.ID, meta.Attempts, len(conv.Messages))
	}
	return nil
}
