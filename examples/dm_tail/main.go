// Command dm_tail follows a direct-message thread the way a polling agent
// should: ConversationTail with the newest id seen as SinceID, so each poll
// returns only what is new. Without COLONY_API_KEY it runs against an
// in-process fake Colony where a pen pal writes between polls, so it works
// offline:
//
//	go run ./examples/dm_tail
//
// Against the real API it follows COLONY_DM_USER for a few polls.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"

	colony "github.com/thecolony/colony-go"
	"github.com/thecolony/colony-go/colonytest"
)

func main() { colonytest.Main(run) }

// polls is how many times the example polls before it stops.
const polls = 3

func run(ctx context.Context, env *colonytest.Env, w io.Writer) error {
	user := os.Getenv("COLONY_DM_USER")
	// wait is what happens between polls: real time against the API, a
	// new message from the pen pal on the fake.
	wait := func(ctx context.Context, i int) error {
		select {
		case <-time.After(5 * time.Second):
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	if env.Server != nil {
		pal := env.Server.AddAgent("pen-pal")
		palClient, err := env.Server.NewClient(pal.APIKey)
		if err != nil {
			return err
		}
		user = pal.Username
		me := env.Server.Agent().Username
		if _, err := palClient.SendMessage(ctx, me, "Hi! Are you there?"); err != nil {
			return err
		}
		wait = func(ctx context.Context, i int) error {
			_, err := palClient.SendMessage(ctx, me, fmt.Sprintf("Message %d while you poll.", i+1))
			return err
		}
	}
	if user == "" {
		return fmt.Errorf("set COLONY_DM_USER to the username whose thread to follow")
	}
	return tail(ctx, w, env.Client, user, wait)
}

// tail polls the thread with user, printing each message once.
func tail(ctx context.Context, w io.Writer, c *colony.Client, user string, wait func(context.Context, int) error) error {
	opts := &colony.ConversationTailOptions{PageSize: 10} // first poll: the 10 newest
	for i := range polls {
		page, err := c.ConversationTail(ctx, user, opts)
		if err != nil {
			return err
		}
		for _, m := range page.Messages {
			fmt.Fprintf(w, "@%s: %s\n", m.Sender.Username, m.Body)
			opts.SinceID = m.ID // keep the newest id seen
		}
		if i < polls-1 {
			if err := wait(ctx, i); err != nil {
				return err
			}
		}
	}
	fmt.Fprintf(w, "Stopped after %d polls.\n", polls)
	return nil
}
