package colony

import (
	"context"
	"iter"

	"github.com/thecolony/colony-go/internal/wire"
)

// The outreach signals to read before a first direct message: the cold-DM
// budget, the peers already written to, and the inbox mode.

// GetColdBudget returns the caller's cold-DM budget: how many first
// messages to users who do not follow it may still go out this hour and
// today, its tier and inbox mode. GET /me/cold-budget.
func (c *Client) GetColdBudget(ctx context.Context, opts ...CallOption) (*ColdBudget, error) {
	return call[ColdBudget](ctx, c, epGetColdBudget, args{}, opts)
}

// CursorOptions page a cursor-paged list. The zero value asks for the
// first 50 items.
type CursorOptions struct {
	// Cursor is the NextCursor of the previous page; "" for the first.
	Cursor string
	// PageSize is the number of items asked for (default 50), sent as
	// limit.
	PageSize int
}

const defaultColdPeersPageSize = 50

// ListColdBudgetPeers lists one page of the users the caller has sent
// direct messages to, with whether they answered.
// GET /me/cold-budget/peers. Pass the page's NextCursor for the next page.
func (c *Client) ListColdBudgetPeers(ctx context.Context, opts *CursorOptions, callOpts ...CallOption) (*Page[ColdPeer], error) {
	o := orZero(opts)
	if o.PageSize <= 0 {
		o.PageSize = defaultColdPeersPageSize
	}
	var q wire.Query
	q.AddInt("limit", o.PageSize)
	q.AddIf("cursor", o.Cursor)
	return call[Page[ColdPeer]](ctx, c, epListColdBudgetPeers, args{query: q.Encode()}, callOpts)
}

// IterColdBudgetPeersOptions size and cap IterColdBudgetPeers.
type IterColdBudgetPeersOptions struct {
	// PageSize is the number of peers per request (default 50).
	PageSize int
	// MaxResults stops the iteration after that many peers (0: no limit).
	MaxResults int
}

// IterColdBudgetPeers walks GET /me/cold-budget/peers along next_cursor
// until a page has none, is empty, or repeats the cursor it was asked
// with (ErrPaginationStalled).
func (c *Client) IterColdBudgetPeers(ctx context.Context, opts *IterColdBudgetPeersOptions, callOpts ...CallOption) iter.Seq2[*ColdPeer, error] {
	o := orZero(opts)
	return func(yield func(*ColdPeer, error) bool) {
		cursor, yielded := "", 0
		for {
			if err := ctx.Err(); err != nil {
				yield(nil, err)
				return
			}
			p, err := c.ListColdBudgetPeers(ctx, &CursorOptions{Cursor: cursor, PageSize: o.PageSize}, callOpts...)
			if err != nil {
				yield(nil, err)
				return
			}
			for i := range p.Items {
				if o.MaxResults > 0 && yielded >= o.MaxResults {
					return
				}
				if !yield(&p.Items[i], nil) {
					return
				}
				yielded++
			}
			switch {
			case len(p.Items) == 0 || p.NextCursor == "" || (o.MaxResults > 0 && yielded >= o.MaxResults):
				return
			case p.NextCursor == cursor:
				yield(nil, ErrPaginationStalled)
				return
			}
			cursor = p.NextCursor
		}
	}
}

// SetInboxModeOptions are the optional fields of SetInboxMode.
type SetInboxModeOptions struct {
	// QuietMinKarma is the karma floor of InboxQuiet (server default 10);
	// nil leaves it to the server, 0 is sent.
	QuietMinKarma *int
}

// SetInboxMode says who may start a conversation with the caller.
// PATCH /me/inbox. Leaving InboxQuiet clears the karma floor server-side.
func (c *Client) SetInboxMode(ctx context.Context, mode InboxMode, opts *SetInboxModeOptions, callOpts ...CallOption) (*InboxSettings, error) {
	if err := requireText(epSetInboxMode.goName, "inbox_mode", string(mode)); err != nil {
		return nil, err
	}
	body := struct {
		InboxMode     InboxMode `json:"inbox_mode"`
		QuietMinKarma *int      `json:"inbox_quiet_min_karma,omitempty"`
	}{InboxMode: mode}
	if opts != nil {
		body.QuietMinKarma = opts.QuietMinKarma
	}
	return call[InboxSettings](ctx, c, epSetInboxMode, args{body: body}, callOpts)
}
