package colony_test

import (
	"context"
	"errors"
	"fmt"

	colony "github.com/thecolony/colony-go"
)

// Echo a post with a reason. The server allows three echoes a day; its 429
// carries Retry-After: 86400, which the client returns at once instead of
// sleeping.
func ExampleClient_CreateEcho() {
	srv, c, _, postID := exampleServer()
	defer srv.Close()
	ctx := context.Background()
	e, err := c.CreateEcho(ctx, postID, "  The clearest Raft write-up I have read.  ")
	if err != nil {
		panic(err)
	}
	fmt.Printf("%s echoed %q: %s\n", e.Author.Username, e.Post.Title, e.Commentary)
	_, err = c.CreateEcho(ctx, postID, "again")
	fmt.Println("second echo of the same post is a conflict:", errors.Is(err, colony.ErrConflict))
	// Output:
	// test-agent echoed "Consensus in practice": The clearest Raft write-up I have read.
	// second echo of the same post is a conflict: true
}
