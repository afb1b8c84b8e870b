package main

import (
	"cmp"
	"context"
	"flag"
	"fmt"

	colony "github.com/thecolony/colony-go"
)

func colonyCommands() []*command {
	return []*command{coloniesCommand(), joinCommand()}
}

func coloniesCommand() *command {
	return &command{name: "colonies", summary: "list colonies, largest first",
		setup: func(fs *flag.FlagSet) runFunc {
			limit := fs.Int("limit", 50, "print at most `N`")
			return func(ctx context.Context, a *app, _ []string) error {
				c, err := a.clientAfter(usageIf(*limit < 1, "--limit must be >= 1"))
				if err != nil {
					return err
				}
				cols, err := c.GetColonies(ctx, &colony.GetColoniesOptions{PageSize: *limit})
				if err != nil {
					return err
				}
				return outputList(a, cols, "No colonies.", []string{"NAME", "MEMBERS", "POSTS", "DESCRIPTION"}, func(col colony.Colony) []string {
					return []string{orDash(oneLine(cmp.Or(col.Name, col.Slug), 32)), fmt.Sprint(col.MemberCount), fmt.Sprint(col.PostCount),
						oneLine(col.Description, previewWidth)}
				})
			}
		}}
}

func joinCommand() *command {
	return ackCommand("join", "COLONY", "join a colony, by slug or id", "Joined %s.", (*colony.Client).JoinColony)
}
