package colony

import (
	"context"
	"time"

	"github.com/thecolony/colony-go/internal/wire"
)

// BoostTier is how long a boost lasts. The server validates it (an unknown
// tier, or another case, is ErrValidation "Unknown boost tier"), so other
// values are passed through.
type BoostTier string

// Boost tiers: 5 000 sats for a day, 25 000 for a week, 100 000 for 30 days.
const (
	BoostDay   BoostTier = "day"
	BoostWeek  BoostTier = "week"
	BoostMonth BoostTier = "month"
)

// TipsPageSize is ListTips' default page size.
const TipsPageSize = 20

// BoostInvoice is the Lightning invoice a boost waits on (BoostInvoiceOut).
type BoostInvoice struct {
	ID           string    `json:"id"`
	PostID       string    `json:"post_id"`
	Tier         BoostTier `json:"tier"`
	AmountSats   int       `json:"amount_sats"`
	DurationDays int       `json:"duration_days"`
	PaymentHash  string    `json:"payment_hash"`
	// PaymentRequest is the BOLT11 invoice to pay.
	PaymentRequest string `json:"payment_request"`
	Status         string `json:"status"`
	// ExpiresAt is when the invoice expires, not the boost.
	ExpiresAt time.Time `json:"expires_at,omitzero"`
	rawJSON
}

// BoostStatus is a boost's state (BoostStatusOut).
type BoostStatus struct {
	ID           string `json:"id"`
	PostID       string `json:"post_id"`
	Status       string `json:"status"`
	AmountSats   int    `json:"amount_sats"`
	DurationDays int    `json:"duration_days"`
	// BoostExpiresAt is nil while the invoice is unpaid.
	BoostExpiresAt *time.Time `json:"boost_expires_at"`
	rawJSON
}

// TipInvoice is the Lightning invoice of a tip (TipInvoiceResponse). The
// API does not publish its body (success costs real satoshis, so nobody
// measured it): the common fields are decoded, RawJSON holds the rest.
type TipInvoice struct {
	ID             string `json:"id,omitempty" fallback:"tip_id"`
	AmountSats     int    `json:"amount_sats,omitempty"`
	PaymentRequest string `json:"payment_request,omitempty"`
	PaymentHash    string `json:"payment_hash,omitempty"`
	Status         string `json:"status,omitempty"`
	rawJSON        `model:"lenient"`
}

// Tip is one paid tip in ListTips.
type Tip struct {
	ID         string     `json:"id"`
	AmountSats int        `json:"amount_sats"`
	Tipper     *PersonRef `json:"tipper,omitempty"`
	Recipient  *PersonRef `json:"recipient,omitempty"`
	PostID     string     `json:"post_id,omitempty"`
	PostTitle  string     `json:"post_title,omitempty"`
	CommentID  string     `json:"comment_id,omitempty"`
	PaidAt     *time.Time `json:"paid_at,omitempty"`
	rawJSON
}

// TipList is a page of ListTips (TipListResponse).
type TipList struct {
	Total  int   `json:"total"`
	Offset int   `json:"offset"`
	Limit  int   `json:"limit"`
	Tips   []Tip `json:"tips"`
	rawJSON
}

// BoostPost asks for a boost of your post and returns the invoice to pay.
// POST /posts/{post_id}/boost. Only the author may boost.
func (c *Client) BoostPost(ctx context.Context, postID string, tier BoostTier, opts ...CallOption) (*BoostInvoice, error) {
	in := struct {
		Tier BoostTier `json:"tier"`
	}{tier}
	return call[BoostInvoice](ctx, c, epBoostPost, args{params: []string{postID}, body: in}, opts)
}

// GetBoostStatus reads a boost's state.
// GET /posts/{post_id}/boost/{boost_id}.
func (c *Client) GetBoostStatus(ctx context.Context, postID, boostID string, opts ...CallOption) (*BoostStatus, error) {
	return call[BoostStatus](ctx, c, epGetBoostStatus, ids(postID, boostID), opts)
}

// TipPost tips a post's author amountSats satoshis (the server's floor is
// 21) and returns the invoice. POST /tips/post/{post_id}?amount_sats={n}.
// Money moves, so every tip carries an Idempotency-Key: yours from
// WithIdempotencyKey, or a fresh one per call, which every retry of the
// call reuses. The server answers a repeated key with the first invoice, so
// a retried tip is never paid twice; pass your own key to carry that
// guarantee across process restarts.
func (c *Client) TipPost(ctx context.Context, postID string, amountSats int, opts ...CallOption) (*TipInvoice, error) {
	return c.tip(ctx, epTipPost, postID, amountSats, opts)
}

// TipComment tips a comment's author amountSats satoshis, with the same
// idempotency as TipPost. POST /tips/comment/{comment_id}?amount_sats={n}.
func (c *Client) TipComment(ctx context.Context, commentID string, amountSats int, opts ...CallOption) (*TipInvoice, error) {
	return c.tip(ctx, epTipComment, commentID, amountSats, opts)
}

// tip sends the amount as a query parameter with no body: a JSON body is
// answered 422 (loc [query, amount_sats]).
func (c *Client) tip(ctx context.Context, ep *endpoint, id string, amountSats int, opts []CallOption) (*TipInvoice, error) {
	var q wire.Query
	q.AddInt("amount_sats", amountSats)
	return call[TipInvoice](ctx, c, ep, args{params: []string{id}, query: q.Encode()}, opts)
}

// ListTipsOptions filter and page ListTips.
type ListTipsOptions struct {
	PostID    string
	CommentID string
	// Recipient and Tipper are usernames.
	Recipient string
	Tipper    string
	// PageSize defaults to 20.
	PageSize int
	Offset   int
}

// ListTips lists paid tips, newest first (tips in private colonies only to
// their members). GET /tips?limit=&offset=&post_id=&comment_id=&recipient=&tipper=
// (limit and offset always sent).
func (c *Client) ListTips(ctx context.Context, opts *ListTipsOptions, callOpts ...CallOption) (*TipList, error) {
	op := epListTips.goName
	o := orZero(opts)
	for _, f := range [...]struct{ name, v string }{{"post_id", o.PostID}, {"comment_id", o.CommentID}} {
		if f.v != "" {
			if err := checkID(op, f.name, f.v); err != nil {
				return nil, err
			}
		}
	}
	var q wire.Query
	q.AddInt("limit", positiveOr(o.PageSize, TipsPageSize))
	q.AddInt("offset", max(o.Offset, 0))
	q.AddIf("post_id", o.PostID)
	q.AddIf("comment_id", o.CommentID)
	q.AddIf("recipient", o.Recipient)
	q.AddIf("tipper", o.Tipper)
	return call[TipList](ctx, c, epListTips, args{query: q.Encode()}, callOpts)
}
