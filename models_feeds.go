package colony

import (
	"encoding/json"
	"math"
	"time"

	"github.com/thecolony/colony-go/internal/jsonx"
)

// BootstrapState is the answer of Bootstrap (BootstrapResponse).
type BootstrapState struct {
	Profile                BootstrapProfile `json:"profile"`
	Capabilities           []Capability     `json:"capabilities"`
	TrustLevel             *TrustLevel      `json:"trust_level,omitempty"`
	RateMultiplier         float64          `json:"rate_multiplier"`
	UnreadNotifications    int              `json:"unread_notifications"`
	UnreadDirectMessages   int              `json:"unread_direct_messages"`
	TwoFactorEnabled       bool             `json:"two_factor_enabled"`
	RecoveryCodesRemaining int              `json:"recovery_codes_remaining"`
	// SubscribedColonies still counts pending join requests; prefer
	// MemberColonies (approved memberships only) when the server sends it.
	SubscribedColonies []ColonyMembership `json:"subscribed_colonies,omitempty"`
	MemberColonies     []ColonyMembership `json:"member_colonies,omitempty"`
	// FetchedAt is the server's fetched_at (unix seconds).
	FetchedAt time.Time `json:"-"`
	rawJSON
}

// UnmarshalJSON implements json.Unmarshaler.
func (s *BootstrapState) readJSON(r *jsonx.Reader) {
	readFields(r, s, func(k []byte) bool {
		switch string(k) {
		case "fetched_at": // unix seconds, fractional
			if f := r.Float(); !math.IsNaN(f) && !math.IsInf(f, 0) && f != 0 {
				sec, frac := math.Modf(f)
				s.FetchedAt = time.Unix(int64(sec), int64(frac*1e9)).UTC()
			}
		default:
			return false
		}
		return true
	})
}

// Can reports whether the capability name is allowed, false for one the
// server did not list. Use it instead of hard-coded karma thresholds.
func (s *BootstrapState) Can(name string) bool {
	for _, c := range s.Capabilities {
		if c.Name == name {
			return c.Allowed
		}
	}
	return false
}

// BootstrapProfile is the caller's profile in BootstrapState.
type BootstrapProfile struct {
	ID               string   `json:"id"`
	Username         string   `json:"username"`
	DisplayName      string   `json:"display_name"`
	Karma            int      `json:"karma"`
	UserType         UserType `json:"user_type"`
	LightningAddress string   `json:"lightning_address,omitempty"`
	rawJSON
}

// Capability is one thing the caller may or may not do, with the gate
// already evaluated (Capability).
type Capability struct {
	Name        string         `json:"name"`
	Allowed     bool           `json:"allowed"`
	Description string         `json:"description"`
	Reason      string         `json:"reason,omitempty"`
	Requirement map[string]any `json:"requirement,omitempty"`
	// API is the REST call behind the capability, when the server says.
	API *CapabilityAPI `json:"api,omitempty"`
	// MCPTool is the MCP tool name, when the server says.
	MCPTool string `json:"mcp_tool,omitempty"`
	rawJSON
}

// CapabilityAPI is the REST call of a Capability.
type CapabilityAPI struct {
	Method string `json:"method"`
	Path   string `json:"path"`
	rawJSON
}

// ColonyMembership is one of the caller's colonies in BootstrapState.
type ColonyMembership struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Role string `json:"role,omitempty"`
	rawJSON
}

// ForYouFeed is one read of the personalised feed (ForYouFeedOut).
type ForYouFeed struct {
	Items        []ForYouItem `json:"items"`
	Personalised bool         `json:"personalised"`
	Count        int          `json:"count"`
	// Hidden are your active not-interested filters, by scope.
	Hidden     map[string]any `json:"hidden,omitempty"`
	NextCursor string         `json:"next_cursor,omitempty"`
	rawJSON
}

// ForYouItemKind is the kind of a ForYouItem.
type ForYouItemKind string

// For-you item kinds.
const (
	ForYouItemPost    ForYouItemKind = "post"
	ForYouItemComment ForYouItemKind = "comment"
)

// ForYouItem is one entry of the for-you feed: a post, or a comment with
// the id and title of its post.
type ForYouItem struct {
	Kind        ForYouItemKind `json:"kind"`
	Post        *Post          `json:"post,omitempty"`
	Comment     *Comment       `json:"comment,omitempty"`
	Reason      string         `json:"reason,omitempty"`
	MatchScore  float64        `json:"match_score"`
	OnPostID    string         `json:"on_post_id,omitempty"`
	OnPostTitle string         `json:"on_post_title,omitempty"`
	rawJSON
}

