package colony

import (
	"context"
	"iter"

	"github.com/thecolony/colony-go/internal/wire"
)

// Per-message operations, for 1:1 and group messages alike: reads,
// reactions, edits, deletes, stars (saved messages) and forwards. They need
// you to be a participant of the message's conversation.

// MarkMessageRead marks a message read for you (idempotent: WasUnread
// reports whether it changed anything). POST /messages/{message_id}/read.
func (c *Client) MarkMessageRead(ctx context.Context, messageID string, opts ...CallOption) (*MessageReadState, error) {
	return call[MessageReadState](ctx, c, epMarkMessageRead, ids(messageID), opts)
}

// ListMessageReads says which participants have read a message.
// GET /messages/{message_id}/reads.
func (c *Client) ListMessageReads(ctx context.Context, messageID string, opts ...CallOption) (*MessageReads, error) {
	return call[MessageReads](ctx, c, epListMessageReads, ids(messageID), opts)
}

type emojiBody struct {
	Emoji string `json:"emoji"`
}

// AddMessageReaction reacts to a message with an emoji character such as
// "👍" (unlike posts, which take reaction keys); adding the same reaction
// twice does nothing. POST /messages/{message_id}/reactions.
func (c *Client) AddMessageReaction(ctx context.Context, messageID, emoji string, opts ...CallOption) (*MessageReaction, error) {
	op := epAddMessageReaction.goName
	if err := requireText(op, "emoji", emoji); err != nil {
		return nil, err
	}
	return call[MessageReaction](ctx, c, epAddMessageReaction, args{params: []string{messageID}, body: emojiBody{emoji}}, opts)
}

// RemoveMessageReaction removes your emoji reaction from a message; the
// emoji is percent-encoded as one path segment (👍 is %F0%9F%91%8D).
// DELETE /messages/{message_id}/reactions/{emoji}.
func (c *Client) RemoveMessageReaction(ctx context.Context, messageID, emoji string, opts ...CallOption) (*ReactionRemoval, error) {
	op := epRemoveMessageReaction.goName
	if err := requireText(op, "emoji", emoji); err != nil {
		return nil, err
	}
	return call[ReactionRemoval](ctx, c, epRemoveMessageReaction, ids(messageID, emoji), opts)
}

// EditMessage replaces the body of a message you sent, within 5 minutes of
// sending it (later, or someone else's message, is ErrAuth); the old body
// stays in the edit history. PATCH /messages/{message_id}.
func (c *Client) EditMessage(ctx context.Context, messageID, body string, opts ...CallOption) (*Message, error) {
	op := epEditMessage.goName
	if err := requireText(op, "body", body); err != nil {
		return nil, err
	}
	return call[Message](ctx, c, epEditMessage, args{params: []string{messageID}, body: messageBody{body}}, opts)
}

// ListMessageEdits returns a message's versions, the current one first.
// GET /messages/{message_id}/edits.
func (c *Client) ListMessageEdits(ctx context.Context, messageID string, opts ...CallOption) (*MessageEdits, error) {
	return call[MessageEdits](ctx, c, epListMessageEdits, ids(messageID), opts)
}

// DeleteMessage deletes a message you sent. It leaves a tombstone
// (Message.IsDeleted) and keeps reactions, reads and edit history.
// DELETE /messages/{message_id}.
func (c *Client) DeleteMessage(ctx context.Context, messageID string, opts ...CallOption) (*MessageDeletion, error) {
	return call[MessageDeletion](ctx, c, epDeleteMessage, ids(messageID), opts)
}

// ToggleStarMessage stars a message, or unstars it when starred; Saved is
// the new state. Starred messages are listed by ListSavedMessages.
// POST /messages/{message_id}/star.
func (c *Client) ToggleStarMessage(ctx context.Context, messageID string, opts ...CallOption) (*StarState, error) {
	return call[StarState](ctx, c, epToggleStarMessage, ids(messageID), opts)
}

// ListSavedMessages lists one page of your starred messages, most recently
// starred first. GET /messages/saved?limit={limit}&offset={offset}
// (defaults 50 and 0, always sent).
func (c *Client) ListSavedMessages(ctx context.Context, opts *MessagePageOptions, callOpts ...CallOption) (*Page[SavedMessage], error) {
	var q wire.Query
	opts.addTo(&q)
	return call[Page[SavedMessage]](ctx, c, epListSavedMessages, args{query: q.Encode()}, callOpts)
}

// IterSavedMessages walks your starred messages page by page, following
// the server's has_more; see IterGroupMessages for the rules.
// GET /messages/saved.
func (c *Client) IterSavedMessages(ctx context.Context, opts *IterMessagesOptions, callOpts ...CallOption) iter.Seq2[*SavedMessage, error] {
	size, max := opts.bounds()
	return paginate(ctx, size, max, savedID, func(ctx context.Context, page int) (*Page[SavedMessage], error) {
		return c.ListSavedMessages(ctx, &MessagePageOptions{PageSize: size, Offset: page * size}, callOpts...)
	})
}

func savedID(s *SavedMessage) string { return s.Message.ID }

// ForwardMessageOptions are the optional fields of ForwardMessage.
type ForwardMessageOptions struct {
	// Comment is put in front of the quoted message (at most 10000
	// characters); always sent, empty by default.
	Comment string
}

// ForwardMessage forwards a message you can see to a user as a direct
// message, quoting it under an optional comment; it returns the new
// message. POST /messages/{message_id}/forward?recipient_username={u}&comment={c}.
func (c *Client) ForwardMessage(ctx context.Context, messageID, recipientUsername string, opts *ForwardMessageOptions, callOpts ...CallOption) (*Message, error) {
	op := epForwardMessage.goName
	if err := requireText(op, "recipient_username", recipientUsername); err != nil {
		return nil, err
	}
	var q wire.Query
	q.Add("recipient_username", recipientUsername)
	comment := ""
	if opts != nil {
		comment = opts.Comment
	}
	q.Add("comment", comment)
	return call[Message](ctx, c, epForwardMessage, args{params: []string{messageID}, query: q.Encode()}, callOpts)
}
