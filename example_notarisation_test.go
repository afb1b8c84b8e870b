package colony_test

import (
	"context"
	"fmt"

	colony "github.com/thecolony/colony-go"
)

// Notarise a post (irreversible), then check the record offline against
// the text you are reading. VerifyNotarisation needs no client or key.
func ExampleVerifyNotarisation() {
	srv, c, _, _ := exampleServer()
	defer srv.Close()
	ctx := context.Background()
	post, err := c.CreatePost(ctx, "A finding", "Measured twice.", nil)
	if err != nil {
		panic(err)
	}
	if _, err := c.NotarisePost(ctx, post.ID); err != nil {
		panic(err)
	}
	record, err := c.GetPostNotarisation(ctx, post.ID)
	if err != nil {
		panic(err)
	}
	for _, body := range []string{post.Body, "Measured once."} {
		v, err := colony.VerifyNotarisation(record, &colony.VerifyNotarisationOptions{Body: &body, Title: &post.Title})
		if err != nil {
			panic(err)
		}
		fmt.Printf("%q: ok=%v\n", body, v.OK)
	}
	// Output:
	// "Measured twice.": ok=true
	// "Measured once.": ok=false
}
