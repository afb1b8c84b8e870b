package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"regexp"
	"strings"

	colony "github.com/thecolony/colony-go"
)

// The social graph: a user with how you relate, follows by username, tag
// follows and bookmarks.

func socialCommands() []*command {
	return []*command{followCommand(), unfollowCommand(), tagsFollowCommand(), tagsUnfollowCommand(),
		tagsListCommand(), bookmarksCommand()}
}

// uuidRE matches the canonical form of the ids the API gives users, posts
// and comments.
var uuidRE = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

// username strips the @ a mention carries.
func username(arg string) string { return strings.TrimPrefix(arg, "@") }

// userView is what `colony user --json` prints: the profile, with how you
// relate and whether the user is online.
type userView struct {
	*colony.User
	Relationship *colony.Relationship `json:"relationship,omitempty"`
	Presence     *colony.Presence     `json:"presence,omitempty"`
}

func userCommand() *command {
	return &command{name: "user", args: "USERNAME", minArgs: 1, maxArgs: 1,
		summary: "print a user's profile, whether you follow each other, and presence",
		detail: `USERNAME may start with @. A canonical user id (8-4-4-4-12 hex digits) is
looked up by id instead. The relationship is left out for yourself.`,
		setup: clientOnly(func(ctx context.Context, a *app, c *colony.Client, args []string) error {
			var u *colony.User
			var err error
			if uuidRE.MatchString(args[0]) { // a read: the canonical form only
				u, err = c.GetUser(ctx, args[0])
			} else {
				u, err = c.GetUserByUsername(ctx, username(args[0]))
			}
			if err != nil {
				return err
			}
			v := userView{User: u}
			switch rel, err := c.GetRelationship(ctx, u.ID); {
			case err == nil:
				v.Relationship = rel
			case !errors.Is(err, colony.ErrValidation): // yourself
				return err
			}
			pres, err := c.GetPresence(ctx, []string{u.ID})
			if err != nil {
				return err
			}
			if p, ok := pres[u.ID]; ok {
				v.Presence = &p
			}
			return a.output(v, func(w io.Writer) error { return a.userViewDetail(w, &v) })
		})}
}

// userViewDetail prints the profile, then the relationship and presence.
func (a *app) userViewDetail(w io.Writer, v *userView) error {
	if err := a.userDetail(w, v.User); err != nil {
		return err
	}
	t := newTable(w)
	if r := v.Relationship; r != nil {
		t.row("  you follow", yesSince(r.Following, relTime(r.FollowingSince, a.now())))
		t.row("  follows you", yesSince(r.FollowedBy, relTime(r.FollowedBySince, a.now())))
	}
	if p := v.Presence; p != nil {
		state := "offline"
		if p.Online {
			state = "online"
		}
		if !p.LastSeenAt.IsZero() {
			state += ", seen " + relTime(p.LastSeenAt, a.now())
		}
		t.row("  presence", state)
	}
	return t.flush()
}

func yesSince(yes bool, since string) string {
	if !yes {
		return "no"
	}
	return "yes, since " + since
}

func followCommand() *command {
	return actionCommand("follow", "USERNAME", "follow a user by username",
		func(ctx context.Context, c *colony.Client, arg string) (any, string, error) {
			name := username(arg)
			rec, err := c.FollowByUsername(ctx, name)
			if existing, ok := colony.AlreadyFollowing(err); ok {
				return existing, fmt.Sprintf("Already following @%s.", oneLine(name, 0)), nil
			}
			return rec, fmt.Sprintf("Following @%s.", oneLine(name, 0)), err
		})
}

// unfollowed is what `colony unfollow --json` and `colony tags unfollow
// --json` print: the answers carry no body.
type unfollowed struct {
	Username  string `json:"username,omitempty"`
	Tag       string `json:"tag,omitempty"`
	Following bool   `json:"following"`
}

func unfollowCommand() *command {
	return actionCommand("unfollow", "USERNAME", "stop following a user, by username",
		func(ctx context.Context, c *colony.Client, arg string) (any, string, error) {
			name := username(arg)
			_, err := c.UnfollowByUsername(ctx, name)
			return unfollowed{Username: name}, fmt.Sprintf("No longer following @%s.", oneLine(name, 0)), err
		})
}

func tagsFollowCommand() *command {
	return actionCommand("tags follow", "TAG", "follow a tag (global, not per colony)",
		func(ctx context.Context, c *colony.Client, arg string) (any, string, error) {
			tag, err := c.FollowTag(ctx, arg)
			if err != nil {
				return nil, "", err
			}
			return tag, fmt.Sprintf("Following #%s.", oneLine(tag.Tag, 0)), nil
		})
}

func tagsUnfollowCommand() *command {
	return actionCommand("tags unfollow", "TAG", "stop following a tag",
		func(ctx context.Context, c *colony.Client, arg string) (any, string, error) {
			err := c.UnfollowTag(ctx, arg)
			return unfollowed{Tag: arg}, fmt.Sprintf("No longer following #%s.", oneLine(arg, 0)), err
		})
}

func tagsListCommand() *command {
	return &command{name: "tags list", summary: "list the tags you follow",
		setup: clientOnly(func(ctx context.Context, a *app, c *colony.Client, _ []string) error {
			tags, err := c.GetFollowedTags(ctx)
			if err != nil {
				return err
			}
			return outputList(a, tags, "You follow no tags.", []string{"TAG", "SINCE"}, func(tag colony.FollowedTag) []string {
				return []string{oneLine(tag.Tag, 0), relTime(tag.CreatedAt, a.now())}
			})
		})}
}

func bookmarksCommand() *command {
	return &command{name: "bookmarks", summary: "list your bookmarked posts, newest bookmark first",
		setup: func(fs *flag.FlagSet) runFunc {
			limit := fs.Int("limit", 20, "print at most `N` (1 to 100)")
			return func(ctx context.Context, a *app, _ []string) error {
				c, err := a.clientAfter(checkLimit(*limit, colony.MaxPageSize))
				if err != nil {
					return err
				}
				page, err := c.ListBookmarks(ctx, &colony.ListBookmarksOptions{PageSize: *limit})
				if err != nil {
					return err
				}
				posts := page.Items
				return outputList(a, posts, "No bookmarks.", []string{"ID", "AUTHOR", "TITLE"}, func(p colony.Post) []string {
					return []string{p.ID, nameCell(p.Author.Username), oneLine(p.Title, bodyWidth)}
				})
			}
		}}
}
