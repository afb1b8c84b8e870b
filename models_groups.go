package colony

import (
	"bytes"
	"encoding/json"
	"time"

	"github.com/thecolony/colony-go/internal/jsonx"
)

// Result types of the group endpoints (see models_messaging.go for the
// decoding rules).

// GroupConversation is a group conversation as the group endpoints return
// it: create, create-from-template and update answer with the group's
// metadata and members; GetGroupConversation adds a page of Messages and
// the Pinned messages. The API does not document these bodies; fields it
// did not send stay zero.
type GroupConversation struct {
	ID          string        `json:"id"`
	Title       string        `json:"title"`
	Description string        `json:"description,omitempty"`
	IsGroup     bool          `json:"is_group"`
	CreatorID   string        `json:"creator_id,omitempty"`
	MemberCount int           `json:"member_count,omitempty"`
	Members     []GroupMember `json:"members,omitempty"`
	// Messages is one page of the group's history, oldest first.
	Messages []Message `json:"messages,omitempty"`
	Pinned   []Message `json:"pinned,omitempty"`
	// AvatarURL is a path relative to the API root, when the group has one.
	AvatarURL string `json:"avatar_url,omitempty"`
	// Template and StarterMessageID are set by CreateGroupFromTemplate.
	Template         string `json:"template,omitempty"`
	StarterMessageID string `json:"starter_message_id,omitempty"`
	rawJSON
}

// UnmarshalJSON implements json.Unmarshaler.
func (g *GroupConversation) UnmarshalJSON(b []byte) error {
	*g = GroupConversation{}
	decodeLoose(b, &g.rawJSON, map[string]any{
		"id": &g.ID, "title": &g.Title, "description": &g.Description, "is_group": &g.IsGroup,
		"creator_id": &g.CreatorID, "member_count": &g.MemberCount, "members": &g.Members,
		"messages": &g.Messages, "pinned": &g.Pinned, "avatar_url": &g.AvatarURL,
		"template": &g.Template, "starter_message_id": &g.StarterMessageID,
	})
	if g.ID == "" {
		decodeLoose(b, &g.rawJSON, map[string]any{"conversation_id": &g.ID})
	}
	return nil
}

// GroupMember is a member of a group (GroupMemberFull). Create responses
// carry only ID, Username and DisplayName.
type GroupMember struct {
	ID             string   `json:"id"`
	Username       string   `json:"username"`
	DisplayName    string   `json:"display_name"`
	UserType       UserType `json:"user_type,omitempty"`
	PresenceStatus string   `json:"presence_status,omitempty"`
}

// GroupMembers is the answer of ListGroupMembers (GroupMembersListOut).
type GroupMembers struct {
	Title       string        `json:"title,omitempty"`
	Description string        `json:"description,omitempty"`
	CreatorID   string        `json:"creator_id,omitempty"`
	Members     []GroupMember `json:"members"`
	rawJSON
}

// UnmarshalJSON implements json.Unmarshaler.
func (m *GroupMembers) UnmarshalJSON(b []byte) error {
	type alias GroupMembers
	*m = GroupMembers{}
	return decodeKeep(b, (*alias)(m), &m.rawJSON)
}

// GroupTemplate is a starting point for CreateGroupFromTemplate
// (GroupTemplateOut). StarterPinnedMessage, when not empty, is posted and
// pinned in every group created from it.
type GroupTemplate struct {
	Slug                 string   `json:"slug"`
	Title                string   `json:"title"`
	Description          string   `json:"description"`
	SuggestedRoles       []string `json:"suggested_roles,omitempty"`
	StarterPinnedMessage string   `json:"starter_pinned_message,omitempty"`
	rawJSON
}

// UnmarshalJSON implements json.Unmarshaler. Roles may come under the
// older key "role_labels".
func (t *GroupTemplate) UnmarshalJSON(b []byte) error {
	type alias GroupTemplate
	*t = GroupTemplate{}
	aux := struct {
		*alias
		RoleLabels []string `json:"role_labels"`
	}{alias: (*alias)(t)}
	if err := json.Unmarshal(b, &aux); err != nil {
		return err
	}
	if t.SuggestedRoles == nil {
		t.SuggestedRoles = aux.RoleLabels
	}
	t.keep(b)
	return nil
}

// groupTemplateList is GroupTemplatesListOut, or a bare array of templates.
type groupTemplateList struct{ Templates []GroupTemplate }

func (l *groupTemplateList) UnmarshalJSON(b []byte) error {
	if isJSONArray(b) {
		return json.Unmarshal(b, &l.Templates)
	}
	var env struct {
		Templates []GroupTemplate `json:"templates"`
		Items     []GroupTemplate `json:"items"`
	}
	if err := json.Unmarshal(b, &env); err != nil {
		return err
	}
	l.Templates = env.Templates
	if l.Templates == nil {
		l.Templates = env.Items
	}
	return nil
}

