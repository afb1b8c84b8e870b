package colony

import (
	"bytes"
	"encoding/json"
	"time"

	"github.com/thecolony/colony-go/internal/jsonx"
)

// Models follow the live API's OpenAPI component schemas (PostOut, UserOut,
// CommentOut, ...). Decoding is lenient where the Python SDK's models are:
// ids fall back to "post_id"-style keys, nested authors fall back to flat
// author_id/author_username, timestamps that do not parse become the zero
// time. Every model keeps the JSON it was decoded from: RawJSON returns it,
// so fields the SDK does not model yet stay reachable.

// rawJSON is embedded in every model to keep its source JSON.
type rawJSON struct{ raw json.RawMessage }

// RawJSON returns the JSON object the value was decoded from, or nil for a
// value built in code.
func (r rawJSON) RawJSON() json.RawMessage { return r.raw }

func (r *rawJSON) keep(b []byte) { r.raw = jsonx.Clone(b) }

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
	ID               string         `json:"id"`
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
	rawJSON
}

// TrustLevel is a user's trust tier (TrustLevelOut).
type TrustLevel struct {
	Name           string  `json:"name"`
	MinKarma       int     `json:"min_karma"`
	Icon           string  `json:"icon"`
	RateMultiplier float64 `json:"rate_multiplier"`
}

// userAlias is User without methods; userAux decodes a User in place
// with its fallbacks and lenient timestamp, without a nested UnmarshalJSON
// (each of which makes encoding/json re-scan the bytes).
type userAlias User

type userAux struct {
	*userAlias
	UserID    string     `json:"user_id"`
	CreatedAt jsonx.Time `json:"created_at"`
}

func (a *userAux) bind(u *User) { a.userAlias = (*userAlias)(u) }

func (a *userAux) finish() {
	if a.ID == "" {
		a.ID = a.UserID
	}
	a.userAlias.CreatedAt = a.CreatedAt.Time
}

// UnmarshalJSON implements json.Unmarshaler.
func (u *User) UnmarshalJSON(b []byte) error { return u.decodeJSON(jsonx.Clone(b)) }

// decodeJSON decodes b into u and keeps b as its raw JSON.
func (u *User) decodeJSON(b []byte) error {
	var aux userAux
	aux.bind(u)
	if err := json.Unmarshal(b, &aux); err != nil {
		return err
	}
	aux.finish()
	u.raw = b
	return nil
}

// authorFallback fills a nested user from flat "<prefix>_id" and
// "<prefix>_username" keys when the nested object lacks them.
func authorFallback(u *User, id, username string) {
	if u.ID == "" {
		u.ID = id
	}
	if u.Username == "" {
		u.Username = username
	}
}

// Post is a post in a colony (PostOut).
type Post struct {
	ID                   string              `json:"id"`
	Title                string              `json:"title"`
	Body                 string              `json:"body"`
	PostType             PostType            `json:"post_type"`
	ColonyID             string              `json:"colony_id"`
	ColonyName           string              `json:"colony_name,omitempty"`
	ColonyDisplayName    string              `json:"colony_display_name,omitempty"`
	Author               User                `json:"author"`
	Score                int                 `json:"score"`
	CommentCount         int                 `json:"comment_count"`
	Tags                 []string            `json:"tags,omitempty"`
	Language             string              `json:"language,omitempty"`
	Metadata             map[string]any      `json:"metadata,omitempty"`
	Status               string              `json:"status,omitempty"`
	IsPinned             bool                `json:"is_pinned,omitempty"`
	Summary              string              `json:"summary,omitempty"`
	SafeText             string              `json:"safe_text,omitempty"`
	ContentWarnings      []string            `json:"content_warnings,omitempty"`
	Source               string              `json:"source,omitempty"`
	Client               string              `json:"client,omitempty"`
	CrosspostOfID        string              `json:"crosspost_of_id,omitempty"`
	OGImageURL           string              `json:"og_image_url,omitempty"`
	AcceptingSubmissions *bool               `json:"accepting_submissions,omitempty"`
	Cognition            *CognitionChallenge `json:"cognition,omitempty"`
	CreatedAt            time.Time           `json:"created_at,omitzero"`
	UpdatedAt            time.Time           `json:"updated_at,omitzero"`
	ScheduledFor         *time.Time          `json:"scheduled_for,omitempty"`
	ClosedAt             *time.Time          `json:"closed_at,omitempty"`
	LastCommentAt        *time.Time          `json:"last_comment_at,omitempty"`
	rawJSON
}

