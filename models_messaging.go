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
