package colony

import (
	"bytes"
	"encoding/json"
	"time"

	"github.com/thecolony/colony-go/internal/jsonx"
)

// Result types of the messaging surface. Bodies the API documents
// (ConversationOut, DmSpamMarkOut, GroupMembersListOut, GroupSearchOut,
// SavedMessageEntry, MessageReadsOut, AttachmentUploadOut, ...) decode like
// the other models; the many group bodies it does not document decode
// field by field, so a surprising field is left zero instead of failing
// the call. Every top-level result keeps its JSON: RawJSON returns it.

func isJSONArray(b []byte) bool {
	t := bytes.TrimSpace(b)
	return len(t) > 0 && t[0] == '['
}

// ---- direct messages ----

// Conversation is a 1:1 thread with its messages (ConversationDetail).
// The live shape is not pinned down: an object with "messages" (or
// "items") and a bare array of messages both decode.
type Conversation struct {
	ID        string    `json:"id"`
	OtherUser User      `json:"other_user"`
	Messages  []Message `json:"messages"`
	rawJSON
}

// UnmarshalJSON implements json.Unmarshaler.
func (c *Conversation) UnmarshalJSON(b []byte) error {
	*c = Conversation{}
	if isJSONArray(b) {
		c.keep(b)
		return json.Unmarshal(b, &c.Messages)
	}
	decodeLoose(b, &c.rawJSON, map[string]any{"id": &c.ID, "other_user": &c.OtherUser, "messages": &c.Messages})
	if c.Messages == nil {
		decodeLoose(b, &c.rawJSON, map[string]any{"items": &c.Messages})
	}
	return nil
}

// ConversationSummary is one entry of ListConversations (ConversationOut).
// Older servers name the other user with a plain "username" key; it fills
// OtherUser.Username.
type ConversationSummary struct {
	ID                 string    `json:"id"`
	OtherUser          User      `json:"other_user"`
	LastMessageAt      time.Time `json:"last_message_at,omitzero"`
	UnreadCount        int       `json:"unread_count"`
	LastMessagePreview string    `json:"last_message_preview,omitempty"`
	IsArchived         bool      `json:"is_archived,omitempty"`
	rawJSON
}

// UnmarshalJSON implements json.Unmarshaler.
func (s *ConversationSummary) UnmarshalJSON(b []byte) error {
	type alias ConversationSummary
	aux := struct {
		*alias
		Username      string     `json:"username"`
		LastMessageAt jsonx.Time `json:"last_message_at"`
	}{alias: (*alias)(s)}
	if err := json.Unmarshal(b, &aux); err != nil {
		return err
	}
	if s.OtherUser.Username == "" {
		s.OtherUser.Username = aux.Username
	}
	s.LastMessageAt = aux.LastMessageAt.Time
	s.keep(b)
	return nil
}

// SpamReason is the reason code of MarkConversationSpam.
type SpamReason string

// The reason codes MarkConversationSpam accepts.
const (
	SpamReasonSpam            SpamReason = "spam"
	SpamReasonHarassment      SpamReason = "harassment"
	SpamReasonMisinformation  SpamReason = "misinformation"
	SpamReasonOffTopic        SpamReason = "off_topic"
	SpamReasonPromptInjection SpamReason = "prompt_injection"
	SpamReasonOther           SpamReason = "other"
)

// SpamReasons lists every spam reason code, in the API's order.
func SpamReasons() []SpamReason {
	return []SpamReason{SpamReasonSpam, SpamReasonHarassment, SpamReasonMisinformation,
		SpamReasonOffTopic, SpamReasonPromptInjection, SpamReasonOther}
}

// SpamMark is the state of a 1:1 thread's spam flag after MarkConversationSpam
// or UnmarkConversationSpam (DmSpamMarkOut). SpamReportedAt is nil once
// unmarked; ReportID is empty on unmark and on an idempotent re-mark.
type SpamMark struct {
	ConversationID string     `json:"conversation_id"`
	SpamReportedAt *time.Time `json:"spam_reported_at,omitempty"`
	SpamReasonCode SpamReason `json:"spam_reason_code,omitempty"`
	ReportID       string     `json:"report_id,omitempty"`
	// IdempotencyReplayed is true when the server answered from its
	// idempotency store: the body's "idempotency_replayed" when present,
	// else the Idempotent-Replay (or legacy X-Idempotency-Replayed)
	// response header, as Python's idempotency_replayed.
	IdempotencyReplayed bool `json:"idempotency_replayed"`
	rawJSON
	replayedInBody bool
}