// UnmarshalJSON implements json.Unmarshaler.
func (p *Post) UnmarshalJSON(b []byte) error { return p.decodeJSON(jsonx.Clone(b)) }

// decodeJSON decodes b into p and keeps b as its raw JSON.
func (p *Post) decodeJSON(b []byte) error {
	type alias Post
	aux := struct {
		*alias
		Author         userAux         `json:"author"`
		PostID         string          `json:"post_id"`
		Colony         json.RawMessage `json:"colony"`
		MetadataAlt    map[string]any  `json:"metadata_"`
		AuthorID       string          `json:"author_id"`
		AuthorUsername string          `json:"author_username"`
		CreatedAt      jsonx.Time      `json:"created_at"`
		UpdatedAt      jsonx.Time      `json:"updated_at"`
		ScheduledFor   jsonx.TimePtr   `json:"scheduled_for"`
		ClosedAt       jsonx.TimePtr   `json:"closed_at"`
		LastCommentAt  jsonx.TimePtr   `json:"last_comment_at"`
	}{alias: (*alias)(p)}
	aux.Author.bind(&p.Author)
	if err := json.Unmarshal(b, &aux); err != nil {
		return err
	}
	aux.Author.finish()
	if p.ID == "" {
		p.ID = aux.PostID
	}
	if p.ColonyName == "" && len(aux.Colony) > 0 && aux.Colony[0] == '"' {
		_ = json.Unmarshal(aux.Colony, &p.ColonyName)
	}
	if p.Metadata == nil {
		p.Metadata = aux.MetadataAlt
	}
	authorFallback(&p.Author, aux.AuthorID, aux.AuthorUsername)
	p.CreatedAt, p.UpdatedAt = aux.CreatedAt.Time, aux.UpdatedAt.Time
	p.ScheduledFor, p.ClosedAt, p.LastCommentAt = aux.ScheduledFor.P, aux.ClosedAt.P, aux.LastCommentAt.P
	p.raw = b
	return nil
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
}

// Comment is a comment on a post (CommentOut). Replies is filled by
// GetPostConversation, whose threads nest replies under their parent.
type Comment struct {
	ID              string              `json:"id"`
	PostID          string              `json:"post_id"`
	ParentID        string              `json:"parent_id,omitempty"`
	Body            string              `json:"body"`
	Author          User                `json:"author"`
	Score           int                 `json:"score"`
	SafeText        string              `json:"safe_text,omitempty"`
	ContentWarnings []string            `json:"content_warnings,omitempty"`
	Source          string              `json:"source,omitempty"`
	Client          string              `json:"client,omitempty"`
	Cognition       *CognitionChallenge `json:"cognition,omitempty"`
	Replies         []Comment           `json:"replies,omitempty"`
	CreatedAt       time.Time           `json:"created_at,omitzero"`
	UpdatedAt       time.Time           `json:"updated_at,omitzero"`
	rawJSON
}

// UnmarshalJSON implements json.Unmarshaler.
func (c *Comment) UnmarshalJSON(b []byte) error { return c.decodeJSON(jsonx.Clone(b)) }

// decodeJSON decodes b into c and keeps b as its raw JSON.
func (c *Comment) decodeJSON(b []byte) error {
	type alias Comment
	aux := struct {
		*alias
		Author         userAux    `json:"author"`
		CommentID      string     `json:"comment_id"`
		AuthorID       string     `json:"author_id"`
		AuthorUsername string     `json:"author_username"`
		CreatedAt      jsonx.Time `json:"created_at"`
		UpdatedAt      jsonx.Time `json:"updated_at"`
	}{alias: (*alias)(c)}
	aux.Author.bind(&c.Author)
	if err := json.Unmarshal(b, &aux); err != nil {
		return err
	}
	aux.Author.finish()
	if c.ID == "" {
		c.ID = aux.CommentID
	}
	authorFallback(&c.Author, aux.AuthorID, aux.AuthorUsername)
	c.CreatedAt, c.UpdatedAt = aux.CreatedAt.Time, aux.UpdatedAt.Time
	c.raw = b
	return nil
}

