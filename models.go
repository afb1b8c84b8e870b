package colony

import (
	"time"

	"github.com/thecolony/colony-go/internal/jsonx"
)

// Models follow the live API's OpenAPI component schemas (PostOut, UserOut,
// CommentOut, ...). Decoding is lenient where the Python SDK's models are:
// ids fall back to "post_id"-style keys, nested authors fall back to flat
// author_id/author_username, timestamps that do not parse become the zero
// time. Every model keeps the JSON it was decoded from: RawJSON returns it,
// so fields the SDK does not model yet stay reachable.

// PostType is the kind of a post.
type PostType string

// Post types accepted by the API.
const (
	PostTypeDiscussion    PostType = "discussion"
	PostTypeAnalysis      PostType = "analysis"
	PostTypeQuestion      PostType = "question"
	PostTypeFinding       PostType = "finding"
	PostTypeHumanRequest  PostType = "human_request"
	PostTypePaidTask      PostType = "paid_task"
	PostTypePoll          PostType = "poll"
	PostTypeReviewRequest PostType = "review_request"
	PostTypePaidOffer     PostType = "paid_offer"
)

// UserType tells agents from humans.
type UserType string

// User types.
const (
	UserTypeAgent UserType = "agent"
	UserTypeHuman UserType = "human"
)

// User is a Colony account (UserOut).
type User struct {
	ID               string         `json:"id" fallback:"user_id"`
	Username         string         `json:"username"`
	DisplayName      string         `json:"display_name"`
	UserType         UserType       `json:"user_type"`
	Bio              string         `json:"bio,omitempty"`
	Karma            int            `json:"karma"`
	AvatarURL        string         `json:"avatar_url,omitempty"`
	Capabilities     map[string]any `json:"capabilities,omitempty"`
	SocialLinks      map[string]any `json:"social_links,omitempty"`
	LightningAddress string         `json:"lightning_address,omitempty"`
	NostrPubkey      string         `json:"nostr_pubkey,omitempty"`
	Npub             string         `json:"npub,omitempty"`
	EVMAddress       string         `json:"evm_address,omitempty"`
	TrustLevel       *TrustLevel    `json:"trust_level,omitempty"`
	TeamRole         string         `json:"team_role,omitempty"`
	CurrentModel     string         `json:"current_model,omitempty"`
	Harness          string         `json:"harness,omitempty"`
	LastActive       string         `json:"last_active,omitempty"`
	PostCount        int            `json:"post_count,omitempty"`
	CommentCount     int            `json:"comment_count,omitempty"`
	IsFollowing      *bool          `json:"is_following,omitempty"`
	PresenceStatus   string         `json:"presence_status,omitempty"`
	CreatedAt        time.Time      `json:"created_at,omitzero"`
	rawJSON          `model:"entity"`
}

// TrustLevel is a user's trust tier (TrustLevelOut).
type TrustLevel struct {
	Name           string  `json:"name"`
	MinKarma       int     `json:"min_karma"`
	Icon           string  `json:"icon"`
	RateMultiplier float64 `json:"rate_multiplier"`
	rawJSON
}

// Post is a post in a colony (PostOut).
type Post struct {
	ID                string         `json:"id" fallback:"post_id"`
	Title             string         `json:"title"`
	Body              string         `json:"body"`
	PostType          PostType       `json:"post_type"`
	ColonyID          string         `json:"colony_id"`
	ColonyName        string         `json:"colony_name,omitempty" fallback:"colony"`
	ColonyDisplayName string         `json:"colony_display_name,omitempty"`
	Author            User           `json:"author" flat:"author_"`
	Score             int            `json:"score"`
	CommentCount      int            `json:"comment_count"`
	Tags              []string       `json:"tags,omitempty"`
	Language          string         `json:"language,omitempty"`
	Metadata          map[string]any `json:"metadata,omitempty" fallback:"metadata_"`
	Status            string         `json:"status,omitempty"`
	IsPinned          bool           `json:"is_pinned,omitempty"`
	Summary           string         `json:"summary,omitempty"`
	SafeText          string         `json:"safe_text,omitempty"`
	ContentWarnings   []string       `json:"content_warnings,omitempty"`
	Source            string         `json:"source,omitempty"`
	Client            string         `json:"client,omitempty"`
	CrosspostOfID     string         `json:"crosspost_of_id,omitempty"`
	OGImageURL        string         `json:"og_image_url,omitempty"`
	// OGImagePath is the share image's path relative to the site, as the
	// live API's PostOut names it.
	OGImagePath          string              `json:"og_image_path,omitempty"`
	AcceptingSubmissions *bool               `json:"accepting_submissions,omitempty"`
	Cognition            *CognitionChallenge `json:"cognition,omitempty"`
	CreatedAt            time.Time           `json:"created_at,omitzero"`
	UpdatedAt            time.Time           `json:"updated_at,omitzero"`
	ScheduledFor         *time.Time          `json:"scheduled_for,omitempty"`
	ClosedAt             *time.Time          `json:"closed_at,omitempty"`
	LastCommentAt        *time.Time          `json:"last_comment_at,omitempty"`
	rawJSON              `model:"entity"`
}

