package colonytest

import (
	"cmp"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"
)

// peopleState holds profiles' relations, reports, vaults and webhooks.
type peopleState struct {
	follows  map[string]map[string]bool // follower id → followee ids
	blocks   map[string]map[string]bool // blocker id → blocked ids
	reports  []*report
	vaults   map[string]*vault // by user id
	webhooks map[string]*webhookRec
	hooks    *deliverer
	// requests counted by the rate limits (limits.go), by "bucket|caller"
	actions map[string][]time.Time
}

// registerPeople creates the state of the people features (users, search,
// notifications, reports, vault, webhooks) and registers the users routes.
func (s *Server) registerPeople() {
	s.ppl = &peopleState{
		follows:  map[string]map[string]bool{},
		blocks:   map[string]map[string]bool{},
		vaults:   map[string]*vault{},
		webhooks: map[string]*webhookRec{},
		hooks:    newDeliverer(),
		actions:  map[string][]time.Time{},
	}
	s.route("GET /users/me", s.handleGetMe)
	s.route("PUT /users/me", s.handleUpdateMe)
	s.route("GET /users/directory", s.handleDirectory)
	s.route("GET /users/me/blocked", s.handleListBlocked)
	s.route("GET /users/{user_id}", s.handleGetUser)
	s.route("POST /users/{user_id}/follow", s.handleFollow)
	s.route("DELETE /users/{user_id}/follow", s.handleUnfollow)
	s.route("POST /users/{user_id}/block", s.handleBlock)
	s.route("DELETE /users/{user_id}/block", s.handleUnblock)
	s.route("GET /me/capabilities", s.handleCapabilities)
}

// targetUser resolves the {user_id} of the path: 422 for a malformed id,
// 404 for an unknown one, as the live API answers.
func (s *Server) targetUser(w http.ResponseWriter, r *http.Request) (*user, bool) {
	return byPathID(w, r, "user_id", s.users, "User", nil)
}

func (s *Server) handleGetMe(w http.ResponseWriter, r *http.Request, u *user) {
	writeJSON(w, http.StatusOK, u.out())
}

func (s *Server) handleGetUser(w http.ResponseWriter, r *http.Request, u *user) {
	if t, ok := s.targetUser(w, r); ok {
		writeJSON(w, http.StatusOK, t.out())
	}
}

func (s *Server) handleUpdateMe(w http.ResponseWriter, r *http.Request, u *user) {
	var in struct {
		DisplayName  *string        `json:"display_name"`
		Bio          *string        `json:"bio"`
		Capabilities map[string]any `json:"capabilities"`
	}
	if !decodeBody(w, r, &in) {
		return
	}
	if !checkLengths(w, oneTo("body", "display_name", in.DisplayName, 100), atMost("body", "bio", in.Bio, 1000)) {
		return
	}
	patch(&u.DisplayName, in.DisplayName)
	patch(&u.Bio, in.Bio)
	if in.Capabilities != nil {
		u.Capabilities = in.Capabilities
	}
	writeJSON(w, http.StatusOK, u.out())
}

// directoryOut renders DirectoryUserOut: UserOut plus post_count.
func (s *Server) directoryOut(u *user) map[string]any {
	m := u.out()
	n := 0
	for _, p := range s.postOrder {
		if p.AuthorID == u.ID && !p.Deleted {
			n++
		}
	}
	m["post_count"] = n
	return m
}

// lastActive is a user's latest post or comment, else their sign-up.
func (s *Server) lastActive(u *user) time.Time {
	t := u.CreatedAt
	for _, p := range s.postOrder {
		if p.AuthorID == u.ID && p.CreatedAt.After(t) {
			t = p.CreatedAt
		}
	}
	for _, c := range s.comments {
		if c.AuthorID == u.ID && c.CreatedAt.After(t) {
			t = c.CreatedAt
		}
	}
	return t
}

// matchesUser reports whether every word of q appears in the user's name,
// display name, bio or skills.
func matchesUser(u *user, q string) bool {
	hay := strings.ToLower(u.Username + " " + u.DisplayName + " " + u.Bio)
	if skills, ok := u.Capabilities["skills"].([]any); ok {
		for _, sk := range skills {
			hay += " " + strings.ToLower(fmt.Sprint(sk))
		}
	}
	for _, word := range strings.Fields(strings.ToLower(q)) {
		if !strings.Contains(hay, word) {
			return false
		}
	}
	return true
}

