package colony

import (
	"context"
)

// Flair is what post flairs and user-flair templates share: a label in
// colours ("#rrggbb"), ordered by Position.
type Flair struct {
	ID              string `json:"id"`
	Label           string `json:"label"`
	BackgroundColor string `json:"background_color"`
	TextColor       string `json:"text_color"`
	Position        int    `json:"position"`
}

// PostFlair is a flair a post can carry in a colony (PostFlairOut).
type PostFlair struct {
	Flair
	rawJSON `model:"lenient"`
}

// UserFlairTemplate is a flair members can wear (UserFlairTemplateOut).
// A ModOnly template is given by moderators; members may pick the others
// for themselves.
type UserFlairTemplate struct {
	Flair
	ModOnly bool `json:"mod_only"`
	rawJSON `model:"lenient"`
}

// UserFlairs is a colony's user-flair setup (UserFlairTemplateListOut):
// whether members wear flair there, and the templates in position order.
type UserFlairs struct {
	Enabled   bool                `json:"user_flair_enabled"`
	Templates []UserFlairTemplate `json:"templates"`
	rawJSON   `model:"lenient"`
}

// AssignedFlair is the flair a member wears (AssignedFlairOut);
// TemplateID is "" once cleared.
type AssignedFlair struct {
	UserID        string `json:"user_id"`
	TemplateID    string `json:"template_id"`
	TemplateLabel string `json:"template_label"`
	rawJSON       `model:"lenient"`
}

// flairsKey: post flairs are listed under "flairs".
type flairsKey struct{}

func (flairsKey) keys() []string { return []string{"flairs"} }

// checkColor refuses a colour that is not "#rrggbb"; "" (the server's
// default) passes.
func checkColor(op, name, v string) error {
	if v == "" {
		return nil
	}
	if len(v) != 7 || v[0] != '#' {
		return invalidParams(op, "%s %q must be a 6-digit hex colour such as #1f2937", name, v)
	}
	for i := 1; i < len(v); i++ {
		if !isHex(v[i]) {
			return invalidParams(op, "%s %q must be a 6-digit hex colour such as #1f2937", name, v)
		}
	}
	return nil
}

// ListPostFlairs lists the flairs posts can carry in a colony, in position
// order. GET /colonies/{colony_id}/post-flairs.
func (c *Client) ListPostFlairs(ctx context.Context, colony string, opts ...CallOption) ([]PostFlair, error) {
	return colonyList[PostFlair, flairsKey](ctx, c, epListPostFlairs, colony, opts)
}

// CreatePostFlairOptions are the optional parts of a post flair.
type CreatePostFlairOptions struct {
	// BackgroundColor and TextColor are "#rrggbb"; "" leaves the server's
	// default (and is not sent).
	BackgroundColor, TextColor string
	// Position orders the list (default 0).
	Position int
}

// CreatePostFlair adds a post flair to a colony, for its moderators.
// POST /colonies/{colony_id}/post-flairs. A colony has at most 25, with
// unique labels (the server refuses more, or a duplicate, with ErrConflict).
func (c *Client) CreatePostFlair(ctx context.Context, colony, label string, opts *CreatePostFlairOptions, callOpts ...CallOption) (*PostFlair, error) {
	body := flairBody{Label: label}
	if opts != nil {
		body.Position, body.BackgroundColor, body.TextColor = opts.Position, opts.BackgroundColor, opts.TextColor
	}
	return createFlair[PostFlair](ctx, c, epCreatePostFlair, colony, body, callOpts)
}

// DeletePostFlair deletes a post flair.
// DELETE /colonies/{colony_id}/post-flairs/{flair_id}.
func (c *Client) DeletePostFlair(ctx context.Context, colony, flairID string, opts ...CallOption) error {
	return colonyCallNoResult(ctx, c, epDeletePostFlair, colony, ids(flairID), opts)
}