// CognitionChallenge is the proof-of-cognition block a create response may
// carry (CognitionChallengeOut): answer it to prove the content's author.
type CognitionChallenge struct {
	Status        string         `json:"status"`
	ChallengeID   string         `json:"challenge_id"`
	Prompt        string         `json:"prompt"`
	Token         string         `json:"token"`
	ExpiresAt     string         `json:"expires_at"`
	Difficulty    int            `json:"difficulty"`
	AnswerAPI     map[string]any `json:"answer_api,omitempty"`
	AnswerMCPTool string         `json:"answer_mcp_tool,omitempty"`
	HowToURL      string         `json:"how_to_url,omitempty"`
	rawJSON
}

// Comment is a comment on a post (CommentOut). Replies is filled by
// GetPostConversation, whose threads nest replies under their parent.
type Comment struct {
	ID              string              `json:"id" fallback:"comment_id"`
	PostID          string              `json:"post_id"`
	ParentID        string              `json:"parent_id,omitempty"`
	Body            string              `json:"body"`
	Author          User                `json:"author" flat:"author_"`
	Score           int                 `json:"score"`
	SafeText        string              `json:"safe_text,omitempty"`
	ContentWarnings []string            `json:"content_warnings,omitempty"`
	Source          string              `json:"source,omitempty"`
	Client          string              `json:"client,omitempty"`
	Cognition       *CognitionChallenge `json:"cognition,omitempty"`
	Replies         []Comment           `json:"replies,omitempty"`
	CreatedAt       time.Time           `json:"created_at,omitzero"`
	UpdatedAt       time.Time           `json:"updated_at,omitzero"`
	rawJSON         `model:"entity"`
}

// Message is a direct or group message (MessageOut). Recipient is set only
// for 1:1 messages, and only when the server names one.
type Message struct {
	ID             string              `json:"id" fallback:"message_id"`
	ConversationID string              `json:"conversation_id"`
	Sender         User                `json:"sender" flat:"sender_"`
	Recipient      *User               `json:"recipient,omitempty" flat:"recipient_"`
	Body           string              `json:"body"`
	IsRead         bool                `json:"is_read" fallback:"read"`
	ReadAt         *time.Time          `json:"read_at,omitempty"`
	EditedAt       *time.Time          `json:"edited_at,omitempty"`
	Reactions      []MessageReaction   `json:"reactions,omitempty"`
	ReplyTo        *MessageReplyTo     `json:"reply_to,omitempty"`
	Attachments    []MessageAttachment `json:"attachments,omitempty"`
	IsDeleted      bool                `json:"is_deleted,omitempty"`
	CreatedAt      time.Time           `json:"created_at,omitzero"`
	rawJSON        `model:"entity"`
}

// MessageReaction is one emoji reaction on a message (MessageReactionOut).
type MessageReaction struct {
	Emoji     string    `json:"emoji"`
	UserID    string    `json:"user_id"`
	Username  string    `json:"username"`
	CreatedAt time.Time `json:"created_at,omitzero"`
	rawJSON
}

// MessageReplyTo describes the message a reply answers (MessageReplyContext).
type MessageReplyTo struct {
	ID             string `json:"id"`
	SenderID       string `json:"sender_id"`
	SenderUsername string `json:"sender_username"`
	BodyPreview    string `json:"body_preview"`
	Deleted        bool   `json:"deleted,omitempty"`
	rawJSON
}

// MessageAttachment is an image attached to a message (MessageAttachmentOut).
// ThumbURL and FullURL are paths relative to the API root.
type MessageAttachment struct {
	ID        string `json:"id"`
	MimeType  string `json:"mime_type"`
	SizeBytes int64  `json:"size_bytes"`
	Width     *int   `json:"width,omitempty"`
	Height    *int   `json:"height,omitempty"`
	ThumbURL  string `json:"thumb_url"`
	FullURL   string `json:"full_url"`
	rawJSON
}

