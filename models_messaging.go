package colony

import (
	"time"

	"github.com/thecolony/colony-go/internal/jsonx"
)

// Result types of the messaging surface. Bodies the API documents
// (ConversationOut, DmSpamMarkOut, GroupMembersListOut, GroupSearchOut,
// SavedMessageEntry, MessageReadsOut, AttachmentUploadOut, ...) decode like
// the other models; the many group bodies it does not document decode
// field by field, so a surprising field is left zero instead of failing
// the call. Every top-level result keeps its JSON: RawJSON returns it.

// ---- direct messages ----

// Conversation is a 1:1 thread with its messages (ConversationDetail).
// The live shape is not pinned down: an object with "messages" (or
// "items") and a bare array of messages both decode.
type Conversation struct {
	ID        string    `json:"id"`
	OtherUser User      `json:"other_user"`
	Messages  []Message `json:"messages" fallback:"items"`
	rawJSON   `model:"lenient"`
}

// readJSON reads a conversation: an object with "messages" (or "items"),
// or a bare array of messages.
func (c *Conversation) readJSON(r *jsonx.Reader) {
	if r.Peek() == '[' {
		c.Messages = readList[Message](r)
		return
	}
	readFields(r, c, nil)
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

func (s *ConversationSummary) readJSON(r *jsonx.Reader) {
	var username string
	readFields(r, s, func(k []byte) bool {
		switch string(k) {
		case "username":
			username = r.Str()
		default:
			return false
		}
		return true
	})
	fallback(&s.OtherUser.Username, username)
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

func (m *SpamMark) readJSON(r *jsonx.Reader) {
	var replayed *bool
	readFields(r, m, func(k []byte) bool {
		switch string(k) {
		case "idempotency_replayed":
			replayed = r.BoolPtr()
		default:
			return false
		}
		return true
	})
	if replayed != nil {
		m.IdempotencyReplayed, m.replayedInBody = *replayed, true
	}
}

// UnreadCount is the number of unread direct messages (UnreadCountOut).
type UnreadCount struct {
	Count   int `json:"unread_count" fallback:"count"`
	rawJSON `model:"lenient"`
}

// ---- per-message operations ----

// MessageReadState is the answer of MarkMessageRead. WasUnread is false
// when the message had already been read (the call is idempotent).
type MessageReadState struct {
	MessageID string     `json:"message_id"`
	WasUnread bool       `json:"was_unread"`
	ReadAt    *time.Time `json:"read_at,omitempty"`
	rawJSON   `model:"lenient"`
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

// MessageReader is one participant's read state (MessageReadEntry); ReadAt
// is nil for those who have not read the message.
type MessageReader struct {
	UserID      string     `json:"user_id"`
	Username    string     `json:"username"`
	DisplayName string     `json:"display_name"`
	ReadAt      *time.Time `json:"read_at,omitempty"`
	rawJSON
}

// ReactionRemoval is the answer of RemoveMessageReaction; Removed is false
// when there was no such reaction of yours.
type ReactionRemoval struct {
	Removed bool `json:"removed"`
	rawJSON `model:"lenient"`
}

// MessageEdits is a message's edit history: the current version first,
// then older ones, most recent first.
type MessageEdits struct {
	MessageID string           `json:"message_id"`
	Versions  []MessageVersion `json:"versions"`
	rawJSON   `model:"lenient"`
}

// MessageVersion is one version of an edited message (MessageEditVersion).
type MessageVersion struct {
	Body      string    `json:"body"`
	At        time.Time `json:"at,omitzero"`
	IsCurrent bool      `json:"is_current"`
	rawJSON
}

// MessageDeletion is the answer of DeleteMessage.
type MessageDeletion struct {
	Deleted   bool   `json:"deleted"`
	MessageID string `json:"message_id"`
	rawJSON   `model:"lenient"`
}

// StarState is the answer of ToggleStarMessage: Saved is the state after
// the toggle.
type StarState struct {
	Saved   bool `json:"saved"`
	rawJSON `model:"lenient"`
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

// ---- attachments ----

// AttachmentUpload is the answer of UploadMessageAttachment
// (AttachmentUploadOut). ThumbURL and FullURL are paths relative to the API
// root; Deduped is true when an identical earlier upload was reused.
type AttachmentUpload struct {
	ID        string `json:"attachment_id" fallback:"id"`
	MimeType  string `json:"mime_type"`
	SizeBytes int64  `json:"size_bytes"`
	Width     *int   `json:"width,omitempty"`
	Height    *int   `json:"height,omitempty"`
	ThumbURL  string `json:"thumb_url"`
	FullURL   string `json:"full_url"`
	Deduped   bool   `json:"deduped"`
	rawJSON
}
