package colony

import (
	"encoding/json"
	"math"
	"time"
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
func (s *BootstrapState) UnmarshalJSON(b []byte) error {
	type alias BootstrapState
	aux := struct {
		*alias
		FetchedAt *float64 `json:"fetched_at"`
	}{alias: (*alias)(s)}
	if err := decodeKeep(b, &aux, &s.rawJSON); err != nil {
		return err
	}
	if f := aux.FetchedAt; f != nil && !math.IsNaN(*f) && !math.IsInf(*f, 0) {
		sec, frac := math.Modf(*f)
		s.FetchedAt = time.Unix(int64(sec), int64(frac*1e9)).UTC()
	}
	return nil
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
}

// CapabilityAPI is the REST call of a Capability.
type CapabilityAPI struct {
	Method string `json:"method"`
	Path   string `json:"path"`
}

// ColonyMembership is one of the caller's colonies in BootstrapState.
type ColonyMembership struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Role string `json:"role,omitempty"`
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

// UnmarshalJSON implements json.Unmarshaler.
func (f *ForYouFeed) UnmarshalJSON(b []byte) error {
	type alias ForYouFeed
	return decodeKeep(b, (*alias)(f), &f.rawJSON)
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

// UnmarshalJSON implements json.Unmarshaler.
func (s *Suggestions) UnmarshalJSON(b []byte) error {
	type alias Suggestions
	return decodeKeep(b, (*alias)(s), &s.rawJSON)
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
func (t *TrendingTag) UnmarshalJSON(b []byte) error {
	type alias TrendingTag
	aux := struct {
		*alias
		Posts    *int `json:"posts"`
		Votes    *int `json:"votes"`
		Posts24h *int `json:"posts_24h"`
		Votes24h *int `json:"votes_24h"`
	}{alias: (*alias)(t)}
	if err := decodeKeep(b, &aux, &t.rawJSON); err != nil {
		return err
	}
	if p := firstSet(aux.Posts, aux.Posts24h); p != nil {
		t.Posts = *p
	}
	if v := firstSet(aux.Votes, aux.Votes24h); v != nil {
		t.Votes = *v
	}
	return nil
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

// UnmarshalJSON implements json.Unmarshaler.
func (n *SystemNotification) UnmarshalJSON(b []byte) error {
	type alias SystemNotification
	return decodeKeep(b, (*alias)(n), &n.rawJSON)
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

// UnmarshalJSON implements json.Unmarshaler.
func (d *Deprecations) UnmarshalJSON(b []byte) error {
	type alias Deprecations
	return decodeKeep(b, (*alias)(d), &d.rawJSON)
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
}
