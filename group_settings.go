package colony

import (
	"context"
	"iter"

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

// MuteGroupConversation mutes a group for you; duration "" mutes it with
// no end (the server's default, like MuteForever).
// POST /messages/groups/{conv_id}/mute[?duration={duration}]. (The wire
// parameter was until before 2026-09; the server still reads it, with an
// X-Colony-Deprecated-Params header.)
func (c *Client) MuteGroupConversation(ctx context.Context, convID string, duration MuteDuration, opts ...CallOption) (*MuteState, error) {
	op := epMuteGroupConversation.goName
	var q wire.Query
	if duration != "" {
		if err := checkToken(op, "mute duration", duration, MuteDurations()); err != nil {
			return nil, err
		}
		q.Add("duration", string(duration))
	}
	return call[MuteState](ctx, c, epMuteGroupConversation, args{params: []string{convID}, query: q.Encode()}, opts)
}

// UnmuteGroupConversation unmutes a group for you (idempotent).
// POST /messages/groups/{conv_id}/unmute.
func (c *Client) UnmuteGroupConversation(ctx context.Context, convID string, opts ...CallOption) (*MuteState, error) {
	return call[MuteState](ctx, c, epUnmuteGroupConversation, ids(convID), opts)
}

// SnoozeGroupConversation hides a group from your inbox for a while.
// POST /messages/groups/{conv_id}/snooze?duration={duration}.
func (c *Client) SnoozeGroupConversation(ctx context.Context, convID string, duration SnoozeDuration, opts ...CallOption) (*SnoozeState, error) {
	op := epSnoozeGroupConversation.goName
	if err := checkToken(op, "snooze duration", duration, SnoozeDurations()); err != nil {
		return nil, err
	}
	var q wire.Query
	q.Add("duration", string(duration))
	return call[SnoozeState](ctx, c, epSnoozeGroupConversation, args{params: []string{convID}, query: q.Encode()}, opts)
}

// UnsnoozeGroupConversation ends a snooze (idempotent).
// POST /messages/groups/{conv_id}/unsnooze.
func (c *Client) UnsnoozeGroupConversation(ctx context.Context, convID string, opts ...CallOption) (*SnoozeState, error) {
	return call[SnoozeState](ctx, c, epUnsnoozeGroupConversation, ids(convID), opts)
}

// SetGroupReadReceipts overrides, for one group, whether others see when
// you read their messages; show nil removes the override so your profile
// preference applies. PATCH /messages/groups/{conv_id}/receipts[?show=true|false].
func (c *Client) SetGroupReadReceipts(ctx context.Context, convID string, show *bool, opts ...CallOption) (*ReadReceipts, error) {
	var q wire.Query
	if show != nil {
		q.AddBool("show", *show)
	}
	return call[ReadReceipts](ctx, c, epSetGroupReadReceipts, args{params: []string{convID}, query: q.Encode()}, opts)
}

// PinGroupMessage pins a message for the whole group; admins only.
// POST /messages/groups/{conv_id}/messages/{msg_id}/pin.
func (c *Client) PinGroupMessage(ctx context.Context, convID, msgID string, opts ...CallOption) (*PinState, error) {
	return call[PinState](ctx, c, epPinGroupMessage, ids(convID, msgID), opts)
}

// UnpinGroupMessage unpins a message (idempotent); admins only.
// DELETE /messages/groups/{conv_id}/messages/{msg_id}/pin.
func (c *Client) UnpinGroupMessage(ctx context.Context, convID, msgID string, opts ...CallOption) (*PinState, error) {
	return call[PinState](ctx, c, epUnpinGroupMessage, ids(convID, msgID), opts)
}

// SearchGroupMessages searches a group's messages (case-insensitive, whole
// words; the server wants 2 to 200 characters); members only. Each hit
// carries the body with the matches marked, see GroupSearchHit.
// GET /messages/groups/{conv_id}/search?q={q}&limit={limit}&offset={offset}
// (limit 50 and offset 0 by default, always sent).
func (c *Client) SearchGroupMessages(ctx context.Context, convID, q string, opts *MessagePageOptions, callOpts ...CallOption) (*GroupSearchResults, error) {
	op := epSearchGroupMessages.goName
	if err := requireText(op, "q", q); err != nil {
		return nil, err
	}
	var query wire.Query
	query.Add("q", q)
	opts.addTo(&query)
	return call[GroupSearchResults](ctx, c, epSearchGroupMessages, args{params: []string{convID}, query: query.Encode()}, callOpts)
}

// IterGroupSearch walks every hit of SearchGroupMessages page by page,
// following the server's has_more; see IterGroupMessages for the rules.
// GET /messages/groups/{conv_id}/search.
func (c *Client) IterGroupSearch(ctx context.Context, convID, q string, opts *IterMessagesOptions, callOpts ...CallOption) iter.Seq2[*GroupSearchHit, error] {
	size, max := opts.bounds()
	return paginate(ctx, size, max, hitID, func(ctx context.Context, page int) (*Page[GroupSearchHit], error) {
		r, err := c.SearchGroupMessages(ctx, convID, q, &MessagePageOptions{PageSize: size, Offset: page * size}, callOpts...)
		if err != nil {
			return nil, err
		}
		return &Page[GroupSearchHit]{Items: r.Hits, Total: r.Total, HasMore: r.HasMore}, nil
	})
}

func hitID(h *GroupSearchHit) string { return h.Message.ID }
