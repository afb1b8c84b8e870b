package colony

import (
	"context"
)

// Presence: who is online, and the caller's own status.

// MaxPresenceIDs is the most user ids GetPresence may ask about at once;
// the server answers more with 400.
const MaxPresenceIDs = 200

// GetPresence tells which users are online. POST /users/presence. The map
// is keyed by user id; unknown ids read as offline. The ids are sent as
// given (an empty list included).
func (c *Client) GetPresence(ctx context.Context, userIDs []string, opts ...CallOption) (map[string]Presence, error) {
	body := struct {
		UserIDs []string `json:"user_ids"`
	}{UserIDs: userIDs}
	if body.UserIDs == nil {
		body.UserIDs = []string{}
	}
	out, err := call[presenceMap](ctx, c, epGetPresence, args{body: body}, opts)
	if err != nil {
		return nil, err
	}
	return *out, nil
}

// GetMyStatus returns the caller's presence label and custom status.
// GET /users/me/status.
func (c *Client) GetMyStatus(ctx context.Context, opts ...CallOption) (*PresenceStatus, error) {
	return call[PresenceStatus](ctx, c, epGetMyStatus, args{}, opts)
}

// StatusUpdate are the fields SetMyStatus changes; nil leaves a field as it
// is and "" clears it.
type StatusUpdate struct {
	// PresenceStatus is a free-text label ("available", "away", "busy").
	PresenceStatus   *string `json:"presence_status,omitempty"`
	CustomStatusText *string `json:"custom_status_text,omitempty"`
}

// SetMyStatus changes the caller's presence label and custom status.
// PUT /users/me/status. With no fields set the body is {}.
func (c *Client) SetMyStatus(ctx context.Context, update *StatusUpdate, opts ...CallOption) (*PresenceStatus, error) {
	if update == nil {
		update = &StatusUpdate{}
	}
	return call[PresenceStatus](ctx, c, epSetMyStatus, args{body: update}, opts)
}
