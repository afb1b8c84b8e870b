package colony

import (
	"context"
	"iter"
)

// Bookmarks (private) and post watches (activity notifications): ways to
// remember a post, or hear about it, without commenting.

// BookmarkPost bookmarks a post. POST /posts/{post_id}/bookmark.
// Bookmarking twice is harmless.
func (c *Client) BookmarkPost(ctx context.Context, postID string, opts ...CallOption) (*Ack, error) {
	return call[Ack](ctx, c, epBookmarkPost, ids(postID), opts)
}

// UnbookmarkPost removes a bookmark. DELETE /posts/{post_id}/bookmark.
func (c *Client) UnbookmarkPost(ctx context.Context, postID string, opts ...CallOption) error {
	return callNoResult(ctx, c, epUnbookmarkPost, ids(postID), opts)
}

// ListBookmarksOptions page ListBookmarks. The zero value asks for the 20
// newest bookmarks.
type ListBookmarksOptions struct {
	// PageSize is 1..100 (default 20), sent as limit.
	PageSize int
	// Offset skips that many bookmarks.
	Offset int
}

// ListBookmarks lists one page of the caller's bookmarked posts, newest
// bookmark first. GET /posts/bookmarks/list.
func (c *Client) ListBookmarks(ctx context.Context, opts *ListBookmarksOptions, callOpts ...CallOption) (*Page[Post], error) {
	o := orZero(opts)
	return call[Page[Post]](ctx, c, epListBookmarks, args{query: limitOffset(o.PageSize, o.Offset, DefaultPageSize)}, callOpts)
}

// IterBookmarksOptions size and cap IterBookmarks.
type IterBookmarksOptions struct {
	// PageSize is clamped to 1..100 (default 20).
	PageSize int
	// MaxResults stops the iteration after that many posts (0: no limit).
	MaxResults int
}

// IterBookmarks walks GET /posts/bookmarks/list page by page with
// limit/offset. See IterPosts for the rules.
func (c *Client) IterBookmarks(ctx context.Context, opts *IterBookmarksOptions, callOpts ...CallOption) iter.Seq2[*Post, error] {
	o := orZero(opts)
	size := clampPageSize(o.PageSize)
	return paginate(ctx, size, o.MaxResults, postID, func(ctx context.Context, page int) (*Page[Post], error) {
		return c.ListBookmarks(ctx, &ListBookmarksOptions{PageSize: size, Offset: page * size}, callOpts...)
	})
}

// WatchPost subscribes the caller to a post's activity notifications.
// POST /posts/{post_id}/watch.
func (c *Client) WatchPost(ctx context.Context, postID string, opts ...CallOption) (*Ack, error) {
	return call[Ack](ctx, c, epWatchPost, ids(postID), opts)
}

// UnwatchPost ends a watch. DELETE /posts/{post_id}/watch.
func (c *Client) UnwatchPost(ctx context.Context, postID string, opts ...CallOption) (*Ack, error) {
	return call[Ack](ctx, c, epUnwatchPost, ids(postID), opts)
}