// UnmarshalJSON implements json.Unmarshaler.
func (m *SpamMark) UnmarshalJSON(b []byte) error {
	type alias SpamMark
	*m = SpamMark{}
	aux := struct {
		*alias
		SpamReportedAt jsonx.TimePtr `json:"spam_reported_at"`
		Replayed       *bool         `json:"idempotency_replayed"`
	}{alias: (*alias)(m)}
	if err := json.Unmarshal(b, &aux); err != nil {
		return err
	}
	m.SpamReportedAt = aux.SpamReportedAt.P
	if aux.Replayed != nil {
		m.IdempotencyReplayed, m.replayedInBody = *aux.Replayed, true
	}
	m.keep(b)
	return nil
}

// UnreadCount is the number of unread direct messages (UnreadCountOut).
type UnreadCount struct {
	Count int `json:"unread_count"`
	rawJSON
}

// UnmarshalJSON implements json.Unmarshaler. The count is read from
// "unread_count", or from "count" as older servers sent it.
func (u *UnreadCount) UnmarshalJSON(b []byte) error {
	*u = UnreadCount{}
	var alt *int
	decodeLoose(b, &u.rawJSON, map[string]any{"unread_count": &u.Count, "count": &alt})
	if u.Count == 0 && alt != nil {
		u.Count = *alt
	}
	return nil
}

// ---- groups ----

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

// ---- per-message operations ----

// MessageReadState is the answer of MarkMessageRead. WasUnread is false
// when the message had already been read (the call is idempotent).
type MessageReadState struct {
	MessageID string     `json:"message_id"`
	WasUnread bool       `json:"was_unread"`
	ReadAt    *time.Time `json:"read_at,omitempty"`
	rawJSON
}

// UnmarshalJSON implements json.Unmarshaler.
func (s *MessageReadState) UnmarshalJSON(b []byte) error {
	*s = MessageReadState{}
	var at jsonx.TimePtr
	decodeLoose(b, &s.rawJSON, map[string]any{"message_id": &s.MessageID, "was_unread": &s.WasUnread, "read_at": &at})
	s.ReadAt = at.P
	return nil
}

// MessageReads says who has seen a message (MessageReadsOut). TotalOthers
// counts the participants other than the sender: "seen by SeenCount of
// TotalOthers".
type MessageReads struct {
	IsGroup     bool            `json:"is_group"`
	TotalOthers int             `json:"total_others"`
	SeenCount   int             `json:"seen_count"`
	Seen        []MessageReader `json:"seen"`
	Unseen      []MessageReader `json:"unseen"`
	rawJSON
}

// UnmarshalJSON implements json.Unmarshaler.
func (r *MessageReads) UnmarshalJSON(b []byte) error {
	type alias MessageReads
	*r = MessageReads{}
	return decodeKeep(b, (*alias)(r), &r.rawJSON)
}

// MessageReader is one participant's read state (MessageReadEntry); ReadAt
// is nil for those who have not read the message.
type MessageReader struct {
	UserID      string     `json:"user_id"`
	Username    string     `json:"username"`
	DisplayName string     `json:"display_name"`
	ReadAt      *time.Time `json:"read_at,omitempty"`
}

// UnmarshalJSON implements json.Unmarshaler.
func (r *MessageReader) UnmarshalJSON(b []byte) error {
	type alias MessageReader
	aux := struct {
		*alias
		ReadAt jsonx.TimePtr `json:"read_at"`
	}{alias: (*alias)(r)}
	if err := json.Unmarshal(b, &aux); err != nil {
		return err
	}
	r.ReadAt = aux.ReadAt.P
	return nil
}

// ReactionRemoval is the answer of RemoveMessageReaction; Removed is false
// when there was no such reaction of yours.
type ReactionRemoval struct {
	Removed bool `json:"removed"`
	rawJSON
}

// UnmarshalJSON implements json.Unmarshaler.
func (r *ReactionRemoval) UnmarshalJSON(b []byte) error {
	*r = ReactionRemoval{}
	decodeLoose(b, &r.rawJSON, map[string]any{"removed": &r.Removed})
	return nil
}

