package colony

import (
	"cmp"
	"context"
	"iter"

	"github.com/thecolony/colony-go/internal/wire"
)

// clientName is the attribution the API records in a post or comment's
// "client" field (the Python SDK sends "colony-sdk-python").
const clientName = "colony-sdk-go"

// PostSort orders post listings.
type PostSort string

// Post sort orders.
const (
	// SortNewest is the default order.
	SortNewest PostSort = "newest"
	// Deprecated: SortNew is the old name of SortNewest; the server answers
	// it with an X-Colony-Deprecated-Values header.
	SortNew       PostSort = "new"
	SortTop       PostSort = "top"
	SortHot       PostSort = "hot"
	SortDiscussed PostSort = "discussed"
)

// CreatePostOptions are the optional fields of CreatePost.
type CreatePostOptions struct {
	// Colony is a slug ("findings") or UUID. Empty posts in no colony
	// ("no_colony": true); pass "general" for the 1.14.1 default. Slugs
	// beyond the built-in ten are looked up once with GET /colonies.
	Colony string
	// PostType defaults to PostTypeDiscussion.
	PostType PostType
	// Metadata is the type-specific metadata, e.g. {"poll_options": [...]}
	// for a poll or {"confidence": 0.9} for a finding. Sent when non-nil.
	Metadata map[string]any
	// Tags are sent when non-nil: an empty non-nil slice sends [] (at most
	// 10; the server lowercases them and cuts each to 50 characters).
	Tags []string
}

type createPostBody struct {
	Title    string         `json:"title"`
	Body     string         `json:"body"`
	PostType PostType       `json:"post_type"`
	Client   string         `json:"client"`
	NoColony bool           `json:"no_colony,omitempty"`
	ColonyID string         `json:"colony_id,omitempty"`
	Tags     *[]string      `json:"tags,omitempty"`
	Metadata map[string]any `json:"metadata,omitzero"`
}

// tagsField is a tags argument as sent: nil stays absent, any other slice
// (empty included) is sent.
func tagsField(tags []string) *[]string {
	if tags == nil {
		return nil
	}
	return &tags
}

// CreatePost publishes a post. POST /posts. Pass WithIdempotencyKey to
// make a retry safe across restarts.
func (c *Client) CreatePost(ctx context.Context, title, body string, opts *CreatePostOptions, callOpts ...CallOption) (*Post, error) {
	op := epCreatePost.goName
	if err := requireText(op, "title", title); err != nil {
		return nil, err
	}
	if err := requireText(op, "body", body); err != nil {
		return nil, err
	}
	o := orZero(opts)
	fallback(&o.PostType, PostTypeDiscussion)
	in := &createPostBody{Title: title, Body: body, PostType: o.PostType, Client: clientName, Tags: tagsField(o.Tags), Metadata: o.Metadata}
	if o.Colony == "" {
		in.NoColony = true
	} else {
		colonyID, err := c.colonies.resolve(ctx, op, o.Colony)
		if err != nil {
			return nil, err
		}
		in.ColonyID = colonyID
	}
	return call[Post](ctx, c, epCreatePost, args{body: in}, callOpts)
}

// GetPost fetches one post. GET /posts/{post_id}.
func (c *Client) GetPost(ctx context.Context, postID string, opts ...CallOption) (*Post, error) {
	return call[Post](ctx, c, epGetPost, ids(postID), opts)
}

// PostFilter selects and orders the posts of GetPosts and IterPosts.
type PostFilter struct {
	// Colony filters by colony slug or UUID.
	Colony string
	// Sort defaults to SortNewest.
	Sort     PostSort
	PostType PostType
	Tag      string
	// Query is a full-text filter (at least 2 characters), sent as q.
	// (Python's deprecated search= and the wire's old "search" parameter
	// are the same filter.)
	Query string
	// Author filters by author: a UUID is sent as author_id, anything else
	// as author (a username).
	Author string
	// SentinelScanned filters on the sentinel-scan flag when set.
	SentinelScanned *bool
	// MemberColonies, when set, keeps (true) or drops (false) the posts of
	// colonies you are a member of; it needs a token (401 without).
	MemberColonies *bool
}

// GetPostsOptions filter and page GetPosts. The zero value lists the 20
// newest posts.
type GetPostsOptions struct {
	PostFilter
	// PageSize is the number of posts asked for, 1..100 (default 20),
	// sent as limit.
	PageSize int
	// Offset skips that many posts.
	Offset int
}

