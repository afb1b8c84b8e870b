package colonytest

import (
	"cmp"
	"net/http"
	"slices"
	"strings"
)

// Flairs: a colony's post flairs and user-flair templates, managed by its
// moderators (at most 25 of each, labels unique), and the template each
// member wears. Anyone may list them; a moderator gives any template to a
// member, a member may pick one that is not mod_only for themselves.
// Deleting a template takes it off everyone wearing it.

type flairRec struct {
	ID              string `json:"id"`
	Label           string `json:"label"`
	BackgroundColor string `json:"background_color"`
	TextColor       string `json:"text_color"`
	ModOnly         bool   `json:"mod_only"` // user-flair templates only
	Position        int    `json:"position"`
}

const (
	maxFlairs            = 25
	defaultFlairBackdrop = "#1f2937"
	defaultFlairText     = "#ffffff"
)

func (s *Server) registerFlairs() {
	s.route("GET /colonies/{colony_id}/post-flairs", s.colonyRoute(s.handleListFlairs(false)))
	s.route("POST /colonies/{colony_id}/post-flairs", s.modRoute(s.handleCreateFlair(false)))
	s.route("DELETE /colonies/{colony_id}/post-flairs/{flair_id}", s.modRoute(s.handleDeleteFlair(false)))
	s.route("GET /colonies/{colony_id}/user-flairs", s.colonyRoute(s.handleListFlairs(true)))
	s.route("POST /colonies/{colony_id}/user-flairs", s.modRoute(s.handleCreateFlair(true)))
	s.route("DELETE /colonies/{colony_id}/user-flairs/{template_id}", s.modRoute(s.handleDeleteFlair(true)))
	s.route("PUT /colonies/{colony_id}/members/{user_id}/flair", s.colonyRoute(s.handleAssignFlair))
	s.route("DELETE /colonies/{colony_id}/members/{user_id}/flair", s.colonyRoute(s.handleClearFlair))
}

// flairsOf returns the colony's user-flair templates (user) or post
// flairs.
func (m *colonyMod) flairsOf(templates bool) *[]*flairRec {
	if templates {
		return &m.UserFlairs
	}
	return &m.PostFlairs
}

func flairOut(f *flairRec, template bool) map[string]any {
	out := map[string]any{"id": f.ID, "label": f.Label, "background_color": f.BackgroundColor,
		"text_color": f.TextColor, "position": f.Position}
	if template {
		out["mod_only"] = f.ModOnly
	}
	return out
}

func (s *Server) handleListFlairs(templates bool) colonyHandler {
	return func(w http.ResponseWriter, r *http.Request, u *user, c *colonyRec, m *colonyMod) {
		list := slices.Clone(*m.flairsOf(templates))
		slices.SortStableFunc(list, func(a, b *flairRec) int { return cmp.Compare(a.Position, b.Position) })
		out := []any{}
		for _, f := range list {
			out = append(out, flairOut(f, templates))
		}
		if templates {
			writeJSON(w, http.StatusOK, map[string]any{"user_flair_enabled": true, "templates": out})
			return
		}
		writeJSON(w, http.StatusOK, map[string]any{"flairs": out})
	}
}

func (s *Server) handleCreateFlair(templates bool) colonyHandler {
	return func(w http.ResponseWriter, r *http.Request, u *user, c *colonyRec, m *colonyMod) {
		in := flairRec{BackgroundColor: defaultFlairBackdrop, TextColor: defaultFlairText}
		if !decodeBody(w, r, &in) {
			return
		}
		list := m.flairsOf(templates)
		switch {
		case strings.TrimSpace(in.Label) == "":
			validationError(w, []string{"body", "label"}, "label must not be empty")
			return
		case !hexColorShape.MatchString(in.BackgroundColor) || !hexColorShape.MatchString(in.TextColor):
			validationError(w, []string{"body", "background_color"}, "colours must be 6-digit hex such as #1f2937")
			return
		case len(*list) >= maxFlairs:
			writeError(w, http.StatusConflict, "CONFLICT", "A colony has at most 25 flairs of each kind")
			return
		case slices.ContainsFunc(*list, func(f *flairRec) bool { return strings.EqualFold(f.Label, in.Label) }):
			writeError(w, http.StatusConflict, "CONFLICT", "A flair with this label exists")
			return
		}
		in.ID = newID()
		in.ModOnly = in.ModOnly && templates
		*list = append(*list, &in)
		writeJSON(w, http.StatusOK, flairOut(&in, templates))
	}
}

func (s *Server) handleDeleteFlair(templates bool) colonyHandler {
	param := "flair_id"
	if templates {
		param = "template_id"
	}
	return func(w http.ResponseWriter, r *http.Request, u *user, c *colonyRec, m *colonyMod) {
		id := r.PathValue(param)
		list := m.flairsOf(templates)
		i := slices.IndexFunc(*list, func(f *flairRec) bool { return f.ID == id })
		if i < 0 {
			writeError(w, http.StatusNotFound, "NOT_FOUND", "Flair not found")
			return
		}
		*list = slices.Delete(*list, i, i+1)
		for member, tpl := range m.MemberFlairs {
			if templates && tpl == id {
				delete(m.MemberFlairs, member) // its wearers lose it
			}
		}
		w.WriteHeader(http.StatusNoContent)
	}
}

// flairTarget resolves {user_id} to a member u may set the flair of: a
// moderator anyone's, a member their own.
func (s *Server) flairTarget(w http.ResponseWriter, r *http.Request, u *user, c *colonyRec, m *colonyMod) (*user, bool) {
	t, ok := s.member(w, r, c, m)
	if !ok {
		return nil, false
	}
	if t.ID != u.ID && !m.isMod(u.ID) {
		writeError(w, http.StatusForbidden, "FORBIDDEN", "Only moderators set another member's flair")
		return nil, false
	}
	return t, true
}

func (s *Server) handleAssignFlair(w http.ResponseWriter, r *http.Request, u *user, c *colonyRec, m *colonyMod) {
	t, ok := s.flairTarget(w, r, u, c, m)
	if !ok {
		return
	}
	var in struct {
		TemplateID string `json:"template_id"`
	}
	if !decodeBody(w, r, &in) {
		return
	}
	i := slices.IndexFunc(m.UserFlairs, func(f *flairRec) bool { return f.ID == in.TemplateID })
	switch {
	case i < 0:
		writeError(w, http.StatusNotFound, "NOT_FOUND", "Flair template not found")
		return
	case m.UserFlairs[i].ModOnly && !m.isMod(u.ID):
		writeError(w, http.StatusForbidden, "FORBIDDEN", "This flair is given by moderators only")
		return
	}
	m.MemberFlairs[t.ID] = in.TemplateID
	writeJSON(w, http.StatusOK, map[string]any{"user_id": t.ID, "template_id": in.TemplateID, "template_label": m.UserFlairs[i].Label})
}

func (s *Server) handleClearFlair(w http.ResponseWriter, r *http.Request, u *user, c *colonyRec, m *colonyMod) {
	t, ok := s.flairTarget(w, r, u, c, m)
	if !ok {
		return
	}
	delete(m.MemberFlairs, t.ID)
	writeJSON(w, http.StatusOK, map[string]any{"user_id": t.ID, "template_id": nil, "template_label": nil})
}

// memberFlairOut is the flair a member wears, as the member list shows it
// (nil for none).
func (m *colonyMod) memberFlairOut(userID string) any {
	i := slices.IndexFunc(m.UserFlairs, func(f *flairRec) bool { return f.ID == m.MemberFlairs[userID] })
	if i < 0 {
		return nil
	}
	return flairOut(m.UserFlairs[i], true)
}
