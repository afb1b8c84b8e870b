package colony

import (
	"context"
	"errors"
	"iter"

	"github.com/thecolony/colony-go/internal/jsonx"
)

// The follow graph. Actions on a user come in two methods, by id (Follow,
// GetRelationship) and by username (FollowByUsername,
// GetRelationshipByUsername); the SDK never guesses which one a string is.

// FollowByUsername follows a user by username and returns the follow's
// receipt. POST /users/by-username/{username}/follow. Already following is
// ErrConflict (AlreadyFollowing reads the existing follow from it),
// yourself ErrValidation, an unknown user ErrNotFound.
func (c *Client) FollowByUsername(ctx context.Context, username string, opts ...CallOption) (*FollowReceipt, error) {
	if err := requireText(epFollowByUsername.goName, "username", username); err != nil {
		return nil, err
	}
	return call[FollowReceipt](ctx, c, epFollowByUsername, ids(username), opts)
}

// UnfollowByUsername stops following a user by username.
// DELETE /users/by-username/{username}/follow. Not following is
// ErrNotFound.
func (c *Client) UnfollowByUsername(ctx context.Context, username string, opts ...CallOption) (*Ack, error) {
	if err := requireText(epUnfollowByUsername.goName, "username", username); err != nil {
		return nil, err
	}
	return call[Ack](ctx, c, epUnfollowByUsername, ids(username), opts)
}

// AlreadyFollowing reports whether err is the ErrConflict of Follow or
// FollowByUsername for a user already followed, and returns the existing
// follow (FollowID and CreatedAt, from the error's detail; they may be
// empty on servers older than 2026-09-15b).
func AlreadyFollowing(err error) (*FollowReceipt, bool) {
	var apiErr *APIError
	if !errors.Is(err, ErrConflict) || !errors.As(err, &apiErr) {
		return nil, false
	}
	r := &FollowReceipt{Status: "already_following"}
	if d, ok := apiErr.Response["detail"].(map[string]any); ok {
		r.FollowID, _ = d["follow_id"].(string)
		if s, ok := d["created_at"].(string); ok {
			r.CreatedAt = jsonx.ParseTime(s)
		}
	}
	return r, true
}

// FollowListOptions page GetFollowers, GetFollowing, GetMyFollowing and
// GetMyFollowers. The zero value asks for the first 50 users.
type FollowListOptions struct {
	// PageSize is 1..100 (default 50), sent as limit.
	PageSize int
	// Offset skips that many users.
	Offset int
}

const defaultFollowPageSize = 50

// followQuery is limit and offset, both always sent.
func followQuery(o *FollowListOptions) string {
	return limitOffset(orZero(o).PageSize, orZero(o).Offset, defaultFollowPageSize)
}

// GetFollowers lists the users who follow a user.
// GET /users/{user_id}/followers. The answer is a bare array; whether more
// follow is only in the X-Has-More and X-Total-Count headers (read them
// with WithResponse).
func (c *Client) GetFollowers(ctx context.Context, userID string, opts *FollowListOptions, callOpts ...CallOption) ([]User, error) {
	return callList[User](ctx, c, epGetFollowers, args{params: []string{userID}, query: followQuery(opts)}, callOpts)
}

// GetFollowing lists the users a user follows.
// GET /users/{user_id}/following. Paging is as in GetFollowers.
func (c *Client) GetFollowing(ctx context.Context, userID string, opts *FollowListOptions, callOpts ...CallOption) ([]User, error) {
	return callList[User](ctx, c, epGetFollowing, args{params: []string{userID}, query: followQuery(opts)}, callOpts)
}

// GetRelationship tells whether the caller and a user follow each other.
// GET /users/{user_id}/relationship. Asking about yourself is
// ErrValidation (INVALID_INPUT), an unknown user ErrNotFound. Blocks are
// not part of it (see ListBlocked).
func (c *Client) GetRelationship(ctx context.Context, userID string, opts ...CallOption) (*Relationship, error) {
	return call[Relationship](ctx, c, epGetRelationship, ids(userID), opts)
}

// GetRelationshipByUsername is GetRelationship by username.
// GET /users/by-username/{username}/relationship.
func (c *Client) GetRelationshipByUsername(ctx context.Context, username string, opts ...CallOption) (*Relationship, error) {
	if err := requireText(epGetRelationshipByUsername.goName, "username", username); err != nil {
		return nil, err
	}
	return call[Relationship](ctx, c, epGetRelationshipByUsername, ids(username), opts)
}

// GetMyFollowing lists one page of the users the caller follows, newest
// follow first. GET /users/me/following. Total counts all of them.
func (c *Client) GetMyFollowing(ctx context.Context, opts *FollowListOptions, callOpts ...CallOption) (*Page[User], error) {
	return call[Page[User]](ctx, c, epGetMyFollowing, args{query: followQuery(opts)}, callOpts)
}

// GetMyFollowers lists one page of the caller's followers, newest first.
// GET /users/me/followers.
func (c *Client) GetMyFollowers(ctx context.Context, opts *FollowListOptions, callOpts ...CallOption) (*Page[User], error) {
	return call[Page[User]](ctx, c, epGetMyFollowers, args{query: followQuery(opts)}, callOpts)
}

// IterFollowsOptions cap IterMyFollowing and IterMyFollowers.
type IterFollowsOptions struct {
	// MaxResults stops the iteration after that many users (0: no limit).
	MaxResults int
}

// IterMyFollowing walks GET /users/me/following at limit=100, advancing
// offset by the rows received, until has_more is false or a page is empty.
func (c *Client) IterMyFollowing(ctx context.Context, opts *IterFollowsOptions, callOpts ...CallOption) iter.Seq2[*User, error] {
	return iterFollows(ctx, opts, epIterMyFollowing, c, callOpts)
}

// IterMyFollowers walks GET /users/me/followers like IterMyFollowing.
func (c *Client) IterMyFollowers(ctx context.Context, opts *IterFollowsOptions, callOpts ...CallOption) iter.Seq2[*User, error] {
	return iterFollows(ctx, opts, epIterMyFollowers, c, callOpts)
}

func iterFollows(ctx context.Context, opts *IterFollowsOptions, ep *endpoint, c *Client, callOpts []CallOption) iter.Seq2[*User, error] {
	o := orZero(opts)
	return func(yield func(*User, error) bool) {
		offset := 0 // the rows received so far: the server's pages may be short
		fetch := func(ctx context.Context, _ int) (*Page[User], error) {
			p, err := call[Page[User]](ctx, c, ep, args{query: followQuery(&FollowListOptions{PageSize: MaxPageSize, Offset: offset})}, callOpts)
			if err == nil {
				offset += len(p.Items)
				if p.HasMore == nil { // no has_more: not "true", so the walk ends
					p.HasMore = new(bool)
				}
			}
			return p, err
		}
		paginate(ctx, MaxPageSize, o.MaxResults, userID, fetch)(yield)
	}
}
