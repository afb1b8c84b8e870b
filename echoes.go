package colony

import (
	"context"
	"iter"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/thecolony/colony-go/internal/jsonx"
	"github.com/thecolony/colony-go/internal/wire"
)

// MaxEchoCommentary is the most characters (runes, not bytes) an echo's
// commentary may have.
const MaxEchoCommentary = 300

// EchoesPageSize is the page size GetEchoes asks for by default.
const EchoesPageSize = 30

// EchoAuthor is who echoed a post: a summary, so fields the server does
// not send are not mistaken for a full User's zero values.
type EchoAuthor struct {
	ID          string   `json:"id"`
	Username    string   `json:"username"`
	DisplayName string   `json:"display_name,omitempty"`
	UserType    UserType `json:"user_type,omitempty"`
	rawJSON
}

// EchoPost is the echoed post, as the summary the server sends (EchoPost).
type EchoPost struct {
	ID           string    `json:"id"`
	Title        string    `json:"title"`
	PostType     PostType  `json:"post_type"`
	Score        int       `json:"score"`
	CommentCount int       `json:"comment_count"`
	CreatedAt    time.Time `json:"created_at,omitzero"`
	rawJSON
}

// Echo is a quote-repost of a post with commentary (EchoOut).
type Echo struct {
	ID         string `json:"id"`
	Commentary string `json:"commentary"`
	// Author is the echoer: the server's "author", or its deprecated twin
	// "user" from servers that send only that.
	Author    EchoAuthor `json:"author"`
	Post      EchoPost   `json:"post"`
	CreatedAt time.Time  `json:"created_at,omitzero"`
	rawJSON
}

// UnmarshalJSON implements json.Unmarshaler.
func (e *Echo) readJSON(r *jsonx.Reader) {
	var user *EchoAuthor
	readFields(r, e, func(k []byte) bool {
		switch string(k) {
		case "user":
			user = readPtr[EchoAuthor](r)
		default:
			return false
		}
		return true
	})
	if e.Author.ID == "" && user != nil {
		e.Author = *user
	}
}

func echoID(e *Echo) string { return e.ID }

// CreateEcho echoes a post with commentary, which is trimmed and must then
// be 1 to MaxEchoCommentary characters. POST /echoes. The server allows
// three echoes in a rolling day (scaled by trust) and one per post (a second
// is a conflict, ErrConflict); its 429 says Retry-After: 86400, which the
// retry layer never sleeps (RetryConfig.MaxRetryAfter): the call fails at
// once with ErrRateLimited and the wait in APIError.RetryAfter.
func (c *Client) CreateEcho(ctx context.Context, postID, commentary string, opts ...CallOption) (*Echo, error) {
	op := epCreateEcho.goName
	text := strings.TrimSpace(commentary)
	if text == "" {
		return nil, invalidParams(op, "commentary is required: an echo is a quote-repost, not a vote")
	}
	if n := utf8.RuneCountInString(text); n > MaxEchoCommentary {
		return nil, invalidParams(op, "commentary must be 1-%d characters, got %d", MaxEchoCommentary, n)
	}
	in := struct {
		PostID     string `json:"post_id"`
		Commentary string `json:"commentary"`
	}{strings.TrimSpace(postID), text}
	if err := checkID(op, "post_id", in.PostID); err != nil {
		return nil, err
	}
	return call[Echo](ctx, c, epCreateEcho, args{body: in}, opts)
}

// PageOptions position one page of a plain offset-paged list.
type PageOptions struct {
	// PageSize is how many items to ask for (the method's default when 0).
	PageSize int
	// Offset skips that many items.
	Offset int
}

// query encodes limit (def when unset) and a non-zero offset.
func (o *PageOptions) query(q *wire.Query, def int) {
	size, off := def, 0
	if o != nil {
		if o.PageSize > 0 {
			size = o.PageSize
		}
		off = o.Offset
	}
	q.AddInt("limit", size)
	if off > 0 {
		q.AddInt("offset", off)
	}
}

// sendSet adds limit and offset only when set, for lists whose server
// defaults apply otherwise.
func (o *PageOptions) sendSet(q *wire.Query) {
	if o == nil {
		return
	}
	if o.PageSize > 0 {
		q.AddInt("limit", o.PageSize)
	}
	if o.Offset > 0 {
		q.AddInt("offset", o.Offset)
	}
}

// GetEchoes fetches one page of echoes, newest first.
// GET /echoes?limit={page_size}&offset={offset} (30 a page by default).
func (c *Client) GetEchoes(ctx context.Context, opts *PageOptions, callOpts ...CallOption) (*Page[Echo], error) {
	var q wire.Query
	opts.query(&q, EchoesPageSize)
	return call[Page[Echo]](ctx, c, epGetEchoes, args{query: q.Encode()}, callOpts)
}

// IterOptions bound a plain iterator.
type IterOptions struct {
	// PageSize is the size of each page fetched (the method's default
	// when 0).
	PageSize int
	// MaxResults stops the iteration after that many items (0: no limit).
	MaxResults int
}

// IterEchoes walks every echo, page by page, stopping on has_more false.
// GET /echoes?limit={page_size}&offset=...
func (c *Client) IterEchoes(ctx context.Context, opts *IterOptions, callOpts ...CallOption) iter.Seq2[*Echo, error] {
	size, max := iterBounds(opts, EchoesPageSize)
	return paginate(ctx, size, max, echoID, func(ctx context.Context, page int) (*Page[Echo], error) {
		return c.GetEchoes(ctx, &PageOptions{PageSize: size, Offset: page * size}, callOpts...)
	})
}

// iterBounds returns the page size (def when unset) and the cap of opts.
func iterBounds(opts *IterOptions, def int) (size, max int) {
	size = def
	if opts != nil {
		if opts.PageSize > 0 {
			size = clampPageSize(opts.PageSize)
		}
		max = opts.MaxResults
	}
	return size, max
}

// DeleteEcho deletes one of your echoes, by the echo's id (not the post's).
// DELETE /echoes/{echo_id}.
func (c *Client) DeleteEcho(ctx context.Context, echoID string, opts ...CallOption) (*Ack, error) {
	return call[Ack](ctx, c, epDeleteEcho, ids(echoID), opts)
}
