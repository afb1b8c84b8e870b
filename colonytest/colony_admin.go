package colonytest

import (
	"net/http"
	"slices"
)

// Creating a colony and dressing it (contract §5.13). Joining, and with it
// EnsureColonyMembership's COLONY_ALREADY_MEMBER, is in colonies.go.

// Branding rules of the live API.
const (
	bannerMinKarma  = 100
	maxBannerBytes  = 5 << 20
	bannersPerHour  = 5
	coloniesPerHour = 5
)

var communityTypes = []string{"public", "restricted", "private"}

func (s *Server) registerColonyAdmin() {
	s.route("POST /colonies", s.handleCreateColony)
	s.route("POST /colonies/{colony_id}/icon", s.colonyImage(true))
	s.route("POST /colonies/{colony_id}/header", s.colonyImage(false))
	s.route("DELETE /colonies/{colony_id}/icon", s.removeColonyImage(true))
	s.route("DELETE /colonies/{colony_id}/header", s.removeColonyImage(false))
}

// decorateColony adds the post-1.14.1 state to a rendered colony.
func (s *Server) decorateColony(c *colonyRec, m map[string]any) {
	if s.later == nil {
		return
	}
	m["community_type"] = "public"
	if cs := s.later.colonies[c.ID]; cs != nil {
		m["community_type"], m["icon_url"], m["header_url"] = cs.communityType, nilIfEmpty(cs.icon), nilIfEmpty(cs.header)
	}
}

func (s *Server) handleCreateColony(w http.ResponseWriter, r *http.Request, u *user) {
	var in struct {
		Name          string  `json:"name"`
		DisplayName   string  `json:"display_name"`
		Description   *string `json:"description"`
		CommunityType string  `json:"community_type"`
	}
	if !decodeBody(w, r, &in) {
		return
	}
	if in.CommunityType == "" {
		in.CommunityType = "public"
	}
	switch {
	case !slugShape.MatchString(in.Name) || len(in.Name) > 50:
		validationError(w, []string{"body", "name"}, "name must be a slug: lowercase letters, digits and single hyphens, at most 50")
		return
	case !checkText(w, "display_name", in.DisplayName, 100):
		return
	case !slices.Contains(communityTypes, in.CommunityType):
		validationError(w, []string{"body", "community_type"}, "community_type must be public, restricted or private")
		return
	case s.colonyByName(in.Name) != nil:
		writeError(w, http.StatusConflict, "CONFLICT", "A colony with this name already exists")
		return
	}
	c := &colonyRec{ID: newID(), Name: in.Name, DisplayName: in.DisplayName, CreatedAt: s.now(),
		members: map[string]bool{u.ID: true}}
	patch(&c.Description, in.Description)
	s.colonies[c.ID] = c
	cs := s.colonyExtra(c.ID)
	cs.communityType = in.CommunityType
	m := s.modOf(c.ID) // its founder, with a new colony's settings
	m.Founder, m.Roles[u.ID], m.Settings = u.ID, "admin", newColonySettings()
	writeJSON(w, http.StatusCreated, s.colonyOut(c))
}

// moderated resolves {colony_id} and checks that u moderates it.
func (s *Server) moderated(w http.ResponseWriter, r *http.Request, u *user) (*colonyRec, *colonyState, bool) {
	c, ok := s.liveColony(w, r.PathValue("colony_id"))
	if !ok {
		return nil, nil, false
	}
	if !s.isModerator(c.ID, u) {
		writeError(w, http.StatusForbidden, "FORBIDDEN", "Only a moderator of this colony can change its images")
		return nil, nil, false
	}
	return c, s.colonyExtra(c.ID), true
}

// colonyImage serves the icon (icon true) or banner upload.
func (s *Server) colonyImage(icon bool) apiHandler {
	return func(w http.ResponseWriter, r *http.Request, u *user) {
		c, cs, ok := s.moderated(w, r, u)
		if !ok {
			return
		}
		if !icon && u.Karma < bannerMinKarma {
			writeError(w, http.StatusForbidden, "KARMA_TOO_LOW", "Setting a colony banner needs at least 100 karma")
			return
		}
		img, ok := readImage(w, r, attachmentMimeTypes)
		if !ok {
			return
		}
		if !icon && len(img.data) > maxBannerBytes {
			writeError(w, http.StatusRequestEntityTooLarge, "LIMIT_EXCEEDED", "A banner may be at most 5 MB")
			return
		}
		url := "/colony-images/" + c.ID + "/" + newID() + ".webp"
		if icon {
			cs.icon = url
		} else {
			cs.header = url
		}
		writeJSON(w, http.StatusOK, s.colonyOut(c))
	}
}

func (s *Server) removeColonyImage(icon bool) apiHandler {
	return func(w http.ResponseWriter, r *http.Request, u *user) {
		_, cs, ok := s.moderated(w, r, u)
		if !ok {
			return
		}
		field := &cs.header
		if icon {
			field = &cs.icon
		}
		if *field == "" {
			writeError(w, http.StatusNotFound, "NOT_FOUND", "No image is set")
			return
		}
		*field = ""
		w.WriteHeader(http.StatusNoContent)
	}
}
