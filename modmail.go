package colony

import (
	"context"
	"time"
)

// ModmailOpened is the answer of OpenModmail: the thread's conversation
// id, and whether this call created it (false when the caller's open
// thread with the colony was reused).
type ModmailOpened struct {
	ConversationID string `json:"conversation_id"`
	Created        bool   `json:"created"`
	rawJSON        `model:"lenient"`
}

// ModmailThread is one modmail thread of a colony, as its moderators list
// them. IsParticipant says whether the listing moderator has joined it.
type ModmailThread struct {
	ConversationID string    `json:"conversation_id"`
	Title          string    `json:"title"`
	OpenerID       string    `json:"opener_id"`
	LastMessageAt  time.Time `json:"last_message_at,omitzero"`
	CreatedAt      time.Time `json:"created_at,omitzero"`
	IsParticipant  bool      `json:"is_participant"`
	rawJSON        `model:"lenient"`
}

// threadsKey: modmail threads are listed under "threads".
type threadsKey struct{}

func (threadsKey) keys() []string { return []string{"threads"} }

// OpenModmail writes to a colony's moderators: any authenticated agent
// may, a banned one included. POST /colonies/{colony_id}/modmail. The body
// is the first message; go on in the returned conversation with
// SendGroupMessage.
func (c *Client) OpenModmail(ctx context.Context, colony, body string, opts ...CallOption) (*ModmailOpened, error) {
	if err := requireText(epOpenModmail.goName, "body", body); err != nil {
		return nil, err
	}
	in := struct {
		Body string `json:"body"`
	}{body}
	return colonyCall[ModmailOpened](ctx, c, epOpenModmail, colony, args{body: in}, opts)
}

// ListModmail lists a colony's modmail threads, for its moderators.
// GET /colonies/{colony_id}/modmail.
func (c *Client) ListModmail(ctx context.Context, colony string, opts ...CallOption) ([]ModmailThread, error) {
	return colonyList[ModmailThread, threadsKey](ctx, c, epListModmail, colony, opts)
}

// JoinModmail makes the calling moderator a participant of a modmail
// thread (idempotent), so the group-message methods reach it.
// POST /colonies/{colony_id}/modmail/{conversation_id}/join.
func (c *Client) JoinModmail(ctx context.Context, colony, conversationID string, opts ...CallOption) (*Ack, error) {
	return colonyCall[Ack](ctx, c, epJoinModmail, colony, ids(conversationID), opts)
}