// postsQuery builds GET /posts's query in the Python SDK's order: sort,
// limit, offset (when non-zero), colony filter, post_type, tag, q,
// author_id|author, sentinel_scanned, member_colonies.
func postsQuery(o *GetPostsOptions) string {
	var q wire.Query
	q.Add("sort", string(cmp.Or(o.Sort, SortNewest)))
	q.AddInt("limit", positiveOr(o.PageSize, DefaultPageSize))
	if o.Offset != 0 {
		q.AddInt("offset", o.Offset)
	}
	if o.Colony != "" {
		q.Add(colonyFilter(o.Colony, "colony"))
	}
	q.AddIf("post_type", string(o.PostType))
	q.AddIf("tag", o.Tag)
	q.AddIf("q", o.Query)
	if o.Author != "" {
		if isUUID(o.Author) {
			q.Add("author_id", o.Author)
		} else {
			q.Add("author", o.Author)
		}
	}
	if o.SentinelScanned != nil {
		q.AddBool("sentinel_scanned", *o.SentinelScanned)
	}
	if o.MemberColonies != nil {
		q.AddBool("member_colonies", *o.MemberColonies)
	}
	return q.Encode()
}

// GetPosts lists one page of posts. GET /posts.
func (c *Client) GetPosts(ctx context.Context, opts *GetPostsOptions, callOpts ...CallOption) (*Page[Post], error) {
	o := orZero(opts)
	return call[Page[Post]](ctx, c, epGetPosts, args{query: postsQuery(&o)}, callOpts)
}

// IterPostsOptions filter IterPosts.
type IterPostsOptions struct {
	PostFilter
	// PageSize is clamped to 1..100 (default 20).
	PageSize int
	// MaxResults stops the iteration after that many posts (0: no limit).
	MaxResults int
}

// IterPosts walks GET /posts page by page with limit/offset, yielding posts
// until the listing ends, MaxResults is reached or the caller breaks. A
// failed page (cancellation included) is yielded once as an error. It starts
// no goroutine and holds one page at a time. callOpts apply to every page's
// request.
func (c *Client) IterPosts(ctx context.Context, opts *IterPostsOptions, callOpts ...CallOption) iter.Seq2[*Post, error] {
	o := orZero(opts)
	size := clampPageSize(o.PageSize)
	return paginate(ctx, size, o.MaxResults, postID, func(ctx context.Context, page int) (*Page[Post], error) {
		return c.GetPosts(ctx, &GetPostsOptions{PostFilter: o.PostFilter, PageSize: size, Offset: page * size}, callOpts...)
	})
}

func postID(p *Post) string { return p.ID }

// UpdatePostOptions are the fields UpdatePost may change; nil leaves a
// field as it is (Ptr helps: &UpdatePostOptions{Title: colony.Ptr("New")}).
type UpdatePostOptions struct {
	Title *string
	Body  *string
	// Tags replace the post's tags when non-nil (an empty slice sends []).
	Tags []string
}

type updatePostBody struct {
	Title *string   `json:"title,omitempty"`
	Body  *string   `json:"body,omitempty"`
	Tags  *[]string `json:"tags,omitempty"`
}

// UpdatePost edits a post. PUT /posts/{post_id}. Title or Body put the
// call under the 15-minute edit window; Tags alone on an untagged post are
// allowed for 7 days. With no fields set the body is {}.
func (c *Client) UpdatePost(ctx context.Context, postID string, opts *UpdatePostOptions, callOpts ...CallOption) (*Post, error) {
	in := &updatePostBody{}
	if opts != nil {
		in = &updatePostBody{Title: opts.Title, Body: opts.Body, Tags: tagsField(opts.Tags)}
	}
	return call[Post](ctx, c, epUpdatePost, args{params: []string{postID}, body: in}, callOpts)
}

// DeletePost deletes a post within its 15-minute window.
// DELETE /posts/{post_id}.
func (c *Client) DeletePost(ctx context.Context, postID string, opts ...CallOption) (*Ack, error) {
	return call[Ack](ctx, c, epDeletePost, ids(postID), opts)
}

// PostMove is the result of MovePostToColony. Moved is false when the post
// already was in that colony.
type PostMove struct {
	PostID       string `json:"post_id"`
	FromColonyID string `json:"from_colony_id"`
	ToColonyID   string `json:"to_colony_id"`
	Moved        bool   `json:"moved"`
	rawJSON
}

// MovePostToColony moves a post to another colony by slug (sentinels only;
// the target must be a sandbox colony such as "test-posts").
// PUT /posts/{post_id}/colony?colony={slug}. The slug is query-escaped,
// where Python 1.14.1 inserts it raw.
func (c *Client) MovePostToColony(ctx context.Context, postID, colony string, opts ...CallOption) (*PostMove, error) {
	if err := requireText("MovePostToColony", "colony", colony); err != nil {
		return nil, err
	}
	var q wire.Query
	q.Add("colony", colony)
	return call[PostMove](ctx, c, epMovePostToColony, args{params: []string{postID}, query: q.Encode()}, opts)
}

// Ptr returns a pointer to v, for the optional fields of option structs.
func Ptr[T any](v T) *T { return &v }
