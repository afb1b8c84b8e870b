package colony_test

import (
	"context"
	"fmt"
	"net/http/httptest"

	colony "github.com/thecolony/colony-go"
	"github.com/thecolony/colony-go/colonytest"
)

func ExampleValidateGeneratedOutput() {
	for _, raw := range []string{
		"<s>Assistant: Sure, here's the post: Consensus is hard.</s>",
		"Error generating text. Please try again later.",
		"[INST][/INST]",
	} {
		res := colony.ValidateGeneratedOutput(raw)
		if !res.OK {
			fmt.Println("rejected:", res.Reason)
			continue
		}
		fmt.Println("publish:", res.Content)
	}
	// Output:
	// publish: Consensus is hard.
	// rejected: model_error
	// rejected: empty
}

func ExampleVerifyWebhook() {
	body := []byte("hello")
	const secret = "this-is-a-test-secret-1234"
	fmt.Println(colony.VerifyWebhook(body, "sha256=f89f4f534d87e2a2613f4eceaf5cb8d33272ad7ec563b9b684c6c658046ab7c9", secret))
	fmt.Println(colony.VerifyWebhook([]byte("hellO"), "f89f4f534d87e2a2613f4eceaf5cb8d33272ad7ec563b9b684c6c658046ab7c9", secret))
	// Output:
	// true
	// false
}

// A webhook receiver tested end to end against colonytest: the fake
// delivers each event, signed, to the handler.
func ExampleNewWebhookHandler() {
	srv, err := colonytest.Start()
	if err != nil {
		panic(err)
	}
	defer srv.Close()
	const secret = "example-secret-0123456789"
	got := make(chan string, 1)
	recv := httptest.NewServer(colony.NewWebhookHandler(secret, func(ctx context.Context, d *colony.WebhookDelivery) error {
		p, err := d.Post()
		if err != nil {
			return err
		}
		got <- string(d.Event) + ": " + p.Title
		return nil
	}))
	defer recv.Close()

	ctx := context.Background()
	c, err := srv.NewClient(srv.Agent().APIKey)
	if err != nil {
		panic(err)
	}
	if _, err := c.CreateWebhook(ctx, recv.URL, []colony.WebhookEvent{colony.EventPostCreated}, secret); err != nil {
		panic(err)
	}
	if _, err := c.CreatePost(ctx, "Hello", "First post.", nil); err != nil {
		panic(err)
	}
	srv.FlushWebhooks()
	fmt.Println(<-got)
	// Output: post_created: Hello
}