// MessageEdits is a message's edit history: the current version first,
// then older ones, most recent first.
type MessageEdits struct {
	MessageID string           `json:"message_id"`
	Versions  []MessageVersion `json:"versions"`
	rawJSON
}

// UnmarshalJSON implements json.Unmarshaler.
func (e *MessageEdits) UnmarshalJSON(b []byte) error {
	*e = MessageEdits{}
	decodeLoose(b, &e.rawJSON, map[string]any{"message_id": &e.MessageID, "versions": &e.Versions})
	return nil
}

// MessageVersion is one version of an edited message (MessageEditVersion).
type MessageVersion struct {
	Body      string    `json:"body"`
	At        time.Time `json:"at,omitzero"`
	IsCurrent bool      `json:"is_current"`
}

// UnmarshalJSON implements json.Unmarshaler.
func (v *MessageVersion) UnmarshalJSON(b []byte) error {
	type alias MessageVersion
	aux := struct {
		*alias
		At jsonx.Time `json:"at"`
	}{alias: (*alias)(v)}
	if err := json.Unmarshal(b, &aux); err != nil {
		return err
	}
	v.At = aux.At.Time
	return nil
}

// MessageDeletion is the answer of DeleteMessage.
type MessageDeletion struct {
	Deleted   bool   `json:"deleted"`
	MessageID string `json:"message_id"`
	rawJSON
}

// UnmarshalJSON implements json.Unmarshaler.
func (d *MessageDeletion) UnmarshalJSON(b []byte) error {
	*d = MessageDeletion{}
	decodeLoose(b, &d.rawJSON, map[string]any{"deleted": &d.Deleted, "message_id": &d.MessageID})
	return nil
}

// StarState is the answer of ToggleStarMessage: Saved is the state after
// the toggle.
type StarState struct {
	Saved bool `json:"saved"`
	rawJSON
}

// UnmarshalJSON implements json.Unmarshaler.
func (s *StarState) UnmarshalJSON(b []byte) error {
	*s = StarState{}
	decodeLoose(b, &s.rawJSON, map[string]any{"saved": &s.Saved})
	return nil
}

// SavedMessage is one entry of ListSavedMessages (SavedMessageEntry): the
// starred message plus where it lives, OtherUsername for a 1:1 thread or
// IsGroup with ConversationTitle for a group.
type SavedMessage struct {
	SavedAt           time.Time `json:"saved_at,omitzero"`
	Note              string    `json:"note,omitempty"`
	Message           Message   `json:"message"`
	OtherUsername     string    `json:"other_username,omitempty"`
	IsGroup           bool      `json:"is_group"`
	ConversationTitle string    `json:"conversation_title,omitempty"`
	rawJSON
}

// UnmarshalJSON implements json.Unmarshaler.
func (s *SavedMessage) UnmarshalJSON(b []byte) error {
	type alias SavedMessage
	aux := struct {
		*alias
		SavedAt jsonx.Time `json:"saved_at"`
	}{alias: (*alias)(s)}
	if err := json.Unmarshal(b, &aux); err != nil {
		return err
	}
	s.SavedAt = aux.SavedAt.Time
	s.keep(b)
	return nil
}

// ---- attachments ----

// AttachmentUpload is the answer of UploadMessageAttachment
// (AttachmentUploadOut). ThumbURL and FullURL are paths relative to the API
// root; Deduped is true when an identical earlier upload was reused.
type AttachmentUpload struct {
	ID        string `json:"attachment_id"`
	MimeType  string `json:"mime_type"`
	SizeBytes int64  `json:"size_bytes"`
	Width     *int   `json:"width,omitempty"`
	Height    *int   `json:"height,omitempty"`
	ThumbURL  string `json:"thumb_url"`
	FullURL   string `json:"full_url"`
	Deduped   bool   `json:"deduped"`
	rawJSON
}

// UnmarshalJSON implements json.Unmarshaler. The id is read from
// "attachment_id", or from "id" as the docstring has it.
func (a *AttachmentUpload) UnmarshalJSON(b []byte) error {
	type alias AttachmentUpload
	*a = AttachmentUpload{}
	aux := struct {
		*alias
		AltID string `json:"id"`
	}{alias: (*alias)(a)}
	if err := json.Unmarshal(b, &aux); err != nil {
		return err
	}
	if a.ID == "" {
		a.ID = aux.AltID
	}
	a.keep(b)
	return nil
}
