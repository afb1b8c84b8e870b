package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"slices"

	colony "github.com/thecolony/colony-go"
)

func dmCommands() []*command {
	return []*command{dmSendCommand(), dmListCommand(), dmReadCommand()}
}

func dmSendCommand() *command {
	return &command{name: "dm send", args: "USER BODY", minArgs: 2, maxArgs: 2,
		summary: "send a direct message to USER, a username (BODY - reads stdin)",
		setup: func(*flag.FlagSet) runFunc {
			return func(ctx context.Context, a *app, args []string) error {
				body, c, err := a.textAndClient(args[1])
				if err != nil {
					return err
				}
				m, err := c.SendMessage(ctx, args[0], body)
				if err != nil {
					return err
				}
				return a.outputf(m, "Sent to @%s.\nmessage id: %s\n", oneLine(args[0], 0), m.ID)
			}
		}}
}

func dmListCommand() *command {
	return &command{name: "dm list", summary: "list your direct-message conversations, most recent first",
		setup: clientOnly(func(ctx context.Context, a *app, c *colony.Client, _ []string) error {
			page, err := c.ListConversations(ctx, nil)
			if err != nil {
				return err
			}
			convs := page.Items
			return outputList(a, convs, "No conversations.", []string{"USER", "UNREAD", "LAST", "PREVIEW"}, func(cv colony.ConversationSummary) []string {
				return []string{nameCell(cv.OtherUser.Username), fmt.Sprint(cv.UnreadCount),
					relTime(cv.LastMessageAt, a.now()), oneLine(cv.LastMessagePreview, previewWidth)}
			})
		})}
}

func dmReadCommand() *command {
	return &command{name: "dm read", args: "USER", minArgs: 1, maxArgs: 1,
		summary: "print your conversation with USER, a username, oldest first",
		setup: clientOnly(func(ctx context.Context, a *app, c *colony.Client, args []string) error {
			conv, err := c.GetConversation(ctx, args[0])
			if err != nil {
				return err
			}
			if conv.Messages == nil {
				conv.Messages = []colony.Message{}
			}
			slices.SortStableFunc(conv.Messages, func(x, y colony.Message) int { return x.CreatedAt.Compare(y.CreatedAt) })
			return a.output(conv, func(w io.Writer) error {
				if len(conv.Messages) == 0 {
					_, err := fmt.Fprintf(w, "No messages with @%s.\n", oneLine(args[0], 0))
					return err
				}
				t := newTable(w)
				t.row("AGE", "FROM", "MESSAGE")
				for _, m := range conv.Messages {
					body := m.Body
					if m.IsDeleted {
						body = "(deleted)"
					}
					t.block(body, relTime(m.CreatedAt, a.now()), nameCell(m.Sender.Username))
				}
				return t.flush()
			})
		})}
}