// ListUserFlairs returns a colony's user-flair templates, in position
// order, and whether user flair is on there.
// GET /colonies/{colony_id}/user-flairs.
func (c *Client) ListUserFlairs(ctx context.Context, colony string, opts ...CallOption) (*UserFlairs, error) {
	return colonyCall[UserFlairs](ctx, c, epListUserFlairs, colony, args{}, opts)
}

// CreateUserFlairOptions are the optional parts of a user-flair template.
type CreateUserFlairOptions struct {
	// BackgroundColor and TextColor are "#rrggbb"; "" leaves the server's
	// default (and is not sent).
	BackgroundColor, TextColor string
	// ModOnly keeps the template for moderators to give; members cannot
	// pick it for themselves.
	ModOnly bool
	// Position orders the list (default 0).
	Position int
}

// CreateUserFlair adds a user-flair template to a colony; it needs the
// moderator permission to manage flair.
// POST /colonies/{colony_id}/user-flairs. At most 25 per colony, labels
// unique.
func (c *Client) CreateUserFlair(ctx context.Context, colony, label string, opts *CreateUserFlairOptions, callOpts ...CallOption) (*UserFlairTemplate, error) {
	body := flairBody{Label: label, ModOnly: new(bool)}
	if opts != nil {
		*body.ModOnly, body.Position = opts.ModOnly, opts.Position
		body.BackgroundColor, body.TextColor = opts.BackgroundColor, opts.TextColor
	}
	return createFlair[UserFlairTemplate](ctx, c, epCreateUserFlair, colony, body, callOpts)
}

// flairBody is the body of both creations: mod_only is sent for a
// user-flair template only, the colours when set.
type flairBody struct {
	Label           string `json:"label"`
	ModOnly         *bool  `json:"mod_only,omitempty"`
	Position        int    `json:"position"`
	BackgroundColor string `json:"background_color,omitempty"`
	TextColor       string `json:"text_color,omitempty"`
}

// createFlair checks a new flair (a label, colours "#rrggbb" or unset) and
// sends it to ep.
func createFlair[T any](ctx context.Context, c *Client, ep *endpoint, colony string, body flairBody, opts []CallOption) (*T, error) {
	op := ep.goName
	if err := requireText(op, "label", body.Label); err != nil {
		return nil, err
	}
	if err := checkColor(op, "BackgroundColor", body.BackgroundColor); err != nil {
		return nil, err
	}
	if err := checkColor(op, "TextColor", body.TextColor); err != nil {
		return nil, err
	}
	return colonyCall[T](ctx, c, ep, colony, args{body: body}, opts)
}

// DeleteUserFlair deletes a user-flair template; the members wearing it
// lose it. DELETE /colonies/{colony_id}/user-flairs/{template_id}.
func (c *Client) DeleteUserFlair(ctx context.Context, colony, templateID string, opts ...CallOption) error {
	return colonyCallNoResult(ctx, c, epDeleteUserFlair, colony, ids(templateID), opts)
}

// AssignMemberFlair gives a member a user-flair template to wear (a
// moderator, or the member themselves for a template that is not ModOnly).
// PUT /colonies/{colony_id}/members/{user_id}/flair.
func (c *Client) AssignMemberFlair(ctx context.Context, colony, userID, templateID string, opts ...CallOption) (*AssignedFlair, error) {
	if err := requireText(epAssignMemberFlair.goName, "template_id", templateID); err != nil {
		return nil, err
	}
	body := struct {
		TemplateID string `json:"template_id"`
	}{templateID}
	return memberCall[AssignedFlair](ctx, c, epAssignMemberFlair, colony, userID, args{body: body}, opts)
}

// ClearMemberFlair takes a member's flair off.
// DELETE /colonies/{colony_id}/members/{user_id}/flair. The answer names
// the member, with no template.
func (c *Client) ClearMemberFlair(ctx context.Context, colony, userID string, opts ...CallOption) (*AssignedFlair, error) {
	return memberCall[AssignedFlair](ctx, c, epClearMemberFlair, colony, userID, args{}, opts)
}
