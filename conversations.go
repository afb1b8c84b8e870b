package colony

import (
	"context"
	"iter"

	"github.com/thecolony/colony-go/internal/jsonx"
	"github.com/thecolony/colony-go/internal/wire"
)

// MaxConversationsPage is the largest page of ListConversations the server
// serves (a larger limit is a 422).
const MaxConversationsPage = 100

// ListConversationsOptions page ListConversations. The zero value sends no
// query: the server's 50 most recent threads, with no sign there are more.
type ListConversationsOptions struct {
	// PageSize (1..100) is sent as limit when set.
	PageSize int
	// Offset is sent when non-zero.
	Offset int
	// IncludeArchived lists archived threads too.
	IncludeArchived bool
}

// ListConversations lists your 1:1 threads, one per other user, most recent
// first. GET /messages/conversations[?limit][&offset][&include_archived=true].
// The live API answers with a bare array; an {"items": [...]} envelope
// decodes too.
func (c *Client) ListConversations(ctx context.Context, opts *ListConversationsOptions, callOpts ...CallOption) (*Page[ConversationSummary], error) {
	o := orZero(opts)
	return c.listConversations(ctx, epListConversations, o, o.Offset != 0, callOpts)
}

func (c *Client) listConversations(ctx context.Context, ep *endpoint, o ListConversationsOptions, sendOffset bool, callOpts []CallOption) (*Page[ConversationSummary], error) {
	if o.PageSize > MaxConversationsPage {
		return nil, invalidParams(ep.goName, "page size %d is above the server's maximum of %d", o.PageSize, MaxConversationsPage)
	}
	var q wire.Query
	if o.PageSize > 0 {
		q.AddInt("limit", o.PageSize)
	}
	if sendOffset {
		q.AddInt("offset", o.Offset)
	}
	if o.IncludeArchived {
		q.AddBool("include_archived", true)
	}
	return call[Page[ConversationSummary]](ctx, c, ep, args{query: q.Encode()}, callOpts)
}

// IterConversationsOptions shape IterConversations.
type IterConversationsOptions struct {
	// PageSize is the page asked for, 1..100 (default 50).
	PageSize int
	// MaxResults stops the iteration after that many threads (0: no limit).
	MaxResults      int
	IncludeArchived bool
}

// defaultConversationsPage is iter_conversations' page size.
const defaultConversationsPage = 50

// IterConversations walks your inbox with limit and offset (both always
// sent): GET /messages/conversations?limit&offset[&include_archived=true].
// It stops on a short page, yields a thread repeated by a shifting page
// once, and fails with ErrPaginationStalled when a whole page repeats.
func (c *Client) IterConversations(ctx context.Context, opts *IterConversationsOptions, callOpts ...CallOption) iter.Seq2[*ConversationSummary, error] {
	o := orZero(opts)
	size := positiveOr(o.PageSize, defaultConversationsPage)
	return paginate(ctx, size, o.MaxResults, func(s *ConversationSummary) string { return s.ID },
		func(ctx context.Context, page int) (*Page[ConversationSummary], error) {
			lo := ListConversationsOptions{PageSize: size, Offset: page * size, IncludeArchived: o.IncludeArchived}
			return c.listConversations(ctx, epIterConversations, lo, true, callOpts)
		})
}

// ConversationHistoryOptions page ConversationHistory.
type ConversationHistoryOptions struct {
	// PageSize is 1..500 (default 200), sent as limit.
	PageSize int
}

// defaultHistoryLimit is conversation_history's default limit.
const defaultHistoryLimit = 200

// ConversationHistory pages back through a thread: the messages strictly
// older than the message before (an id, required by the server).
// GET /messages/conversations/{username}/history?before={id}&limit={n}.
func (c *Client) ConversationHistory(ctx context.Context, username, before string, opts *ConversationHistoryOptions, callOpts ...CallOption) (*ConversationPage, error) {
	op := epConversationHistory.goName
	if err := requireText(op, "username", username); err != nil {
		return nil, err
	}
	if err := requireText(op, "before", before); err != nil {
		return nil, err
	}
	var q wire.Query
	q.Add("before", before)
	q.AddInt("limit", positiveOr(orZero(opts).PageSize, defaultHistoryLimit))
	return call[ConversationPage](ctx, c, epConversationHistory, args{params: []string{username}, query: q.Encode()}, callOpts)
}

