package colony

import (
	"time"

	"github.com/thecolony/colony-go/internal/jsonx"
)

// ModInvitation is an invitation to moderate a colony (ModInviteOut).
// Status is pending until the invitee accepts or declines, the colony
// revokes it, or it expires (after 7 days).
type ModInvitation struct {
	// ID is read from "invitation_id", or the deprecated "invite_id".
	ID              string     `json:"invitation_id" fallback:"invite_id"`
	ColonyID        string     `json:"colony_id"`
	InviteeUsername string     `json:"invitee_username"`
	RoleOffered     ColonyRole `json:"role_offered"`
	Permissions     []string   `json:"permissions"`
	Status          string     `json:"status"`
	ExpiresAt       time.Time  `json:"expires_at,omitzero"`
	rawJSON         `model:"lenient"`
}

// keyedList is a list answer: {"<key>": [...]} for one of K's keys, or a
// bare array.
type keyedList[T any, K listKeys] struct{ Page[T] }

// listKeys names the keys a keyedList's items may be under.
type listKeys interface{ keys() []string }

func (l *keyedList[T, K]) readJSON(r *jsonx.Reader) {
	var k K
	readPage(r, &l.Page, k.keys(), nil)
}

// UnmarshalJSON implements json.Unmarshaler.
func (l *keyedList[T, K]) UnmarshalJSON(b []byte) error { return unmarshalLenient(b, l) }

// decodeJSON decodes a response body; Page's own would look for "items".
func (l *keyedList[T, K]) decodeJSON(b []byte) error { return decodeLenient(b, l) }

// invitesKey: invitation lists are under "invites".
type invitesKey struct{}

func (invitesKey) keys() []string { return []string{"invites"} }
