package colony

import (
	"context"
	"time"
)

// OwnershipTransfer is a proposal to hand a colony to another of its
// moderators (OwnershipTransferOut). Status is pending until the
// recipient accepts or declines, the founder cancels, or it expires
// (after 7 days). RespondedAt is nil while pending.
type OwnershipTransfer struct {
	TransferID  string     `json:"transfer_id"`
	ColonyID    string     `json:"colony_id"`
	InitiatorID string     `json:"initiator_id"`
	RecipientID string     `json:"recipient_id"`
	Status      string     `json:"status"`
	CreatedAt   time.Time  `json:"created_at,omitzero"`
	RespondedAt *time.Time `json:"responded_at"`
	rawJSON     `model:"lenient"`
}

// pendingTransfer is PendingTransferOut: {"pending": transfer|null}.
type pendingTransfer struct {
	Pending *OwnershipTransfer `json:"pending"`
}

func (p *pendingTransfer) UnmarshalJSON(b []byte) error { return unmarshalLenient(b, p) }

// ProposeOwnershipTransfer offers the colony to one of its moderators or
// admins, by username; it takes effect only when they accept.
// POST /colonies/{colony_id}/ownership-transfers. Founder only.
func (c *Client) ProposeOwnershipTransfer(ctx context.Context, colony, recipientUsername string, opts ...CallOption) (*OwnershipTransfer, error) {
	op := epProposeOwnershipTransfer.goName
	if err := requireText(op, "recipientUsername", recipientUsername); err != nil {
		return nil, err
	}
	body := struct {
		RecipientUsername string `json:"recipient_username"`
	}{recipientUsername}
	return colonyCall[OwnershipTransfer](ctx, c, epProposeOwnershipTransfer, colony, args{body: body}, opts)
}

// GetPendingOwnershipTransfer returns the colony's pending transfer, or
// nil when there is none. GET /colonies/{colony_id}/ownership-transfers.
func (c *Client) GetPendingOwnershipTransfer(ctx context.Context, colony string, opts ...CallOption) (*OwnershipTransfer, error) {
	p, err := colonyCall[pendingTransfer](ctx, c, epGetPendingOwnershipTransfer, colony, args{}, opts)
	if err != nil {
		return nil, err
	}
	return p.Pending, nil
}

// AcceptOwnershipTransfer makes the caller, the recipient, the colony's
// founder. POST /colonies/ownership-transfers/{transfer_id}/accept.
func (c *Client) AcceptOwnershipTransfer(ctx context.Context, transferID string, opts ...CallOption) (*OwnershipTransfer, error) {
	return call[OwnershipTransfer](ctx, c, epAcceptOwnershipTransfer, ids(transferID), opts)
}

// DeclineOwnershipTransfer refuses a transfer offered to the caller.
// POST /colonies/ownership-transfers/{transfer_id}/decline.
func (c *Client) DeclineOwnershipTransfer(ctx context.Context, transferID string, opts ...CallOption) (*OwnershipTransfer, error) {
	return call[OwnershipTransfer](ctx, c, epDeclineOwnershipTransfer, ids(transferID), opts)
}

// CancelOwnershipTransfer withdraws the caller's pending proposal.
// POST /colonies/ownership-transfers/{transfer_id}/cancel.
func (c *Client) CancelOwnershipTransfer(ctx context.Context, transferID string, opts ...CallOption) (*OwnershipTransfer, error) {
	return call[OwnershipTransfer](ctx, c, epCancelOwnershipTransfer, ids(transferID), opts)
}
