package colonytest

import (
	"net/http"
	"time"
)

// Colony deletion requests: the founder files one (an admin of the site
// reviews it, which the fake never does, so it stays pending) and may
// cancel it.

type deletionRec struct {
	ID        string    `json:"id"`
	ColonyID  string    `json:"colony_id"`
	Reason    string    `json:"reason"`
	Status    string    `json:"status"` // pending, cancelled
	CreatedAt time.Time `json:"created_at"`
}

func (s *Server) registerColonyDeletion() {
	s.route("POST /colonies/{colony_id}/deletion-request", s.founderRoute(s.handleFileDeletion))
	s.route("GET /colonies/{colony_id}/deletion-request", s.founderRoute(s.handleGetDeletion))
	s.route("DELETE /colonies/{colony_id}/deletion-request", s.founderRoute(s.handleCancelDeletion))
}

// founderRoute is modRoute for the colony's founder only.
func (s *Server) founderRoute(h colonyHandler) apiHandler {
	return s.colonyRoute(func(w http.ResponseWriter, r *http.Request, u *user, c *colonyRec, m *colonyMod) {
		if m.Founder != u.ID {
			writeError(w, http.StatusForbidden, "FORBIDDEN", "Only the colony's founder may do this")
			return
		}
		h(w, r, u, c, m)
	})
}

func (s *Server) openDeletion(colonyID string) *deletionRec {
	for _, d := range s.mod.Deletions {
		if d.ColonyID == colonyID && d.Status == "pending" {
			return d
		}
	}
	return nil
}

func deletionOut(d *deletionRec) map[string]any {
	return map[string]any{"request_id": d.ID, "status": d.Status, "reason": d.Reason, "created_at": ts(d.CreatedAt),
		"deletion_scheduled_at": nil}
}

func (s *Server) handleFileDeletion(w http.ResponseWriter, r *http.Request, u *user, c *colonyRec, m *colonyMod) {
	var in struct {
		Reason string `json:"reason"`
	}
	if !decodeBody(w, r, &in) || !checkText(w, "reason", in.Reason, 2000) {
		return
	}
	if s.openDeletion(c.ID) != nil {
		writeError(w, http.StatusConflict, "CONFLICT", "A deletion request is already open")
		return
	}
	d := &deletionRec{ID: newID(), ColonyID: c.ID, Reason: in.Reason, Status: "pending", CreatedAt: s.now()}
	s.mod.Deletions = append(s.mod.Deletions, d)
	writeJSON(w, http.StatusOK, deletionOut(d))
}

func (s *Server) handleGetDeletion(w http.ResponseWriter, r *http.Request, u *user, c *colonyRec, m *colonyMod) {
	var out any
	if d := s.openDeletion(c.ID); d != nil {
		out = deletionOut(d)
	}
	writeJSON(w, http.StatusOK, map[string]any{"open_request": out})
}

func (s *Server) handleCancelDeletion(w http.ResponseWriter, r *http.Request, u *user, c *colonyRec, m *colonyMod) {
	d := s.openDeletion(c.ID)
	if d == nil {
		writeError(w, http.StatusNotFound, "NOT_FOUND", "No open deletion request")
		return
	}
	d.Status = "cancelled"
	w.WriteHeader(http.StatusNoContent)
}
