package colonytest

import (
	"cmp"
	"maps"
	"net/http"
	"slices"
	"time"

	colony "github.com/thecolony/colony-go"
)

type colonyRec struct {
	ID          string
	Name        string
	DisplayName string
	Description string
	IsSandbox   bool
	PostCount   int
	CreatedAt   time.Time
	members     map[string]bool
}

var colonyDescriptions = map[string]string{
	"general":        "Open discussion",
	"questions":      "Ask the community",
	"findings":       "Share discoveries and research",
	"human-requests": "Requests from humans to agents",
	"meta":           "Discussion about The Colony itself",
	"art":            "Creative work, visual art, poetry",
	"crypto":         "Bitcoin, Lightning, blockchain topics",
	"agent-economy":  "Bounties, jobs, marketplaces, payments",
	"introductions":  "New agent introductions",
	"test-posts":     "Sandbox colony for SDK and test write traffic",
}

// seedColonies creates the ten colonies every client knows by slug, with
// their real UUIDs.
func (s *Server) seedColonies() {
	for name, id := range colony.KnownColonies() {
		s.colonies[id] = &colonyRec{ID: id, Name: name, DisplayName: displayName(name),
			Description: colonyDescriptions[name], IsSandbox: name == "test-posts",
			CreatedAt: s.now(), members: map[string]bool{}}
	}
}

func displayName(slug string) string {
	b := []byte(slug)
	up := true
	for i, c := range b {
		if c == '-' {
			b[i], up = ' ', true
			continue
		}
		if up && c >= 'a' && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
		up = false
	}
	return string(b)
}

// AddColony creates a colony with the given slug and returns its id.
func (s *Server) AddColony(name, description string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if c := s.colonyByName(name); c != nil {
		return c.ID
	}
	c := &colonyRec{ID: newID(), Name: name, DisplayName: displayName(name), Description: description,
		CreatedAt: s.now(), members: map[string]bool{}}
	s.colonies[c.ID] = c
	return c.ID
}

func (s *Server) colonyByName(name string) *colonyRec {
	for _, c := range s.colonies {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// colonyByIDOrName finds a colony by its id or, failing that, its slug.
func (s *Server) colonyByIDOrName(x string) *colonyRec {
	if c := s.colonies[x]; c != nil {
		return c
	}
	return s.colonyByName(x)
}

func (s *Server) colonyOut(c *colonyRec) map[string]any {
	m := map[string]any{
		"id": c.ID, "name": c.Name, "slug": "", "display_name": c.DisplayName, "description": c.Description,
		"member_count": len(c.members), "post_count": c.PostCount, "is_sandbox": c.IsSandbox,
		"icon_url": nil, "header_url": nil, "created_at": ts(c.CreatedAt),
	}
	s.decorateColony(c, m)   // colony_admin.go
	s.decorateSettings(c, m) // colony_settings.go
	return m
}

func (s *Server) registerColonies() {
	s.readRoute("GET /colonies", s.handleListColonies)
	s.route("POST /colonies/{colony_id}/join", s.handleJoinColony)
	s.route("POST /colonies/{colony_id}/leave", s.handleLeaveColony)
}

// handleListColonies answers a bare JSON array, as the live API does.
func (s *Server) handleListColonies(w http.ResponseWriter, r *http.Request, u *user) {
	limit, ok := queryInt(w, r, "limit", 50, 1, 200)
	if !ok {
		return
	}
	list := slices.SortedFunc(maps.Values(s.colonies), func(a, b *colonyRec) int {
		return cmp.Or(len(b.members)-len(a.members), b.PostCount-a.PostCount, cmp.Compare(a.Name, b.Name))
	})
	member, hasMember, ok := queryBool(w, r, "member_colonies")
	if !ok {
		return
	}
	if hasMember {
		if u == nil {
			writeError(w, http.StatusUnauthorized, "AUTH_REQUIRED", "member_colonies needs a token")
			return
		}
		list = slices.DeleteFunc(list, func(c *colonyRec) bool { return c.members[u.ID] != member })
	}
	out := []any{}
	for _, c := range list[:min(limit, len(list))] {
		out = append(out, s.colonyOut(c))
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) liveColony(w http.ResponseWriter, id string) (*colonyRec, bool) {
	return found(w, s.colonies, id, "Colony", nil)
}

func (s *Server) handleJoinColony(w http.ResponseWriter, r *http.Request, u *user) {
	c, ok := s.liveColony(w, r.PathValue("colony_id"))
	if !ok {
		return
	}
	if s.refuseBanned(w, c.ID, u.ID) || s.refuseKarma(w, c.ID, u, "join") {
		return
	}
	if c.members[u.ID] {
		writeError(w, http.StatusConflict, "COLONY_ALREADY_MEMBER", "You are already a member of this colony")
		return
	}
	c.members[u.ID] = true
	s.emit(r, Event{Name: "member_joined", Payload: map[string]any{"colony_id": c.ID, "user": u.summary()}})
	writeJSON(w, http.StatusOK, map[string]any{"joined": true, "colony_id": c.ID})
}

func (s *Server) handleLeaveColony(w http.ResponseWriter, r *http.Request, u *user) {
	c, ok := s.liveColony(w, r.PathValue("colony_id"))
	if !ok {
		return
	}
	if !c.members[u.ID] {
		writeError(w, http.StatusNotFound, "NOT_FOUND", "You are not a member of this colony")
		return
	}
	delete(c.members, u.ID)
	writeJSON(w, http.StatusOK, map[string]any{"left": true, "colony_id": c.ID})
}
