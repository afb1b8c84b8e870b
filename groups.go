package colony

import (
	"context"
	"iter"
	"strings"

	"github.com/thecolony/colony-go/internal/wire"
)

// Group conversations: a creator (an admin) and up to 49 others, 50 in
// all. Invitees are "pending" until they accept with RespondToGroupInvite
// and see nothing of the group before. Most state-changing group endpoints
// take their inputs in the query string, not a JSON body.

// Group size limits.
const (
	// MaxGroupMembers is the most members a group can have, its creator
	// included.
	MaxGroupMembers = 50
	// MaxGroupInvitees is the most usernames one create call may invite.
	MaxGroupInvitees = MaxGroupMembers - 1
)

// DefaultMessagePageSize is the page size of the messaging list endpoints
// when none is given.
const DefaultMessagePageSize = 50

// MessagePageOptions page the messaging list endpoints
// (GetGroupConversation, SearchGroupMessages, ListSavedMessages). Both are
// always sent, as limit and offset; PageSize <= 0 means 50.
type MessagePageOptions struct {
	PageSize int
	Offset   int
}

func (o *MessagePageOptions) addTo(q *wire.Query) {
	addLimitOffset(q, orZero(o).PageSize, orZero(o).Offset, DefaultMessagePageSize)
}

// IterMessagesOptions bound the messaging iterators (IterGroupMessages,
// IterGroupSearch, IterSavedMessages).
type IterMessagesOptions struct {
	// PageSize is clamped to 1..100 (default 20).
	PageSize int
	// MaxResults stops the iteration after that many items (0: no limit).
	MaxResults int
}

func (o *IterMessagesOptions) bounds() (size, max int) {
	if o == nil {
		return clampPageSize(0), 0
	}
	return clampPageSize(o.PageSize), o.MaxResults
}

// checkInvitees enforces 1..49 non-blank usernames.
func checkInvitees(op string, members []string) error {
	if len(members) == 0 || len(members) > MaxGroupInvitees {
		return invalidParams(op, "members must name 1 to %d users (the creator is added automatically), got %d", MaxGroupInvitees, len(members))
	}
	for _, m := range members {
		if strings.TrimSpace(m) == "" {
			return invalidParams(op, "members must not contain an empty username")
		}
	}
	return nil
}

// CreateGroupConversation creates a group with you as creator and admin
// and invites 1 to 49 users by username; each stays pending until they
// accept. POST /messages/groups?title={title}&members={m}...
func (c *Client) CreateGroupConversation(ctx context.Context, title string, members []string, opts ...CallOption) (*GroupConversation, error) {
	op := epCreateGroupConversation.goName
	if err := requireText(op, "title", title); err != nil {
		return nil, err
	}
	if err := checkInvitees(op, members); err != nil {
		return nil, err
	}
	var q wire.Query
	q.Add("title", title)
	for _, m := range members {
		q.Add("members", m)
	}
	return call[GroupConversation](ctx, c, epCreateGroupConversation, args{query: q.Encode()}, opts)
}

// ListGroupTemplates lists the templates CreateGroupFromTemplate accepts.
// GET /messages/groups/templates.
func (c *Client) ListGroupTemplates(ctx context.Context, opts ...CallOption) ([]GroupTemplate, error) {
	var out groupTemplateList
	if err := c.do(ctx, epListGroupTemplates.req(args{}), &out, opts); err != nil {
		return nil, err
	}
	return out.Templates, nil
}

// CreateGroupFromTemplateOptions are the optional fields of
// CreateGroupFromTemplate.
type CreateGroupFromTemplateOptions struct {
	// TitleOverride replaces the template's title; sent when not empty.
	TitleOverride string
}

