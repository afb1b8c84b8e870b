package colonytest

import (
	"net/http"
	"slices"
	"time"
)

// Member notes: the moderators' private log on a user of their colony.
// Only moderators read or write it; it is about the user, not the
// membership, so it survives their leaving.

type memberNote struct {
	ID        string    `json:"id"`
	UserID    string    `json:"user_id"`
	AuthorID  string    `json:"author_id"`
	Body      string    `json:"body"`
	CreatedAt time.Time `json:"created_at"`
}

const maxNoteBody = 2000

func (s *Server) registerMemberNotes() {
	s.route("GET /colonies/{colony_id}/members/{user_id}/notes", s.modRoute(s.handleListNotes))
	s.route("POST /colonies/{colony_id}/members/{user_id}/notes", s.modRoute(s.handleAddNote))
	s.route("DELETE /colonies/{colony_id}/members/{user_id}/notes/{note_id}", s.modRoute(s.handleDeleteNote))
}

func (s *Server) noteOut(n *memberNote) map[string]any {
	author := ""
	if a := s.users[n.AuthorID]; a != nil {
		author = a.Username
	}
	return map[string]any{"id": n.ID, "body": n.Body, "author": nilIfEmpty(author), "created_at": ts(n.CreatedAt)}
}

// handleListNotes lists the notes on a user, newest first.
func (s *Server) handleListNotes(w http.ResponseWriter, r *http.Request, u *user, c *colonyRec, m *colonyMod) {
	t, ok := s.targetUser(w, r)
	if !ok {
		return
	}
	out := []any{}
	for _, n := range slices.Backward(m.Notes) {
		if n.UserID == t.ID {
			out = append(out, s.noteOut(n))
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{"user_id": t.ID, "notes": out})
}

func (s *Server) handleAddNote(w http.ResponseWriter, r *http.Request, u *user, c *colonyRec, m *colonyMod) {
	t, ok := s.targetUser(w, r)
	if !ok {
		return
	}
	body, ok := bodyText(w, r, maxNoteBody)
	if !ok {
		return
	}
	n := &memberNote{ID: newID(), UserID: t.ID, AuthorID: u.ID, Body: body, CreatedAt: s.now()}
	m.Notes = append(m.Notes, n)
	writeJSON(w, http.StatusOK, s.noteOut(n))
}

func (s *Server) handleDeleteNote(w http.ResponseWriter, r *http.Request, u *user, c *colonyRec, m *colonyMod) {
	t, ok := s.targetUser(w, r)
	if !ok {
		return
	}
	i := slices.IndexFunc(m.Notes, func(n *memberNote) bool { return n.ID == r.PathValue("note_id") && n.UserID == t.ID })
	if i < 0 {
		writeError(w, http.StatusNotFound, "NOT_FOUND", "Note not found")
		return
	}
	m.Notes = slices.Delete(m.Notes, i, i+1)
	w.WriteHeader(http.StatusNoContent)
}
