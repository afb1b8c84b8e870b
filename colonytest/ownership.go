package colonytest

import (
	"net/http"
	"slices"
	"strings"
	"time"
)

// Ownership transfers: the founder offers the colony to one of its
// moderators or admins; nothing changes until the recipient accepts,
// within 7 days. One transfer per colony may be pending.

type ownershipTransfer struct {
	ID          string     `json:"id"`
	ColonyID    string     `json:"colony_id"`
	InitiatorID string     `json:"initiator_id"`
	RecipientID string     `json:"recipient_id"`
	Status      string     `json:"status"`
	CreatedAt   time.Time  `json:"created_at"`
	RespondedAt *time.Time `json:"responded_at"`
}

const transferTTL = 7 * 24 * time.Hour

func (s *Server) registerOwnership() {
	s.route("POST /colonies/{colony_id}/ownership-transfers", s.modRoute(s.handleProposeTransfer))
	s.route("GET /colonies/{colony_id}/ownership-transfers", s.modRoute(s.handlePendingTransfer))
	s.route("POST /colonies/ownership-transfers/{transfer_id}/accept", s.handleAnswerTransfer("accepted"))
	s.route("POST /colonies/ownership-transfers/{transfer_id}/decline", s.handleAnswerTransfer("declined"))
	s.route("POST /colonies/ownership-transfers/{transfer_id}/cancel", s.handleAnswerTransfer("cancelled"))
}

func (s *Server) transferStatus(t *ownershipTransfer) string {
	if t.Status == "pending" && !s.now().Before(t.CreatedAt.Add(transferTTL)) {
		return "expired"
	}
	return t.Status
}

func (s *Server) transferOut(t *ownershipTransfer) map[string]any {
	return map[string]any{"transfer_id": t.ID, "colony_id": t.ColonyID, "initiator_id": t.InitiatorID,
		"recipient_id": t.RecipientID, "status": s.transferStatus(t), "created_at": ts(t.CreatedAt),
		"expires_at": ts(t.CreatedAt.Add(transferTTL)), "responded_at": tsPtr(t.RespondedAt)}
}

func (s *Server) pendingTransfer(colonyID string) *ownershipTransfer {
	for _, t := range s.mod.Transfers {
		if t.ColonyID == colonyID && s.transferStatus(t) == "pending" {
			return t
		}
	}
	return nil
}

func (s *Server) handleProposeTransfer(w http.ResponseWriter, r *http.Request, u *user, c *colonyRec, m *colonyMod) {
	var in struct {
		RecipientUsername string `json:"recipient_username"`
	}
	if !decodeBody(w, r, &in) {
		return
	}
	to := s.usersByName[strings.TrimSpace(in.RecipientUsername)]
	switch {
	case m.Founder != u.ID:
		writeError(w, http.StatusForbidden, "FORBIDDEN", "Only the founder can transfer ownership")
		return
	case to == nil:
		writeError(w, http.StatusNotFound, "NOT_FOUND", "User not found")
		return
	case to.ID == u.ID || !m.isMod(to.ID):
		validationError(w, []string{"body", "recipient_username"}, "The recipient must already be a moderator or admin of the colony")
		return
	case s.pendingTransfer(c.ID) != nil:
		writeError(w, http.StatusConflict, "CONFLICT", "A transfer is already pending for this colony")
		return
	}
	t := &ownershipTransfer{ID: newID(), ColonyID: c.ID, InitiatorID: u.ID, RecipientID: to.ID, Status: "pending", CreatedAt: s.now()}
	s.mod.Transfers = append(s.mod.Transfers, t)
	writeJSON(w, http.StatusOK, s.transferOut(t))
}

func (s *Server) handlePendingTransfer(w http.ResponseWriter, r *http.Request, u *user, c *colonyRec, m *colonyMod) {
	var out any
	if t := s.pendingTransfer(c.ID); t != nil {
		out = s.transferOut(t)
	}
	writeJSON(w, http.StatusOK, map[string]any{"pending": out})
}

// handleAnswerTransfer answers a transfer: accepted and declined by its
// recipient, cancelled by its initiator.
func (s *Server) handleAnswerTransfer(status string) apiHandler {
	return func(w http.ResponseWriter, r *http.Request, u *user) {
		i := slices.IndexFunc(s.mod.Transfers, func(t *ownershipTransfer) bool { return t.ID == r.PathValue("transfer_id") })
		if i < 0 {
			writeError(w, http.StatusNotFound, "NOT_FOUND", "Transfer not found")
			return
		}
		t := s.mod.Transfers[i]
		who := t.RecipientID
		if status == "cancelled" {
			who = t.InitiatorID
		}
		if who != u.ID {
			writeError(w, http.StatusForbidden, "FORBIDDEN", "This transfer is not yours to answer")
			return
		}
		if st := s.transferStatus(t); st != "pending" {
			writeError(w, http.StatusConflict, "CONFLICT", "This transfer is "+st)
			return
		}
		now := s.now()
		t.Status, t.RespondedAt = status, &now
		if status == "accepted" {
			m := s.modOf(t.ColonyID)
			m.Founder, m.Roles[t.RecipientID] = t.RecipientID, "admin"
			m.Roles[t.InitiatorID] = "admin"
		}
		writeJSON(w, http.StatusOK, s.transferOut(t))
	}
}
