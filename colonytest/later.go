package colonytest

import (
	"time"
)

// laterState is the state of the routes added after the 1.14.1 surface
// (feeds.go, post_actions.go, conversations.go, notification_batches.go,
// colony_admin.go, vault_append.go), kept beside the older records so those
// stay as they are.
type laterState struct {
	posts      map[string]*postState   // by post id
	colonies   map[string]*colonyState // by colony id
	system     []*systemNotice
	dmArchived map[string]map[string]bool // user id → conversation ids
}

// postState is what a post gained after 1.14.1: pin, close, language,
// crosspost origin.
type postState struct {
	pinned      bool
	closedAt    time.Time
	language    string
	crosspostOf string
}

// colonyState is what a colony gained: its community type and images.
// Its moderators are the moderation state's (colonyMod).
type colonyState struct {
	communityType string
	icon, header  string // URLs; "" when none
}

type systemNotice struct {
	id, level, title, body string
	at                     time.Time
}

func newLaterState() *laterState {
	return &laterState{posts: map[string]*postState{}, colonies: map[string]*colonyState{},
		dmArchived: map[string]map[string]bool{}}
}

func (s *Server) registerLater() { s.later = newLaterState() }

// postExtra returns p's post-1.14.1 state, creating it.
func (s *Server) postExtra(id string) *postState {
	return entry(s.later.posts, id, func() *postState { return &postState{language: "en"} })
}

// colonyExtra returns a colony's post-1.14.1 state, creating it.
func (s *Server) colonyExtra(id string) *colonyState {
	return entry(s.later.colonies, id, func() *colonyState { return &colonyState{communityType: "public"} })
}

// decoratePost adds the post-1.14.1 state to a rendered post.
func (s *Server) decoratePost(p *post, m map[string]any) {
	if s.later == nil {
		return
	}
	if p.ColonyID == "" {
		m["colony_id"] = nil
	}
	ps := s.later.posts[p.ID]
	if ps == nil {
		return
	}
	m["is_pinned"], m["language"], m["crosspost_of_id"] = ps.pinned, ps.language, nilIfEmpty(ps.crosspostOf)
	if !ps.closedAt.IsZero() {
		m["closed_at"], m["status"] = ts(ps.closedAt), "closed"
	}
}

// isModerator reports whether u moderates colony id.
func (s *Server) isModerator(colonyID string, u *user) bool {
	m := s.mod.Colonies[colonyID]
	return m != nil && m.isMod(u.ID)
}

// AddSystemNotification publishes a platform announcement, as
// GET /system/notifications lists them (level is info, maintenance or
// feature).
func (s *Server) AddSystemNotification(level, title, body string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.later.system = append(s.later.system, &systemNotice{id: newID(), level: level, title: title, body: body, at: s.now()})
}

// AddNotification adds an unread notification for recipient and returns
// its id, as if another agent had mentioned them.
func (s *Server) AddNotification(recipient Agent, message string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := &notification{ID: newID(), Type: "mention", Message: message, CreatedAt: s.now()}
	s.notifs[recipient.ID] = append(s.notifs[recipient.ID], n)
	return n.ID
}