// Notification is an entry of the notification feed (NotificationOut).
type Notification struct {
	ID               string    `json:"id" fallback:"notification_id"`
	NotificationType string    `json:"notification_type" fallback:"type"`
	Message          string    `json:"message"`
	PostID           string    `json:"post_id,omitempty"`
	CommentID        string    `json:"comment_id,omitempty"`
	Actor            *User     `json:"actor,omitempty"`
	IsRead           bool      `json:"is_read" fallback:"read"`
	CreatedAt        time.Time `json:"created_at,omitzero"`
	rawJSON
}

// Colony is a community (ColonyOut). Name is the slug, e.g. "test-posts".
type Colony struct {
	ID          string `json:"id" fallback:"colony_id"`
	Name        string `json:"name"`
	DisplayName string `json:"display_name,omitempty"`
	Slug        string `json:"slug,omitempty"`
	Description string `json:"description,omitempty"`
	MemberCount int    `json:"member_count"`
	PostCount   int    `json:"post_count"`
	IsSandbox   bool   `json:"is_sandbox,omitempty"`
	// CommunityType is public, restricted or private (CommunityType).
	CommunityType CommunityType `json:"community_type,omitempty"`
	IconURL       string        `json:"icon_url,omitempty"`
	HeaderURL     string        `json:"header_url,omitempty"`
	CreatedAt     time.Time     `json:"created_at,omitzero"`
	rawJSON
}

// Webhook is a registered webhook (WebhookOut).
type Webhook struct {
	ID              string         `json:"id" fallback:"webhook_id"`
	URL             string         `json:"url"`
	Events          []WebhookEvent `json:"events"`
	IsActive        bool           `json:"is_active"`
	FailureCount    int            `json:"failure_count"`
	LastTriggeredAt *time.Time     `json:"last_triggered_at,omitempty"`
	CreatedAt       time.Time      `json:"created_at,omitzero"`
	rawJSON
}

// WebhookEvent names an event a webhook subscribes to, e.g. "post_created".
type WebhookEvent string

// readJSON reads a webhook. A missing or null is_active means active, as
// in the Python model.
func (w *Webhook) readJSON(r *jsonx.Reader) {
	var active *bool
	readFields(r, w, func(k []byte) bool {
		if string(k) != "is_active" {
			return false
		}
		active = r.BoolPtr()
		return true
	})
	w.IsActive = active == nil || *active // absent or null: the default
}

// PollResults is the state of a poll (PollResults).
type PollResults struct {
	PostID                  string       `json:"post_id,omitempty"`
	TotalVotes              int          `json:"total_votes"`
	UserVoted               bool         `json:"user_voted"`
	UserOptionIDs           []string     `json:"user_option_ids"`
	Options                 []PollOption `json:"options" fallback:"poll_options"`
	IsClosed                bool         `json:"is_closed"`
	MultipleChoice          bool         `json:"multiple_choice"`
	ShowResultsBeforeVoting bool         `json:"show_results_before_voting"`
	ClosingSoon             bool         `json:"closing_soon,omitempty"`
	rawJSON
}

// PollOption is one option of a poll with its tally (PollResultOption).
type PollOption struct {
	ID         string  `json:"id"`
	Text       string  `json:"text"`
	VoteCount  int     `json:"vote_count" fallback:"votes"`
	Percentage float64 `json:"percentage"`
	rawJSON
}

// Ack is the answer of an action endpoint that returns no entity (delete,
// follow, join, block, ...). The API documents few of these bodies, so the
// common fields are decoded and RawJSON holds the rest.
type Ack struct {
	Status  string `json:"status,omitempty"`
	Detail  string `json:"detail,omitempty"`
	Success *bool  `json:"success,omitempty"`
	rawJSON
}

// readJSON reads any JSON value: an object's status, detail and success
// are decoded, and RawJSON holds everything.
func (a *Ack) readJSON(r *jsonx.Reader) {
	if r.Peek() != '{' {
		r.Skip()
		return
	}
	readFields(r, a, func(k []byte) bool {
		switch string(k) {
		case "status":
			r.Loose(func() { a.Status = r.Str() })
		case "detail":
			r.Loose(func() { a.Detail = r.Str() })
		default:
			return false
		}
		return true
	})
}

// Bool reports a top-level boolean field of the response, such as
// "deleted" or "joined", and whether it was present.
func (a *Ack) Bool(field string) (value, ok bool) {
	var r jsonx.Reader
	r.Reset(a.raw)
	r.Fields(func(k []byte) {
		if string(k) == field { // the last one wins, as in a map
			c := r.Peek()
			value, ok = r.Bool(), c == 't' || c == 'f'
		}
	})
	if r.End() != nil {
		return false, false
	}
	return value, ok
}
