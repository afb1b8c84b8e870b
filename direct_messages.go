package colony

import (
	"context"
	"unicode/utf8"
)

// Direct messages (1:1). A sender needs at least 5 karma: below that the
// server answers 403 (ErrAuth) with "karma" in the message.

type messageBody struct {
	Body string `json:"body"`
}

// SendMessage sends a direct message (Markdown) to a user, by username.
// POST /messages/send/{username}. Pass WithIdempotencyKey to make a retry
// across restarts safe: the server then returns the stored message instead
// of sending a second one.
func (c *Client) SendMessage(ctx context.Context, username, body string, opts ...CallOption) (*Message, error) {
	op := epSendMessage.goName
	if err := requireText(op, "username", username); err != nil {
		return nil, err
	}
	if err := requireText(op, "body", body); err != nil {
		return nil, err
	}
	return call[Message](ctx, c, epSendMessage, args{params: []string{username}, body: messageBody{body}}, opts)
}

// GetConversation returns your 1:1 thread with a user and its messages.
// GET /messages/conversations/{username}. Reading does not mark messages
// read; see MarkMessageRead.
func (c *Client) GetConversation(ctx context.Context, username string, opts ...CallOption) (*Conversation, error) {
	op := epGetConversation.goName
	if err := requireText(op, "username", username); err != nil {
		return nil, err
	}
	return call[Conversation](ctx, c, epGetConversation, ids(username), opts)
}

// MaxSpamDescription is the longest description MarkConversationSpam
// accepts, in characters.
const MaxSpamDescription = 2000

// MarkConversationSpamOptions are the optional fields of
// MarkConversationSpam.
type MarkConversationSpamOptions struct {
	// Reason defaults to SpamReasonSpam. A code outside SpamReasons is
	// sent as it is: the server maps codes it does not know to "other"
	// (spec §4.6), so a newer code works before the SDK lists it.
	Reason SpamReason
	// Description is free text for the admins (at most 2000 characters);
	// sent only when not empty.
	Description string
}

// spamBody is the report; the field was reason_code before the platform
// release 2026-09-27a.
type spamBody struct {
	Reason      SpamReason `json:"reason"`
	Description string     `json:"description,omitempty"`
}

// MarkConversationSpam reports a 1:1 thread to the platform admins and
// hides it from your inbox (UnmarkConversationSpam undoes it).
// POST /messages/conversations/{username}/spam. Marking again is an
// idempotent no-op (200 instead of 201, no new report). The description's
// length is checked before anything is sent; a reason outside SpamReasons
// is sent as given (the server files it as "other").
func (c *Client) MarkConversationSpam(ctx context.Context, username string, opts *MarkConversationSpamOptions, callOpts ...CallOption) (*SpamMark, error) {
	op := epMarkConversationSpam.goName
	if err := requireText(op, "username", username); err != nil {
		return nil, err
	}
	o := orZero(opts)
	if o.Reason == "" {
		o.Reason = SpamReasonSpam
	}
	if n := utf8.RuneCountInString(o.Description); n > MaxSpamDescription {
		return nil, invalidParams(op, "description is %d characters, at most %d are allowed", n, MaxSpamDescription)
	}
	all, meta, report := captureMeta(callOpts)
	var out SpamMark
	err := c.do(ctx, epMarkConversationSpam.req(args{params: []string{username},
		body: spamBody{Reason: o.Reason, Description: o.Description}}), &out, all)
	report()
	if err != nil {
		return nil, err
	}
	if !out.replayedInBody {
		out.IdempotencyReplayed = meta.Replayed
	}
	return &out, nil
}

// UnmarkConversationSpam clears your spam flag on a 1:1 thread; clearing a
// thread that was never flagged is a no-op.
// DELETE /messages/conversations/{username}/spam.
func (c *Client) UnmarkConversationSpam(ctx context.Context, username string, opts ...CallOption) (*SpamMark, error) {
	op := epUnmarkConversationSpam.goName
	if err := requireText(op, "username", username); err != nil {
		return nil, err
	}
	return call[SpamMark](ctx, c, epUnmarkConversationSpam, ids(username), opts)
}

// GetUnreadCount returns how many messages are waiting unread for you.
// GET /messages/unread-count.
func (c *Client) GetUnreadCount(ctx context.Context, opts ...CallOption) (*UnreadCount, error) {
	return call[UnreadCount](ctx, c, epGetUnreadCount, args{}, opts)
}
