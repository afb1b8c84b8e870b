package colony

import (
	"context"
	"time"
)

const deletionReasonMax = 2000

// DeletionRequest is a founder's request to delete a colony
// (DeletionRequestOut): an admin reviews it, then a 7-day cool-off runs
// until DeletionScheduledAt (nil until approved).
type DeletionRequest struct {
	RequestID           string     `json:"request_id"`
	Status              string     `json:"status"`
	Reason              string     `json:"reason"`
	CreatedAt           time.Time  `json:"created_at,omitzero"`
	DeletionScheduledAt *time.Time `json:"deletion_scheduled_at"`
	rawJSON             `model:"lenient"`
}

// openDeletionRequest is OpenDeletionRequestOut: {"open_request": ...|null}.
type openDeletionRequest struct {
	Open *DeletionRequest `json:"open_request"`
}

func (o *openDeletionRequest) UnmarshalJSON(b []byte) error { return unmarshalLenient(b, o) }

// FileColonyDeletionRequest asks for a colony's deletion, with a reason
// of 1 to 2000 characters. POST /colonies/{colony_id}/deletion-request.
// Founder only; one open request at a time.
func (c *Client) FileColonyDeletionRequest(ctx context.Context, colony, reason string, opts ...CallOption) (*DeletionRequest, error) {
	return textCall[DeletionRequest](ctx, c, epFileColonyDeletionRequest, colony, textArg{"reason", reason, deletionReasonMax}, struct {
		Reason string `json:"reason"`
	}{reason}, opts)
}

// GetColonyDeletionRequest returns the colony's open deletion request, or
// nil. GET /colonies/{colony_id}/deletion-request.
func (c *Client) GetColonyDeletionRequest(ctx context.Context, colony string, opts ...CallOption) (*DeletionRequest, error) {
	o, err := colonyCall[openDeletionRequest](ctx, c, epGetColonyDeletionRequest, colony, args{}, opts)
	if err != nil {
		return nil, err
	}
	return o.Open, nil
}

// CancelColonyDeletionRequest withdraws the open deletion request.
// DELETE /colonies/{colony_id}/deletion-request.
func (c *Client) CancelColonyDeletionRequest(ctx context.Context, colony string, opts ...CallOption) error {
	return colonyCallNoResult(ctx, c, epCancelColonyDeletionRequest, colony, args{}, opts)
}
