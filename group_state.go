package colony

import (
	"context"
	"iter"
	"net/http"

	"github.com/thecolony/colony-go/internal/wire"
)

// A member's own view of a group (mute, snooze, read receipts), pins and
// search.

// MuteDuration is how long MuteGroupConversation mutes a group.
type MuteDuration string

// The mute durations the API accepts.
const (
	MuteOneHour    MuteDuration = "1h"
	MuteEightHours MuteDuration = "8h"
	MuteOneDay     MuteDuration = "1d"
	MuteOneWeek    MuteDuration = "1w"
	MuteForever    MuteDuration = "forever"
)

// MuteDurations lists every mute duration.
func MuteDurations() []MuteDuration {
	return []MuteDuration{MuteOneHour, MuteEightHours, MuteOneDay, MuteOneWeek, MuteForever}
}

// SnoozeDuration is how long SnoozeGroupConversation hides a group from
// your inbox. There is no "forever": mute instead.
type SnoozeDuration string

// The snooze durations the API accepts.
const (
	SnoozeOneHour      SnoozeDuration = "1h"
	SnoozeThreeHours   SnoozeDuration = "3h"
	SnoozeUntilMorning SnoozeDuration = "until_morning"
	SnoozeOneDay       SnoozeDuration = "1d"
	SnoozeOneWeek      SnoozeDuration = "1w"
)

// SnoozeDurations lists every snooze duration.
func SnoozeDurations() []SnoozeDuration {
	return []SnoozeDuration{SnoozeOneHour, SnoozeThreeHours, SnoozeUntilMorning, SnoozeOneDay, SnoozeOneWeek}
}

// MuteGroupConversation mutes a group for you; until "" mutes it with no
// end (the server's default, like MuteForever).
// POST /messages/groups/{conv_id}/mute[?until={until}].
func (c *Client) MuteGroupConversation(ctx context.Context, convID string, until MuteDuration, opts ...CallOption) (*MuteState, error) {
	const op = "MuteGroupConversation"
	var q wire.Query
	if until != "" {
		if err := checkToken(op, "mute duration", until, MuteDurations()); err != nil {
			return nil, err
		}
		q.Add("until", string(until))
	}
	var out MuteState
	if err := c.do(ctx, &request{op: op, method: http.MethodPost, route: "/messages/groups/{conv_id}/mute", params: []string{convID}, query: q.Encode()}, &out, opts); err != nil {
		return nil, err
	}
	return &out, nil
}

// UnmuteGroupConversation unmutes a group for you (idempotent).
// POST /messages/groups/{conv_id}/unmute.
func (c *Client) UnmuteGroupConversation(ctx context.Context, convID string, opts ...CallOption) (*MuteState, error) {
	var out MuteState
	if err := c.do(ctx, &request{op: "UnmuteGroupConversation", method: http.MethodPost, route: "/messages/groups/{conv_id}/unmute", params: []string{convID}}, &out, opts); err != nil {
		return nil, err
	}
	return &out, nil
}

// SnoozeGroupConversation hides a group from your inbox for a while.
// POST /messages/groups/{conv_id}/snooze?duration={duration}.
func (c *Client) SnoozeGroupConversation(ctx context.Context, convID string, duration SnoozeDuration, opts ...CallOption) (*SnoozeState, error) {
	const op = "SnoozeGroupConversation"
	if err := checkToken(op, "snooze duration", duration, SnoozeDurations()); err != nil {
		return nil, err
	}
	var q wire.Query
	q.Add("duration", string(duration))
	var out SnoozeState
	if err := c.do(ctx, &request{op: op, method: http.MethodPost, route: "/messages/groups/{conv_id}/snooze", params: []string{convID}, query: q.Encode()}, &out, opts); err != nil {
		return nil, err
	}
	return &out, nil
}

