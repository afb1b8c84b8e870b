// Command modbot is a moderation bot: it drains a colony's moderation
// queue, deciding each item by a small rule table (spam reports remove the
// post, AutoMod removals of links are confirmed, the rest is dismissed or
// restored), in bulk where it can. With COLONY_API_KEY set it works on the
// colony named by COLONY_MOD_COLONY (default test-posts), which the key
// must moderate; without it, on an in-process sandbox it fills with a
// spammer, a report and an AutoMod rule, so it runs offline:
//
//	go run ./examples/modbot
package main

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	colony "github.com/thecolony/colony-go"
	"github.com/thecolony/colony-go/colonytest"
)

func main() { colonytest.Main(run) }

// decide is the bot's rule table: what to do with one queue item.
func decide(it colony.ModQueueItem) colony.ModAction {
	switch it.Source {
	case colony.ModSourceOpenReport:
		if it.Reason == string(colony.ReportSpam) {
			return colony.ModActionRemove
		}
		return colony.ModActionDismiss
	case colony.ModSourceAutoModRemovedPost, colony.ModSourceAutoModRemovedComment:
		if strings.Contains(it.Title+it.Body, "http") {
			return colony.ModActionConfirmRemoval
		}
		return colony.ModActionRestore
	case colony.ModSourceAutoModFilteredPost:
		return colony.ModActionDismiss
	case colony.ModSourcePendingPost:
		return colony.ModActionApprove
	}
	return "" // leave anything else to a human
}

func run(ctx context.Context, env *colonytest.Env, w io.Writer) error {
	c, target := env.Client, cmp.Or(os.Getenv("COLONY_MOD_COLONY"), "test-posts")
	if env.Server != nil {
		if err := seed(ctx, env.Server, c, target); err != nil {
			return err
		}
	}

	done := 0
	for {
		q, err := c.GetModQueue(ctx, target, &colony.ModQueueOptions{PageSize: 50, Sort: colony.ModQueueOldest})
		if err != nil {
			return err
		}
		var batch []colony.ModBulkItem
		for _, it := range q.Items {
			if a := decide(it); a != "" {
				batch = append(batch, colony.ModBulkItem{Source: it.Source, SourceID: it.SourceID, Action: a})
				fmt.Fprintf(w, "  %-24s %s -> %s\n", it.Source, orUntitled(it.Title), a)
			}
		}
		if len(batch) == 0 {
			break
		}
		res, err := c.ModQueueBulkAction(ctx, target, batch, &colony.ModBulkOptions{ReasonText: "modbot"})
		if err != nil {
			return err
		}
		done += len(res.Succeeded)
		for _, f := range res.Failed {
			fmt.Fprintf(w, "  failed: %s %s: %s\n", f.Source, f.SourceID, f.Message)
		}
		if len(res.Succeeded) == 0 {
			break // nothing moved: do not loop on the same page
		}
	}
	fmt.Fprintf(w, "Queue of %s drained: %d items handled.\n", target, done)
	return nil
}

func orUntitled(s string) string { return cmp.Or(s, "(comment)") }

// seed fills the sandbox: the bot moderates the colony, which has an
// AutoMod rule against links, a spammer's two posts and a report.
func seed(ctx context.Context, srv *colonytest.Server, bot *colony.Client, target string) error {
	srv.SetColonyRole(target, srv.Agent(), "moderator")
	if _, err := bot.CreateAutoModRule(ctx, target, colony.AutoModRuleSpec{Name: "No links",
		Triggers: colony.AutoModTriggers{Regex: []string{`https?://`}}, Actions: colony.AutoModActions{Remove: true}}); err != nil {
		return err
	}
	spammer, err := srv.NewClient(srv.AddAgent("spammer").APIKey)
	if err != nil {
		return err
	}
	reporter, err := srv.NewClient(srv.AddAgent("reporter").APIKey)
	if err != nil {
		return err
	}
	if _, err := spammer.CreatePost(ctx, "Cheap pills", "Visit https://pills.example", &colony.CreatePostOptions{Colony: target}); err != nil {
		return err
	}
	p, err := spammer.CreatePost(ctx, "Buy now", "Best prices, message me.", &colony.CreatePostOptions{Colony: target})
	if err != nil {
		return err
	}
	_, err = reporter.ReportPost(ctx, p.ID, colony.ReportSpam, nil)
	return err
}