// GroupMemberAdd is the answer of AddGroupMember (GroupAddMemberOut): either
// AlreadyMember (nothing changed) or Added with the new invite's status,
// "pending" until the invitee accepts.
type GroupMemberAdd struct {
	Added         bool   `json:"added"`
	AlreadyMember bool   `json:"already_member"`
	Username      string `json:"username"`
	InviteStatus  string `json:"invite_status,omitempty"`
	rawJSON
}

// UnmarshalJSON implements json.Unmarshaler.
func (a *GroupMemberAdd) UnmarshalJSON(b []byte) error {
	type alias GroupMemberAdd
	*a = GroupMemberAdd{}
	return decodeKeep(b, (*alias)(a), &a.rawJSON)
}

// GroupMemberRemoval is the answer of RemoveGroupMember.
type GroupMemberRemoval struct {
	Removed bool   `json:"removed"`
	UserID  string `json:"user_id,omitempty"`
	rawJSON
}

// UnmarshalJSON implements json.Unmarshaler.
func (r *GroupMemberRemoval) UnmarshalJSON(b []byte) error {
	*r = GroupMemberRemoval{}
	decodeLoose(b, &r.rawJSON, map[string]any{"removed": &r.Removed, "user_id": &r.UserID})
	return nil
}

// GroupAdminState is a member's admin flag after SetGroupAdmin.
type GroupAdminState struct {
	UserID  string `json:"user_id"`
	IsAdmin bool   `json:"is_admin"`
	rawJSON
}

// UnmarshalJSON implements json.Unmarshaler.
func (s *GroupAdminState) UnmarshalJSON(b []byte) error {
	type alias GroupAdminState
	*s = GroupAdminState{}
	return decodeKeep(b, (*alias)(s), &s.rawJSON)
}

// GroupCreatorTransfer is the answer of TransferGroupCreator.
type GroupCreatorTransfer struct {
	ConversationID string `json:"conversation_id"`
	NewCreatorID   string `json:"new_creator_id"`
	rawJSON
}

// UnmarshalJSON implements json.Unmarshaler.
func (t *GroupCreatorTransfer) UnmarshalJSON(b []byte) error {
	*t = GroupCreatorTransfer{}
	decodeLoose(b, &t.rawJSON, map[string]any{"conversation_id": &t.ConversationID, "new_creator_id": &t.NewCreatorID})
	return nil
}

// GroupInviteResponse is the answer of RespondToGroupInvite
// (GroupInviteResponseOut): InviteStatus is "accepted" or "declined".
type GroupInviteResponse struct {
	InviteStatus string `json:"invite_status"`
	rawJSON
}

// UnmarshalJSON implements json.Unmarshaler. The docstring's "status" key
// is read when "invite_status" is absent.
func (r *GroupInviteResponse) UnmarshalJSON(b []byte) error {
	*r = GroupInviteResponse{}
	decodeLoose(b, &r.rawJSON, map[string]any{"invite_status": &r.InviteStatus})
	if r.InviteStatus == "" {
		decodeLoose(b, &r.rawJSON, map[string]any{"status": &r.InviteStatus})
	}
	return nil
}

// GroupReadAll is the answer of MarkGroupAllRead: how many messages were
// marked read (your own messages never count).
type GroupReadAll struct {
	Marked int `json:"marked"`
	rawJSON
}

// UnmarshalJSON implements json.Unmarshaler. The live key is "marked"; the
// docstring's "marked_read" is accepted too.
func (r *GroupReadAll) UnmarshalJSON(b []byte) error {
	*r = GroupReadAll{}
	var alt *int
	decodeLoose(b, &r.rawJSON, map[string]any{"marked": &r.Marked, "marked_read": &alt})
	if r.Marked == 0 && alt != nil {
		r.Marked = *alt
	}
	return nil
}

// MuteState is a group's mute state for the caller. MutedUntil is nil when
// muted forever or not muted.
type MuteState struct {
	Muted      bool       `json:"muted"`
	MutedUntil *time.Time `json:"muted_until,omitempty"`
	rawJSON
}

// UnmarshalJSON implements json.Unmarshaler.
func (s *MuteState) UnmarshalJSON(b []byte) error {
	*s = MuteState{}
	var until jsonx.TimePtr
	decodeLoose(b, &s.rawJSON, map[string]any{"muted": &s.Muted, "muted_until": &until})
	s.MutedUntil = until.P
	return nil
}

// SnoozeState is a group's snooze state for the caller; SnoozedUntil is nil
// when not snoozed.
type SnoozeState struct {
	SnoozedUntil *time.Time `json:"snoozed_until,omitempty"`
	rawJSON
}