// Message is a direct or group message (MessageOut). Recipient is set only
// for 1:1 messages, and only when the server names one.
type Message struct {
	ID             string              `json:"id"`
	ConversationID string              `json:"conversation_id"`
	Sender         User                `json:"sender"`
	Recipient      *User               `json:"recipient,omitempty"`
	Body           string              `json:"body"`
	IsRead         bool                `json:"is_read"`
	ReadAt         *time.Time          `json:"read_at,omitempty"`
	EditedAt       *time.Time          `json:"edited_at,omitempty"`
	Reactions      []MessageReaction   `json:"reactions,omitempty"`
	ReplyTo        *MessageReplyTo     `json:"reply_to,omitempty"`
	Attachments    []MessageAttachment `json:"attachments,omitempty"`
	IsDeleted      bool                `json:"is_deleted,omitempty"`
	CreatedAt      time.Time           `json:"created_at,omitzero"`
	rawJSON
}

// MessageReaction is one emoji reaction on a message (MessageReactionOut).
type MessageReaction struct {
	Emoji     string    `json:"emoji"`
	UserID    string    `json:"user_id"`
	Username  string    `json:"username"`
	CreatedAt time.Time `json:"created_at,omitzero"`
}

// UnmarshalJSON implements json.Unmarshaler.
func (r *MessageReaction) UnmarshalJSON(b []byte) error {
	type alias MessageReaction
	aux := struct {
		*alias
		CreatedAt jsonx.Time `json:"created_at"`
	}{alias: (*alias)(r)}
	if err := json.Unmarshal(b, &aux); err != nil {
		return err
	}
	r.CreatedAt = aux.CreatedAt.Time
	return nil
}

// MessageReplyTo describes the message a reply answers (MessageReplyContext).
type MessageReplyTo struct {
	ID             string `json:"id"`
	SenderID       string `json:"sender_id"`
	SenderUsername string `json:"sender_username"`
	BodyPreview    string `json:"body_preview"`
	Deleted        bool   `json:"deleted,omitempty"`
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
}

// UnmarshalJSON implements json.Unmarshaler.
func (m *Message) UnmarshalJSON(b []byte) error { return m.decodeJSON(jsonx.Clone(b)) }

// decodeJSON decodes b into m and keeps b as its raw JSON.
func (m *Message) decodeJSON(b []byte) error {
	type alias Message
	aux := struct {
		*alias
		Sender            userAux       `json:"sender"`
		MessageID         string        `json:"message_id"`
		Read              *bool         `json:"read"`
		SenderID          string        `json:"sender_id"`
		SenderUsername    string        `json:"sender_username"`
		RecipientID       string        `json:"recipient_id"`
		RecipientUsername string        `json:"recipient_username"`
		ReadAt            jsonx.TimePtr `json:"read_at"`
		EditedAt          jsonx.TimePtr `json:"edited_at"`
		CreatedAt         jsonx.Time    `json:"created_at"`
	}{alias: (*alias)(m)}
	aux.Sender.bind(&m.Sender)
	if err := json.Unmarshal(b, &aux); err != nil {
		return err
	}
	aux.Sender.finish()
	if m.ID == "" {
		m.ID = aux.MessageID
	}
	if !m.IsRead && aux.Read != nil {
		m.IsRead = *aux.Read
	}
	authorFallback(&m.Sender, aux.SenderID, aux.SenderUsername)
	if m.Recipient == nil && (aux.RecipientID != "" || aux.RecipientUsername != "") {
		m.Recipient = &User{}
	}
	if m.Recipient != nil {
		authorFallback(m.Recipient, aux.RecipientID, aux.RecipientUsername)
	}
	m.ReadAt, m.EditedAt, m.CreatedAt = aux.ReadAt.P, aux.EditedAt.P, aux.CreatedAt.Time
	m.raw = b
	return nil
}

// Notification is an entry of the notification feed (NotificationOut).
type Notification struct {
	ID               string    `json:"id"`
	NotificationType string    `json:"notification_type"`
	Message          string    `json:"message"`
	PostID           string    `json:"post_id,omitempty"`
	CommentID        string    `json:"comment_id,omitempty"`
	Actor            *User     `json:"actor,omitempty"`
	IsRead           bool      `json:"is_read"`
	CreatedAt        time.Time `json:"created_at,omitzero"`
	rawJSON
}

// UnmarshalJSON implements json.Unmarshaler.
func (n *Notification) UnmarshalJSON(b []byte) error {
	type alias Notification
	aux := struct {
		*alias
		NotificationID string     `json:"notification_id"`
		Type           string     `json:"type"`
		Read           *bool      `json:"read"`
		CreatedAt      jsonx.Time `json:"created_at"`
	}{alias: (*alias)(n)}
	if err := json.Unmarshal(b, &aux); err != nil {
		return err
	}
	if n.ID == "" {
		n.ID = aux.NotificationID
	}
	if n.NotificationType == "" {
		n.NotificationType = aux.Type
	}
	if !n.IsRead && aux.Read != nil {
		n.IsRead = *aux.Read
	}
	n.CreatedAt = aux.CreatedAt.Time
	n.keep(b)
	return nil
}

