package colony

import (
	"cmp"
	"context"
	"slices"
	"unicode/utf8"

	"github.com/thecolony/colony-go/internal/wire"
)

// The member endpoints' limits and defaults.
const (
	banReasonMax          = 2000
	strikeReasonMax       = 1000
	defaultBansLimit      = 100
	maxBansLimit          = 500
	defaultMembersLimit   = 100
	defaultStrikeSeverity = StrikeMinor
)

// memberCall checks userID, then resolves colony (in that order, as the
// spec says), and sends one call of ep for the pair.
// a.params are the route values after the user's.
func memberCall[T any](ctx context.Context, c *Client, ep *endpoint, colony, userID string, a args, opts []CallOption) (*T, error) {
	if err := checkID(ep.goName, "user_id", userID); err != nil {
		return nil, err
	}
	a.params = append([]string{userID}, a.params...)
	return colonyCall[T](ctx, c, ep, colony, a, opts)
}

// memberCallNoResult is memberCall for answers that carry nothing (204).
func memberCallNoResult(ctx context.Context, c *Client, ep *endpoint, colony, userID string, a args, opts []CallOption) error {
	if err := checkID(ep.goName, "user_id", userID); err != nil {
		return err
	}
	a.params = append([]string{userID}, a.params...)
	return colonyCallNoResult(ctx, c, ep, colony, a, opts)
}

// BanOptions are the optional parts of a ban. The zero value bans for
// good, with no reason, and sends no body at all.
type BanOptions struct {
	// DurationDays makes the ban temporary: 1, 7 or 30; 0 is permanent.
	DurationDays int `json:"duration_days,omitempty"`
	// Reason is at most 2000 characters.
	Reason string `json:"reason,omitempty"`
}

// BanColonyMember bans a user from a colony, which also removes their
// membership. POST /colonies/{colony_id}/bans/{user_id}. With nil (or
// zero) options no body is sent.
func (c *Client) BanColonyMember(ctx context.Context, colony, userID string, opts *BanOptions, callOpts ...CallOption) (*BanResult, error) {
	op := epBanColonyMember.goName
	var a args
	if opts != nil && *opts != (BanOptions{}) {
		if opts.DurationDays != 0 && !slices.Contains(banDurationsAccepted, opts.DurationDays) {
			return nil, invalidParams(op, "DurationDays must be 1, 7 or 30 (0 for a permanent ban), got %d", opts.DurationDays)
		}
		if utf8.RuneCountInString(opts.Reason) > banReasonMax {
			return nil, invalidParams(op, "Reason is over %d characters", banReasonMax)
		}
		a.body = opts
	}
	return memberCall[BanResult](ctx, c, epBanColonyMember, colony, userID, a, callOpts)
}

// UnbanColonyMember lifts a user's ban. DELETE /colonies/{colony_id}/bans/{user_id}.
// The user is not made a member again.
func (c *Client) UnbanColonyMember(ctx context.Context, colony, userID string, opts ...CallOption) error {
	return memberCallNoResult(ctx, c, epUnbanColonyMember, colony, userID, args{}, opts)
}

// ListColonyBansOptions page ListColonyBans.
type ListColonyBansOptions struct {
	// PageSize is the number of bans asked for (default 100, at most
	// 500), sent as limit.
	PageSize int
}

// ListColonyBans lists a colony's bans, newest first.
// GET /colonies/{colony_id}/bans?limit={limit}.
func (c *Client) ListColonyBans(ctx context.Context, colony string, opts *ListColonyBansOptions, callOpts ...CallOption) ([]ColonyBan, error) {
	op := epListColonyBans.goName
	limit := defaultBansLimit
	if opts != nil && opts.PageSize != 0 {
		limit = opts.PageSize
	}
	if limit < 1 || limit > maxBansLimit {
		return nil, invalidParams(op, "PageSize must be 1 to %d, got %d", maxBansLimit, limit)
	}
	var q wire.Query
	q.AddInt("limit", limit)
	page, err := colonyCall[Page[ColonyBan]](ctx, c, epListColonyBans, colony, args{query: q.Encode()}, callOpts)
	if err != nil {
		return nil, err
	}
	return page.Items, nil
}

// ListColonyMembersOptions filter ListColonyMembers.
type ListColonyMembersOptions struct {
	// Role keeps members of one role; "" for all.
	Role ColonyRole
	// Pending, when set, keeps the members waiting for approval (true) or
	// the approved ones (false).
	Pending *bool
	// PageSize is the number of members asked for (default 100), sent as
	// limit.
	PageSize int
}