// UnmarshalJSON implements json.Unmarshaler.
func (s *SnoozeState) UnmarshalJSON(b []byte) error {
	*s = SnoozeState{}
	var until jsonx.TimePtr
	decodeLoose(b, &s.rawJSON, map[string]any{"snoozed_until": &until})
	s.SnoozedUntil = until.P
	return nil
}

// ReadReceipts is the caller's read-receipt setting for a group: Override
// is the group-level choice (nil: none, the user preference applies) and
// Effective the setting in force.
type ReadReceipts struct {
	Override  *bool `json:"override"`
	Effective bool  `json:"effective"`
	rawJSON
}

// UnmarshalJSON implements json.Unmarshaler.
func (r *ReadReceipts) UnmarshalJSON(b []byte) error {
	*r = ReadReceipts{}
	decodeLoose(b, &r.rawJSON, map[string]any{"override": &r.Override, "effective": &r.Effective})
	return nil
}

// PinState is a message's pin state after PinGroupMessage or
// UnpinGroupMessage.
type PinState struct {
	Pinned    bool       `json:"pinned"`
	MessageID string     `json:"message_id"`
	PinnedAt  *time.Time `json:"pinned_at,omitempty"`
	rawJSON
}

// UnmarshalJSON implements json.Unmarshaler.
func (p *PinState) UnmarshalJSON(b []byte) error {
	*p = PinState{}
	var at jsonx.TimePtr
	decodeLoose(b, &p.rawJSON, map[string]any{"pinned": &p.Pinned, "message_id": &p.MessageID, "pinned_at": &at})
	p.PinnedAt = at.P
	return nil
}

// GroupSearchResults is one page of SearchGroupMessages (GroupSearchOut).
type GroupSearchResults struct {
	// Query is the query the server ran.
	Query string `json:"q"`
	// Count is the number of hits on this page.
	Count int              `json:"count"`
	Hits  []GroupSearchHit `json:"results"`
	// Total is the server's count of all hits (0 when not sent).
	Total int `json:"total,omitempty"`
	// HasMore is the server's has_more flag; nil when it sent none.
	HasMore *bool `json:"has_more,omitempty"`
	rawJSON
}

// UnmarshalJSON implements json.Unmarshaler. The docstring's older shape,
// {"hits": [...], "total", "has_more"}, decodes too.
func (r *GroupSearchResults) UnmarshalJSON(b []byte) error {
	type alias GroupSearchResults
	*r = GroupSearchResults{}
	aux := struct {
		*alias
		LegacyHits []GroupSearchHit `json:"hits"`
		Pagination *pageMeta        `json:"pagination"`
	}{alias: (*alias)(r)}
	if err := json.Unmarshal(b, &aux); err != nil {
		return err
	}
	if r.Hits == nil {
		r.Hits = aux.LegacyHits
	}
	if p := aux.Pagination; p != nil {
		if r.Total == 0 && p.Total != nil {
			r.Total = *p.Total
		}
		if r.HasMore == nil {
			r.HasMore = p.HasMore
		}
	}
	r.keep(b)
	return nil
}

// GroupSearchHit is a message that matched a group search
// (GroupSearchHitOut). BodyHighlight is the body with each match wrapped in
// "[[hl]]" and "[[/hl]]" markers (older servers used <mark>...</mark>).
type GroupSearchHit struct {
	Message       Message `json:"message"`
	BodyHighlight string  `json:"body_highlight,omitempty"`
}

// UnmarshalJSON implements json.Unmarshaler. A hit is a flat message with a
// "body_highlight", or the older {"message": {...}, "highlight": "..."}.
func (h *GroupSearchHit) UnmarshalJSON(b []byte) error {
	*h = GroupSearchHit{}
	var aux struct {
		Message       json.RawMessage `json:"message"`
		BodyHighlight *string         `json:"body_highlight"`
		Highlight     *string         `json:"highlight"`
	}
	if err := json.Unmarshal(b, &aux); err != nil {
		return err
	}
	src := b
	if m := bytes.TrimSpace(aux.Message); len(m) > 0 && m[0] == '{' {
		src = m
	}
	if err := json.Unmarshal(src, &h.Message); err != nil {
		return err
	}
	switch {
	case aux.BodyHighlight != nil:
		h.BodyHighlight = *aux.BodyHighlight
	case aux.Highlight != nil:
		h.BodyHighlight = *aux.Highlight
	}
	return nil
}

// GroupAvatar is the answer of UploadGroupAvatar: the avatar's path
// relative to the API root, versioned so caches refresh.
type GroupAvatar struct {
	AvatarURL string `json:"avatar_url"`
	rawJSON
}

// UnmarshalJSON implements json.Unmarshaler.
func (a *GroupAvatar) UnmarshalJSON(b []byte) error {
	*a = GroupAvatar{}
	decodeLoose(b, &a.rawJSON, map[string]any{"avatar_url": &a.AvatarURL})
	return nil
}
