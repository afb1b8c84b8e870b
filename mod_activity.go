package colony

import (
	"cmp"
	"context"

	"github.com/thecolony/colony-go/internal/wire"
)

// defaultModActivityWindow is the window GetModActivity asks for by
// default, in days.
const defaultModActivityWindow = 30

// ModActivity is a colony's moderation dashboard over a window: what each
// moderator did, and how the queue is keeping up. The API publishes no
// schema for it; the hourly breakdown, whose shape is undocumented, is in
// RawJSON only.
type ModActivity struct {
	// WindowDays is the window the server used: it snaps the asked one
	// to 7, 30 or 90.
	WindowDays int               `json:"window_days"`
	Mods       []ModActivityMod  `json:"mods"`
	Health     ModActivityHealth `json:"health"`
	rawJSON    `model:"lenient"`
}

// ModActivityMod is one moderator's tally of queue actions over the
// window: removals (remove, reject, confirm_removal), approvals (approve,
// restore), dismissals, and the rest (lock, ban_author).
type ModActivityMod struct {
	UserID     string `json:"user_id"`
	Username   string `json:"username"`
	Total      int    `json:"total"`
	Removals   int    `json:"removals"`
	Approvals  int    `json:"approvals"`
	Dismissals int    `json:"dismissals"`
	Other      int    `json:"other"`
	rawJSON    `model:"lenient"`
}

// ModActivityHealth is the queue's backlog and pace.
// MedianResolutionSeconds is nil when nothing was resolved in the window.
type ModActivityHealth struct {
	OpenReports             int      `json:"open_reports"`
	PendingPosts            int      `json:"pending_posts"`
	PendingAppeals          int      `json:"pending_appeals"`
	ResolvedReports         int      `json:"resolved_reports"`
	MedianResolutionSeconds *float64 `json:"median_resolution_seconds"`
	rawJSON                 `model:"lenient"`
}

// ModActivityOptions choose GetModActivity's window.
type ModActivityOptions struct {
	// WindowDays is the window in days (default 30); the server snaps it
	// to 7, 30 or 90.
	WindowDays int
}

// GetModActivity returns a colony's moderation dashboard, for its
// moderators. GET /colonies/{colony_id}/mod-activity?window_days={days}.
func (c *Client) GetModActivity(ctx context.Context, colony string, opts *ModActivityOptions, callOpts ...CallOption) (*ModActivity, error) {
	o := orZero(opts)
	if o.WindowDays < 0 {
		return nil, invalidParams(epGetModActivity.goName, "WindowDays must not be negative, got %d", o.WindowDays)
	}
	var q wire.Query
	q.AddInt("window_days", cmp.Or(o.WindowDays, defaultModActivityWindow))
	return colonyCall[ModActivity](ctx, c, epGetModActivity, colony, args{query: q.Encode()}, callOpts)
}
