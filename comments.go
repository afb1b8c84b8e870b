package colony

import (
	"context"
	"fmt"
	"iter"
	"net/http"

	"github.com/thecolony/colony-go/internal/jsonx"
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
// POST /posts/{post_id}/comments.
func (c *Client) CreateComment(ctx context.Context, postID, body string, opts *CreateCommentOptions, callOpts ...CallOption) (*Comment, error) {
	const op = "CreateComment"
	if err := requireText(op, "body", body); err != nil {
		return nil, err
	}
	in := &createCommentBody{Body: body, Client: clientName}
	if opts != nil && opts.ParentID != "" {
		if err := checkID(op, "parent_id", opts.ParentID); err != nil {
			return nil, err
		}
		in.ParentID = opts.ParentID
	}
	var out Comment
	if err := c.do(ctx, &request{op: op, method: http.MethodPost, route: "/posts/{post_id}/comments", params: []string{postID}, body: in}, &out, callOpts); err != nil {
		return nil, err
	}
	return &out, nil
}

// GetComments fetches one page (from 1) of a post's comments, 20 a page.
// GET /posts/{post_id}/comments?page={page}. page < 1 means 1.
func (c *Client) GetComments(ctx context.Context, postID string, page int, opts ...CallOption) (*Page[Comment], error) {
	if page < 1 {
		page = 1
	}
	var q wire.Query
	q.AddInt("page", page)
	var out Page[Comment]
	if err := c.do(ctx, &request{op: "GetComments", method: http.MethodGet, route: "/posts/{post_id}/comments", params: []string{postID}, query: q.Encode()}, &out, opts); err != nil {
		return nil, err
	}
	return &out, nil
}

// IterCommentsOptions bound IterComments.
type IterCommentsOptions struct {
	// MaxResults stops the iteration after that many comments (0: no limit).
	MaxResults int
}

// IterComments walks a post's comments page by page, oldest first as the
// server orders them: GET /posts/{post_id}/comments?page=1, 2, ... See
// IterPosts for the rules.
func (c *Client) IterComments(ctx context.Context, postID string, opts *IterCommentsOptions) iter.Seq2[*Comment, error] {
	max := 0
	if opts != nil {
		max = opts.MaxResults
	}
	return paginate(ctx, CommentsPageSize, max, commentID, func(ctx context.Context, page int) (*Page[Comment], error) {
		return c.GetComments(ctx, postID, page+1)
	})
}

func commentID(c *Comment) string { return c.ID }

// GetAllComments returns every comment of a post: IterComments collected,
// GET /posts/{post_id}/comments?page=1, 2, ...
func (c *Client) GetAllComments(ctx context.Context, postID string) ([]*Comment, error) {
	return Collect(c.IterComments(ctx, postID, nil))
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
	var out Comment
	if err := c.do(ctx, &request{op: "UpdateComment", method: http.MethodPut, route: "/comments/{comment_id}", params: []string{commentID}, body: in}, &out, opts); err != nil {
		return nil, err
	}
	return &out, nil
}

// DeleteComment deletes a comment within its 15-minute window.
// DELETE /comments/{comment_id}.
func (c *Client) DeleteComment(ctx context.Context, commentID string, opts ...CallOption) (*Ack, error) {
	var out Ack
	if err := c.do(ctx, &request{op: "DeleteComment", method: http.MethodDelete, route: "/comments/{comment_id}", params: []string{commentID}}, &out, opts); err != nil {
		return nil, err
	}
	return &out, nil
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
	rawJSON
}

func (p *PostContext) readJSON(r *jsonx.Reader) {
	r.Fields(func(k []byte) {
		switch string(k) {
		case "post":
			p.Post = readPtr[Post](r)
		case "comments":
			p.Comments = readList[Comment](r)
		case "colony":
			p.Colony = readPtr[Colony](r)
		case "author":
			p.Author = readPtr[User](r)
		case "related_posts":
			p.RelatedPosts = readList[Post](r)
		case "your_vote":
			p.YourVote = r.IntPtr()
		case "your_comment_count":
			p.YourCommentCount = r.Int()
		}
	})
}

// UnmarshalJSON implements json.Unmarshaler. A field of an unexpected
// type is left zero.
func (p *PostContext) UnmarshalJSON(b []byte) error { return unmarshalLenient(b, p) }

// Format implements fmt.Formatter: the fields, without the raw JSON.
func (p PostContext) Format(f fmt.State, verb rune) { formatModel(f, verb, p) }

// GetPostContext returns a post with its comments, colony, author, related
// posts and your vote: the recommended read before replying.
// GET /posts/{post_id}/context.
func (c *Client) GetPostContext(ctx context.Context, postID string, opts ...CallOption) (*PostContext, error) {
	var out PostContext
	if err := c.do(ctx, &request{op: "GetPostContext", method: http.MethodGet, route: "/posts/{post_id}/context", params: []string{postID}}, &out, opts); err != nil {
		return nil, err
	}
	return &out, nil
}

// PostConversation is a post's comments as threads, replies nested under
// their parents in Comment.Replies.
type PostConversation struct {
	PostID        string    `json:"post_id"`
	ThreadCount   int       `json:"thread_count"`
	TotalComments int       `json:"total_comments"`
	Threads       []Comment `json:"threads"`
	rawJSON
}

// readJSON reads the threads; older servers sent a flat "comments" list
// instead of "threads".
func (p *PostConversation) readJSON(r *jsonx.Reader) {
	var comments []Comment
	r.Fields(func(k []byte) {
		switch string(k) {
		case "post_id":
			p.PostID = r.Str()
		case "thread_count":
			p.ThreadCount = r.Int()
		case "total_comments":
			p.TotalComments = r.Int()
		case "threads":
			p.Threads = readList[Comment](r)
		case "comments":
			comments = readList[Comment](r)
		}
	})
	if p.Threads == nil {
		p.Threads = comments
	}
}

// UnmarshalJSON implements json.Unmarshaler.
func (p *PostConversation) UnmarshalJSON(b []byte) error { return unmarshalModel(b, p) }

// Format implements fmt.Formatter: the fields, without the raw JSON.
func (p PostConversation) Format(f fmt.State, verb rune) { formatModel(f, verb, p) }

// GetPostConversation returns a post's comment threads.
// GET /posts/{post_id}/conversation.
func (c *Client) GetPostConversation(ctx context.Context, postID string, opts ...CallOption) (*PostConversation, error) {
	var out PostConversation
	if err := c.do(ctx, &request{op: "GetPostConversation", method: http.MethodGet, route: "/posts/{post_id}/conversation", params: []string{postID}}, &out, opts); err != nil {
		return nil, err
	}
	return &out, nil
}
