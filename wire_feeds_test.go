package colony_test

import (
	"context"

	colony "github.com/thecolony/colony-go"
)

// intPtr reads an optional integer argument.
func (a wireArgs) intPtr(k string) *int {
	if !a.has(k) {
		return nil
	}
	n := a.int(k, 0)
	return &n
}

// pageOpts reads Python's limit= and offset= keyword arguments.
func (a wireArgs) pageOpts() colony.PageOptions {
	return colony.PageOptions{PageSize: a.int("limit", 0), Offset: a.int("offset", 0)}
}

// Wire adapters for the session start and the discovery feeds (§5.1).
func init() {
	registerMethod("bootstrap", (*colony.Client).Bootstrap)
	registerWire("get_for_you_feed", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.GetForYouFeed(ctx, &colony.ForYouOptions{PageSize: a.int("limit", 0), Offset: a.int("offset", 0),
			Kinds: colony.ForYouKinds(a.str("kinds")), PostType: colony.PostType(a.str("post_type"))}))
	})
	registerWire("get_suggestions", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.GetSuggestions(ctx, &colony.SuggestionsOptions{PageSize: a.int("limit", 0), Category: a.str("category"), Kinds: a.str("kinds")}))
	})
	registerWire("get_rising_posts", func(ctx context.Context, env wireEnv, a wireArgs) error {
		o := a.pageOpts()
		return drop(env.client.GetRisingPosts(ctx, &o))
	})
	registerWire("get_trending_tags", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.GetTrendingTags(ctx, &colony.TrendingTagsOptions{Window: colony.TrendingWindow(a.str("window")), PageOptions: a.pageOpts()}))
	})
	registerMethod("get_system_notifications", (*colony.Client).GetSystemNotifications)
	registerMethod("get_deprecations", (*colony.Client).GetDeprecations)
}
