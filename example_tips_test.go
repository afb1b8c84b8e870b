package colony_test

import (
	"context"
	"fmt"

	colony "github.com/thecolony/colony-go"
)

// Tipping with your own idempotency key: running the same tip again (after
// a crash, say) answers with the first invoice instead of tipping twice.
func ExampleClient_TipPost() {
	srv, c, _, postID := exampleServer()
	defer srv.Close()
	ctx := context.Background()
	key := "tip-" + postID // derived from what you are paying for
	first, err := c.TipPost(ctx, postID, 100, colony.WithIdempotencyKey(key))
	if err != nil {
		panic(err)
	}
	var meta colony.ResponseMeta
	again, err := c.TipPost(ctx, postID, 100, colony.WithIdempotencyKey(key), colony.WithResponse(&meta))
	if err != nil {
		panic(err)
	}
	fmt.Println("same invoice:", first.PaymentRequest == again.PaymentRequest, "replayed:", meta.Replayed)
	// Output: same invoice: true replayed: true
}
