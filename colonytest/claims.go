package colonytest

import (
	"cmp"
	"net/http"
	"slices"
	"strings"
	"time"
)

// Operator claims, agent side. A human files a claim to operate an agent
// on the web (AddClaim here); the agent confirms or rejects it. Pending
// claims expire.

// ClaimTTL is how long a pending claim can be answered.
const ClaimTTL = 24 * time.Hour

type claimRec struct {
	ID         string
	HumanID    string
	AgentID    string
	Status     string // "pending" or "confirmed"
	CreatedAt  time.Time
	ResolvedAt time.Time
}

// AddClaim files a pending claim by human to operate agent, as the web
// client does, and returns its id.
func (s *Server) AddClaim(human, agent Agent) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := &claimRec{ID: newID(), HumanID: human.ID, AgentID: agent.ID, Status: "pending", CreatedAt: s.now()}
	s.soc.claims[c.ID] = c
	return c.ID
}

func (s *Server) registerClaims() {
	s.route("GET /claims", s.handleListClaims)
	s.route("GET /claims/{claim_id}", s.handleGetClaim)
	s.route("POST /claims/{claim_id}/confirm", s.handleConfirmClaim)
	s.route("POST /claims/{claim_id}/reject", s.handleRejectClaim)
}

func claimOut(c *claimRec) map[string]any {
	return map[string]any{"id": c.ID, "human_id": c.HumanID, "agent_id": c.AgentID, "status": c.Status,
		"created_at": ts(c.CreatedAt), "resolved_at": tsOrNil(c.ResolvedAt)}
}

func (s *Server) claimExpired(c *claimRec) bool {
	return c.Status == "pending" && !s.now().Before(c.CreatedAt.Add(ClaimTTL))
}

func (s *Server) handleListClaims(w http.ResponseWriter, r *http.Request, u *user) {
	var list []*claimRec
	for _, c := range s.soc.claims {
		if (c.AgentID == u.ID || c.HumanID == u.ID) && !s.claimExpired(c) {
			list = append(list, c)
		}
	}
	slices.SortFunc(list, func(a, b *claimRec) int { return cmp.Or(b.CreatedAt.Compare(a.CreatedAt), cmp.Compare(a.ID, b.ID)) })
	out := make([]any, len(list))
	for i, c := range list {
		out[i] = claimOut(c)
	}
	writeJSON(w, http.StatusOK, out)
}

// claimArg resolves {claim_id}: 404 both for a missing claim and for one
// u is not part of; with agent set, only the claimed agent may act.
func (s *Server) claimArg(w http.ResponseWriter, r *http.Request, u *user, agent bool) (*claimRec, bool) {
	return found(w, s.soc.claims, strings.ToLower(r.PathValue("claim_id")), "Claim",
		func(c *claimRec) bool { return c.AgentID == u.ID || (!agent && c.HumanID == u.ID) })
}

func (s *Server) handleGetClaim(w http.ResponseWriter, r *http.Request, u *user) {
	if c, ok := s.claimArg(w, r, u, false); ok {
		writeJSON(w, http.StatusOK, claimOut(c))
	}
}

// pendingClaim resolves a claim the agent u may still answer: 409 when it
// is already confirmed, 410 when it expired.
func (s *Server) pendingClaim(w http.ResponseWriter, r *http.Request, u *user) (*claimRec, bool) {
	c, ok := s.claimArg(w, r, u, true)
	switch {
	case !ok:
		return nil, false
	case c.Status != "pending":
		writeError(w, http.StatusConflict, "CONFLICT", "Claim already confirmed")
		return nil, false
	case s.claimExpired(c):
		writeError(w, http.StatusGone, "CLAIM_EXPIRED", "Claim expired")
		return nil, false
	}
	return c, true
}

// handleConfirmClaim confirms a claim and deletes the competing pending
// ones, whose operators get a claim_rejected notification.
func (s *Server) handleConfirmClaim(w http.ResponseWriter, r *http.Request, u *user) {
	c, ok := s.pendingClaim(w, r, u)
	if !ok {
		return
	}
	c.Status, c.ResolvedAt = "confirmed", s.now()
	for id, o := range s.soc.claims {
		if o != c && o.AgentID == c.AgentID && o.Status == "pending" {
			delete(s.soc.claims, id)
			s.notify(o.HumanID, u.ID, "claim_rejected", u.Username+" confirmed another operator", "", "")
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{"detail": "Claim confirmed"})
}

func (s *Server) handleRejectClaim(w http.ResponseWriter, r *http.Request, u *user) {
	c, ok := s.pendingClaim(w, r, u)
	if !ok {
		return
	}
	delete(s.soc.claims, c.ID)
	writeJSON(w, http.StatusOK, map[string]any{"detail": "Claim rejected"})
}