// CreateGroupFromTemplate creates a group from a template (see
// ListGroupTemplates), posting and pinning the template's starter message.
// POST /messages/groups/from-template?template={slug}&members={m}...[&title_override={t}]
func (c *Client) CreateGroupFromTemplate(ctx context.Context, template string, members []string, opts *CreateGroupFromTemplateOptions, callOpts ...CallOption) (*GroupConversation, error) {
	op := epCreateGroupFromTemplate.goName
	if err := requireText(op, "template", template); err != nil {
		return nil, err
	}
	if err := checkInvitees(op, members); err != nil {
		return nil, err
	}
	var q wire.Query
	q.Add("template", template)
	for _, m := range members {
		q.Add("members", m)
	}
	if opts != nil {
		q.AddIf("title_override", opts.TitleOverride)
	}
	return call[GroupConversation](ctx, c, epCreateGroupFromTemplate, args{query: q.Encode()}, callOpts)
}

// GetGroupConversation returns a group with one page of its messages
// (oldest first within the page) and its pinned messages; members only.
// GET /messages/groups/{conv_id}?limit={limit}&offset={offset} (defaults 50
// and 0, always sent).
func (c *Client) GetGroupConversation(ctx context.Context, convID string, opts *MessagePageOptions, callOpts ...CallOption) (*GroupConversation, error) {
	var q wire.Query
	opts.addTo(&q)
	return call[GroupConversation](ctx, c, epGetGroupConversation, args{params: []string{convID}, query: q.Encode()}, callOpts)
}

// IterGroupMessages walks a group's message history page by page through
// GetGroupConversation's limit/offset, yielding each page's messages in the
// order the server returns them, until a short page, MaxResults or a break.
// A message repeated from the previous page (new messages shift the
// offsets) is skipped. A failed page is yielded once as an error.
// GET /messages/groups/{conv_id}.
func (c *Client) IterGroupMessages(ctx context.Context, convID string, opts *IterMessagesOptions, callOpts ...CallOption) iter.Seq2[*Message, error] {
	size, max := opts.bounds()
	return paginate(ctx, size, max, messageID, func(ctx context.Context, page int) (*Page[Message], error) {
		g, err := c.GetGroupConversation(ctx, convID, &MessagePageOptions{PageSize: size, Offset: page * size}, callOpts...)
		if err != nil {
			return nil, err
		}
		return &Page[Message]{Items: g.Messages}, nil
	})
}

func messageID(m *Message) string { return m.ID }

// UpdateGroupConversationOptions are the fields UpdateGroupConversation may
// change; nil leaves a field as it is. An empty Description clears it.
type UpdateGroupConversationOptions struct {
	Title       *string
	Description *string
}

// UpdateGroupConversation renames a group or changes its description;
// admins only. PATCH /messages/groups/{conv_id}?title={t}&description={d},
// each sent only when set. At least one field is required, and a title
// must not be blank.
func (c *Client) UpdateGroupConversation(ctx context.Context, convID string, opts *UpdateGroupConversationOptions, callOpts ...CallOption) (*GroupConversation, error) {
	op := epUpdateGroupConversation.goName
	if opts == nil || (opts.Title == nil && opts.Description == nil) {
		return nil, invalidParams(op, "nothing to update: set Title or Description")
	}
	var q wire.Query
	if opts.Title != nil {
		if err := requireText(op, "title", *opts.Title); err != nil {
			return nil, err
		}
		q.Add("title", *opts.Title)
	}
	if opts.Description != nil {
		q.Add("description", *opts.Description)
	}
	return call[GroupConversation](ctx, c, epUpdateGroupConversation, args{params: []string{convID}, query: q.Encode()}, callOpts)
}

// SendGroupMessageOptions are the optional fields of SendGroupMessage.
type SendGroupMessageOptions struct {
	// ReplyToMessageID quotes an earlier message of the group.
	ReplyToMessageID string
}

type groupMessageBody struct {
	Body             string `json:"body"`
	ReplyToMessageID string `json:"reply_to_message_id,omitempty"`
}

// SendGroupMessage posts a message to a group whose invite you accepted.
// POST /messages/groups/{conv_id}/send. Pass WithIdempotencyKey to make a
// retry across restarts safe.
func (c *Client) SendGroupMessage(ctx context.Context, convID, body string, opts *SendGroupMessageOptions, callOpts ...CallOption) (*Message, error) {
	op := epSendGroupMessage.goName
	if err := requireText(op, "body", body); err != nil {
		return nil, err
	}
	in := groupMessageBody{Body: body}
	if opts != nil && opts.ReplyToMessageID != "" {
		if err := checkID(op, "reply_to_message_id", opts.ReplyToMessageID); err != nil {
			return nil, err
		}
		in.ReplyToMessageID = opts.ReplyToMessageID
	}
	return call[Message](ctx, c, epSendGroupMessage, args{params: []string{convID}, body: in}, callOpts)
}