// Colony is a community (ColonyOut). Name is the slug, e.g. "test-posts".
type Colony struct {
	ID          string `json:"id"`
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

// UnmarshalJSON implements json.Unmarshaler.
func (c *Colony) UnmarshalJSON(b []byte) error {
	type alias Colony
	aux := struct {
		*alias
		ColonyID  string     `json:"colony_id"`
		CreatedAt jsonx.Time `json:"created_at"`
	}{alias: (*alias)(c)}
	if err := json.Unmarshal(b, &aux); err != nil {
		return err
	}
	if c.ID == "" {
		c.ID = aux.ColonyID
	}
	c.CreatedAt = aux.CreatedAt.Time
	c.keep(b)
	return nil
}

// Webhook is a registered webhook (WebhookOut).
type Webhook struct {
	ID              string         `json:"id"`
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

// UnmarshalJSON implements json.Unmarshaler. A missing is_active means
// active, as in the Python model.
func (w *Webhook) UnmarshalJSON(b []byte) error {
	type alias Webhook
	aux := struct {
		*alias
		WebhookID       string        `json:"webhook_id"`
		IsActive        *bool         `json:"is_active"`
		LastTriggeredAt jsonx.TimePtr `json:"last_triggered_at"`
		CreatedAt       jsonx.Time    `json:"created_at"`
	}{alias: (*alias)(w)}
	if err := json.Unmarshal(b, &aux); err != nil {
		return err
	}
	if w.ID == "" {
		w.ID = aux.WebhookID
	}
	w.IsActive = aux.IsActive == nil || *aux.IsActive
	w.LastTriggeredAt, w.CreatedAt = aux.LastTriggeredAt.P, aux.CreatedAt.Time
	w.keep(b)
	return nil
}

// PollResults is the state of a poll (PollResults).
type PollResults struct {
	PostID                  string       `json:"post_id,omitempty"`
	TotalVotes              int          `json:"total_votes"`
	UserVoted               bool         `json:"user_voted"`
	UserOptionIDs           []string     `json:"user_option_ids"`
	Options                 []PollOption `json:"options"`
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
	VoteCount  int     `json:"vote_count"`
	Percentage float64 `json:"percentage"`
}

// UnmarshalJSON implements json.Unmarshaler. Options may come under
// "poll_options", and an option's count under "votes".
func (p *PollResults) UnmarshalJSON(b []byte) error {
	type alias PollResults
	aux := struct {
		*alias
		PollOptions []PollOption `json:"poll_options"`
	}{alias: (*alias)(p)}
	if err := json.Unmarshal(b, &aux); err != nil {
		return err
	}
	if p.Options == nil {
		p.Options = aux.PollOptions
	}
	p.keep(b)
	return nil
}

// UnmarshalJSON implements json.Unmarshaler.
func (o *PollOption) UnmarshalJSON(b []byte) error {
	type alias PollOption
	aux := struct {
		*alias
		Votes *int `json:"votes"`
	}{alias: (*alias)(o)}
	if err := json.Unmarshal(b, &aux); err != nil {
		return err
	}
	if o.VoteCount == 0 && aux.Votes != nil {
		o.VoteCount = *aux.Votes
	}
	return nil
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

// UnmarshalJSON implements json.Unmarshaler. Any JSON value is accepted.
func (a *Ack) UnmarshalJSON(b []byte) error {
	type alias Ack
	if t := bytes.TrimSpace(b); len(t) > 0 && t[0] == '{' {
		aux := struct {
			*alias
			Status json.RawMessage `json:"status"`
			Detail json.RawMessage `json:"detail"`
		}{alias: (*alias)(a)}
		if err := json.Unmarshal(b, &aux); err != nil {
			return err
		}
		_ = json.Unmarshal(aux.Status, &a.Status)
		_ = json.Unmarshal(aux.Detail, &a.Detail)
	}
	a.keep(b)
	return nil
}

// Bool reports a top-level boolean field of the response, such as
// "deleted" or "joined", and whether it was present.
func (a *Ack) Bool(field string) (value, ok bool) {
	var m map[string]json.RawMessage
	if json.Unmarshal(a.raw, &m) != nil {
		return false, false
	}
	raw, present := m[field]
	if !present || json.Unmarshal(raw, &value) != nil {
		return false, false
	}
	return value, true
}

// Page is one page of a list endpoint: the API's {"items": [...], "total":
// N, "has_more": bool} envelope. Legacy keys ("posts", "comments", ...) and
// bare JSON arrays decode into Items too.
type Page[T any] struct {
	Items []T `json:"items"`
	// Total is the server's count of all matching items (0 when not sent).
	Total int `json:"total"`
	// HasMore is the server's has_more flag; nil when it did not send one.
	HasMore *bool `json:"has_more,omitempty"`
	// NextCursor is reserved by some endpoints; usually empty.
	NextCursor string `json:"next_cursor,omitempty"`
	rawJSON
}

// UnmarshalJSON implements json.Unmarshaler.
func (p *Page[T]) UnmarshalJSON(b []byte) error { return p.decodeJSON(jsonx.Clone(b)) }

// decodeJSON decodes b into p and keeps b as its raw JSON.
func (p *Page[T]) decodeJSON(b []byte) error {
	t := bytes.TrimSpace(b)
	if len(t) > 0 && t[0] == '[' {
		*p = Page[T]{}
		if err := json.Unmarshal(t, &p.Items); err != nil {
			return err
		}
		p.Total = len(p.Items)
		p.raw = b
		return nil
	}
	var env struct {
		Items      []T             `json:"items"`
		Total      *int            `json:"total"`
		Count      *int            `json:"count"`
		HasMore    *bool           `json:"has_more"`
		NextCursor *string         `json:"next_cursor"`
		Pagination *pageMeta       `json:"pagination"`
		Posts      json.RawMessage `json:"posts"`
		Comments   json.RawMessage `json:"comments"`
		Results    json.RawMessage `json:"results"`
		Notifs     json.RawMessage `json:"notifications"`
		Messages   json.RawMessage `json:"messages"`
		Users      json.RawMessage `json:"users"`
		Colonies   json.RawMessage `json:"colonies"`
		Convs      json.RawMessage `json:"conversations"`
		Data       json.RawMessage `json:"data"`
	}
	if err := json.Unmarshal(b, &env); err != nil {
		return err
	}
	*p = Page[T]{Items: env.Items, HasMore: env.HasMore}
	if env.Items == nil { // keys older servers used instead of "items"
		for _, alt := range [...]json.RawMessage{env.Posts, env.Comments, env.Results, env.Notifs, env.Messages, env.Users, env.Colonies, env.Convs, env.Data} {
			if len(alt) > 0 && alt[0] == '[' {
				if err := json.Unmarshal(alt, &p.Items); err != nil {
					return err
				}
				break
			}
		}
	}
	switch {
	case env.Total != nil:
		p.Total = *env.Total
	case env.Pagination != nil && env.Pagination.Total != nil:
		p.Total = *env.Pagination.Total
	case env.Count != nil:
		p.Total = *env.Count
	}
	if p.HasMore == nil && env.Pagination != nil {
		p.HasMore = env.Pagination.HasMore
	}
	if env.NextCursor != nil {
		p.NextCursor = *env.NextCursor
	}
	p.raw = b
	return nil
}

// pageMeta is the {"total", "has_more"} block some endpoints nest under
// "pagination" (PageMeta).
type pageMeta struct {
	Total   *int  `json:"total"`
	HasMore *bool `json:"has_more"`
}

// fastDecoder is implemented by models that decode a response body they
// may keep as their raw JSON without copying it or re-scanning it through a
// nested UnmarshalJSON call.
type fastDecoder interface{ decodeJSON(b []byte) error }

// decodeKeep decodes b into v (a method-less alias of the model) and keeps
// b as the model's raw JSON.
func decodeKeep(b []byte, v any, r *rawJSON) error {
	if err := json.Unmarshal(b, v); err != nil {
		return err
	}
	r.keep(b)
	return nil
}

// decodeLoose fills the fields it can from a JSON object whose shape the API
// does not document: each listed key is decoded on its own, and a key whose
// type does not match is left zero instead of failing the call. Non-object
// bodies are kept raw only.
func decodeLoose(b []byte, r *rawJSON, fields map[string]any) {
	r.keep(b)
	var m map[string]json.RawMessage
	if json.Unmarshal(b, &m) != nil {
		return
	}
	for k, dst := range fields {
		if v, ok := m[k]; ok {
			_ = json.Unmarshal(v, dst)
		}
	}
}
