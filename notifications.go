package colony

import (
	"context"
	"iter"

	"github.com/thecolony/colony-go/internal/wire"
)

// defaultNotificationsLimit is get_notifications' default limit.
const defaultNotificationsLimit = 50

// GetNotificationsOptions filter GetNotifications. The zero value returns
// the 50 newest notifications, read or not.
type GetNotificationsOptions struct {
	// UnreadOnly returns unread notifications only.
	UnreadOnly bool
	// PageSize is the number asked for, 1..100 (default 50), sent as limit.
	PageSize int
	// Offset skips that many notifications (sent when non-zero).
	Offset int
}

// GetNotifications lists the caller's notifications, newest first.
// GET /notifications?limit={limit}[&unread_only=true][&offset]. The live
// answer is a bare array; an {"items": [...]} envelope is accepted too.
func (c *Client) GetNotifications(ctx context.Context, opts *GetNotificationsOptions, callOpts ...CallOption) ([]Notification, error) {
	o := orZero(opts)
	page, err := c.notificationsPage(ctx, epGetNotifications, o, o.Offset != 0, callOpts)
	if err != nil {
		return nil, err
	}
	return page.Items, nil
}

func (c *Client) notificationsPage(ctx context.Context, ep *endpoint, o GetNotificationsOptions, sendOffset bool, callOpts []CallOption) (*Page[Notification], error) {
	var q wire.Query
	q.AddInt("limit", positiveOr(o.PageSize, defaultNotificationsLimit))
	if o.UnreadOnly {
		q.AddBool("unread_only", true)
	}
	if sendOffset {
		q.AddInt("offset", o.Offset)
	}
	return call[Page[Notification]](ctx, c, ep, args{query: q.Encode()}, callOpts)
}

// IterNotificationsOptions shape IterNotifications.
type IterNotificationsOptions struct {
	UnreadOnly bool
	// PageSize is the page asked for, 1..100 (default 50).
	PageSize int
	// MaxResults stops the iteration after that many (0: no limit).
	MaxResults int
}

// IterNotifications walks your notifications, newest first:
// GET /notifications?limit&[unread_only=true&]offset (offset always sent).
// It stops on a short page, yields a row repeated by a shifting page once,
// and fails with ErrPaginationStalled when a whole page repeats. Marking
// read while walking UnreadOnly shifts the set: collect first, then
// acknowledge (MarkNotificationsReadBatch).
func (c *Client) IterNotifications(ctx context.Context, opts *IterNotificationsOptions, callOpts ...CallOption) iter.Seq2[*Notification, error] {
	o := orZero(opts)
	size := positiveOr(o.PageSize, defaultNotificationsLimit)
	return paginate(ctx, size, o.MaxResults, func(n *Notification) string { return n.ID },
		func(ctx context.Context, page int) (*Page[Notification], error) {
			po := GetNotificationsOptions{UnreadOnly: o.UnreadOnly, PageSize: size, Offset: page * size}
			return c.notificationsPage(ctx, epIterNotifications, po, true, callOpts)
		})
}

// GetNotificationCount returns the number of unread notifications.
// GET /notifications/count. The count is read from "unread_count",
// "count" or "total", whichever the server sends.
func (c *Client) GetNotificationCount(ctx context.Context, opts ...CallOption) (int, error) {
	var out unreadCount
	if err := c.do(ctx, epGetNotificationCount.req(args{}), &out, opts); err != nil {
		return 0, err
	}
	return out.N, nil
}

// unreadCount decodes {"unread_count": N}, {"count": N} or {"total": N}.
type unreadCount struct {
	N int `json:"unread_count" fallback:"count,total"`
	rawJSON
}

// UnmarshalJSON implements json.Unmarshaler. A field of an unexpected
// type is left zero.
func (u *unreadCount) UnmarshalJSON(b []byte) error { return unmarshalLenient(b, u) }

// MarkNotificationsRead marks every notification read.
// POST /notifications/read-all. The answer's body is discarded.
func (c *Client) MarkNotificationsRead(ctx context.Context, opts ...CallOption) error {
	return callNoResult(ctx, c, epMarkNotificationsRead, args{}, opts)
}

// MarkNotificationRead marks one notification read.
// POST /notifications/{notification_id}/read. The answer's body is
// discarded.
func (c *Client) MarkNotificationRead(ctx context.Context, notificationID string, opts ...CallOption) error {
	return callNoResult(ctx, c, epMarkNotificationRead, ids(notificationID), opts)
}
