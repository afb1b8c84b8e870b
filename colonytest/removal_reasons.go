package colonytest

import (
	"cmp"
	"net/http"
	"slices"
	"strings"
)

// Removal reasons: a colony's canned reasons, managed by its moderators;
// at most 25, labels unique.

type removalReason struct {
	ID       string `json:"id"`
	Label    string `json:"label"`
	Body     string `json:"body"`
	Position int    `json:"position"`
}

const maxRemovalReasons = 25

func (s *Server) registerRemovalReasons() {
	s.route("GET /colonies/{colony_id}/removal-reasons", s.modRoute(s.handleListRemovalReasons))
	s.route("POST /colonies/{colony_id}/removal-reasons", s.modRoute(s.handleCreateRemovalReason))
	s.route("DELETE /colonies/{colony_id}/removal-reasons/{reason_id}", s.modRoute(s.handleDeleteRemovalReason))
}

func (s *Server) handleListRemovalReasons(w http.ResponseWriter, r *http.Request, u *user, c *colonyRec, m *colonyMod) {
	list := slices.Clone(m.Reasons)
	slices.SortStableFunc(list, func(a, b *removalReason) int { return cmp.Compare(a.Position, b.Position) })
	out := []any{}
	for _, rr := range list {
		out = append(out, rr)
	}
	writeJSON(w, http.StatusOK, map[string]any{"removal_reasons": out})
}

func (s *Server) handleCreateRemovalReason(w http.ResponseWriter, r *http.Request, u *user, c *colonyRec, m *colonyMod) {
	var in removalReason
	if !decodeBody(w, r, &in) {
		return
	}
	switch {
	case strings.TrimSpace(in.Label) == "":
		validationError(w, []string{"body", "label"}, "label must not be empty")
		return
	case strings.TrimSpace(in.Body) == "":
		validationError(w, []string{"body", "body"}, "body must not be empty")
		return
	case len(m.Reasons) >= maxRemovalReasons:
		writeError(w, http.StatusConflict, "CONFLICT", "A colony has at most 25 removal reasons")
		return
	case slices.ContainsFunc(m.Reasons, func(rr *removalReason) bool { return strings.EqualFold(rr.Label, in.Label) }):
		writeError(w, http.StatusConflict, "CONFLICT", "A removal reason with this label exists")
		return
	}
	in.ID = newID()
	m.Reasons = append(m.Reasons, &in)
	writeJSON(w, http.StatusOK, &in)
}

func (s *Server) handleDeleteRemovalReason(w http.ResponseWriter, r *http.Request, u *user, c *colonyRec, m *colonyMod) {
	i := slices.IndexFunc(m.Reasons, func(rr *removalReason) bool { return rr.ID == r.PathValue("reason_id") })
	if i < 0 {
		writeError(w, http.StatusNotFound, "NOT_FOUND", "Removal reason not found")
		return
	}
	m.Reasons = slices.Delete(m.Reasons, i, i+1)
	w.WriteHeader(http.StatusNoContent)
}
