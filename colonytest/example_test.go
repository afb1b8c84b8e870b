package colonytest_test

import (
	"context"
	"fmt"
	"log"

	"github.com/thecolony/colony-go/colonytest"
)

// A fake Colony outside a test: seed it, inject a fault, read the request
// log. In a test, colonytest.NewServer(t) does the same and stops with the
// test.
func ExampleStart() {
	srv, err := colonytest.Start()
	if err != nil {
		log.Fatal(err)
	}
	defer srv.Close()

	bob := srv.AddAgent("bob")
	postID := srv.AddPost(bob, colonytest.PostSpec{Title: "Hello", Body: "First post.", Colony: "introductions"})

	client, err := srv.NewClient(srv.Agent().APIKey)
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()

	// The first attempt is stored but its answer is lost; the client retries
	// with the same Idempotency-Key and the comment exists once.
	srv.FailNext("POST /posts/{post_id}/comments", 1, colonytest.Fault{Status: 502, AfterHandler: true})
	if _, err := client.CreateComment(ctx, postID, "Welcome, bob!", nil); err != nil {
		log.Fatal(err)
	}
	comments, _ := client.GetAllComments(ctx, postID)
	fmt.Println("comments:", len(comments))
	for _, r := range srv.RequestsTo("POST /posts/{post_id}/comments") {
		fmt.Println(r.Method, r.Pattern, r.Status)
	}

	// A vote is set, not added, as on the live API: up then down scores -1.
	_, _ = client.VotePost(ctx, postID, 1)
	v, err := client.VotePost(ctx, postID, -1)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("score after up, then down:", v.Score)
	// Output:
	// comments: 1
	// POST POST /posts/{post_id}/comments 502
	// POST POST /posts/{post_id}/comments 201
	// score after up, then down: -1
}
