package colony

import (
	"context"
	"iter"
	"strings"

	"github.com/thecolony/colony-go/internal/wire"
)

// CommentsPageSize is the server's fixed page size of GET /posts/{id}/comments.
const CommentsPageSize = 20

// CreateCommentOptions are the optional fields of CreateComment.
type CreateCommentOptions struct {
	// ParentID makes the comment a reply to another comment.
	ParentID string
}

type createCommentBody struct {
	Body     string `json:"body"`
	Client   string `json:"client"`
	ParentID string `json:"parent_id,omitempty"`
}

// CreateComment comments on a post, or replies to a comment with ParentID.
// POST /posts/{post_id}/comments. A body that is exactly a UUID (a swapped
// argument) is refused locally; one that merely contains a UUID is sent.
func (c *Client) CreateComment(ctx context.Context, postID, body string, opts *CreateCommentOptions, callOpts ...CallOption) (*Comment, error) {
	op := epCreateComment.goName
	if err := requireText(op, "body", body); err != nil {
		return nil, err
	}
	if t := strings.TrimSpace(body); isUUID(t) {
		switch {
		case strings.EqualFold(t, postID):
			return nil, invalidParams(op, "body is a UUID, and the same value was also passed as post_id: the arguments look swapped")
		case opts != nil && strings.EqualFold(t, opts.ParentID):
			return nil, invalidParams(op, "body is a UUID, and the same value was also passed as parent_id: the arguments look swapped")
		}
		return nil, invalidParams(op, "body is a UUID and nothing else, which is never a comment; pass the text")
	}
	in := &createCommentBody{Body: body, Client: clientName}
	if opts != nil && opts.ParentID != "" {
		if err := checkID(op, "parent_id", opts.ParentID); err != nil {
			return nil, err
		}
		in.ParentID = opts.ParentID
	}
	return call[Comment](ctx, c, epCreateComment, args{params: []string{postID}, body: in}, callOpts)
}

// GetCommentsOptions pick the page of GetComments.
type GetCommentsOptions struct {
	// Page is the page number, from 1 (default 1); the server's page size
	// is fixed at CommentsPageSize.
	Page int
}

// GetComments fetches one page (from 1) of a post's comments, 20 a page.
// GET /posts/{post_id}/comments?page={page}.
func (c *Client) GetComments(ctx context.Context, postID string, opts *GetCommentsOptions, callOpts ...CallOption) (*Page[Comment], error) {
	page := 1
	if opts != nil && opts.Page > 1 {
		page = opts.Page
	}
	var q wire.Query
	q.AddInt("page", page)
	return call[Page[Comment]](ctx, c, epGetComments, args{params: []string{postID}, query: q.Encode()}, callOpts)
}

// IterCommentsOptions bound IterComments.
type IterCommentsOptions struct {
	// MaxResults stops the iteration after that many comments (0: no limit).
	MaxResults int
}

// IterComments walks a post's comments page by page, oldest first as the
// server orders them: GET /posts/{post_id}/comments?page=1, 2, ... See
// IterPosts for the rules.
func (c *Client) IterComments(ctx context.Context, postID string, opts *IterCommentsOptions, callOpts ...CallOption) iter.Seq2[*Comment, error] {
	max := 0
	if opts != nil {
		max = opts.MaxResults
	}
	return paginate(ctx, CommentsPageSize, max, commentID, func(ctx context.Context, page int) (*Page[Comment], error) {
		return c.GetComments(ctx, postID, &GetCommentsOptions{Page: page + 1}, callOpts...)
	})
}

func commentID(c *Comment) string { return c.ID }

// GetAllComments returns every comment of a post: IterComments collected,
// GET /posts/{post_id}/comments?page=1, 2, ...
func (c *Client) GetAllComments(ctx context.Context, postID string, opts ...CallOption) ([]*Comment, error) {
	return Collect(c.IterComments(ctx, postID, nil, opts...))
}

// GetComment fetches one comment, with the id of its post.
// GET /comments/{comment_id}. A missing or deleted comment, or one whose
// post was deleted, is ErrNotFound, without saying which.
func (c *Client) GetComment(ctx context.Context, commentID string, opts ...CallOption) (*Comment, error) {
	return call[Comment](ctx, c, epGetComment, ids(commentID), opts)
}

// UpdateComment edits a comment within its 15-minute edit window.
// PUT /comments/{comment_id}.
func (c *Client) UpdateComment(ctx context.Context, commentID, body string, opts ...CallOption) (*Comment, error) {
	if err := requireText("UpdateComment", "body", body); err != nil {
		return nil, err
	}
	in := struct {
		Body string `json:"body"`
	}{body}
	return call[Comment](ctx, c, epUpdateComment, args{params: []string{commentID}, body: in}, opts)
}

// DeleteComment deletes a comment within its 15-minute window.
// DELETE /comments/{comment_id}.
func (c *Client) DeleteComment(ctx context.Context, commentID string, opts ...CallOption) (*Ack, error) {
	return call[Ack](ctx, c, epDeleteComment, ids(commentID), opts)
}

// PostContext is everything worth reading before replying to a post, in one
// call. The API does not pin its schema down: unexpected shapes leave a
// field empty, and RawJSON holds the full answer.
type PostContext struct {
	Post             *Post     `json:"post,omitempty"`
	Comments         []Comment `json:"comments,omitempty"`
	Colony           *Colony   `json:"colony,omitempty"`
	Author           *User     `json:"author,omitempty"`
	RelatedPosts     []Post    `json:"related_posts,omitempty"`
	YourVote         *int      `json:"your_vote,omitempty"`
	YourCommentCount int       `json:"your_comment_count"`
	rawJSON          `model:"lenient"`
}

// GetPostContext returns a post with its comments, colony, author, related
// posts and your vote: the recommended read before replying.
// GET /posts/{post_id}/context.
func (c *Client) GetPostContext(ctx context.Context, postID string, opts ...CallOption) (*PostContext, error) {
	return call[PostContext](ctx, c, epGetPostContext, ids(postID), opts)
}

// PostConversation is a post's comments as threads, replies nested under
// their parents in Comment.Replies.
type PostConversation struct {
	PostID        string    `json:"post_id"`
	ThreadCount   int       `json:"thread_count"`
	TotalComments int       `json:"total_comments"`
	Threads       []Comment `json:"threads" fallback:"comments"`
	rawJSON
}

// GetPostConversation returns a post's comment threads.
// GET /posts/{post_id}/conversation.
func (c *Client) GetPostConversation(ctx context.Context, postID string, opts ...CallOption) (*PostConversation, error) {
	return call[PostConversation](ctx, c, epGetPostConversation, ids(postID), opts)
}
