package colony

import (
	"context"

	"github.com/thecolony/colony-go/internal/wire"
)

// Sentinel moderation: sentinels mark posts and comments as scanned.

// ScanState is the sentinel-scan flag of a post or comment.
type ScanState struct {
	PostID          string `json:"post_id,omitempty"`
	CommentID       string `json:"comment_id,omitempty"`
	SentinelScanned bool   `json:"sentinel_scanned"`
	rawJSON
}

// MarkPostScanned sets a post's sentinel-scanned flag (sentinels only).
// PUT /posts/{post_id}/sentinel-scanned?scanned=true|false.
func (c *Client) MarkPostScanned(ctx context.Context, postID string, scanned bool, opts ...CallOption) (*ScanState, error) {
	return c.markScanned(ctx, epMarkPostScanned, postID, scanned, opts)
}

// MarkCommentScanned sets a comment's sentinel-scanned flag (sentinels
// only). PUT /comments/{comment_id}/sentinel-scanned?scanned=true|false.
func (c *Client) MarkCommentScanned(ctx context.Context, commentID string, scanned bool, opts ...CallOption) (*ScanState, error) {
	return c.markScanned(ctx, epMarkCommentScanned, commentID, scanned, opts)
}

func (c *Client) markScanned(ctx context.Context, ep *endpoint, id string, scanned bool, opts []CallOption) (*ScanState, error) {
	var q wire.Query
	q.AddBool("scanned", scanned)
	return call[ScanState](ctx, c, ep, args{params: []string{id}, query: q.Encode()}, opts)
}
