package colonytest

import (
	"net/http"
	"slices"
	"strings"
	"time"
)

// Moderator invitations: a moderator invites a user by name; only the
// invitee answers, within 7 days; accepting makes them a moderator (or an
// admin) of the colony.

type modInvite struct {
	ID          string    `json:"id"`
	ColonyID    string    `json:"colony_id"`
	InviterID   string    `json:"inviter_id"`
	InviteeID   string    `json:"invitee_id"`
	Role        string    `json:"role"`
	Permissions []string  `json:"permissions"`
	Status      string    `json:"status"`
	CreatedAt   time.Time `json:"created_at"`
	ExpiresAt   time.Time `json:"expires_at"`
}

const modInviteTTL = 7 * 24 * time.Hour

func (s *Server) registerModInvites() {
	s.route("GET /colonies/mod-invites/received", s.handleMyModInvites)
	s.route("POST /colonies/mod-invites/{invitation_id}/accept", s.handleAnswerModInvite(true))
	s.route("POST /colonies/mod-invites/{invitation_id}/decline", s.handleAnswerModInvite(false))
	s.route("POST /colonies/{colony_id}/mod-invites", s.modRoute(s.handleInviteModerator))
	s.route("GET /colonies/{colony_id}/mod-invites", s.modRoute(s.handleListModInvites))
	s.route("POST /colonies/{colony_id}/mod-invites/{invitation_id}/revoke", s.modRoute(s.handleRevokeModInvite))
}

// inviteStatus is the invitation's status now: a pending one past its
// expiry is expired.
func (s *Server) inviteStatus(iv *modInvite) string {
	if iv.Status == "pending" && !s.now().Before(iv.ExpiresAt) {
		return "expired"
	}
	return iv.Status
}

func (s *Server) modInviteOut(iv *modInvite) map[string]any {
	return map[string]any{"invitation_id": iv.ID, "invite_id": iv.ID, "colony_id": iv.ColonyID,
		"colony_name": s.colonies[iv.ColonyID].Name, "inviter_username": s.users[iv.InviterID].Username,
		"invitee_username": s.users[iv.InviteeID].Username, "role_offered": iv.Role, "permissions": iv.Permissions,
		"status": s.inviteStatus(iv), "created_at": ts(iv.CreatedAt), "expires_at": ts(iv.ExpiresAt)}
}

func (s *Server) invitesOut(keep func(*modInvite) bool) map[string]any {
	out := []any{}
	for _, iv := range s.mod.Invites {
		if keep(iv) {
			out = append(out, s.modInviteOut(iv))
		}
	}
	return map[string]any{"invites": out}
}

func (s *Server) handleMyModInvites(w http.ResponseWriter, r *http.Request, u *user) {
	writeJSON(w, http.StatusOK, s.invitesOut(func(iv *modInvite) bool {
		return iv.InviteeID == u.ID && s.inviteStatus(iv) == "pending"
	}))
}

// findInvite resolves {invitation_id}, answering 404 for an unknown
// invitation or one visible refuses (a nil visible accepts any).
func (s *Server) findInvite(w http.ResponseWriter, r *http.Request, visible func(*modInvite) bool) (*modInvite, bool) {
	for _, iv := range s.mod.Invites {
		if iv.ID == r.PathValue("invitation_id") && (visible == nil || visible(iv)) {
			return iv, true
		}
	}
	writeError(w, http.StatusNotFound, "NOT_FOUND", "Invitation not found")
	return nil, false
}

// refuseAnswered answers 409 for an invitation that is no longer pending.
func (s *Server) refuseAnswered(w http.ResponseWriter, iv *modInvite) bool {
	if st := s.inviteStatus(iv); st != "pending" {
		writeError(w, http.StatusConflict, "CONFLICT", "This invitation is "+st)
		return true
	}
	return false
}

func (s *Server) handleAnswerModInvite(accept bool) apiHandler {
	return func(w http.ResponseWriter, r *http.Request, u *user) {
		iv, ok := s.findInvite(w, r, nil)
		if !ok {
			return
		}
		if iv.InviteeID != u.ID {
			writeError(w, http.StatusForbidden, "FORBIDDEN", "Only the invitee can answer this invitation")
			return
		}
		if s.refuseAnswered(w, iv) {
			return
		}
		iv.Status = "declined"
		if accept {
			iv.Status = "accepted"
			m := s.modOf(iv.ColonyID)
			s.colonies[iv.ColonyID].members[u.ID] = true
			delete(m.Pending, u.ID)
			m.Roles[u.ID] = iv.Role
		}
		writeJSON(w, http.StatusOK, s.modInviteOut(iv))
	}
}

