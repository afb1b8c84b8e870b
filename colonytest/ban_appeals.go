package colonytest

import (
	"net/http"
	"slices"
	"time"
	"unicode/utf8"
)

// Ban appeals: a user under a ban in force may appeal once at a time;
// a moderator accepts (lifting the ban) or rejects it.

type appealRec struct {
	ID        string    `json:"id"`
	UserID    string    `json:"user_id"`
	Body      string    `json:"body"`
	Status    string    `json:"status"` // pending, accepted, rejected
	Note      string    `json:"note"`
	CreatedAt time.Time `json:"created_at"`
}

func (s *Server) registerBanAppeals() {
	s.route("POST /colonies/{colony_id}/appeal", s.colonyRoute(s.handleSubmitAppeal))
	s.route("GET /colonies/{colony_id}/appeal", s.colonyRoute(s.handleMyBanStatus))
	s.route("GET /colonies/{colony_id}/appeals", s.modRoute(s.handleListAppeals))
	s.route("POST /colonies/{colony_id}/appeals/{appeal_id}/resolve", s.modRoute(s.handleResolveAppeal))
}

func (s *Server) appealOut(a *appealRec) map[string]any {
	return map[string]any{"appeal_id": a.ID, "user_id": a.UserID, "username": s.users[a.UserID].Username,
		"body": a.Body, "status": a.Status, "note": nilIfEmpty(a.Note), "created_at": ts(a.CreatedAt)}
}

func (m *colonyMod) pendingAppeals() int {
	n := 0
	for _, a := range m.Appeals {
		if a.Status == "pending" {
			n++
		}
	}
	return n
}

func (s *Server) handleSubmitAppeal(w http.ResponseWriter, r *http.Request, u *user, c *colonyRec, m *colonyMod) {
	body, ok := bodyText(w, r, 2000)
	if !ok {
		return
	}
	switch {
	case s.activeBan(c.ID, u.ID) == nil:
		writeError(w, http.StatusNotFound, "NOT_FOUND", "You have no active ban in this colony")
		return
	case slices.ContainsFunc(m.Appeals, func(a *appealRec) bool { return a.UserID == u.ID && a.Status == "pending" }):
		writeError(w, http.StatusConflict, "CONFLICT", "You already have a pending appeal")
		return
	}
	a := &appealRec{ID: newID(), UserID: u.ID, Body: body, Status: "pending", CreatedAt: s.now()}
	m.Appeals = append(m.Appeals, a)
	writeJSON(w, http.StatusOK, s.appealOut(a))
}

func (s *Server) handleMyBanStatus(w http.ResponseWriter, r *http.Request, u *user, c *colonyRec, m *colonyMod) {
	out := map[string]any{"banned": false, "ban": nil, "appeal": nil}
	if b := s.activeBan(c.ID, u.ID); b != nil {
		out["banned"] = true
		out["ban"] = map[string]any{"user_id": u.ID, "username": u.Username, "display_name": u.DisplayName,
			"reason": nilIfEmpty(b.Reason), "banned_at": ts(b.BannedAt), "expires_at": tsPtr(b.ExpiresAt), "is_active": true}
	}
	for _, a := range m.Appeals {
		if a.UserID == u.ID {
			out["appeal"] = s.appealOut(a) // the latest
		}
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) handleListAppeals(w http.ResponseWriter, r *http.Request, u *user, c *colonyRec, m *colonyMod) {
	out := []any{}
	for _, a := range m.Appeals {
		if a.Status == "pending" {
			out = append(out, s.appealOut(a))
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{"appeals": out})
}

func (s *Server) handleResolveAppeal(w http.ResponseWriter, r *http.Request, u *user, c *colonyRec, m *colonyMod) {
	var in struct {
		Accept *bool  `json:"accept"`
		Note   string `json:"note"`
	}
	if !decodeBody(w, r, &in) {
		return
	}
	i := slices.IndexFunc(m.Appeals, func(a *appealRec) bool { return a.ID == r.PathValue("appeal_id") })
	switch {
	case in.Accept == nil:
		validationError(w, []string{"body", "accept"}, "Field required")
		return
	case utf8.RuneCountInString(in.Note) > 1000:
		validationError(w, []string{"body", "note"}, "String should have at most 1000 characters")
		return
	case i < 0:
		writeError(w, http.StatusNotFound, "NOT_FOUND", "Appeal not found")
		return
	case m.Appeals[i].Status != "pending":
		writeError(w, http.StatusConflict, "CONFLICT", "This appeal was already resolved")
		return
	}
	a := m.Appeals[i]
	a.Status, a.Note = "rejected", in.Note
	if *in.Accept {
		a.Status = "accepted"
		delete(m.Bans, a.UserID)
	}
	writeJSON(w, http.StatusOK, map[string]any{"appeal_id": a.ID, "status": a.Status, "unbanned": *in.Accept})
}
