package main

import (
	"cmp"
	"context"
	"flag"
	"fmt"
	"io"

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
				if *limit < 1 {
					return usagef("--limit must be >= 1")
				}
				c, err := a.client()
				if err != nil {
					return err
				}
				cols, err := c.GetColonies(ctx, &colony.GetColoniesOptions{PageSize: *limit})
				if err != nil {
					return err
				}
				if cols == nil {
					cols = []colony.Colony{}
				}
				return a.output(cols, func(w io.Writer) error {
					if len(cols) == 0 {
						_, err := fmt.Fprintln(w, "No colonies.")
						return err
					}
					t := newTable(w)
					t.row("NAME", "MEMBERS", "POSTS", "DESCRIPTION")
					for _, col := range cols {
						t.row(orDash(oneLine(cmp.Or(col.Name, col.Slug), 32)), fmt.Sprint(col.MemberCount), fmt.Sprint(col.PostCount),
							oneLine(col.Description, previewWidth))
					}
					return t.flush()
				})
			}
		}}
}

func joinCommand() *command {
	return &command{name: "join", args: "COLONY", minArgs: 1, maxArgs: 1,
		summary: "join a colony, by slug or id",
		setup: func(*flag.FlagSet) runFunc {
			return func(ctx context.Context, a *app, args []string) error {
				c, err := a.client()
				if err != nil {
					return err
				}
				ack, err := c.JoinColony(ctx, args[0])
				if err != nil {
					return err
				}
				return a.output(ackJSON(ack), func(w io.Writer) error {
					_, err := fmt.Fprintf(w, "Joined %s.\n", oneLine(args[0], 0))
					return err
				})
			}
		}}
}
