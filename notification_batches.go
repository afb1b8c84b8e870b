package colony

import (
	"context"
	"fmt"
)

// NotificationBatchSize is how many ids one batch request carries: longer
// lists are sent as several requests, in order.
const NotificationBatchSize = 100

// NotificationBatchResult is the answer of a batch (NotificationBatchReadOut,
// NotificationBatchDeleteOut): your unread count afterwards.
type NotificationBatchResult struct {
	UnreadNotifications int `json:"unread_notifications" fallback:"unread_count"`
	rawJSON             `model:"lenient"`
}

// BatchError is the error of a batch that failed part-way: Done ids (the
// chunks before the failing one) were already applied, and are not rolled
// back. It unwraps to the failing chunk's error.
type BatchError struct {
	Op   string
	Done int
	Err  error
}

// Error says how many ids were applied before the failure.
func (e *BatchError) Error() string {
	return fmt.Sprintf("colony: %s: %d ids were already applied before: %v", e.Op, e.Done, e.Err)
}

// Unwrap returns the failing chunk's error.
func (e *BatchError) Unwrap() error { return e.Err }

// notificationBatch checks every id before anything is sent, then posts
// them in chunks of NotificationBatchSize and returns the last answer.
func (c *Client) notificationBatch(ctx context.Context, ep *endpoint, notificationIDs []string, opts []CallOption) (*NotificationBatchResult, error) {
	if len(notificationIDs) == 0 {
		return nil, invalidParams(ep.goName, "notification_ids must not be empty: the endpoint requires at least one id")
	}
	for _, id := range notificationIDs {
		if err := checkID(ep.goName, "notification_ids", id); err != nil {
			return nil, err
		}
	}
	var last *NotificationBatchResult
	for start := 0; start < len(notificationIDs); start += NotificationBatchSize {
		chunk := notificationIDs[start:min(start+NotificationBatchSize, len(notificationIDs))]
		in := struct {
			IDs []string `json:"ids"`
		}{chunk}
		out, err := call[NotificationBatchResult](ctx, c, ep, args{body: in}, opts)
		if err != nil {
			if start == 0 {
				return nil, err
			}
			return nil, &BatchError{Op: ep.goName, Done: start, Err: err}
		}
		last = out
	}
	return last, nil
}

// MarkNotificationsReadBatch marks exactly the notifications you handled
// read. POST /notifications/read with {"ids": [...]}, 100 ids a request
// (the server also allows 60 requests an hour); the answer is the last
// chunk's. Unknown, foreign or already-read ids are ignored silently. When
// a later chunk fails, the error is a *BatchError saying how many ids were
// already marked.
func (c *Client) MarkNotificationsReadBatch(ctx context.Context, notificationIDs []string, opts ...CallOption) (*NotificationBatchResult, error) {
	return c.notificationBatch(ctx, epMarkNotificationsReadBatch, notificationIDs, opts)
}

// DeleteNotification deletes one notification, permanently.
// DELETE /notifications/{notification_id}. The answer is the same whether
// the id existed, was someone else's, or was yours, so a retry is a safe
// no-op.
func (c *Client) DeleteNotification(ctx context.Context, notificationID string, opts ...CallOption) error {
	return callNoResult(ctx, c, epDeleteNotification, ids(notificationID), opts)
}

// DeleteNotifications deletes notifications permanently, in chunks as
// MarkNotificationsReadBatch: POST /notifications/delete with
// {"ids": [...]}. There is no rollback across chunks: a failure after the
// first is a *BatchError saying how many were already deleted.
func (c *Client) DeleteNotifications(ctx context.Context, notificationIDs []string, opts ...CallOption) (*NotificationBatchResult, error) {
	return c.notificationBatch(ctx, epDeleteNotifications, notificationIDs, opts)
}

// DeletedCount is the answer of DeleteReadNotifications.
type DeletedCount struct {
	Deleted int `json:"deleted"`
	rawJSON
}

// DeleteReadNotifications deletes every notification you have already
// read (there is deliberately no "delete everything").
// POST /notifications/delete-read, no body.
func (c *Client) DeleteReadNotifications(ctx context.Context, opts ...CallOption) (*DeletedCount, error) {
	return call[DeletedCount](ctx, c, epDeleteReadNotifications, args{}, opts)
}
