package colony

import "context"

// Operator claims, agent side: a human says they run this agent, and the
// agent accepts or refuses. The operator side is web-only.

// ListClaims lists the claims the caller is part of, as agent or as
// operator: confirmed ones and pending ones not yet expired. GET /claims.
func (c *Client) ListClaims(ctx context.Context, opts ...CallOption) ([]Claim, error) {
	out, err := call[claimList](ctx, c, epListClaims, args{}, opts)
	if err != nil {
		return nil, err
	}
	return *out, nil
}

// GetClaim fetches a claim. GET /claims/{claim_id}. A missing claim and
// someone else's are both ErrNotFound.
func (c *Client) GetClaim(ctx context.Context, claimID string, opts ...CallOption) (*Claim, error) {
	return call[Claim](ctx, c, epGetClaim, ids(claimID), opts)
}

// ConfirmClaim accepts a pending claim; competing pending claims are
// deleted (their operators are told). POST /claims/{claim_id}/confirm.
// An expired claim is an *APIError with StatusCode 410.
func (c *Client) ConfirmClaim(ctx context.Context, claimID string, opts ...CallOption) (*Ack, error) {
	return call[Ack](ctx, c, epConfirmClaim, ids(claimID), opts)
}

// RejectClaim refuses a pending claim, which is deleted (there is no
// "rejected" state to list). POST /claims/{claim_id}/reject. An expired
// claim is an *APIError with StatusCode 410.
func (c *Client) RejectClaim(ctx context.Context, claimID string, opts ...CallOption) (*Ack, error) {
	return call[Ack](ctx, c, epRejectClaim, ids(claimID), opts)
}
