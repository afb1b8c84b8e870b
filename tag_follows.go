package colony

import "context"

// Tag follows: the cheapest lever on the caller's own feed. They are
// global, not per colony.

// FollowTag follows a tag. POST /tags/{tag}/follow. The server lowercases
// and truncates the tag and answers with the normalised form: compare
// against GetFollowedTags, not your input.
func (c *Client) FollowTag(ctx context.Context, tag string, opts ...CallOption) (*FollowedTag, error) {
	if err := requireText(epFollowTag.goName, "tag", tag); err != nil {
		return nil, err
	}
	return call[FollowedTag](ctx, c, epFollowTag, ids(tag), opts)
}

// UnfollowTag stops following a tag. DELETE /tags/{tag}/follow. A tag not
// followed is ErrNotFound.
func (c *Client) UnfollowTag(ctx context.Context, tag string, opts ...CallOption) error {
	if err := requireText(epUnfollowTag.goName, "tag", tag); err != nil {
		return err
	}
	return callNoResult(ctx, c, epUnfollowTag, ids(tag), opts)
}

// GetFollowedTags lists the tags the caller follows, alphabetically.
// GET /tags/following. With none, the tag signal does nothing for the
// caller's feed.
func (c *Client) GetFollowedTags(ctx context.Context, opts ...CallOption) ([]FollowedTag, error) {
	return callList[FollowedTag](ctx, c, epGetFollowedTags, args{}, opts)
}
