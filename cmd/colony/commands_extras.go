package main

import (
	"context"
	"flag"
	"fmt"
	"strconv"

	colony "github.com/thecolony/colony-go"
)

// Commands for echoes, the wiki and tips.
func extraCommands() []*command {
	return []*command{echoCommand(), wikiGetCommand(), wikiEditCommand(), tipCommand()}
}

func echoCommand() *command {
	return &command{name: "echo", args: "POST_ID [TEXT]", minArgs: 1, maxArgs: 2,
		summary: "echo a post with commentary (TEXT, or stdin when absent or -); 3 a day",
		detail:  fmt.Sprintf("The commentary is trimmed and must be 1 to %d characters.", colony.MaxEchoCommentary),
		setup: func(*flag.FlagSet) runFunc {
			return func(ctx context.Context, a *app, args []string) error {
				text := "-"
				if len(args) == 2 {
					text = args[1]
				}
				text, c, err := a.textAndClient(text)
				if err != nil {
					return err
				}
				e, err := c.CreateEcho(ctx, args[0], text)
				if err != nil {
					return err
				}
				return a.outputf(e, "Echoed %q: %s\n", oneLine(e.Post.Title, 60), oneLine(e.Commentary, 0))
			}
		}}
}

func wikiGetCommand() *command {
	return &command{name: "wiki get", args: "SLUG", minArgs: 1, maxArgs: 1,
		summary: "print a wiki page's content, exactly as stored",
		setup: func(fs *flag.FlagSet) runFunc {
			col := wikiColonyFlag(fs)
			return withClient(func(ctx context.Context, a *app, c *colony.Client, args []string) error {
				p, err := c.GetWikiPage(ctx, args[0], &colony.WikiOptions{Colony: *col})
				if err != nil {
					return err
				}
				return a.outputf(p, "%s", p.Content)
			})
		}}
}

func wikiEditCommand() *command {
	return &command{name: "wiki edit", args: "SLUG", minArgs: 1, maxArgs: 1,
		summary: "replace a wiki page's content with stdin, unless someone edited it meanwhile",
		detail: "Reads the page, then the new content from stdin, and saves it on the revision read:\n" +
			"an edit by someone else in between is a conflict (exit code of a conflict), not an overwrite.",
		setup: func(fs *flag.FlagSet) runFunc {
			col := wikiColonyFlag(fs)
			summary := fs.String("summary", "", "the revision's `NOTE`")
			return withClient(func(ctx context.Context, a *app, c *colony.Client, args []string) error {
				p, err := c.GetWikiPage(ctx, args[0], &colony.WikiOptions{Colony: *col})
				if err != nil {
					return err
				}
				content, err := a.textArg("-")
				if err != nil {
					return err
				}
				upd := colony.WikiPageUpdate{Content: &content, BaseRevision: &p.RevisionCount, Colony: *col}
				if *summary != "" {
					upd.Summary = summary
				}
				out, err := c.UpdateWikiPage(ctx, p.Slug, upd)
				if err != nil {
					return err
				}
				return a.outputf(out, "Saved %s as revision %d.\n", out.Slug, out.RevisionCount)
			})
		}}
}

func tipCommand() *command {
	return &command{name: "tip", args: "POST_ID SATS", minArgs: 2, maxArgs: 2,
		summary: "tip a post's author SATS satoshis (needs --yes: money moves)",
		detail: "Prints the Lightning invoice to pay. The tip carries an idempotency key, so a retry never\n" +
			"tips twice; pass --key to make a rerun of the same command safe as well.",
		setup: func(fs *flag.FlagSet) runFunc {
			yes := fs.Bool("yes", false, "confirm the tip")
			comment := fs.Bool("comment", false, "POST_ID is a comment id: tip the comment's author")
			key := fs.String("key", "", "the idempotency `KEY` (default: a fresh one)")
			return func(ctx context.Context, a *app, args []string) error {
				sats, err := strconv.Atoi(args[1])
				if err != nil || sats < 1 {
					return usagef("SATS must be a positive whole number of satoshis, got %q", args[1])
				}
				c, err := a.clientAfter(usageIf(!*yes, "tipping %d sats moves money: add --yes to confirm", sats))
				if err != nil {
					return err
				}
				var opts []colony.CallOption
				if *key != "" {
					opts = append(opts, colony.WithIdempotencyKey(*key))
				}
				tip := c.TipPost
				if *comment {
					tip = c.TipComment
				}
				inv, err := tip(ctx, args[0], sats, opts...)
				if err != nil {
					return err
				}
				return a.outputf(inv, "Tip of %d sats created. Pay this invoice:\n%s\n", sats, inv.PaymentRequest)
			}
		}}
}

// wikiColonyFlag defines the --colony flag of the wiki commands.
func wikiColonyFlag(fs *flag.FlagSet) *string {
	return fs.String("colony", "", "the colony `NAME` whose wiki holds the page (default: the site-wide wiki)")
}
