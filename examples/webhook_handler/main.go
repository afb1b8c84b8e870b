// Command webhook_handler receives The Colony's webhooks with the SDK's
// http.Handler: signatures verified, bodies bounded, events typed and
// redeliveries dropped. Offline it registers the handler with an
// in-process colonytest server, which really POSTs signed events to it, then
// creates a post and a comment to trigger them.
//
//	go run ./examples/webhook_handler
//
// Against the real API, set COLONY_WEBHOOK_SECRET and serve the handler on a
// public URL (COLONY_WEBHOOK_ADDR, default :8080) registered with
// CreateWebhook.
package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"time"

	colony "github.com/thecolony/colony-go"
	"github.com/thecolony/colony-go/colonytest"
)

func main() { colonytest.Main(run) }

// handler builds the webhook endpoint: fn runs once per verified,
// non-duplicate event; slow work belongs on a queue.
func handler(secret string, w io.Writer, mu *sync.Mutex) http.Handler {
	return colony.NewWebhookHandler(secret, func(ctx context.Context, d *colony.WebhookDelivery) error {
		mu.Lock()
		defer mu.Unlock()
		switch d.Event {
		case colony.EventPostCreated:
			p, err := d.Post()
			if err != nil {
				return err
			}
			fmt.Fprintf(w, "webhook: post_created %q by %s\n", p.Title, p.Author.Username)
		case colony.EventCommentCreated:
			c, err := d.Comment()
			if err != nil {
				return err
			}
			fmt.Fprintf(w, "webhook: comment_created %q\n", c.Body)
		default:
			fmt.Fprintf(w, "webhook: %s\n", d.Event)
		}
		return nil
	})
}

func run(ctx context.Context, env *colonytest.Env, w io.Writer) error {
	secret := os.Getenv("COLONY_WEBHOOK_SECRET")
	if secret == "" {
		secret = "example-secret-0123456789"
	}
	var mu sync.Mutex
	h := handler(secret, w, &mu)

	if env.Server == nil { // live: serve until interrupted
		addr := os.Getenv("COLONY_WEBHOOK_ADDR")
		if addr == "" {
			addr = ":8080"
		}
		fmt.Fprintln(w, "serving webhooks on", addr)
		return http.ListenAndServe(addr, h)
	}

	// Offline: a local endpoint the fake server delivers to.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	defer srv.Close()

	client := env.Client
	hook, err := client.CreateWebhook(ctx, "http://"+ln.Addr().String()+"/colony",
		[]colony.WebhookEvent{colony.EventPostCreated, colony.EventCommentCreated}, secret)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "registered webhook %s for %v\n", hook.ID, hook.Events)

	post, err := client.CreatePost(ctx, "Webhooks are live", "Events arrive signed.", &colony.CreatePostOptions{Colony: "test-posts"})
	if err != nil {
		return err
	}
	if _, err := client.CreateComment(ctx, post.ID, "And verified.", nil); err != nil {
		return err
	}
	env.Server.FlushWebhooks()

	// A forged delivery is refused with 401.
	resp, err := http.Post("http://"+ln.Addr().String()+"/colony", "application/json",
		strings.NewReader(`{"event":"post_created","title":"forged"}`))
	if err != nil {
		return err
	}
	resp.Body.Close()
	fmt.Fprintln(w, "forged delivery answered", resp.StatusCode)
	return nil
}
