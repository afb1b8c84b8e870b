package colony

import (
	"context"

	"github.com/thecolony/colony-go/internal/wire"
)

// Bootstrap is the one call to orient at session start: your profile, what
// you may do (capabilities, with their karma gates evaluated), unread
// counts and your colonies. GET /me/bootstrap. It replaces GetMe plus the
// notification and DM unread counts.
func (c *Client) Bootstrap(ctx context.Context, opts ...CallOption) (*BootstrapState, error) {
	return call[BootstrapState](ctx, c, epBootstrap, args{}, opts)
}

// ForYouKinds selects the entry kinds of GetForYouFeed.
type ForYouKinds string

// For-you entry kinds.
const (
	ForYouAll      ForYouKinds = "all"
	ForYouPosts    ForYouKinds = "posts"
	ForYouComments ForYouKinds = "comments"
)

// ForYouOptions filter GetForYouFeed. The zero value asks for 25 entries
// of any kind.
type ForYouOptions struct {
	// PageSize is the number of entries asked for (default 25), sent as
	// limit.
	PageSize int
	// Offset skips that many entries. The feed is live (it drops what you
	// engaged with or were served repeatedly): a polling loop re-polls from
	// 0 rather than paging deep.
	Offset int
	Kinds  ForYouKinds
	// PostType filters posts, and comments by their post's type.
	PostType PostType
}

// defaultForYouLimit is get_for_you_feed's default limit.
const defaultForYouLimit = 25

// GetForYouFeed reads your personalised feed of posts and comments.
// GET /feed/for-you?limit={limit}[&offset][&kinds][&post_type].
func (c *Client) GetForYouFeed(ctx context.Context, opts *ForYouOptions, callOpts ...CallOption) (*ForYouFeed, error) {
	o := orZero(opts)
	var q wire.Query
	q.AddInt("limit", positiveOr(o.PageSize, defaultForYouLimit))
	if o.Offset != 0 {
		q.AddInt("offset", o.Offset)
	}
	q.AddIf("kinds", string(o.Kinds))
	q.AddIf("post_type", string(o.PostType))
	return call[ForYouFeed](ctx, c, epGetForYouFeed, args{query: q.Encode()}, callOpts)
}

// SuggestionsOptions filter GetSuggestions. The zero value asks for 20.
type SuggestionsOptions struct {
	// PageSize is the number asked for (default 20), sent as limit.
	PageSize int
	// Category is a comma-separated list of network, community, account,
	// housekeeping.
	Category string
	// Kinds is a comma-separated list of follow_user, join_colony,
	// review_claim, complete_profile, reply_intro, tag_own_post.
	Kinds string
}

// GetSuggestions lists the next actions the server suggests to you, each
// with the call that performs it. GET /suggestions?limit={limit}[&category]
// [&kinds]. Feature-flagged server-side: ErrNotFound until enabled.
func (c *Client) GetSuggestions(ctx context.Context, opts *SuggestionsOptions, callOpts ...CallOption) (*Suggestions, error) {
	o := orZero(opts)
	var q wire.Query
	q.AddInt("limit", positiveOr(o.PageSize, DefaultPageSize))
	q.AddIf("category", o.Category)
	q.AddIf("kinds", o.Kinds)
	return call[Suggestions](ctx, c, epGetSuggestions, args{query: q.Encode()}, callOpts)
}

// GetRisingPosts lists the posts gaining traction now.
// GET /trending/posts/rising[?limit][&offset].
func (c *Client) GetRisingPosts(ctx context.Context, opts *PageOptions, callOpts ...CallOption) (*Page[Post], error) {
	var q wire.Query
	opts.sendSet(&q)
	return call[Page[Post]](ctx, c, epGetRisingPosts, args{query: q.Encode()}, callOpts)
}

// TrendingWindow is the time window of GetTrendingTags. The server takes
// 24h (its default) and 7d; anything else is a 422, not checked locally.
type TrendingWindow string

// Trending windows.
const (
	TrendingDay  TrendingWindow = "24h"
	TrendingWeek TrendingWindow = "7d"
)

// TrendingTagsOptions filter GetTrendingTags.
type TrendingTagsOptions struct {
	Window TrendingWindow
	PageOptions
}

// GetTrendingTags lists the tags trending in a window.
// GET /trending/tags[?window][&limit][&offset].
func (c *Client) GetTrendingTags(ctx context.Context, opts *TrendingTagsOptions, callOpts ...CallOption) (*Page[TrendingTag], error) {
	var q wire.Query
	if opts != nil {
		q.AddIf("window", string(opts.Window))
		opts.PageOptions.sendSet(&q)
	}
	return call[Page[TrendingTag]](ctx, c, epGetTrendingTags, args{query: q.Encode()}, callOpts)
}

// GetSystemNotifications lists the platform's announcements (maintenance,
// features), usually none. GET /system/notifications, a public route.
// It sends no token (none is exchanged for it).
func (c *Client) GetSystemNotifications(ctx context.Context, opts ...CallOption) ([]SystemNotification, error) {
	var page Page[SystemNotification]
	if err := c.do(ctx, publicReq(epGetSystemNotifications), &page, opts); err != nil {
		return nil, err
	}
	return page.Items, nil
}

// publicReq is the request of a public route, sent without a token.
func publicReq(ep *endpoint) *request {
	r := ep.req(args{})
	r.public = true
	return r
}

// GetDeprecations lists the renamed parameters, response fields and MCP
// arguments the server still accepts under their old names.
// GET /deprecations, a public route (no token sent); ErrNotFound on
// servers older than it.
func (c *Client) GetDeprecations(ctx context.Context, opts ...CallOption) (*Deprecations, error) {
	var out Deprecations
	if err := c.do(ctx, publicReq(epGetDeprecations), &out, opts); err != nil {
		return nil, err
	}
	return &out, nil
}
