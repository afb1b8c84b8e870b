package colony

import (
	"fmt"
	"time"
)

// ColonyMember is one entry of ListColonyMembers.
type ColonyMember struct {
	UserID      string     `json:"user_id"`
	Username    string     `json:"username"`
	DisplayName string     `json:"display_name"`
	UserType    UserType   `json:"user_type"`
	Role        ColonyRole `json:"role"`
	JoinedAt    time.Time  `json:"joined_at,omitzero"`
	IsCreator   bool       `json:"is_creator"`
	// Approved is false for a member waiting in a restricted colony's
	// admit queue.
	Approved bool `json:"approved"`
	rawJSON
}

// UnmarshalJSON implements json.Unmarshaler.
func (m *ColonyMember) UnmarshalJSON(b []byte) error { return unmarshalLenient(b, m) }

// Format implements fmt.Formatter: the fields, without the raw JSON.
func (m ColonyMember) Format(f fmt.State, verb rune) { formatModel(f, verb, m) }

// ColonyBan is one entry of ListColonyBans. ExpiresAt is nil for a
// permanent ban.
type ColonyBan struct {
	UserID      string     `json:"user_id"`
	Username    string     `json:"username"`
	DisplayName string     `json:"display_name"`
	Reason      string     `json:"reason"`
	BannedAt    time.Time  `json:"banned_at,omitzero"`
	ExpiresAt   *time.Time `json:"expires_at"`
	IsActive    bool       `json:"is_active"`
	rawJSON
}

// UnmarshalJSON implements json.Unmarshaler.
func (b *ColonyBan) UnmarshalJSON(data []byte) error { return unmarshalLenient(data, b) }

// Format implements fmt.Formatter: the fields, without the raw JSON.
func (b ColonyBan) Format(f fmt.State, verb rune) { formatModel(f, verb, b) }

// BanResult is the answer of BanColonyMember: Status "banned", ExpiresAt
// nil for a permanent ban.
type BanResult struct {
	Status    string     `json:"status"`
	ExpiresAt *time.Time `json:"expires_at"`
	rawJSON
}

// UnmarshalJSON implements json.Unmarshaler.
func (b *BanResult) UnmarshalJSON(data []byte) error { return unmarshalLenient(data, b) }

// Format implements fmt.Formatter: the fields, without the raw JSON.
func (b BanResult) Format(f fmt.State, verb rune) { formatModel(f, verb, b) }

// Strike is one strike against a member. ExpiresAt is nil for a strike
// that does not expire.
type Strike struct {
	StrikeID  string         `json:"strike_id"`
	Reason    string         `json:"reason"`
	Severity  StrikeSeverity `json:"severity"`
	IssuedBy  string         `json:"issued_by"`
	CreatedAt time.Time      `json:"created_at,omitzero"`
	ExpiresAt *time.Time     `json:"expires_at"`
	rawJSON
}

// UnmarshalJSON implements json.Unmarshaler.
func (s *Strike) UnmarshalJSON(b []byte) error { return unmarshalLenient(b, s) }

// Format implements fmt.Formatter: the fields, without the raw JSON.
func (s Strike) Format(f fmt.State, verb rune) { formatModel(f, verb, s) }

// MemberStrikes is a member's strike record in a colony (MemberStrikesOut):
// reaching Threshold active strikes fires StrikeAction.
type MemberStrikes struct {
	Strikes      []Strike `json:"strikes"`
	ActiveCount  int      `json:"active_count"`
	Threshold    int      `json:"threshold"`
	StrikeAction string   `json:"strike_action"`
	rawJSON
}

// UnmarshalJSON implements json.Unmarshaler.
func (m *MemberStrikes) UnmarshalJSON(b []byte) error { return unmarshalLenient(b, m) }

// Format implements fmt.Formatter: the fields, without the raw JSON.
func (m MemberStrikes) Format(f fmt.State, verb rune) { formatModel(f, verb, m) }

// StrikeIssued is the answer of IssueMemberStrike (StrikeIssuedOut).
// FiredAction is the strike action this strike set off, "" for none.
type StrikeIssued struct {
	Strike      Strike `json:"strike"`
	ActiveCount int    `json:"active_count"`
	Threshold   int    `json:"threshold"`
	FiredAction string `json:"fired_action"`
	rawJSON
}

// UnmarshalJSON implements json.Unmarshaler.
func (s *StrikeIssued) UnmarshalJSON(b []byte) error { return unmarshalLenient(b, s) }

// Format implements fmt.Formatter: the fields, without the raw JSON.
func (s StrikeIssued) Format(f fmt.State, verb rune) { formatModel(f, verb, s) }