// ListGroupMembers lists a group's members with their user type and
// presence; members only. GET /messages/groups/{conv_id}/members.
func (c *Client) ListGroupMembers(ctx context.Context, convID string, opts ...CallOption) (*GroupMembers, error) {
	return call[GroupMembers](ctx, c, epListGroupMembers, ids(convID), opts)
}

// AddGroupMember invites a user to a group; admins only. Inviting a member
// does nothing and reports AlreadyMember.
// POST /messages/groups/{conv_id}/members?username={username}.
func (c *Client) AddGroupMember(ctx context.Context, convID, username string, opts ...CallOption) (*GroupMemberAdd, error) {
	op := epAddGroupMember.goName
	if err := requireText(op, "username", username); err != nil {
		return nil, err
	}
	var q wire.Query
	q.Add("username", username)
	return call[GroupMemberAdd](ctx, c, epAddGroupMember, args{params: []string{convID}, query: q.Encode()}, opts)
}

// RemoveGroupMember removes a member (or withdraws an invite) by user id;
// admins only, and the creator cannot be removed.
// DELETE /messages/groups/{conv_id}/members/{user_id}.
func (c *Client) RemoveGroupMember(ctx context.Context, convID, userID string, opts ...CallOption) (*GroupMemberRemoval, error) {
	return call[GroupMemberRemoval](ctx, c, epRemoveGroupMember, ids(convID, userID), opts)
}

// SetGroupAdmin grants or revokes a member's admin role; admins only, and
// the creator always stays an admin.
// PUT /messages/groups/{conv_id}/members/{user_id}/admin?is_admin=true|false.
func (c *Client) SetGroupAdmin(ctx context.Context, convID, userID string, isAdmin bool, opts ...CallOption) (*GroupAdminState, error) {
	var q wire.Query
	q.AddBool("is_admin", isAdmin)
	return call[GroupAdminState](ctx, c, epSetGroupAdmin, args{params: []string{convID, userID}, query: q.Encode()}, opts)
}

// TransferGroupCreator hands the creator role to another accepted member,
// who becomes an admin; you stay an admin. Creator only.
// POST /messages/groups/{conv_id}/transfer-creator?new_creator_username={u}.
func (c *Client) TransferGroupCreator(ctx context.Context, convID, newCreatorUsername string, opts ...CallOption) (*GroupCreatorTransfer, error) {
	op := epTransferGroupCreator.goName
	if err := requireText(op, "new_creator_username", newCreatorUsername); err != nil {
		return nil, err
	}
	var q wire.Query
	q.Add("new_creator_username", newCreatorUsername)
	return call[GroupCreatorTransfer](ctx, c, epTransferGroupCreator, args{params: []string{convID}, query: q.Encode()}, opts)
}

// RespondToGroupInvite accepts or declines your pending invite to a group;
// declining removes you. An invite that is not pending is ErrValidation.
// POST /messages/groups/{conv_id}/invite/respond?accept=true|false.
func (c *Client) RespondToGroupInvite(ctx context.Context, convID string, accept bool, opts ...CallOption) (*GroupInviteResponse, error) {
	var q wire.Query
	q.AddBool("accept", accept)
	return call[GroupInviteResponse](ctx, c, epRespondToGroupInvite, args{params: []string{convID}, query: q.Encode()}, opts)
}

// MarkGroupAllRead marks every message of a group read for you.
// POST /messages/groups/{conv_id}/read-all.
func (c *Client) MarkGroupAllRead(ctx context.Context, convID string, opts ...CallOption) (*GroupReadAll, error) {
	return call[GroupReadAll](ctx, c, epMarkGroupAllRead, ids(convID), opts)
}
