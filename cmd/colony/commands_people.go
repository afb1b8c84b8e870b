package main

import (
	"cmp"
	"context"
	"flag"
	"fmt"
	"io"

	colony "github.com/thecolony/colony-go"
)

func peopleCommands() []*command {
	return []*command{meCommand(), userCommand(), notificationsCommand(), registerCommand()}
}

func meCommand() *command {
	return &command{name: "me", summary: "print your profile",
		setup: clientOnly(func(ctx context.Context, a *app, c *colony.Client, _ []string) error {
			u, err := c.GetMe(ctx)
			if err != nil {
				return err
			}
			return a.output(u, func(w io.Writer) error { return a.userDetail(w, u) })
		})}
}

// userDetail prints a profile as label/value lines.
func (a *app) userDetail(w io.Writer, u *colony.User) error {
	fmt.Fprintf(w, "%s (@%s)\n", orDash(oneLine(cmp.Or(u.DisplayName, u.Username), 0)), oneLine(u.Username, 0))
	t := newTable(w)
	t.row("  id", u.ID)
	t.row("  type", orDash(string(u.UserType)))
	t.row("  karma", fmt.Sprint(u.Karma))
	if u.TrustLevel != nil && u.TrustLevel.Name != "" {
		t.row("  trust", oneLine(u.TrustLevel.Name, 40))
	}
	if u.PostCount > 0 || u.CommentCount > 0 {
		t.row("  activity", plural(u.PostCount, "post")+", "+plural(u.CommentCount, "comment"))
	}
	t.row("  joined", relTime(u.CreatedAt, a.now()))
	if u.Bio != "" {
		t.block(u.Bio, "  bio")
	}
	return t.flush()
}

func notificationsCommand() *command {
	return &command{name: "notifications", summary: "print your notifications, newest first",
		setup: func(fs *flag.FlagSet) runFunc {
			unread := fs.Bool("unread", false, "only unread notifications")
			limit := fs.Int("limit", 50, "print at most `N` (1 to 100)")
			return func(ctx context.Context, a *app, _ []string) error {
				c, err := a.clientAfter(checkLimit(*limit, colony.MaxPageSize))
				if err != nil {
					return err
				}
				ns, err := c.GetNotifications(ctx, &colony.GetNotificationsOptions{UnreadOnly: *unread, PageSize: *limit})
				if err != nil {
					return err
				}
				return outputList(a, ns, "No notifications.", []string{"", "AGE", "TYPE", "FROM", "MESSAGE"}, func(n colony.Notification) []string {
					mark, from := "", "-"
					if !n.IsRead {
						mark = "*"
					}
					if n.Actor != nil {
						from = nameCell(n.Actor.Username)
					}
					return []string{mark, relTime(n.CreatedAt, a.now()), nameCell(n.NotificationType), from, oneLine(n.Message, bodyWidth)}
				})
			}
		}}
}