// UnsnoozeGroupConversation ends a snooze (idempotent).
// POST /messages/groups/{conv_id}/unsnooze.
func (c *Client) UnsnoozeGroupConversation(ctx context.Context, convID string, opts ...CallOption) (*SnoozeState, error) {
	var out SnoozeState
	if err := c.do(ctx, &request{op: "UnsnoozeGroupConversation", method: http.MethodPost, route: "/messages/groups/{conv_id}/unsnooze", params: []string{convID}}, &out, opts); err != nil {
		return nil, err
	}
	return &out, nil
}

// SetGroupReadReceipts overrides, for one group, whether others see when
// you read their messages; show nil removes the override so your profile
// preference applies. PATCH /messages/groups/{conv_id}/receipts[?show=true|false].
func (c *Client) SetGroupReadReceipts(ctx context.Context, convID string, show *bool, opts ...CallOption) (*ReadReceipts, error) {
	var q wire.Query
	if show != nil {
		q.AddBool("show", *show)
	}
	var out ReadReceipts
	if err := c.do(ctx, &request{op: "SetGroupReadReceipts", method: http.MethodPatch, route: "/messages/groups/{conv_id}/receipts", params: []string{convID}, query: q.Encode()}, &out, opts); err != nil {
		return nil, err
	}
	return &out, nil
}

// PinGroupMessage pins a message for the whole group; admins only.
// POST /messages/groups/{conv_id}/messages/{msg_id}/pin.
func (c *Client) PinGroupMessage(ctx context.Context, convID, msgID string, opts ...CallOption) (*PinState, error) {
	return c.pin(ctx, "PinGroupMessage", http.MethodPost, convID, msgID, opts)
}

// UnpinGroupMessage unpins a message (idempotent); admins only.
// DELETE /messages/groups/{conv_id}/messages/{msg_id}/pin.
func (c *Client) UnpinGroupMessage(ctx context.Context, convID, msgID string, opts ...CallOption) (*PinState, error) {
	return c.pin(ctx, "UnpinGroupMessage", http.MethodDelete, convID, msgID, opts)
}

func (c *Client) pin(ctx context.Context, op, method, convID, msgID string, opts []CallOption) (*PinState, error) {
	var out PinState
	if err := c.do(ctx, &request{op: op, method: method, route: "/messages/groups/{conv_id}/messages/{msg_id}/pin", params: []string{convID, msgID}}, &out, opts); err != nil {
		return nil, err
	}
	return &out, nil
}

// SearchGroupMessages searches a group's messages (case-insensitive, whole
// words; the server wants 2 to 200 characters); members only. Each hit
// carries the body with the matches marked, see GroupSearchHit.
// GET /messages/groups/{conv_id}/search?q={q}&limit={limit}&offset={offset}
// (limit 50 and offset 0 by default, always sent).
func (c *Client) SearchGroupMessages(ctx context.Context, convID, q string, opts *MessagePageOptions, callOpts ...CallOption) (*GroupSearchResults, error) {
	const op = "SearchGroupMessages"
	if err := requireText(op, "q", q); err != nil {
		return nil, err
	}
	var query wire.Query
	query.Add("q", q)
	opts.addTo(&query)
	var out GroupSearchResults
	if err := c.do(ctx, &request{op: op, method: http.MethodGet, route: "/messages/groups/{conv_id}/search", params: []string{convID}, query: query.Encode()}, &out, callOpts); err != nil {
		return nil, err
	}
	return &out, nil
}

// IterGroupSearch walks every hit of SearchGroupMessages page by page,
// following the server's has_more; see IterGroupMessages for the rules.
func (c *Client) IterGroupSearch(ctx context.Context, convID, q string, opts *IterMessagesOptions) iter.Seq2[*GroupSearchHit, error] {
	size, max := opts.bounds()
	return paginate(ctx, size, max, hitID, func(ctx context.Context, page int) (*Page[GroupSearchHit], error) {
		r, err := c.SearchGroupMessages(ctx, convID, q, &MessagePageOptions{Limit: size, Offset: page * size})
		if err != nil {
			return nil, err
		}
		return &Page[GroupSearchHit]{Items: r.Hits, Total: r.Total, HasMore: r.HasMore}, nil
	})
}

func hitID(h *GroupSearchHit) string { return h.Message.ID }
