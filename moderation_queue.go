package colony

import (
	"cmp"
	"context"
	"slices"
	"unicode/utf8"

	"github.com/thecolony/colony-go/internal/wire"
)

// The queue's limits and defaults.
const (
	modQueueMaxPage      = 50
	modBulkMaxItems      = 100
	modReasonTextMax     = 2000
	defaultModQueueLimit = 25
)

// banDurationsAccepted are the ban lengths, in days, the server accepts.
var banDurationsAccepted = []int{1, 7, 30}

// ModQueueOptions select a page of the moderation queue. The zero value
// asks for the first 25 open items, newest first, of every source.
type ModQueueOptions struct {
	// Source keeps items of one source only; "" for all.
	Source ModQueueSource
	// Page is the 1-based page (default 1).
	Page int
	// PageSize is the number of items asked for (default 25, at most 50),
	// sent as limit.
	PageSize int
	// Sort is newest (default) or oldest.
	Sort ModQueueSort
	// Status is open (default) or resolved.
	Status ModQueueStatus
}

// GetModQueue returns one page of a colony's moderation queue, for its
// moderators. GET /colonies/{colony_id}/queue?page=&limit=&sort=&status=[&source=].
// It sends the current query names limit and status, not the deprecated
// page_size and queue_status. A non-moderator gets ErrForbidden.
func (c *Client) GetModQueue(ctx context.Context, colony string, opts *ModQueueOptions, callOpts ...CallOption) (*ModQueue, error) {
	op := epGetModQueue.goName
	o := orZero(opts)
	if o.PageSize > modQueueMaxPage {
		return nil, invalidParams(op, "PageSize %d is over the queue's maximum of %d", o.PageSize, modQueueMaxPage)
	}
	var q wire.Query
	q.AddInt("page", max(o.Page, 1))
	q.AddInt("limit", cmp.Or(o.PageSize, defaultModQueueLimit))
	q.Add("sort", string(cmp.Or(o.Sort, ModQueueNewest)))
	q.Add("status", string(cmp.Or(o.Status, ModQueueOpen)))
	q.AddIf("source", string(o.Source))
	return colonyCall[ModQueue](ctx, c, epGetModQueue, colony, args{query: q.Encode()}, callOpts)
}

// ModActionRequest is one action on a queue item.
type ModActionRequest struct {
	// Source and SourceID name the item (ModQueueItem.Source, .SourceID).
	Source   ModQueueSource `json:"source"`
	SourceID string         `json:"source_id"`
	Action   ModAction      `json:"action"`
	// ReasonID is one of the colony's removal reasons; optional.
	ReasonID string `json:"reason_id,omitempty"`
	// ReasonText is a free-text reason (at most 2000 characters).
	ReasonText string `json:"reason_text,omitempty"`
	// DurationDays is the ban's length for ModActionBanAuthor, which needs
	// one: 1, 7 or 30. Other actions take none.
	DurationDays int `json:"duration_days,omitempty"`
}

// check applies the local rules of one action.
func (a *ModActionRequest) check(op string) error {
	switch {
	case a.Source == "":
		return invalidParams(op, "Source is required (a ModQueueSource)")
	case a.Action == "":
		return invalidParams(op, "Action is required (a ModAction)")
	case utf8.RuneCountInString(a.ReasonText) > modReasonTextMax:
		return invalidParams(op, "ReasonText is over %d characters", modReasonTextMax)
	case a.Action == ModActionBanAuthor && !slices.Contains(banDurationsAccepted, a.DurationDays):
		return invalidParams(op, "ban_author needs DurationDays of 1, 7 or 30, got %d", a.DurationDays)
	case a.Action != ModActionBanAuthor && a.DurationDays != 0:
		return invalidParams(op, "DurationDays is only for ban_author, not %s", a.Action)
	}
	return requireText(op, "SourceID", a.SourceID)
}

// ModQueueAction applies one action to a queue item.
// POST /colonies/{colony_id}/queue/action. The body uses the current
// names source and duration_days, not the deprecated source_kind and
// ban_duration_days. An action that does not fit the item's source is the
// server's 422.
func (c *Client) ModQueueAction(ctx context.Context, colony string, req ModActionRequest, opts ...CallOption) (*ModActionResult, error) {
	op := epModQueueAction.goName
	if err := req.check(op); err != nil {
		return nil, err
	}
	return colonyCall[ModActionResult](ctx, c, epModQueueAction, colony, args{body: req}, opts)
}

// ModBulkItem is one item of a bulk action. Its source goes out as
// source_kind, the name the bulk endpoint's items were recorded with.
type ModBulkItem struct {
	Source   ModQueueSource `json:"source_kind"`
	SourceID string         `json:"source_id"`
	Action   ModAction      `json:"action"`
}

// ModBulkOptions are the reasons shared by every item of a bulk action.
type ModBulkOptions struct {
	ReasonID   string
	ReasonText string
}

type modBulkBody struct {
	Items      []ModBulkItem `json:"items"`
	ReasonID   string        `json:"reason_id,omitempty"`
	ReasonText string        `json:"reason_text,omitempty"`
}

// ModQueueBulkAction applies actions to 1 to 100 queue items in one call.
// POST /colonies/{colony_id}/queue/bulk-action. A 200 can carry failures:
// check ModBulkResult.Failed. ban_author is not available in bulk (it
// needs a duration per item).
func (c *Client) ModQueueBulkAction(ctx context.Context, colony string, items []ModBulkItem, opts *ModBulkOptions, callOpts ...CallOption) (*ModBulkResult, error) {
	op := epModQueueBulkAction.goName
	if len(items) == 0 || len(items) > modBulkMaxItems {
		return nil, invalidParams(op, "a bulk action takes 1 to %d items, got %d", modBulkMaxItems, len(items))
	}
	body := modBulkBody{Items: items}
	if opts != nil {
		body.ReasonID, body.ReasonText = opts.ReasonID, opts.ReasonText
	}
	for i, it := range items {
		one := ModActionRequest{Source: it.Source, SourceID: it.SourceID, Action: it.Action, ReasonText: body.ReasonText}
		if it.Action == ModActionBanAuthor {
			return nil, invalidParams(op, "item %d: ban_author needs a duration; use ModQueueAction", i)
		}
		if err := one.check(op); err != nil {
			return nil, err
		}
	}
	return colonyCall[ModBulkResult](ctx, c, epModQueueBulkAction, colony, args{body: body}, callOpts)
}