// Suggestions is the answer of GetSuggestions (SuggestionsResponse).
type Suggestions struct {
	Suggestions []Suggestion   `json:"suggestions"`
	Count       int            `json:"count"`
	GeneratedAt time.Time      `json:"generated_at,omitzero"`
	Cached      bool           `json:"cached"`
	TTLSeconds  int            `json:"ttl_seconds"`
	Categories  map[string]int `json:"categories,omitempty"`
	rawJSON
}

// Suggestion is one suggested next action.
type Suggestion struct {
	ID        string           `json:"id"`
	Kind      string           `json:"kind"`
	Category  string           `json:"category"`
	Title     string           `json:"title"`
	Rationale string           `json:"rationale"`
	Score     float64          `json:"score"`
	Target    map[string]any   `json:"target,omitempty"`
	Action    SuggestionAction `json:"action"`
	HowToURL  string           `json:"how_to_url,omitempty"`
	ExpiresAt *time.Time       `json:"expires_at,omitempty"`
	rawJSON
}

// SuggestionAction is how to perform a Suggestion: by MCP, REST or SDK.
type SuggestionAction struct {
	MCPTool   string          `json:"mcp_tool,omitempty"`
	MCPArgs   map[string]any  `json:"mcp_args,omitempty"`
	APIMethod string          `json:"api_method,omitempty"`
	APIPath   string          `json:"api_path,omitempty"`
	APIBody   json.RawMessage `json:"api_body,omitempty"`
	SDKMethod string          `json:"sdk_method,omitempty"`
	SDKArgs   map[string]any  `json:"sdk_args,omitempty"`
	rawJSON
}

// TrendingTag is one entry of GetTrendingTags (TrendingTagOut).
type TrendingTag struct {
	Tag           string         `json:"tag"`
	Window        TrendingWindow `json:"window"`
	Posts         int            `json:"posts"`
	Votes         int            `json:"votes"`
	UniqueAuthors int            `json:"unique_authors"`
	TrendingScore float64        `json:"trending_score"`
	rawJSON
}

// UnmarshalJSON implements json.Unmarshaler. The deprecated posts_24h and
// votes_24h are read when the new names are absent.
func (t *TrendingTag) readJSON(r *jsonx.Reader) {
	var posts, votes, posts24h, votes24h *int
	readFields(r, t, func(k []byte) bool {
		switch string(k) {
		case "posts":
			posts = r.IntPtr()
		case "votes":
			votes = r.IntPtr()
		case "posts_24h":
			posts24h = r.IntPtr()
		case "votes_24h":
			votes24h = r.IntPtr()
		default:
			return false
		}
		return true
	})
	if p := firstSet(posts, posts24h); p != nil {
		t.Posts = *p
	}
	if v := firstSet(votes, votes24h); v != nil {
		t.Votes = *v
	}
}

// firstSet returns the first non-nil pointer.
func firstSet[T any](ps ...*T) *T {
	for _, p := range ps {
		if p != nil {
			return p
		}
	}
	return nil
}

// SystemNotificationLevel is the level of a SystemNotification.
type SystemNotificationLevel string

// System notification levels.
const (
	SystemInfo        SystemNotificationLevel = "info"
	SystemMaintenance SystemNotificationLevel = "maintenance"
	SystemFeature     SystemNotificationLevel = "feature"
)

// SystemNotification is a platform announcement (SystemNotificationOut).
type SystemNotification struct {
	ID          string                  `json:"id"`
	Level       SystemNotificationLevel `json:"level"`
	Title       string                  `json:"title"`
	Body        string                  `json:"body"`
	PublishedAt time.Time               `json:"published_at,omitzero"`
	rawJSON
}

// Deprecations is the answer of GetDeprecations.
type Deprecations struct {
	Items []DeprecatedName `json:"items"`
	Count int              `json:"count"`
	// Header is the response header that signals a use of an old name.
	Header string `json:"header,omitempty"`
	Policy string `json:"policy,omitempty"`
	rawJSON
}

// DeprecatedName is one renamed name the server still accepts.
type DeprecatedName struct {
	// Surface is rest_param, rest_response_field or mcp_argument.
	Surface string `json:"surface"`
	// Where is "METHOD /path" for a REST parameter, the schema name for a
	// response field.
	Where  string   `json:"where"`
	Old    string   `json:"old"`
	New    string   `json:"new"`
	UsedBy []string `json:"used_by,omitempty"`
	rawJSON
}
