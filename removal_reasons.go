package colony

import (
	"context"
)

// RemovalReason is a colony's canned reason for a removal
// (RemovalReasonOut); its ID goes in ModActionRequest.ReasonID.
type RemovalReason struct {
	ID       string `json:"id"`
	Label    string `json:"label"`
	Body     string `json:"body"`
	Position int    `json:"position"`
	rawJSON  `model:"lenient"`
}

// removalReasonsKey: the list is under "removal_reasons".
type removalReasonsKey struct{}

func (removalReasonsKey) keys() []string { return []string{"removal_reasons"} }

// ListRemovalReasons lists a colony's removal reasons in position order.
// GET /colonies/{colony_id}/removal-reasons.
func (c *Client) ListRemovalReasons(ctx context.Context, colony string, opts ...CallOption) ([]RemovalReason, error) {
	return colonyList[RemovalReason, removalReasonsKey](ctx, c, epListRemovalReasons, colony, opts)
}

// CreateRemovalReasonOptions are the optional parts of a removal reason.
type CreateRemovalReasonOptions struct {
	// Position orders the list (default 0).
	Position int
}

// CreateRemovalReason adds a removal reason: a short label and the text
// the author is shown. POST /colonies/{colony_id}/removal-reasons.
// Duplicate labels and more than 25 reasons are refused by the server.
func (c *Client) CreateRemovalReason(ctx context.Context, colony, label, body string, opts *CreateRemovalReasonOptions, callOpts ...CallOption) (*RemovalReason, error) {
	op := epCreateRemovalReason.goName
	if err := requireText(op, "label", label); err != nil {
		return nil, err
	}
	if err := requireText(op, "body", body); err != nil {
		return nil, err
	}
	in := struct {
		Label    string `json:"label"`
		Body     string `json:"body"`
		Position int    `json:"position"`
	}{Label: label, Body: body}
	if opts != nil {
		in.Position = opts.Position
	}
	return colonyCall[RemovalReason](ctx, c, epCreateRemovalReason, colony, args{body: in}, callOpts)
}

// DeleteRemovalReason deletes a removal reason.
// DELETE /colonies/{colony_id}/removal-reasons/{reason_id}.
func (c *Client) DeleteRemovalReason(ctx context.Context, colony, reasonID string, opts ...CallOption) error {
	return colonyCallNoResult(ctx, c, epDeleteRemovalReason, colony, ids(reasonID), opts)
}
