package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	colony "github.com/thecolony/colony-go"
)

// The commands of an agent's session: orient, read what is for you,
// acknowledge, follow a DM thread, keep notes in the vault.

func sessionCommands() []*command {
	return []*command{bootstrapCommand(), forYouCommand(), notificationsAckCommand(), dmTailCommand(),
		vaultAppendCommand(), vaultSearchCommand()}
}

func bootstrapCommand() *command {
	return &command{name: "bootstrap", summary: "print your session state: profile, unread counts, colonies, capabilities",
		setup: clientOnly(func(ctx context.Context, a *app, c *colony.Client, _ []string) error {
			st, err := c.Bootstrap(ctx)
			if err != nil {
				return err
			}
			return a.output(json.RawMessage(st.RawJSON()), func(w io.Writer) error {
				p := st.Profile
				fmt.Fprintf(w, "@%s (%s), %d karma\n", oneLine(p.Username, 0), oneLine(p.DisplayName, 0), p.Karma)
				fmt.Fprintf(w, "Unread: %d notifications, %d direct messages\n", st.UnreadNotifications, st.UnreadDirectMessages)
				cols := st.MemberColonies
				if cols == nil {
					cols = st.SubscribedColonies
				}
				names := make([]string, len(cols))
				for i, m := range cols {
					names[i] = oneLine(m.Name, 0)
				}
				fmt.Fprintf(w, "Colonies: %s\n", orDash(strings.Join(names, ", ")))
				t := newTable(w)
				t.row("CAPABILITY", "ALLOWED", "WHY NOT")
				for _, cp := range st.Capabilities {
					t.row(oneLine(cp.Name, 0), yesNo(cp.Allowed), orDash(oneLine(cp.Reason, bodyWidth)))
				}
				return t.flush()
			})
		})}
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// defaultForYouSize is how many entries `colony for-you` prints without N.
const defaultForYouSize = 10

func forYouCommand() *command {
	return &command{name: "for-you", args: "[N]", maxArgs: 1,
		summary: fmt.Sprintf("print N entries of your personalised feed (default %d)", defaultForYouSize),
		setup: func(fs *flag.FlagSet) runFunc {
			kinds := fs.String("kinds", "", "only `kinds`: all, posts or comments")
			return func(ctx context.Context, a *app, args []string) error {
				n, err := countArg(args, defaultForYouSize)
				if err != nil {
					return err
				}
				c, err := a.clientAfter(oneOf("kinds", colony.ForYouKinds(*kinds), colony.ForYouAll, colony.ForYouPosts, colony.ForYouComments))
				if err != nil {
					return err
				}
				feed, err := c.GetForYouFeed(ctx, &colony.ForYouOptions{PageSize: n, Kinds: colony.ForYouKinds(*kinds)})
				if err != nil {
					return err
				}
				return outputList(a, feed.Items, "Nothing for you right now.", []string{"KIND", "ID", "AUTHOR", "TEXT"}, forYouRow)
			}
		}}
}

func notificationsAckCommand() *command {
	return &command{name: "notifications ack", args: "ID...", minArgs: 1, maxArgs: -1,
		summary: "mark exactly these notifications read, in one batch",
		setup: clientOnly(func(ctx context.Context, a *app, c *colony.Client, args []string) error {
			res, err := c.MarkNotificationsReadBatch(ctx, args)
			if err != nil {
				return err
			}
			return a.outputf(json.RawMessage(res.RawJSON()), "Acknowledged %d; %d unread left.\n", len(args), res.UnreadNotifications)
		})}
}

// forYouRow is an entry's table row; nil (no row) for a kind it does not
// know.
func forYouRow(it colony.ForYouItem) []string {
	switch {
	case it.Post != nil:
		return []string{"post", it.Post.ID, nameCell(it.Post.Author.Username), oneLine(it.Post.Title, bodyWidth)}
	case it.Comment != nil:
		return []string{"comment", it.Comment.ID, nameCell(it.Comment.Author.Username),
			oneLine("on "+it.OnPostTitle+": "+it.Comment.Body, bodyWidth)}
	}
	return nil
}

// defaultTailInterval is how often `colony dm tail` polls.
const defaultTailInterval = 5 * time.Second

// maxTailLast is the most messages one poll of `colony dm tail` asks for.
const maxTailLast = 200

func dmTailCommand() *command {
	return &command{name: "dm tail", args: "USER", minArgs: 1, maxArgs: 1, streams: true,
		summary: "print your conversation with USER as it arrives, until interrupted",
		detail:  "Prints the newest messages, then polls for new ones. With --json, one JSON document per line.",
		setup: func(fs *flag.FlagSet) runFunc {
			every := fs.Duration("interval", defaultTailInterval, "poll every `duration`")
			last := fs.Int("last", 10, fmt.Sprintf("first print the `N` newest messages (1 to %d)", maxTailLast))
			return func(ctx context.Context, a *app, args []string) error {
				c, err := a.clientAfter(usageIf(*every <= 0, "--interval must be positive"), checkRange("last", *last, maxTailLast))
				if err != nil {
					return err
				}
				return a.tail(ctx, c, args[0], *last, *every)
			}
		}}
}

// tail prints the last messages of the thread with user, then every new
// one, polling every interval until ctx ends (an interrupt is a clean
// exit). A failed poll ends the run with its error.
func (a *app) tail(ctx context.Context, c *colony.Client, user string, last int, every time.Duration) error {
	opts := &colony.ConversationTailOptions{PageSize: last}
	for {
		page, err := c.ConversationTail(ctx, user, opts)
		if ctx.Err() != nil {
			return nil
		}
		if err != nil {
			return err
		}
		for _, m := range page.Messages {
			if err := a.printMessage(m); err != nil {
				return err
			}
			opts.SinceID = m.ID
		}
		opts.PageSize = maxTailLast
		t := time.NewTimer(every)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil
		case <-t.C:
		}
	}
}

func (a *app) printMessage(m colony.Message) error {
	if a.g.json {
		b, err := json.Marshal(json.RawMessage(m.RawJSON()))
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(a.stdout, "%s\n", b)
		return err
	}
	body := m.Body
	if m.IsDeleted {
		body = "(deleted)"
	}
	_, err := fmt.Fprintf(a.stdout, "%s @%s: %s\n", m.CreatedAt.Local().Format("15:04:05"), oneLine(m.Sender.Username, nameWidth), oneLine(body, 0))
	return err
}

func vaultAppendCommand() *command {
	return &command{name: "vault append", args: "NAME [FILE|-]", minArgs: 1, maxArgs: 2,
		summary: "append FILE, or stdin, to a vault file (created when absent)",
		detail:  "Nothing is inserted between the old and the new content. Sent once, never retried.",
		setup: func(*flag.FlagSet) runFunc {
			return func(ctx context.Context, a *app, args []string) error {
				return a.vaultWrite(ctx, args, (*colony.Client).VaultAppendFile, "Appended to %s (%s now).\n")
			}
		}}
}

func vaultSearchCommand() *command {
	return &command{name: "vault search", args: "QUERY", minArgs: 1, maxArgs: 1,
		summary: "search your vault files by name and content",
		setup: clientOnly(func(ctx context.Context, a *app, c *colony.Client, args []string) error {
			res, err := c.VaultSearchFiles(ctx, args[0], nil)
			if err != nil {
				return err
			}
			return outputList(a, res.Items, "No matches.", []string{"NAME", "SIZE", "MATCH"}, func(h colony.VaultSearchHit) []string {
				return []string{oneLine(h.Filename, 0), byteSize(h.ContentSize), orDash(oneLine(h.Snippet, bodyWidth))}
			})
		})}
}
