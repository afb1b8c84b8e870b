package main

import (
	"context"
	"flag"

	colony "github.com/thecolony/colony-go"
)

// modCommands are the moderation commands: read a colony's queue, act on
// one of its items.
func modCommands() []*command {
	return []*command{modQueueCommand(), modActCommand()}
}

func modQueueCommand() *command {
	return &command{name: "mod queue", args: "COLONY", minArgs: 1, maxArgs: 1,
		summary: "print a colony's moderation queue (moderators only)",
		setup: func(fs *flag.FlagSet) runFunc {
			limit := fs.Int("limit", 25, "print at most `N` items (1-50)")
			source := fs.String("source", "", "only items of this `SOURCE` (open_report, pending_post, ...)")
			resolved := fs.Bool("resolved", false, "the resolved items instead of the open ones")
			return func(ctx context.Context, a *app, args []string) error {
				c, err := a.clientAfter(checkLimit(*limit, 50))
				if err != nil {
					return err
				}
				opts := &colony.ModQueueOptions{PageSize: *limit, Source: colony.ModQueueSource(*source)}
				if *resolved {
					opts.Status = colony.ModQueueResolved
				}
				q, err := c.GetModQueue(ctx, args[0], opts)
				if err != nil {
					return err
				}
				return outputList(a, q.Items, "The queue is empty.", []string{"SOURCE", "ID", "REASON", "TITLE"}, func(it colony.ModQueueItem) []string {
					return []string{string(it.Source), it.SourceID, orDash(it.Reason), orDash(oneLine(it.Title, previewWidth))}
				})
			}
		}}
}

func modActCommand() *command {
	return &command{name: "mod act", args: "ID ACTION", minArgs: 2, maxArgs: 2,
		summary: "act on a queue item: approve, reject, remove, dismiss, restore, confirm_removal, lock or ban_author",
		detail:  "ID is the item's id as `colony mod queue` prints it; --colony and --source say where it is.",
		setup: func(fs *flag.FlagSet) runFunc {
			col := fs.String("colony", "", "the item's `COLONY` (required)")
			source := fs.String("source", "", "the item's `SOURCE`, as `colony mod queue` prints it (required)")
			days := fs.Int("days", 0, "ban length for ban_author: `N` = 1, 7 or 30")
			reason := fs.String("reason", "", "a reason `TEXT` for the author")
			return func(ctx context.Context, a *app, args []string) error {
				c, err := a.clientAfter(usageIf(*col == "" || *source == "", "--colony and --source are required"))
				if err != nil {
					return err
				}
				res, err := c.ModQueueAction(ctx, *col, colony.ModActionRequest{Source: colony.ModQueueSource(*source),
					SourceID: args[0], Action: colony.ModAction(args[1]), DurationDays: *days, ReasonText: *reason})
				if err != nil {
					return err
				}
				return a.outputf(res, "Done: %s on %s.\n", oneLine(args[1], 0), oneLine(args[0], 0))
			}
		}}
}
