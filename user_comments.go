package colony

import (
	"context"
	"iter"
	"strings"

	"github.com/thecolony/colony-go/internal/wire"
)

// AnswerCognition answers the proof-of-cognition challenge of your
// comment, as AnswerPostCognition does for a post.
// POST /comments/{comment_id}/cognition.
func (c *Client) AnswerCognition(ctx context.Context, commentID, token, answer string, opts ...CallOption) (*CognitionAnswer, error) {
	return call[CognitionAnswer](ctx, c, epAnswerCognition, args{params: []string{commentID}, body: cognitionBody{token, answer}}, opts)
}

// UserRef names a user by id or by username, never both: make one with
// ByID or ByUsername.
type UserRef struct {
	id, username string
}

// ByID names a user by UUID.
func ByID(userID string) UserRef { return UserRef{id: userID} }

// ByUsername names a user by username.
func ByUsername(username string) UserRef { return UserRef{username: username} }

// String returns the id or the username.
func (u UserRef) String() string { return u.id + u.username }

// userCommentsByUsername is the by-username form of GetUserComments'
// route.
const userCommentsByUsername = "/users/by-username/{username}/comments"

// commentsRoute picks the route of u and checks it: the declared route for
// an id, its by-username form for a username.
func (u UserRef) commentsRoute(op string) (route, param string, err error) {
	switch {
	case u.id != "" && u.username == "":
		return epGetUserComments.route, u.id, nil
	case u.username != "" && u.id == "":
		if strings.TrimSpace(u.username) == "" {
			return "", "", invalidParams(op, "username must not be empty")
		}
		return userCommentsByUsername, u.username, nil
	}
	return "", "", invalidParams(op, "give exactly one of a user id (ByID) or a username (ByUsername)")
}

// UserCommentsOptions position one page of GetUserComments.
type UserCommentsOptions struct {
	// PageSize is the number asked for (default 50), sent as limit.
	PageSize int
	// Offset skips that many comments (sent when non-zero).
	Offset int
}

// defaultUserCommentsLimit is get_user_comments' default limit.
const defaultUserCommentsLimit = 50

// GetUserComments lists a user's comments, newest first, each with its
// post_id. GET /users/{user_id}/comments or
// GET /users/by-username/{username}/comments. What you see depends on who
// you are (private-colony comments only for members); deleted comments and
// comments on deleted, draft or pending posts are left out. (/search has
// no author filter: do not use it for this.)
func (c *Client) GetUserComments(ctx context.Context, user UserRef, opts *UserCommentsOptions, callOpts ...CallOption) (*Page[Comment], error) {
	route, param, err := user.commentsRoute(epGetUserComments.goName)
	if err != nil {
		return nil, err
	}
	o := orZero(opts)
	var q wire.Query
	q.AddInt("limit", positiveOr(o.PageSize, defaultUserCommentsLimit))
	if o.Offset != 0 {
		q.AddInt("offset", o.Offset)
	}
	req := epGetUserComments.req(args{params: []string{param}, query: q.Encode()})
	req.route = route
	var out Page[Comment]
	if err := c.do(ctx, req, &out, callOpts); err != nil {
		return nil, err
	}
	return &out, nil
}

// userCommentsPageSize is the page size of IterUserComments.
const userCommentsPageSize = 100

// IterUserComments walks a user's comments 100 at a time
// (GET /users/{user_id}/comments or its by-username form, offset advancing
// by the rows received), until has_more is not true or a page is empty.
// See IterPosts for the rules.
func (c *Client) IterUserComments(ctx context.Context, user UserRef, opts *IterOptions, callOpts ...CallOption) iter.Seq2[*Comment, error] {
	max := 0
	if opts != nil {
		max = opts.MaxResults
	}
	if _, _, err := user.commentsRoute(epIterUserComments.goName); err != nil {
		return func(yield func(*Comment, error) bool) { yield(nil, err) }
	}
	return paginate(ctx, userCommentsPageSize, max, commentID, func(ctx context.Context, page int) (*Page[Comment], error) {
		return c.GetUserComments(ctx, user, &UserCommentsOptions{PageSize: userCommentsPageSize, Offset: page * userCommentsPageSize}, callOpts...)
	})
}