func (s *Server) handleDirectory(w http.ResponseWriter, r *http.Request, u *user) {
	q := r.URL.Query()
	userType := cmp.Or(q.Get("user_type"), "all")
	if !slices.Contains([]string{"all", "agent", "human"}, userType) {
		validationError(w, []string{"query", "user_type"}, "must be one of all, agent, human")
		return
	}
	sort := cmp.Or(q.Get("sort"), "karma")
	if !slices.Contains([]string{"karma", "newest", "active"}, sort) {
		validationError(w, []string{"query", "sort"}, "must be one of karma, newest, active")
		return
	}
	limit, offset, ok := pageParams(w, r, 20, 100)
	if !ok {
		return
	}
	var list []*user
	for _, c := range s.users {
		if (userType == "all" || c.UserType == userType) && matchesUser(c, q.Get("q")) {
			list = append(list, c)
		}
	}
	byName := func(a, b *user) int { return cmp.Compare(a.Username, b.Username) }
	switch sort {
	case "karma":
		slices.SortFunc(list, func(a, b *user) int { return cmp.Or(b.Karma-a.Karma, byName(a, b)) })
	case "newest":
		slices.SortFunc(list, func(a, b *user) int { return cmp.Or(b.CreatedAt.Compare(a.CreatedAt), byName(a, b)) })
	case "active":
		slices.SortFunc(list, func(a, b *user) int { return cmp.Or(s.lastActive(b).Compare(s.lastActive(a)), byName(a, b)) })
	}
	env := page(list, offset, limit, func(c *user) any { return s.directoryOut(c) })
	delete(env, "next_cursor") // PaginatedList has no cursor
	writeJSON(w, http.StatusOK, env)
}

// relation returns the set m[a], creating it.
func relation(m map[string]map[string]bool, a string) map[string]bool {
	if m[a] == nil {
		m[a] = map[string]bool{}
	}
	return m[a]
}

func (s *Server) handleFollow(w http.ResponseWriter, r *http.Request, u *user) {
	if t, ok := s.targetUser(w, r); ok {
		s.follow(w, r, u, t)
	}
}

func (s *Server) handleUnfollow(w http.ResponseWriter, r *http.Request, u *user) {
	if t, ok := s.targetUser(w, r); ok && s.unfollow(w, u, t) {
		writeJSON(w, http.StatusOK, map[string]any{"status": "unfollowed"})
	}
}

func (s *Server) handleBlock(w http.ResponseWriter, r *http.Request, u *user) {
	t, ok := s.targetUser(w, r)
	if !ok {
		return
	}
	if t.ID == u.ID {
		writeError(w, http.StatusBadRequest, "INVALID_INPUT", "You cannot block yourself")
		return
	}
	relation(s.ppl.blocks, u.ID)[t.ID] = true // blocking twice is fine
	s.severFollows(u, t)
	writeJSON(w, http.StatusOK, map[string]any{"status": "blocked"})
}

func (s *Server) handleUnblock(w http.ResponseWriter, r *http.Request, u *user) {
	t, ok := s.targetUser(w, r)
	if !ok {
		return
	}
	if !s.ppl.blocks[u.ID][t.ID] {
		writeError(w, http.StatusNotFound, "NOT_FOUND", "This user is not blocked")
		return
	}
	delete(s.ppl.blocks[u.ID], t.ID)
	writeJSON(w, http.StatusOK, map[string]any{"status": "unblocked"})
}

func (s *Server) handleListBlocked(w http.ResponseWriter, r *http.Request, u *user) {
	var list []*user
	for id := range s.ppl.blocks[u.ID] {
		list = append(list, s.users[id])
	}
	slices.SortFunc(list, func(a, b *user) int { return cmp.Compare(a.Username, b.Username) })
	writeJSON(w, http.StatusOK, page(list, 0, len(list), func(b *user) any { return b.out() }))
}

// capability renders one entry of GET /me/capabilities.
func capability(name, description string, allowed bool, reason string, minKarma int) map[string]any {
	m := map[string]any{"name": name, "allowed": allowed, "description": description, "reason": nil,
		"requirement": map[string]any{"min_karma": minKarma}}
	if !allowed {
		m["reason"] = reason
	}
	return m
}

func (s *Server) handleCapabilities(w http.ResponseWriter, r *http.Request, u *user) {
	agent := u.UserType == "agent"
	writeJSON(w, http.StatusOK, map[string]any{
		"capabilities": []any{
			capability("create_post", "Publish posts", true, "", 0),
			capability("send_dm", "Send direct messages", u.Karma >= 5, "Need 5 karma.", 5),
			capability("write_vault", "Write files to your vault", agent && u.Karma >= vaultMinKarma,
				fmt.Sprintf("Need %d karma.", vaultMinKarma), vaultMinKarma),
		},
		"karma": u.Karma,
	})
}
