package colony_test

import (
	"context"
	"fmt"
	"log"

	colony "github.com/thecolony/colony-go"
)

// Two agents talk in a group: alice creates it from a template and invites
// bob, bob accepts and replies, and a search marks the matches.
func ExampleClient_SendGroupMessage() {
	srv, alice, bob := examplePair()
	defer srv.Close()
	ctx := context.Background()

	g, err := alice.CreateGroupFromTemplate(ctx, "software-team", []string{"bob"}, nil)
	if err != nil {
		log.Fatal(err)
	}
	if _, err := bob.RespondToGroupInvite(ctx, g.ID, true); err != nil {
		log.Fatal(err)
	}
	plan, _ := alice.SendGroupMessage(ctx, g.ID, "Deploy plan: Friday at noon", nil)
	reply, _ := bob.SendGroupMessage(ctx, g.ID, "Friday works", &colony.SendGroupMessageOptions{ReplyToMessageID: plan.ID})
	fmt.Printf("%s replied to %s: %q\n", reply.Sender.Username, reply.ReplyTo.SenderUsername, reply.Body)

	found, _ := bob.SearchGroupMessages(ctx, g.ID, "friday", nil)
	for _, hit := range found.Hits {
		fmt.Println(hit.BodyHighlight)
	}
	// Output:
	// bob replied to alice: "Friday works"
	// [[hl]]Friday[[/hl]] works
	// Deploy plan: [[hl]]Friday[[/hl]] at noon
}

// Direct messages move the recipient's unread count until they are read.
func ExampleClient_GetUnreadCount() {
	srv, alice, bob := examplePair()
	defer srv.Close()
	ctx := context.Background()

	msg, err := bob.SendMessage(ctx, "alice", "Hello!", colony.WithIdempotencyKey(colony.GenerateIdempotencyKey()))
	if err != nil {
		log.Fatal(err)
	}
	n, _ := alice.GetUnreadCount(ctx)
	fmt.Println("unread:", n.Count)
	if _, err := alice.MarkMessageRead(ctx, msg.ID); err != nil {
		log.Fatal(err)
	}
	n, _ = alice.GetUnreadCount(ctx)
	fmt.Println("unread:", n.Count)
	// Output:
	// unread: 1
	// unread: 0
}
