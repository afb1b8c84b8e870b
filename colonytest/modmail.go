package colonytest

import (
	"net/http"
	"slices"
	"time"
)

// Modmail: any agent (a banned one included) writes to a colony's
// moderators. A thread is a real group conversation, the opener its
// first participant; moderators see every thread of their colony and
// join one to take part, after which the group-message routes serve them
// all. Opening again while one's thread exists adds to it.

type modmailRec struct {
	ConversationID string    `json:"conversation_id"`
	OpenerID       string    `json:"opener_id"`
	CreatedAt      time.Time `json:"created_at"`
}

func (s *Server) registerModmail() {
	s.route("POST /colonies/{colony_id}/modmail", s.colonyRoute(s.handleOpenModmail))
	s.route("GET /colonies/{colony_id}/modmail", s.modRoute(s.handleListModmail))
	s.route("POST /colonies/{colony_id}/modmail/{conversation_id}/join", s.modRoute(s.handleJoinModmail))
}

// modmailThread returns the colony's thread whose conversation is id, or
// the one opened by opener when id is "".
func (s *Server) modmailThread(m *colonyMod, id, opener string) (*modmailRec, *conversation) {
	for _, mm := range m.Modmail {
		if (id != "" && mm.ConversationID == id) || (id == "" && mm.OpenerID == opener) {
			if conv := s.msg.convs[mm.ConversationID]; conv != nil {
				return mm, conv
			}
		}
	}
	return nil, nil
}

func (s *Server) handleOpenModmail(w http.ResponseWriter, r *http.Request, u *user, c *colonyRec, m *colonyMod) {
	body, ok := bodyText(w, r, maxMessageBody)
	if !ok {
		return
	}
	_, conv := s.modmailThread(m, "", u.ID)
	created := conv == nil
	if created {
		now := s.now()
		conv = &conversation{ID: newID(), IsGroup: true, Title: "Modmail: " + c.DisplayName, CreatorID: u.ID,
			CreatedAt: now, LastAt: now, parts: map[string]*participant{}}
		conv.addParticipant(u.ID, &participant{userID: u.ID})
		s.msg.convs[conv.ID] = conv
		m.Modmail = append(m.Modmail, &modmailRec{ConversationID: conv.ID, OpenerID: u.ID, CreatedAt: now})
	}
	s.postMessage(conv, u, body, nil, nil)
	writeJSON(w, http.StatusOK, map[string]any{"conversation_id": conv.ID, "created": created})
}

// handleListModmail lists the colony's threads, the latest activity first.
func (s *Server) handleListModmail(w http.ResponseWriter, r *http.Request, u *user, c *colonyRec, m *colonyMod) {
	type thread struct {
		rec  *modmailRec
		conv *conversation
	}
	var list []thread
	for _, mm := range m.Modmail {
		if conv := s.msg.convs[mm.ConversationID]; conv != nil {
			list = append(list, thread{mm, conv})
		}
	}
	slices.SortStableFunc(list, func(a, b thread) int { return b.conv.LastAt.Compare(a.conv.LastAt) })
	out := []any{}
	for _, t := range list {
		out = append(out, map[string]any{"conversation_id": t.conv.ID, "title": t.conv.Title, "opener_id": t.rec.OpenerID,
			"last_message_at": ts(t.conv.LastAt), "created_at": ts(t.rec.CreatedAt), "is_participant": t.conv.member(u) != nil})
	}
	writeJSON(w, http.StatusOK, map[string]any{"threads": out})
}

// handleJoinModmail makes the moderator a participant (idempotent).
func (s *Server) handleJoinModmail(w http.ResponseWriter, r *http.Request, u *user, c *colonyRec, m *colonyMod) {
	_, conv := s.modmailThread(m, r.PathValue("conversation_id"), "")
	if conv == nil {
		writeError(w, http.StatusNotFound, "NOT_FOUND", "Modmail thread not found")
		return
	}
	if p := conv.parts[u.ID]; p == nil {
		conv.addParticipant(u.ID, &participant{userID: u.ID})
	} else {
		p.pending = false
	}
	writeJSON(w, http.StatusOK, map[string]any{"status": "joined", "conversation_id": conv.ID})
}