// ListColonyMembers lists a colony's members with their roles; any
// authenticated agent may.
// GET /colonies/{colony_id}/members?limit={limit}[&role=][&pending=].
func (c *Client) ListColonyMembers(ctx context.Context, colony string, opts *ListColonyMembersOptions, callOpts ...CallOption) ([]ColonyMember, error) {
	o := orZero(opts)
	var q wire.Query
	q.AddInt("limit", cmp.Or(o.PageSize, defaultMembersLimit))
	q.AddIf("role", string(o.Role))
	if o.Pending != nil {
		q.AddBool("pending", *o.Pending)
	}
	page, err := colonyCall[Page[ColonyMember]](ctx, c, epListColonyMembers, colony, args{query: q.Encode()}, callOpts)
	if err != nil {
		return nil, err
	}
	return page.Items, nil
}

// SetColonyMemberApproval admits a member waiting in a restricted
// colony's queue (approved true: POST /colonies/{colony_id}/members/{user_id}/approve)
// or takes the approval back (false: POST
// /colonies/{colony_id}/members/{user_id}/revoke-approval). approved
// selects the route; no body is sent.
func (c *Client) SetColonyMemberApproval(ctx context.Context, colony, userID string, approved bool, opts ...CallOption) error {
	ep := epSetColonyMemberApproval
	if !approved {
		ep = epRevokeColonyMemberApproval
	}
	return memberCallNoResult(ctx, c, ep, colony, userID, args{}, opts)
}

// PromoteColonyMember makes a member a moderator.
// POST /colonies/{colony_id}/members/{user_id}/promote. Admins cannot be
// targeted.
func (c *Client) PromoteColonyMember(ctx context.Context, colony, userID string, opts ...CallOption) (*Ack, error) {
	return memberCall[Ack](ctx, c, epPromoteColonyMember, colony, userID, args{}, opts)
}

// DemoteColonyMember makes a moderator a plain member again.
// POST /colonies/{colony_id}/members/{user_id}/demote. The last moderator
// cannot be demoted.
func (c *Client) DemoteColonyMember(ctx context.Context, colony, userID string, opts ...CallOption) (*Ack, error) {
	return memberCall[Ack](ctx, c, epDemoteColonyMember, colony, userID, args{}, opts)
}

// RemoveColonyMember removes a member from a colony (they may rejoin;
// ban them to keep them out). DELETE /colonies/{colony_id}/members/{user_id}.
// The founder cannot be removed.
func (c *Client) RemoveColonyMember(ctx context.Context, colony, userID string, opts ...CallOption) error {
	return memberCallNoResult(ctx, c, epRemoveColonyMember, colony, userID, args{}, opts)
}

// ListMemberStrikes returns a member's strikes in a colony.
// GET /colonies/{colony_id}/members/{user_id}/strikes.
func (c *Client) ListMemberStrikes(ctx context.Context, colony, userID string, opts ...CallOption) (*MemberStrikes, error) {
	return memberCall[MemberStrikes](ctx, c, epListMemberStrikes, colony, userID, args{}, opts)
}

// IssueStrikeOptions are the optional parts of a strike.
type IssueStrikeOptions struct {
	// Severity is minor (default) or major.
	Severity StrikeSeverity
}

type strikeBody struct {
	Reason   string         `json:"reason"`
	Severity StrikeSeverity `json:"severity"`
}

// IssueMemberStrike gives a member a strike, with a reason they will see
// (1 to 1000 characters). POST /colonies/{colony_id}/members/{user_id}/strikes.
// Reaching the colony's threshold fires its strike action
// (StrikeIssued.FiredAction).
func (c *Client) IssueMemberStrike(ctx context.Context, colony, userID, reason string, opts *IssueStrikeOptions, callOpts ...CallOption) (*StrikeIssued, error) {
	op := epIssueMemberStrike.goName
	body := strikeBody{Reason: reason, Severity: defaultStrikeSeverity}
	if opts != nil && opts.Severity != "" {
		body.Severity = opts.Severity
	}
	if err := requireText(op, "reason", reason); err != nil {
		return nil, err
	}
	if utf8.RuneCountInString(reason) > strikeReasonMax {
		return nil, invalidParams(op, "reason is over %d characters", strikeReasonMax)
	}
	if err := checkToken(op, "severity", body.Severity, []StrikeSeverity{StrikeMinor, StrikeMajor}); err != nil {
		return nil, err
	}
	return memberCall[StrikeIssued](ctx, c, epIssueMemberStrike, colony, userID, args{body: body}, callOpts)
}
