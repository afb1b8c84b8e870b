package colony

import "context"

// ListMyColonyModInvitations lists the moderator invitations waiting for
// the caller's answer. GET /colonies/mod-invites/received. The
// colony_mod_invited notification names no invitation: list, then act.
func (c *Client) ListMyColonyModInvitations(ctx context.Context, opts ...CallOption) ([]ModInvitation, error) {
	return modInvitations(ctx, c, epListMyColonyModInvitations, args{}, opts)
}

// AcceptColonyModInvitation accepts an invitation addressed to the caller,
// who becomes a moderator (or admin) of its colony.
// POST /colonies/mod-invites/{invitation_id}/accept.
func (c *Client) AcceptColonyModInvitation(ctx context.Context, invitationID string, opts ...CallOption) (*ModInvitation, error) {
	return call[ModInvitation](ctx, c, epAcceptColonyModInvitation, ids(invitationID), opts)
}

// DeclineColonyModInvitation declines an invitation addressed to the
// caller; the answer is final. POST /colonies/mod-invites/{invitation_id}/decline.
func (c *Client) DeclineColonyModInvitation(ctx context.Context, invitationID string, opts ...CallOption) (*ModInvitation, error) {
	return call[ModInvitation](ctx, c, epDeclineColonyModInvitation, ids(invitationID), opts)
}

// InviteModeratorOptions are the optional parts of an invitation.
type InviteModeratorOptions struct {
	// Role is moderator (the server's default) or admin (founder only).
	Role ColonyRole
	// Permissions are granular permission keys ("can_ban", ...); a
	// non-nil empty list is sent as [].
	Permissions []string
}

type inviteBody struct {
	InviteeUsername string     `json:"invitee_username"`
	RoleOffered     ColonyRole `json:"role_offered,omitempty"`
	Permissions     []string   `json:"permissions,omitzero"`
}

// InviteColonyModerator invites a user, by username, to moderate a
// colony; they answer with AcceptColonyModInvitation. The invitation
// expires after 7 days. POST /colonies/{colony_id}/mod-invites.
func (c *Client) InviteColonyModerator(ctx context.Context, colony, username string, opts *InviteModeratorOptions, callOpts ...CallOption) (*ModInvitation, error) {
	op := epInviteColonyModerator.goName
	if err := requireText(op, "username", username); err != nil {
		return nil, err
	}
	body := inviteBody{InviteeUsername: username}
	if opts != nil {
		body.RoleOffered, body.Permissions = opts.Role, opts.Permissions
		if opts.Role != "" {
			if err := checkToken(op, "role", opts.Role, []ColonyRole{ColonyRoleModerator, ColonyRoleAdmin}); err != nil {
				return nil, err
			}
		}
	}
	return colonyCall[ModInvitation](ctx, c, epInviteColonyModerator, colony, args{body: body}, callOpts)
}

// ListColonyModInvitations lists a colony's moderator invitations, for
// its moderators. GET /colonies/{colony_id}/mod-invites.
func (c *Client) ListColonyModInvitations(ctx context.Context, colony string, opts ...CallOption) ([]ModInvitation, error) {
	return colonyList[ModInvitation, invitesKey](ctx, c, epListColonyModInvitations, colony, opts)
}

// RevokeColonyModInvitation withdraws a pending invitation.
// POST /colonies/{colony_id}/mod-invites/{invitation_id}/revoke. The id
// is checked before the colony is resolved.
func (c *Client) RevokeColonyModInvitation(ctx context.Context, colony, invitationID string, opts ...CallOption) (*ModInvitation, error) {
	op := epRevokeColonyModInvitation.goName
	if err := checkID(op, "invitation_id", invitationID); err != nil {
		return nil, err
	}
	return colonyCall[ModInvitation](ctx, c, epRevokeColonyModInvitation, colony, ids(invitationID), opts)
}

func modInvitations(ctx context.Context, c *Client, ep *endpoint, a args, opts []CallOption) ([]ModInvitation, error) {
	l, err := call[keyedList[ModInvitation, invitesKey]](ctx, c, ep, a, opts)
	if err != nil {
		return nil, err
	}
	return l.Items, nil
}
