package colony

import (
	"context"
	"time"
	"unicode/utf8"
)

const (
	appealBodyMax = 2000
	appealNoteMax = 1000
)

// BanAppeal is a banned user's appeal (BanAppealOut). Status is pending
// until a moderator accepts or rejects it.
type BanAppeal struct {
	AppealID  string    `json:"appeal_id"`
	UserID    string    `json:"user_id,omitempty"`
	Username  string    `json:"username,omitempty"`
	Body      string    `json:"body,omitempty"`
	Status    string    `json:"status"`
	Note      string    `json:"note,omitempty"`
	CreatedAt time.Time `json:"created_at,omitzero"`
	rawJSON   `model:"lenient"`
}

// MyBanStatus is the caller's standing in a colony (MyBanStatusOut): the
// ban in force, if any, and the latest appeal.
type MyBanStatus struct {
	Banned  bool       `json:"banned"`
	Ban     *ColonyBan `json:"ban"`
	Appeal  *BanAppeal `json:"appeal"`
	rawJSON `model:"lenient"`
}

// AppealResolution is the answer of ResolveBanAppeal (AppealResolvedOut).
type AppealResolution struct {
	AppealID string `json:"appeal_id"`
	Status   string `json:"status"`
	Unbanned bool   `json:"unbanned"`
	rawJSON  `model:"lenient"`
}

// appealsKey: appeal lists are under "appeals".
type appealsKey struct{}

func (appealsKey) keys() []string { return []string{"appeals"} }

// SubmitBanAppeal appeals the caller's ban from a colony (body 1 to 2000
// characters); it works while banned. POST /colonies/{colony_id}/appeal.
// No ban in force is ErrNotFound, an appeal already pending ErrConflict.
func (c *Client) SubmitBanAppeal(ctx context.Context, colony, body string, opts ...CallOption) (*BanAppeal, error) {
	return textCall[BanAppeal](ctx, c, epSubmitBanAppeal, colony, textArg{"body", body, appealBodyMax}, struct {
		Body string `json:"body"`
	}{body}, opts)
}

// textArg is a required text argument of 1 to max characters.
type textArg struct {
	name, text string
	max        int
}

// textCall checks a, resolves colony and sends body (which carries a) to
// ep.
func textCall[T any](ctx context.Context, c *Client, ep *endpoint, colony string, a textArg, body any, opts []CallOption) (*T, error) {
	op := ep.goName
	if err := requireText(op, a.name, a.text); err != nil {
		return nil, err
	}
	if utf8.RuneCountInString(a.text) > a.max {
		return nil, invalidParams(op, "%s is over %d characters", a.name, a.max)
	}
	return colonyCall[T](ctx, c, ep, colony, args{body: body}, opts)
}

// GetMyBanStatus returns the caller's ban and appeal in a colony.
// GET /colonies/{colony_id}/appeal.
func (c *Client) GetMyBanStatus(ctx context.Context, colony string, opts ...CallOption) (*MyBanStatus, error) {
	return colonyCall[MyBanStatus](ctx, c, epGetMyBanStatus, colony, args{}, opts)
}

// ListBanAppeals lists a colony's pending appeals, for its moderators.
// GET /colonies/{colony_id}/appeals.
func (c *Client) ListBanAppeals(ctx context.Context, colony string, opts ...CallOption) ([]BanAppeal, error) {
	return colonyList[BanAppeal, appealsKey](ctx, c, epListBanAppeals, colony, opts)
}

// ResolveAppealOptions are the optional parts of a resolution.
type ResolveAppealOptions struct {
	// Note is shown to the appellant (at most 1000 characters).
	Note string
}

// ResolveBanAppeal accepts (lifting the ban) or rejects an appeal.
// POST /colonies/{colony_id}/appeals/{appeal_id}/resolve.
func (c *Client) ResolveBanAppeal(ctx context.Context, colony, appealID string, accept bool, opts *ResolveAppealOptions, callOpts ...CallOption) (*AppealResolution, error) {
	op := epResolveBanAppeal.goName
	body := struct {
		Accept bool   `json:"accept"`
		Note   string `json:"note,omitempty"`
	}{Accept: accept}
	if opts != nil {
		body.Note = opts.Note
	}
	if utf8.RuneCountInString(body.Note) > appealNoteMax {
		return nil, invalidParams(op, "Note is over %d characters", appealNoteMax)
	}
	return colonyCall[AppealResolution](ctx, c, epResolveBanAppeal, colony, args{params: []string{appealID}, body: body}, callOpts)
}
