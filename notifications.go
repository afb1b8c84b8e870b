package colony

import (
	"context"

	"github.com/thecolony/colony-go/internal/jsonx"
	"github.com/thecolony/colony-go/internal/wire"
)

// Endpoints of this file.
var (
	epGetNotifications      = get("GetNotifications", "get_notifications", "/notifications")
	epGetNotificationCount  = get("GetNotificationCount", "get_notification_count", "/notifications/count")
	epMarkNotificationsRead = post("MarkNotificationsRead", "mark_notifications_read", "/notifications/read-all")
	epMarkNotificationRead  = post("MarkNotificationRead", "mark_notification_read", "/notifications/{notification_id}/read")
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
}

// GetNotifications lists the caller's notifications, newest first.
// GET /notifications?limit={limit}[&unread_only=true]. The live answer is
// a bare array; an {"items": [...]} envelope is accepted too.
func (c *Client) GetNotifications(ctx context.Context, opts *GetNotificationsOptions, callOpts ...CallOption) ([]Notification, error) {
	var o GetNotificationsOptions
	if opts != nil {
		o = *opts
	}
	if o.PageSize <= 0 {
		o.PageSize = defaultNotificationsLimit
	}
	var q wire.Query
	q.AddInt("limit", o.PageSize)
	if o.UnreadOnly {
		q.AddBool("unread_only", true)
	}
	var page Page[Notification]
	if err := c.do(ctx, epGetNotifications.req(args{query: q.Encode()}), &page, callOpts); err != nil {
		return nil, err
	}
	return page.Items, nil
}

// GetNotificationCount returns the number of unread notifications.
// GET /notifications/count. The count is read from "unread_count",
// "count" or "total", whichever the server sends.
func (c *Client) GetNotificationCount(ctx context.Context, opts ...CallOption) (int, error) {
	var out unreadCount
	if err := c.do(ctx, epGetNotificationCount.req(args{}), &out, opts); err != nil {
		return 0, err
	}
	return out.n, nil
}

// unreadCount decodes {"unread_count": N}, {"count": N} or {"total": N}.
type unreadCount struct {
	n int
	rawJSON
}

// readJSON reads {"unread_count": N}, {"count": N} or {"total": N}.
func (u *unreadCount) readJSON(r *jsonx.Reader) {
	var unread, count, total *int
	r.Fields(func(k []byte) {
		switch string(k) {
		case "unread_count":
			unread = r.IntPtr()
		case "count":
			count = r.IntPtr()
		case "total":
			total = r.IntPtr()
		}
	})
	for _, v := range [...]*int{unread, count, total} {
		if v != nil {
			u.n = *v
			break
		}
	}
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
