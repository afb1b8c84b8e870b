package colonytest

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"maps"
	"net/http"
	"time"
)

// newID returns a random UUID v4.
func newID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	h := hex.EncodeToString(b[:])
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32]
}

// entry returns m[k], first storing fresh() there when k is absent: the
// per-user and per-post records that exist from their first use.
func entry[K comparable, V any](m map[K]V, k K, fresh func() V) V {
	v, ok := m[k]
	if !ok {
		v = fresh()
		m[k] = v
	}
	return v
}

// found returns m[id] when it exists and visible accepts it (a nil visible
// accepts any), answering 404 "<what> not found" otherwise: a record the
// caller may not see reads as missing, as on the live API.
func found[V any](w http.ResponseWriter, m map[string]*V, id, what string, visible func(*V) bool) (*V, bool) {
	v := m[id]
	if v == nil || (visible != nil && !visible(v)) {
		writeError(w, http.StatusNotFound, "NOT_FOUND", what+" not found")
		return nil, false
	}
	return v, true
}

// randomHex returns n random bytes as hex.
func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// Agent is an account on the fake server and the key that logs it in.
type Agent struct {
	ID       string
	Username string
	APIKey   string
}

// UserSpec describes an account to create with AddUser.
type UserSpec struct {
	Username    string
	DisplayName string
	Bio         string
	// UserType is "agent" (default) or "human".
	UserType string
	// Karma gates some actions, as on the live API: 5 for DMs, 10 for the
	// vault.
	Karma int
	// TeamRole "sentinel" allows MovePostToColony and Mark*Scanned.
	TeamRole     string
	Capabilities map[string]any
}

type user struct {
	ID           string
	Username     string
	DisplayName  string
	Bio          string
	UserType     string
	Karma        int
	APIKey       string
	TeamRole     string
	Capabilities map[string]any
	CreatedAt    time.Time
}

type token struct {
	userID  string
	expires time.Time
}

// AddUser creates an account and returns its credentials. A taken username
// gets a numeric suffix.
func (s *Server) AddUser(spec UserSpec) Agent {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.addUserLocked(spec)
}

// AddAgent creates an agent account with 100 karma.
func (s *Server) AddAgent(username string) Agent {
	return s.AddUser(UserSpec{Username: username, Karma: 100})
}

func (s *Server) addUserLocked(spec UserSpec) Agent {
	name := spec.Username
	if name == "" {
		name = "agent"
	}
	for i := 2; s.usersByName[name] != nil; i++ {
		name = fmt.Sprintf("%s-%d", spec.Username, i)
	}
	u := &user{
		ID:           newID(),
		Username:     name,
		DisplayName:  spec.DisplayName,
		Bio:          spec.Bio,
		UserType:     spec.UserType,
		Karma:        spec.Karma,
		APIKey:       "col_" + randomHex(16),
		TeamRole:     spec.TeamRole,
		Capabilities: maps.Clone(spec.Capabilities),
		CreatedAt:    s.now(),
	}
	if u.DisplayName == "" {
		u.DisplayName = name
	}
	if u.UserType == "" {
		u.UserType = "agent"
	}
	s.users[u.ID] = u
	s.usersByName[u.Username] = u
	s.usersByKey[u.APIKey] = u
	return Agent{ID: u.ID, Username: u.Username, APIKey: u.APIKey}
}

// SetKarma changes a user's karma (to cross the DM or vault gates).
func (s *Server) SetKarma(username string, karma int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if u := s.usersByName[username]; u != nil {
		u.Karma = karma
	}
}

// userOut renders a user as UserOut.
func (u *user) out() map[string]any {
	caps := u.Capabilities
	if caps == nil {
		caps = map[string]any{}
	}
	return map[string]any{
		"id":                u.ID,
		"username":          u.Username,
		"display_name":      u.DisplayName,
		"user_type":         u.UserType,
		"bio":               u.Bio,
		"lightning_address": nil,
		"nostr_pubkey":      nil,
		"npub":              nil,
		"evm_address":       nil,
		"capabilities":      caps,
		"social_links":      nil,
		"karma":             u.Karma,
		"trust_level":       trustLevel(u.Karma),
		"team_role":         nilIfEmpty(u.TeamRole),
		"current_model":     nil,
		"harness":           nil,
		"last_active":       nil,
		"created_at":        ts(u.CreatedAt),
		"avatar_url":        "/avatars/" + u.Username + ".png",
	}
}

// summary renders the short user object nested in notifications and lists.
func (u *user) summary() map[string]any {
	return map[string]any{"id": u.ID, "username": u.Username, "display_name": u.DisplayName, "user_type": u.UserType}
}

func trustLevel(karma int) map[string]any {
	switch {
	case karma >= 100:
		return map[string]any{"name": "Trusted", "min_karma": 100, "icon": "star", "rate_multiplier": 2.0}
	case karma >= 10:
		return map[string]any{"name": "Member", "min_karma": 10, "icon": "leaf", "rate_multiplier": 1.0}
	}
	return map[string]any{"name": "Newcomer", "min_karma": 0, "icon": "seed", "rate_multiplier": 0.5}
}

func nilIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// idemRecord is a stored answer to a keyed write.
type idemRecord struct {
	hash   string
	status int
	header map[string][]string
	body   []byte
}

// notification is an entry of a user's notification feed.
type notification struct {
	ID        string
	Type      string
	Message   string
	PostID    string
	CommentID string
	ActorID   string
	IsRead    bool
	CreatedAt time.Time
}

// notify adds a notification for recipient, unless the actor is the
// recipient. Call with s.mu held.
func (s *Server) notify(recipientID, actorID, typ, message, postID, commentID string) {
	if recipientID == "" || recipientID == actorID {
		return
	}
	s.notifs[recipientID] = append(s.notifs[recipientID], &notification{
		ID: newID(), Type: typ, Message: message, PostID: postID, CommentID: commentID,
		ActorID: actorID, CreatedAt: s.now(),
	})
}

// out renders a notification as NotificationOut plus its actor.
func (s *Server) notificationOut(n *notification) map[string]any {
	m := map[string]any{
		"id":                n.ID,
		"notification_type": n.Type,
		"message":           n.Message,
		"post_id":           nilIfEmpty(n.PostID),
		"comment_id":        nilIfEmpty(n.CommentID),
		"is_read":           n.IsRead,
		"created_at":        ts(n.CreatedAt),
		"actor":             nil,
	}
	if a := s.users[n.ActorID]; a != nil {
		m["actor"] = a.summary()
	}
	return m
}
