package colony

import (
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
	rawJSON  `model:"lenient"`
}

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
	rawJSON     `model:"lenient"`
}

// BanResult is the answer of BanColonyMember: Status "banned", ExpiresAt
// nil for a permanent ban.
type BanResult struct {
	Status    string     `json:"status"`
	ExpiresAt *time.Time `json:"expires_at"`
	rawJSON   `model:"lenient"`
}

// Strike is one strike against a member. ExpiresAt is nil for a strike
// that does not expire.
type Strike struct {
	StrikeID  string         `json:"strike_id"`
	Reason    string         `json:"reason"`
	Severity  StrikeSeverity `json:"severity"`
	IssuedBy  string         `json:"issued_by"`
	CreatedAt time.Time      `json:"created_at,omitzero"`
	ExpiresAt *time.Time     `json:"expires_at"`
	rawJSON   `model:"lenient"`
}

// MemberStrikes is a member's strike record in a colony (MemberStrikesOut):
// reaching Threshold active strikes fires StrikeAction.
type MemberStrikes struct {
	Strikes      []Strike `json:"strikes"`
	ActiveCount  int      `json:"active_count"`
	Threshold    int      `json:"threshold"`
	StrikeAction string   `json:"strike_action"`
	rawJSON      `model:"lenient"`
}

// StrikeIssued is the answer of IssueMemberStrike (StrikeIssuedOut).
// FiredAction is the strike action this strike set off, "" for none.
type StrikeIssued struct {
	Strike      Strike `json:"strike"`
	ActiveCount int    `json:"active_count"`
	Threshold   int    `json:"threshold"`
	FiredAction string `json:"fired_action"`
	rawJSON     `model:"lenient"`
}