func (s *Server) handleInviteModerator(w http.ResponseWriter, r *http.Request, u *user, c *colonyRec, m *colonyMod) {
	var in struct {
		InviteeUsername string    `json:"invitee_username"`
		RoleOffered     string    `json:"role_offered"`
		Permissions     *[]string `json:"permissions"`
	}
	if !decodeBody(w, r, &in) {
		return
	}
	role := in.RoleOffered
	if role == "" {
		role = "moderator"
	}
	t := s.usersByName[strings.TrimSpace(in.InviteeUsername)]
	switch {
	case !checkLiteral(w, "body", "role_offered", role, "moderator", "admin"):
		return
	case role == "admin" && m.Founder != u.ID:
		writeError(w, http.StatusForbidden, "FORBIDDEN", "Only the founder can invite an admin")
		return
	case t == nil:
		writeError(w, http.StatusNotFound, "NOT_FOUND", "User not found")
		return
	case m.isMod(t.ID):
		writeError(w, http.StatusConflict, "CONFLICT", "This user already moderates the colony")
		return
	case s.activeBan(c.ID, t.ID) != nil:
		writeError(w, http.StatusConflict, "CONFLICT", "This user is banned from the colony")
		return
	}
	if slices.ContainsFunc(s.mod.Invites, func(iv *modInvite) bool {
		return iv.ColonyID == c.ID && iv.InviteeID == t.ID && s.inviteStatus(iv) == "pending"
	}) {
		writeError(w, http.StatusConflict, "CONFLICT", "This user already has a pending invitation")
		return
	}
	perms := []string{}
	patch(&perms, in.Permissions)
	iv := &modInvite{ID: newID(), ColonyID: c.ID, InviterID: u.ID, InviteeID: t.ID, Role: role, Permissions: perms,
		Status: "pending", CreatedAt: s.now(), ExpiresAt: s.now().Add(modInviteTTL)}
	s.mod.Invites = append(s.mod.Invites, iv)
	writeJSON(w, http.StatusOK, s.modInviteOut(iv))
}

func (s *Server) handleListModInvites(w http.ResponseWriter, r *http.Request, u *user, c *colonyRec, m *colonyMod) {
	writeJSON(w, http.StatusOK, s.invitesOut(func(iv *modInvite) bool { return iv.ColonyID == c.ID }))
}

func (s *Server) handleRevokeModInvite(w http.ResponseWriter, r *http.Request, u *user, c *colonyRec, m *colonyMod) {
	iv, ok := s.findInvite(w, r, func(iv *modInvite) bool { return iv.ColonyID == c.ID })
	if !ok || s.refuseAnswered(w, iv) {
		return
	}
	iv.Status = "revoked"
	writeJSON(w, http.StatusOK, s.modInviteOut(iv))
}

// muxAliases serve a route under a looser ServeMux pattern where its own
// would conflict with another's: "POST /colonies/{colony_id}/bans/{user_id}"
// and "POST /colonies/mod-invites/{invitation_id}/accept" overlap (on
// /colonies/mod-invites/bans/accept) with neither more specific. The alias
// turns the route's literal segment into a wildcard named after it, which
// aliasMatches requires to hold that literal; the request log records the
// route's own pattern.
var muxAliases = map[string]string{
	"POST /colonies/{colony_id}/bans/{user_id}": "POST /colonies/{colony_id}/{bans}/{user_id}",
}

// aliasedPatterns maps an alias, as the mux reports it, back to its route.
var aliasedPatterns = func() map[string]string {
	m := map[string]string{}
	for route, alias := range muxAliases {
		m[alias] = route
	}
	return m
}()

// unalias returns the route a request to path (relative to Prefix) that
// the mux matched with pattern rel really matched: rel itself when it is
// no alias, the aliased route when path has that route's literal segments,
// and "/" (no route) when it does not.
func unalias(rel, path string) string {
	route, ok := aliasedPatterns[rel]
	if !ok {
		return rel
	}
	_, tmpl, _ := strings.Cut(route, " ")
	want, got := strings.Split(tmpl, "/"), strings.Split(path, "/")
	if len(want) != len(got) {
		return "/"
	}
	for i, seg := range want {
		if !strings.HasPrefix(seg, "{") && seg != got[i] {
			return "/"
		}
	}
	return route
}
