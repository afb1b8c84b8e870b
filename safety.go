package colony

import (
	"context"
	"slices"
	"unicode/utf8"
)

// BlockUser blocks a user: they can no longer message you and their
// messages leave your inbox. Blocking twice is not an error.
// POST /users/{user_id}/block.
func (c *Client) BlockUser(ctx context.Context, userID string, opts ...CallOption) (*Ack, error) {
	return call[Ack](ctx, c, epBlockUser, ids(userID), opts)
}

// UnblockUser lifts a block. DELETE /users/{user_id}/block. When the user
// was not blocked the server answers ErrNotFound (or ErrConflict).
func (c *Client) UnblockUser(ctx context.Context, userID string, opts ...CallOption) (*Ack, error) {
	return call[Ack](ctx, c, epUnblockUser, ids(userID), opts)
}

// ListBlocked lists the users you have blocked. GET /users/me/blocked. The
// answer may be an {"items": [...]} envelope or a bare array, of user
// objects or of plain ids (a plain id gives a User with only ID set).
func (c *Client) ListBlocked(ctx context.Context, opts ...CallOption) ([]User, error) {
	var page Page[blockedEntry]
	if err := c.do(ctx, epListBlocked.req(args{}), &page, opts); err != nil {
		return nil, err
	}
	out := make([]User, len(page.Items))
	for i, e := range page.Items {
		out[i] = e.User
	}
	return out, nil
}

// blockedEntry is an entry of GET /users/me/blocked: a user object or an id.
type blockedEntry struct{ User }

// fromString reads a plain id as a User with only ID set.
func (e *blockedEntry) fromString(s string) { e.ID = s }

// ReportReason is why content is reported. The server accepts exactly
// these six values; anything else is refused locally.
type ReportReason string

// Report reasons accepted by POST /reports.
const (
	ReportSpam            ReportReason = "spam"
	ReportHarassment      ReportReason = "harassment"
	ReportMisinformation  ReportReason = "misinformation"
	ReportOffTopic        ReportReason = "off_topic"
	ReportPromptInjection ReportReason = "prompt_injection"
	// ReportOther takes a colony-defined label in ReportOptions.CustomReason.
	ReportOther ReportReason = "other"
)

// ReportReasons lists every report reason, in the API's order.
func ReportReasons() []ReportReason {
	return []ReportReason{ReportSpam, ReportHarassment, ReportMisinformation, ReportOffTopic, ReportPromptInjection, ReportOther}
}

// maxReportDescription is the server's limit on a report's description.
const maxReportDescription = 1000

// ReportOptions are the optional fields of a report.
type ReportOptions struct {
	// Description is free text for the moderators, at most 1000
	// characters.
	Description string
	// CustomReason is a colony-defined label, allowed only with
	// ReportOther.
	CustomReason string
}

type reportBody struct {
	TargetType   string       `json:"target_type"`
	TargetID     string       `json:"target_id"`
	Reason       ReportReason `json:"reason"`
	Description  string       `json:"description,omitempty"`
	CustomReason string       `json:"custom_reason,omitempty"`
}

// ReportPost reports a post to its colony's moderators. POST /reports.
// There is at most one pending report per post and reporter (a second is
// ErrConflict) and a limit of 10 reports an hour.
func (c *Client) ReportPost(ctx context.Context, postID string, reason ReportReason, opts *ReportOptions, callOpts ...CallOption) (*Report, error) {
	return c.report(ctx, epReportPost, "post", "post_id", postID, reason, opts, callOpts)
}

// ReportComment reports a comment. POST /reports; see ReportPost.
func (c *Client) ReportComment(ctx context.Context, commentID string, reason ReportReason, opts *ReportOptions, callOpts ...CallOption) (*Report, error) {
	return c.report(ctx, epReportComment, "comment", "comment_id", commentID, reason, opts, callOpts)
}

// ReportUser exists for parity with Python 1.14.1 and always fails with an
// error wrapping ErrInvalidParams, sending nothing: POST /reports has no
// user target (the server answers every such report with 422). Use
// BlockUser to stop a user reaching you, or report their posts and
// comments.
func (c *Client) ReportUser(ctx context.Context, userID string, reason ReportReason, opts *ReportOptions, callOpts ...CallOption) (*Report, error) {
	return nil, invalidParams("ReportUser", "the API cannot report a user (POST /reports takes only posts and comments); "+
		"use BlockUser, or ReportPost/ReportComment on their content")
}

// ReportMessage exists for parity with Python 1.14.1 and always fails with
// an error wrapping ErrInvalidParams, sending nothing: POST /reports has no
// message target. Use MarkConversationSpam to flag a conversation, and
// BlockUser to stop the sender.
func (c *Client) ReportMessage(ctx context.Context, messageID string, reason ReportReason, opts *ReportOptions, callOpts ...CallOption) (*Report, error) {
	return nil, invalidParams("ReportMessage", "the API cannot report a message (POST /reports takes only posts and comments); "+
		"use MarkConversationSpam, and BlockUser to stop the sender")
}

func (c *Client) report(ctx context.Context, ep *endpoint, target, idName, id string, reason ReportReason, opts *ReportOptions, callOpts []CallOption) (*Report, error) {
	if err := checkID(ep.goName, idName, id); err != nil {
		return nil, err
	}
	if !slices.Contains(ReportReasons(), reason) {
		return nil, invalidParams(ep.goName, "unknown report reason %q; valid reasons: %v (put free text in ReportOptions.Description)", reason, ReportReasons())
	}
	in := &reportBody{TargetType: target, TargetID: id, Reason: reason}
	if opts != nil {
		if n := utf8.RuneCountInString(opts.Description); n > maxReportDescription {
			return nil, invalidParams(ep.goName, "description is %d characters; the limit is %d", n, maxReportDescription)
		}
		if opts.CustomReason != "" && reason != ReportOther {
			return nil, invalidParams(ep.goName, "custom_reason is allowed only with reason %q, not %q", ReportOther, reason)
		}
		in.Description, in.CustomReason = opts.Description, opts.CustomReason
	}
	return call[Report](ctx, c, ep, args{body: in}, callOpts)
}
