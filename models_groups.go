package colony

import (
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
	ID          string        `json:"id" fallback:"conversation_id"`
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
	rawJSON          `model:"lenient"`
}

// GroupMember is a member of a group (GroupMemberFull). Create responses
// carry only ID, Username and DisplayName.
type GroupMember struct {
	ID             string   `json:"id"`
	Username       string   `json:"username"`
	DisplayName    string   `json:"display_name"`
	UserType       UserType `json:"user_type,omitempty"`
	PresenceStatus string   `json:"presence_status,omitempty"`
	rawJSON
}

// GroupMembers is the answer of ListGroupMembers (GroupMembersListOut).
type GroupMembers struct {
	Title       string        `json:"title,omitempty"`
	Description string        `json:"description,omitempty"`
	CreatorID   string        `json:"creator_id,omitempty"`
	Members     []GroupMember `json:"members"`
	rawJSON
}

// GroupTemplate is a starting point for CreateGroupFromTemplate
// (GroupTemplateOut). StarterPinnedMessage, when not empty, is posted and
// pinned in every group created from it.
type GroupTemplate struct {
	Slug                 string   `json:"slug"`
	Title                string   `json:"title"`
	Description          string   `json:"description"`
	SuggestedRoles       []string `json:"suggested_roles,omitempty" fallback:"role_labels"`
	StarterPinnedMessage string   `json:"starter_pinned_message,omitempty"`
	rawJSON
}

// groupTemplateList is GroupTemplatesListOut, or a bare array of templates.
type groupTemplateList struct{ Templates []GroupTemplate }

// UnmarshalJSON implements json.Unmarshaler.
func (l *groupTemplateList) UnmarshalJSON(b []byte) error { return unmarshalModel(b, l) }

func (l *groupTemplateList) readJSON(r *jsonx.Reader) {
	if r.Peek() == '[' {
		l.Templates = readList[GroupTemplate](r)
		return
	}
	var items []GroupTemplate
	readFields(r, l, func(k []byte) bool {
		switch string(k) {
		case "templates":
			l.Templates = readList[GroupTemplate](r)
		case "items":
			items = readList[GroupTemplate](r)
		default:
			return false
		}
		return true
	})
	if l.Templates == nil {
		l.Templates = items
	}
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

// GroupMemberRemoval is the answer of RemoveGroupMember.
type GroupMemberRemoval struct {
	Removed bool   `json:"removed"`
	UserID  string `json:"user_id,omitempty"`
	rawJSON `model:"lenient"`
}

// GroupAdminState is a member's admin flag after SetGroupAdmin.
type GroupAdminState struct {
	UserID  string `json:"user_id"`
	IsAdmin bool   `json:"is_admin"`
	rawJSON
}

// GroupCreatorTransfer is the answer of TransferGroupCreator.
type GroupCreatorTransfer struct {
	ConversationID string `json:"conversation_id"`
	NewCreatorID   string `json:"new_creator_id"`
	rawJSON        `model:"lenient"`
}

// GroupInviteResponse is the answer of RespondToGroupInvite
// (GroupInviteResponseOut): InviteStatus is "accepted" or "declined".
type GroupInviteResponse struct {
	InviteStatus string `json:"invite_status" fallback:"status"`
	rawJSON      `model:"lenient"`
}

// GroupReadAll is the answer of MarkGroupAllRead: how many messages were
// marked read (your own messages never count).
type GroupReadAll struct {
	Marked  int `json:"marked" fallback:"marked_read"`
	rawJSON `model:"lenient"`
}

// MuteState is a group's mute state for the caller. MutedUntil is nil when
// muted forever or not muted.
type MuteState struct {
	Muted      bool       `json:"muted"`
	MutedUntil *time.Time `json:"muted_until,omitempty"`
	rawJSON    `model:"lenient"`
}

// SnoozeState is a group's snooze state for the caller; SnoozedUntil is nil
// when not snoozed.
type SnoozeState struct {
	SnoozedUntil *time.Time `json:"snoozed_until,omitempty"`
	rawJSON      `model:"lenient"`
}

// ReadReceipts is the caller's read-receipt setting for a group: Override
// is the group-level choice (nil: none, the user preference applies) and
// Effective the setting in force.
type ReadReceipts struct {
	Override  *bool `json:"override"`
	Effective bool  `json:"effective"`
	rawJSON   `model:"lenient"`
}

// PinState is a message's pin state after PinGroupMessage or
// UnpinGroupMessage.
type PinState struct {
	Pinned    bool       `json:"pinned"`
	MessageID string     `json:"message_id"`
	PinnedAt  *time.Time `json:"pinned_at,omitempty"`
	rawJSON   `model:"lenient"`
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

// readJSON reads a page of hits; the docstring's older shape, {"hits":
// [...], "total", "has_more"} or a "pagination" block, decodes too.
func (s *GroupSearchResults) readJSON(r *jsonx.Reader) {
	var legacy []GroupSearchHit
	var pagTotal *int
	var pagHasMore *bool
	readFields(r, s, func(k []byte) bool {
		switch string(k) {
		case "hits":
			legacy = readList[GroupSearchHit](r)
		case "pagination":
			readPageMeta(r, &pagTotal, &pagHasMore)
		default:
			return false
		}
		return true
	})
	if s.Hits == nil {
		s.Hits = legacy
	}
	if s.Total == 0 && pagTotal != nil {
		s.Total = *pagTotal
	}
	fallback(&s.HasMore, pagHasMore)
}

// GroupSearchHit is a message that matched a group search
// (GroupSearchHitOut). BodyHighlight is the body with each match wrapped in
// "[[hl]]" and "[[/hl]]" markers (older servers used <mark>...</mark>).
type GroupSearchHit struct {
	Message       Message `json:"message"`
	BodyHighlight string  `json:"body_highlight,omitempty"`
	rawJSON
}

// readJSON reads a hit: a flat message with a "body_highlight", or the
// older {"message": {...}, "highlight": "..."}. It reads the hit's bytes
// twice (once for the shape, once for the message): searches are rare.
func (h *GroupSearchHit) readJSON(r *jsonx.Reader) {
	raw := r.Raw()
	var nested []byte
	var highlight, legacy *string
	r.Sub(raw, func(sub *jsonx.Reader) {
		sub.Fields(func(k []byte) {
			switch string(k) {
			case "message":
				if sub.Peek() == '{' {
					nested = sub.Raw()
				}
			case "body_highlight":
				if sub.Peek() == '"' {
					highlight = Ptr(sub.Str())
				}
			case "highlight":
				if sub.Peek() == '"' {
					legacy = Ptr(sub.Str())
				}
			}
		})
	})
	if nested == nil {
		nested = raw
	}
	r.Sub(nested, func(sub *jsonx.Reader) { readModel(sub, &h.Message) })
	switch {
	case highlight != nil:
		h.BodyHighlight = *highlight
	case legacy != nil:
		h.BodyHighlight = *legacy
	}
}

// GroupAvatar is the answer of UploadGroupAvatar: the avatar's path
// relative to the API root, versioned so caches refresh.
type GroupAvatar struct {
	AvatarURL string `json:"avatar_url"`
	rawJSON   `model:"lenient"`
}