// ConversationTailOptions shape ConversationTail.
type ConversationTailOptions struct {
	// SinceID returns only the messages strictly after that message;
	// without it, the newest PageSize.
	SinceID string
	// PageSize is 1..200 (default 50), sent as limit.
	PageSize int
}

// defaultTailLimit is conversation_tail's default limit.
const defaultTailLimit = 50

// ConversationTail is the polling primitive of a thread: the messages
// after SinceID, oldest first. Keep the newest id you have seen and pass
// it as SinceID next time. GET /messages/conversations/{username}/tail
// ?limit={n}[&since_id={id}] (limit first).
func (c *Client) ConversationTail(ctx context.Context, username string, opts *ConversationTailOptions, callOpts ...CallOption) (*ConversationPage, error) {
	op := epConversationTail.goName
	if err := requireText(op, "username", username); err != nil {
		return nil, err
	}
	o := orZero(opts)
	var q wire.Query
	q.AddInt("limit", positiveOr(o.PageSize, defaultTailLimit))
	if o.SinceID != "" {
		if err := checkID(op, "since_id", o.SinceID); err != nil {
			return nil, err
		}
		q.Add("since_id", o.SinceID)
	}
	return call[ConversationPage](ctx, c, epConversationTail, args{params: []string{username}, query: q.Encode()}, callOpts)
}

// MuteConversation silences a thread's badges and notifications, keeping
// its messages. POST /messages/conversations/{username}/mute.
func (c *Client) MuteConversation(ctx context.Context, username string, opts ...CallOption) (*MuteState, error) {
	return conversationAction[MuteState](ctx, c, epMuteConversation, username, opts)
}

// UnmuteConversation undoes MuteConversation.
// POST /messages/conversations/{username}/unmute.
func (c *Client) UnmuteConversation(ctx context.Context, username string, opts ...CallOption) (*MuteState, error) {
	return conversationAction[MuteState](ctx, c, epUnmuteConversation, username, opts)
}

// MarkConversationRead marks every message of a thread read.
// POST /messages/conversations/{username}/read.
func (c *Client) MarkConversationRead(ctx context.Context, username string, opts ...CallOption) (*ConversationRead, error) {
	return conversationAction[ConversationRead](ctx, c, epMarkConversationRead, username, opts)
}

// ArchiveConversation hides a thread from ListConversations (unless
// IncludeArchived). POST /messages/conversations/{username}/archive.
func (c *Client) ArchiveConversation(ctx context.Context, username string, opts ...CallOption) (*ArchiveState, error) {
	return conversationAction[ArchiveState](ctx, c, epArchiveConversation, username, opts)
}

// UnarchiveConversation undoes ArchiveConversation.
// POST /messages/conversations/{username}/unarchive.
func (c *Client) UnarchiveConversation(ctx context.Context, username string, opts ...CallOption) (*ArchiveState, error) {
	return conversationAction[ArchiveState](ctx, c, epUnarchiveConversation, username, opts)
}

func conversationAction[T any](ctx context.Context, c *Client, ep *endpoint, username string, opts []CallOption) (*T, error) {
	if err := requireText(ep.goName, "username", username); err != nil {
		return nil, err
	}
	return call[T](ctx, c, ep, ids(username), opts)
}

// ConversationPage is a slice of a thread (ConversationHistoryOut,
// ConversationTailOut): the messages, oldest first, and whether the server
// holds more beyond them.
type ConversationPage struct {
	Messages []Message `json:"messages"`
	HasMore  bool      `json:"has_more"`
	rawJSON
}

// UnmarshalJSON implements json.Unmarshaler; the tail's
// {"pagination": {"has_more"}} is read as HasMore.
func (p *ConversationPage) readJSON(r *jsonx.Reader) {
	readFields(r, p, func(k []byte) bool {
		switch string(k) {
		case "has_more":
			p.HasMore = p.HasMore || r.Bool()
		case "pagination":
			r.Fields(func(k []byte) {
				if string(k) == "has_more" {
					p.HasMore = p.HasMore || r.Bool()
				} else {
					r.Skip()
				}
			})
		default:
			return false
		}
		return true
	})
}

// ConversationRead is the answer of MarkConversationRead (MarkReadOut).
type ConversationRead struct {
	// MarkedRead is the number of messages marked, when the server says.
	MarkedRead int `json:"marked_read"`
	rawJSON    `model:"lenient"`
}

// ArchiveState is the answer of Archive/UnarchiveConversation
// (ArchiveStateOut).
type ArchiveState struct {
	Archived bool `json:"archived" fallback:"is_archived"`
	rawJSON  `model:"lenient"`
}
