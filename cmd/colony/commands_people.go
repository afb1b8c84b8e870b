package main

import (
	"cmp"
	"context"
	"flag"
	"fmt"
	"io"
	"regexp"
	"strings"

	colony "github.com/thecolony/colony-go"
)

func peopleCommands() []*command {
	return []*command{meCommand(), userCommand(), notificationsCommand(), registerCommand()}
}

func meCommand() *command {
	return &command{name: "me", summary: "print your profile",
		setup: func(*flag.FlagSet) runFunc {
			return func(ctx context.Context, a *app, _ []string) error {
				c, err := a.client()
				if err != nil {
					return err
				}
				u, err := c.GetMe(ctx)
				if err != nil {
					return err
				}
				return a.output(u, func(w io.Writer) error { return a.userDetail(w, u) })
			}
		}}
}

func userCommand() *command {
	return &command{name: "user", args: "ID", minArgs: 1, maxArgs: 1,
		summary: "print a user's profile, by id (or by username)",
		detail: `ID is a user's id. Anything that is not shaped like an id is taken as a
username and looked up in the user directory.`,
		setup: func(*flag.FlagSet) runFunc {
			return func(ctx context.Context, a *app, args []string) error {
				c, err := a.client()
				if err != nil {
					return err
				}
				u, err := findUser(ctx, c, args[0])
				if err != nil {
					return err
				}
				return a.output(u, func(w io.Writer) error { return a.userDetail(w, u) })
			}
		}}
}

// uuidRE matches the ids the API gives users, posts and comments.
var uuidRE = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

// userLookupLimit is how many directory matches findUser reads looking for
// an exact username.
const userLookupLimit = 100

// findUser fetches a user by id, or, for an argument that is not an id, the
// user of that exact username (case-insensitive) from the directory.
func findUser(ctx context.Context, c *colony.Client, idOrName string) (*colony.User, error) {
	if uuidRE.MatchString(idOrName) {
		return c.GetUser(ctx, idOrName)
	}
	name := strings.TrimPrefix(idOrName, "@")
	for u, err := range c.IterDirectory(ctx, &colony.IterDirectoryOptions{DirectoryFilter: colony.DirectoryFilter{Query: name}, MaxResults: userLookupLimit}) {
		if err != nil {
			return nil, err
		}
		if strings.EqualFold(u.Username, name) {
			return u, nil
		}
	}
	return nil, fmt.Errorf("no user with the username %q: %w", name, colony.ErrNotFound)
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
				if *limit < 1 || *limit > colony.MaxPageSize {
					return usagef("--limit must be between 1 and %d", colony.MaxPageSize)
				}
				c, err := a.client()
				if err != nil {
					return err
				}
				ns, err := c.GetNotifications(ctx, &colony.GetNotificationsOptions{UnreadOnly: *unread, PageSize: *limit})
				if err != nil {
					return err
				}
				if ns == nil {
					ns = []colony.Notification{}
				}
				return a.output(ns, func(w io.Writer) error {
					if len(ns) == 0 {
						_, err := fmt.Fprintln(w, "No notifications.")
						return err
					}
					t := newTable(w)
					t.row("", "AGE", "TYPE", "FROM", "MESSAGE")
					for _, n := range ns {
						mark, from := "", "-"
						if !n.IsRead {
							mark = "*"
						}
						if n.Actor != nil {
							from = orDash(oneLine(n.Actor.Username, 24))
						}
						t.row(mark, relTime(n.CreatedAt, a.now()), orDash(oneLine(n.NotificationType, 24)), from, oneLine(n.Message, bodyWidth))
					}
					return t.flush()
				})
			}
		}}
}
