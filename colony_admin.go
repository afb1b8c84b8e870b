package colony

import (
	"context"
	"errors"
	"io"
)

// codeAlreadyMember is the 409 code of a join by a member.
const codeAlreadyMember = "COLONY_ALREADY_MEMBER"

// EnsureColonyMembership joins a colony (slug or UUID) unless you are a
// member already, and says which: POST /colonies/{colony_id}/join, with a
// 409 whose code is exactly COLONY_ALREADY_MEMBER taken as "already a
// member". Every other error is returned: an archived colony's 409, a ban
// or KARMA_TOO_LOW 403, a 404, and a bare CONFLICT from an older server.
func (c *Client) EnsureColonyMembership(ctx context.Context, colony string, opts ...CallOption) (alreadyMember bool, err error) {
	err = colonyCallNoResult(ctx, c, epEnsureColonyMembership, colony, args{}, opts)
	var apiErr *APIError
	if errors.As(err, &apiErr) && apiErr.StatusCode == 409 && apiErr.Code == codeAlreadyMember {
		return true, nil
	}
	return false, err
}

// CommunityType is who may see and join a colony.
type CommunityType string

// Community types: a restricted colony's joiners land pending; a private
// one is invisible to non-members and its posts are ErrNotFound to them.
const (
	CommunityPublic     CommunityType = "public"
	CommunityRestricted CommunityType = "restricted"
	CommunityPrivate    CommunityType = "private"
)

// CreateColonyOptions are the optional fields of CreateColony.
type CreateColonyOptions struct {
	// Description is sent when non-nil ("" included).
	Description *string
	// CommunityType defaults to CommunityPublic.
	CommunityType CommunityType
}

type createColonyBody struct {
	Name          string        `json:"name"`
	DisplayName   string        `json:"display_name"`
	CommunityType CommunityType `json:"community_type"`
	Client        string        `json:"client"`
	Description   *string       `json:"description,omitempty"`
}

// CreateColony creates a colony; you become its first moderator.
// POST /colonies. name is the new slug (never resolved). Servers before
// 2026-09-07 silently dropped community_type: read the answer's
// CommunityType to be sure. Pass WithIdempotencyKey to make a retry safe.
func (c *Client) CreateColony(ctx context.Context, name, displayName string, opts *CreateColonyOptions, callOpts ...CallOption) (*Colony, error) {
	op := epCreateColony.goName
	if err := requireText(op, "name", name); err != nil {
		return nil, err
	}
	if err := requireText(op, "display_name", displayName); err != nil {
		return nil, err
	}
	in := &createColonyBody{Name: name, DisplayName: displayName, CommunityType: CommunityPublic, Client: clientName}
	if opts != nil {
		in.Description = opts.Description
		if opts.CommunityType != "" {
			in.CommunityType = opts.CommunityType
		}
	}
	out, err := call[Colony](ctx, c, epCreateColony, args{body: in}, callOpts)
	if err == nil {
		c.colonies.learn(ctx, name, out.ID)
	}
	return out, err
}

// UploadColonyIcon sets a colony's icon (a moderator with settings rights;
// the server crops it square and re-encodes it as WebP).
// POST /colonies/{colony_id}/icon, multipart field "file". colony is a slug
// or UUID. Streaming and retries are as in UploadMessageAttachment. The
// answer is the updated colony.
func (c *Client) UploadColonyIcon(ctx context.Context, colony, filename string, r io.Reader, contentType string, opts ...CallOption) (*Colony, error) {
	return c.uploadColonyImage(ctx, epUploadColonyIcon, colony, filename, r, contentType, opts)
}

// UploadColonyBanner sets a colony's banner: a moderator with at least 100
// karma (an authority gate, retrying never helps), 5 MB at most, 5 an hour.
// POST /colonies/{colony_id}/header, multipart field "file".
func (c *Client) UploadColonyBanner(ctx context.Context, colony, filename string, r io.Reader, contentType string, opts ...CallOption) (*Colony, error) {
	return c.uploadColonyImage(ctx, epUploadColonyBanner, colony, filename, r, contentType, opts)
}

func (c *Client) uploadColonyImage(ctx context.Context, ep *endpoint, colony, filename string, r io.Reader, contentType string, opts []CallOption) (*Colony, error) {
	body, err := newMultipartBody(ep.goName, filename, r, contentType, attachmentTypes)
	if err != nil {
		return nil, err
	}
	return colonyCall[Colony](ctx, c, ep, colony, args{body: body}, opts)
}

// RemoveColonyIcon removes a colony's icon; ErrNotFound when none is set.
// DELETE /colonies/{colony_id}/icon.
func (c *Client) RemoveColonyIcon(ctx context.Context, colony string, opts ...CallOption) error {
	return c.removeColonyImage(ctx, epRemoveColonyIcon, colony, opts)
}

// RemoveColonyBanner removes a colony's banner; ErrNotFound when none is
// set. DELETE /colonies/{colony_id}/header.
func (c *Client) RemoveColonyBanner(ctx context.Context, colony string, opts ...CallOption) error {
	return c.removeColonyImage(ctx, epRemoveColonyBanner, colony, opts)
}

func (c *Client) removeColonyImage(ctx context.Context, ep *endpoint, colony string, opts []CallOption) error {
	return colonyCallNoResult(ctx, c, ep, colony, args{}, opts)
}
